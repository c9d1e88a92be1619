package text

// The tokenizer as it was before the one-pass rewrite (byte classes, no
// second lowering pass): the rewrite must produce exactly the same words,
// hashes and sentences, which TestTokenizerMatchesReference checks.

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

type refWord struct {
	Start, End int
	Lower      string
	Sentence   int
	Hash       uint64
}

type refDoc struct {
	Text, Lower string
	Words       []refWord
	Sentences   []Span
	SentWords   []Span
}

func refIsWordRune(r rune) bool {
	if r >= 0xFE00 && r <= 0xFE0F {
		return false // variation selectors draw the emoji before them
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func (d *refDoc) reset(text string) *refDoc {
	words, sents, sentWords := d.Words[:0], d.Sentences[:0], d.SentWords[:0]
	if n := len(text)/5 + 1; cap(words) < n {
		words = make([]refWord, 0, n)
	}
	*d = refDoc{Text: text, Lower: ASCIILower(text), Words: words, Sentences: sents, SentWords: sentWords}
	sentStart := -1
	i := 0
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r == ' ' {
			i++ // the most common separator: starts and ends nothing
			continue
		}
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && size <= 1 {
				i++
				continue
			}
		}
		if r < utf8.RuneSelf && refASCIIWord[r] || r >= utf8.RuneSelf && refIsWordRune(r) {
			start := i
			i += size
			for i < len(text) {
				if c := text[i]; c < utf8.RuneSelf {
					if refASCIIWord[c] {
						i++ // the common case: no decoding, no call
						continue
					}
					r, size = rune(c), 1
				} else if r, size = utf8.DecodeRuneInString(text[i:]); refIsWordRune(r) {
					i += size
					continue
				}
				// Joiners stay inside a word when a word rune follows.
				if (r == '\'' || r == '’' || r == '-' || r == '.' || r == '@' || r == '_') && i+size < len(text) {
					r2, s2 := utf8.DecodeRuneInString(text[i+size:])
					if refIsWordRune(r2) {
						if r == '.' && !wordDotOK(text, start, i) {
							break
						}
						i += size + s2
						continue
					}
				}
				break
			}
			if sentStart < 0 {
				sentStart = start
			}
			lower, h := refWordLower(d, start, i)
			d.Words = append(d.Words, refWord{Start: start, End: i, Lower: lower, Sentence: len(d.Sentences), Hash: h})
			continue
		}
		if sentStart < 0 && !(r == ' ' || r == '\n' || r >= utf8.RuneSelf && unicode.IsSpace(r) || r < ' ' && unicode.IsSpace(r)) {
			sentStart = i
		}
		end := i + size
		if r == '\n' || ((r == '.' || r == '!' || r == '?' || r == '…') && refSentenceEnds(d, text, i, end)) {
			// Swallow runs like "?!" or "..." into the same sentence.
			for end < len(text) && strings.ContainsRune(".!?…\"')”’", rune(text[end])) {
				end++
			}
			if sentStart >= 0 {
				d.addSentence(Span{sentStart, trimRight(text, sentStart, end)})
			}
			sentStart = -1
			i = end
			continue
		}
		i = end
	}
	if sentStart >= 0 {
		if e := trimRight(text, sentStart, len(text)); e > sentStart {
			d.addSentence(Span{sentStart, e})
		}
	}
	d.SentWords = slices.Grow(d.SentWords[:0], len(d.Sentences))[:len(d.Sentences)]
	for k := range d.SentWords {
		d.SentWords[k] = Span{-1, -1}
	}
	// Words before the last sentence break may carry an index one past the
	// end when a sentence ended without any later text; clamp.
	last := len(d.Sentences) - 1
	for k := range d.Words {
		w := &d.Words[k]
		if w.Sentence > last {
			if last < 0 {
				continue
			}
			w.Sentence = last
		}
		r := &d.SentWords[w.Sentence]
		if r.Start < 0 {
			r.Start = k
		}
		r.End = k + 1
	}
	return d
}

