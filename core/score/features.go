package score

import (
	"unicode"
	"unicode/utf8"

	"github.com/replyguard/replyguard/core/text"
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
	text    []uint64 // the reply's features: per token its pair with the token before (but the first), then its own
	comment []uint64 // the comment's words
	fixed   []uint64 // platform and facts
	// gram holds the current word's first normalised runes as gram bytes
	// when they are not simply its bytes (see slowWord).
	gram    [maxGramWord]byte
	gramLen int

	// The scan's state (see scan), here rather than in locals so the calls
	// of the scan's loop need not save and restore them.
	reply    bool
	prev     uint64 // the last token's unigram, for word pairs
	sentence bool   // the next chunk starts a sentence
	// cs is where the current chunk starts (-1: between chunks); marks
	// are what it has that a class token has (its count of specials, plus
	// markDigit once it has a digit: one field, so endChunk tests one);
	// the mark* lengths are
	// the lengths to go back to if it is one.
	cs                                int
	marks                             int
	markText, markComment, markTokens int
	markPrev                          uint64
}

// token is one reply token: its byte span and its own features,
// Features.text[lo:hi]; every token but the first has its word pair at
// text[lo-1].
type token struct {
	start, end int32
	lo, hi     int32
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
	seedPlat    = hashString(seedFixed, "platform:")

	shapeCaps  = hashString(seedShape, "caps")
	shapeTitle = hashString(seedShape, "title")

	rawQuestion = hashString(fnvOffset, "?")
	rawBang     = hashString(fnvOffset, "!")
	rawBangs    = hashString(fnvOffset, "!!")
)

const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211

	// Character 5-grams, with a boundary mark at each end, of words of six
	// runes or more (their first 24): in cross-validation, 3- to 5-grams of
	// every word did no better (F1 within 0.01 per category) with three
	// times the features, and scoring time follows the feature count. Short
	// words are their unigrams already. A gram is five bytes (ASCII as
	// itself, other runes hashed to a byte) in a 64-bit window.
	maxGramWord = 24
	gramMinWord = 6
	gramMask    = 1<<40 - 1
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
	h *= golden
	if bits == 0 {
		return 0
	}
	return uint32(h >> (64 - bits))
}

const golden = 0x9e3779b97f4a7c15

// Extract computes the features of in and facts (which may be nil) into f,
// reusing its buffers.
func (f *Features) Extract(in Input, facts *Facts) {
	f.tokens, f.text, f.comment, f.fixed = f.tokens[:0], f.text[:0], f.comment[:0], f.fixed[:0]
	f.scan(in.Text, true)
	f.scan(in.Comment, false)
	f.fixed = append(f.fixed, hashString(seedPlat, in.Platform))
	if facts != nil {
		f.fixed = append(f.fixed, facts.h...)
	}
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
	vt, vc := invSqrt(len(f.text)), invSqrt(len(f.comment))
	for _, h := range f.text {
		dst = append(dst, Entry{Bucket(h, bits), vt})
	}
	for _, h := range f.comment {
		dst = append(dst, Entry{Bucket(h, bits), vc})
	}
	for _, h := range f.fixed {
		dst = append(dst, Entry{Bucket(h, bits), 1})
	}
	return dst
}

// ASCII byte classes.
const (
	aSpace uint8 = 1 << iota
	aLetter
	aDigit
	aUpper
	aSpecial // @ / . : the marks of emails and URLs
	aEnd     // . ! ? : the end of a sentence
	aClose   // " ' ) : may follow the end of a sentence
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
		case c == '@' || c == '/':
			t[c] = aSpecial
		case c == '.':
			t[c] = aSpecial | aEnd
		case c == '!' || c == '?':
			t[c] = aEnd
		case c == '"' || c == '\'' || c == ')':
			t[c] = aClose
		}
	}
	return t
}()

