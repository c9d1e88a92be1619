package hipaa

import (
	"strconv"
	"testing"

	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
)

// TestWordSetBloomKeepsMembers: the bloom bits only spare lookups; every
// entry of a set is still found, and a word whose bit is set but that is
// no entry is still refused by the map.
func TestWordSetBloomKeepsMembers(t *testing.T) {
	ws := newWordSet("came\nwent\nstayed\n")
	// A word that shares an entry's bloom bit but is no entry.
	var twin string
	for n := 0; twin == ""; n++ {
		w := "zq" + strconv.Itoa(n)
		if ws.bloom&(1<<(text.Hash(w)>>58)) != 0 {
			twin = w
		}
	}
	d := lex.Doc{Doc: &text.Doc{}}
	d.Doc.Reset("We came and went, then stayed; they left " + twin + ".")
	found := map[string]bool{}
	for i := range d.Words {
		if inSet(&d, i, ws) {
			found[d.Words[i].Lower] = true
		}
	}
	if len(found) != 3 || !found["came"] || !found["went"] || !found["stayed"] {
		t.Errorf("inSet found %v, want exactly came, went, stayed (not %q, which shares a bloom bit)", found, twin)
	}
	if inSet(&d, -1, ws) || inSet(&d, len(d.Words), ws) {
		t.Error("inSet answers out of range")
	}
}
