package text

import (
	"strconv"
	"strings"
	"unsafe"
)

// NumberRun is a run of digits and separators such as "(555) 010-2000".
type NumberRun struct {
	Span
	Digits string
	Groups []int  // digit counts per group
	Seps   string // the separators between groups, in order
}

// maxNumberRun bounds a run: no identifier is longer, and unbounded runs of
// "555 555 555 …" would otherwise make one giant run.
const maxNumberRun = 32

// NumberRuns returns the text's number runs, scanned once per Doc.
func (d *Doc) NumberRuns() []NumberRun {
	if !d.runsDone {
		d.runs, d.groups = scanNumberRuns(d.runs[:0], d.groups[:0], d.Text, d.Words, d.Digits)
		d.runsDone = true
	}
	return d.runs
}

// scanNumberRuns finds runs that start and end with a digit (or "(" / "+")
// and contain only digits, spaces, and ()-./+ separators.
//
// Every digit of text is inside one of its words, so the scan jumps from
// word to word with a digit (words, the text's, in order, and digits, the
// indexes of those with a digit, as Doc.Digits) and reads only the bytes
// next to them: most text holds no number at all.
//
// Every run's groups share one backing array, groups (the Doc's, reused
// check after check), and the strings it makes (separators, digits) one
// new buffer per text: a scan allocates about once, not once per run.
func scanNumberRuns(out []NumberRun, groups []int, text string, words []Word, digits []int32) ([]NumberRun, []int) {
	var seps [maxNumberRun]byte
	var strs []byte // only appended to: strings cut from it never change
	dw := 0         // the words of digits before dw end at or before i
	for i := 0; i < len(text); {
		for dw < len(digits) && words[digits[dw]].End <= i {
			dw++
		}
		if dw == len(digits) {
			break // no digit left
		}
		w := digits[dw]
		// A run starts at the word's first digit, or a "(" or "+" just
		// before it; the bytes before that hold no digit.
		i = max(i, words[w].Start-1)
		for i < len(text) && !runStart[text[i]] {
			i++ // most bytes: one table test
		}
		if i == len(text) {
			break
		}
		if !IsDigit(text[i]) && !(i+1 < len(text) && IsDigit(text[i+1])) {
			i++ // "(" or "+" not before a digit
			continue
		}
		// A digit glued to letters before it ("A123") is a code, not a number run.
		if i > 0 && isAlnumASCII(text[i-1]) {
			i++
			for i < len(text) && isAlnumASCII(text[i]) {
				i++
			}
			continue
		}
		start, j := i, i
		lastDigit := -1
		if !IsDigit(text[i]) {
			j = i + 1 // the opening "(" or "+"
			lastDigit = i
		}
		nd := 0 // digits so far
		for j < len(text) {
			c := text[j]
			if IsDigit(c) {
				lastDigit = j
				nd++
				j++
				continue
			}
			// "555-0145 (8 to 5)": a parenthesised area code only opens a
			// number, so a " (" after a whole phone's digits starts an aside.
			if c == ' ' && nd >= 7 && j+1 < len(text) && text[j+1] == '(' {
				break
			}
			if numberSep[c] && j+1 < len(text) && j-lastDigit <= 2 && j-start < maxNumberRun {
				j++
				continue
			}
			break
		}
		if lastDigit < 0 || !IsDigit(text[lastDigit]) {
			i = max(j, i+1)
			continue
		}
		end := lastDigit + 1
		if end < len(text) && text[end] == ')' {
			end++
		}
		run := NumberRun{Span: Span{start, end}}
		n, g0, lastSep, nsep := 0, len(groups), -1, 0
		for k := start; k < end; k++ {
			if IsDigit(text[k]) {
				n++
				continue
			}
			if n > 0 || nsep > 0 || k > start {
				if nsep < len(seps) {
					seps[nsep] = text[k]
				}
				nsep, lastSep = nsep+1, k
			}
			if n > 0 {
				groups = append(groups, n)
				n = 0
			}
		}
		// Most runs have at most one separator: slice it from the text.
		if nsep == 1 {
			run.Seps = text[lastSep : lastSep+1]
		} else if nsep > 1 {
			strs, run.Seps = appendString(strs, seps[:min(nsep, len(seps))])
		}
		if n > 0 {
			groups = append(groups, n)
		}
		if len(groups) > g0 {
			run.Groups = groups[g0:len(groups):len(groups)]
		}
		if total := sumInts(run.Groups); total == end-start {
			run.Digits = text[start:end] // all digits: no copy needed
		} else {
			from := len(strs)
			for k := start; k < end; k++ {
				if IsDigit(text[k]) {
					strs = append(strs, text[k])
				}
			}
			run.Digits = unsafe.String(unsafe.SliceData(strs[from:]), len(strs)-from)
		}
		out = append(out, run)
		i = end
		if i == start {
			i++
		}
	}
	return out, groups
}

// appendString appends b to buf and returns the string of those bytes,
// which later appends never change.
func appendString(buf, b []byte) ([]byte, string) {
	from := len(buf)
	buf = append(buf, b...)
	return buf, unsafe.String(unsafe.SliceData(buf[from:]), len(b))
}

// runStart marks the bytes a number run may start with: digits, "(" and "+".
var runStart = func() (t [256]bool) {
	for _, c := range []byte("0123456789(+") {
		t[c] = true
	}
	return t
}()

// numberSep marks the bytes "()-./+ " that may sit inside a number run.
var numberSep = func() (t [256]bool) {
	for _, c := range []byte("()-./+ ") {
		t[c] = true
	}
	return t
}()

func sumInts(v []int) int {
	n := 0
	for _, x := range v {
		n += x
	}
	return n
}

func isAlnumASCII(c byte) bool {
	return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// IsDigit reports an ASCII digit.
func IsDigit(b byte) bool { return b >= '0' && b <= '9' }

// Atoi is strconv.Atoi without the error value: a failed parse allocates a
// *NumError, and most words fail, so reject what cannot parse first.
func Atoi(s string) (int, bool) {
	if s == "" || !(IsDigit(s[0]) || ((s[0] == '+' || s[0] == '-') && len(s) > 1 && IsDigit(s[1]))) {
		return 0, false
	}
	for i := 1; i < len(s); i++ {
		if !IsDigit(s[i]) {
			return 0, false // "3pm": no parse, and no error value to allocate
		}
	}
	v, err := strconv.Atoi(s)
	return v, err == nil
}

// DigitsOf keeps only the ASCII digits of s.
func DigitsOf(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if IsDigit(s[i]) {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// GroupsAre reports whether the run's digit groups have exactly these sizes.
func (r NumberRun) GroupsAre(want ...int) bool {
	if len(r.Groups) != len(want) {
		return false
	}
	for i := range r.Groups {
		if r.Groups[i] != want[i] {
			return false
		}
	}
	return true
}

// IsPhone reports a North American phone number's shape.
func (r NumberRun) IsPhone() bool {
	n := len(r.Digits)
	switch {
	case n == 10 || (n == 11 && r.Digits[0] == '1'):
		return len(r.Groups) == 1 || len(r.Groups) >= 3 || r.GroupsAre(3, 7) || r.GroupsAre(1, 10)
	case n == 7:
		return r.GroupsAre(3, 4)
	}
	return false
}
