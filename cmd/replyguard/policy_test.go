package main

import (
	"strings"
	"testing"

	"github.com/replyguard/replyguard/policies"
)

func TestPolicyCheck(t *testing.T) {
	good := writeFile(t, "good.json", `{"name": "Riverside Family Dental", "version": "2024.06"}`)
	bad := writeFile(t, "bad.json", `{"version": 2, "practice": {"staff": [{"role": "Billing"}]}, "rules": {"canned": {"frobnicate": 1}}}`)
	broken := writeFile(t, "broken.json", "{\n  \"name\": \"x\",\n}")

	out, errOut, code := runCLI(t, "", "policy", "check", good)
	if code != 0 || out != good+": ok (Riverside Family Dental, 2024.06)\n" || errOut != "" {
		t.Errorf("good: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	out, _, code = runCLI(t, "", "policy", "check", bad)
	want := bad + ": version: must be a string\n" +
		bad + ": practice.staff[0].name: required\n" +
		bad + ": rules.canned.frobnicate: unknown field\n"
	if code != 1 || out != want {
		t.Errorf("bad: exit %d, stdout:\n%s\nwant:\n%s", code, out, want)
	}

	// Unknown names anywhere are errors at their JSON paths.
	unknown := writeFile(t, "unknown.json", `{"rules": {"phi": {"disabled_rules": ["hipa"]}, "manners": {"rude_phrases": {"remove": ["be nice"]}}}}`)
	out, _, code = runCLI(t, "", "policy", "check", unknown)
	want = unknown + `: rules.manners.rude_phrases.remove[0]: "be nice" is not a built-in rude phrase` + "\n" +
		unknown + `: rules.phi.disabled_rules[0]: unknown rule "hipa" (did you mean "hipaa"?)` + "\n"
	if code != 1 || out != want {
		t.Errorf("unknown names: exit %d, stdout:\n%s\nwant:\n%s", code, out, want)
	}

	out, _, code = runCLI(t, "", "policy", "check", broken)
	if want := broken + ": line 3, column 1: invalid character '}' looking for beginning of object key string\n"; code != 1 || out != want {
		t.Errorf("broken: exit %d, stdout %q, want %q", code, out, want)
	}

	// Several files: every verdict, worst status.
	out, _, code = runCLI(t, "", "policy", "check", good, bad)
	if code != 1 || !strings.HasPrefix(out, good+": ok") || !strings.Contains(out, bad+": version") {
		t.Errorf("two files: exit %d, %q", code, out)
	}
	out, errOut, code = runCLI(t, "", "policy", "check", good, "/no/such/policy.json")
	if code != 2 || !strings.Contains(out, good+": ok") || !strings.Contains(errOut, "/no/such/policy.json") {
		t.Errorf("unreadable: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	// "-" reads standard input.
	out, _, code = runCLI(t, `{"name": "stdin policy"}`, "policy", "check", "-")
	if code != 0 || out != "-: ok (stdin policy, 1.0.0)\n" {
		t.Errorf("stdin: exit %d, %q", code, out)
	}
}

func TestPolicyCheckShippedPolicies(t *testing.T) {
	for _, f := range []string{"../../policies/default.json", "../../policies/dental-example.json", "../../policies/medical-example.json"} {
		out, _, code := runCLI(t, "", "policy", "check", f)
		if code != 0 || !strings.HasPrefix(out, f+": ok (") {
			t.Errorf("%s: exit %d, %q", f, code, out)
		}
	}
}

func TestPolicySchemaAndDefault(t *testing.T) {
	out, _, code := runCLI(t, "", "policy", "schema")
	if code != 0 || out != string(policies.Schema) {
		t.Errorf("schema: exit %d, %d bytes (want %d)", code, len(out), len(policies.Schema))
	}
	out, _, code = runCLI(t, "", "policy", "default")
	if code != 0 || out != string(policies.Default) {
		t.Errorf("default: exit %d, %d bytes", code, len(out))
	}
	// What "policy default" prints is a valid policy to start from.
	p := writeFile(t, "start.json", out)
	if _, _, code := runCLI(t, "", "policy", "check", p); code != 0 {
		t.Errorf("policy default output does not validate")
	}
}
