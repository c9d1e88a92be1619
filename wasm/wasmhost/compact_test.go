package wasmhost

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core"
)

// compactCall calls check_compact with the request written into the input
// buffer and returns the header's five words and the message of an error
// result (its one string, always sent as text).
func compactCall(t *testing.T, e *Engine, input []byte, text, comment, platform, recent, known uint64) (header [5]uint32, errMsg string) {
	t.Helper()
	size := max(uint64(len(input)), 1)
	ptr := uint32(raw(t, e, "input", size))
	if ptr == 0 || !e.mod.Memory().Write(ptr, input) {
		t.Fatalf("input(%d) = %#x", size, ptr)
	}
	at := uint32(raw(t, e, "check_compact", text, comment, platform, recent, known))
	h, ok := e.mod.Memory().Read(at, 20)
	if !ok {
		t.Fatalf("header %#x outside memory", at)
	}
	for i := range header {
		header[i] = binary.LittleEndian.Uint32(h[4*i:])
	}
	if header[0]&1 != 0 {
		w, _ := e.mod.Memory().ReadUint32Le(header[1])
		s, _ := e.mod.Memory().Read(header[3], w>>2)
		errMsg = string(s)
	}
	return header, errMsg
}

func TestCompactBadCallsReturnErrors(t *testing.T) {
	hex := []byte("00ff00ff00ff00ff")
	cases := []struct {
		name                                   string
		input                                  []byte
		text, comment, platform, recent, known uint64
		reason                                 string
	}{
		{"lengths past the buffer", []byte("hi"), 1 << 30, 0, 0, 0, 0, "exceed the input buffer"},
		{"comment past the buffer", []byte("hi"), 2, 1 << 31, 0, 0, 0, "exceed the input buffer"},
		{"recent past the buffer", []byte("hi"), 2, 0, 0, 1 << 28, 0, "exceed the input buffer"},
		{"invalid UTF-8", []byte("caf\xe9 \xff"), 6, 0, 0, 0, 0, "invalid UTF-8"},
		{"unknown platform", []byte("hi"), 2, 0, 7, 0, 0, "platform"},
		{"platform code 3", []byte("hi"), 2, 0, 3, 0, 0, "platform"},
		{"a bit above private", []byte("hi"), 2, 0, 8 | 1, 0, 0, "platform"},
		{"bad fingerprint", append([]byte("hi"), "not-hex-16-chars"...), 2, 0, 0, 1, 0, "recent[0]: fingerprint must be hex digits"},
		{"second fingerprint bad", append(append([]byte("hi"), hex...), "zzzzzzzzzzzzzzzz"...), 2, 0, 0, 2, 0, "recent[1]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newTestEngine(t)
			h, msg := compactCall(t, e, c.input, c.text, c.comment, c.platform, c.recent, c.known)
			if h[0]&1 == 0 || !strings.Contains(msg, c.reason) {
				t.Fatalf("flags %d, message %q; want an error mentioning %q", h[0], msg, c.reason)
			}
			assertHealthy(t, e)
		})
	}
}

// TestCompactPrivateBit: 4 in the platform word makes the check a private
// message's, as "private": true does natively; the findings differ from the
// public check's the same way.
func TestCompactPrivateBit(t *testing.T) {
	e := newTestEngine(t)
	native := core.MustDefaultEngine()
	reply := "So sorry about the wait on Monday, Ana. That's not the experience we want anyone to have."
	comment := "Waited over an hour and nobody said a word to me."
	input := []byte(reply + comment)
	for _, platform := range []uint64{1, 2} {
		counts := [2]int{}
		for k, private := range []bool{false, true} {
			code := platform
			if private {
				code |= 4
			}
			h, msg := compactCall(t, e, input, uint64(len(reply)), uint64(len(comment)), code, 0, 0)
			if msg != "" {
				t.Fatalf("platform word %d: %s", code, msg)
			}
			want := native.Check(core.Input{Text: reply, Comment: comment, Platform: []core.Platform{1: core.Facebook, 2: core.Instagram}[platform], Private: private})
			if got := readWords(t, e, h)[0]; int(got) != len(want.Findings) {
				t.Errorf("platform word %d: %d findings, native (private %v) %d", code, got, private, len(want.Findings))
			}
			counts[k] = len(want.Findings)
		}
		if counts[0] == counts[1] {
			t.Fatalf("platform %d: the test reply should have fewer findings in a private message (%v)", platform, counts)
		}
	}
}

