package workerd

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/replyguard/replyguard/internal/policyserver"
	"github.com/replyguard/replyguard/internal/policyserver/policytest"
)

// TestWorkerUnderWorkerd runs the real Worker (GOOS=js, syumai/workers,
// KV through safejs) in workerd on loopback.
func TestWorkerUnderWorkerd(t *testing.T) {
	w := Start(t)
	signer := policytest.NewSigner("worker")
	org, tokens, err := policyserver.NewOrg("riverside", signer.PublicPEM(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	// Seed the org record as `wrangler kv key put org/riverside` would.
	rec, _ := json.Marshal(org)
	w.KV.Put(context.Background(), policyserver.OrgKey("riverside"), string(rec), 0)

	do := func(method, path, token, body string, headers ...string) (int, http.Header, string) {
		t.Helper()
		req, _ := http.NewRequest(method, w.URL+path, strings.NewReader(body))
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		for i := 0; i+1 < len(headers); i += 2 {
			req.Header.Set(headers[i], headers[i+1])
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		data, _ := io.ReadAll(res.Body)
		if res.StatusCode >= 400 && (!strings.HasPrefix(string(data), `{"error":`) || strings.Contains(string(data), token) && token != "") {
			t.Fatalf("%s %s: error body %q", method, path, data)
		}
		return res.StatusCode, res.Header, string(data)
	}
	const path = "/v1/orgs/riverside/policy"

	b7 := string(signer.Sign(t, policytest.Policy("Riverside Family Dental"), 7))
	code, _, body := do("PUT", path, tokens.Publish, b7)
	if code != 200 || !strings.Contains(body, `"serial":7`) {
		t.Fatalf("publish: %d %s", code, body)
	}
	code, h, body := do("GET", path, tokens.Read, "")
	if code != 200 || body != b7 || h.Get("ETag") == "" || !strings.Contains(h.Get("Cache-Control"), "no-cache") {
		t.Fatalf("fetch: %d %q %q", code, h.Get("ETag"), body)
	}
	if code, _, body := do("GET", path, tokens.Read, "", "If-None-Match", h.Get("ETag")); code != 304 || body != "" {
		t.Fatalf("If-None-Match: %d %q", code, body)
	}
	tampered := strings.Replace(string(signer.Sign(t, policytest.Policy("Riverside"), 8)), `"hours":4`, `"hours":6`, 1)
	if code, _, body := do("PUT", path, tokens.Publish, tampered); code != 422 || !strings.Contains(body, "signature") {
		t.Fatalf("tampered: %d %s", code, body)
	}
	if code, _, _ := do("PUT", path, tokens.Publish, b7); code != 409 {
		t.Fatalf("same serial: %d", code)
	}
	if code, _, body := do("GET", path, "rgr_wrong", ""); code != 401 || !strings.Contains(body, "wrong token") {
		t.Fatalf("wrong token: %d %s", code, body)
	}
	if code, _, _ := do("PUT", path, tokens.Read, b7); code != 401 {
		t.Fatalf("read token publishing: %d", code)
	}
	if code, _, _ := do("GET", "/v1/orgs/nobody/policy", tokens.Read, ""); code != 404 {
		t.Fatalf("unknown org: %d", code)
	}
	// Failures are counted in KV (per CF-Connecting-IP; "unknown" on loopback).
	if _, ok, _ := w.KV.Get(context.Background(), "fail/unknown"); !ok {
		t.Fatal("authentication failures were not recorded in KV")
	}
	// Still serving serial 7.
	if code, _, body := do("GET", path, tokens.Read, ""); code != 200 || body != b7 {
		t.Fatalf("after refusals: %d", code)
	}
	code, _, body = do("GET", path+"/versions", tokens.Publish, "")
	if code != 200 || !strings.Contains(body, `"serial":7`) {
		t.Fatalf("versions: %d %s", code, body)
	}
}
