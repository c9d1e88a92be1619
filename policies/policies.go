// Package policies holds the policy JSON Schema and the default policy so
// the engine, the CLI and the wasm module all carry the same copies. The
// .json files are the source; policies_gen.go carries them as Go strings
// (see gen_test.go).
package policies
