package wasmhost

import (
	"crypto/ed25519"
	"encoding/json"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core/bundle"
)

// TestVerifyBundleParity: engine.wasm's verify_bundle answers exactly what
// the native code (the CLI's and the server's) answers, for good and bad
// bundles alike.
func TestVerifyBundleParity(t *testing.T) {
	e := newTestEngine(t)
	priv := ed25519.NewKeyFromSeed(make([]byte, 32))
	pub := bundle.PublicKey(priv.Public().(ed25519.PublicKey))
	other := bundle.PublicKey(ed25519.NewKeyFromSeed([]byte(strings.Repeat("k", 32))).Public().(ed25519.PublicKey))
	signed := func(policy string, serial int64) string {
		u, msg, err := bundle.Prepare(pub, []byte(policy), serial, "2026-12-03T10:42:00Z")
		if err != nil {
			t.Fatal(err)
		}
		return string(u.Encode(ed25519.Sign(priv, msg)))
	}
	good := signed(`{"name": "Riverside Family Dental", "version": "7", "response_window": {"hours": 4}}`, 14)
	request := func(b string, key bundle.PublicKey, inForce int) []byte {
		out, _ := json.Marshal(map[string]any{"bundle": b, "public_key": bundle.EncodePublicKey(key), "serial_in_force": inForce})
		return out
	}
	cases := []struct {
		name string
		req  []byte
		ok   bool
		kind string
	}{
		{"valid", request(good, pub, 13), true, ""},
		{"tampered", request(strings.Replace(good, `"hours":4`, `"hours":9`, 1), pub, 0), false, "signature"},
		{"other key", request(good, other, 0), false, "key_id"},
		{"same serial", request(good, pub, 14), false, "serial"},
		{"invalid policy", request(signed(`{"rules": {"length": {"facebook": {"max_words": 0}}}}`, 3), pub, 0), false, "policy"},
		{"not a bundle", request(`{"name": "x"}`, pub, 0), false, "format"},
		{"bad key", []byte(`{"bundle": "{}", "public_key": "nope"}`), false, "key"},
		{"bad request", []byte(`{"bundle": 5}`), false, "format"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := e.VerifyBundle(c.req)
			if err != nil {
				t.Fatal(err)
			}
			if want := bundle.Check(c.req); string(got) != string(want) {
				t.Fatalf("engine.wasm:\n%s\nnative:\n%s", got, want)
			}
			var res struct {
				OK     bool   `json:"ok"`
				Kind   string `json:"kind"`
				Serial int64  `json:"serial"`
				Name   string `json:"name"`
				Policy string `json:"policy"`
			}
			if err := json.Unmarshal(got, &res); err != nil {
				t.Fatalf("%s: %v", got, err)
			}
			if res.OK != c.ok || res.Kind != c.kind {
				t.Fatalf("got ok=%v kind=%q, want ok=%v kind=%q: %s", res.OK, res.Kind, c.ok, c.kind, got)
			}
			if c.ok && (res.Serial != 14 || res.Name != "Riverside Family Dental" || !json.Valid([]byte(res.Policy))) {
				t.Fatalf("answer %s", got)
			}
		})
	}
	if err := e.SetPolicy([]byte(`{"name": "after"}`)); err != nil {
		t.Fatalf("the engine is unusable after verify_bundle: %v", err)
	}
}
