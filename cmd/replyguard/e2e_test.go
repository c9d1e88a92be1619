package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBinaryEndToEnd builds the real binary and runs it as a user would.
func TestBinaryEndToEnd(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatal("the go tool is needed to build the binary")
	}
	bin := filepath.Join(t.TempDir(), "replyguard")
	build := exec.Command("go", "build", "-ldflags", "-X main.version=9.8.7-test", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	out, err := exec.Command(bin, "version").Output()
	if err != nil || !strings.HasPrefix(string(out), "replyguard 9.8.7-test\ndefault policy: ") {
		t.Fatalf("version: %v %q", err, out)
	}

	cmd := exec.Command(bin, "check", "--format", "json", "--policy", "../../policies/dental-example.json")
	cmd.Stdin = strings.NewReader("Hi José 😊, your root canal on 3/14 went well\n")
	out, err = cmd.Output()
	var doc struct {
		Findings []outFinding `json:"findings"`
	}
	if jerr := json.Unmarshal(out, &doc); jerr != nil {
		t.Fatalf("check output %q: %v", out, jerr)
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, f := range doc.Findings {
		if f.Severity == "warning" || f.Severity == "error" {
			want = 1
		}
	}
	if code != want {
		t.Errorf("exit %d, want %d for %+v", code, want, doc.Findings)
	}

	cmd = exec.Command(bin, "check", "--jsonl")
	cmd.Stdin = strings.NewReader("{\"id\":1,\"text\":\"ok\"}\nnope\n")
	out, _ = cmd.Output()
	if cmd.ProcessState.ExitCode() != 2 || !strings.HasPrefix(string(out), `{"id":1,"findings":`) || !strings.Contains(string(out), `{"line":2,"error":`) {
		t.Errorf("jsonl: exit %d, %q", cmd.ProcessState.ExitCode(), out)
	}
}
