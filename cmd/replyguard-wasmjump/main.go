// Command replyguard-wasmjump rewrites Go's indirect jumps in a wasm module
// into direct branches (package internal/wasmjump). build.sh and the tests'
// rebuild run it between `go build` and wasm-opt:
//
//	go run ./cmd/replyguard-wasmjump in.wasm out.wasm
package main

import (
	"fmt"
	"os"

	"github.com/replyguard/replyguard/internal/wasmjump"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: replyguard-wasmjump in.wasm out.wasm")
		os.Exit(2)
	}
	in, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, st, err := wasmjump.Rewrite(in)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(os.Args[2], out, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "   wasmjump: %d of %d jumps direct in %d of %d functions\n", st.Rewritten, st.Jumps, st.Dispatched, st.Funcs)
}
