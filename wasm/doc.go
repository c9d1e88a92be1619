//go:build wasip1

// Command wasm is ReplyGuard's engine as a WebAssembly module: a thin binding
// over package core, built as a wasip1 reactor to wasm/engine.wasm by
// ./build.sh:
//
//	GOOS=wasip1 GOARCH=wasm go build -buildmode=c-shared -trimpath -ldflags='-s -w' -o wasm/engine.wasm ./wasm
//
// The browser extension (extension/engine/engine.js) and the Go tests
// (wasm/wasmhost, through wazero) load this same file. It holds no logic of
// its own: it moves JSON between the host and core.
//
// # ABI (version 1)
//
// A host instantiates the module with the WASI preview-1 imports (no files, no
// preopens: only clocks, random and stdio are used), calls _initialize once,
// then the exports below. All pointers and lengths are byte offsets into the
// module's exported memory; the host must re-read memory after every call
// because the memory may have grown.
//
//	alloc(size u32) -> ptr u32
//	    Reserves size bytes for the host to write a request into. Returns 0
//	    when size is 0 or larger than 16 MiB.
//	free(ptr u32)
//	    Releases a buffer from alloc or a result. Unknown pointers are ignored.
//	check(ptr u32, len u32) -> u64
//	    Checks one request with the active policy. The input buffer is consumed
//	    (freed) whatever the outcome.
//	set_policy(ptr u32, len u32) -> u64
//	    Replaces the active policy. The input buffer is consumed. On failure
//	    the previous policy stays active.
//	version() -> u64
//	    Describes the module and the active policy.
//	live_buffers() -> u32
//	    How many buffers are allocated and not yet freed (for leak tests).
//	verify_bundle(ptr u32, len u32) -> u64
//	    Verifies a signed policy bundle (core/bundle, the code `replyguard
//	    policy verify` runs); the active policy is not changed. Input:
//	    {"bundle": "<text>", "public_key": "<PEM>", "serial_in_force": N}.
//
// Every u64 result packs a result buffer as ptr<<32 | len; the buffer holds
// UTF-8 JSON and must be released with free(ptr). Results are:
//
//	check:      core.Response — {"id"?, "findings": [{"rule", "category",
//	            "severity", "start", "end", "message", "suggestion"?,
//	            "edits"?: [{"start", "end", "new_text"}]}],
//	            "comment": {"kind", "negative", "topics"}, "fingerprint"}
//	            with start/end in UTF-16 code units of the request's text,
//	            or {"error": "..."}.
//	set_policy: {"ok": true, "name", "version"} or
//	            {"ok": false, "errors": [{"path", "message"}]}.
//	version:    {"abi": 1, "go": "go1.26.x", "policy": {"name", "version"}}.
//	verify_bundle: {"ok": true, "key_id", "serial", "issued_at", "name",
//	            "version", "policy": "<canonical policy JSON>"} or
//	            {"ok": false, "kind", "path", "error"}.
//
// A check request is core.Request, the same shape as the CLI's JSONL lines:
// {"id"?, "text", "comment"?, "platform"?: "facebook"|"instagram",
// "recent"?: ["16 hex digits", ...]}.
//
// Bad input never traps the module: invalid JSON, invalid UTF-8, a zero or
// oversized length, an unknown pointer or a bad policy give an error result,
// and panics are recovered at the export boundary into error results. Reply
// text is never logged or kept once a call returns.
package main
