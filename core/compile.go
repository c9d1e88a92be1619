package core

import (
	"slices"
	"strings"
)

// Compiled is a policy prepared for fast checks: phrase sets, vocabularies
// and the practice's own contacts normalised once, not per check.
type Compiled struct {
	Policy *Policy

	lex         *builtinLexicon
	extraCare   *phraseSet // the policy's own terms
	removedCare *phraseSet // built-in terms the policy removes; nil when none
	rulesOff    map[string]bool

	ownPhones  map[string]bool // last 7 and 10 digits of the practice's numbers
	ownEmails  map[string]bool
	ownDomains map[string]bool
	staffWords wordSet // lower-cased words of staff names and allow_names
	pageWords  wordSet

	cannedPhrases    *phraseSet
	rudePhrases      *phraseSet
	defensivePhrases *phraseSet
	routes           map[string]Route
}

// Compile prepares p for checking.
func Compile(p *Policy) (*Compiled, error) {
	c := &Compiled{Policy: p, lex: builtins(), extraCare: newPhraseSet(),
		ownPhones: map[string]bool{}, ownEmails: map[string]bool{}, ownDomains: map[string]bool{},
		staffWords: wordSet{}, pageWords: wordSet{}, routes: map[string]Route{}}
	t := p.Terms
	for _, l := range []struct {
		edit ListEdit
		tag  string
	}{{t.Procedures, tagProcedure}, {t.Colloquial, tagColloquial}, {t.Conditions, tagCondition}, {t.Medications, tagMedication}} {
		for _, w := range l.edit.Add {
			c.extraCare.addPlural(w, l.tag)
		}
		for _, w := range l.edit.Remove {
			if c.removedCare == nil {
				c.removedCare = newPhraseSet()
			}
			c.removedCare.addPlural(w, l.tag)
		}
	}
	c.rulesOff = map[string]bool{}
	for _, cat := range Categories {
		for _, name := range c.settings(cat).DisabledRules {
			c.rulesOff[name] = true
		}
	}

	pr := p.Practice
	for _, ph := range pr.Phones {
		if d := digitsOf(ph); len(d) >= 7 {
			c.ownPhones[d[len(d)-7:]] = true
			if len(d) >= 10 {
				c.ownPhones[d[len(d)-10:]] = true
			}
		}
	}
	for _, e := range pr.Emails {
		e = strings.ToLower(strings.TrimSpace(e))
		c.ownEmails[e] = true
		if at := strings.LastIndexByte(e, '@'); at >= 0 {
			c.ownDomains[e[at+1:]] = true
		}
	}
	for _, w := range pr.Websites {
		if h := hostOf(w); h != "" {
			c.ownDomains[h] = true
		}
	}
	for _, s := range pr.Staff {
		for _, w := range tokens(s.Name) {
			c.staffWords[w] = true
		}
	}
	for _, n := range p.Rules.PHI.AllowNames {
		for _, w := range tokens(n) {
			c.staffWords[w] = true
		}
	}
	for _, n := range append(append([]string{}, pr.PageNames...), pr.Name) {
		for _, w := range tokens(n) {
			c.pageWords[w] = true
		}
	}

	canned, rude, defensive := p.Rules.Canned.Phrases, p.Rules.Manners.RudePhrases, p.Rules.Conduct.DefensivePhrases
	c.cannedPhrases = newPhraseSet()
	c.cannedPhrases.addAll(without(cannedStrong, canned.Remove), "strong")
	c.cannedPhrases.addAll(without(cannedWeak, canned.Remove), "weak")
	c.cannedPhrases.addAll(canned.Add, "strong")
	c.rudePhrases = newPhraseSet()
	c.rudePhrases.addAll(without(rudePhrases, rude.Remove), "rude")
	c.rudePhrases.addAll(rude.Add, "rude")
	c.defensivePhrases = newPhraseSet()
	for tag, list := range defensivePhrases {
		c.defensivePhrases.addAll(without(list, defensive.Remove), tag)
	}
	c.defensivePhrases.addAll(defensive.Add, "defensive")
	for _, r := range p.Rules.Routing.Topics {
		c.routes[r.Topic] = r
	}
	return c, nil
}

