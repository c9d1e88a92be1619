package loadtest

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/replyguard/replyguard/internal/policyserver"
	"github.com/replyguard/replyguard/internal/policyserver/policytest"
	"github.com/replyguard/replyguard/internal/policyserver/workerd"
)

// Bounds of one measurement: at most b.N requests (cap maxRequests) and
// maxTime, from `workers` concurrent clients, all on loopback.
const (
	workers     = 8
	maxRequests = 20000
	maxTime     = 20 * time.Second
)

// published sets up an organisation with a published policy and returns
// the read token and the policy's ETag.
func published(b *testing.B, base string, addOrg func(*policyserver.Org)) (string, string) {
	signer := policytest.NewSigner("load")
	org, tokens, err := policyserver.NewOrg("load", signer.PublicPEM(), time.Now())
	if err != nil {
		b.Fatal(err)
	}
	addOrg(org)
	req, _ := http.NewRequest("PUT", base+"/v1/orgs/load/policy", strings.NewReader(string(signer.Sign(b, policytest.Policy("Load Test Dental"), 1))))
	req.Header.Set("Authorization", "Bearer "+tokens.Publish)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	var out struct {
		ETag string `json:"etag"`
	}
	if res.StatusCode != 200 || json.Unmarshal(body, &out) != nil {
		b.Fatalf("publish: %d %s", res.StatusCode, body)
	}
	return tokens.Read, out.ETag
}

func measure(b *testing.B, base, token, etag string) {
	url := base + "/v1/orgs/load/policy"
	for _, c := range []struct {
		name    string
		headers map[string]string
		want    int
	}{
		{"GET", map[string]string{"Authorization": "Bearer " + token}, 200},
		{"GET-If-None-Match", map[string]string{"Authorization": "Bearer " + token, "If-None-Match": etag}, 304},
	} {
		b.Run(c.name, func(b *testing.B) {
			r := Run(context.Background(), url, c.headers, c.want, workers, min(b.N, maxRequests), maxTime)
			if r.Errors > 0 || r.Requests == 0 {
				b.Fatalf("%d errors, %d requests", r.Errors, r.Requests)
			}
			b.ReportMetric(r.RPS(), "req/s")
			b.ReportMetric(float64(r.P50.Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(r.P99.Microseconds())/1000, "p99-ms")
			b.ReportMetric(0, "ns/op") // a run's time is the bound, not a per-op cost
		})
	}
}

// BenchmarkLocalServer: `replyguard serve`'s handler and file store.
func BenchmarkLocalServer(b *testing.B) {
	store, err := policyserver.NewFileStore(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(policyserver.New(store, policyserver.Options{}))
	defer srv.Close()
	token, etag := published(b, srv.URL, func(o *policyserver.Org) { store.AddOrg(context.Background(), o) })
	measure(b, srv.URL, token, etag)
}

// BenchmarkWorker: the Cloudflare Worker in workerd (one Go instance per
// request, as on Cloudflare), KV served over loopback.
func BenchmarkWorker(b *testing.B) {
	w := workerd.Start(b)
	token, etag := published(b, w.URL, func(o *policyserver.Org) {
		rec, _ := json.Marshal(o)
		w.KV.Put(context.Background(), policyserver.OrgKey(o.Name), string(rec), 0)
	})
	measure(b, w.URL, token, etag)
}

// TestLoadGeneratorBounds: the generator stops at its request bound and at
// its time bound.
func TestLoadGeneratorBounds(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Slow") != "" {
			time.Sleep(20 * time.Millisecond)
		}
	}))
	defer srv.Close()
	if r := Run(context.Background(), srv.URL, nil, 200, 4, 50, time.Minute); r.Requests != 50 || r.Errors != 0 || r.P99 < r.P50 {
		t.Fatalf("request bound: %+v", r)
	}
	r := Run(context.Background(), srv.URL, map[string]string{"X-Slow": "1"}, 200, 2, 1_000_000, 300*time.Millisecond)
	if r.Elapsed > 2*time.Second || r.Requests >= 1_000_000 || r.Requests == 0 {
		t.Fatalf("time bound: %+v", r)
	}
	if r := Run(context.Background(), srv.URL, nil, 304, 2, 10, time.Minute); r.Errors != 10 {
		t.Fatalf("unexpected status not counted as an error: %+v", r)
	}
}
