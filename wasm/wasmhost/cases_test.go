package wasmhost

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core"
)

var update = flag.Bool("update", false, "rewrite the expectations in wasm/testdata/cases.jsonl from the native engine")

// casesFile holds the cases that the Go and the Node tests (engine.js) share:
// a request, an optional policy, and what the native engine answers.
var casesFile = filepath.Join("..", "testdata", "cases.jsonl")

type sharedCase struct {
	Name    string          `json:"name"`
	Policy  json.RawMessage `json:"policy,omitempty"`
	Request json.RawMessage `json:"request"`
	// Want is the native engine's response, or WantError its error.
	Want      json.RawMessage `json:"want,omitempty"`
	WantError string          `json:"want_error,omitempty"`
}

func readCases(t testing.TB) []sharedCase {
	t.Helper()
	data, err := os.ReadFile(casesFile)
	if err != nil {
		t.Fatal(err)
	}
	var cases []sharedCase
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var c sharedCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s:%d: %v", casesFile, n, err)
		}
		cases = append(cases, c)
	}
	if len(cases) == 0 {
		t.Fatalf("%s: no cases", casesFile)
	}
	return cases
}

// nativeAnswer runs a case through the native engine, as JSON.
func nativeAnswer(t testing.TB, c sharedCase) (want json.RawMessage, wantErr string) {
	t.Helper()
	eng := core.MustDefaultEngine()
	if c.Policy != nil {
		p, err := core.ParsePolicy(c.Policy)
		if err != nil {
			t.Fatalf("%s: policy: %v", c.Name, err)
		}
		if eng, err = core.NewEngine(p); err != nil {
			t.Fatalf("%s: policy: %v", c.Name, err)
		}
	}
	// A request that does not decode is answered as the module's check
	// export answers it.
	req, err := core.DecodeRequest(c.Request)
	if err != nil {
		return nil, "request: " + err.Error()
	}
	res, err := eng.CheckRequest(req)
	if err != nil {
		return nil, err.Error()
	}
	return json.RawMessage(mustJSON(t, res)), ""
}

// TestSharedCasesMatchNative keeps cases.jsonl honest: its expectations are
// exactly what the native engine answers today (go test -update rewrites).
func TestSharedCasesMatchNative(t *testing.T) {
	cases := readCases(t)
	var stale []string
	for i, c := range cases {
		want, wantErr := nativeAnswer(t, c)
		if string(want) != compact(t, c.Want) || wantErr != c.WantError {
			stale = append(stale, c.Name)
			cases[i].Want, cases[i].WantError = want, wantErr
		}
	}
	if len(stale) == 0 {
		return
	}
	if !*update {
		t.Fatalf("%s is out of date with the native engine for %d cases (%s);\nrerun: go test ./wasm/wasmhost -run TestSharedCases -update",
			casesFile, len(stale), strings.Join(stale, ", "))
	}
	var b bytes.Buffer
	for _, c := range cases {
		b.WriteString(mustJSON(t, c))
		b.WriteByte('\n')
	}
	if err := os.WriteFile(casesFile, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("updated %d cases in %s", len(stale), casesFile)
}

// TestSharedCasesThroughWasm runs the shared cases through engine.wasm; the
// Node tests run the same file through engine.js.
func TestSharedCasesThroughWasm(t *testing.T) {
	e := newTestEngine(t)
	for _, c := range readCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			policy := c.Policy
			if policy == nil {
				policy = json.RawMessage(`{}`) // the default policy
			}
			if err := e.SetPolicy(policy); err != nil {
				t.Fatalf("policy: %v", err)
			}
			out, err := e.CheckJSON(c.Request)
			if err != nil {
				t.Fatal(err)
			}
			var res struct {
				Error string `json:"error"`
			}
			json.Unmarshal(out, &res)
			switch {
			case c.WantError != "":
				if res.Error != c.WantError {
					t.Fatalf("got %s\nwant error %q", clip(string(out)), c.WantError)
				}
			case compact(t, out) != compact(t, c.Want):
				t.Fatalf("got  %s\nwant %s", clip(string(out)), clip(string(c.Want)))
			}
		})
	}
}

func compact(t testing.TB, b []byte) string {
	if len(b) == 0 {
		return ""
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		t.Fatalf("bad JSON %q: %v", b, err)
	}
	return buf.String()
}

// clip keeps failure messages readable when a response is long.
func clip(s string) string {
	if len(s) > 800 {
		return s[:800] + "…"
	}
	return s
}
