package text

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word is one token of a text: letters and digits, with inner apostrophes,
// hyphens, periods and @ kept so "o'brien", "x-ray", "3.5" and emails stay whole
// only where the surrounding characters are word characters.
type Word struct {
	Start, End int    // byte offsets into Doc.Text
	Lower      string // lower-cased token text
	Sentence   int    // index into Doc.Sentences
	Hash       uint64 // Hash(Lower): vocabulary lookups and the fingerprint reuse it
}

// Span is a half-open byte range.
type Span struct{ Start, End int }

// Doc is a tokenised text shared by every rule in one check, so the text is
// scanned once no matter how many rules look at it.
type Doc struct {
	Text      string
	Lower     string // same byte length as Text: only ASCII letters are lowered
	Words     []Word
	Sentences []Span
	// SentWords[s] is the range of word indexes in sentence s ({-1,-1} when
	// the sentence has no word, e.g. a lone emoji).
	SentWords []Span
	runs      []NumberRun // see NumberRuns
	runsDone  bool
	fp        uint64 // see Fingerprint
	fpDone    bool
}

// ASCIILower lowers ASCII letters only, keeping byte offsets identical.
// Capitals are rare, so it copies the runs between them whole, into a
// single allocation.
func ASCIILower(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is written
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			if done == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[done:i])
			b.WriteByte(c + 'a' - 'A')
			done = i + 1
		}
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// asciiWord is isWordRune for ASCII, which is most text: a table lookup
// instead of three Unicode range searches per space or comma.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for r := range t {
		t[r] = unicode.IsLetter(rune(r)) || unicode.IsDigit(rune(r)) || unicode.Is(unicode.Mn, rune(r))
	}
	return t
}()

// Analyze tokenises text into words and sentences in one linear pass.
// Invalid UTF-8 is tolerated: bad bytes act as separators.
func Analyze(text string) *Doc { return new(Doc).Reset(text) }

