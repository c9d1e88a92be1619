package manners

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
)

// foreignThanked stops at the first entry outside ASCII when the text is
// all ASCII, so an ASCII entry listed after one would never be found
// there: every entry from asciiThanks on must be outside ASCII.
func TestForeignThanksASCIIFirst(t *testing.T) {
	if asciiThanks == 0 || asciiThanks == len(foreignThanks) {
		t.Fatalf("asciiThanks = %d of %d: the list should hold both kinds", asciiThanks, len(foreignThanks))
	}
	for _, s := range foreignThanks[asciiThanks:] {
		ascii := true
		for _, r := range s {
			ascii = ascii && r < utf8.RuneSelf
		}
		if ascii {
			t.Errorf("%q is written in ASCII but listed after the first entry that is not: move it up", s)
		}
	}
}

// foreignThanked searches for the ASCII entries in one pass, by their
// first bytes: it must answer as strings.Contains per entry does, and
// hold every ASCII entry in thanksFirst.
func TestForeignThankedAsContains(t *testing.T) {
	if asciiThanks > 64 {
		t.Fatalf("%d ASCII entries: thanksFirst holds 64", asciiThanks)
	}
	var texts []string
	for _, s := range foreignThanks {
		texts = append(texts, s, "well "+s+"!", s[:len(s)-1], "x"+s, strings.ToUpper(s)+" team")
	}
	texts = append(texts, "", "we waited so long", "thanks so much", "Merci beaucoup", "ok ok 😊")
	for _, s := range texts {
		d := lex.Index(nil, text.Analyze(s), nil)
		want := false
		for i, e := range foreignThanks {
			if i == asciiThanks && d.Shapes&text.NonASCII == 0 {
				break
			}
			want = want || strings.Contains(d.Lower, e)
		}
		if got := foreignThanked(d); got != want {
			t.Errorf("foreignThanked(%q) = %v, want %v", s, got, want)
		}
	}
}
