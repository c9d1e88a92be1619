package main

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/replyguard/replyguard/core"
)

// runCLI runs the CLI in-process.
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut strings.Builder
	code = run(args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

// u16 is the UTF-16 length of s: what JavaScript's s.length would say.
func u16(s string) int { return len(utf16.Encode([]rune(s))) }

// fakeChecker is a test engine with predictable findings, so the CLI's
// contract is tested independently of the evolving rules: every occurrence
// of a word in fakeRules is a finding at that word, at the word's severity.
type fakeChecker struct{ policy []byte }

var fakeRules = map[string]core.Severity{"ERRWORD": core.Error, "WARNWORD": core.Warning, "INFOWORD": core.Info, "root canal": core.Error}

// lastFake is the most recent fake engine and request, for assertions.
var (
	lastFake    *fakeChecker
	lastRequest *core.Request
)

func init() {
	engines["fake"] = func(policyJSON []byte) (checker, error) {
		if strings.Contains(string(policyJSON), "REJECT") {
			return nil, core.PolicyErrors{{Path: "name", Message: "rejected by the fake engine"}}
		}
		lastFake = &fakeChecker{policy: policyJSON}
		return lastFake, nil
	}
}

func (f *fakeChecker) Check(req *core.Request) (*core.Response, error) {
	lastRequest = req
	if req.Text == "FAIL" {
		return nil, fmt.Errorf("engine refused the request")
	}
	resp := &core.Response{Findings: []core.JSONFinding{}}
	for word, sev := range fakeRules {
		for from := 0; ; {
			i := strings.Index(req.Text[from:], word)
			if i < 0 {
				break
			}
			start := from + i
			resp.Findings = append(resp.Findings, core.JSONFinding{
				Rule: "fake-" + string(sev), Category: core.Canned, Severity: sev,
				Start: u16(req.Text[:start]), End: u16(req.Text[:start+len(word)]),
				Message: "found " + word, Suggestion: "remove " + word,
			})
			from = start + len(word)
		}
	}
	// Deterministic order, as the real engine sorts by position.
	fs := resp.Findings
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].Start < fs[j-1].Start; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
	return resp, nil
}

func TestHelpOnEveryCommand(t *testing.T) {
	for _, args := range [][]string{
		{"--help"}, {"-h"}, {"help"},
		{"check", "--help"}, {"check", "-h"}, {"help", "check"},
		{"check", "reply.txt", "--help"},
		{"policy", "--help"}, {"policy", "-h"}, {"help", "policy"},
		{"policy", "check", "--help"}, {"policy", "schema", "-h"}, {"policy", "default", "--help"},
		{"version", "--help"},
	} {
		out, errOut, code := runCLI(t, "", args...)
		if code != 0 {
			t.Errorf("%v: exit %d, want 0 (stderr %q)", args, code, errOut)
		}
		if !strings.Contains(out, "Usage") || !strings.Contains(out, "Example") {
			t.Errorf("%v: stdout lacks usage with examples:\n%s", args, out)
		}
		if errOut != "" {
			t.Errorf("%v: help wrote to stderr: %q", args, errOut)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string // on stderr
	}{
		{nil, "Usage"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"help", "frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"check", "--nope"}, "flag provided but not defined: -nope"},
		{[]string{"check", "--platform", "tiktok"}, `--platform must be facebook or instagram, got "tiktok"`},
		{[]string{"check", "--format", "xml"}, `--format must be text or json, got "xml"`},
		{[]string{"check", "a.txt", "b.txt"}, "too many arguments"},
		{[]string{"check", "--jsonl", "--comment", "x"}, "do not apply to --jsonl"},
		{[]string{"check", "--jsonl", "--format", "json"}, "do not apply to --jsonl"},
		{[]string{"check", "--engine", "nope"}, `unknown engine "nope" (available: `},
		{[]string{"check", "/definitely/not/here.txt"}, "no such file"},
		{[]string{"check", "."}, "is a directory"},
		{[]string{"check", "--policy", "/definitely/not/here.json"}, "cannot read policy"},
		{[]string{"policy"}, "missing subcommand"},
		{[]string{"policy", "frob"}, `unknown subcommand "frob"`},
		{[]string{"policy", "check"}, "missing FILE"},
		{[]string{"policy", "schema", "extra"}, "unexpected arguments"},
		{[]string{"version", "--x"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		out, errOut, code := runCLI(t, "", tt.args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", tt.args, code)
		}
		if !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: stderr %q lacks %q", tt.args, errOut, tt.want)
		}
		if out != "" {
			t.Errorf("%v: usage error wrote to stdout: %q", tt.args, out)
		}
	}
	// The unknown-engine message lists what is registered.
	_, errOut, _ := runCLI(t, "", "check", "--engine", "nope")
	for name := range engines {
		if !strings.Contains(errOut, name) {
			t.Errorf("unknown-engine message %q does not list %q", errOut, name)
		}
	}
}

func TestVersion(t *testing.T) {
	out, _, code := runCLI(t, "", "version")
	p := core.DefaultPolicy()
	want := fmt.Sprintf("replyguard %s\ndefault policy: %s %s\n", version, p.Name, p.Version)
	if code != 0 || out != want {
		t.Errorf("version: exit %d, output %q, want %q", code, out, want)
	}
	if alias, _, _ := runCLI(t, "", "--version"); alias != out {
		t.Errorf("--version printed %q", alias)
	}
}
