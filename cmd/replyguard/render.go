package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/replyguard/replyguard/core"
)

// Display limits for the human output.
const (
	tabWidth      = 4
	maxShownLines = 3   // lines of a multi-line span shown before "..."
	maxLineWidth  = 100 // columns; longer lines are windowed around the span
	spanContext   = 30  // columns kept left of the span in a windowed line
	indent        = "    "
)

// writeText prints findings for people: location, severity, category/rule and
// message; the reply line with the span underlined; the suggestion.
func writeText(w io.Writer, name, text string, findings []core.JSONFinding) {
	counts := map[core.Severity]int{}
	for i, f := range findings {
		counts[f.Severity]++
		start, end := byteOffset(text, f.Start), byteOffset(text, f.End)
		if end < start {
			end = start
		}
		line, col := lineCol(text, start)
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s:%d:%d: %s %s/%s: %s\n", name, line, col, f.Severity, f.Category, f.Rule, f.Message)
		for _, l := range underline(text, start, end) {
			fmt.Fprintf(w, "%s%s\n", indent, l)
		}
		if f.Suggestion != "" {
			fmt.Fprintf(w, "%ssuggestion: %s\n", indent, strings.ReplaceAll(f.Suggestion, "\n", "\n"+indent+"  "))
		}
	}
	if len(findings) == 0 {
		fmt.Fprintf(w, "%s: no findings\n", name)
		return
	}
	var parts []string
	for _, s := range []core.Severity{core.Error, core.Warning, core.Info} {
		if counts[s] > 0 {
			noun := string(s)
			if s != core.Info {
				noun = plural(counts[s], noun)
			}
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], noun))
		}
	}
	fmt.Fprintf(w, "\n%s: %d %s (%s)\n", name, len(findings), plural(len(findings), "finding"), strings.Join(parts, ", "))
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// byteOffset converts a UTF-16 offset of text to a byte offset, counting an
// invalid UTF-8 byte as one unit (as core and JavaScript do). An offset inside
// a surrogate pair snaps to the character's start.
func byteOffset(text string, u16 int) int {
	u := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		n := 1
		if r >= 0x10000 {
			n = 2
		}
		if u+n > u16 {
			return i
		}
		u += n
		i += size
	}
	return len(text)
}

// lineCol is the 1-based line and character column of byte offset off.
func lineCol(text string, off int) (line, col int) {
	lineStart := strings.LastIndexByte(text[:off], '\n') + 1
	return strings.Count(text[:off], "\n") + 1, utf8.RuneCountInString(text[lineStart:off]) + 1
}

// cell is one displayed character: its text, width in columns and the bytes
// of the reply it shows.
type cell struct {
	s          string
	width      int
	start, end int
}

// underline renders the lines that span [start, end) touches, each followed
// by a caret line under the span.
func underline(text string, start, end int) []string {
	first := strings.LastIndexByte(text[:start], '\n') + 1
	last := end
	if end > start {
		last = end - 1 // the line holding the span's last byte
	}
	var out []string
	shown := 0
	for ls := first; ls <= last && ls <= len(text); {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		if shown == maxShownLines {
			out = append(out, fmt.Sprintf("... (%d more lines)", strings.Count(text[ls:min(last+1, len(text))], "\n")+1))
			break
		}
		out = append(out, renderLine(text, ls, le, start, end)...)
		shown++
		ls = le + 1
	}
	return out
}

// renderLine draws text[ls:le] and its carets for the span [start, end).
func renderLine(text string, ls, le, start, end int) []string {
	cells := lineCells(text, ls, le)
	total := 0
	first, caretAt := -1, -1 // column of the first underlined cell; of an empty span
	for _, c := range cells {
		if c.start < end && c.end > start && first < 0 {
			first = total
		}
		if c.start >= start && caretAt < 0 {
			caretAt = total
		}
		total += c.width
	}
	if caretAt < 0 {
		caretAt = total
	}
	if first < 0 {
		first = caretAt
	}
	// Window long lines around the span's first column.
	from, to := 0, total
	if total > maxLineWidth {
		from = max(0, first-spanContext)
		to = min(total, from+maxLineWidth)
	}
	var line, carets strings.Builder
	if from > 0 {
		line.WriteString("…")
		carets.WriteString(" ")
	}
	col, marked := 0, false
	for _, c := range cells {
		if col >= from && col+c.width <= to {
			line.WriteString(c.s)
			mark := " "
			if c.start < end && c.end > start {
				mark, marked = "^", true
			}
			carets.WriteString(strings.Repeat(mark, c.width))
		}
		col += c.width
	}
	if to < total {
		line.WriteString("…")
	}
	if !marked { // an empty span, or one covering only the line break
		pad := caretAt - from
		if from > 0 {
			pad++ // the "…"
		}
		carets.Reset()
		carets.WriteString(strings.Repeat(" ", max(0, pad)) + "^")
	}
	return []string{strings.TrimRight(line.String(), " "), strings.TrimRight(carets.String(), " ")}
}

