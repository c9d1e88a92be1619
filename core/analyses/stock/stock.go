// Package stock finds the stock phrases of auto-responders and templates
// ("we value your feedback", "a member of our team will contact you"):
// the canned rule flags them, and the conduct rule does not take them for
// an offer to talk privately.
package stock

import (
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
)

var (
	// Strong phrases are boilerplate on their own; a policy may add to them.
	Strong = &vocabLists[listStrong]
	// Weak phrases are boilerplate only when the reply says little else.
	Weak = &vocabLists[listWeak]
	// Phrases is both, strong first.
	Phrases = lex.NewGroup(Strong, Weak)
)

// Analyzer finds the reply's stock phrases; its result is []lex.Match.
var Analyzer = &analysis.Analyzer{
	Name: "stock",
	Doc:  "the stock phrases of templates and auto-responders in the reply",
	Run:  func(p *analysis.Pass) any { return p.Reply.Find(Phrases) },
}

// Of returns the reply's stock phrases in a pass that requires the analyzer.
func Of(p *analysis.Pass) []lex.Match { return p.ResultOf(Analyzer).([]lex.Match) }
