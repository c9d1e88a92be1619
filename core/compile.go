package core

import (
	"github.com/replyguard/replyguard/core/analyses/comment"
	"github.com/replyguard/replyguard/core/analyses/complaint"
	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/analyses/stock"
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/rules/conduct"
	"github.com/replyguard/replyguard/core/rules/manners"
)

// Compiled is a policy prepared for fast checks: what rules read from it
// (analysis.Config), what it adds to the built-in lists (lex.Extension),
// and each analyzer's and rule's per-policy preparation, done once.
type Compiled struct {
	Policy *Policy

	rules    []*Rule
	ext      *lex.Extension
	cfg      *analysis.Config
	plan     []*analysis.Analyzer // every required analyzer, dependencies first
	prepared map[any]any          // *analysis.Analyzer or *analysis.Rule -> its Prepare result
}

// Compile prepares p for checking by every rule of the registry.
func Compile(p *Policy) (*Compiled, error) { return compileFor(p, Rules) }

func compileFor(p *Policy, rules []*Rule) (*Compiled, error) {
	if err := ValidateRules(rules); err != nil {
		return nil, err
	}
	c := &Compiled{Policy: p, rules: rules, prepared: map[any]any{}}
	add := map[*lex.List][]string{}
	for path, l := range PolicyLists {
		if entries := policyEntries(p, path); len(entries) > 0 {
			add[l] = append(add[l], entries...)
		}
	}
	c.ext = lex.Extend(add, nil)
	c.cfg = configOf(c)
	// The comment analyzer always runs (every Result describes the comment),
	// and so do those Features reads.
	roots := []*analysis.Analyzer{comment.Analyzer, complaint.Analyzer, practice.Analyzer, stock.Analyzer}
	for _, r := range rules {
		roots = append(roots, r.Requires...)
		if r.Prepare != nil {
			c.prepared[r] = r.Prepare(c.cfg)
		}
	}
	plan, err := analysis.Order(roots)
	if err != nil {
		return nil, err
	}
	c.plan = plan
	for _, a := range plan {
		if a.Prepare != nil {
			c.prepared[a] = a.Prepare(c.cfg)
		}
	}
	return c, nil
}

// PolicyLists are the built-in lists a policy extends, by the JSON path of
// the policy field that extends them. A policy's entries are added to the
// list (care terms also in the plural); lex.Extend can remove entries too.
var PolicyLists = map[string]*lex.List{
	"terms.procedures":                care.Procedures,
	"terms.colloquial":                care.Colloquial,
	"terms.conditions":                care.Conditions,
	"terms.medications":               care.Medications,
	"rules.canned.phrases":            stock.Strong,
	"rules.manners.rude_phrases":      manners.RudePhrases,
	"rules.conduct.defensive_phrases": conduct.PolicyPhrases,
}

// policyEntries returns the policy's entries for the list at path.
func policyEntries(p *Policy, path string) []string {
	switch path {
	case "terms.procedures":
		return lex.Plurals(p.Terms.Procedures)
	case "terms.colloquial":
		return lex.Plurals(p.Terms.Colloquial)
	case "terms.conditions":
		return lex.Plurals(p.Terms.Conditions)
	case "terms.medications":
		return lex.Plurals(p.Terms.Medications)
	case "rules.canned.phrases":
		return p.Rules.Canned.Phrases
	case "rules.manners.rude_phrases":
		return p.Rules.Manners.RudePhrases
	case "rules.conduct.defensive_phrases":
		return p.Rules.Conduct.DefensivePhrases
	}
	return nil
}

// configOf is what rules read from the policy.
func configOf(c *Compiled) *analysis.Config {
	p := c.Policy
	pr := p.Practice
	cfg := &analysis.Config{
		Practice: analysis.Practice{Name: pr.Name, Phones: pr.Phones, Emails: pr.Emails, Websites: pr.Websites,
			Addresses: pr.Addresses, PageNames: pr.PageNames},
		AllowNames:        p.Rules.PHI.AllowNames,
		NearDuplicateBits: p.Rules.Canned.NearDuplicateBits,
		Length: map[Platform]analysis.LengthLimit{
			Facebook:  {MaxWords: p.Rules.Length.Facebook.MaxWords, MaxSentences: p.Rules.Length.Facebook.MaxSentences},
			Instagram: {MaxWords: p.Rules.Length.Instagram.MaxWords, MaxSentences: p.Rules.Length.Instagram.MaxSentences},
		},
		MaxGrade: p.Rules.Length.MaxGrade,
		Routes:   map[string]analysis.Route{},
		Severity: c.Severity,
	}
	for _, s := range pr.Staff {
		cfg.Practice.StaffNames = append(cfg.Practice.StaffNames, s.Name)
	}
	for _, r := range p.Rules.Routing.Topics {
		cfg.Routes[r.Topic] = analysis.Route{Owner: r.Owner, Severity: r.Severity}
	}
	return cfg
}

// settings returns the shared settings of category cat.
func (c *Compiled) settings(cat Category) CategorySettings {
	r := &c.Policy.Rules
	switch cat {
	case PHI:
		return r.PHI.CategorySettings
	case Canned:
		return r.Canned.CategorySettings
	case Length:
		return r.Length.CategorySettings
	case Manners:
		return r.Manners.CategorySettings
	case Conduct:
		return r.Conduct.CategorySettings
	case Routing:
		return r.Routing.CategorySettings
	}
	return CategorySettings{}
}

// Enabled reports whether the policy turns category cat on.
func (c *Compiled) Enabled(cat Category) bool { return c.settings(cat).Enabled }

// Severity is the policy's severity for category cat (warning if unset).
func (c *Compiled) Severity(cat Category) Severity {
	if s := c.settings(cat).Severity; s.Rank() >= 0 {
		return s
	}
	return Warning
}
