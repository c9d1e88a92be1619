package score

import (
	"unicode"
	"unicode/utf8"
)

// Input is what the scorer reads: the reply, the comment it answers and the
// platform ("facebook" or "instagram").
type Input struct {
	Text     string
	Comment  string
	Platform string
}

// Features are the hashed features of one input. A feature is a 64-bit hash
// of its name; the model folds it into its table (Bucket). The buffers are
// reused between extractions.
type Features struct {
	tokens  []token
	text    []uint64 // the reply's word, character and shape features, grouped by token
	comment []uint64 // the comment's words
	fixed   []uint64 // platform and facts
}

// token is one reply token: its byte span, its features in Features.text
// and the hash of the word pair it ends (0 for the first token).
type token struct {
	start, end int32
	lo, hi     int32
	pair       uint64
}

// Feature families hash from different seeds, so "w:care" and "cw:care"
// are different features in the same table.
var (
	seedWord    = hashString(fnvOffset, "w:")
	seedPair    = hashString(fnvOffset, "b:")
	seedChar    = hashString(fnvOffset, "c:")
	seedShape   = hashString(fnvOffset, "s:")
	seedComment = hashString(fnvOffset, "cw:")
	seedFixed   = hashString(fnvOffset, "x:")

	shapeCaps  = hashString(seedShape, "caps")
	shapeTitle = hashString(seedShape, "title")
)

const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211

	// Character 5-grams, with a boundary mark at each end, of words of six
	// runes or more (their first 24): in cross-validation, 3- to 5-grams of
	// every word did no better (F1 within 0.01 per category) with three
	// times the features, and scoring time follows the feature count.
	// Short words are their unigrams already.
	maxGramWord = 24
	gramLen     = 5
	gramMinWord = 6
)

// step adds one rune (or any 64-bit value) to an FNV-1a style hash.
func step(h uint64, r uint64) uint64 { return (h ^ r) * fnvPrime }

// hashString continues h over the runes of s. (Out of line: inlined copies
// cost engine.wasm kilobytes.)
//
//go:noinline
func hashString(h uint64, s string) uint64 {
	for _, r := range s {
		h = step(h, uint64(r))
	}
	return h
}

// Bucket folds a feature hash into a table of 1<<bits rows: a Fibonacci
// multiply brings the low bits, where FNV mixes best, up to the top.
func Bucket(h uint64, bits uint) uint32 {
	h ^= h >> 32
	h *= 0x9e3779b97f4a7c15
	if bits == 0 {
		return 0
	}
	return uint32(h >> (64 - bits))
}

// Extract computes the features of in and facts (which may be nil) into f,
// reusing its buffers.
func (f *Features) Extract(in Input, facts *Facts) {
	f.tokens, f.text, f.comment, f.fixed = f.tokens[:0], f.text[:0], f.comment[:0], f.fixed[:0]
	t := tokenizer{s: in.Text}
	var prev uint64
	for t.next() {
		lo := int32(len(f.text))
		h := t.unigram(seedWord)
		f.text = append(f.text, h)
		if t.kind == wordToken {
			if t.grams-2 >= gramMinWord {
				f.text = t.appendGrams(f.text)
			}
			switch {
			case t.caps:
				f.text = append(f.text, shapeCaps)
			case t.title:
				f.text = append(f.text, shapeTitle)
			}
		}
		var pair uint64
		if prev != 0 {
			pair = step(step(seedPair, prev), h)
		}
		f.tokens = append(f.tokens, token{start: int32(t.start), end: int32(t.end), lo: lo, hi: int32(len(f.text)), pair: pair})
		prev = h
	}
	t = tokenizer{s: in.Comment}
	for t.next() {
		f.comment = append(f.comment, t.unigram(seedComment))
	}
	f.fixed = append(f.fixed, hashString(hashString(seedFixed, "platform:"), in.Platform))
	if facts != nil {
		f.fixed = append(f.fixed, facts.h...)
	}
}

