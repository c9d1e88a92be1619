package main

import (
	"reflect"
	"strings"
	"testing"
)

// span returns the byte span of the first occurrence of part in text.
func span(text, part string) (int, int) {
	i := strings.Index(text, part)
	if i < 0 {
		panic("no " + part)
	}
	return i, i + len(part)
}

func TestUnderline(t *testing.T) {
	long := strings.Repeat("word ", 40) + "TARGET" + strings.Repeat(" tail", 40)
	tests := []struct {
		name, text, part string
		want             []string
	}{
		{"ascii", "Thanks for coming in", "coming", []string{
			"Thanks for coming in",
			"           ^^^^^^",
		}},
		{"accent and emoji", "José 😊 root canal", "root canal", []string{
			"José 😊 root canal",
			"        ^^^^^^^^^^",
		}},
		{"emoji itself", "Hi 😊 there", "😊", []string{
			"Hi 😊 there",
			"   ^^",
		}},
		{"combining accent", "Jose\u0301 root", "root", []string{
			"Jose\u0301 root",
			"     ^^^^",
		}},
		{"wide CJK", "歯科 visit", "visit", []string{
			"歯科 visit",
			"     ^^^^^",
		}},
		{"tabs", "a\tb\t\tc", "c", []string{
			"a   b       c",
			"            ^",
		}},
		{"CRLF line", "first\r\nsecond", "second", []string{
			"second",
			"^^^^^^",
		}},
		{"control and invalid bytes", "a\x01b\xffc", "c", []string{
			"a\uFFFDb\uFFFDc",
			"    ^",
		}},
		{"multi-line span", "one two\nthree four\nfive", "two\nthree four\nfi", []string{
			"one two",
			"    ^^^",
			"three four",
			"^^^^^^^^^^",
			"five",
			"^^",
		}},
		{"span ending with a newline stays on its line", "one two\nthree", "two\n", []string{
			"one two",
			"    ^^^",
		}},
		{"long line is windowed around the span", long, "TARGET", []string{
			"…" + long[170:270] + "…",
			" " + strings.Repeat(" ", 30) + "^^^^^^",
		}},
	}
	for _, tt := range tests {
		start, end := span(tt.text, tt.part)
		got := underline(tt.text, start, end)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got  %q\n want %q", tt.name, got, tt.want)
		}
	}
}

func TestUnderlineEmptyAndEdgeSpans(t *testing.T) {
	text := "abc\ndef"
	tests := []struct {
		start, end int
		want       []string
	}{
		{1, 1, []string{"abc", " ^"}},
		{3, 3, []string{"abc", "   ^"}}, // at the end of a line
		{3, 4, []string{"abc", "   ^"}}, // only the line break
		{7, 7, []string{"def", "   ^"}}, // at the end of the text
		{0, 7, []string{"abc", "^^^", "def", "^^^"}},
	}
	for _, tt := range tests {
		if got := underline(text, tt.start, tt.end); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("[%d,%d): got %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
	many := "l1\nl2\nl3\nl4\nl5\nl6"
	got := underline(many, 0, len(many))
	want := []string{"l1", "^^", "l2", "^^", "l3", "^^", "... (3 more lines)"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("long span: got %q, want %q", got, want)
	}
}

func TestByteOffsetAndLineCol(t *testing.T) {
	text := "é😊\nb\xffc"
	tests := []struct{ u16, byteOff, line, col int }{
		{0, 0, 1, 1},
		{1, 2, 1, 2}, // after é (2 bytes, 1 unit)
		{2, 2, 1, 2}, // inside the emoji's surrogate pair: snaps to its start
		{3, 6, 1, 3}, // after the emoji (4 bytes, 2 units)
		{4, 7, 2, 1},
		{6, 9, 2, 3}, // the invalid byte counts as one unit
		{99, len(text), 2, 4},
	}
	for _, tt := range tests {
		b := byteOffset(text, tt.u16)
		if b != tt.byteOff {
			t.Errorf("byteOffset(%d) = %d, want %d", tt.u16, b, tt.byteOff)
			continue
		}
		if l, c := lineCol(text, b); l != tt.line || c != tt.col {
			t.Errorf("lineCol(%d) = %d:%d, want %d:%d", b, l, c, tt.line, tt.col)
		}
	}
}
