package core

import (
	"strings"

	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/text"
)

// Compiled is a policy prepared for fast checks: phrase sets, vocabularies
// and the practice's own contacts normalised once, not per check.
type Compiled struct {
	Policy *Policy

	// ext is what the policy adds to the built-in lists.
	ext *lex.Extension

	ownPhones  map[string]bool // last 7 and 10 digits of the practice's numbers
	ownEmails  map[string]bool
	ownDomains map[string]bool
	staffWords map[string]bool // lower-cased words of staff names and allow_names
	pageWords  map[string]bool

	routes map[string]Route
}

// Compile prepares p for checking.
func Compile(p *Policy) (*Compiled, error) {
	c := &Compiled{Policy: p,
		ownPhones: map[string]bool{}, ownEmails: map[string]bool{}, ownDomains: map[string]bool{},
		staffWords: map[string]bool{}, pageWords: map[string]bool{}, routes: map[string]Route{}}
	t := p.Terms
	c.ext = lex.Extend(map[*lex.List][]string{
		care.Procedures:  lex.Plurals(t.Procedures),
		care.Colloquial:  lex.Plurals(t.Colloquial),
		care.Conditions:  lex.Plurals(t.Conditions),
		care.Medications: lex.Plurals(t.Medications),
		cannedStrong:     p.Rules.Canned.Phrases,
		rudePhrases:      p.Rules.Manners.RudePhrases,
		policyDefensive:  p.Rules.Conduct.DefensivePhrases,
	}, nil)

	pr := p.Practice
	for _, ph := range pr.Phones {
		if d := text.DigitsOf(ph); len(d) >= 7 {
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
		for _, w := range text.Tokens(s.Name) {
			c.staffWords[w] = true
		}
	}
	for _, n := range p.Rules.PHI.AllowNames {
		for _, w := range text.Tokens(n) {
			c.staffWords[w] = true
		}
	}
	for _, n := range append(append([]string{}, pr.PageNames...), pr.Name) {
		for _, w := range text.Tokens(n) {
			c.pageWords[w] = true
		}
	}
	for _, r := range p.Rules.Routing.Topics {
		c.routes[r.Topic] = r
	}
	return c, nil
}

// careAt returns the longest care-vocabulary match starting at word i.
func careAt(d *Doc, i int) (lex.Match, bool) { return d.LongestAt(i, care.All) }

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
