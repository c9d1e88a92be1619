package text

import (
	"unicode/utf8"
	"unsafe"
)

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

// UTF16Runes converts byte offsets to UTF-16 offsets as UTF16Index does,
// keeping only the text's non-ASCII runes (where byte and UTF-16 offsets
// part): building it skips ASCII eight bytes at a time and writes nothing
// per ASCII byte, and At searches those runes. Replies are mostly ASCII, so
// this costs a fraction of a table with an entry per byte; its arrays are
// kept for the next text.
type UTF16Runes struct {
	text string
	// at[k] is the byte offset of the k-th non-ASCII rune (or invalid
	// byte), units[k] the UTF-16 offset of its start.
	at    []int32
	units []int32
}

// Reset prepares conversions for text.
func (x *UTF16Runes) Reset(text string) {
	x.text, x.at, x.units = text, x.at[:0], x.units[:0]
	u := int32(0) // UTF-16 offset of byte i
	for i := 0; i < len(text); {
		for i+8 <= len(text) && load64(text, i)&0x8080808080808080 == 0 {
			i, u = i+8, u+8
		}
		if i == len(text) {
			break
		}
		c := text[i]
		if c < utf8.RuneSelf {
			i, u = i+1, u+1
			continue
		}
		x.at = append(x.at, int32(i))
		x.units = append(x.units, u)
		r, size := utf8.DecodeRuneInString(text[i:])
		u++
		if r >= 0x10000 {
			u++ // a surrogate pair
		}
		i += size
	}
}

// At returns the UTF-16 offset for byte offset b (clamped to the text);
// an offset inside a multi-byte rune snaps back to the rune's start.
func (x *UTF16Runes) At(b int) int {
	b = max(0, min(b, len(x.text)))
	// The last non-ASCII rune starting at or before b.
	lo, hi := 0, len(x.at)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(x.at[m]) <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return b // only ASCII before b
	}
	k := lo - 1
	p := int(x.at[k])
	r, size := utf8.DecodeRuneInString(x.text[p:])
	if b < p+size {
		return int(x.units[k])
	}
	w := 1
	if r >= 0x10000 {
		w = 2
	}
	return int(x.units[k]) + w + b - (p + size) // ASCII bytes since the rune
}

// load64 reads 8 bytes of s from i (i+8 <= len(s)) in one load, in the
// machine's order (little-endian on amd64 and wasm): callers only test
// high bits, which holds in any order.
func load64(s string, i int) uint64 {
	_ = s[i+7]
	return *(*uint64)(unsafe.Pointer(unsafe.StringData(s[i:])))
}
