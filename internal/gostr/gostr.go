// Package gostr writes data files into Go source as string literals, for
// tests that generate such files. ReplyGuard does this instead of using
// //go:embed because importing package embed links package time (and its
// godebug machinery) into engine.wasm: about 260 KB for no use.
package gostr

import (
	"compress/flate"
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

// Binary returns a Go expression equal to s for data that is not text
// (deflated lists): quoted pieces of 64 bytes, one per line.
func Binary(s string) string {
	if s == "" {
		return `""`
	}
	var b strings.Builder
	for i := 0; i < len(s); i += 64 {
		if i > 0 {
			b.WriteString(" +\n\t")
		}
		b.WriteString(strconv.Quote(s[i:min(i+64, len(s))]))
	}
	return b.String()
}

// Deflate compresses s for the generated files (internal/inflate decodes
// it). BestCompression gives the same bytes for the same input with one Go
// version; the generators' tests compare against the checked-in files.
func Deflate(s string) string {
	var b strings.Builder
	w, err := flate.NewWriter(&b, flate.BestCompression)
	if err != nil {
		panic(err)
	}
	w.Write([]byte(s))
	w.Close()
	return b.String()
}
