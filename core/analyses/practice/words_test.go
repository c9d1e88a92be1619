package practice

import (
	"testing"

	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/text"
)

// TestStaffAndPageWordBits: StaffWord and PageWord read a bit of the
// word's hash before the map, and answer exactly as the map does for
// every word the tokenizer makes (capitals, apostrophes, accents,
// texting forms).
func TestStaffAndPageWordBits(t *testing.T) {
	id := NewIdentity(&analysis.Config{
		Practice: analysis.Practice{
			Name:       "Brightwater Family Dental",
			StaffNames: []string{"Dr. Renée O'Malley", "Tomasz"},
			PageNames:  []string{"Bright Smiles Kids"},
		},
		AllowNames: []string{"Zuzanna"},
	})
	d := new(text.Doc).Reset("Renée and O'MALLEY met tomasz; u, Zuzanna, BRIGHTWATER kids " +
		"and bright dental smiles? The family practice, Dr. Ur, x-ray 3.5 ok.")
	staff, page := 0, 0
	for i := range d.Words {
		w := &d.Words[i]
		if got, want := id.StaffWord(w), id.StaffWords[w.Lower]; got != want {
			t.Errorf("StaffWord(%q) = %v, map %v", w.Lower, got, want)
		} else if got {
			staff++
		}
		if got, want := id.PageWord(w), id.PageWords[w.Lower]; got != want {
			t.Errorf("PageWord(%q) = %v, map %v", w.Lower, got, want)
		} else if got {
			page++
		}
	}
	if staff < 4 || page < 5 {
		t.Errorf("staff words %d, page words %d: the text should have more", staff, page)
	}
}
