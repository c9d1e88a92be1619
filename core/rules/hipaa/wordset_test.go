package hipaa

import (
	"testing"

	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
)

// TestInSet: inSet finds exactly a set's words in a reply and answers
// false out of range (lex.WordSet's own tests cover the lookup).
func TestInSet(t *testing.T) {
	ws := newWordSet("came\nwent\nstayed\n")
	d := lex.Doc{Doc: &text.Doc{}}
	d.Doc.Reset("We came and went, then stayed; they left zq0.")
	found := map[string]bool{}
	for i := range d.Words {
		if inSet(&d, i, ws) {
			found[d.Words[i].Lower] = true
		}
	}
	if len(found) != 3 || !found["came"] || !found["went"] || !found["stayed"] {
		t.Errorf("inSet found %v, want exactly came, went, stayed", found)
	}
	if inSet(&d, -1, ws) || inSet(&d, len(d.Words), ws) {
		t.Error("inSet answers out of range")
	}
}
