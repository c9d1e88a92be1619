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
// "signature" field: {"format":…,"issued_at":…,"key_id":…,"policy":…,"serial":…}
// with the policy written by jsonschema.Encode, the engine's own policy
// writer: compact, object keys sorted, strings escaped as encoding/json
// escapes them, integral numbers as plain integers (6.0 becomes 6) and other
// numbers as written. Reformatting a bundle (indentation, key order, escapes)
// therefore keeps its signature; changing any value breaks it. Duplicate keys
// and unknown fields are refused, so nothing unsigned can ride along. The
// key id is the hex of the first 8 bytes of the SHA-512 of the raw 32-byte
// public key. TestCanonicalEncoding pins the encoding: a change there would
// void every bundle ever signed.
//
// The package is pure Go with no encoding/json, fmt, reflect or crypto/*
// imports, so the very same code verifies bundles natively (CLI, policy
// server) and inside engine.wasm: SHA-512 (sha512.go) and Ed25519
// verification (ed25519.go, RFC 8032, tested against crypto/ed25519) are
// written here because crypto/ed25519 would add 0.64 MB to the module and
// filippo.io/edwards25519 would link reflect; they add about 86 KB. Signing
// needs the private key and happens only in the CLI, with crypto/ed25519.
package bundle
