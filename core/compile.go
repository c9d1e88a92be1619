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
// (analysis.Config), what it adds to and removes from the built-in lists
// (lex.Extension), and each analyzer's and rule's per-policy preparation,
// done once.
type Compiled struct {
	Policy *Policy

	rules    []*Rule
	rulesOff map[string]bool // the policy's disabled_rules
	ext      *lex.Extension
	cfg      *analysis.Config
	plan     []*analysis.Analyzer // every required analyzer, dependencies first
	// planPrep[k] and rulePrep[k] are plan[k]'s and rules[k]'s Prepare
	// results; ruleRuns[k] says whether rules[k] runs under the policy.
	planPrep, rulePrep []any
	ruleRuns           []bool
	// cats are each category's settings as checks read them (by
	// catIndex), resolved once: a check asks for them per finding.
	cats [numCats]catSettings
	// private are the categories' severities in a private message
	// (composers.private_messages.severity; "" keeps cats'), see private.go.
	private [numCats]Severity
}

// catSettings is what a check reads of one category's settings.
type catSettings struct {
	enabled     bool
	severity    Severity // warning if unset
	sensitivity string   // "normal" if unset
}

const numCats = 6 // len(Categories)

// catIndex is cat's place in Compiled.cats (-1: not a category).
func catIndex(cat Category) int {
	switch cat {
	case PHI:
		return 0
	case Canned:
		return 1
	case Length:
		return 2
	case Manners:
		return 3
	case Conduct:
		return 4
	case Routing:
		return 5
	}
	return -1
}

// Compile prepares p for checking by every rule of the registry.
func Compile(p *Policy) (*Compiled, error) { return compileFor(p, Rules) }

func compileFor(p *Policy, rules []*Rule) (*Compiled, error) {
	if err := ValidateRules(rules); err != nil {
		return nil, err
	}
	c := &Compiled{Policy: p, rules: rules, rulesOff: map[string]bool{}, private: privateSeverities(p.Composers)}
	for _, cat := range Categories {
		st := c.settings(cat)
		cs := catSettings{enabled: st.Enabled, severity: st.Severity, sensitivity: st.Sensitivity}
		if cs.severity.Rank() < 0 {
			cs.severity = Warning
		}
		if cs.sensitivity == "" {
			cs.sensitivity = "normal"
		}
		c.cats[catIndex(cat)] = cs
	}
	add := map[*lex.List][]string{}
	remove := map[*lex.List][]string{}
	for _, l := range policyLists {
		edit := l.edit(p)
		if len(edit.Add) > 0 {
			add[l.add] = append(add[l.add], l.forms(edit.Add)...)
		}
		if len(edit.Remove) > 0 {
			for _, b := range l.lists {
				remove[b] = append(remove[b], l.forms(edit.Remove)...)
			}
		}
	}
	c.ext = lex.Extend(add, remove)
	for _, cat := range Categories {
		for _, name := range c.settings(cat).DisabledRules {
			c.rulesOff[name] = true
		}
	}
	c.cfg = configOf(c)
	// The comment analyzer always runs (every Result describes the comment),
	// and so do those Features reads.
	roots := []*analysis.Analyzer{comment.Analyzer, complaint.Analyzer, practice.Analyzer, stock.Analyzer}
	for _, r := range rules {
		roots = append(roots, r.Requires...)
		var prep any
		if r.Prepare != nil {
			prep = r.Prepare(c.cfg)
		}
		c.rulePrep = append(c.rulePrep, prep)
		c.ruleRuns = append(c.ruleRuns, c.ruleOn(r))
	}
	plan, err := analysis.Order(roots)
	if err != nil {
		return nil, err
	}
	c.plan = plan
	c.planPrep = make([]any, len(plan))
	for k, a := range plan {
		if a.Prepare != nil {
			c.planPrep[k] = a.Prepare(c.cfg)
		}
	}
	return c, nil
}

// A policyList is a built-in list a policy extends with "add" and reduces
// with "remove", named by the JSON path of its policy field: ParsePolicy
// checks each removal against it, and Compile applies the edits.
type policyList struct {
	path, what string
	add        *lex.List   // where the policy's own entries go
	lists      []*lex.List // the built-in lists a removal applies to
	plural     bool        // care terms match in the plural too
	edit       func(*Policy) ListEdit
}

// forms returns entries as they are matched.
func (l policyList) forms(entries []string) []string {
	if l.plural {
		return lex.Plurals(entries)
	}
	return entries
}

// builtin returns every built-in entry a removal may name.
func (l policyList) builtin() []string {
	var all []string
	for _, b := range l.lists {
		all = append(all, b.Entries()...)
	}
	return all
}

var policyLists = []policyList{
	{"terms.procedures", "built-in procedure", care.Procedures, []*lex.List{care.Procedures}, true, func(p *Policy) ListEdit { return p.Terms.Procedures }},
	{"terms.colloquial", "built-in colloquial care term", care.Colloquial, []*lex.List{care.Colloquial}, true, func(p *Policy) ListEdit { return p.Terms.Colloquial }},
	{"terms.conditions", "built-in condition", care.Conditions, []*lex.List{care.Conditions}, true, func(p *Policy) ListEdit { return p.Terms.Conditions }},
	{"terms.medications", "built-in medication", care.Medications, []*lex.List{care.Medications}, true, func(p *Policy) ListEdit { return p.Terms.Medications }},
	{"rules.canned.phrases", "built-in canned phrase", stock.Strong, []*lex.List{stock.Strong, stock.Weak}, false, func(p *Policy) ListEdit { return p.Rules.Canned.Phrases }},
	{"rules.manners.rude_phrases", "built-in rude phrase", manners.RudePhrases, []*lex.List{manners.RudePhrases}, false, func(p *Policy) ListEdit { return p.Rules.Manners.RudePhrases }},
	{"rules.conduct.defensive_phrases", "built-in defensive phrase", conduct.PolicyPhrases, conduct.BuiltinPhrases(), false, func(p *Policy) ListEdit { return p.Rules.Conduct.DefensivePhrases }},
}

// PolicyLists are the built-in lists a policy extends, by the JSON path of
// the policy field that extends them.
var PolicyLists = func() map[string]*lex.List {
	m := map[string]*lex.List{}
	for _, l := range policyLists {
		m[l.path] = l.add
	}
	return m
}()

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

// category returns the settings of cat as checks read them.
func (c *Compiled) category(cat Category) catSettings {
	if k := catIndex(cat); k >= 0 {
		return c.cats[k]
	}
	return catSettings{severity: Warning, sensitivity: "normal"}
}

// Enabled reports whether the policy turns category cat on.
func (c *Compiled) Enabled(cat Category) bool { return c.category(cat).enabled }

// Sensitivity is how readily category cat's reply-level judgement fires:
// "low", "normal" (also when unset) or "high".
func (c *Compiled) Sensitivity(cat Category) string { return c.category(cat).sensitivity }

// RuleEnabled reports whether the rule named name runs: its category is on
// and the policy does not list it in the category's disabled_rules.
func (c *Compiled) RuleEnabled(name string) bool {
	for _, r := range c.rules {
		if r.Name == name {
			return c.ruleOn(r)
		}
	}
	return false
}

func (c *Compiled) ruleOn(r *Rule) bool { return c.Enabled(r.Category) && !c.rulesOff[r.Name] }

// Severity is the policy's severity for category cat (warning if unset).
func (c *Compiled) Severity(cat Category) Severity { return c.category(cat).severity }
