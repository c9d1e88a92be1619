package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Word is one token of a text: letters and digits, with inner apostrophes,
// hyphens, periods and @ kept so "o'brien", "x-ray", "3.5" and emails stay whole
// only where the surrounding characters are word characters.
type Word struct {
	Start, End int    // byte offsets into Doc.Text
	Lower      string // lower-cased token text
	Sentence   int    // index into Doc.Sentences
	Hash       uint64 // Hash(Lower): vocabulary lookups and the fingerprint reuse it
	// Shape says how the word is written (capitals, digits, joiners),
	// found while tokenising: rules test a bit instead of looping over bytes.
	Shape Shape
}

// Shape is a set of facts about how a word is written. Most bits are the
// tokenizer's byte classes of the word's bytes ORed together (their bit
// positions match), so a word's shape costs one OR per byte.
type Shape uint16

const (
	// Capitalized: IsCapitalized holds (an upper-case first letter).
	Capitalized Shape = 1 << 0
	// HasLower, HasUpper, HasDigit: some ASCII lower-case letter, capital
	// or digit.
	HasLower Shape = cLower >> 8
	HasUpper Shape = cUpper >> 8
	HasDigit Shape = cDigit >> 8
	// HasAt, HasDot, HasHyphen, HasApostrophe: that joiner inside the word
	// ("a@b.org", "3.5", "x-ray", "o'brien" or "you’re").
	HasAt         Shape = cAt >> 8
	HasDot        Shape = cDot >> 8
	HasHyphen     Shape = cDash >> 8
	HasApostrophe Shape = cApos >> 8
	// NonASCII: some character outside ASCII ("josé").
	NonASCII Shape = cHigh >> 8
	// AllDigits: ASCII digits only ("2024").
	AllDigits Shape = 1 << 8
	// AllCaps: no lower-case letter and at least two capitals ("NEVER").
	AllCaps Shape = 1 << 9
	// Texting: Lower spells out a shorthand ("u" reads "you").
	Texting Shape = 1 << 10
	// SentenceStart: the first word of its sentence (StartsSentence).
	SentenceStart Shape = 1 << 11
	// SpaceBefore: white space between the word before (or the start of
	// the text) and this one, so "Dr.Lee" and "Dr. Lee" differ.
	SpaceBefore Shape = 1 << 13
	// FieldStart: the first word with a letter or digit of its
	// white-space-separated field, the one a reader counts (Fields).
	FieldStart Shape = 1 << 14

	// shaped marks a word the tokenizer made, whose Shape is known.
	shaped Shape = 1 << 15
)

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
	// Digits holds the indexes of the words with a digit, in order, and
	// Shapes every word's Shape ORed: a rule looking for numbers or
	// capitals reads these, not every word.
	Digits   []int32
	Shapes   Shape
	runs     []NumberRun // see NumberRuns
	groups   []int       // the runs' Groups, end to end
	runsDone bool
	fp       uint64 // see Fingerprint
	fpDone   bool
	// marks has a bit per ASCII byte other than a letter or digit that
	// occurs in Text (see HasByte), set as the tokenizer passes it.
	marks [2]uint64
	// symbols holds where each rune outside ASCII that is in no word
	// starts (see Symbols).
	symbols []int32
	// fields counts the white-space-separated fields with a letter or
	// digit (see Fields), as the tokenizer adds their words.
	fields int
}

// Fields returns how many white-space-separated fields of the text hold a
// letter or digit: the length rule's word count, counted as the words are
// added instead of by a second walk of them.
func (d *Doc) Fields() int { return d.fields }

// Symbols returns the byte offsets, in order, of every rune outside ASCII
// that is not in a word: emoji, dashes, typographic quotes, spaces other
// than ASCII's. A rule looking for an emoji reads these few offsets, not
// the text: every occurrence of a string that starts with such a rune
// starts at one of them.
func (d *Doc) Symbols() []int32 { return d.symbols }

