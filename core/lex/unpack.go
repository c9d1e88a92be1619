package lex

import (
	"strconv"
	"strings"

	"github.com/replyguard/replyguard/internal/inflate"
)

// Unpack reads a package's generated lists (lexgen): n lists joined by NUL
// and deflated. engine.wasm carries the lists packed, a third of their
// size, and each package unpacks its own once at start.
func Unpack(z string, n int) []string {
	s, err := inflate.String(z)
	if err != nil {
		panic("lex: packed lists: " + err.Error())
	}
	lists := strings.Split(s, "\x00")
	if len(lists) != n {
		panic("lex: packed lists: " + strconv.Itoa(len(lists)) + " lists, want " + strconv.Itoa(n))
	}
	return lists
}
