// Package policytest signs bundles for the policy server's tests and load
// benchmark.
package policytest

import (
	"crypto/ed25519"
	"crypto/sha256"
	"testing"
	"time"

	"github.com/replyguard/replyguard/core/bundle"
)

// Signer holds a deterministic key pair (from a seed word).
type Signer struct {
	Priv ed25519.PrivateKey
	Pub  bundle.PublicKey
}

// NewSigner derives a key pair from seed.
func NewSigner(seed string) *Signer {
	s := sha256.Sum256([]byte(seed))
	priv := ed25519.NewKeyFromSeed(s[:])
	return &Signer{Priv: priv, Pub: bundle.PublicKey(priv.Public().(ed25519.PublicKey))}
}

// PublicPEM is the public key as `policy keygen` writes it.
func (s *Signer) PublicPEM() string { return bundle.EncodePublicKey(s.Pub) }

// Sign makes a bundle of policy (JSON) with the given serial.
func (s *Signer) Sign(t testing.TB, policy string, serial int64) []byte {
	t.Helper()
	u, msg, err := bundle.Prepare(s.Pub, []byte(policy), serial, time.Now().UTC().Format("2006-01-02T15:04:05Z"))
	if err != nil {
		t.Fatal(err)
	}
	return u.Encode(ed25519.Sign(s.Priv, msg))
}

// Policy is a small valid policy named name.
func Policy(name string) string {
	return `{"name": "` + name + `", "version": "1", "response_window": {"hours": 4}}`
}
