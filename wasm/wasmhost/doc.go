// Package wasmhost runs wasm/engine.wasm, the module the browser extension
// ships, in Go through wazero. It offers the same Check and SetPolicy as the
// native engine, so the CLI (--engine wasm) and the parity tests can run the
// very file the browser loads. The ABI it speaks is documented in wasm/doc.go.
package wasmhost
