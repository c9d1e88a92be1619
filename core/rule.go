package core

import (
	"errors"
	"slices"
	"strconv"
	"strings"
)

// A Rule is one check, as a value: a name, a one-line doc, the category its
// findings belong to, and a run function that reports through the Pass.
type Rule struct {
	Name     string
	Doc      string
	Category Category
	Run      func(*Pass)
}

// Rules is the registry of every rule the engine runs, in order.
// Each seed rule from the article lives in its own file.
var Rules = []*Rule{
	PHIRule,
	CannedRule,
	LengthRule,
	MannersRule,
	ConductRule,
	RoutingRule,
}

// ValidateRules checks the registry: names unique and present, docs present,
// categories known, run functions set.
func ValidateRules(rules []*Rule) error {
	seen := map[string]bool{}
	for i, r := range rules {
		switch {
		case r == nil:
			return errors.New("rule " + strconv.Itoa(i) + " is nil")
		case r.Name == "":
			return errors.New("rule " + strconv.Itoa(i) + " has no name")
		case seen[r.Name]:
			return errors.New("duplicate rule name " + strconv.Quote(r.Name))
		case r.Doc == "":
			return errors.New("rule " + strconv.Quote(r.Name) + " has no doc")
		case !r.Category.Valid():
			return errors.New("rule " + strconv.Quote(r.Name) + " has unknown category " + strconv.Quote(string(r.Category)))
		case r.Run == nil:
			return errors.New("rule " + strconv.Quote(r.Name) + " has no run function")
		}
		seen[r.Name] = true
	}
	return nil
}

// Pass is what a rule sees: the analysed input, the compiled policy and the
// category settings, and a Report callback.
type Pass struct {
	Rule    *Rule
	Policy  *Compiled
	Reply   *Doc
	Comment *CommentInfo
	// CommentDoc is the tokenised comment, nil when there is none.
	CommentDoc *Doc
	Input      *Input

	findings *[]Finding
}

// Report records a finding, filling in the rule, category and, when unset,
// the policy's severity for the category.
func (p *Pass) Report(f Finding) {
	f.Rule = p.Rule.Name
	if f.Category == "" {
		f.Category = p.Rule.Category
	}
	if f.Severity == "" {
		f.Severity = p.Policy.Severity(f.Category)
	}
	if f.Start < 0 {
		f.Start = 0
	}
	if f.End > len(p.Reply.Text) {
		f.End = len(p.Reply.Text)
	}
	if f.End < f.Start {
		f.End = f.Start
	}
	*p.findings = append(*p.findings, f)
}

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
