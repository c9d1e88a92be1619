package wasmhost

import (
	"encoding/json"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core"
)

// The module writes JSON by hand (no encoding/json in wasm). These tests
// hold its bytes to what json.Marshal makes of the same values natively.

func TestCheckBytesMatchMarshal(t *testing.T) {
	native := core.MustDefaultEngine()
	e := newTestEngine(t)
	reqs := corpusRequests(t)
	ids := []string{"", `7`, `"<a&b>"`, "{ \"k\" : [ 1 ,\n 2 ] }", `null`, "\"\u2028\""}
	for i, r := range reqs {
		in, err := json.Marshal(r.Req)
		if err != nil {
			t.Fatal(err)
		}
		if id := ids[i%len(ids)]; id != "" {
			in = []byte(`{"id":` + id + `,` + string(in[1:]))
		}
		var req core.Request
		if err := json.Unmarshal(in, &req); err != nil {
			t.Fatal(err)
		}
		resp, err := native.CheckRequest(&req)
		var want []byte
		if err != nil {
			want, _ = json.Marshal(map[string]string{"error": err.Error()})
		} else {
			want, _ = json.Marshal(resp)
		}
		got, err := e.CheckJSON(in)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Fatalf("%s:\njson.Marshal %s\nwasm         %s", r.Name, want, got)
		}
	}
}

func TestBadRequestBytesMatchUnmarshal(t *testing.T) {
	e := newTestEngine(t)
	for _, in := range []string{`{`, `[]`, `"x"`, `{"text":1}`, `{"text":"a","recent":[1]}`, `{"text":"a","recent":"x"}`,
		`{"text":"a"} x`, `{"text":"a","platform":"myspace"}`, `{"text":"a","recent":["xyz"]}`, `{"text":"<&>"`, `{"text":tru}`} {
		var req core.Request
		var want []byte
		if err := json.Unmarshal([]byte(in), &req); err != nil {
			want, _ = json.Marshal(map[string]string{"error": "request: " + err.Error()})
		} else if _, err := core.MustDefaultEngine().CheckRequest(&req); err != nil {
			want, _ = json.Marshal(map[string]string{"error": err.Error()})
		} else {
			t.Fatalf("%s: no error", in)
		}
		got, err := e.CheckJSON([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s:\njson.Marshal %s\nwasm         %s", in, want, got)
		}
	}
}

// oldPolicyResult is the struct the module used to marshal.
type oldPolicyResult struct {
	OK      bool               `json:"ok"`
	Name    string             `json:"name,omitempty"`
	Version string             `json:"version,omitempty"`
	Errors  []core.PolicyError `json:"errors,omitempty"`
}

func TestPolicyBytesMatchMarshal(t *testing.T) {
	e := newTestEngine(t)
	policies := []string{`{`, `[]`, `{"name":"<x>","version":"1&2"}`, `{"rules":{"length":{"facebook":{"max_words":"many"}}},"nme":1}`,
		"{\"a\":1,\n\"a\":2}", `{"response_window":{"business_hours":{"start":"18:00"}}}`,
		`{"rules":{"phi":{"disabled_rules":["hipa"],"sensitivity":"max"}},"terms":{"procedures":{"add":["x"],"remove":["teleportation","x"]}}}`,
		`{"rules":{"conduct":{"defensive_phrases":{"remove":["that's not true"]},"disabled_rules":["negative-comments"]}}}`}
	for _, name := range []string{"default.json", "dental-example.json", "medical-example.json"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "policies", name))
		if err != nil {
			t.Fatal(err)
		}
		policies = append(policies, string(b))
	}
	for _, p := range policies {
		var want oldPolicyResult
		if pol, err := core.ParsePolicy([]byte(p)); err != nil {
			want.Errors = err.(core.PolicyErrors)
		} else {
			want = oldPolicyResult{OK: true, Name: pol.Name, Version: pol.Version}
		}
		wb, _ := json.Marshal(want)
		got, err := e.callWithInput(e.fn.setPolicy, []byte(p))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(wb) {
			t.Errorf("%.40q:\njson.Marshal %s\nwasm         %s", p, wb, got)
		}
	}
}

func TestVersionBytes(t *testing.T) {
	e := newTestEngine(t)
	got, err := e.takeResult(e.fn.version.Call(t.Context()))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"abi":2,"go":"` + goruntime.Version() + `","policy":{"name":"ReplyGuard default","version":"1.0.0"}}`
	if string(got) != want && !strings.HasPrefix(goruntime.Version(), "devel") {
		t.Errorf("version = %s, want %s", got, want)
	}
}
