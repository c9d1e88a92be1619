package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// keygen makes a key pair in a fresh directory.
func keygen(t *testing.T) (dir, priv, pub string) {
	t.Helper()
	dir = t.TempDir()
	priv, pub = filepath.Join(dir, "practice.key"), filepath.Join(dir, "practice.pub")
	out, errOut, code := runCLI(t, "", "policy", "keygen", "--private", priv, "--public", pub)
	if code != 0 || !strings.HasPrefix(out, "key id ") {
		t.Fatalf("keygen: exit %d, %q %q", code, out, errOut)
	}
	return dir, priv, pub
}

func TestPolicyKeygen(t *testing.T) {
	dir, priv, pub := keygen(t)
	for name, want := range map[string]os.FileMode{priv: 0o600, pub: 0o644} {
		st, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", name, st.Mode().Perm(), want)
		}
	}
	before, _ := os.ReadFile(priv)
	// Refuses to overwrite either file, and leaves no half pair behind.
	other := filepath.Join(dir, "other.pub")
	for _, args := range [][]string{{"--private", priv, "--public", other}, {"--private", filepath.Join(dir, "new.key"), "--public", pub}} {
		_, errOut, code := runCLI(t, "", append([]string{"policy", "keygen"}, args...)...)
		if code != 2 || !strings.Contains(errOut, "already exists") {
			t.Errorf("keygen %v: exit %d, %q", args, code, errOut)
		}
	}
	after, _ := os.ReadFile(priv)
	if string(before) != string(after) {
		t.Error("the private key was overwritten")
	}
	for _, f := range []string{other, filepath.Join(dir, "new.key")} {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s was created", f)
		}
	}
	if _, _, code := runCLI(t, "", "policy", "keygen", "--private", filepath.Join(dir, "x")); code != 2 {
		t.Errorf("missing --public: exit %d", code)
	}
}

func TestPolicySignAndVerify(t *testing.T) {
	dir, priv, pub := keygen(t)
	policy := writeFile(t, "practice.json", `{"name": "Riverside Family Dental", "version": "2026.12.1", "response_window": {"hours": 4}}`)
	bundleFile := filepath.Join(dir, "practice.bundle.json")

	start := time.Now().Unix()
	_, errOut, code := runCLI(t, "", "policy", "sign", "--key", priv, "-o", bundleFile, policy)
	if code != 0 || !strings.Contains(errOut, `signed "Riverside Family Dental"`) {
		t.Fatalf("sign: exit %d, %q", code, errOut)
	}
	data, err := os.ReadFile(bundleFile)
	if err != nil {
		t.Fatal(err)
	}
	var b struct {
		KeyID    string         `json:"key_id"`
		IssuedAt string         `json:"issued_at"`
		Serial   int64          `json:"serial"`
		Policy   map[string]any `json:"policy"`
	}
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	issued, err := time.Parse(time.RFC3339, b.IssuedAt)
	if err != nil || b.Serial < start || b.Serial != issued.Unix() || b.Policy["name"] != "Riverside Family Dental" {
		t.Fatalf("default serial %d should be the issued-at time %s in seconds: %s", b.Serial, b.IssuedAt, data)
	}

	out, _, code := runCLI(t, "", "policy", "verify", "--public", pub, bundleFile)
	if code != 0 || !strings.Contains(out, "policy:  Riverside Family Dental (2026.12.1)\n") || !strings.Contains(out, "key id:  "+b.KeyID+"\n") {
		t.Fatalf("verify: exit %d, %q", code, out)
	}

	// Stdout, with an explicit serial.
	out, _, code = runCLI(t, "", "policy", "sign", "--key", priv, "--serial", "14", policy)
	if code != 0 || !strings.Contains(out, `"serial": 14,`) {
		t.Fatalf("sign --serial 14: exit %d, %q", code, out)
	}
	signed14 := writeFile(t, "14.json", out)
	if out, _, code := runCLI(t, "", "policy", "verify", "--public", pub, signed14); code != 0 || !strings.Contains(out, "serial:  14\n") {
		t.Fatalf("verify 14: exit %d, %q", code, out)
	}

	_, _, otherPub := keygen(t)
	cases := []struct {
		name, file, pub, want string
	}{
		{"tampered policy", writeFile(t, "t.json", strings.Replace(out, `"hours":4`, `"hours":8`, 1)), pub, "signature: does not match"},
		{"raised serial", writeFile(t, "s.json", strings.Replace(out, `"serial": 14`, `"serial": 15`, 1)), pub, "signature: does not match"},
		{"other key", signed14, otherPub, "key_id: signed with key"},
		{"plain policy", policy, pub, "format: missing"},
		{"truncated", writeFile(t, "h.json", out[:len(out)/2]), pub, "format: not JSON"},
	}
	for _, c := range cases {
		got, _, code := runCLI(t, "", "policy", "verify", "--public", c.pub, c.file)
		if code != 1 || !strings.Contains(got, c.want) {
			t.Errorf("%s: exit %d, %q, want %q", c.name, code, got, c.want)
		}
	}
	if _, _, code := runCLI(t, "", "policy", "verify", "--public", priv, signed14); code != 2 {
		t.Errorf("private key given as --public: exit %d, want 2", code)
	}
	if _, _, code := runCLI(t, "", "policy", "sign", "--key", priv, "--serial", "0", policy); code != 2 {
		t.Errorf("--serial 0: exit %d, want 2", code)
	}
	if _, _, code := runCLI(t, "", "policy", "sign", "--key", pub, policy); code != 2 {
		t.Errorf("public key given as --key: exit %d, want 2", code)
	}
}

func TestPolicySignValidatesFirst(t *testing.T) {
	dir, priv, _ := keygen(t)
	bad := writeFile(t, "bad.json", `{"name": "X", "rules": {"length": {"facebook": {"max_words": -3}}, "canned": {"frobnicate": 1}}}`)
	target := filepath.Join(dir, "out.json")
	out, errOut, code := runCLI(t, "", "policy", "sign", "--key", priv, "-o", target, bad)
	want := bad + ": rules.length.facebook.max_words: must be a positive integer\n" + bad + ": rules.canned.frobnicate: unknown field\n"
	if code != 1 || out != "" || !strings.HasPrefix(errOut, want) {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s\nwant prefix:\n%s", code, out, errOut, want)
	}
	if _, err := os.Stat(target); err == nil {
		t.Fatal("an invalid policy was signed")
	}
}