// textCount is the number of reply features: each token's plus its pair.
func (f *Features) textCount() int {
	n := len(f.text)
	for i := range f.tokens {
		if f.tokens[i].pair != 0 {
			n++
		}
	}
	return n
}

// Entry is one feature of a sparse vector: a table row and its value.
type Entry struct {
	Row   uint32
	Value float64
}

// Vector appends f as a sparse vector over a table of 1<<bits rows to dst,
// with the values Model.Score gives them: reply and comment features each
// scaled to unit length (so long replies do not shout), platform and facts 1.
func (f *Features) Vector(bits uint, dst []Entry) []Entry {
	vt, vc := invSqrt(f.textCount()), invSqrt(len(f.comment))
	for _, tk := range f.tokens {
		for _, h := range f.text[tk.lo:tk.hi] {
			dst = append(dst, Entry{Bucket(h, bits), vt})
		}
		if tk.pair != 0 {
			dst = append(dst, Entry{Bucket(tk.pair, bits), vt})
		}
	}
	for _, h := range f.comment {
		dst = append(dst, Entry{Bucket(h, bits), vc})
	}
	for _, h := range f.fixed {
		dst = append(dst, Entry{Bucket(h, bits), 1})
	}
	return dst
}

type tokenKind uint8

const (
	wordToken   tokenKind = iota // letters and digits
	classToken                   // an email, phone, URL or @handle, named by class
	symbolToken                  // an emoji or other symbol, "!", "!!", "?"
)

// tokenizer walks a text's tokens. Whitespace separates chunks; a chunk that
// is an email, phone number, URL or handle is one class token, others split
// into words (letters, digits, inner apostrophes), symbols and !/? runs.
// ASCII takes a table-driven fast path: most replies are mostly ASCII.
type tokenizer struct {
	s      string
	i      int // next byte to read inside the chunk
	cs, ce int // the current chunk
	// sentence is true while the chunk starts a sentence.
	sentence bool
	// special is true when the chunk might be a class token.
	special bool

	kind        tokenKind
	start, end  int
	raw         uint64 // hash of the token's normalised text
	caps, title bool   // word shape
	// gram holds '<', the word's first normalised runes, '>'.
	gram  [maxGramWord + 2]rune
	grams int
}

// ASCII byte classes.
const (
	aSpace uint8 = 1 << iota
	aLetter
	aDigit
	aUpper
	aSpecial // @ / . : the marks of emails and URLs
)

var asciiClass = func() (t [128]uint8) {
	for c := range 128 {
		switch {
		case c == ' ' || c >= '\t' && c <= '\r':
			t[c] = aSpace
		case c >= 'a' && c <= 'z':
			t[c] = aLetter
		case c >= 'A' && c <= 'Z':
			t[c] = aLetter | aUpper
		case c >= '0' && c <= '9':
			t[c] = aDigit
		case c == '@' || c == '/' || c == '.':
			t[c] = aSpecial
		}
	}
	return t
}()

func (t *tokenizer) nextChunk() bool {
	s, j := t.s, t.ce
	sentence := j == 0 || endsSentence(s[t.cs:t.ce])
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if asciiClass[c]&aSpace == 0 {
				break
			}
			if c == '\n' {
				sentence = true
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsSpace(r) {
			break
		}
		j += n
	}
	if j >= len(s) {
		return false
	}
	// Only a chunk with an @, a slash, a dot or a digit can be an email,
	// URL or phone number: the rest skip chunkClass.
	k, seen := j, uint8(0)
	for k < len(s) {
		c := s[k]
		if c < utf8.RuneSelf {
			cl := asciiClass[c]
			if cl&aSpace != 0 {
				break
			}
			seen |= cl
			k++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[k:])
		if unicode.IsSpace(r) {
			break
		}
		k += n
	}
	special := seen&(aDigit|aSpecial) != 0
	t.cs, t.ce, t.i, t.sentence, t.special = j, k, j, sentence, special
	return true
}

