package hipaa

import (
	"strings"
	"testing"
)

// TestByteScansMatchRuneScans: clauseBreak and moneyIn read bytes for
// speed; they must agree with the rune-wise reading they replaced on gaps
// and sentences with every separator, other dashes and symbols that share
// a lead byte (… ™ ¢ ¥ ‘), and text with none.
func TestByteScansMatchRuneScans(t *testing.T) {
	gaps := []string{" ", "  ", ", ", "; ", ": ", " — ", "—", " – ", "–", " … ", "™ ", " ‘", "\n", "!  ", "-", " ¢ ", "¥", "a—", "\u2015 ", "€"}
	for _, g := range gaps {
		want := g != " " && strings.ContainsAny(g, ",;:—–")
		if got := clauseBreak(g); got != want {
			t.Errorf("clauseBreak(%q) = %v, want %v", g, got, want)
		}
	}
	sentences := []string{"Your balance is $84.", "Son 20 € por sesión.", "It was £15 in total.", "No amount here … ™ ¢ ¥ ‘quoted’.", "Just text.", "Price: 30¢."}
	for _, s := range sentences {
		if got, want := moneyIn(s), strings.ContainsAny(s, "$€£"); got != want {
			t.Errorf("moneyIn(%q) = %v, want %v", s, got, want)
		}
	}
}