func (d *refDoc) addSentence(sp Span) {
	if n := len(d.Sentences); n > 0 && (len(d.Words) == 0 || d.Words[len(d.Words)-1].Sentence < n) {
		d.Sentences[n-1].End = sp.End
		return
	}
	d.Sentences = append(d.Sentences, sp)
}

func refWordLower(d *refDoc, start, end int) (string, uint64) {
	h := uint64(fnvOffset)
	lw := d.Lower[start:end]
	for k := 0; k < len(lw); k++ {
		c := lw[k]
		if c >= utf8.RuneSelf {
			s := NormWord(strings.ToLower(d.Text[start:end]))
			return s, Hash(s)
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	if len(lw) <= 5 {
		if alt := TextingForm(lw); alt != "" {
			return alt, Hash(alt)
		}
	}
	return lw, Mix64(h)
}

var refAbbreviations = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "st": true, "ave": true,
	"e.g": true, "i.e": true, "etc": false, "vs": true, "jr": true, "sr": true,
	"a.m": true, "p.m": true, "no": false, "dds": false, "md": false,
}

func refSentenceEnds(d *refDoc, text string, i, end int) bool {
	if text[i] == '.' {
		if n := len(d.Words); n > 0 && d.Words[n-1].End == i {
			if refAbbreviations[d.Words[n-1].Lower] {
				return false
			}
		}
	}
	if end >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[end:])
	return unicode.IsSpace(r) || strings.ContainsRune(".!?…\"')”’", r)
}

// referenceTexts cover what the tokenizer branches on: capitals, accents,
// joiners, abbreviations, texting shorthand, emoji, bad UTF-8, odd spaces.
var referenceTexts = []string{
	"",
	"Your X-Ray is at 3.5pm, e-mail a.b@c.org!",
	"see u tmrw, José", "U R great. Ur appt is TUES!", "you’re here", "end.Next",
	"Thanks! See you at the open house next week! 🌷",
	"Dr. Lee says hi. Call us.", "Wow!!! Great.", "🌷 Hello there", "One\nTwo\n\nThree",
	"ÉLAN Łukasz İstanbul ΣΟΦΙΑ straße O’Brien o'neil x-ray_y 3.5.6 a.b.c end. Next",
	"e.g. this, i.e. that, vs. them at 3 p.m. on St. Mark Ave. Jr. Sr. etc. No. 5",
	"\xff\xfe\xc3(\xe2\x82\xf0\x9f\x98 your chart \xc3",
	"tabs\tand\rcarriage\vreturns\f and\u00a0nbsp\u2028line\u3000ideographic",
	"\"Quoted.\" (Paren!) 'single?' …ellipsis… done… “curly.” ‘x’",
	"NO!!! NEVER!!! A1 B2B OK? ok. ... ?! !? a-", "-a _b @c .d 'e ’f",
	"Zoë 😊 José, hope you're healing 🦷 Siobhán — you've got this! 💪🏽",
	"call (555) 010-2000 or 555.0142 or drew.harris@example.com or www.Site.com",
	"a\u0301b c\u0308 ǅemal ǈ ﬁne",
}

func TestTokenizerMatchesReference(t *testing.T) {
	var d Doc
	for _, s := range referenceTexts {
		compareWithReference(t, &d, s)
	}
}

func FuzzTokenizerMatchesReference(f *testing.F) {
	for _, s := range referenceTexts {
		f.Add(s)
	}
	var d Doc
	f.Fuzz(func(t *testing.T, s string) { compareWithReference(t, &d, s) })
}

