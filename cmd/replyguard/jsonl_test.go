package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
)

// outLines splits JSONL output and checks every line is one JSON object.
func outLines(t *testing.T, out string) []string {
	t.Helper()
	if out == "" {
		return nil
	}
	if !strings.HasSuffix(out, "\n") {
		t.Fatalf("output does not end with a newline: %q", out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for _, l := range lines {
		var v map[string]json.RawMessage
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("output line %q is not a JSON object: %v", l, err)
		}
	}
	return lines
}

func TestJSONLEchoesIDVerbatim(t *testing.T) {
	ids := []string{
		`1`, `-7`, `1.50`, `1e3`, `12345678901234567890`, `"abc"`, `"a<b>&\"q\" \u00e9 é 😊"`,
		`{"page":"p1","n":[1,2,{"x":null}]}`, `[1,"two"]`, `true`, `null`,
	}
	var in strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&in, `{"id": %s, "text": "Thanks!"}`+"\n", id)
	}
	out, errOut, code := runCLI(t, in.String(), "check", "--jsonl", "--engine", "fake")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := outLines(t, out)
	if len(lines) != len(ids) {
		t.Fatalf("%d output lines for %d inputs", len(lines), len(ids))
	}
	for i, id := range ids {
		want := `{"id":` + id + `,"findings":[]}`
		if lines[i] != want {
			t.Errorf("line %d = %s, want %s", i+1, lines[i], want)
		}
	}
}

