// Package gostr writes data files into Go source as string literals, for
// tests that generate such files. ReplyGuard does this instead of using
// //go:embed because importing package embed links package time (and its
// godebug machinery) into engine.wasm: about 260 KB for no use.
package gostr

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Literal returns a Go expression equal to s, made of raw string literals
// so the data stays readable, joined with quoted pieces for what a raw
// literal cannot hold (backquotes, carriage returns, NUL, BOM, bad UTF-8).
func Literal(s string) string {
	var b strings.Builder
	raw := 0 // start of the pending raw piece
	flush := func(end int) {
		if end > raw {
			if b.Len() > 0 {
				b.WriteString(" +\n\t")
			}
			b.WriteString("`" + s[raw:end] + "`")
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '`' && r != '\r' && r != 0 && r != '\ufeff' && !(r == utf8.RuneError && size == 1) {
			i += size
			continue
		}
		flush(i)
		if b.Len() > 0 {
			b.WriteString(" +\n\t")
		}
		b.WriteString(strconv.Quote(s[i : i+size]))
		i += size
		raw = i
	}
	flush(len(s))
	if b.Len() == 0 {
		return `""`
	}
	return b.String()
}
