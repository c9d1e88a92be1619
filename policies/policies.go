// Package policies holds the policy JSON Schema and the default policy so
// the engine, the CLI and the wasm module all carry the same copies. The
// .json files are the source; policies_gen.go carries them deflated, as Go
// strings (see gen_test.go).
package policies

import "github.com/replyguard/replyguard/internal/inflate"

var (
	// Schema is policies/policy.schema.json.
	Schema = unpack(schemaPacked)
	// Default is the policy used when a practice has not configured one
	// (policies/default.json).
	Default = unpack(defaultPacked)
)

func unpack(z string) []byte {
	s, err := inflate.String(z)
	if err != nil {
		panic("policies: packed file: " + err.Error())
	}
	return []byte(s)
}
