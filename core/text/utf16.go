package text

import "unicode/utf8"

// UTF16Index converts byte offsets of one string to UTF-16 code-unit offsets.
// Offsets inside a multi-byte rune snap back to the rune's start. Invalid
// UTF-8 bytes count as one code unit each (U+FFFD, as JavaScript decodes them).
//
// It counts lazily: a cursor moves forward from the last offset asked for,
// so converting the findings of a reply, which come in position order,
// reads the text about once and allocates nothing for a short text. Going
// back restarts from the nearest mark, one per markEvery bytes passed.
type UTF16Index struct {
	text string
	// ascii is true when byte offsets equal UTF-16 offsets.
	ascii bool
	cur   utf16Mark // a rune start (or the end) and its UTF-16 offset
	// marks[k] is the first rune start at or after byte k*markEvery.
	marks []utf16Mark
	first [8]utf16Mark // marks' array for the first 8*markEvery bytes
}

type utf16Mark struct{ byte, unit int }

const markEvery = 256

// NewUTF16Index prepares conversions for text.
func NewUTF16Index(text string) *UTF16Index {
	x := &UTF16Index{text: text, ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			x.ascii = false
			break
		}
	}
	x.marks = append(x.first[:0], utf16Mark{})
	return x
}

// At returns the UTF-16 offset for byte offset b (clamped to the text).
func (x *UTF16Index) At(b int) int {
	b = max(0, min(b, len(x.text)))
	if x.ascii {
		return b
	}
	if b < x.cur.byte {
		k := min(b/markEvery, len(x.marks)-1)
		for x.marks[k].byte > b {
			k--
		}
		x.cur = x.marks[k]
	}
	for x.cur.byte < b {
		r, size := utf8.DecodeRuneInString(x.text[x.cur.byte:])
		if x.cur.byte+size > b {
			break // b is inside this rune: it snaps back to its start
		}
		x.cur.byte += size
		x.cur.unit++
		if r >= 0x10000 {
			x.cur.unit++
		}
		if x.cur.byte >= len(x.marks)*markEvery {
			x.marks = append(x.marks, x.cur)
		}
	}
	return x.cur.unit
}
