//go:build wasip1

package main

import (
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/replyguard/replyguard/core"
	"github.com/replyguard/replyguard/core/text"
)

// The compact check path (ABI version 2, see doc.go): the host writes the
// reply and comment as UTF-8 into one input buffer the module keeps, and
// reads the result as little-endian words from one output buffer the module
// keeps, with every string sent once and referred to by number after that.
// A check then allocates nothing for the request or the response, decodes
// no JSON, and the host parses none: in V8 this is most of what a short
// reply cost beside the check itself.

// inputBuf is the host's request buffer, reused across calls; the result
// is written to outWords and outStrs (the UTF-8 of new strings), described
// by outHeader. All stay reachable from here, so the GC never frees memory
// the host is reading or writing.
var (
	inputBuf  []byte
	outWords  []uint32
	outStrs   []byte
	outHeader [5]uint32 // flags, words address, word count, strings address, string bytes
)

// interned are the strings the host already holds, by number; when full it
// starts again (the host sees the reset flag). Findings' rules, categories,
// severities and messages, comment kinds and topics come from a small set
// (templates of the rules and the policy, and counts), so after the first
// few checks most of a result is numbers. Suggestions and edit texts are
// always sent as text (see literal).
var interned = map[string]uint32{}

// recentStrs holds strings str found or added lately, each with its number,
// in a slot chosen by its length and end bytes: a result sends the same
// few rules, categories, severities and messages check after check, and a
// slot's text compared with the string costs less in WebAssembly than
// hashing it for the map. Cleared whenever interned starts again.
var recentStrs [64]recentStr

type recentStr struct {
	s  string // internedStrs[id]: the map's key, never the caller's string
	id uint32
	ok bool
}

// internedStrs[id] is the string interned as id (the map's key).
var internedStrs []string

func recentSlot(s string) int {
	if s == "" {
		return 0
	}
	return (len(s)*31 + int(s[0])*7 + int(s[len(s)-1])) & (len(recentStrs) - 1)
}

// resetInterned starts the host's and the module's string tables again.
func resetInterned() {
	interned = map[string]uint32{}
	clear(recentStrs[:])
	clear(internedStrs)
	internedStrs = internedStrs[:0]
	resetPending = true
}

const maxInterned = 4096

// Result flags and string tags (the low two bits of a string word).
const (
	flagError = 1 << iota
	flagReset

	tagRef     = 0 // a string the host holds: number << 2
	tagNew     = 1 // new string, the host appends it to its table: length << 2
	tagLiteral = 2 // a string not kept: length << 2
	tagAbsent  = 3 // no value (an omitted suggestion)
)

//go:wasmexport input
func input(size uint32) uint32 {
	if size == 0 || size > maxBuffer {
		return 0
	}
	if uint32(len(inputBuf)) < size {
		inputBuf = make([]byte, size)
	}
	return addr(inputBuf)
}

func addr[T any](s []T) uint32 { return uint32(uintptr(unsafe.Pointer(unsafe.SliceData(s)))) }

// resetPending is set when the module's table was started again and the
// host has not been told yet.
var resetPending = true

// privateBit in check_compact's platform word says the reply goes in a
// private message (core.Input.Private): one bit, no new argument.
const privateBit = 4

// checkCompact checks the request in the input buffer: textLen bytes of
// reply, then commentLen bytes of comment, then recentCount fingerprints of
// 16 hex digits each; platform is 0 (the default), 1 facebook or 2
// instagram, plus privateBit for a private message. known is how many strings the host holds: any other count than
// the module's starts both tables again. It returns the result header's
// address.
//
//go:wasmexport check_compact
func checkCompact(textLen, commentLen, platform, recentCount, known uint32) (header uint32) {
	if known != uint32(len(interned)) || len(interned) >= maxInterned {
		resetInterned()
	}
	defer func() {
		// The texts were read in place (compactInput): clear them, whatever
		// happened, so the module keeps no reply past the call.
		clear(inputBuf[:min(uint64(textLen)+uint64(commentLen), uint64(len(inputBuf)))])
		utf16.reply, utf16.ready = "", false
		utf16.runes.Reset("") // (keeps no reply past the call)
		if r := recover(); r != nil {
			// The tables may disagree now: start both again.
			resetInterned()
			header = compactError("internal error: " + panicText(r))
		}
	}()
	in, msg := compactInput(textLen, commentLen, platform, recentCount)
	if msg != "" {
		return compactError(msg)
	}
	// The findings are encoded before the engine reuses them: no copy.
	activeEngine().CheckView(in, func(res core.Result) { header = encodeCompact(in.Text, &res) })
	return header
}

