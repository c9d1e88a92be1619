//go:build wasip1

package main

import "github.com/replyguard/replyguard/core/bundle"

// verify_bundle checks a signed policy bundle against a public key and the
// serial in force, with the code `replyguard policy verify` runs. It does not
// change the active policy: the host applies the returned policy text with
// set_policy, as it does any other policy.
//
//go:wasmexport verify_bundle
func verifyBundle(ptr, size uint32) uint64 {
	return call(ptr, size, func(in []byte) result { return rawResult(bundle.Check(in)) }, func(msg string) result {
		return rawResult(bundle.AppendResult(nil, nil, &bundle.Error{Kind: bundle.KindFormat, Message: msg}))
	})
}

// rawResult is JSON already written.
type rawResult []byte

func (r rawResult) AppendJSON(b []byte) ([]byte, error) { return append(b, r...), nil }