// scan reads s's tokens in one pass and appends their features: for the
// reply (reply true) the tokens and their features to f.tokens and f.text;
// for the comment, each token's unigram to f.comment.
//
// Whitespace separates chunks. A chunk is a class token when it is an
// email, phone number, URL or handle; otherwise it splits into words
// (letters, digits, marks, inner apostrophes; lower-cased, each run of
// digits one '0'), symbols (emoji, "!", "!!", "?") and skipped punctuation.
// Words are read as they come and dropped again if their chunk turns out
// to be a class token: only a chunk with a digit, or an @, slash or dot
// other than a final period, can be.
func (f *Features) scan(s string, reply bool) {
	f.reply, f.prev = reply, 0
	f.sentence, f.cs = true, -1
	// Only s, i and f live across the loop (the chunk's state is in f), so
	// the calls in it need not save and restore more.
	for i := 0; i < len(s); {
		start := i
		var raw uint64
		var shape wordShape
		if c := s[i]; c < utf8.RuneSelf {
			cl := asciiClass[c]
			switch {
			case cl&(aLetter|aDigit) != 0:
				// A word. Lower-case ASCII, maybe capitalised, is most of
				// every reply: its normalised text is its bytes, hashed
				// here as read; any other word is read again by slowWord.
				f.startChunk(i)
				h := fnvOffset
				if c-'A' < 26 {
					h = step(h, uint64(c|0x20))
					i++
					shape = shapeCapital
				}
				for i < len(s) {
					c := s[i]
					if c-'a' >= 26 {
						break
					}
					h = step(h, uint64(c))
					i++
				}
				if i < len(s) && (s[i] >= utf8.RuneSelf || asciiClass[s[i]]&(aLetter|aDigit) != 0 || s[i] == '\'') {
					i, raw, shape = f.slowWord(s, start)
					if shape&shapeDigit != 0 {
						f.marks |= markDigit
					}
					goto token
				}
				raw = h
				if i-start == 1 {
					shape = 0 // a lone capital is neither capitalised nor all capitals
				}
				if i-start >= gramMinWord {
					shape |= shapeGramMany
				}
				goto token
			case cl&aSpace != 0:
				if f.cs >= 0 {
					f.endChunk(s, i)
				}
				if c == '\n' {
					f.sentence = true // a line break starts a sentence
				}
				i++
				continue
			}
			f.startChunk(i)
			if cl&aSpecial != 0 {
				f.marks++
			}
			i++
			if c != '!' && c != '?' {
				continue
			}
			for i < len(s) && s[i] == c {
				i++
			}
			switch {
			case c == '?':
				raw = rawQuestion
			case i-start > 1:
				raw = rawBangs
			default:
				raw = rawBang
			}
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				if f.cs >= 0 {
					f.endChunk(s, i)
				}
				i += n
				continue
			}
			f.startChunk(i)
			switch {
			case isWordRune(r):
				if i, raw, shape = f.slowWord(s, i); i == start {
					// ʼ is a letter but no word without a letter after it.
					i += n
					continue
				}
			case isSymbol(r):
				i += n
				raw = step(fnvOffset, uint64(r))
			default:
				i += n
				continue
			}
		}
	token:
		if start == f.cs && f.sentence {
			shape &^= shapeCapital // a capital starting a sentence says nothing
		}
		f.token(s, start, i, raw, shape)
	}
	if f.cs >= 0 {
		f.endChunk(s, len(s))
	}
}

// startChunk notes where a chunk starts, if i starts one: its features
// may be dropped again for a class token.
func (f *Features) startChunk(i int) {
	if f.cs < 0 {
		f.cs, f.marks = i, 0
		f.markText, f.markComment, f.markTokens, f.markPrev = len(f.text), len(f.comment), len(f.tokens), f.prev
	}
}