// HasByte reports whether c may occur in the text: exactly for ASCII
// punctuation, symbols and control bytes, which the tokenizer notes as it
// passes them; always true for letters, digits, the space and bytes
// outside ASCII, which it does not note. A rule looking for a rare mark
// ("[", "@", "{") skips its scan of the text when this is false; in
// WebAssembly such a scan is a byte loop, not a vector search.
func (d *Doc) HasByte(c byte) bool {
	if c == ' ' || c >= utf8.RuneSelf || byteClass[c]&cWord != 0 {
		return true
	}
	return d.marks[c>>6]&(1<<(c&63)) != 0
}

// HasPrefixFold reports whether s starts with p ignoring ASCII case; p
// must be lower-case. It builds no lowered copy of s.
func HasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
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
		return byteClass[r]&cWord != 0
	}
	if inSymbolBlocks(r) || isVariationSelector(r) {
		return false // emoji, dashes, quotes: no table searched
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isVariationSelector: U+FE00-U+FE0F are nonspacing marks, but they only
// choose how the character before them is drawn ("❤️" is U+2764 U+FE0F):
// after an emoji they are part of the emoji, not a word of their own.
func isVariationSelector(r rune) bool { return uint32(r-0xFE00) <= 0xF }

// symbolBlocks hold no letter, digit or nonspacing mark (TestSymbolBlocks
// checks each against the unicode tables): general punctuation, arrows to
// miscellaneous symbols and dingbats, and the emoji planes' symbols. They
// are the non-ASCII characters replies have most that are not letters.
var symbolBlocks = [...][2]rune{{0x2000, 0x206F}, {0x2190, 0x2BFF}, {0x1F000, 0x1FAFF}}

func inSymbolBlocks(r rune) bool {
	for _, b := range symbolBlocks {
		if uint32(r-b[0]) <= uint32(b[1]-b[0]) {
			return true
		}
	}
	return false
}

// Byte classes: the tokenizer looks each byte up once in byteClass,
// whose entries hold the byte lowered (low 8 bits) and its classes. The
// classes a word's Shape keeps sit 8 bits above their Shape bits.
const (
	cWord  = 1 << 8  // ASCII letter or digit
	cLower = 1 << 9  // a-z
	cDigit = 1 << 10 // 0-9
	cAt    = 1 << 11 // @
	cDot   = 1 << 12 // .
	cUpper = 1 << 13 // A-Z
	cDash  = 1 << 14 // -
	cApos  = 1 << 15 // '
	cUnder = 1 << 16 // _
	cSpace = 1 << 17 // ASCII white space
	cStop  = 1 << 18 // . ! ? may end a sentence
	cTrail = 1 << 19 // . ! ? " ' ) are swallowed after a sentence's end
	cHigh  = 1 << 20 // not ASCII
	cJoin  = cAt | cDot | cDash | cApos | cUnder

	shapeBits = cLower | cDigit | cAt | cDot | cUpper | cDash | cApos | cHigh
)

var byteClass = func() (t [256]uint32) {
	for c := range t {
		t[c] = uint32(c)
		switch {
		case c >= 'a' && c <= 'z':
			t[c] |= cWord | cLower
		case c >= 'A' && c <= 'Z':
			t[c] = uint32(c+'a'-'A') | cWord | cUpper
		case c >= '0' && c <= '9':
			t[c] |= cWord | cDigit
		case c >= utf8.RuneSelf:
			t[c] |= cHigh
		}
	}
	t['@'] |= cAt
	t['.'] |= cDot
	t['-'] |= cDash
	t['\''] |= cApos
	t['_'] |= cUnder
	for _, c := range "\t\n\v\f\r " {
		t[c] |= cSpace
	}
	for _, c := range ".!?" {
		t[c] |= cStop
	}
	for _, c := range ".!?\"')" {
		t[c] |= cTrail
	}
	return t
}()

// fnvPrimeVar is fnvPrime in a variable: loaded once into a register
// before a loop, where the constant would be rematerialised every byte.
var fnvPrimeVar uint64 = fnvPrime

// Analyze tokenises text into words and sentences in one linear pass.
// Invalid UTF-8 is tolerated: bad bytes act as separators.
func Analyze(text string) *Doc { return new(Doc).Reset(text) }

// Reset tokenises text into d, reusing the arrays d had for an earlier
// text: a check then allocates little, which matters most in WebAssembly,
// where garbage collection runs on the checking thread.
//
// It is one pass over the bytes: each byte costs one class lookup, and a
// word's bytes are lowered, hashed and classified (Shape) as they are
// scanned. Lowered text lives in at most two buffers per text (see
// lowered), so no word costs an allocation of its own.
func (d *Doc) Reset(text string) *Doc {
	words, sents, sentWords, digits, runs, groups, symbols := d.Words[:0], d.Sentences[:0], d.SentWords[:0], d.Digits[:0], d.runs[:0], d.groups[:0], d.symbols[:0]
	if n := len(text)/5 + 1; cap(words) < n {
		words = make([]Word, 0, n)
	}
	*d = Doc{Text: text, Lower: text, Words: words, Sentences: sents, SentWords: sentWords, Digits: digits, runs: runs, groups: groups, symbols: symbols}
	var lw lowered
	tab, prime := &byteClass, fnvPrimeVar
	sentStart := -1
	n := len(text)
	for i := 0; i < n; {
		k := tab[text[i]]
		if k&cWord != 0 {
			// An ASCII word, the common case, scanned inline: one lookup
			// per byte gives the lowered byte to hash and the classes to
			// OR. A joiner or non-ASCII rune hands over to wordTail.
			start := i
			h, cls := uint64(fnvOffset), uint32(0)
			for ; i < n; i++ {
				k = tab[text[i]]
				if k&cWord == 0 {
					break
				}
				cls |= k
				h = (h ^ uint64(uint8(k))) * prime
			}
			if k&(cJoin|cHigh) != 0 && i < n {
				i, cls, h = d.wordTail(text, start, i, cls, h)
			}
			if sentStart < 0 {
				sentStart = start
			}
			if cls&(cUpper|cHigh) != 0 || i-start <= 5 && mayBeTexting(text[start], text[i-1]) && TextingForm(text[start:i]) != "" {
				d.addWord(&lw, start, i, cls, h)
				continue
			}
			// Most words are lower-case ASCII that no shorthand spells:
			// addWord's common case, inline.
			words := d.Words
			nw, s := len(words), len(d.Sentences)
			if nw == cap(words) {
				words = append(words, Word{})[:nw]
			}
			words = words[:nw+1]
			d.Words = words
			w := &words[nw]
			shape := shaped | Shape((cls&shapeBits)>>8)
			if nw == 0 || s != lw.lastSentence {
				shape |= SentenceStart
				lw.sentFirst = nw
			}
			lw.lastSentence = s
			if lw.space {
				shape |= SpaceBefore
				lw.space = false
				lw.counted = false
			}
			if !lw.counted {
				lw.counted = true
				d.fields++
				shape |= FieldStart
			}
			if cls&cDigit != 0 {
				d.Digits = append(d.Digits, int32(nw))
				if cls&^(cWord|cDigit|0xff) == 0 {
					shape |= AllDigits
				}
			}
			w.Start, w.End, w.Sentence, w.Lower, w.Hash, w.Shape = start, i, s, text[start:i], Mix64(h), shape
			d.Shapes |= shape
			continue
		}
		c := text[i]
		if c == ' ' {
			i++ // the most common separator: starts and ends nothing
			lw.space = true
			continue
		}
		r, size := rune(c), 1
		if k&cHigh != 0 {
			r, size = utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && size <= 1 {
				i++
				continue
			}
			if isWordRune(r) {
				start := i
				var cls uint32
				var h uint64
				i, cls, h = d.wordTail(text, start, i, 0, fnvOffset)
				if sentStart < 0 {
					sentStart = start
				}
				d.addWord(&lw, start, i, cls, h)
				continue
			}
			d.symbols = append(d.symbols, int32(i))
		}
		if k&cSpace != 0 || k&cHigh != 0 && unicode.IsSpace(r) {
			lw.space = true
		} else if sentStart < 0 {
			sentStart = i
		}
		if k&cHigh == 0 {
			d.marks[c>>6] |= 1 << (c & 63)
		}
		end := i + size
		if c == '\n' || (k&cStop != 0 || r == '…') && sentenceEnds(d, text, i, end) {
			// Swallow runs like "?!" or "..." into the same sentence.
			for end < n && tab[text[end]]&cTrail != 0 {
				d.marks[text[end]>>6] |= 1 << (text[end] & 63)
				end++
			}
			if sentStart >= 0 {
				d.addSentence(Span{sentStart, trimRight(text, sentStart, end)}, lw.sentFirst)
			}
			sentStart = -1
		}
		i = end
	}
	if sentStart >= 0 {
		if e := trimRight(text, sentStart, len(text)); e > sentStart {
			d.addSentence(Span{sentStart, e}, lw.sentFirst)
		}
	}
	if lw.text != nil {
		d.Lower = unsafe.String(&lw.text[0], len(lw.text))
	}
	// Every word's sentence was added: a word sets sentStart, and only
	// addSentence, which takes the words since the last one, clears it.
	return d
}

// wordTail goes on scanning a word from i, where a joiner or a non-ASCII
// byte stopped the ASCII scan, and returns its end, classes and hash.
func (d *Doc) wordTail(text string, start, i int, cls uint32, h uint64) (int, uint32, uint64) {
	for i < len(text) {
		c := text[i]
		k := byteClass[c]
		if k&cWord != 0 {
			cls |= k
			h = (h ^ uint64(uint8(k))) * fnvPrime
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			if r, size = utf8.DecodeRuneInString(text[i:]); isWordRune(r) {
				cls |= cHigh
				i += size
				continue
			}
		}
		// Joiners stay inside a word when a word rune follows.
		if (k&cJoin != 0 || r == '’') && i+size < len(text) {
			next := text[i+size]
			follows := byteClass[next]&cWord != 0
			if !follows && next >= utf8.RuneSelf {
				r2, _ := utf8.DecodeRuneInString(text[i+size:])
				follows = isWordRune(r2)
			}
			if follows {
				if c == '.' && !wordDotOK(text, start, i) {
					break
				}
				if r == '’' {
					k = cApos | cHigh
				} else {
					d.marks[c>>6] |= 1 << (c & 63) // (a joiner: ASCII)
				}
				cls |= k
				h = (h ^ uint64(c)) * fnvPrime
				i += size // the word rune after it is the loop's next
				continue
			}
		}
		break
	}
	return i, cls, h
}

// addWord adds the word text[start:end], given the OR of its byte classes
// and its FNV-1a hash (valid when it is ASCII).
func (d *Doc) addWord(lw *lowered, start, end int, cls uint32, h uint64) {
	if len(d.Words) == cap(d.Words) {
		d.Words = append(d.Words, Word{})[:len(d.Words)]
	}
	n, s := len(d.Words), len(d.Sentences)
	d.Words = d.Words[:n+1]
	w := &d.Words[n]
	src := d.Text
	// Field by field: no zeroing of the whole word first.
	w.Start, w.End, w.Sentence, w.Lower = start, end, s, src[start:end]
	w.Shape = shaped | Shape((cls&shapeBits)>>8)
	if n == 0 || s != lw.lastSentence {
		w.Shape |= SentenceStart
		lw.sentFirst = n
	}
	if lw.space {
		w.Shape |= SpaceBefore
		lw.space = false
		lw.counted = false // a new field
	}
	lw.lastSentence = s
	// A field counts once, at its first word with a letter or digit; a
	// word of other runes ("™") starts with a byte outside ASCII.
	if !lw.counted && (cls&cHigh == 0 || src[start] < utf8.RuneSelf || hasAlnum(src[start:end])) {
		lw.counted = true
		d.fields++
		w.Shape |= FieldStart
	}
	if cls&cUpper != 0 {
		if lw.text == nil {
			// Room after the text for lowered non-ASCII words: one
			// allocation for both, mostly. The whole text is copied
			// once, here: a copy of the bytes up to each capital cost a
			// call per capitalised word.
			lw.text = make([]byte, len(src), len(src)+64)
			copy(lw.text, src)
		}
		for k := start; k < end; k++ {
			lw.text[k] = uint8(byteClass[src[k]])
		}
		w.Lower = unsafe.String(&lw.text[start], end-start)
	}
	switch {
	case cls&cHigh != 0:
		w.Lower = lw.lowerRunes(src[start:end])
		h = fnvString(w.Lower)
	case end-start <= 5 && mayBeTexting(w.Lower[0], w.Lower[len(w.Lower)-1]):
		if alt := TextingForm(w.Lower); alt != "" {
			w.Lower, h = alt, fnvString(alt)
			w.Shape |= Texting
		}
	}
	w.Hash = Mix64(h)
	if cls&cDigit != 0 {
		d.Digits = append(d.Digits, int32(n))
	}
	switch {
	case cls&(cUpper|cHigh) == 0:
		if cls&^(cWord|cDigit|0xff) == 0 { // (the low byte is the ORed lowered bytes)
			w.Shape |= AllDigits
		}
		d.Shapes |= w.Shape
		return
	case capitalized(src[start:end], w.Lower):
		w.Shape |= Capitalized
	}
	if cls&cLower == 0 && isAllCaps(src[start:end]) {
		w.Shape |= AllCaps
	}
	d.Shapes |= w.Shape
}

// lowered holds the lowered forms of one text: text is Text with ASCII
// capitals lowered (made, a copy of Text, at the first capital), and
// extra the lowered non-ASCII words, end to end. Both are new per text and
// only ever appended to, so the strings sliced from them never change; a
// pooled Doc may hand them out and forget them.
type lowered struct {
	text  []byte
	extra []byte
	// lastSentence is the sentence of the word added last; space says
	// white space came since.
	lastSentence int
	// sentFirst is the index of the word that started lastSentence.
	sentFirst int
	space     bool
	// counted: the current field is counted in Doc.fields already.
	counted bool
}

// hasAlnum reports a letter or digit in a word.
func hasAlnum(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// lowerRunes lowers a non-ASCII word as strings.ToLower does and folds the
// typographic apostrophe (NormWord), into lw.extra.
func (lw *lowered) lowerRunes(s string) string {
	if lw.extra == nil {
		if n := len(lw.text); cap(lw.text) > n {
			lw.extra = lw.text[n:n] // text itself never grows
		} else {
			lw.extra = make([]byte, 0, 64)
		}
	}
	from := len(lw.extra)
	for _, r := range s {
		if r == '’' {
			r = '\''
		} else {
			r = unicode.ToLower(r)
		}
		// append may move extra to a new array; strings already cut from
		// the old one keep pointing at it, unchanged.
		lw.extra = utf8.AppendRune(lw.extra, r)
	}
	return unsafe.String(&lw.extra[from], len(lw.extra)-from)
}

// capitalized is IsCapitalized for a word's text and lowered form.
func capitalized(s, lower string) bool {
	c := s[0]
	if c >= 'A' && c <= 'Z' {
		return true
	}
	return c >= 0x80 && s != lower && !strings.HasPrefix(s, lower[:1])
}

// isAllCaps: no lower-case letter and at least two upper-case ones.
func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 2
}

// addSentence closes a sentence, given the index of the first word of
// the sentence the last word is in. One without a word ("… next week! 🌷",
// a trailing "!!!") belongs to the sentence before it, not a new one.
func (d *Doc) addSentence(sp Span, first int) {
	n := len(d.Sentences)
	if n > 0 && (len(d.Words) == 0 || d.Words[len(d.Words)-1].Sentence < n) {
		d.Sentences[n-1].End = sp.End
		return
	}
	d.Sentences = append(d.Sentences, sp)
	// The words of the new sentence are the last ones, from the first
	// with its index.
	ws := Span{-1, -1}
	if k := len(d.Words) - 1; k >= 0 && d.Words[k].Sentence == n {
		ws = Span{first, k + 1}
	}
	d.SentWords = append(d.SentWords, ws)
}

// textingLast has, by the low five bits of the first letter of each of
// TextingForm's words, a bit (1 << (c & 31)) for each letter c one of them
// ends with: tested with the first, it sends a short word to TextingForm's
// switch only when both ends fit ("the" and "this" still go, "that", "to",
// "we", "you" and most other common short words do not). Other bytes that
// share a letter's low bits may pass and are then only looked up.
// TestTextingFirst checks every word of up to five letters.
var textingLast = [32]uint32{
	'u' & 31: 1<<('u'&31) | 1<<('r'&31),
	'y' & 31: 1 << ('a' & 31),
	't' & 31: 1<<('w'&31) | 1<<('r'&31) | 1<<('e'&31) | 1<<('s'&31) | 1<<('u'&31),
	'w' & 31: 1<<('s'&31) | 1<<('k'&31),
	'f' & 31: 1 << ('i' & 31),
	'm' & 31: 1 << ('s' & 31),
	'h' & 31: 1 << ('s' & 31),
	'n' & 31: 1 << ('t' & 31),
}

// mayBeTexting reports whether a word with first byte first and last byte
// last may be one TextingForm spells out (false: it is not).
func mayBeTexting(first, last byte) bool { return textingLast[first&31]>>(last&31)&1 != 0 }

// TextingForm spells out the shorthand of quick replies ("see u next tues"),
// so every word list sees the full word; spans still cover what was typed.
//
//go:noinline
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

// isAbbreviation reports a word whose period ends no sentence ("Dr.").
func isAbbreviation(w string) bool {
	switch w {
	case "dr", "mr", "mrs", "ms", "st", "ave", "e.g", "i.e", "vs", "jr", "sr", "a.m", "p.m":
		return true
	}
	return false
}

// sentenceEnds decides whether the punctuation at text[i:end] ends a sentence:
// not after "Dr", not inside "3.5", and only before space, quote or the end.
func sentenceEnds(d *Doc, text string, i, end int) bool {
	if text[i] == '.' {
		if n := len(d.Words); n > 0 && d.Words[n-1].End == i {
			if isAbbreviation(d.Words[n-1].Lower) {
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
	*d = Doc{Words: d.Words[:0], Sentences: d.Sentences[:0], SentWords: d.SentWords[:0], Digits: d.Digits[:0], runs: d.runs[:0], groups: d.groups[:0], symbols: d.symbols[:0]}
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

// WordAt returns the index of the word containing byte at, else of the
// first word after it, or -1 when no word ends after at.
func (d *Doc) WordAt(at int) int {
	// Every word past WordBefore(at) ends after at: the first of them
	// either contains at or starts after it.
	if i := d.WordBefore(at) + 1; i < len(d.Words) {
		return i
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

// IsCapitalized reports a word written with a capital first letter. For
// a word of a Doc's text it is the word's Capitalized bit.
func IsCapitalized(s string, w Word) bool {
	if w.Shape&shaped != 0 {
		return w.Shape&Capitalized != 0
	}
	return capitalized(s[w.Start:w.End], w.Lower)
}
