package core

import (
	"strings"
)

// Compiled is a policy prepared for fast checks: phrase sets, vocabularies
// and the practice's own contacts normalised once, not per check.
type Compiled struct {
	Policy *Policy

	lex       *builtinLexicon
	extraCare *phraseSet // the policy's own terms

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
	for _, w := range t.Procedures {
		c.extraCare.addPlural(w, tagProcedure)
	}
	for _, w := range t.Colloquial {
		c.extraCare.addPlural(w, tagColloquial)
	}
	for _, w := range t.Conditions {
		c.extraCare.addPlural(w, tagCondition)
	}
	for _, w := range t.Medications {
		c.extraCare.addPlural(w, tagMedication)
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

	c.cannedPhrases = newPhraseSet()
	c.cannedPhrases.addAll(cannedStrong, "strong")
	c.cannedPhrases.addAll(cannedWeak, "weak")
	c.cannedPhrases.addAll(p.Rules.Canned.Phrases, "strong")
	c.rudePhrases = newPhraseSet()
	c.rudePhrases.addAll(rudePhrases, "rude")
	c.rudePhrases.addAll(p.Rules.Manners.RudePhrases, "rude")
	c.defensivePhrases = newPhraseSet()
	for tag, list := range defensivePhrases {
		c.defensivePhrases.addAll(list, tag)
	}
	c.defensivePhrases.addAll(p.Rules.Conduct.DefensivePhrases, "defensive")
	for _, r := range p.Rules.Routing.Topics {
		c.routes[r.Topic] = r
	}
	return c, nil
}

// careAt returns the longest care-vocabulary match starting at word i,
// from the built-in vocabulary or the policy's own terms.
func (c *Compiled) careAt(d *Doc, i int) (phraseMatch, bool) {
	m, ok := c.lex.care.matchAt(d, i)
	if m2, ok2 := c.extraCare.matchAt(d, i); ok2 && (!ok || m2.To > m.To) {
		return m2, true
	}
	return m, ok
}

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

// Severity is the policy's severity for category cat (warning if unset).
func (c *Compiled) Severity(cat Category) Severity {
	if s := c.settings(cat).Severity; s.Rank() >= 0 {
		return s
	}
	return Warning
}
