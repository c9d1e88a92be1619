package core

import (
	"slices"
	"strings"

	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/rules/canned"
	"github.com/replyguard/replyguard/core/rules/conduct"
	"github.com/replyguard/replyguard/core/rules/hipaa"
	"github.com/replyguard/replyguard/core/rules/hostility"
	"github.com/replyguard/replyguard/core/rules/length"
	"github.com/replyguard/replyguard/core/rules/manners"
	"github.com/replyguard/replyguard/core/rules/routing"
)

// A Rule is one check, as a value (see core/analysis).
type Rule = analysis.Rule

// Rules is the registry of every rule the engine runs, in order. Each rule
// is one folder under core/rules: adding a rule is that folder and a line here.
var Rules = []*Rule{
	hipaa.Rule,
	canned.Rule,
	length.Rule,
	manners.Rule,
	conduct.Rule,
	hostility.Rule,
	routing.Rule,
}

// ValidateRules checks the registry: names unique and present, docs present,
// categories known, run functions set, requirements acyclic.
func ValidateRules(rules []*Rule) error { return analysis.Validate(rules) }

// sortFindings orders findings by position, then category order, then rule.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		if oa, ob := categoryOrder(a.Category), categoryOrder(b.Category); oa != ob {
			return oa - ob
		}
		if a.End != b.End {
			return a.End - b.End
		}
		return strings.Compare(a.Rule, b.Rule)
	})
}

// categoryOrder is c's index in Categories.
func categoryOrder(c Category) int {
	for i, k := range Categories {
		if k == c {
			return i
		}
	}
	return len(Categories)
}
