//go:build wasip1

// Command wasm is ReplyGuard's engine as a WebAssembly module: a thin binding
// over package core, built as a wasip1 reactor to wasm/engine.wasm by
// ./build.sh:
//
//	GOOS=wasip1 GOARCH=wasm go build -buildmode=c-shared -trimpath -ldflags='-s -w' $(build-flags.txt) -o engine.go.wasm ./wasm
//	go run ./cmd/replyguard-wasmjump engine.go.wasm engine.jmp.wasm
//	node node_modules/binaryen/bin/wasm-opt $(wasm-opt-flags.txt) engine.jmp.wasm -o engine.opt.wasm
//	node scripts/pack-data.mjs engine.opt.wasm wasm/engine.wasm
//
// replyguard-wasmjump (internal/wasmjump) turns Go's jumps to a later basic
// block of the same function, which go through the function's dispatch
// loop and br_table, into direct branches where the bytes prove the target;
// V8 then runs fewer instructions per check and wasm-opt finds more to fold.
//
// pack-data stores the Go runtime's function lookup table (tens of
// thousands of 2-byte data segments) as one passive segment that a start
// function scatters into place at instantiation, before _initialize: the
// memory the runtime starts with is byte for byte the same (the script
// instantiates both modules and compares), and the module is ~280 KB smaller;
// the entries count (entry k holds k >> 4: a function spans 16 buckets),
// so the start function computes them and stores none (~79 KB more).
// It also shortens the runtime's function and file name tables in place,
// which only tracebacks print: a name loses its import path up to the
// package's last element and a generic's type arguments
// ("hipaa.(*phiPass).nameHits", "slices.Insert[...]", "hipaa/frames.go"),
// names the runtime itself tests (runtime., reflect., internal/runtime/)
// stay whole, and the freed bytes are zeros that need no data segment
// (~42 KB). And it drops the pc-value tables of source files and lines
// (pcfile, pcln), the compilation unit table and the file names, which
// only funcline1 reads, to print a frame's file and line: each function
// record's two offsets become 0 ("no table"), tracebacks print "?:0" after
// the function's name and pc offset, and the stack pointer and pcdata tables
// the runtime reads to grow, copy and scan stacks keep every byte, moved
// together with the records' offsets to them rewritten (~190 KB), and the
// records' cuOffset and startLine become zeros (~17 KB). Last, it drops the
// inline trees and the pcdata tables that index them, which only the
// inline unwinder reads (tracebacks, Callers and Frames, profiles, and
// recover's frame count, where they change nothing: a function calling
// recover is never inlined): each record's tree offset becomes ^0 ("no
// tree"), and a traceback names the function a pc is in without the calls
// inlined there (~206 KB). The comparison allows exactly those
// differences, and checks the records and the pcsp and pcdata tables
// (decoded where they were and where they are) on its own. Then every
// other data segment goes into that passive segment as one stream the
// start function writes out in address order: zeros skipped (a run of two
// or more), the bytes between stored, or copied from earlier memory when
// they repeat it (LZ77 back-references: Go's type descriptors, function
// records and stack maps repeat a great deal): ~259 KB, where ~9,500 active
// segments had cost ~7 bytes of header each and carried every repeat. The
// same comparison checks the result.
//
// The browser extension (extension/engine/engine.js) and the Go tests
// (wasm/wasmhost, through wazero) load this same file. It holds no logic of
// its own: it moves requests and results between the host and core.
//
// # ABI (version 2)
//
// A host instantiates the module with the WASI preview-1 imports (no files, no
// preopens: only clocks, random and stdio are used), calls _initialize once,
// then the exports below. All pointers and lengths are byte offsets into the
// module's exported memory; the host must re-read memory after every call
// because the memory may have grown. The environment should hold
// GOGC=200, GOMEMLIMIT=24MiB and GODEBUG=gcstoptheworld=1 (the Go runtime's
// GC settings: with one thread, a concurrent collection's mark phase spans
// ~1,000 checks that each pay write barriers and assists; stopping the
// world finishes it inside one call); extension/engine/engine.js and
// wasm/wasmhost pass them.
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
// The compact check (version 2) is what engine.js uses for every request it
// can carry; it copies no JSON either way and reuses its buffers:
//
//	input(size u32) -> ptr u32
//	    Returns the module's input buffer, grown to at least size bytes (0
//	    when size is 0 or larger than 16 MiB). It stays valid until the next
//	    input call; the host may keep writing requests into it.
//	check_compact(text u32, comment u32, platform u32, recent u32, known u32) -> ptr u32
//	    Checks the request in the input buffer: text bytes of UTF-8 reply,
//	    then comment bytes of comment, then recent fingerprints of exactly 16
//	    hex digits each. platform: 0 default, 1 facebook, 2 instagram, plus
//	    4 when the reply is a private message ("private": true). known
//	    is how many strings the host's table holds (see below). Returns the
//	    address of a header of five u32: flags (1 error, 2 the string table
//	    restarted: clear yours before reading), the address and count of the
//	    result's u32 words, and the address and length of its string bytes.
//	    The result stays valid until the next call.
//
// The words of a result, in order: the number of findings; per finding
// rule, category, severity (strings), start, end (UTF-16 code units),
// message, suggestion (strings), the number of edits and per edit start,
// end, new_text; then the comment's kind (string), negative (0 or 1), the
// number of topics and each topic (string); then the fingerprint as two
// words, high first. An error result holds one string, the message. A
// string is one word: its low two bits say 0 the string numbered word>>2 in
// the host's table; 1 a new string of word>>2 bytes, read from the string
// bytes in order and appended to the table; 2 such a string not appended;
// 3 no value (an omitted suggestion). Suggestions, edit texts and error
// messages are never added to the table (they can carry words of the
// reply), and the input buffer is zeroed once read. The module keeps the
// same table (up to 4,096 strings, then both start again) and starts again
// whenever known differs from its own count, so a host that lost track
// passes 0.
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
// "recent"?: ["16 hex digits", ...], "private"?: true|false}.
//
// Bad input never traps the module: invalid JSON, invalid UTF-8, a zero or
// oversized length, an unknown pointer or a bad policy give an error result,
// and panics are recovered at the export boundary into error results. Reply
// text is never logged or kept once a call returns.
package main
