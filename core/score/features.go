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
	text    []uint64 // the reply's features, token by token
	comment []uint64 // the comment's words
	fixed   []uint64 // platform and facts
	// gram holds a slow word's first normalised runes as gram bytes (see
	// slowWord).
	gram [maxGramWord]byte

	// The walk's state (see walk).
	reply bool
	// cs is where the current chunk starts (-1: between chunks); marks
	// says it has a digit, an @, a slash or an inner dot, so it may be a
	// class token; toks counts its tokens, to take back if it is one.
	cs    int
	marks bool
	toks  int

	// docs tokenise the input for Extract (the engine passes its own).
	docs [2]text.Doc
}

// token is one reply token: its byte span and its features,
// Features.text[lo:hi].
type token struct {
	start, end int32
	lo, hi     int32
}

// Feature families hash from different seeds, so "w:care" and "cw:care"
// are different features in the same table.
var (
	seedWord    = hashString(fnvOffset, "w:")
	seedChar    = hashString(fnvOffset, "c:")
	seedShape   = hashString(fnvOffset, "s:")
	seedComment = hashString(fnvOffset, "cw:")
	seedFixed   = hashString(fnvOffset, "x:")
	seedPlat    = hashString(seedFixed, "platform:")
	// platFacebook is the most common platform's feature, hashed once.
	platFacebook = hashString(seedPlat, "facebook")

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

// Extract tokenises in and computes its features and facts (which may be
// nil) into f, reusing its buffers: as ExtractDocs, for callers without
// the engine's documents.
func (f *Features) Extract(in Input, facts *Facts) {
	var comment *text.Doc
	if !blank(in.Comment) {
		comment = f.docs[1].Reset(in.Comment)
	}
	f.ExtractDocs(f.docs[0].Reset(in.Text), comment, in.Platform, facts)
}

// blank reports text with nothing but white space, which the engine
// treats as no comment.
func blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// ExtractDocs computes the features of the tokenised reply and comment (nil
// for none), the platform and facts (which may be nil) into f, reusing its
// buffers. The engine passes the documents every rule read: the scorer
// does not tokenise again.
func (f *Features) ExtractDocs(reply, comment *text.Doc, platform string, facts *Facts) {
	f.tokens, f.text, f.comment, f.fixed = f.tokens[:0], f.text[:0], f.comment[:0], f.fixed[:0]
	f.walk(reply, true)
	if comment != nil {
		f.walk(comment, false)
	}
	plat := platFacebook
	if platform != "facebook" {
		plat = hashString(seedPlat, platform)
	}
	f.fixed = append(f.fixed, plat)
	if facts != nil {
		f.fixed = append(f.fixed, facts.h...)
	}
}

// Entry is one feature of a sparse vector: a table row, its value and the
// feature's hash.
type Entry struct {
	Row   uint32
	Value float64
	Hash  uint64
}

// Vector appends f as a sparse vector over a table of 1<<bits rows to dst,
// with the values Model.Score gives them: reply and comment features each
// scaled to unit length (so long replies do not shout), platform and facts 1.
func (f *Features) Vector(bits uint, dst []Entry) []Entry {
	vt, vc := invSqrt(len(f.text)), invSqrt(len(f.comment))
	for _, h := range f.text {
		dst = append(dst, Entry{Bucket(h, bits), vt, h})
	}
	for _, h := range f.comment {
		dst = append(dst, Entry{Bucket(h, bits), vc, h})
	}
	for _, h := range f.fixed {
		dst = append(dst, Entry{Bucket(h, bits), 1, h})
	}
	return dst
}

// asciiSpace reports ASCII white space.
func asciiSpace(c byte) bool { return c == ' ' || c >= '\t' && c <= '\r' }

// walk appends the features of d's tokens: for the reply (reply true) the
// tokens and their features to f.tokens and f.text; for the comment, each
// token's unigram to f.comment.
//
// The tokens are d's words (lower-cased; each run of digits one '0', any
// apostrophe one ') and, from the bytes between words, symbols (emoji,
// "!", "!!", "?"); other punctuation is skipped. Whitespace separates
// chunks: a chunk that is an email, phone number, URL or handle becomes one
// class token instead. Only a chunk with a digit, an @, a slash or an
// inner dot can be one, so the others cost no test.
func (f *Features) walk(d *text.Doc, reply bool) {
	f.reply, f.cs = reply, -1
	s, words := d.Text, d.Words
	pos := 0 // s[:pos] is read
	for i := range words {
		w := &words[i]
		if w.Start > pos {
			if w.Start == pos+1 && s[pos] == ' ' {
				if f.cs >= 0 {
					f.endChunk(s, pos)
				}
			} else {
				f.gap(s, pos, w.Start)
			}
		}
		// The word's features, inline: a call per word cost more than the
		// few tests most words take.
		if f.cs < 0 {
			f.cs, f.marks, f.toks = w.Start, false, 0
		}
		sh := w.Shape
		var shape wordShape
		if sh&(text.HasDigit|text.HasAt|text.HasDot|text.AllCaps|text.Capitalized|slowShape) != 0 {
			// Rarer words: a chunk maybe a class token, capitals, digits,
			// apostrophes or other than ASCII.
			if sh&(text.HasDigit|text.HasAt|text.HasDot) != 0 {
				f.marks = true
			}
			switch {
			case sh&text.AllCaps != 0:
				shape = shapeAllCaps
			case sh&(text.Capitalized|text.SentenceStart) == text.Capitalized:
				shape = shapeCapital // a capital starting a sentence says nothing
			}
			if sh&slowShape != 0 {
				raw, runes := f.slowWord(w.Lower)
				if runes >= gramMinWord {
					shape |= shapeGramBuf | wordShape(min(runes, maxGramWord))<<shapeLenShift
				}
				f.token(s, w.Start, w.End, raw, shape, w.Lower)
				pos = w.End
				continue
			}
		}
		if len(w.Lower) >= gramMinWord {
			shape |= shapeGramMany
		}
		f.token(s, w.Start, w.End, w.Hash, shape, w.Lower)
		pos = w.End
	}
	if pos < len(s) {
		f.gap(s, pos, len(s))
	}
	if f.cs >= 0 {
		f.endChunk(s, len(s))
	}
}

// Word shapes that send a word to slowWord: its normalised text is not
// simply its lower-cased form, or its grams are not its bytes.
const slowShape = text.HasDigit | text.HasApostrophe | text.NonASCII

// gap reads the bytes s[i:end] between words: white space ends a chunk,
// and symbols are tokens.
func (f *Features) gap(s string, i, end int) {
	for i < end {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace(c) {
				if f.cs >= 0 {
					f.endChunk(s, i)
				}
				i++
				continue
			}
			start := i
			f.startChunk(i)
			i++
			switch {
			case c == '!' || c == '?':
				for i < end && s[i] == c {
					i++
				}
				raw := rawQuestion
				if c == '!' {
					raw = rawBang
					if i-start > 1 {
						raw = rawBangs
					}
				}
				f.token(s, start, i, raw, 0, "")
			case c == '@' || c == '/' || c == '.' && i < len(s) && !isSpaceAt(s, i):
				f.marks = true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			if f.cs >= 0 {
				f.endChunk(s, i)
			}
		case isSymbol(r):
			f.startChunk(i)
			f.token(s, i, i+n, step(fnvOffset, uint64(r)), 0, "")
		default:
			f.startChunk(i)
		}
		i += n
	}
}

// isSpaceAt reports white space at byte i of s.
func isSpaceAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiSpace(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

// startChunk notes where a chunk starts, if i starts one.
func (f *Features) startChunk(i int) {
	if f.cs < 0 {
		f.cs, f.marks, f.toks = i, false, 0
	}
}

// endChunk ends the chunk at byte end (the caller checks there is one),
// making it one class token if it is an email, URL, phone number or
// handle.
func (f *Features) endChunk(s string, end int) {
	if f.marks {
		f.classChunk(s, end)
	}
	f.cs = -1
}

// classChunk makes the chunk ending at end one class token if it is one.
func (f *Features) classChunk(s string, end int) {
	cs := f.cs
	if cls := chunkClass(s[cs:end]); cls != noClass {
		f.dropChunk()
		a, b := trimChunk(s, cs, end)
		f.token(s, a, b, classRaw[cls], 0, "")
	}
}

// dropChunk takes back the features of the chunk's tokens (the last
// f.toks).
func (f *Features) dropChunk() {
	if f.toks == 0 {
		return
	}
	if !f.reply {
		f.comment = f.comment[:len(f.comment)-f.toks]
		return
	}
	k := len(f.tokens) - f.toks
	f.text = f.text[:f.tokens[k].lo]
	f.tokens = f.tokens[:k]
}

// wordShape is what word found about a word's letters and digits.
type wordShape uint16

const (
	shapeAllCaps  wordShape = 1 << iota // two letters or more, all capitals
	shapeCapital                        // capitalised, not starting a sentence
	shapeGramBuf                        // its gram bytes are in Features.gram
	shapeGramMany                       // six bytes or more, all ASCII: its grams are its lowered bytes

	// shapeLenShift is where a shapeGramBuf word keeps how many gram
	// bytes it has.
	shapeLenShift = 8
)

// token appends the features of the token s[start:end] whose normalised
// text hashes to raw: its unigram, and for reply words their character
// grams (of lower, or of f.gram) and shape. The comment's tokens get the
// unigram only. (Word pairs, once features too, did as well in
// cross-validation by id but no better holding out each author: they
// learned authors' phrasings, at a quarter of the reply's features.)
func (f *Features) token(s string, start, end int, raw uint64, shape wordShape, lower string) {
	f.toks++
	if !f.reply {
		f.comment = append(f.comment, step(seedComment, raw))
		return
	}
	text := f.text // one load and store of the slice, not one per append
	lo := len(text)
	text = append(text, step(seedWord, raw))
	switch {
	case shape&shapeGramBuf != 0:
		text = appendGrams(text, f.gram[:shape>>shapeLenShift])
	case shape&shapeGramMany != 0:
		text = appendGrams(text, lower[:min(len(lower), maxGramWord)])
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

// slowWord hashes a word's lower-cased text w normalised (each run of
// digits one '0', any apostrophe one ') and returns the hash and its
// number of runes; its first gram bytes go to f.gram.
func (f *Features) slowWord(w string) (uint64, int) {
	h, runes := fnvOffset, 0
	lastZero := false
	g := &f.gram
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r):
			if lastZero {
				continue // a run of digits is one '0'
			}
			r, lastZero = '0', true
		case isApostrophe(r):
			r, lastZero = '\'', false
		default:
			lastZero = false
		}
		h = step(h, uint64(r))
		if runes < len(g) {
			g[runes] = gramByte(r)
		}
		runes++
	}
	return h, runes
}

// appendGrams appends the character 5-grams of a word whose gram bytes
// are g, with a boundary mark at each end. The last five bytes roll
// through one 64-bit window, so a gram costs a multiply.
func appendGrams[T string | []byte](text []uint64, g T) []uint64 {
	win := uint64('<')
	for k := 0; k < len(g); k++ {
		win = win<<8 | uint64(g[k])
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

// isSymbol reports emoji and pictographs, dingbats, arrows and the like:
// the blocks replies use, by range (unicode.So's table would cost
// engine.wasm several kilobytes for symbols nobody types).
func isSymbol(r rune) bool {
	return r >= 0x2190 && r <= 0x2BFF || r >= 0x1F000 && r <= 0x1FAFF || r == 0x00A9 || r == 0x00AE || r == 0x3030
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// chunkClass names a whitespace-separated chunk that is one thing whatever
// its digits or letters: an email, a URL, a phone number or an @handle.
func chunkClass(c string) class {
	a, b := trimChunk(c, 0, len(c))
	c = c[a:b]
	if len(c) < 2 {
		return noClass
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
		return handleClass
	case at > 0 && dot && indexByte(c[at:], '.') > 1:
		return emailClass
	case text.HasPrefixFold(c, "http://") || text.HasPrefixFold(c, "https://") || text.HasPrefixFold(c, "www."):
		return urlClass
	case dot && slash && letters > 0 && at < 0:
		return urlClass
	case dot && letters > 0 && at < 0 && hasDomainEnd(c):
		return urlClass
	case phoneish && digits >= 7:
		return phoneClass
	}
	return noClass
}

// class is a kind of chunk that is one token, whatever its letters.
type class uint8

const (
	noClass class = iota
	handleClass
	emailClass
	urlClass
	phoneClass
)

// classRaw are the classes' token hashes, by class.
var classRaw = [...]uint64{
	handleClass: hashString(fnvOffset, "<handle>"),
	emailClass:  hashString(fnvOffset, "<email>"),
	urlClass:    hashString(fnvOffset, "<url>"),
	phoneClass:  hashString(fnvOffset, "<phone>"),
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
