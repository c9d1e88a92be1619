package hipaa

import "testing"

func TestHasCJK(t *testing.T) {
	for s, want := range map[string]bool{
		"":                                    false,
		"plain ASCII text, longer than eight": false,
		"José and Zoë 😊 café":                 false, // Latin accents and emoji lead with 0xC3 / 0xF0
		"see you 周四":                          true,
		"a long English sentence, then 진료":    true, // past the first eight-byte blocks
		"短":                                   true,
	} {
		if got := hasCJK(s); got != want {
			t.Errorf("hasCJK(%q) = %v, want %v", s, got, want)
		}
	}
}
