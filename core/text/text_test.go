package text

import (
	"bytes"
	"encoding/json"
	"math/bits"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestTokens(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Your X-Ray is at 3.5pm, e-mail a.b@c.org!", []string{"your", "x-ray", "is", "at", "3.5pm", "e-mail", "a.b@c.org"}},
		{"see u tmrw, José", []string{"see", "you", "tomorrow", "josé"}},
		{"you’re here", []string{"you're", "here"}},
		{"end.Next", []string{"end", "next"}},
	} {
		if got := Tokens(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSentences(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"Thanks! See you at the open house next week! 🌷", 2}, // a trailing emoji is no sentence
		{"Dr. Lee says hi. Call us.", 2},                      // "Dr." ends nothing
		{"Wow!!! Great.", 2},
		{"🌷 Hello there", 1},
		{"One\nTwo\n\nThree", 3},
	} {
		d := Analyze(c.in)
		if len(d.Sentences) != c.want {
			t.Errorf("%q: %d sentences %v, want %d", c.in, len(d.Sentences), d.Sentences, c.want)
		}
		for _, w := range d.Words {
			sp := d.Sentences[w.Sentence]
			if w.Start < sp.Start || w.End > sp.End {
				t.Errorf("%q: word %q outside its sentence %v", c.in, w.Lower, sp)
			}
		}
	}
}

func TestNumberRuns(t *testing.T) {
	// "555-0145 (8 to 5)": the hours in parentheses are no part of the number.
	d := Analyze("Call (555) 010-2000 or 555-0142, member A12345, 3.5 mg, or +1 (555) 010-2001 or 555-0145 (8 to 5)")
	var phones []string
	for _, r := range d.NumberRuns() {
		if r.IsPhone() {
			phones = append(phones, d.Text[r.Start:r.End])
		}
	}
	if want := []string{"(555) 010-2000", "555-0142", "+1 (555) 010-2001", "555-0145"}; !reflect.DeepEqual(phones, want) {
		t.Errorf("phones %q, want %q", phones, want)
	}
	if _, ok := Atoi("3pm"); ok {
		t.Error(`Atoi("3pm") parsed`)
	}
	if v, ok := Atoi("-42"); !ok || v != -42 {
		t.Errorf(`Atoi("-42") = %d, %v`, v, ok)
	}
}

func TestUTF16Index(t *testing.T) {
	s := "a😊é b"
	x := NewUTF16Index(s)
	// bytes: a(0) 😊(1-4) é(5-6) space(7) b(8); UTF-16: a=0, 😊=1-2, é=3, space=4, b=5
	for b, want := range map[int]int{0: 0, 1: 1, 3: 1, 5: 3, 7: 4, 8: 5, 9: 6, 99: 6} {
		if got := x.At(b); got != want {
			t.Errorf("At(%d) = %d, want %d", b, got, want)
		}
	}
}

// TestUTF16RunesCorpus: UTF16Runes gives UTF16Index's offsets for every
// byte of every corpus text, one instance reused across texts.
func TestUTF16RunesCorpus(t *testing.T) {
	var y UTF16Runes
	for _, s := range append(corpusTexts(t), "a😊é b", strings.Repeat("é", 17), "ab\xffcdefghij😊") {
		x := NewUTF16Index(s)
		y.Reset(s)
		for b := -1; b <= len(s)+1; b++ {
			if got, want := y.At(b), x.At(b); got != want {
				t.Fatalf("%q: At(%d) = %d, want %d", s, b, got, want)
			}
		}
	}
}

func TestReleaseKeepsNoText(t *testing.T) {
	d := Analyze("Hi Janet, call 555-0142.")
	d.NumberRuns()
	d.Release()
	if d.Text != "" || d.Lower != "" {
		t.Fatal("text kept")
	}
	for _, w := range d.Words[:cap(d.Words)] {
		if w.Lower != "" {
			t.Fatalf("word %q kept", w.Lower)
		}
	}
}

func TestFingerprint(t *testing.T) {
	a := Fingerprint(Analyze("Thank you so much for the kind words, we loved seeing you!"))
	b := Fingerprint(Analyze("Thank you so much for the kind words, we loved seeing you all!"))
	c := Fingerprint(Analyze("Please call the billing office about the statement."))
	if Fingerprint(Analyze("")) != 0 || a == 0 {
		t.Fatal("empty text has fingerprint 0, others not")
	}
	if FingerprintDistance(a, b) >= FingerprintDistance(a, c) {
		t.Errorf("near-duplicates should be closer: %d vs %d", FingerprintDistance(a, b), FingerprintDistance(a, c))
	}
}

// TestFingerprintColumns checks the lane-counting SimHash against the plain
// definition (count each of the 64 bits over every hash), on texts long
// enough for the lanes to be flushed several times.
func TestFingerprintColumns(t *testing.T) {
	plain := func(d *Doc) uint64 {
		var hs []uint64
		for i, w := range d.Words {
			hs = append(hs, w.Hash)
			if i > 0 {
				hs = append(hs, Mix64(d.Words[i-1].Hash^bits.RotateLeft64(w.Hash, 17)))
			}
		}
		var out uint64
		for b := 0; b < 64; b++ {
			set := 0
			for _, h := range hs {
				set += int(h >> b & 1)
			}
			if 2*set > len(hs) {
				out |= 1 << b
			}
		}
		if out == 0 {
			out = 1
		}
		return out
	}
	words := strings.Fields("thank you so much for the kind words we loved seeing you call the office today about your visit")
	var b strings.Builder
	for n := 1; n < 700; n += 37 {
		b.Reset()
		for k := 0; k < n; k++ {
			b.WriteString(words[(k*k+3*k)%len(words)])
			b.WriteByte(' ')
		}
		d := Analyze(b.String())
		if got, want := Fingerprint(d), plain(d); got != want {
			t.Errorf("%d words: fingerprint %016x, want %016x", n, got, want)
		}
	}
}

// TestTextingFirst: every word TextingForm spells out has a first and last
// letter mayBeTexting lets through, or the tokenizer would skip it.
func TestTextingFirst(t *testing.T) {
	for _, w := range []string{"u", "ya", "ur", "tmrw", "tmr", "tmw", "tue", "tues", "thu", "thur", "thurs", "weds", "fri", "wk", "wks", "mos", "hrs", "nxt"} {
		if TextingForm(w) == "" {
			t.Errorf("TextingForm(%q) is empty: update this test", w)
		}
		if !mayBeTexting(w[0], w[len(w)-1]) {
			t.Errorf("textingLast misses %q", w)
		}
	}
	// Every lower-case word of up to four letters, and of five starting
	// with a letter one of TextingForm's words starts with (the tokenizer
	// asks TextingForm about words of up to five bytes).
	var try func(w []byte)
	try = func(w []byte) {
		if len(w) > 0 && TextingForm(string(w)) != "" {
			if !mayBeTexting(w[0], w[len(w)-1]) {
				t.Errorf("textingLast misses %q", w)
			}
		}
		if len(w) < 4 || len(w) == 4 && textingLast[w[0]&31] != 0 {
			for c := byte('a'); c <= 'z'; c++ {
				try(append(w, c))
			}
		}
	}
	try(nil)
}

func TestHasPrefixFold(t *testing.T) {
	for _, c := range []struct {
		s, p string
		want bool
	}{
		{"HTTPS://x", "https://", true},
		{"Xo, Maria", "xo", true},
		{"x", "xo", false},
		{"—Maria", "—", true},
		{"Hello", "help", false},
		{"", "", true},
	} {
		if got := HasPrefixFold(c.s, c.p); got != c.want {
			t.Errorf("HasPrefixFold(%q, %q) = %v, want %v", c.s, c.p, got, c.want)
		}
	}
}

// TestNumberRunsSkipWords: the scan that jumps between the words with a
// digit finds exactly the runs of a scan that reads every byte (one word
// over the whole text, so nothing is skipped).
func TestNumberRunsSkipWords(t *testing.T) {
	texts := []string{
		"Call (555) 010-2000, +1 555.010.2000 or 1-800-555-0199 by 12/31/2024; 3.5 mg, A123, 42",
		"(+( (( ++1 a1b2 x-9 9-x (5) )5( 555 555 555 555 555 555 555 555 555 555 555",
		"no numbers here (at all) + nothing",
		"7", "(7", "+", "(", "é1 ñ22 ü(333) 4444é",
		"room 12b, ext.34 #56 and $78.90 on 1/2 at 3:45pm, (555)0102000 +44 20 7946 0958",
	}
	texts = append(texts, corpusTexts(t)...) // and the labelled corpus
	for _, s := range texts {
		d := Analyze(s)
		got, _ := scanNumberRuns(nil, nil, s, d.Words, d.Digits)
		whole := []Word{{Start: 0, End: len(s), Shape: HasDigit}}
		want, _ := scanNumberRuns(nil, nil, s, whole, []int32{0})
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: runs %v, reading every byte %v", s, got, want)
		}
	}
}

