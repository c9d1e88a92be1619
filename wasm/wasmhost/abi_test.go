package wasmhost

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core"
)

// raw calls an export directly, bypassing the safe wrappers, the way a
// careless or hostile host could.
func raw(t *testing.T, e *Engine, name string, params ...uint64) uint64 {
	t.Helper()
	fn := e.mod.ExportedFunction(name)
	if fn == nil {
		t.Fatalf("no export %q", name)
	}
	r, err := fn.Call(context.Background(), params...)
	if err != nil {
		t.Fatalf("%s%v trapped: %v", name, params, err)
	}
	if len(r) == 0 {
		return 0
	}
	return r[0]
}

// rawResult reads and frees a packed result.
func rawResult(t *testing.T, e *Engine, packed uint64) string {
	t.Helper()
	out, err := e.takeResult([]uint64{packed}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// rawInput allocates a buffer holding b and returns its pointer.
func rawInput(t *testing.T, e *Engine, b []byte) uint32 {
	t.Helper()
	ptr := uint32(raw(t, e, "alloc", uint64(len(b))))
	if ptr == 0 {
		t.Fatalf("alloc(%d) failed", len(b))
	}
	if !e.mod.Memory().Write(ptr, b) {
		t.Fatalf("write at %#x outside memory", ptr)
	}
	return ptr
}

// assertHealthy checks that a good request still works and nothing leaked.
func assertHealthy(t *testing.T, e *Engine) {
	t.Helper()
	res, err := e.Check(&core.Request{Text: "Thanks for reaching out! Please call our office so we can help."})
	if err != nil {
		t.Fatalf("good check after bad input: %v", err)
	}
	if res.Findings == nil || res.Fingerprint == "" {
		t.Fatalf("good check after bad input: incomplete response %+v", res)
	}
	if n, err := e.LiveBuffers(); err != nil || n != 0 {
		t.Fatalf("live buffers = %d, %v; want 0", n, err)
	}
}

func TestAllocRejectsZeroAndHugeSizes(t *testing.T) {
	e := newTestEngine(t)
	for _, size := range []uint64{0, 16<<20 + 1, 1 << 31, 1<<32 - 1} {
		if ptr := raw(t, e, "alloc", size); ptr != 0 {
			t.Errorf("alloc(%d) = %#x, want 0", size, ptr)
		}
	}
	assertHealthy(t, e)
}

func TestBadCallsReturnErrorResults(t *testing.T) {
	cases := []struct {
		name   string
		call   func(t *testing.T, e *Engine) uint64
		reason string // substring of the error
	}{
		{"null pointer", func(t *testing.T, e *Engine) uint64 { return raw(t, e, "check", 0, 0) }, "empty"},
		{"null pointer with length", func(t *testing.T, e *Engine) uint64 { return raw(t, e, "check", 0, 5) }, "unknown buffer"},
		{"unknown pointer", func(t *testing.T, e *Engine) uint64 { return raw(t, e, "check", 12345, 10) }, "unknown buffer"},
		{"pointer past memory", func(t *testing.T, e *Engine) uint64 { return raw(t, e, "check", 0xFFFFFFF0, 8) }, "unknown buffer"},
		{"zero length", func(t *testing.T, e *Engine) uint64 {
			return raw(t, e, "check", uint64(rawInput(t, e, []byte(`{"text":"hi"}`))), 0)
		}, "empty"},
		{"enormous length", func(t *testing.T, e *Engine) uint64 {
			return raw(t, e, "check", uint64(rawInput(t, e, []byte(`{"text":"hi"}`))), 1<<31)
		}, "exceeds"},
		{"length past buffer", func(t *testing.T, e *Engine) uint64 {
			return raw(t, e, "check", uint64(rawInput(t, e, []byte(`{"text":"hi"}`))), 14)
		}, "exceeds"},
		{"invalid JSON", checkRaw(`{"text": "unterminated`), "request:"},
		{"trailing data", checkRaw(`{"text":"a"} {"text":"b"}`), "request:"},
		{"wrong type", checkRaw(`{"text": 5}`), "request:"},
		{"not an object", checkRaw(`[1,2,3]`), "request:"},
		{"invalid UTF-8", checkRaw("{\"text\":\"caf\xe9 \xff\"}"), "invalid UTF-8"},
		{"bad platform", checkRaw(`{"text":"hi","platform":"myspace"}`), "platform"},
		{"bad fingerprint", checkRaw(`{"text":"hi","recent":["not-hex"]}`), "recent[0]"},
		{"policy at unknown pointer", func(t *testing.T, e *Engine) uint64 { return raw(t, e, "set_policy", 4096, 10) }, "unknown buffer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newTestEngine(t)
			out := rawResult(t, e, c.call(t, e))
			var res struct {
				Error  string `json:"error"`
				Errors []struct{ Message string }
			}
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatalf("result is not JSON: %q", out)
			}
			msg := res.Error
			if len(res.Errors) > 0 {
				msg = res.Errors[0].Message
			}
			if !strings.Contains(msg, c.reason) {
				t.Fatalf("result %s; want an error mentioning %q", out, c.reason)
			}
			assertHealthy(t, e)
		})
	}
}

