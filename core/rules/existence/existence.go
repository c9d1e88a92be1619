// Package existence is a rule kind, after Vale's "existence" checks: a rule
// that is only "these phrases, in this context" is one call to New with its
// lists and messages, and no code of its own.
package existence

import (
	"strings"

	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/words"
)

// Check is one list and what to say when one of its entries is found.
type Check struct {
	List       *lex.List
	Message    string
	Suggestion string
	// PrivateMessage and PrivateSuggestion, when set, are said instead in a
	// private message (analysis.Input.Private), which is not public.
	PrivateMessage, PrivateSuggestion string
	// Orders, when set, makes the check negatable: a match right after a
	// negator ("is never dumb", "never a dumb question") is no finding,
	// unless the negator opens its sentence before one of these verbs, an
	// order about the person ("don't be a hypocrite").
	Orders *lex.WordSet
	// Closing, when set, takes a match only when it is a clause of its
	// own that ends its sentence ("Relax.", "it's fine, relax"): a curt
	// order said to the person, not the same words inside a longer clause
	// ("try to relax", "we watched them grow up").
	Closing bool
}

// Spec describes a phrase-list rule.
type Spec struct {
	Name, Doc string
	Category  analysis.Category
	Requires  []*analysis.Analyzer
	// When, if set, says whether the rule applies to this check at all.
	When   func(*analysis.Pass) bool
	Checks []Check
}

// New makes the rule: every longest, non-overlapping match of the checks'
// lists is a finding with that check's message; earlier checks win ties.
func New(s Spec) *analysis.Rule {
	lists := make([]*lex.List, len(s.Checks))
	byList := map[lex.ID]*Check{}
	for k := range s.Checks {
		lists[k] = s.Checks[k].List
		byList[s.Checks[k].List.ID] = &s.Checks[k]
	}
	group := lex.NewGroup(lists...)
	return &analysis.Rule{
		Name: s.Name, Doc: s.Doc, Category: s.Category, Requires: s.Requires,
		Run: func(p *analysis.Pass) {
			if s.When != nil && !s.When(p) {
				return
			}
			for _, m := range p.Reply.Find(group) {
				c := byList[m.List]
				if c.Orders != nil && negated(p.Reply, m.From, c.Orders) || c.Closing && !closing(p.Reply, m.From, m.To) {
					continue
				}
				sp := p.Reply.WordSpan(m.From, m.To)
				f := analysis.Finding{Start: sp.Start, End: sp.End, Message: c.Message, Suggestion: c.Suggestion}
				if p.Input.Private {
					f.Message, f.Suggestion = or(c.PrivateMessage, f.Message), or(c.PrivateSuggestion, f.Suggestion)
				}
				p.Report(f)
			}
		},
	}
}

// negated reports a negator one word before word i, or two before with a
// short word between ("not a"), that is no order opening its sentence.
func negated(d *lex.Doc, i int, orders *lex.WordSet) bool {
	for _, k := range [2]int{i - 1, i - 2} {
		if k < 0 || k == i-2 && len(d.Words[i-1].Lower) > 4 || !d.Is(k, words.Negators) {
			continue
		}
		if !d.StartsSentence(k) || k+1 < i && !orders.Has(&d.Words[k+1]) {
			return true
		}
	}
	return false
}

// closing reports whether words [from, to) end their sentence and open
// it or follow a comma, semicolon, colon or dash: a clause of their own.
func closing(d *lex.Doc, from, to int) bool {
	if to < len(d.Words) && d.Words[to].Sentence == d.Words[to-1].Sentence {
		return false
	}
	if d.StartsSentence(from) {
		return true
	}
	gap := d.Text[d.Words[from-1].End:d.Words[from].Start]
	return strings.ContainsAny(gap, ",;:—–-")
}

// or is s, or else the fallback.
func or(s, fallback string) string {
	if s != "" {
		return s
	}
	return fallback
}