func endsSentence(chunk string) bool {
	for i := len(chunk) - 1; i >= 0; i-- {
		switch chunk[i] {
		case '.', '!', '?':
			return true
		case '"', '\'', ')':
			continue
		}
		return false
	}
	return false
}

// next advances to the next token; false at the end of the text.
func (t *tokenizer) next() bool {
	for {
		if t.i >= t.ce {
			if !t.nextChunk() {
				return false
			}
			if cls := t.chunkClass(); cls != "" {
				t.kind, t.raw = classToken, hashString(fnvOffset, cls)
				t.start, t.end = trimChunk(t.s, t.cs, t.ce)
				t.i = t.ce
				return true
			}
		}
		first := t.i == t.cs
		c := t.s[t.i]
		if c < utf8.RuneSelf {
			switch {
			case asciiClass[c]&(aLetter|aDigit) != 0:
				t.word(first && t.sentence)
				return true
			case c == '!' || c == '?':
				j := t.i + 1
				for j < t.ce && t.s[j] == c {
					j++
				}
				t.kind, t.start, t.end = symbolToken, t.i, j
				switch {
				case c == '?':
					t.raw = hashString(fnvOffset, "?")
				case j-t.i > 1:
					t.raw = hashString(fnvOffset, "!!")
				default:
					t.raw = hashString(fnvOffset, "!")
				}
				t.i = j
				return true
			}
			t.i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t.s[t.i:])
		switch {
		case isWordRune(r):
			t.word(first && t.sentence)
			return true
		case isSymbol(r):
			t.kind, t.start, t.end, t.raw = symbolToken, t.i, t.i+n, step(fnvOffset, uint64(r))
			t.i += n
			return true
		}
		t.i += n
	}
}

// letterAt reports a letter at byte j of the chunk.
func (t *tokenizer) letterAt(j int) bool {
	if j >= t.ce {
		return false
	}
	if c := t.s[j]; c < utf8.RuneSelf {
		return asciiClass[c]&aLetter != 0
	}
	r, _ := utf8.DecodeRuneInString(t.s[j:])
	return unicode.IsLetter(r)
}

// word reads a word starting at t.i: its span, shape, the hash of its
// normalised text (lower-cased, one apostrophe, each run of digits one
// '0') and the runes its character n-grams are taken from.
func (t *tokenizer) word(sentenceStart bool) {
	t.kind, t.start = wordToken, t.i
	letters, upper, lower := 0, 0, 0
	firstUpper := false
	h, last := fnvOffset, rune(-1)
	t.gram[0] = '<'
	g := 1
	j := t.i
	for j < t.ce {
		// Lower-case ASCII letters are most of every reply: the short path.
		if c := t.s[j]; c >= 'a' && c <= 'z' {
			letters++
			lower++
			h = step(h, uint64(c))
			if g <= maxGramWord {
				t.gram[g] = rune(c)
				g++
			}
			last = rune(c)
			j++
			continue
		}
		var r rune
		size := 1
		var letter, up, low, digit bool
		if c := t.s[j]; c < utf8.RuneSelf {
			k := asciiClass[c]
			if k&(aLetter|aDigit) == 0 && (c != '\'' || !t.letterAt(j+1)) {
				break
			}
			r, letter, up, digit = rune(c), k&aLetter != 0, k&aUpper != 0, k&aDigit != 0
			low = letter && !up
			if up {
				r += 'a' - 'A'
			}
		} else {
			r, size = utf8.DecodeRuneInString(t.s[j:])
			if isApostrophe(r) {
				if !t.letterAt(j + size) {
					break
				}
				r = '\''
			} else if !isWordRune(r) && !unicode.IsMark(r) {
				break
			}
			letter = unicode.IsLetter(r)
			up, low, digit = letter && unicode.IsUpper(r), letter && unicode.IsLower(r), unicode.IsDigit(r)
			r = unicode.ToLower(r)
		}
		if letter {
			if letters == 0 {
				firstUpper = up
			}
			letters++
			if up {
				upper++
			} else if low {
				lower++
			}
		}
		if digit {
			r = '0'
		}
		if r != '0' || last != '0' {
			h = step(h, uint64(r))
			if g <= maxGramWord {
				t.gram[g] = r
				g++
			}
		}
		last = r
		j += size
	}
	t.gram[g] = '>'
	t.grams = g + 1
	t.end, t.i, t.raw = j, j, h
	t.caps = letters >= 2 && upper == letters
	t.title = !sentenceStart && firstUpper && lower > 0
}