// TestCompactStringTable follows the string table across calls: the first
// result sends its strings as new ones (and says the table restarted), the
// same check again refers to them only by number, and a host that reports a
// different count than the module holds gets a restarted table.
func TestCompactStringTable(t *testing.T) {
	e := newTestEngine(t)
	text := []byte("Hi Janet, so sorry your root canal last Tuesday hurt! Call 555-0142.")
	n := uint64(len(text))
	h, msg := compactCall(t, e, text, n, 0, 1, 0, 0)
	if msg != "" || h[0] != 2 || h[4] == 0 {
		t.Fatalf("first call: header %v, error %q; want the reset flag and new strings", h, msg)
	}
	first := readWords(t, e, h)
	strs, textAt := stringAt(first)
	sent := 0
	for i, w := range first {
		if textAt[i] && w&3 != 2 && w&3 != 3 {
			t.Errorf("word %d: a suggestion or edit text with tag %d; it must never enter the table", i, w&3)
		}
		if textAt[i] && w&3 == 2 {
			sent++
		}
	}
	if sent == 0 {
		t.Fatal("the test reply should have a suggestion")
	}
	news := 0
	for i, w := range first {
		if strs[i] && w&3 == 1 {
			news++
		}
	}
	if news < 4 {
		t.Fatalf("first call sent %d new strings; want rule, category, severity, message...", news)
	}
	h2, _ := compactCall(t, e, text, n, 0, 1, 0, uint64(news))
	second := readWords(t, e, h2)
	if h2[0] != 0 || len(second) != len(first) {
		t.Fatalf("same check again: header %v, %d words (first %d); want no flags and the same layout", h2, len(second), len(first))
	}
	literalBytes := uint32(0)
	for i := range first {
		switch {
		case !strs[i] && second[i] != first[i]:
			t.Errorf("word %d: %d, first time %d", i, second[i], first[i])
		case strs[i] && first[i]&3 == 1 && second[i]&3 != 0:
			t.Errorf("word %d: a new string the first time, %#x (not a reference) the second", i, second[i])
		case strs[i] && second[i]&3 == 2:
			literalBytes += second[i] >> 2
		}
	}
	// Only strings never kept (suggestions, edit texts) are sent again.
	if h2[4] != literalBytes {
		t.Errorf("same check again: %d string bytes, want %d (the suggestions' and edits' text only)", h2[4], literalBytes)
	}
	h3, _ := compactCall(t, e, text, n, 0, 1, 0, uint64(news)+5)
	if h3[0] != 2 || h3[4] != h[4] {
		t.Fatalf("host out of step: header %v; want the reset flag and every string sent again (%d bytes)", h3, h[4])
	}
}

func readWords(t *testing.T, e *Engine, h [5]uint32) []uint32 {
	t.Helper()
	b, ok := e.mod.Memory().Read(h[1], 4*h[2])
	if !ok {
		t.Fatalf("words %#x+%d outside memory", h[1], h[2])
	}
	w := make([]uint32, h[2])
	for i := range w {
		w[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return w
}

// stringAt marks which of a result's words are strings, following the
// layout in wasm/doc.go; textAt those never kept in the table.
func stringAt(w []uint32) (strs, textAt []bool) {
	strs, textAt = make([]bool, len(w)), make([]bool, len(w))
	i := 0
	num := func() uint32 { i++; return w[i-1] }
	str := func() { strs[i] = true; i++ }
	text := func() { textAt[i] = true; str() }
	for n := num(); n > 0; n-- {
		str()  // rule
		str()  // category
		str()  // severity
		num()  // start
		num()  // end
		str()  // message
		text() // suggestion
		for e := num(); e > 0; e-- {
			num()
			num()
			text() // new_text
		}
	}
	str() // kind
	num() // negative
	for n := num(); n > 0; n-- {
		str() // topic
	}
	return strs, textAt
}

// The texts are read in place from the input buffer (no copy for the GC to
// collect later) and cleared before check_compact returns: afterwards the
// module's memory holds neither as typed. (A lowered copy may remain in a
// pooled tokeniser buffer; the mixed-case text is only in the input.)
func TestCompactKeepsNoText(t *testing.T) {
	e := newTestEngine(t)
	reply := "Thanks Quillon Vantreese, We Hope Your Zephyrine Recovery Goes Well! 😊"
	comment := "Marvolo Thistlewick Here: My Xandrite Crown Still Hurts."
	h, msg := compactCall(t, e, []byte(reply+comment), uint64(len(reply)), uint64(len(comment)), 1, 0, 0)
	if msg != "" {
		t.Fatal(msg)
	}
	if readWords(t, e, h)[0] == 0 {
		t.Fatal("the test reply should have findings")
	}
	mem, ok := e.mod.Memory().Read(0, e.mod.Memory().Size())
	if !ok {
		t.Fatal("cannot read the module's memory")
	}
	for _, s := range []string{"Quillon Vantreese, We Hope", "Thistlewick Here: My Xandrite"} {
		if strings.Contains(string(mem), s) {
			t.Errorf("memory still holds %q after the call", s)
		}
	}
}