// endChunk ends the chunk at byte end (the caller checks there is one): a
// chunk that is an email, URL, phone number or handle becomes one class
// token, and the next chunk starts a sentence when this one ends in . ! or
// ?, maybe followed by quotes or a parenthesis. It runs at every chunk: one
// test for the plain ones.
func (f *Features) endChunk(s string, end int) {
	f.sentence = false
	if f.marks|int(endByte[s[end-1]]) != 0 {
		f.chunkEnds(s, end)
	}
	f.cs = -1
}

// endByte marks the ASCII bytes that may end a sentence: . ! ? and the
// quotes and parenthesis that may follow them (indexed by any byte: no
// test for ASCII first).
var endByte = func() (t [256]uint8) {
	for c := range asciiClass {
		t[c] = asciiClass[c] & (aEnd | aClose)
	}
	return t
}()

// chunkEnds is the rest of endChunk, for chunks with punctuation.
func (f *Features) chunkEnds(s string, end int) {
	f.sentence = endsSentence(s[f.cs:end])
	if f.marks != 0 {
		f.classChunk(s, end)
	}
}

// classChunk makes the chunk ending at end one class token if it is one:
// only a chunk with a digit, or an @, slash or dot other than a final
// period, can be.
func (f *Features) classChunk(s string, end int) {
	cs := f.cs
	if f.marks == 1 && s[end-1] == '.' { // no digit, one special
		return
	}
	if cls := chunkClass(s[cs:end]); cls != "" {
		f.text, f.comment, f.tokens, f.prev = f.text[:f.markText], f.comment[:f.markComment], f.tokens[:f.markTokens], f.markPrev
		a, b := trimChunk(s, cs, end)
		f.token(s, a, b, hashString(fnvOffset, cls), 0)
	}
}

// markDigit is the bit of Features.marks that says the chunk has a digit
// (above any count of specials).
const markDigit = 1 << 30

// wordShape is what word found about a word's letters and digits.
type wordShape uint8

const (
	shapeAllCaps  wordShape = 1 << iota // two letters or more, all capitals
	shapeCapital                        // a capital, then a lower-case letter
	shapeDigit                          // a digit
	shapeGramBuf                        // its gram bytes are in Features.gram
	shapeGramMany                       // six runes or more: it has character grams
)

// token appends the features of the token s[start:end] whose normalised
// text hashes to raw: its pair with the token before (f.prev, 0 for none),
// its unigram, and for reply words their character grams and shape (the
// scan has dropped shapeCapital from a word starting a sentence). The
// comment's tokens get the unigram only.
func (f *Features) token(s string, start, end int, raw uint64, shape wordShape) {
	if !f.reply {
		u := step(seedComment, raw)
		f.comment = append(f.comment, u)
		f.prev = u
		return
	}
	u := step(seedWord, raw)
	text := f.text // one load and store of the slice, not one per append
	if f.prev != 0 {
		text = append(text, step(step(seedPair, f.prev), u))
	}
	f.prev = u
	lo := len(text)
	text = append(text, u)
	switch {
	case shape&shapeGramBuf != 0:
		text = appendGrams(text, f.gram[:f.gramLen], 0)
	case shape&shapeGramMany != 0:
		text = appendGrams(text, s[start:min(end, start+maxGramWord)], 0x20)
	}
	switch {
	case shape&shapeAllCaps != 0:
		text = append(text, shapeCaps)
	case shape&shapeCapital != 0:
		text = append(text, shapeTitle)
	}
	f.text = text
	f.tokens = append(f.tokens, token{start: int32(start), end: int32(end), lo: int32(lo), hi: int32(len(text))})
}

