package manners

import (
	"testing"
	"unicode/utf8"
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
