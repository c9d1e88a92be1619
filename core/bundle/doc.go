// Package bundle reads, checks and writes signed policy bundles: the form in
// which a manager distributes a ReplyGuard policy to staff browsers.
//
// A bundle is a JSON object with exactly these fields:
//
//	{
//	  "format":    "replyguard-policy-bundle/1",
//	  "key_id":    "9f3c0a5e2b7d1c44",          // 16 hex digits, see KeyID
//	  "issued_at": "2026-12-03T07:40:00Z",      // UTC, whole seconds
//	  "serial":    1764747600,                  // 1 .. 2^53-1, only ever grows
//	  "policy":    { ... a ReplyGuard policy ... },
//	  "signature": "base64 (standard, padded) of the 64-byte Ed25519 signature"
//	}
//
// The signature covers the canonical encoding of the object without its
// "signature" field: JSON with object keys in byte order, no insignificant
// white space, strings escaped only where JSON requires it (", \ and control
// characters; \b \f \n \r \t in short form, others as \u00XX), integers as
// written and other numbers in Go's shortest 'g' form. Any byte-level
// reformatting of a bundle (pretty printing, key order) therefore keeps its
// signature; any change of a value breaks it. Duplicate keys and unknown
// fields are refused, so nothing unsigned can ride along.
//
// The package is pure Go with no encoding/json, fmt or crypto/* imports, so
// the very same code verifies bundles natively (CLI, policy server) and inside
// engine.wasm: SHA-512 is written here (sha512.go) and the curve arithmetic
// comes from filippo.io/edwards25519, which adds about 0.1 MB to the module
// where crypto/ed25519 would add 0.64 MB.
package bundle