// simhashByBit is the SimHash as defined, one column at a time: the
// reference the counting in simhash must agree with.
func simhashByBit(d *Doc) uint64 {
	var hashes []uint64
	for k, w := range d.Words {
		hashes = append(hashes, w.Hash)
		if k > 0 {
			hashes = append(hashes, Mix64(d.Words[k-1].Hash^bits.RotateLeft64(w.Hash, 17)))
		}
	}
	var out uint64
	for b := range 64 {
		set := 0
		for _, h := range hashes {
			set += int(h >> b & 1)
		}
		if 2*set > len(hashes) {
			out |= 1 << b
		}
	}
	if out == 0 {
		out = 1
	}
	return out
}

// TestSimhashReference: texts of every size around the counters' chunk
// (126 words) and the corpus give the reference's fingerprint.
func TestSimhashReference(t *testing.T) {
	var texts []string
	for _, n := range []int{1, 2, 3, 125, 126, 127, 128, 252, 253, 254, 1000} {
		texts = append(texts, strings.Repeat("care ", n), strings.Repeat("a b c d e f g ", n)[:2*n])
	}
	texts = append(texts, corpusTexts(t)...)
	for _, s := range texts {
		d := Analyze(s)
		if len(d.Words) == 0 {
			continue
		}
		if got, want := simhash(d), simhashByBit(d); got != want {
			t.Errorf("%.40q… (%d words): simhash %016x, reference %016x", s, len(d.Words), got, want)
		}
	}
}

