package length

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/replyguard/replyguard/core/text"
)

// TestCountWords checks the word-based counter against its definition:
// whitespace-separated fields with a letter or digit, and where field
// number cut+1 starts; on fixed cases and on random strings of characters
// that sit on the edges (joiners, combining marks, odd spaces, bad bytes).
func TestCountWords(t *testing.T) {
	cases := []string{
		"", "   ", "one", " one two  three ", "— a — b", "Zoë, 😊 ok!", "x\u00a0y\u2003z\tw\n",
		"!!! ... 12 $5", "naïve café\u3000résumé", "\xff\xfe bad \xc3( bytes", "(555) 010-2000", "a/b c", "\u0301\u0301 x",
		"-\u0301a b", "x\u0085y", "\xe2\x80\x83a\xe2\xe2\x80\x83b",
	}
	alphabet := []string{"a", "Z", "9", " ", "\n", "\t", "-", "'", ".", "@", "_", "(", ")", "!", "é", "😊", "\u0301", "\u00a0", "\u2003", "\u3000", "\xff", "\xe2", "\x80", "٣", "’"}
	cases = append(cases, randomTexts(8, 3000, 12, alphabet)...)
	for _, s := range cases {
		var fields []int // start offsets of fields with a letter or digit
		inField, start := false, 0
		for i, r := range s + " " {
			if unicode.IsSpace(r) {
				if inField && strings.IndexFunc(s[start:i], func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
					fields = append(fields, start)
				}
				inField = false
			} else if !inField {
				inField, start = true, i
			}
		}
		d := text.Analyze(s)
		for cut := 0; cut <= len(fields)+1; cut++ {
			want := -1
			if cut < len(fields) {
				want = fields[cut]
			}
			if n, at := countWords(d, cut); n != len(fields) || at != want {
				t.Fatalf("countWords(%q, %d) = %d, %d; want %d, %d", s, cut, n, at, len(fields), want)
			}
		}
	}
}

func TestSyllables(t *testing.T) {
	for _, c := range []struct {
		w    string
		want int
	}{
		{"a", 1}, {"the", 1}, {"café", 1}, {"josé", 1}, {"cafés", 1}, {"naïve", 1}, {"appointment", 3},
		{"little", 2}, {"smile", 2}, {"rhythm", 1}, {"tomorrow", 3}, {"zoë", 1}, {"ünïcödé", 1},
	} {
		if got := syllables(c.w, strings.ContainsFunc(c.w, func(r rune) bool { return r >= utf8.RuneSelf })); got != c.want {
			t.Errorf("syllables(%q) = %d, want %d", c.w, got, c.want)
		}
	}
}

// randomTexts returns n strings of up to max-1 pieces of alphabet, drawn
// from a generator seeded with seed, so a failure repeats.
func randomTexts(seed uint64, n, max int, alphabet []string) []string {
	rng := rand.New(rand.NewPCG(seed, seed))
	out := make([]string, 0, n)
	for range n {
		var b strings.Builder
		for k := rng.IntN(max); k > 0; k-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		out = append(out, b.String())
	}
	return out
}
