package comment

import (
	"testing"

	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
)

// TestAskedGrievances: a complaint asked as a question still complains
// when its hard word judges the service (a long wait, a word of money or
// time, a short verdict) or when it names a sum or doubts the practice
// with "even"; a worried question about the writer's own body, or a
// plain question with one innocent word, does not.
func TestAskedGrievances(t *testing.T) {
	for _, c := range []struct {
		comment string
		kind    Kind
	}{
		// The service judged beside the body or the question.
		{"Is it normal to sit in your waiting room 50 minutes past my slot?", Complaint},
		{"Six weeks for a hearing test?? My ears ring all night. Unbelievable.", Complaint},
		{"Why was I overcharged for my son's asthma visit?", Complaint},
		// Worried questions about the body stay questions.
		{"I have an awful sore throat, what can I take while nursing?", Clinical},
		{"Started the new pills 3 days ago and now I'm dizzy, is that normal?", Clinical},
		// A sum or an "even" beside one weak word.
		{"A $95 bill for a five minute call?? I thought it was covered", Complaint},
		{"Left two voicemails and nobody called back. Does anyone even read these?", Complaint},
		// One innocent word in a plain question.
		{"Is it too late to book a flu shot this week?", Question},
		{"Can I still come in even if I'm running late?", Question},
		// Unease in asking is the writer's own; aimed at them, it complains.
		{"Haven't had a physical in 12 years, kinda embarrassed. Is that too long?", Question},
		{"Why did your front desk embarrass me like that in front of everyone?", Complaint},
		// A rate is no failure repeated; a count of tries is.
		{"Is it bad that I pop my knuckles like 30 times a day lol", Question},
		{"Rang you 5 times this morning?? Nobody picks up 😩", Complaint},
		// Work done while the writer waited is praise, not a wait.
		{"Shout out to Marco, rebuilt my snapped clasp while I waited. Amazing!", Compliment},
	} {
		d := lex.Index(nil, text.Analyze(c.comment), nil)
		if got := Classify(d).Kind; got != c.kind {
			t.Errorf("%q: kind %v, want %v", c.comment, got, c.kind)
		}
	}
}
