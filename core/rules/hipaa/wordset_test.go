package hipaa

import (
	"strings"
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

// TestTriggerSets: a trigger set's class bit (classes2, read by the word
// id) is set on exactly the words its WordSet.Has accepts, so a frame may
// test the bit instead. An entry the tokenizer would read as another word
// ("ur" reads "your") would break that: none may be one.
func TestTriggerSets(t *testing.T) {
	for _, ts := range triggerSets {
		entries := lex.Data(listText[ts.list])
		for _, e := range entries {
			if tok := text.Tokens(e); len(tok) != 1 || tok[0] != e {
				t.Errorf("list %d: %q reads as %q", ts.list, e, tok)
			}
		}
		// Every entry, capitalised, with a plural and an apostrophe, and
		// words of other sets.
		var b strings.Builder
		for _, e := range entries {
			b.WriteString(e + " " + strings.ToUpper(e[:1]) + e[1:] + " " + e + "s " + e + "'s and ")
		}
		b.WriteString("came in for it, tell her, remind them, went was were told")
		pp := &phiPass{}
		pp.d = lex.Index(nil, text.Analyze(b.String()), nil)
		pp.cls2 = make([]wordClass, len(pp.d.Words))
		for i := range pp.d.Words {
			pp.cls2[i] = wordClass(pp.d.Tags(i, classes2))
		}
		set, n := &wordSets[ts.list], 0
		for i := range pp.d.Words {
			has := set.Has(&pp.d.Words[i])
			if bit := pp.class2(i)&ts.c != 0; bit != has {
				t.Errorf("list %d: %q has the bit %v, Has %v", ts.list, pp.d.Words[i].Lower, bit, has)
			}
			if has {
				n++
			}
		}
		if n < 2*len(entries) {
			t.Errorf("list %d: %d words found, want at least %d", ts.list, n, 2*len(entries))
		}
		if pp.class2(-1) != 0 || pp.class2(len(pp.d.Words)) != 0 {
			t.Error("class2 answers out of range")
		}
	}
}
