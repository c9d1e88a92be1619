package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/replyguard/replyguard/core"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheckExitStatus(t *testing.T) {
	tests := []struct {
		reply string
		code  int
	}{
		{"All good here", 0},
		{"Only a hint: INFOWORD", 0},
		{"A WARNWORD here", 1},
		{"An ERRWORD here", 1},
	}
	for _, tt := range tests {
		for _, format := range []string{"text", "json"} {
			_, errOut, code := runCLI(t, tt.reply, "check", "--engine", "fake", "--format", format)
			if code != tt.code {
				t.Errorf("%q (%s): exit %d, want %d (stderr %q)", tt.reply, format, code, tt.code, errOut)
			}
		}
	}
	if _, _, code := runCLI(t, "FAIL", "check", "--engine", "fake"); code != 2 {
		t.Errorf("engine error: exit %d, want 2", code)
	}
}

func TestCheckPassesRequest(t *testing.T) {
	policy := writeFile(t, "p.json", `{"name":"x"}`)
	reply := writeFile(t, "reply.txt", "Line one\nline two\r\n")
	_, errOut, code := runCLI(t, "", "check", reply, "--engine", "fake", "--policy", policy, "--platform", "instagram", "--comment", "Great visit!")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := core.Request{Text: "Line one\nline two", Comment: "Great visit!", Platform: "instagram"}
	if !reflect.DeepEqual(*lastRequest, want) {
		t.Errorf("request = %+v, want %+v (one final newline dropped)", *lastRequest, want)
	}
	if string(lastFake.policy) != `{"name":"x"}` {
		t.Errorf("engine got policy %q, want the raw file bytes", lastFake.policy)
	}
	runCLI(t, "text", "check", "--engine", "fake", "-")
	if lastFake.policy != nil || lastRequest.Text != "text" || lastRequest.Platform != "" {
		t.Errorf("default policy should be nil bytes and stdin read for -: %q %+v", lastFake.policy, lastRequest)
	}
}

func TestCheckPrivateFlag(t *testing.T) {
	runCLI(t, "hi", "check", "--engine", "fake", "--private")
	if !lastRequest.Private {
		t.Errorf("--private must mark the request private: %+v", lastRequest)
	}
	runCLI(t, "hi", "check", "--engine", "fake")
	if lastRequest.Private {
		t.Errorf("without --private the request is public: %+v", lastRequest)
	}
	// The native engine: the same apology asks for a private channel in
	// public and not in a DM.
	reply := "We're so sorry about the wait on Monday. That's not the experience we want anyone to have."
	comment := "Waited over an hour and nobody said a word to me."
	pub, _, _ := runCLI(t, reply, "check", "--comment", comment)
	priv, _, _ := runCLI(t, reply, "check", "--comment", comment, "--private")
	if !strings.Contains(pub, "no private way to follow up") || strings.Contains(priv, "no private way to follow up") {
		t.Errorf("public output:\n%s\nprivate output:\n%s\nwant the follow-up finding in public only", pub, priv)
	}
}

