//go:build wasip1

package main

import (
	"errors"
	"strconv"
	"unicode/utf8"
	"unsafe"

	"github.com/replyguard/replyguard/internal/jsonlite"
)

// maxBuffer bounds one request or policy; far above a 20,000-character paste.
const maxBuffer = 16 << 20

// buffers keeps every buffer handed to the host reachable (the GC must not
// reclaim memory the host is writing or reading), keyed by its address.
var buffers = map[uint32][]byte{}

// result is a call's answer; it writes its own JSON, byte for byte what
// json.Marshal wrote before (encoding/json, with fmt and reflect, would
// add about 1.3 MB to the module).
type result interface {
	AppendJSON(b []byte) ([]byte, error)
}

type errorResult struct {
	Error string
}

// AppendJSON writes {"error": "..."}.
func (r errorResult) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"error":`...)
	b = jsonlite.AppendString(b, r.Error)
	return append(b, '}'), nil
}

//go:wasmexport alloc
func alloc(size uint32) uint32 {
	if size == 0 || size > maxBuffer {
		return 0
	}
	return keep(make([]byte, size))
}

//go:wasmexport free
func free(ptr uint32) {
	delete(buffers, ptr)
}

//go:wasmexport live_buffers
func liveBuffers() uint32 {
	return uint32(len(buffers))
}

//go:wasmexport check
func check(ptr, size uint32) uint64 {
	return call(ptr, size, checkJSON, checkFailure)
}

//go:wasmexport set_policy
func setPolicy(ptr, size uint32) uint64 {
	return call(ptr, size, setPolicyJSON, func(msg string) result { return policyFailure(errors.New(msg)) })
}

//go:wasmexport version
func version() (packed uint64) {
	defer recoverInto(&packed, checkFailure)
	return pack(versionInfo())
}

func checkFailure(msg string) result { return errorResult{msg} }

// recoverInto turns a panic into the error result fail builds: defence in
// depth, so that no input can trap the module.
func recoverInto(packed *uint64, fail func(string) result) {
	if r := recover(); r != nil {
		*packed = pack(fail("internal error: " + panicText(r)))
	}
}

// panicText is fmt's %v for the values code panics with.
func panicText(r any) string {
	switch x := r.(type) {
	case error:
		return x.Error()
	case interface{ String() string }:
		return x.String()
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	}
	return "(unprintable panic value)"
}

// call takes the input buffer (consuming it), runs fn and packs its JSON
// result. Bad input, and any panic, becomes the JSON that fail builds.
func call(ptr, size uint32, fn func([]byte) result, fail func(string) result) (packed uint64) {
	defer recoverInto(&packed, fail)
	in, ok := buffers[ptr]
	delete(buffers, ptr)
	switch {
	case size == 0:
		return pack(fail("input: empty"))
	case !ok:
		return pack(fail("input: unknown buffer 0x" + strconv.FormatUint(uint64(ptr), 16) + " (use alloc)"))
	case size > uint32(len(in)):
		return pack(fail("input: length " + strconv.FormatUint(uint64(size), 10) + " exceeds the buffer's " + strconv.Itoa(len(in)) + " bytes"))
	case !utf8.Valid(in[:size]):
		return pack(fail("input: invalid UTF-8"))
	}
	return pack(fn(in[:size]))
}

// pack encodes r and hands the bytes to the host as ptr<<32 | len.
func pack(r result) uint64 {
	out, err := r.AppendJSON(nil)
	if err != nil {
		out, _ = errorResult{"encoding result: " + err.Error()}.AppendJSON(nil)
	}
	return uint64(keep(out))<<32 | uint64(len(out))
}

func keep(b []byte) uint32 {
	ptr := uint32(uintptr(unsafe.Pointer(unsafe.SliceData(b))))
	buffers[ptr] = b
	return ptr
}
