// Package policies embeds the policy JSON Schema and the default policy so
// the engine, the CLI and the wasm module all carry the same copies.
package policies

import _ "embed"

// Schema is policies/policy.schema.json.
//
//go:embed policy.schema.json
var Schema []byte

// Default is the policy used when a practice has not configured one.
//
//go:embed default.json
var Default []byte
