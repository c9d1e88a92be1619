package practice

import (
	"slices"
	"testing"
)

// TestSigDashes: the byte pre-check never hides a dash the search looks for.
func TestSigDashes(t *testing.T) {
	for _, p := range signatureDashes {
		if w := "Thanks" + p + "Maria"; !slices.Contains(sigDashes(w), p) {
			t.Errorf("sigDashes(%q) skips %q", w, p)
		}
	}
	if got := sigDashes("See you soon, Maria from the front desk"); got != nil {
		t.Errorf("a line without dashes gets %q", got)
	}
}
