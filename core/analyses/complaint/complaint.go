// Package complaint decides whether a reply answers a complaint. With the
// comment, that is the comment's reading; without it (a reply typed before
// the thread loads, a review answered elsewhere, a reply pasted into the
// CLI), REPLY-RULES.md says to judge from the reply itself: "your review",
// "these accusations", "your experience" show what it answers.
package complaint

import (
	"github.com/replyguard/replyguard/core/analyses/comment"
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
)

var markers = lex.New("complaint/markers", lex.Data(listMarkers)...)

// Analyzer's result is a bool: the reply answers a complaint.
var Analyzer = &analysis.Analyzer{
	Name:     "complaint",
	Doc:      "whether the reply answers a complaint: from the comment, or from the reply when there is no comment",
	Requires: []*analysis.Analyzer{comment.Analyzer},
	Run: func(p *analysis.Pass) any {
		c := comment.Of(p)
		if c.Kind != comment.None {
			return c.Negative
		}
		return p.Reply.Contains(markers)
	},
}

// Answered reports whether the reply answers a complaint.
func Answered(p *analysis.Pass) bool { return p.ResultOf(Analyzer).(bool) }