// careAt returns the longest care-vocabulary match starting at word i,
// from the built-in vocabulary (less what the policy removes) or the
// policy's own terms.
func (c *Compiled) careAt(d *Doc, i int) (phraseMatch, bool) {
	m, ok := c.lex.care.matchAt(d, i)
	if ok && c.removedCare != nil && c.removedCare.mayStart(d.Words[i].hash) {
		m, ok = c.notRemoved(d, i, m)
	}
	if m2, ok2 := c.extraCare.matchAt(d, i); ok2 && (!ok || m2.To > m.To) {
		return m2, true
	}
	return m, ok
}

// policyLists are the built-in lists a policy extends with "add" and
// reduces with "remove", by JSON path: ParsePolicy checks each removal
// against them, and Compile applies the edits.
var policyLists = []struct {
	path, what string
	builtin    func() []string
}{
	{"terms.procedures", "built-in procedure", func() []string { return safeList("procedures") }},
	{"terms.colloquial", "built-in colloquial care term", func() []string { return safeList("colloquial") }},
	{"terms.conditions", "built-in condition", func() []string { return safeList("conditions") }},
	{"terms.medications", "built-in medication", func() []string { return safeList("medications") }},
	{"rules.canned.phrases", "built-in canned phrase", func() []string { return slices.Concat(cannedStrong, cannedWeak) }},
	{"rules.manners.rude_phrases", "built-in rude phrase", func() []string { return rudePhrases }},
	{"rules.conduct.defensive_phrases", "built-in defensive phrase", func() []string {
		var all []string
		for _, list := range defensivePhrases {
			all = append(all, list...)
		}
		return all
	}},
}

// notRemoved returns m, or when the policy removed that phrase the longest
// shorter built-in match at word i that it did not remove.
func (c *Compiled) notRemoved(d *Doc, i int, m phraseMatch) (phraseMatch, bool) {
	removed := map[int]bool{}
	c.removedCare.walk(d, i, func(to int, _ []string) { removed[to] = true })
	if !removed[m.To] {
		return m, true
	}
	best := phraseMatch{From: -1}
	c.lex.care.walk(d, i, func(to int, tags []string) {
		if !removed[to] {
			best = phraseMatch{From: i, To: to, Tag: tags[0]}
		}
	})
	return best, best.From >= 0
}

// without returns list less the entries named in remove (compared as
// phrases: case and spacing ignored).
func without(list, remove []string) []string {
	if len(remove) == 0 {
		return list
	}
	gone := map[string]bool{}
	for _, r := range remove {
		gone[phraseKey(r)] = true
	}
	var out []string
	for _, s := range list {
		if !gone[phraseKey(s)] {
			out = append(out, s)
		}
	}
	return out
}

// phraseKey is a phrase as the matchers see it: its lower-cased tokens.
func phraseKey(s string) string { return strings.Join(tokens(s), " ") }

func digitsOf(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// hostOf extracts a lower-cased host from a URL or bare domain, without "www.".
func hostOf(u string) string {
	u = strings.ToLower(strings.TrimSpace(u))
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		u = u[:i]
	}
	return strings.TrimPrefix(u, "www.")
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

// Sensitivity is how readily category cat's reply-level judgement fires:
// "low", "normal" (also when unset) or "high".
func (c *Compiled) Sensitivity(cat Category) string {
	if s := c.settings(cat).Sensitivity; s != "" {
		return s
	}
	return "normal"
}

// RuleEnabled reports whether the rule named name runs: its category is on
// and the policy does not list it in the category's disabled_rules.
func (c *Compiled) RuleEnabled(name string) bool {
	for _, r := range Rules {
		if r.Name == name {
			return c.ruleOn(r)
		}
	}
	return false
}

func (c *Compiled) ruleOn(r *Rule) bool { return c.Enabled(r.Category) && !c.rulesOff[r.Name] }

// Severity is the policy's severity for category cat (warning if unset).
func (c *Compiled) Severity(cat Category) Severity {
	if s := c.settings(cat).Severity; s.Rank() >= 0 {
		return s
	}
	return Warning
}
