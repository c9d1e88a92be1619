package hipaa

import (
	"testing"

	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
)

func TestHasCJK(t *testing.T) {
	for s, want := range map[string]bool{
		"":                                    false,
		"plain ASCII text, longer than eight": false,
		"José and Zoë 😊 café":                 false, // Latin accents and emoji lead with 0xC3 / 0xF0
		"see you 周四":                          true,
		"a long English sentence, then 진료":    true, // past the first eight-byte blocks
		"短":                                   true,
		"拍x光片 tomorrow":                       true,
		"x光":                                  true,
	} {
		if got := hasCJK(s); got != want {
			t.Errorf("hasCJK(%q) = %v, want %v", s, got, want)
		}
		if got := wordsHaveCJK(lex.Index(nil, text.Analyze(s), nil)); got != want {
			t.Errorf("wordsHaveCJK(%q) = %v, want %v", s, got, want)
		}
	}
}
