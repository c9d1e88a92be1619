package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core"
	"github.com/replyguard/replyguard/wasm/wasmhost/wasmtest"
)

// useTestModule points $REPLYGUARD_WASM at a current engine.wasm.
func useTestModule(t *testing.T) {
	t.Helper()
	path, err := wasmtest.ModulePath()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(wasmEnv, path)
}

func TestFindWasmModule(t *testing.T) {
	dir := t.TempDir()
	beside := filepath.Join(dir, "wasm", "engine.wasm")
	if err := os.MkdirAll(filepath.Dir(beside), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(beside, []byte("\x00asm"), 0o644); err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(dir, "bin", "replyguard")

	// The test runs in cmd/replyguard, which has no wasm/ directory.
	got, err := findWasmModule("", exe)
	if err != nil || got != filepath.Join(dir, "bin", "..", "wasm", "engine.wasm") {
		t.Errorf("beside the executable: %q, %v", got, err)
	}
	if got, err := findWasmModule(beside, ""); err != nil || got != beside {
		t.Errorf("from the environment: %q, %v", got, err)
	}
	_, err = findWasmModule("", filepath.Join(t.TempDir(), "bin", "replyguard"))
	if err == nil || !strings.Contains(err.Error(), filepath.Join("wasm", "engine.wasm")) || !strings.Contains(err.Error(), "./build.sh") {
		t.Errorf("missing module: error %v should name the paths tried and how to build", err)
	}
	_, err = findWasmModule(filepath.Join(dir, "nope.wasm"), exe)
	if err == nil || !strings.Contains(err.Error(), "nope.wasm") || !strings.Contains(err.Error(), wasmEnv) {
		t.Errorf("bad $%s: error %v should name it", wasmEnv, err)
	}
}

// TestCheckWasmEngineMatchesNative runs the CLI with --engine wasm and
// --engine native on the same replies: the outputs must be identical.
func TestCheckWasmEngineMatchesNative(t *testing.T) {
	useTestModule(t)
	lines := []string{
		`{"id": 1, "text": "Hi Sarah, your root canal on March 3rd went well! Call 555-123-4567.", "comment": "Thanks doc"}`,
		`{"id": "b", "text": "😀 Thank you for your feedback. We apologize for any inconvenience.", "comment": "Waited 2 hours!!", "platform": "instagram"}`,
		`{"id": 3, "text": "Calm down, that's not true.", "comment": "Your receptionist was rude."}`,
		`{"id": 4, "text": "hi", "platform": "myspace"}`,
	}
	in := strings.Join(lines, "\n") + "\n"
	policy := writeFile(t, "practice.json", `{"name": "Smile Dental", "version": "2", "practice": {"phones": ["555-123-4567"]}}`)
	for _, args := range [][]string{
		{"check", "--jsonl"},
		{"check", "--jsonl", "--policy", policy},
	} {
		nOut, nErr, nCode := runCLI(t, in, append(args, "--engine", "native")...)
		wOut, wErr, wCode := runCLI(t, in, append(args, "--engine", "wasm")...)
		if wOut != nOut || wErr != nErr || wCode != nCode {
			t.Errorf("%v: wasm differs from native\nnative (%d): %s%s\nwasm   (%d): %s%s", args, nCode, nOut, nErr, wCode, wOut, wErr)
		}
		if !strings.Contains(nOut, `"findings"`) {
			t.Errorf("%v: no findings output: %s", args, nOut)
		}
	}
	// Text mode, one reply with a comment.
	args := []string{"check", "--comment", "How much is a crown?", "--platform", "instagram"}
	nOut, _, nCode := runCLI(t, "Hi Ana, your crown is ready 👑\n", append(args, "--engine", "native")...)
	wOut, _, wCode := runCLI(t, "Hi Ana, your crown is ready 👑\n", append(args, "--engine", "wasm")...)
	if wOut != nOut || wCode != nCode {
		t.Errorf("text mode: wasm differs from native\nnative (%d): %s\nwasm   (%d): %s", nCode, nOut, wCode, wOut)
	}
}

func TestWasmEngineRejectsBadPolicy(t *testing.T) {
	useTestModule(t)
	_, err := newWasmChecker([]byte(`{"nmae": "typo"}`))
	var pe core.PolicyErrors
	if err == nil || !errors.As(err, &pe) || len(pe) == 0 {
		t.Fatalf("bad policy: error %#v, want core.PolicyErrors", err)
	}
	policy := writeFile(t, "bad.json", `{"rules": {"length": {"enabled": "yes"}}}`)
	_, errOut, code := runCLI(t, "hello\n", "check", "--engine", "wasm", "--policy", policy)
	if code != exitUsage || !strings.Contains(errOut, "invalid policy") {
		t.Errorf("bad policy through the CLI: exit %d, stderr %q", code, errOut)
	}
}

func TestWasmEngineMissingModule(t *testing.T) {
	t.Setenv(wasmEnv, filepath.Join(t.TempDir(), "missing.wasm"))
	_, errOut, code := runCLI(t, "hello\n", "check", "--engine", "wasm")
	if code != exitUsage || !strings.Contains(errOut, "missing.wasm") {
		t.Errorf("missing module: exit %d, stderr %q", code, errOut)
	}
}