func compareWithReference(t *testing.T, d *Doc, s string) {
	t.Helper()
	var ref refDoc
	ref.reset(s)
	d.Reset(s)
	if d.Lower != ref.Lower {
		t.Fatalf("%q: Lower %q, want %q", s, d.Lower, ref.Lower)
	}
	if !slices.Equal(d.Sentences, ref.Sentences) || !slices.Equal(d.SentWords, ref.SentWords) {
		t.Fatalf("%q: sentences %v %v, want %v %v", s, d.Sentences, d.SentWords, ref.Sentences, ref.SentWords)
	}
	if len(d.Words) != len(ref.Words) {
		t.Fatalf("%q: %d words, want %d (%v)", s, len(d.Words), len(ref.Words), ref.Words)
	}
	checkHasByte(t, d, s)
	// Digits and Shapes are what the words say: the indexes of those with
	// a digit, and every shape ORed.
	var digits []int32
	var shapes Shape
	for i, w := range d.Words {
		if w.Shape&HasDigit != 0 {
			digits = append(digits, int32(i))
		}
		shapes |= w.Shape
	}
	if !slices.Equal(d.Digits, digits) || d.Shapes != shapes {
		t.Fatalf("%q: Digits %v Shapes %016b, want %v %016b", s, d.Digits, d.Shapes, digits, shapes)
	}
	fieldCounted := false // a word of the current field has a letter or digit
	for i, w := range d.Words {
		r := ref.Words[i]
		if w.Start != r.Start || w.End != r.End || w.Lower != r.Lower || w.Sentence != r.Sentence || w.Hash != r.Hash {
			t.Fatalf("%q: word %d = %+v, want %+v", s, i, w, r)
		}
		if got, want := IsCapitalized(s, w), refCapitalized(s, r); got != want || IsCapitalized(s, Word{Start: w.Start, End: w.End, Lower: w.Lower}) != want {
			t.Errorf("%q: word %q Capitalized %v, want %v", s, w.Lower, got, want)
		}
		gapFrom := 0
		if i > 0 {
			gapFrom = d.Words[i-1].End
		}
		if got, want := w.Shape&SpaceBefore != 0, strings.IndexFunc(s[gapFrom:w.Start], unicode.IsSpace) >= 0; got != want {
			t.Errorf("%q: word %q SpaceBefore %v, want %v", s, w.Lower, got, want)
		}
		if strings.IndexFunc(s[gapFrom:w.Start], unicode.IsSpace) >= 0 {
			fieldCounted = false
		}
		alnum := strings.IndexFunc(s[w.Start:w.End], func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
		if got, want := w.Shape&FieldStart != 0, alnum && !fieldCounted; got != want {
			t.Errorf("%q: word %q FieldStart %v, want %v", s, w.Lower, got, want)
		}
		fieldCounted = fieldCounted || alnum
		if got, want := w.Shape&SentenceStart != 0, i == 0 || d.Words[i-1].Sentence != w.Sentence; got != want {
			t.Errorf("%q: word %q SentenceStart %v, want %v", s, w.Lower, got, want)
		}
		if got, want := w.Shape, refShape(s[w.Start:w.End], w.Lower != r.Lower || w.Lower != refLower(s[w.Start:w.End])); got&^(Capitalized|SentenceStart|SpaceBefore|FieldStart|shaped) != want {
			t.Errorf("%q: word %q shape %012b, want %012b", s, w.Lower, got&^(Capitalized|SentenceStart|SpaceBefore|FieldStart|shaped), want)
		}
	}
}

// checkHasByte: HasByte is exact for ASCII bytes other than letters,
// digits and the space, and true for every other byte.
func checkHasByte(t *testing.T, d *Doc, s string) {
	t.Helper()
	for c := range 256 {
		b := byte(c)
		want := strings.IndexByte(s, b) >= 0
		if b == ' ' || b >= utf8.RuneSelf || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' {
			want = true
		}
		if got := d.HasByte(b); got != want {
			t.Fatalf("%q: HasByte(%q) = %v, want %v", s, b, got, want)
		}
	}
}

// refCapitalized is IsCapitalized as it was.
func refCapitalized(s string, w refWord) bool {
	c := s[w.Start]
	if c >= 'A' && c <= 'Z' {
		return true
	}
	return c >= 0x80 && s[w.Start:w.End] != w.Lower && !strings.HasPrefix(s[w.Start:w.End], w.Lower[:1])
}

var refASCIIWord = func() (t [utf8.RuneSelf]bool) {
	for r := range t {
		t[r] = refIsWordRune(rune(r))
	}
	return t
}()

