// Package policyserver is ReplyGuard's policy server: one http.Handler that
// organisations publish signed policy bundles to and staff browsers fetch
// them from. It runs locally over a directory (`replyguard serve`, FileStore)
// and on Cloudflare Workers over Workers KV (cmd/worker, KVStore); only the
// store differs.
//
// API (every error is {"error": "..."}):
//
//	PUT /v1/orgs/{org}/policy           publish token; body: a signed bundle (512 KB at most)
//	                                    -> 200 {"serial": N, "etag": "..."}
//	                                    400 malformed, 401 token, 404 org, 409 serial not above
//	                                    the current one, 413 too large, 422 signature or policy
//	GET /v1/orgs/{org}/policy           read token; the current bundle with ETag and
//	                                    Cache-Control; If-None-Match -> 304
//	GET /v1/orgs/{org}/policy/versions  publish token; serials and times
//	GET /healthz                        {"ok": true}
package policyserver

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"
)

// Errors a Store returns.
var (
	ErrNotFound = errors.New("not found")
	ErrExists   = errors.New("already exists")
	ErrStale    = errors.New("serial not above the current one")
)

// Org is a registered organisation. Tokens are kept only as SHA-256 hashes.
type Org struct {
	Name             string    `json:"name"`
	PublicKey        string    `json:"public_key"` // PEM
	PublishTokenHash string    `json:"publish_token_sha256"`
	ReadTokenHash    string    `json:"read_token_sha256"`
	CreatedAt        time.Time `json:"created_at"`
}

// Version describes one published bundle.
type Version struct {
	Serial      int64     `json:"serial"`
	ETag        string    `json:"etag"`
	KeyID       string    `json:"key_id"`
	IssuedAt    string    `json:"issued_at"`
	PublishedAt time.Time `json:"published_at"`
	Size        int       `json:"size"`
}

// Published is a bundle with its version record; Bundle holds the exact
// bytes that were published (and are served).
type Published struct {
	Version
	Bundle string `json:"bundle"`
}

// Store keeps organisations and their published bundles.
type Store interface {
	Org(ctx context.Context, name string) (*Org, error)          // ErrNotFound
	AddOrg(ctx context.Context, org *Org) error                  // ErrExists
	Current(ctx context.Context, org string) (*Published, error) // ErrNotFound before the first publish
	// Publish makes p current; ErrStale when its serial is not above the
	// current one (checked again here: two publishes may race).
	Publish(ctx context.Context, org string, p *Published) error
	Versions(ctx context.Context, org string) ([]Version, error) // oldest first
}

// ValidOrgName says whether name can name an organisation (it appears in
// URLs, file names and KV keys): 1-63 of a-z, 0-9 and '-', not starting
// with '-'. (No regexp: its start-up cost is paid on every Worker request.)
func ValidOrgName(name string) bool {
	if len(name) == 0 || len(name) > 63 || name[0] == '-' {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Tokens are the two secrets of an organisation, shown once at creation.
type Tokens struct {
	Org     string `json:"org"`
	Publish string `json:"publish_token"`
	Read    string `json:"read_token"`
}

// NewOrg makes an organisation record with fresh tokens.
func NewOrg(name, publicKeyPEM string, now time.Time) (*Org, Tokens, error) {
	if !ValidOrgName(name) {
		return nil, Tokens{}, errors.New("organisation name must be 1-63 lower-case letters, digits or '-', starting with a letter or digit")
	}
	t := Tokens{Org: name, Publish: "rgp_" + randomToken(), Read: "rgr_" + randomToken()}
	return &Org{
		Name:             name,
		PublicKey:        publicKeyPEM,
		PublishTokenHash: HashToken(t.Publish),
		ReadTokenHash:    HashToken(t.Read),
		CreatedAt:        now.UTC(),
	}, t, nil
}

func randomToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand panics rather than return weak bytes)
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken is how a token is stored.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// tokenMatches compares a presented token with a stored hash in constant time.
func tokenMatches(token, hash string) bool {
	got := HashToken(token)
	return subtle.ConstantTimeCompare([]byte(got), []byte(hash)) == 1 && hash != ""
}

// ETag is the strong entity tag of a bundle's bytes.
func ETag(bundle []byte) string {
	sum := sha256.Sum256(bundle)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}
