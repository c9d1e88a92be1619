package core

import (
	"github.com/replyguard/replyguard/core/analyses/comment"
	"github.com/replyguard/replyguard/core/analyses/complaint"
	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/analyses/stock"
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
)

// Features are what the analyzers and rules found in one reply, as plain
// values a learned scorer can turn into model inputs.
type Features struct {
	Comment          CommentInfo
	AnswersComplaint bool // from the comment, or from the reply when there is none
	Words, Sentences int
	StockPhrases     int // template phrases (analyses/stock)
	StaffWords       int // words naming the practice's own people (analyses/practice)
	// Lists counts the reply's matches per vocabulary list ("care/procedures",
	// "hostility/liar", ...): every list of every rule and analyzer.
	Lists map[string]int
	// Findings are the rules' findings, as Check returns them.
	Findings []Finding
}

// Features checks the input and returns what the analyzers found with the
// findings. It costs one check.
func (e *Engine) Features(in Input) Features {
	var f Features
	e.Inspect(in, func(p *analysis.Pass, findings []Finding) {
		d := p.Reply
		f.Comment = *comment.Of(p)
		f.AnswersComplaint = complaint.Answered(p)
		f.Words, f.Sentences = len(d.Words), len(d.Sentences)
		f.StockPhrases = len(stock.Of(p))
		for _, s := range practice.Of(p).Staff {
			if s {
				f.StaffWords++
			}
		}
		f.Lists = map[string]int{}
		for i := range d.Words {
			for _, m := range d.At(i) {
				f.Lists[lex.ByID(m.List).Name]++
			}
		}
		f.Findings = append([]Finding(nil), findings...)
	})
	return f
}
