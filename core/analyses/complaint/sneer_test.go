package complaint

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
)

// TestSneer: the first eye-roll or shrug in the text, wherever it sits
// (between words, glued to one, after another emoji), and none in a text
// without one.
func TestSneer(t *testing.T) {
	for _, c := range []struct {
		s    string
		want text.Span
	}{
		{"we checked the chairs 🙄", text.Span{Start: 22, End: 26}},
		{"ok🤷 then 🙄", text.Span{Start: 2, End: 6}},
		{"great ✨🙃 visit 🙄", text.Span{Start: 9, End: 13}},
		{"thanks so much 😊", text.Span{Start: -1}},
		{"", text.Span{Start: -1}},
	} {
		d := lex.Index(nil, text.Analyze(c.s), nil)
		got, ok := Sneer(d)
		if got != c.want || ok != (c.want.Start >= 0) {
			t.Errorf("Sneer(%q) = %v %v, want %v", c.s, got, ok, c.want)
		}
	}
}

// TestSneerEmojiAreSymbols: every entry starts with a rune the tokenizer
// keeps out of words, so Sneer, which tries only those runes' offsets,
// finds it wherever it occurs.
func TestSneerEmojiAreSymbols(t *testing.T) {
	for _, e := range sneerEmoji {
		for _, s := range []string{e, "a" + e + "b", "x" + e + e} {
			d := text.Analyze(s)
			at := len(s) - len(e)
			if s[0] == 'a' {
				at = 1
			}
			found := false
			for _, k := range d.Symbols() {
				found = found || int(k) == at
			}
			if !found {
				t.Errorf("%q in %q: no symbol at %d (%v)", e, s, at, d.Symbols())
			}
		}
	}
}

// TestSneerLastByte: comparing an emoji's last byte before the emoji
// finds what comparing every emoji at every symbol finds, for texts of
// emoji, their truncations (a text may end inside a rune), their
// neighbours in the emoji blocks and other symbols.
func TestSneerLastByte(t *testing.T) {
	bits := []string{"a", " ", "—", "“", "✨", "😊", "🙂", "🙄", "\xf0\x9f", "\xf0\x9f\x99", "\xf0", "💅🏽", "🤷‍♀️"}
	for _, e := range sneerEmoji {
		bits = append(bits, e, e[:len(e)-1], e[:1])
	}
	naive := func(d *lex.Doc) (text.Span, bool) {
		for _, at := range d.Symbols() {
			for _, e := range sneerEmoji {
				if strings.HasPrefix(d.Text[at:], e) {
					return text.Span{Start: int(at), End: int(at) + len(e)}, true
				}
			}
		}
		return text.Span{Start: -1}, false
	}
	rng := rand.New(rand.NewPCG(18, 18))
	for range 5000 {
		var b strings.Builder
		for n := 1 + rng.IntN(6); n > 0; n-- {
			b.WriteString(bits[rng.IntN(len(bits))])
		}
		d := lex.Index(nil, text.Analyze(b.String()), nil)
		got, ok := Sneer(d)
		want, wantOK := naive(d)
		if got != want || ok != wantOK {
			t.Fatalf("Sneer(%q) = %v %v; comparing every emoji finds %v %v", d.Text, got, ok, want, wantOK)
		}
	}
}