// slowWord reads the word at s[i:] and returns where it ends, the hash of
// its normalised text (lower-cased, one apostrophe, each run of digits one
// '0') and its shape; its gram bytes (the first 24 normalised runes) go to
// f.gram. The scan reads plain lower-case and capitalised ASCII words
// itself and leaves the others (capitals inside, digits, apostrophes,
// non-ASCII runes) to slowWord.
func (f *Features) slowWord(s string, i int) (int, uint64, wordShape) {
	h, runes := fnvOffset, 0
	upper, lower, other := 0, 0, 0
	var shape wordShape
	lastZero := false
	g := &f.gram
	for i < len(s) {
		c := s[i]
		r, size := rune(c), 1
		switch {
		case c-'a' < 26:
			lower++
		case c >= utf8.RuneSelf:
			r, size = utf8.DecodeRuneInString(s[i:])
			switch {
			case isApostrophe(r): // before IsLetter: ʼ is a letter too
				if !letterAt(s, i+size) {
					goto end
				}
				r = '\''
			case unicode.IsLetter(r):
				switch {
				case unicode.IsUpper(r):
					if upper+lower+other == 0 {
						shape |= shapeCapital
					}
					upper++
				case unicode.IsLower(r):
					lower++
				default:
					other++
				}
				r = unicode.ToLower(r)
			case unicode.IsDigit(r):
				r = '0'
			case !unicode.IsMark(r):
				goto end
			}
		default:
			switch k := asciiClass[c]; {
			case k&aDigit != 0:
				shape |= shapeDigit
				r = '0'
			case k&aLetter != 0:
				if upper+lower+other == 0 {
					shape |= shapeCapital
				}
				upper++
				r += 'a' - 'A'
			case c == '\'' && letterAt(s, i+1):
			default:
				goto end
			}
		}
		i += size
		if r == '0' {
			if lastZero {
				continue // a run of digits is one '0'
			}
			lastZero = true
		} else {
			lastZero = false
		}
		h = step(h, uint64(r))
		if runes < len(g) {
			g[runes] = gramByte(r)
		}
		runes++
	}
end:
	letters := upper + lower + other
	if letters >= 2 && upper == letters {
		shape |= shapeAllCaps
	}
	if lower == 0 {
		shape &^= shapeCapital
	}
	if runes >= gramMinWord {
		shape |= shapeGramBuf
		f.gramLen = min(runes, len(g))
	}
	return i, h, shape
}

// appendGrams appends the character 5-grams of a word whose gram bytes
// are g (ASCII letters lower-cased by or-ing fold), with a boundary mark at
// each end. The last five bytes roll through one 64-bit window, so a gram
// costs a multiply.
func appendGrams[T string | []byte](text []uint64, g T, fold byte) []uint64 {
	win := uint64('<')
	for k := 0; k < len(g); k++ {
		win = win<<8 | uint64(g[k]|fold)
		if k >= 3 {
			text = append(text, step(seedChar, win&gramMask))
		}
	}
	return append(text, step(seedChar, (win<<8|'>')&gramMask))
}

// gramByte is a normalised rune's byte in a gram: ASCII as itself, others
// hashed to a byte with the top bit set.
func gramByte(r rune) byte {
	if r < utf8.RuneSelf {
		return byte(r)
	}
	return 0x80 | byte(uint32(r)*2654435761>>25)
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

// letterAt reports a letter at byte j of s.
func letterAt(s string, j int) bool {
	if j >= len(s) {
		return false
	}
	if c := s[j]; c < utf8.RuneSelf {
		return asciiClass[c]&aLetter != 0
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return unicode.IsLetter(r)
}

// isSymbol reports emoji and pictographs, dingbats, arrows and the like:
// the blocks replies use, by range (unicode.So's table would cost
// engine.wasm several kilobytes for symbols nobody types).
func isSymbol(r rune) bool {
	return r >= 0x2190 && r <= 0x2BFF || r >= 0x1F000 && r <= 0x1FAFF || r == 0x00A9 || r == 0x00AE || r == 0x3030
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

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
	case text.HasPrefixFold(c, "http://") || text.HasPrefixFold(c, "https://") || text.HasPrefixFold(c, "www."):
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
		if len(c) > len(tld) && text.HasPrefixFold(c[len(c)-len(tld):], tld) {
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
