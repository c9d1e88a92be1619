//go:build wasip1

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
	"unsafe"
)

// maxBuffer bounds one request or policy; far above a 20,000-character paste.
const maxBuffer = 16 << 20

// buffers keeps every buffer handed to the host reachable (the GC must not
// reclaim memory the host is writing or reading), keyed by its address.
var buffers = map[uint32][]byte{}

type errorResult struct {
	Error string `json:"error"`
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
	return call(ptr, size, setPolicyJSON, func(msg string) any { return policyFailure(errors.New(msg)) })
}

//go:wasmexport version
func version() (packed uint64) {
	defer recoverInto(&packed, checkFailure)
	return result(versionInfo())
}

func checkFailure(msg string) any { return errorResult{msg} }

// recoverInto turns a panic into the error result fail builds: defence in
// depth, so that no input can trap the module.
func recoverInto(packed *uint64, fail func(string) any) {
	if r := recover(); r != nil {
		*packed = result(fail(fmt.Sprintf("internal error: %v", r)))
	}
}

// call takes the input buffer (consuming it), runs fn and packs its JSON
// result. Bad input, and any panic, becomes the JSON that fail builds.
func call(ptr, size uint32, fn func([]byte) any, fail func(string) any) (packed uint64) {
	defer recoverInto(&packed, fail)
	in, ok := buffers[ptr]
	delete(buffers, ptr)
	switch {
	case size == 0:
		return result(fail("input: empty"))
	case !ok:
		return result(fail(fmt.Sprintf("input: unknown buffer %#x (use alloc)", ptr)))
	case size > uint32(len(in)):
		return result(fail(fmt.Sprintf("input: length %d exceeds the buffer's %d bytes", size, len(in))))
	case !utf8.Valid(in[:size]):
		return result(fail("input: invalid UTF-8"))
	}
	return result(fn(in[:size]))
}

// result encodes v and hands the bytes to the host as ptr<<32 | len.
func result(v any) uint64 {
	out, err := json.Marshal(v)
	if err != nil {
		out, _ = json.Marshal(errorResult{"encoding result: " + err.Error()})
	}
	return uint64(keep(out))<<32 | uint64(len(out))
}

func keep(b []byte) uint32 {
	ptr := uint32(uintptr(unsafe.Pointer(unsafe.SliceData(b))))
	buffers[ptr] = b
	return ptr
}
