//go:build js && wasm

// Command worker is the policy server on Cloudflare Workers: the same
// handler as `replyguard serve` (internal/policyserver), with its data in
// Workers KV (binding POLICIES). Built by ./build.sh worker into
// cmd/worker/build/ and deployed with wrangler (see README.md here).
package main

import (
	"net/http"

	"github.com/replyguard/replyguard/internal/policyserver"
	"github.com/syumai/workers"
)

// binding is the KV namespace's binding name in wrangler.toml.
const binding = "POLICIES"

func main() {
	kv := jsKV{binding: binding}
	workers.Serve(policyserver.New(policyserver.NewKVStore(kv), policyserver.Options{
		// A Worker starts a fresh Go instance per request: failure counts
		// must live in KV to outlast one.
		Limiter:    policyserver.NewKVLimiter(kv),
		ClientAddr: clientAddr,
	}))
}

// clientAddr is the visitor's address as Cloudflare's edge reports it.
func clientAddr(r *http.Request) string {
	if ip := r.Header.Get("CF-Connecting-IP"); ip != "" {
		return ip
	}
	return "unknown"
}