func checkRaw(body string) func(t *testing.T, e *Engine) uint64 {
	return func(t *testing.T, e *Engine) uint64 {
		return raw(t, e, "check", uint64(rawInput(t, e, []byte(body))), uint64(len(body)))
	}
}

func TestFreeIgnoresUnknownAndDoublePointers(t *testing.T) {
	e := newTestEngine(t)
	ptr := rawInput(t, e, []byte("x"))
	raw(t, e, "free", uint64(ptr))
	raw(t, e, "free", uint64(ptr))
	raw(t, e, "free", 0)
	raw(t, e, "free", 0xFFFFFFFF)
	assertHealthy(t, e)
}

func TestSetPolicy(t *testing.T) {
	e := newTestEngine(t)
	v, err := e.Version()
	if err != nil {
		t.Fatal(err)
	}
	if v.ABI != 2 || v.Policy.Name == "" || !strings.HasPrefix(v.Go, "go") {
		t.Fatalf("version = %+v", v)
	}
	defaultName := v.Policy.Name

	good := `{"name": "Smile Dental", "version": "7", "rules": {"length": {"enabled": false}}}`
	if err := e.SetPolicy([]byte(good)); err != nil {
		t.Fatalf("good policy rejected: %v", err)
	}
	assertPolicy(t, e, "Smile Dental", "7")

	for name, bad := range map[string]string{
		"invalid JSON":  `{"name": `,
		"unknown field": `{"nmae": "typo"}`,
		"wrong type":    `{"rules": {"length": {"enabled": "yes"}}}`,
		"invalid UTF-8": "{\"name\": \"\xff\"}",
	} {
		err := e.SetPolicy([]byte(bad))
		if err == nil {
			t.Errorf("%s: policy accepted", name)
			continue
		}
		if pe, ok := err.(core.PolicyErrors); !ok || len(pe) == 0 || pe[0].Message == "" {
			t.Errorf("%s: error %#v, want core.PolicyErrors", name, err)
		}
		assertPolicy(t, e, "Smile Dental", "7") // the previous policy stays
		assertHealthy(t, e)
	}

	if err := e.SetPolicy([]byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	assertPolicy(t, e, defaultName, v.Policy.Version)
}

func TestSetPolicyErrorsNamePaths(t *testing.T) {
	e := newTestEngine(t)
	out := rawResult(t, e, raw(t, e, "set_policy", uint64(rawInput(t, e, []byte(`{"nmae": 1}`))), 11))
	var res struct {
		OK     bool `json:"ok"`
		Errors []struct {
			Path    *string `json:"path"`
			Message string  `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.OK || len(res.Errors) == 0 || res.Errors[0].Message == "" || res.Errors[0].Path == nil {
		t.Fatalf("set_policy result %s; want ok:false with errors", out)
	}
}

func assertPolicy(t *testing.T, e *Engine, name, version string) {
	t.Helper()
	v, err := e.Version()
	if err != nil {
		t.Fatal(err)
	}
	if v.Policy.Name != name || v.Policy.Version != version {
		t.Fatalf("active policy %q %q, want %q %q", v.Policy.Name, v.Policy.Version, name, version)
	}
}
