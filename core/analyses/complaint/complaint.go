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

var (
	markers = lex.New("complaint/markers", lex.Data(listMarkers)...)
	// reviews mention a review, which may be praise: "thanks for your
	// review, see you soon" answers no complaint, "sorry to read your
	// review" does, and so does one that does not thank them for it.
	reviews   = lex.New("complaint/reviews", lex.Data(listReviews)...)
	apologies = lex.New("complaint/apologies", lex.Data(listApologies)...)
	thanks    = lex.New("complaint/thanks", lex.Data(listThanks)...)
	// An apology alone shows the reply answers a complaint ("sorry about
	// the wait"), unless it is a condolence or a form letter's.
	notComplaints = lex.New("complaint/not_complaints", lex.Data(listNotComplaints)...)
)

// Analyzer's result is a bool: the reply answers a complaint.
var Analyzer = &analysis.Analyzer{
	Name:     "complaint",
	Doc:      "whether the reply answers a complaint: from the comment, or from the reply when there is no comment",
	Requires: []*analysis.Analyzer{comment.Analyzer},
	Run: func(p *analysis.Pass) any {
		c := comment.Of(p)
		d := p.Reply
		// A rebuttal in the reply shows the comment complained, whatever
		// the comment's reading ("Why is my bill so high?" "Not true …").
		if c.Kind != comment.None {
			return c.Negative || d.Contains(markers)
		}
		sorry := d.Contains(apologies)
		return d.Contains(markers) || sorry && !d.Contains(notComplaints) || d.Contains(reviews) && (sorry || !d.Contains(thanks))
	},
}

// Answered reports whether the reply answers a complaint.
func Answered(p *analysis.Pass) bool { return p.ResultOf(Analyzer).(bool) }
