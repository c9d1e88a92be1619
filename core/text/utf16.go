package text

import "unicode/utf8"

// UTF16Index converts byte offsets of one string to UTF-16 code-unit offsets.
// Offsets inside a multi-byte rune snap back to the rune's start. Invalid
// UTF-8 bytes count as one code unit each (U+FFFD, as JavaScript decodes them).
type UTF16Index struct {
	text string
	// ascii is true when byte offsets equal UTF-16 offsets.
	ascii bool
	// cum[i] is the UTF-16 offset of byte i, for non-ASCII text.
	cum []int32
}

// NewUTF16Index prepares conversions for text in one linear pass.
func NewUTF16Index(text string) *UTF16Index {
	x := &UTF16Index{text: text, ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			x.ascii = false
			break
		}
	}
	if x.ascii {
		return x
	}
	x.cum = make([]int32, len(text)+1)
	u := int32(0)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		for k := 0; k < size; k++ {
			x.cum[i+k] = u
		}
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
		i += size
	}
	x.cum[len(text)] = u
	return x
}

// At returns the UTF-16 offset for byte offset b (clamped to the text).
func (x *UTF16Index) At(b int) int {
	if b < 0 {
		b = 0
	}
	if b > len(x.text) {
		b = len(x.text)
	}
	if x.ascii {
		return b
	}
	return int(x.cum[b])
}
