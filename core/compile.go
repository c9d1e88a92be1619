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
	t := p.Terms
	c.ext = lex.Extend(map[*lex.List][]string{
		care.Procedures:       lex.Plurals(t.Procedures),
		care.Colloquial:       lex.Plurals(t.Colloquial),
		care.Conditions:       lex.Plurals(t.Conditions),
		care.Medications:      lex.Plurals(t.Medications),
		stock.Strong:          p.Rules.Canned.Phrases,
		manners.RudePhrases:   p.Rules.Manners.RudePhrases,
		conduct.PolicyPhrases: p.Rules.Conduct.DefensivePhrases,
	}, nil)
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
