package manners_test

import (
	"testing"

	"github.com/replyguard/replyguard/core"
	"github.com/replyguard/replyguard/core/rules/manners"
)

// Only a service complaint the comment itself makes, answered with no
// apology and no acknowledgement, is firm evidence the learned score may
// not demote (analysis.Finding.Weak); every other manners finding is weak.
func TestFirmOnlyForUnapologisedServiceComplaints(t *testing.T) {
	e, err := core.NewEngineWith(nil, manners.Rule)
	if err != nil {
		t.Fatal(err)
	}
	e = e.WithoutScorer()
	const waited = "Sat in the lobby for an hour and a half past my slot and nobody said a word. Terrible."
	for _, c := range []struct {
		name, comment, reply string
		found, weak          bool
	}{
		{"a long, thankful explanation owes the apology all the same", waited,
			"Thanks so much for letting us know. Mornings can run long when a doctor is called to the hospital, and we always try to keep everyone updated. Our office manager Rita would like to hear more, so please give her a ring at 555-0100.",
			true, false},
		{"an acknowledgement is left to the score", waited,
			"We hear you, and an hour and a half is a long time to sit. Please call Rita at 555-0100 so she can look into that morning.",
			true, true},
		{"an apology is owed nothing", waited,
			"We're so sorry about that wait. Please call Rita at 555-0100 so she can look into that morning.",
			false, false},
		{"no thanks for praise is weak", "Every nurse on the third floor is a gem!",
			"Got it.", true, true},
		{"a threat of lawyers with no comment owes an apology, weakly", "",
			"Keep posting these stories about our surgeons and our lawyers will be in touch.",
			true, true},
	} {
		res := e.Check(core.Input{Text: c.reply, Comment: c.comment, Platform: "facebook"})
		found, weak := false, true
		for _, f := range res.Findings {
			if f.Category == core.Manners && f.Severity.Rank() >= core.Warning.Rank() {
				found = true
				weak = weak && f.Weak
			}
		}
		if found != c.found || found && weak != c.weak {
			t.Errorf("%s: found %v weak %v, want found %v weak %v", c.name, found, weak, c.found, c.weak)
		}
	}
}