func TestJSONLShapeAndOrder(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "a", "text": "fine"}`,
		`{"text": "no id here WARNWORD"}`,
		`{"id": 3, "text": "Hi José 😊, your root canal", "comment": "c", "platform": "instagram", "unknown": [1]}`,
	}, "\n") // no final newline
	out, _, code := runCLI(t, in, "check", "--jsonl", "--engine", "fake")
	if code != 1 {
		t.Errorf("exit %d, want 1 (a warning)", code)
	}
	lines := outLines(t, out)
	if len(lines) != 3 {
		t.Fatalf("got %d lines: %q", len(lines), out)
	}
	if lines[0] != `{"id":"a","findings":[]}` {
		t.Errorf("line 1 = %s", lines[0])
	}
	start := u16("no id here ")
	want2 := fmt.Sprintf(`{"findings":[{"rule":"fake-warning","category":"canned","severity":"warning","start":%d,"end":%d,"message":"found WARNWORD","suggestion":"remove WARNWORD"}]}`, start, start+8)
	if lines[1] != want2 {
		t.Errorf("line 2 (no id key):\n got  %s\n want %s", lines[1], want2)
	}
	var third struct {
		ID       json.RawMessage
		Findings []map[string]any
	}
	json.Unmarshal([]byte(lines[2]), &third)
	text := "Hi José 😊, your root canal"
	units := utf16.Encode([]rune(text))
	if string(third.ID) != "3" || len(third.Findings) != 1 {
		t.Fatalf("line 3 = %s", lines[2])
	}
	s, e := int(third.Findings[0]["start"].(float64)), int(third.Findings[0]["end"].(float64))
	if got := string(utf16.Decode(units[s:e])); got != "root canal" {
		t.Errorf("UTF-16 span %d-%d is %q, want %q", s, e, got, "root canal")
	}
	if lastRequest.Comment != "c" || lastRequest.Platform != "instagram" {
		t.Errorf("request = %+v", lastRequest)
	}
}

func TestJSONLErrorLinesContinue(t *testing.T) {
	in := strings.Join([]string{
		`{"id": 1, "text": "ok"}`,
		`not json`,
		``,
		`   `,
		`{"id": 2}`,
		`{"id": 3, "text": 42}`,
		`{"id": 4, "text": null}`,
		`{"id": 5, "text": "x", "platform": "tiktok"}`,
		`{"id": 6, "text": "x", "comment": 7}`,
		`[1, 2]`,
		`{"id": 7, "text": "FAIL"}`,
		`{"id": 8, "text": "x", "recent": "nope"}`,
		`{"id": 10, "text": "x", "private": "yes"}`,
		`{"id": 9, "text": "last ERRWORD"}`,
		"",
	}, "\n")
	out, _, code := runCLI(t, in, "check", "--jsonl", "--engine", "fake")
	if code != 2 {
		t.Errorf("exit %d, want 2 when any line is bad", code)
	}
	lines := outLines(t, out)
	want := []string{
		`{"id":1,"findings":[]}`,
		`{"line":2,"error":"invalid JSON: column 2: invalid character 'o' in literal null (expecting 'u')"}`,
		`{"line":5,"error":"missing \"text\""}`,
		`{"line":6,"error":"\"text\" must be a string"}`,
		`{"line":7,"error":"\"text\" must be a string"}`,
		`{"line":8,"error":"\"platform\" must be \"facebook\" or \"instagram\""}`,
		`{"line":9,"error":"\"comment\" must be a string"}`,
		`{"line":10,"error":"not a JSON object"}`,
		`{"line":11,"error":"engine refused the request"}`,
		`{"line":12,"error":"\"recent\" must be an array of fingerprint strings"}`,
		`{"line":13,"error":"\"private\" must be true or false"}`,
	}
	if len(lines) != len(want)+1 {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want)+1, out)
	}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("line %d:\n got  %s\n want %s", i+1, lines[i], w)
		}
	}
	if !strings.HasPrefix(lines[len(lines)-1], `{"id":9,"findings":[{"rule":"fake-error"`) {
		t.Errorf("processing did not continue to the last line: %s", lines[len(lines)-1])
	}
}

func TestJSONLCRLFAndPlatformDefault(t *testing.T) {
	in := "{\"id\":1,\"text\":\"a\"}\r\n{\"id\":2,\"text\":\"b\",\"platform\":\"facebook\"}\r\n"
	out, _, code := runCLI(t, in, "check", "--jsonl", "--engine", "fake", "--platform", "instagram")
	if code != 0 || out != "{\"id\":1,\"findings\":[]}\n{\"id\":2,\"findings\":[]}\n" {
		t.Errorf("exit %d, output %q", code, out)
	}
	if lastRequest.Platform != "facebook" {
		t.Errorf("a line's own platform must win over --platform: %+v", lastRequest)
	}
	runCLI(t, `{"text":"a"}`, "check", "--jsonl", "--engine", "fake", "--platform", "instagram")
	if lastRequest.Platform != "instagram" {
		t.Errorf("--platform should apply to lines without one: %+v", lastRequest)
	}
}

func TestJSONLPrivateDefault(t *testing.T) {
	runCLI(t, `{"text":"a","private":true}`, "check", "--jsonl", "--engine", "fake")
	if !lastRequest.Private {
		t.Errorf("a line's \"private\": true must reach the engine: %+v", lastRequest)
	}
	runCLI(t, `{"text":"a"}`, "check", "--jsonl", "--engine", "fake", "--private")
	if !lastRequest.Private {
		t.Errorf("--private should apply to lines without \"private\": %+v", lastRequest)
	}
	runCLI(t, `{"text":"a","private":false}`, "check", "--jsonl", "--engine", "fake", "--private")
	if lastRequest.Private {
		t.Errorf("a line's own \"private\": false must win over --private: %+v", lastRequest)
	}
}

func TestJSONLLongLines(t *testing.T) {
	big := strings.Repeat("lorem ipsum ", 200_000) // 2.4 MB of text
	var in bytes.Buffer
	fmt.Fprintf(&in, `{"id":"big","text":%q}`+"\n", big+"WARNWORD")
	fmt.Fprintf(&in, `{"id":"after","text":"ok"}`+"\n")
	var out, errOut strings.Builder
	code := run([]string{"check", "--jsonl", "--engine", "fake"}, &in, &out, &errOut)
	lines := outLines(t, out.String())
	if code != 1 || len(lines) != 2 {
		t.Fatalf("exit %d, %d lines, stderr %q", code, len(lines), errOut.String())
	}
	start := len(big)
	if !strings.Contains(lines[0], fmt.Sprintf(`"start":%d,"end":%d`, start, start+8)) || lines[1] != `{"id":"after","findings":[]}` {
		t.Errorf("lines = %.200s ... %s", lines[0], lines[1])
	}
}

func TestJSONLNativeEngine(t *testing.T) {
	text := "Hi José 😊, your root canal on 3/14 went well"
	in := fmt.Sprintf(`{"id":{"k":1},"text":%q,"comment":"Thanks for fixing my tooth!"}`, text) + "\n" + `{"id":2,"text":"Thank you so much for the kind words, we appreciate you!"}` + "\n"
	out, errOut, code := runCLI(t, in, "check", "--jsonl")
	if code == 2 {
		t.Fatalf("exit 2: %s", errOut)
	}
	lines := outLines(t, out)
	if len(lines) != 2 || !strings.HasPrefix(lines[0], `{"id":{"k":1},"findings":[`) || !strings.HasPrefix(lines[1], `{"id":2,"findings":[`) {
		t.Fatalf("output %q", out)
	}
	units := len(utf16.Encode([]rune(text)))
	var first struct{ Findings []map[string]any }
	json.Unmarshal([]byte(lines[0]), &first)
	if len(first.Findings) == 0 {
		t.Errorf("no findings for a PHI-ish reply: %s", lines[0])
	}
	for _, f := range first.Findings {
		for k := range f {
			switch k {
			case "rule", "category", "severity", "start", "end", "message", "suggestion":
			default:
				t.Errorf("unexpected key %q in %v", k, f)
			}
		}
		if s, e := f["start"].(float64), f["end"].(float64); s < 0 || e < s || int(e) > units {
			t.Errorf("span %v-%v outside %d UTF-16 units", s, e, units)
		}
	}
}

func BenchmarkJSONL(b *testing.B) {
	var in bytes.Buffer
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&in, `{"id":%d,"text":"Thanks so much for the kind words, Ana! We loved seeing you at your cleaning last Tuesday.","comment":"Great visit"}`+"\n", i)
	}
	data := in.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var out, errOut bytes.Buffer
		if code := run([]string{"check", "--jsonl"}, bytes.NewReader(data), &out, &errOut); code == 2 {
			b.Fatal(errOut.String())
		}
	}
}
