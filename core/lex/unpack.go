package lex

import (
	"strings"

	"github.com/replyguard/replyguard/internal/inflate"
)

// Unpack reads a package's generated list data (a_lists_gen.go, see
// core/lex/lexgen): a deflated string of lists, each ended by NUL. It
// returns the lists in order, each its entries joined by "\n"; the data
// is compiled in, so corrupt data panics.
func Unpack(packed string) []string {
	s, err := inflate.String(packed)
	if err != nil {
		panic("lex: packed lists: " + err.Error())
	}
	out := strings.SplitAfter(s, "\x00")
	out = out[:len(out)-1] // after the last NUL
	for i, l := range out {
		out[i] = l[:len(l)-1]
	}
	return out
}