// isSymbol reports emoji and pictographs, dingbats, arrows and the like:
// the blocks replies use, by range (unicode.So's table would cost
// engine.wasm several kilobytes for symbols nobody types).
func isSymbol(r rune) bool {
	return r >= 0x2190 && r <= 0x2BFF || r >= 0x1F000 && r <= 0x1FAFF || r == 0x00A9 || r == 0x00AE || r == 0x3030
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// unigram hashes the current token from seed.
func (t *tokenizer) unigram(seed uint64) uint64 { return step(seed, t.raw) }

// appendGrams appends the character n-grams of the current word.
func (t *tokenizer) appendGrams(dst []uint64) []uint64 {
	n := t.grams
	for i := 0; i+gramLen <= n; i++ {
		h := seedChar
		for _, r := range t.gram[i : i+gramLen] {
			h = step(h, uint64(r))
		}
		dst = append(dst, h)
	}
	return dst
}

// chunkClass is the current chunk's class, if it has one.
func (t *tokenizer) chunkClass() string {
	if !t.special {
		return ""
	}
	return chunkClass(t.s[t.cs:t.ce])
}

// chunkClass names a whitespace-separated chunk that is one thing whatever
// its digits or letters: an email, a URL, a phone number or an @handle.
func chunkClass(c string) string {
	a, b := trimChunk(c, 0, len(c))
	c = c[a:b]
	if len(c) < 2 {
		return ""
	}
	at, dot, slash, digits, letters, phoneish := -1, false, false, 0, 0, true
	for i := 0; i < len(c); i++ {
		ch := c[i]
		switch {
		case ch == '@':
			if at < 0 {
				at = i
			}
		case ch == '.':
			if at >= 0 || i > 0 {
				dot = true
			}
		case ch == '/':
			slash = true
		case ch >= '0' && ch <= '9':
			digits++
			continue
		case ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z':
			letters++
		}
		if !(ch == '(' || ch == ')' || ch == '-' || ch == '.' || ch == '+' || ch == ' ') {
			phoneish = false
		}
	}
	switch {
	case at == 0 && letters > 0:
		return "<handle>"
	case at > 0 && dot && indexByte(c[at:], '.') > 1:
		return "<email>"
	case hasPrefixFold(c, "http://") || hasPrefixFold(c, "https://") || hasPrefixFold(c, "www."):
		return "<url>"
	case dot && slash && letters > 0 && at < 0:
		return "<url>"
	case dot && letters > 0 && at < 0 && hasDomainEnd(c):
		return "<url>"
	case phoneish && digits >= 7:
		return "<phone>"
	}
	return ""
}

// hasDomainEnd reports a chunk ending in a common top-level domain.
func hasDomainEnd(c string) bool {
	for _, tld := range [...]string{".com", ".org", ".net", ".example", ".health", ".care", ".us", ".io"} {
		if len(c) > len(tld) && hasPrefixFold(c[len(c)-len(tld):], tld) {
			return true
		}
	}
	return false
}

func indexByte(s string, b byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return i
		}
	}
	return -1
}

func hasPrefixFold(s, p string) bool {
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

// trimChunk drops ASCII punctuation around a chunk (a URL's final period, a
// phone's parentheses stay inside).
func trimChunk(s string, a, b int) (int, int) {
	for a < b && isEdgePunct(s[a]) {
		a++
	}
	for b > a && isEdgePunct(s[b-1]) {
		b--
	}
	return a, b
}

func isEdgePunct(c byte) bool {
	switch c {
	case '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '*':
		return true
	}
	return false
}
