package wasmhost

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core"
)

// TestParityWithNative runs every request in core's test data and the shared
// cases through the native engine and through engine.wasm in wazero: the
// responses (findings with rule, category, severity, start, end, message,
// suggestion and edits; comment; fingerprint) must be identical.
func TestParityWithNative(t *testing.T) {
	native := core.MustDefaultEngine()
	e := newTestEngine(t)
	reqs := corpusRequests(t)
	for _, c := range readCases(t) {
		if c.Policy != nil || c.WantError != "" {
			continue // TestSharedCasesThroughWasm covers cases with a policy or an error
		}
		var req core.Request
		if err := json.Unmarshal(c.Request, &req); err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		reqs = append(reqs, namedRequest{Name: "wasm/testdata/cases.jsonl " + c.Name, Req: req})
	}
	if len(reqs) < 100 {
		t.Fatalf("only %d requests in core/testdata and the shared cases; the parity test needs the corpus and the rule test data", len(reqs))
	}
	failed, findings := 0, 0
	for _, r := range reqs {
		want, wantErr := native.CheckRequest(&r.Req)
		got, gotErr := e.Check(&r.Req)
		if wantErr != nil || gotErr != nil {
			if fmt.Sprint(wantErr) != fmt.Sprint(gotErr) {
				t.Errorf("%s: native error %v, wasm error %v", r.Name, wantErr, gotErr)
				failed++
			}
			continue
		}
		findings += len(want.Findings)
		if w, g := mustJSON(t, want), mustJSON(t, got); w != g {
			t.Errorf("%s: responses differ\n%s", r.Name, diffFindings(want, got))
			failed++
		}
		if failed >= 20 {
			t.Fatal("too many differences; stopping")
		}
	}
	bySource := map[string]int{}
	for _, r := range reqs {
		src, _, _ := strings.Cut(r.Name, ":")
		src, _, _ = strings.Cut(src, " ")
		bySource[filepath.Base(src)]++
	}
	t.Logf("%d requests %v, %d findings: native and wasm agree on %d", len(reqs), bySource, findings, len(reqs)-failed)
}

// diffFindings describes how two responses differ, finding by finding.
func diffFindings(want, got *core.Response) string {
	var b strings.Builder
	n := max(len(want.Findings), len(got.Findings))
	for i := 0; i < n; i++ {
		var w, g string
		if i < len(want.Findings) {
			w = fmt.Sprintf("%+v", want.Findings[i])
		}
		if i < len(got.Findings) {
			g = fmt.Sprintf("%+v", got.Findings[i])
		}
		if w != g {
			fmt.Fprintf(&b, "  finding %d\n    native %s\n    wasm   %s\n", i, w, g)
		}
	}
	if fmt.Sprint(want.Comment) != fmt.Sprint(got.Comment) {
		fmt.Fprintf(&b, "  comment native %+v wasm %+v\n", want.Comment, got.Comment)
	}
	if want.Fingerprint != got.Fingerprint {
		fmt.Fprintf(&b, "  fingerprint native %s wasm %s\n", want.Fingerprint, got.Fingerprint)
	}
	if string(want.ID) != string(got.ID) {
		fmt.Fprintf(&b, "  id native %s wasm %s\n", want.ID, got.ID)
	}
	return b.String()
}
