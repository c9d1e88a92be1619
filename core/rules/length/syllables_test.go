package length

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/replyguard/replyguard/core/text"
)

// refSyllables is the reading grade's syllable estimate as the length
// rule counted it, word by word, before the tokenizer kept the count.
func refSyllables(w string) int {
	if len(w) <= 3 {
		return 1
	}
	n, prev, all := 0, false, byte(0)
	for i := 0; i < len(w); i++ {
		all |= w[i]
		v := strings.IndexByte("aeiouy", w[i]) >= 0
		if v && !prev {
			n++
		}
		prev = v
	}
	if all >= utf8.RuneSelf && utf8.RuneCountInString(w) <= 3 {
		return 1
	}
	if strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "le") && n > 1 {
		n--
	}
	return max(n, 1)
}

// TestWordSyllables checks syllables, told by the word's Shape whether
// it may be outside ASCII, against refSyllables on every word's Lower, on
// texts made of the edges: capitals, joiners, shorthand the tokenizer
// spells out, letters outside ASCII (some lowered into ASCII: "İK").
func TestWordSyllables(t *testing.T) {
	cases := []string{"", "Appointment tomorrow, u ok?", "THE LITTLE SMILE.", "x-ray o'brien 3.5 a@b.org", "naïve Zoë’s café", "tmrw see ya", "ae-ie ee.eo"}
	alphabet := []string{"a", "E", "y", "u", "b", "L", "le", "e", " ", ".", "-", "'", "’", "@", "é", "ë", "Ü", "1", "!", "\n", "u", "tmrw", "ur", "ya", "wks", "😊", "\xff", "İ", "K", "’s"}
	cases = append(cases, randomTexts(20, 5000, 16, alphabet)...)
	for _, s := range cases {
		d := text.Analyze(s)
		for _, w := range d.Words {
			if got, want := syllables(w.Lower, w.Shape&text.NonASCII != 0), refSyllables(w.Lower); got != want {
				t.Fatalf("syllables(%q) in %q = %d; want %d", w.Lower, s, got, want)
			}
		}
	}
}