func TestCheckInvalidPolicy(t *testing.T) {
	policy := writeFile(t, "bad.json", `{"version": 2, "rules": {"phi": {"severity": "loud"}}}`)
	out, errOut, code := runCLI(t, "hello", "check", "--policy", policy)
	if code != 2 || out != "" {
		t.Fatalf("exit %d, stdout %q; want 2 and nothing", code, out)
	}
	for _, want := range []string{
		policy + ": version: must be a string\n",
		policy + `: rules.phi.severity: must be one of "info", "warning", "error"` + "\n",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr %q lacks %q", errOut, want)
		}
	}
	// Any engine's policy errors are printed the same way.
	rej := writeFile(t, "rej.json", `{"name": "REJECT"}`)
	if _, errOut, code := runCLI(t, "hi", "check", "--engine", "fake", "--policy", rej); code != 2 || !strings.Contains(errOut, rej+": name: rejected by the fake engine") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestCheckJSONFormat(t *testing.T) {
	reply := "Hi José 😊, your root canal went well. WARNWORD <&>"
	out, _, code := runCLI(t, reply, "check", "--engine", "fake", "--format", "json")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if strings.Count(out, "\n") != 1 || !strings.HasSuffix(out, "}\n") {
		t.Errorf("want one JSON object on one line, got %q", out)
	}
	if strings.Contains(out, `\u003c`) {
		t.Errorf("output is HTML-escaped: %s", out)
	}
	var doc map[string][]map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(doc) != 1 || len(doc["findings"]) != 2 {
		t.Fatalf("want exactly {\"findings\": [2 items]}, got %s", out)
	}
	f := doc["findings"][0]
	keys := make([]string, 0, len(f))
	for k := range f {
		keys = append(keys, k)
	}
	if len(keys) != 7 {
		t.Errorf("finding keys = %v, want rule category severity start end message suggestion", keys)
	}
	start := float64(u16("Hi José 😊, your "))
	if f["rule"] != "fake-error" || f["category"] != "canned" || f["severity"] != "error" ||
		f["start"] != start || f["end"] != start+float64(len("root canal")) ||
		f["message"] != "found root canal" || f["suggestion"] != "remove root canal" {
		t.Errorf("finding = %v", f)
	}

	// No findings: an empty list, not null.
	out, _, code = runCLI(t, "fine", "check", "--engine", "fake", "--format", "json")
	if code != 0 || out != "{\"findings\":[]}\n" {
		t.Errorf("exit %d, output %q", code, out)
	}
}

func TestCheckTextFormat(t *testing.T) {
	reply := "Hi José 😊, your root canal went well.\n\tSee you soon WARNWORD\nINFOWORD"
	file := writeFile(t, "reply.txt", reply)
	out, _, code := runCLI(t, "", "check", "--engine", "fake", file)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	want := file + `:1:17: error canned/fake-error: found root canal
    Hi José 😊, your root canal went well.
                     ^^^^^^^^^^
    suggestion: remove root canal

` + file + `:2:15: warning canned/fake-warning: found WARNWORD
        See you soon WARNWORD
                     ^^^^^^^^
    suggestion: remove WARNWORD

` + file + `:3:1: info canned/fake-info: found INFOWORD
    INFOWORD
    ^^^^^^^^
    suggestion: remove INFOWORD

` + file + ": 3 findings (1 error, 1 warning, 1 info)\n"
	if out != want {
		t.Errorf("text output:\n%s\nwant:\n%s", out, want)
	}
	out, _, code = runCLI(t, "Nothing to see", "check", "--engine", "fake")
	if code != 0 || out != "<stdin>: no findings\n" {
		t.Errorf("exit %d, output %q", code, out)
	}
}

// The real engine on a PHI-ish reply with an emoji and an accent: whatever
// the rules find, spans must be valid UTF-16 offsets into the reply, and the
// text output must place each caret run under the same characters.
func TestCheckNativeEngineUTF16(t *testing.T) {
	reply := "Hi José 😊, your root canal on 3/14 went well"
	units := utf16.Encode([]rune(reply))
	out, errOut, code := runCLI(t, reply, "check", "--format", "json")
	if code == 2 {
		t.Fatalf("exit 2: %s", errOut)
	}
	var doc struct{ Findings []outFinding }
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	hasWarning := false
	for _, f := range doc.Findings {
		if f.Start < 0 || f.End < f.Start || f.End > len(units) {
			t.Fatalf("span %d-%d outside the reply's %d UTF-16 units", f.Start, f.End, len(units))
		}
		if f.Start < len(units) && utf16.IsSurrogate(rune(units[f.Start])) && f.Start > 0 && utf16.IsSurrogate(rune(units[f.Start-1])) {
			t.Errorf("span starts inside a surrogate pair: %+v", f)
		}
		span := string(utf16.Decode(units[f.Start:f.End]))
		if !strings.Contains(reply, span) {
			t.Errorf("span %q is not a piece of the reply", span)
		}
		hasWarning = hasWarning || core.Severity(f.Severity).Rank() >= 1
	}
	if hasWarning != (code == 1) {
		t.Errorf("exit %d with findings %+v", code, doc.Findings)
	}
	// A reply naming a treatment and a date is PHI-risky: loosely, expect the
	// engine to say something about it in the phi category.
	phi := false
	for _, f := range doc.Findings {
		phi = phi || f.Category == "phi"
	}
	if !phi {
		t.Errorf("no phi finding for %q: %+v", reply, doc.Findings)
	}
}