func TestSymbolBlocks(t *testing.T) {
	for _, b := range symbolBlocks {
		for r := b[0]; r <= b[1]; r++ {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				t.Errorf("%U is a letter, digit or mark: isWordRune must not skip its block %U-%U", r, b[0], b[1])
			}
		}
	}
	for _, r := range []rune{0x1FFF, 0x2070, 0x218F, 0x2C00, 0x1EFFF, 0x1FB00} {
		if inSymbolBlocks(r) {
			t.Errorf("%U is outside the blocks", r)
		}
	}
}

func TestHasByteCorpus(t *testing.T) {
	var d Doc
	for _, s := range corpusTexts(t) {
		d.Reset(s)
		checkHasByte(t, &d, s)
	}
}

// corpusTexts returns every reply and comment of the labelled corpus.
func corpusTexts(t *testing.T) []string {
	files, _ := filepath.Glob("../testdata/corpus/*.jsonl")
	if len(files) == 0 {
		t.Fatal("no corpus files")
	}
	var texts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for line := range bytes.Lines(data) {
			var item struct{ Text, Comment string }
			if json.Unmarshal(line, &item) == nil {
				texts = append(texts, item.Text, item.Comment)
			}
		}
	}
	return texts
}

// TestSymbols: Symbols holds exactly the starts of the runes outside ASCII
// that no word covers, on every corpus text and a few made-up ones.
func TestSymbols(t *testing.T) {
	var d Doc
	texts := append(corpusTexts(t), "so sorry 🙄🙄", "Dr. Lee — “great” 🤷‍♀️!", "naïve café’s x\xff🙃", "")
	for _, s := range texts {
		d.Reset(s)
		var want []int32
		w := 0
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			for w < len(d.Words) && d.Words[w].End <= i {
				w++
			}
			inWord := w < len(d.Words) && d.Words[w].Start <= i
			if r >= utf8.RuneSelf && size > 1 && !inWord {
				want = append(want, int32(i))
			}
			i += size
		}
		if got := d.Symbols(); !slices.Equal(got, want) {
			t.Fatalf("%q: Symbols %v, want %v", s, got, want)
		}
	}
}

// WordAt answers for every byte: inside a word, that word; in the gap
// before one, the next word; past the last word, -1.
func TestWordAt(t *testing.T) {
	d := Analyze("hello, big world")
	want := []int{0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, -1}
	for at, w := range want {
		if got := d.WordAt(at); got != w {
			t.Errorf("WordAt(%d) = %d, want %d", at, got, w)
		}
	}
}
