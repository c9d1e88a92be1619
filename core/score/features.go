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

	// Character n-grams are taken from at most this many runes of a word,
	// with a boundary mark on each side.
	maxGramWord = 24
	minGram     = 3
	maxGram     = 5
)

// step adds one rune (or any 64-bit value) to an FNV-1a style hash.
func step(h uint64, r uint64) uint64 { return (h ^ r) * fnvPrime }

// hashString continues h over the runes of s.
func hashString(h uint64, s string) uint64 {
	for _, r := range s {
		h = step(h, uint64(r))
	}
	return h
}

// Bucket folds a feature hash into a table of 1<<bits rows. The final mix
// spreads FNV's weak high bits.
func Bucket(h uint64, bits uint) uint32 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
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
			f.text = t.appendGrams(f.text)
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
type tokenizer struct {
	s      string
	i      int // next byte to read inside the chunk
	cs, ce int // the current chunk
	// sentence is true while the chunk starts a sentence.
	sentence bool

	kind        tokenKind
	start, end  int
	class       string // for class and punctuation tokens
	caps, title bool   // word shape
}

func (t *tokenizer) nextChunk() bool {
	j := t.ce
	sentence := j == 0 || endsSentence(t.s[t.cs:t.ce])
	for j < len(t.s) {
		r, n := utf8.DecodeRuneInString(t.s[j:])
		if !unicode.IsSpace(r) {
			break
		}
		if r == '\n' {
			sentence = true
		}
		j += n
	}
	if j >= len(t.s) {
		return false
	}
	k := j
	for k < len(t.s) {
		r, n := utf8.DecodeRuneInString(t.s[k:])
		if unicode.IsSpace(r) {
			break
		}
		k += n
	}
	t.cs, t.ce, t.i, t.sentence = j, k, j, sentence
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
			if cls := chunkClass(t.s[t.cs:t.ce]); cls != "" {
				t.kind, t.class = classToken, cls
				t.start, t.end = trimChunk(t.s, t.cs, t.ce)
				t.i = t.ce
				return true
			}
		}
		first := t.i == t.cs
		r, n := utf8.DecodeRuneInString(t.s[t.i:])
		switch {
		case isWordRune(r):
			t.word(first && t.sentence)
			return true
		case r == '!' || r == '?':
			j := t.i + 1
			for j < t.ce && t.s[j] == byte(r) {
				j++
			}
			t.kind, t.start, t.end = symbolToken, t.i, j
			switch {
			case r == '?':
				t.class = "?"
			case j-t.i > 1:
				t.class = "!!"
			default:
				t.class = "!"
			}
			t.i = j
			return true
		case r != utf8.RuneError && unicode.Is(unicode.So, r):
			t.kind, t.start, t.end, t.class = symbolToken, t.i, t.i+n, ""
			t.i += n
			return true
		}
		t.i += n
	}
}

// word reads a word starting at t.i and records its shape.
func (t *tokenizer) word(sentenceStart bool) {
	t.kind, t.start = wordToken, t.i
	letters, upper, lower := 0, 0, 0
	firstUpper := false
	j := t.i
	for j < t.ce {
		r, n := utf8.DecodeRuneInString(t.s[j:])
		if isApostrophe(r) {
			// Only inside a word: "we're", not a closing quote.
			r2, _ := utf8.DecodeRuneInString(t.s[j+n:])
			if j+n >= t.ce || !unicode.IsLetter(r2) {
				break
			}
		} else if !isWordRune(r) && !unicode.IsMark(r) {
			break
		}
		if unicode.IsLetter(r) {
			if letters == 0 {
				firstUpper = unicode.IsUpper(r)
			}
			letters++
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				lower++
			}
		}
		j += n
	}
	t.end, t.i = j, j
	t.caps = letters >= 2 && upper == letters
	t.title = !sentenceStart && firstUpper && lower > 0
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// norm is the rune a word feature sees: lower-cased, one apostrophe, every
// digit '0' (runs of digits are collapsed by the caller).
func norm(r rune) rune {
	switch {
	case isApostrophe(r):
		return '\''
	case r >= '0' && r <= '9' || unicode.IsDigit(r):
		return '0'
	}
	return unicode.ToLower(r)
}

// unigram hashes the current token from seed.
func (t *tokenizer) unigram(seed uint64) uint64 {
	switch t.kind {
	case classToken:
		return hashString(seed, t.class)
	case symbolToken:
		if t.class != "" {
			return hashString(seed, t.class)
		}
	}
	h := seed
	last := rune(-1)
	for _, r := range t.s[t.start:t.end] {
		r = norm(r)
		if r == '0' && last == '0' {
			continue
		}
		h = step(h, uint64(r))
		last = r
	}
	return h
}

// appendGrams appends the character n-grams of the current word, with '<'
// and '>' marking its ends.
func (t *tokenizer) appendGrams(dst []uint64) []uint64 {
	var buf [maxGramWord + 2]rune
	buf[0] = '<'
	n := 1
	last := rune(-1)
	for _, r := range t.s[t.start:t.end] {
		if n > maxGramWord {
			break
		}
		r = norm(r)
		if r == '0' && last == '0' {
			continue
		}
		buf[n] = r
		n++
		last = r
	}
	buf[n] = '>'
	n++
	for i := 0; i+minGram <= n; i++ {
		h := seedChar
		for k := 0; k < maxGram && i+k < n; k++ {
			h = step(h, uint64(buf[i+k]))
			if k+1 >= minGram {
				dst = append(dst, h)
			}
		}
	}
	return dst
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
