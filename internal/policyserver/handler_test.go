package policyserver

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/replyguard/replyguard/internal/policyserver/policytest"
)

// Every handler test runs on both stores: the one `replyguard serve` uses
// and the one the Worker uses (over an in-memory KV here; the Worker test
// runs it over real Workers KV bindings in workerd).
var storeKinds = map[string]func(t *testing.T) Store{
	"file": func(t *testing.T) Store {
		s, err := NewFileStore(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		return s
	},
	"kv": func(t *testing.T) Store { return NewKVStore(NewMemoryKV()) },
}

func eachStore(t *testing.T, test func(t *testing.T, store Store)) {
	for name, mk := range storeKinds {
		t.Run(name, func(t *testing.T) { test(t, mk(t)) })
	}
}

type fixture struct {
	t      *testing.T
	h      http.Handler
	signer *policytest.Signer
	tokens Tokens
	sleeps []time.Duration
	mu     sync.Mutex
}

func newFixture(t *testing.T, store Store) *fixture {
	f := &fixture{t: t, signer: policytest.NewSigner("riverside")}
	org, tokens, err := NewOrg("riverside", f.signer.PublicPEM(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := store.AddOrg(context.Background(), org); err != nil {
		t.Fatal(err)
	}
	f.tokens = tokens
	f.h = New(store, Options{Sleep: func(_ context.Context, d time.Duration) {
		f.mu.Lock()
		f.sleeps = append(f.sleeps, d)
		f.mu.Unlock()
	}})
	return f
}

type reply struct {
	code int
	h    http.Header
	body string
	json map[string]any
}

func (f *fixture) do(method, path, token, body string, headers ...string) reply {
	f.t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.RemoteAddr = "192.0.2.7:5555"
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	res := rec.Result()
	data, _ := io.ReadAll(res.Body)
	r := reply{code: res.StatusCode, h: res.Header, body: string(data)}
	if res.StatusCode >= 400 {
		// Every error is JSON {"error": "..."} and never repeats a token.
		if err := json.Unmarshal(data, &r.json); err != nil || r.json["error"] == nil || res.Header.Get("Content-Type") != "application/json" {
			f.t.Fatalf("%s %s: %d error body is not JSON {\"error\"}: %q", method, path, res.StatusCode, data)
		}
		for _, tok := range []string{f.tokens.Publish, f.tokens.Read, token} {
			if tok != "" && strings.Contains(string(data), tok) {
				f.t.Fatalf("%s %s: error echoes a token: %s", method, path, data)
			}
		}
	} else if strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") && method != http.MethodGet {
		json.Unmarshal(data, &r.json)
	}
	return r
}

const policyPath = "/v1/orgs/riverside/policy"

func TestPublishAndFetch(t *testing.T) {
	eachStore(t, func(t *testing.T, store Store) {
		f := newFixture(t, store)
		if r := f.do("GET", policyPath, f.tokens.Read, ""); r.code != 404 {
			t.Fatalf("before publishing: %d %s", r.code, r.body)
		}
		b5 := string(f.signer.Sign(t, policytest.Policy("Riverside Family Dental"), 5))
		r := f.do("PUT", policyPath, f.tokens.Publish, b5)
		if r.code != 200 || r.json["serial"] != float64(5) || r.json["etag"] == "" {
			t.Fatalf("publish: %d %s", r.code, r.body)
		}
		etag := r.json["etag"].(string)

		g := f.do("GET", policyPath, f.tokens.Read, "")
		if g.code != 200 || g.body != b5 || g.h.Get("ETag") != etag || !strings.Contains(g.h.Get("Cache-Control"), "no-cache") {
			t.Fatalf("fetch: %d etag %q cache %q", g.code, g.h.Get("ETag"), g.h.Get("Cache-Control"))
		}
		if nm := f.do("GET", policyPath, f.tokens.Read, "", "If-None-Match", etag); nm.code != 304 || nm.body != "" || nm.h.Get("ETag") != etag {
			t.Fatalf("If-None-Match: %d %q", nm.code, nm.body)
		}
		if nm := f.do("GET", policyPath, f.tokens.Read, "", "If-None-Match", `"other"`); nm.code != 200 {
			t.Fatalf("stale If-None-Match: %d", nm.code)
		}

		// A newer bundle replaces it; the old ETag no longer matches.
		b9 := string(f.signer.Sign(t, policytest.Policy("Riverside v9"), 9))
		if r := f.do("PUT", policyPath, f.tokens.Publish, b9); r.code != 200 {
			t.Fatalf("publish 9: %d %s", r.code, r.body)
		}
		if g := f.do("GET", policyPath, f.tokens.Read, "", "If-None-Match", etag); g.code != 200 || g.body != b9 {
			t.Fatalf("after 9: %d", g.code)
		}

		v := f.do("GET", policyPath+"/versions", f.tokens.Publish, "")
		var vs struct {
			Versions []Version `json:"versions"`
		}
		if v.code != 200 || json.Unmarshal([]byte(v.body), &vs) != nil || len(vs.Versions) != 2 || vs.Versions[0].Serial != 5 || vs.Versions[1].Serial != 9 || vs.Versions[1].PublishedAt.IsZero() {
			t.Fatalf("versions: %d %s", v.code, v.body)
		}
		if g.h.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(g.h.Get("Access-Control-Expose-Headers"), "ETag") {
			t.Fatalf("CORS headers: %v", g.h)
		}
		if p := f.do("OPTIONS", policyPath, "", "", "Origin", "chrome-extension://x", "Access-Control-Request-Headers", "authorization"); p.code != 204 || !strings.Contains(p.h.Get("Access-Control-Allow-Headers"), "Authorization") {
			t.Fatalf("preflight: %d %v", p.code, p.h)
		}
		if h := f.do("GET", "/healthz", "", ""); h.code != 200 || !strings.Contains(h.body, `"ok":true`) {
			t.Fatalf("healthz: %d %s", h.code, h.body)
		}
	})
}

func TestRefusals(t *testing.T) {
	eachStore(t, func(t *testing.T, store Store) {
		f := newFixture(t, store)
		good := string(f.signer.Sign(t, policytest.Policy("Riverside"), 10))
		if r := f.do("PUT", policyPath, f.tokens.Publish, good); r.code != 200 {
			t.Fatalf("publish: %d %s", r.code, r.body)
		}
		other := policytest.NewSigner("someone else")
		cases := []struct {
			name, method, path, token, body string
			code                            int
			says                            string
		}{
			{"no token", "GET", policyPath, "", "", 401, "missing bearer token"},
			{"wrong token", "GET", policyPath, "rgr_guess", "", 401, "wrong token"},
			{"publish token cannot read", "GET", policyPath, f.tokens.Publish, "", 401, "read token"},
			{"read token cannot publish", "PUT", policyPath, f.tokens.Read, good, 401, "publish token"},
			{"read token cannot list", "GET", policyPath + "/versions", f.tokens.Read, "", 401, "publish token"},
			{"unknown org", "GET", "/v1/orgs/nobody/policy", f.tokens.Read, "", 404, "no such organisation"},
			{"bad org name", "GET", "/v1/orgs/No..Body/policy", f.tokens.Read, "", 404, ""},
			{"same serial", "PUT", policyPath, f.tokens.Publish, good, 409, "serial"},
			{"lower serial", "PUT", policyPath, f.tokens.Publish, string(f.signer.Sign(t, policytest.Policy("old"), 3)), 409, "not above"},
			{"tampered", "PUT", policyPath, f.tokens.Publish, strings.Replace(string(f.signer.Sign(t, policytest.Policy("Riverside"), 11)), `"hours":4`, `"hours":5`, 1), 422, "signature"},
			{"other key", "PUT", policyPath, f.tokens.Publish, string(other.Sign(t, policytest.Policy("Riverside"), 12)), 422, "key_id"},
			{"invalid policy", "PUT", policyPath, f.tokens.Publish, string(f.signer.Sign(t, `{"rules": {"length": {"facebook": {"max_words": 0}}}}`, 13)), 422, "policy.rules.length.facebook.max_words"},
			{"not JSON", "PUT", policyPath, f.tokens.Publish, "{{", 400, "format"},
			{"unsigned policy", "PUT", policyPath, f.tokens.Publish, policytest.Policy("x"), 400, "format"},
			{"too large", "PUT", policyPath, f.tokens.Publish, strings.Repeat(" ", MaxBundleBytes+1), 413, "larger than 512 KB"},
			{"method", "DELETE", policyPath, f.tokens.Publish, "", 405, "method not allowed"},
			{"no endpoint", "GET", "/v2/x", "", "", 404, "no such endpoint"},
		}
		for _, c := range cases {
			r := f.do(c.method, c.path, c.token, c.body)
			if r.code != c.code || !strings.Contains(r.json["error"].(string), c.says) {
				t.Errorf("%s: %d %s, want %d containing %q", c.name, r.code, r.body, c.code, c.says)
			}
		}
		// Still serving serial 10.
		if g := f.do("GET", policyPath, f.tokens.Read, ""); g.code != 200 || g.body != good {
			t.Fatalf("after refusals: %d", g.code)
		}
	})
}

// Repeated authentication failures from one address are slowed, doubling.
func TestRepeatedFailuresAreSlowed(t *testing.T) {
	eachStore(t, func(t *testing.T, store Store) {
		f := newFixture(t, store)
		for range 6 {
			f.do("GET", policyPath, "rgr_wrong", "")
		}
		want := []time.Duration{250 * time.Millisecond, 500 * time.Millisecond, time.Second}
		if len(f.sleeps) != len(want) {
			t.Fatalf("sleeps %v, want %v", f.sleeps, want)
		}
		for i := range want {
			if f.sleeps[i] != want[i] {
				t.Fatalf("sleeps %v, want %v", f.sleeps, want)
			}
		}
		// The right token is still accepted (after the wait).
		if r := f.do("GET", policyPath, f.tokens.Read, ""); r.code != 404 || len(f.sleeps) != 4 {
			t.Fatalf("right token: %d, sleeps %v", r.code, f.sleeps)
		}
	})
	if SlowDown(100) != maxDelay || SlowDown(2) != 0 {
		t.Fatal("SlowDown bounds")
	}
}

func TestTokensStoredHashed(t *testing.T) {
	org, tokens, err := NewOrg("a-1", "PEM", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(org)
	if strings.Contains(string(data), tokens.Publish) || strings.Contains(string(data), tokens.Read) || tokens.Publish == tokens.Read {
		t.Fatalf("record %s holds a token", data)
	}
	if !tokenMatches(tokens.Read, org.ReadTokenHash) || tokenMatches(tokens.Read, org.PublishTokenHash) || tokenMatches("", "") {
		t.Fatal("tokenMatches")
	}
	for _, bad := range []string{"", "Upper", "-lead", "a/b", strings.Repeat("a", 64)} {
		if _, _, err := NewOrg(bad, "PEM", time.Now()); err == nil {
			t.Errorf("NewOrg(%q) accepted", bad)
		}
	}
}
