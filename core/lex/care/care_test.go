package care

import (
	"testing"

	"github.com/replyguard/replyguard/core/lex"
)

// TestWordNetTerms: the care lists take WordNet's vocabulary (terms the
// hand lists no longer carry, and terms they never had), its single words
// with an everyday meaning too are ambiguous (they need context), its words
// of one medical meaning are not, and hand-listed words stay as they were.
func TestWordNetTerms(t *testing.T) {
	for _, c := range []struct {
		list *lex.List
		term string
	}{
		{Procedures, "scaling and root planing"}, {Procedures, "cryosurgery"}, {Procedures, "cryosurgeries"},
		{Conditions, "aneurysms"}, {Conditions, "gout"}, {Medications, "antiemetic"}, {Medications, "calcium blocker"},
		{Medications, "ibuprofen"}, {Body, "femur"},
	} {
		if !c.list.Has(c.term) {
			t.Errorf("%s lacks %q", c.list.Name, c.term)
		}
	}
	for _, w := range []string{"retainer", "illness", "lunges"} {
		if !Ambiguous.Has(w) {
			t.Errorf("WordNet word %q, everyday too, is not ambiguous", w)
		}
	}
	for _, w := range []string{"cryosurgery", "inhaler", "gingivitis"} {
		if Ambiguous.Has(w) {
			t.Errorf("WordNet word %q, of one medical meaning, is ambiguous", w)
		}
	}
	if Ambiguous.Has("ibuprofen") || Ambiguous.Has("root canal") {
		t.Error("hand-listed terms became ambiguous")
	}
	for _, w := range []string{"try", "drink", "normal", "smile", "event", "school"} {
		for _, l := range []*lex.List{Procedures, Conditions, Medications} {
			if l.Has(w) {
				t.Errorf("everyday word %q is in %s", w, l.Name)
			}
		}
	}
}