// refShape is Shape spelled out bit by bit, less Capitalized and
// SentenceStart (checked above).
func refShape(w string, texting bool) Shape {
	var sh Shape
	has := func(b bool, bit Shape) {
		if b {
			sh |= bit
		}
	}
	has(strings.IndexFunc(w, func(r rune) bool { return r >= 'a' && r <= 'z' }) >= 0, HasLower)
	has(strings.IndexFunc(w, func(r rune) bool { return r >= 'A' && r <= 'Z' }) >= 0, HasUpper)
	has(strings.IndexFunc(w, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0, HasDigit)
	has(strings.Trim(w, "0123456789") == "", AllDigits)
	has(strings.Contains(w, "@"), HasAt)
	has(strings.Contains(w, "."), HasDot)
	has(strings.Contains(w, "-"), HasHyphen)
	has(strings.ContainsAny(w, "'’"), HasApostrophe)
	has(strings.IndexFunc(w, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0, NonASCII)
	upper, lower := 0, false
	for _, r := range w {
		lower = lower || unicode.IsLower(r)
		if unicode.IsUpper(r) {
			upper++
		}
	}
	has(upper >= 2 && !lower, AllCaps)
	has(texting, Texting)
	return sh
}

// refLower is a word's Lower before any texting form.
func refLower(w string) string { return NormWord(strings.ToLower(w)) }

// refUTF16 is the UTF-16 offset of every byte as the index computed them
// before it went lazy: one array over the whole text.
func refUTF16(text string) []int {
	cum := make([]int, len(text)+1)
	u := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		for k := 0; k < size; k++ {
			cum[i+k] = u
		}
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
		i += size
	}
	cum[len(text)] = u
	return cum
}

func FuzzUTF16Index(f *testing.F) {
	for _, s := range referenceTexts {
		f.Add(s, uint64(7))
	}
	f.Add(strings.Repeat("é😊a\xff", 300), uint64(99))
	f.Fuzz(func(t *testing.T, s string, seed uint64) {
		want := refUTF16(s)
		x := NewUTF16Index(s)
		var y UTF16Runes
		y.Reset("stale text to reuse the arrays of: é😊")
		y.Reset(s)
		// Forward, backward and random orders, as findings and edits ask.
		for k := range 3 * len(want) {
			b := k
			switch {
			case k >= 2*len(want):
				seed = seed*6364136223846793005 + 1442695040888963407
				b = int(seed>>33) % (len(want) + 2)
			case k >= len(want):
				b = 2*len(want) - 1 - k
			}
			if got := x.At(b); got != want[max(0, min(b, len(s)))] {
				t.Fatalf("%q: At(%d) = %d, want %d", s, b, got, want[min(b, len(s))])
			}
			if got := y.At(b); got != want[max(0, min(b, len(s)))] {
				t.Fatalf("%q: UTF16Runes.At(%d) = %d, want %d", s, b, got, want[min(b, len(s))])
			}
		}
	})
}

// TestNumberRunParts: each run's digits, groups and separators, which
// share buffers (a fuzzed comparison with the scan before it did passed
// over a million inputs).
func TestNumberRunParts(t *testing.T) {
	type run struct {
		text, digits, seps string
		groups             []int
	}
	s := "Call (555) 010-2000, +1 555.010.2000 or 1-800-555-0199 by 12/31/2024; 3.5 mg, A123, 42"
	want := []run{
		{"(555) 010-2000", "5550102000", ") -", []int{3, 3, 4}}, // an opening sign is no separator
		{"+1 555.010.2000", "15550102000", " ..", []int{1, 3, 3, 4}},
		{"1-800-555-0199", "18005550199", "---", []int{1, 3, 3, 4}},
		{"12/31/2024", "12312024", "//", []int{2, 2, 4}},
		{"3.5", "35", ".", []int{1, 1}},
		{"42", "42", "", []int{2}},
	}
	d := Analyze(s)
	var got []run
	for _, r := range d.NumberRuns() {
		got = append(got, run{s[r.Start:r.End], r.Digits, r.Seps, r.Groups})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("runs\n%v\nwant\n%v", got, want)
	}
}
