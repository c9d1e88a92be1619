package manners

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
)

// TestSarcasmEmojiAreSymbols: sarcasmIn tries only the offsets of runes in
// no word, so every sarcasm emoji must start with one: a rune of the emoji
// planes' symbol block, which is never a word's rune nor a joiner.
func TestSarcasmEmojiAreSymbols(t *testing.T) {
	if len(sarcasmEmoji) == 0 {
		t.Fatal("no sarcasm emoji")
	}
	for _, e := range sarcasmEmoji {
		if r, _ := utf8.DecodeRuneInString(e); r < 0x1F000 || r > 0x1FAFF {
			t.Errorf("%q starts with %U, outside the emoji symbol block", e, r)
		}
	}
}

// TestSarcasmIn answers as strings.Contains of each emoji in the reply:
// emoji next to words, after accents and curly quotes, at either end.
func TestSarcasmIn(t *testing.T) {
	texts := []string{"", "so sorry", "sorry🙄", "🙃 sure", "José’s café🙄!", "no emoji here at all",
		"a\xffb🙄", "word" + sarcasmEmoji[0] + "word", "“quoted”" + sarcasmEmoji[len(sarcasmEmoji)-1]}
	for _, s := range texts {
		want := false
		for _, e := range sarcasmEmoji {
			want = want || strings.Contains(s, e)
		}
		d := lex.Index(nil, text.Analyze(s), nil)
		if got := sarcasmIn(d); got != want {
			t.Errorf("sarcasmIn(%q) = %v, want %v", s, got, want)
		}
	}
}