// Reset tokenises text into d, reusing the arrays d had for an earlier
// text: a check then allocates little, which matters most in WebAssembly,
// where garbage collection runs on the checking thread.
func (d *Doc) Reset(text string) *Doc {
	words, sents, sentWords, runs := d.Words[:0], d.Sentences[:0], d.SentWords[:0], d.runs[:0]
	if n := len(text)/5 + 1; cap(words) < n {
		words = make([]Word, 0, n)
	}
	*d = Doc{Text: text, Lower: ASCIILower(text), Words: words, Sentences: sents, SentWords: sentWords, runs: runs}
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
		if r < utf8.RuneSelf && asciiWord[r] || r >= utf8.RuneSelf && isWordRune(r) {
			start := i
			i += size
			for i < len(text) {
				if c := text[i]; c < utf8.RuneSelf {
					if asciiWord[c] {
						i++ // the common case: no decoding, no call
						continue
					}
					r, size = rune(c), 1
				} else if r, size = utf8.DecodeRuneInString(text[i:]); isWordRune(r) {
					i += size
					continue
				}
				// Joiners stay inside a word when a word rune follows.
				if (r == '\'' || r == '’' || r == '-' || r == '.' || r == '@' || r == '_') && i+size < len(text) {
					r2, s2 := utf8.DecodeRuneInString(text[i+size:])
					if isWordRune(r2) {
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
			lower, h := wordLower(d, start, i)
			d.Words = append(d.Words, Word{Start: start, End: i, Lower: lower, Sentence: len(d.Sentences), Hash: h})
			continue
		}
		if sentStart < 0 && !(r == ' ' || r == '\n' || r >= utf8.RuneSelf && unicode.IsSpace(r) || r < ' ' && unicode.IsSpace(r)) {
			sentStart = i
		}
		end := i + size
		if r == '\n' || ((r == '.' || r == '!' || r == '?' || r == '…') && sentenceEnds(d, text, i, end)) {
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

// addSentence closes a sentence. One without a word ("… next week! 🌷",
// a trailing "!!!") belongs to the sentence before it, not a new one.
func (d *Doc) addSentence(sp Span) {
	if n := len(d.Sentences); n > 0 && (len(d.Words) == 0 || d.Words[len(d.Words)-1].Sentence < n) {
		d.Sentences[n-1].End = sp.End
		return
	}
	d.Sentences = append(d.Sentences, sp)
}

// wordLower returns the token text[start:end] lower-cased, and its fnv64.
// An ASCII token is already lowered in d.Lower, so it costs no allocation,
// and it is hashed in the same pass that checks it is ASCII.
func wordLower(d *Doc, start, end int) (string, uint64) {
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
	if len(lw) <= 5 && textingFirst[lw[0]] {
		if alt := TextingForm(lw); alt != "" {
			return alt, Hash(alt)
		}
	}
	return lw, Mix64(h)
}

// textingFirst marks the first letters of TextingForm's words, so most
// short words skip its switch.
var textingFirst = [256]bool{'u': true, 'y': true, 't': true, 'w': true, 'f': true, 'm': true, 'h': true, 'n': true}

// TextingForm spells out the shorthand of quick replies ("see u next tues"),
// so every word list sees the full word; spans still cover what was typed.
func TextingForm(w string) string {
	switch w {
	case "u", "ya":
		return "you"
	case "ur":
		return "your"
	case "tmrw", "tmr", "tmw":
		return "tomorrow"
	case "tue", "tues":
		return "tuesday"
	case "thu", "thur", "thurs":
		return "thursday"
	case "weds":
		return "wednesday"
	case "fri":
		return "friday"
	case "wk", "wks":
		return "weeks"
	case "mos":
		return "months"
	case "hrs":
		return "hours"
	case "nxt":
		return "next"
	}
	return ""
}

// wordDotOK keeps dots inside tokens that look like domains, decimals or
// emails ("example.com", "3.5", "a.b@c.org") but not "end.Next".
func wordDotOK(text string, start, dot int) bool {
	tok := text[start:dot]
	if strings.ContainsRune(tok, '@') {
		return true
	}
	allDigits := true
	for i := 0; i < len(tok); i++ {
		if tok[i] < '0' || tok[i] > '9' {
			allDigits = false
			break
		}
	}
	if allDigits {
		return true
	}
	// A lower-case letter right after the dot suggests a domain ("site.com").
	if dot+1 < len(text) && text[dot+1] >= 'a' && text[dot+1] <= 'z' {
		return true
	}
	return false
}

var abbreviations = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "st": true, "ave": true,
	"e.g": true, "i.e": true, "etc": false, "vs": true, "jr": true, "sr": true,
	"a.m": true, "p.m": true, "no": false, "dds": false, "md": false,
}

// sentenceEnds decides whether the punctuation at text[i:end] ends a sentence:
// not after "Dr", not inside "3.5", and only before space, quote or the end.
func sentenceEnds(d *Doc, text string, i, end int) bool {
	if text[i] == '.' {
		if n := len(d.Words); n > 0 && d.Words[n-1].End == i {
			if abbreviations[d.Words[n-1].Lower] {
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

func trimRight(text string, start, end int) int {
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return end
}

// Release forgets d's text so a pooled Doc holds no reply or comment text
// between checks; its arrays stay for the next one.
func (d *Doc) Release() {
	clear(d.Words) // each Lower points into the text
	clear(d.runs)
	*d = Doc{Words: d.Words[:0], Sentences: d.Sentences[:0], SentWords: d.SentWords[:0], runs: d.runs[:0]}
}

// SentenceWords returns the words of sentence s.
func (d *Doc) SentenceWords(s int) []Word {
	if s < 0 || s >= len(d.SentWords) || d.SentWords[s].Start < 0 {
		return nil
	}
	return d.Words[d.SentWords[s].Start:d.SentWords[s].End]
}

// WordSpan returns the byte span of words [from, to).
func (d *Doc) WordSpan(from, to int) Span {
	return Span{d.Words[from].Start, d.Words[to-1].End}
}

// WordBefore returns the index of the last word ending at or before byte at.
func (d *Doc) WordBefore(at int) int {
	lo, hi := 0, len(d.Words)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Words[m].End <= at {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// WordAt returns the index of the word containing or starting at byte at, or -1.
func (d *Doc) WordAt(at int) int {
	i := d.WordBefore(at + 1)
	if i >= 0 && d.Words[i].Start <= at && at < d.Words[i].End {
		return i
	}
	if i+1 < len(d.Words) && d.Words[i+1].Start >= at {
		return i + 1
	}
	return -1
}

// StartsSentence reports whether word i is its sentence's first word.
func (d *Doc) StartsSentence(i int) bool {
	return i == 0 || d.Words[i-1].Sentence != d.Words[i].Sentence
}

// NormWord folds the typographic apostrophe so "you’re" matches "you're".
func NormWord(s string) string {
	if strings.Contains(s, "’") {
		s = strings.ReplaceAll(s, "’", "'")
	}
	return s
}

// Tokens splits a phrase into lower-cased word tokens, as a Doc would.
func Tokens(s string) []string {
	d := Analyze(s)
	out := make([]string, len(d.Words))
	for i, w := range d.Words {
		out[i] = w.Lower
	}
	return out
}

// IsCapitalized reports a word written with a capital first letter.
func IsCapitalized(s string, w Word) bool {
	c := s[w.Start]
	if c >= 'A' && c <= 'Z' {
		return true
	}
	// Non-ASCII capitals (É, Ł, Ş): compare with the lower-cased token.
	return c >= 0x80 && s[w.Start:w.End] != w.Lower && !strings.HasPrefix(s[w.Start:w.End], w.Lower[:1])
}