// compactInput reads the request out of the input buffer. Text and comment
// are read in place, not copied (a copy was one more allocation of the
// reply's size per check, for the GC to collect): the engine keeps nothing
// of a check once CheckView returns, the interned table clones what it keeps
// (str), and checkCompact clears the buffer before returning.
func compactInput(textLen, commentLen, platform, recentCount uint32) (in core.Input, msg string) {
	n := uint64(textLen) + uint64(commentLen)
	if n+16*uint64(recentCount) > uint64(len(inputBuf)) {
		return in, "input: lengths exceed the input buffer (use input)"
	}
	if !utf8.Valid(inputBuf[:n]) {
		return in, "input: invalid UTF-8"
	}
	in.Text = inPlace(inputBuf[:textLen])
	in.Comment = inPlace(inputBuf[textLen:n])
	in.Platform = core.Facebook
	if platform&3 == 2 {
		in.Platform = core.Instagram
	} else if platform&3 == 3 || platform > privateBit|3 {
		return in, "platform: unknown code"
	}
	in.Private = platform&privateBit != 0
	for i := range int(recentCount) {
		hex := inputBuf[n+16*uint64(i):][:16]
		v, err := core.ParseFingerprint(unsafe.String(&hex[0], 16))
		if err != nil {
			return in, "recent[" + strconv.Itoa(i) + "]: " + err.Error()
		}
		in.Recent = append(in.Recent, v)
	}
	return in, ""
}

// inPlace is b as a string without a copy; b must not change while the
// string is in use.
func inPlace(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

func word(v uint32) { outWords = append(outWords, v) }

// literal sends s without keeping it: suggestions and edits can carry
// words of the reply (a phone number it gave), which the table must not
// hold after the call.
func literal(s string) {
	word(uint32(len(s))<<2 | tagLiteral)
	outStrs = append(outStrs, s...)
}

func str(s string) {
	r := &recentStrs[recentSlot(s)]
	if r.ok && r.s == s {
		word(r.id<<2 | tagRef)
		return
	}
	if id, ok := interned[s]; ok {
		*r = recentStr{internedStrs[id], id, true}
		word(id<<2 | tagRef)
		return
	}
	tag := uint32(tagLiteral)
	if len(interned) < maxInterned {
		c, id := strings.Clone(s), uint32(len(interned))
		interned[c] = id
		internedStrs = append(internedStrs, c)
		*r = recentStr{c, id, true}
		tag = tagNew
	}
	word(uint32(len(s))<<2 | tag)
	outStrs = append(outStrs, s...)
}

// finish fills in the header for the words and strings written.
func finish(flags uint32) uint32 {
	if resetPending {
		flags |= flagReset
		resetPending = false
	}
	outHeader = [5]uint32{flags, addr(outWords), uint32(len(outWords)), addr(outStrs), uint32(len(outStrs))}
	return uint32(uintptr(unsafe.Pointer(&outHeader)))
}

// utf16 converts the reply's byte offsets to UTF-16 code units, prepared
// for the reply at the first offset asked (a result with no finding asks
// none); its arrays are kept between checks.
var utf16 struct {
	reply string
	ready bool
	runes text.UTF16Runes
}

func utf16At(b int) uint32 {
	if !utf16.ready {
		utf16.runes.Reset(utf16.reply)
		utf16.ready = true
	}
	return uint32(utf16.runes.At(b))
}

// encodeCompact writes res: findings (rule, category, severity, start, end,
// message, suggestion, edits), the comment (kind, negative, topics) and the
// fingerprint as two words, high first.
func encodeCompact(reply string, res *core.Result) uint32 {
	outWords, outStrs = outWords[:0], outStrs[:0]
	utf16.reply, utf16.ready = reply, false
	word(uint32(len(res.Findings)))
	for i := range res.Findings {
		f := &res.Findings[i]
		str(f.Rule)
		str(string(f.Category))
		str(string(f.Severity))
		word(utf16At(f.Start))
		word(utf16At(f.End))
		str(f.Message)
		if f.Suggestion == "" {
			word(tagAbsent)
		} else {
			literal(f.Suggestion)
		}
		word(uint32(len(f.Edits)))
		for _, ed := range f.Edits {
			word(utf16At(ed.Start))
			word(utf16At(ed.End))
			literal(ed.NewText)
		}
	}
	str(string(res.Comment.Kind))
	negative := uint32(0)
	if res.Comment.Negative {
		negative = 1
	}
	word(negative)
	word(uint32(len(res.Comment.Topics)))
	for _, t := range res.Comment.Topics {
		str(t)
	}
	word(uint32(res.Fingerprint >> 32))
	word(uint32(res.Fingerprint))
	return finish(0)
}

func compactError(msg string) uint32 {
	outWords, outStrs = outWords[:0], outStrs[:0]
	literal(msg)
	return finish(flagError)
}