// lineCells splits text[ls:le] into display cells: tabs expand to the next
// tab stop, wide characters take two columns, combining marks and other
// zero-width characters join the previous cell, control characters and
// invalid bytes show as one replacement character.
func lineCells(text string, ls, le int) []cell {
	var cells []cell
	col := 0
	for i := ls; i < le; {
		r, size := utf8.DecodeRuneInString(text[i:le])
		c := cell{start: i, end: i + size}
		switch {
		case r == '\t':
			c.width = tabWidth - col%tabWidth
			c.s = strings.Repeat(" ", c.width)
		case r == '\r' && i+size == le:
			c.s = "" // the CR of a CRLF line ending
		case r == utf8.RuneError && size == 1, unicode.IsControl(r):
			c.s, c.width = "\uFFFD", 1
		case zeroWidth(r) && len(cells) > 0:
			prev := &cells[len(cells)-1]
			prev.s += string(r)
			prev.end = i + size
			i += size
			continue
		case zeroWidth(r):
			c.s, c.width = string(r), 0
		default:
			c.s, c.width = string(r), runeWidth(r)
		}
		cells = append(cells, c)
		col += c.width
		i += size
	}
	return cells
}

func zeroWidth(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) ||
		r >= 0xFE00 && r <= 0xFE0F || // variation selectors
		r >= 0x1F3FB && r <= 0x1F3FF // skin-tone modifiers join the emoji before them
}

// runeWidth is 2 for East Asian wide and fullwidth characters and for emoji,
// 1 otherwise: what terminals do for the characters replies contain.
func runeWidth(r rune) int {
	switch {
	case r >= 0x1100 && r <= 0x115F, // Hangul Jamo
		r >= 0x2E80 && r <= 0x303E, // CJK radicals .. CJK symbols
		r >= 0x3041 && r <= 0x33FF, // kana .. CJK compatibility
		r >= 0x3400 && r <= 0x4DBF, // CJK extension A
		r >= 0x4E00 && r <= 0x9FFF, // CJK unified
		r >= 0xA000 && r <= 0xA4CF, // Yi
		r >= 0xAC00 && r <= 0xD7A3, // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF, // CJK compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFF60, // fullwidth forms
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x1F300 && r <= 0x1F64F, // pictographs, emoticons
		r >= 0x1F900 && r <= 0x1F9FF, // supplemental symbols and pictographs
		r >= 0x1FA70 && r <= 0x1FAFF,
		r >= 0x1F680 && r <= 0x1F6FF, // transport and map
		r >= 0x2600 && r <= 0x27BF && emojiPresentation(r),
		r >= 0x20000 && r <= 0x3FFFD: // CJK extensions B..
		return 2
	}
	return 1
}

// emojiPresentation lists the symbols in U+2600–U+27BF that terminals draw
// two columns wide (Emoji_Presentation=Yes).
func emojiPresentation(r rune) bool {
	switch r {
	case 0x2614, 0x2615, 0x2648, 0x2649, 0x264A, 0x264B, 0x264C, 0x264D, 0x264E, 0x264F,
		0x2650, 0x2651, 0x2652, 0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA, 0x26AB, 0x26BD,
		0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26FA,
		0x26FD, 0x2705, 0x270A, 0x270B, 0x2728, 0x274C, 0x274E, 0x2753, 0x2754, 0x2755,
		0x2757, 0x2795, 0x2796, 0x2797, 0x27B0, 0x27BF:
		return true
	}
	return false
}
