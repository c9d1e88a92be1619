package text

import "unicode/utf8"

// UTF16Index converts byte offsets of one string to UTF-16 code-unit offsets.
// Offsets inside a multi-byte rune snap back to the rune's start. Invalid
// UTF-8 bytes count as one code unit each (U+FFFD, as JavaScript decodes them).
type UTF16Index struct {
	text string
	// cum[i] is the UTF-16 offset of byte i, for non-ASCII text (nil for
	// ASCII, where byte offsets are UTF-16 offsets). A lazy cursor was
	// tried: findings' spans jump back and forth, and it cost more.
	cum []int32
}

// NewUTF16Index prepares conversions for text in one linear pass, ASCII
// bytes one step each.
func NewUTF16Index(text string) *UTF16Index {
	x := &UTF16Index{text: text}
	i := 0
	for i < len(text) && text[i] < utf8.RuneSelf {
		i++
	}
	if i == len(text) {
		return x
	}
	x.cum = make([]int32, len(text)+1)
	for k := range i {
		x.cum[k] = int32(k)
	}
	u := int32(i)
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			x.cum[i] = u
			i, u = i+1, u+1
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		for k := i; k < i+size; k++ {
			x.cum[k] = u
		}
		u++
		if r >= 0x10000 {
			u++ // a surrogate pair
		}
		i += size
	}
	x.cum[len(text)] = u
	return x
}

// At returns the UTF-16 offset for byte offset b (clamped to the text).
func (x *UTF16Index) At(b int) int {
	b = max(0, min(b, len(x.text)))
	if x.cum == nil {
		return b
	}
	return int(x.cum[b])
}
