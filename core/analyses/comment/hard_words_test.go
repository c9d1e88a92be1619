package comment

import (
	"testing"

	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
)

// TestHardWordsNotGrievances: a hard word in praise or beside a question
// complains of nothing; beside a "but", a service matter, anger or a
// failure it still does.
func TestHardWordsNotGrievances(t *testing.T) {
	for _, c := range []struct {
		comment  string
		negative bool
	}{
		// Praise past words.
		{"I cannot recommend the Elm Street crew enough!!", false},
		{"Cannot thank the night nurses enough.", false},
		{"The new portal is not helpful at all.", true},
		// Praise told through a hard time.
		{"Dr. Kaur stayed calm through the most terrible week our family ever had 💙", false},
		{"The hygienist was great, the front desk was rude to me.", true},
		{"The dentist was great but the x-ray tech was careless.", true},
		// A question beside the writer's own state.
		{"Do you do evening physicals for truck drivers? Kind of embarrassing to ask lol", false},
		{"Is the Lakeview office open this morning? The highway is terrible", false},
		{"Why did nobody explain the extra charge? I'm furious.", true},
		{"What was in that shot? I never got a call.", true},
	} {
		d := lex.Index(nil, text.Analyze(c.comment), nil)
		if got := Classify(d).Negative; got != c.negative {
			t.Errorf("%q: negative %v, want %v", c.comment, got, c.negative)
		}
	}
}
