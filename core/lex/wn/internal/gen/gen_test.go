package main

import (
	"bytes"
	"cmp"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dict is Debian's WordNet directory; WORDNET_DICT overrides it.
var dict = cmp.Or(os.Getenv("WORDNET_DICT"), "/usr/share/wordnet")

// haveWordNet skips a test on a machine without Debian's wordnet-base, except
// in CI (CI=true), where .ci/run installs it and a missing dictionary is a failure.
func haveWordNet(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dict, "data.noun")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("WordNet is missing in CI (apt-get install wordnet-base): %v", err)
		}
		t.Skipf("no WordNet dictionary (apt-get install wordnet-base): %v", err)
	}
}

// TestGeneratedIsCurrent regenerates terms_gen.go into a temporary directory
// and requires it byte-identical to the checked-in file.
func TestGeneratedIsCurrent(t *testing.T) {
	haveWordNet(t)
	out := filepath.Join(t.TempDir(), "terms_gen.go")
	if err := run(dict, "../../lists", out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../terms_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("core/lex/wn/terms_gen.go is stale: run go generate ./core/lex/wn")
	}
}

// TestListsAreChecked: every hand-list entry needs a reason, and an entry
// that no longer changes the output is an error, not dead weight.
func TestListsAreChecked(t *testing.T) {
	haveWordNet(t)
	cases := []struct{ file, add, wantErr string }{
		{"stop.txt", "ankle\n", "want 2 fields"},
		{"stop.txt", "ankle | \n", "want 2 fields"},
		{"stop.txt", "Ankle | capital\n", "lower case"},
		{"stop.txt", "zebra | not medical at all\n", `"zebra" is in no class`},
		{"stop.txt", "back | already dropped as everyday\n", `"back" is in no class or is already dropped`},
		{"keep.txt", "gingivitis | already kept\n", `"gingivitis" is in no class or is already kept`},
		{"extra.txt", "disorder | gingivitis | already there\n", `"gingivitis" is already a disorder term`},
		{"extra.txt", "organ | heart | no such class\n", `unknown class "organ"`},
		{"roots.txt", "drug | nosuch%1:06:00:: | typo\n", `no noun sense "nosuch%1:06:00::"`},
		{"general.txt", "retainer | already everyday (a fee too)\n", `"retainer" is no single-word term with one meaning`},
		{"general.txt", "zebra | not medical at all\n", `"zebra" is no single-word term`},
	}
	for _, c := range cases {
		dir := t.TempDir()
		for _, f := range []string{"roots.txt", "stop.txt", "keep.txt", "extra.txt", "general.txt"} {
			data, err := os.ReadFile(filepath.Join("../../lists", f))
			if err != nil {
				t.Fatal(err)
			}
			if f == c.file {
				data = append(data, c.add...)
			}
			if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		_, err := Generate(dict, dir)
		if err == nil || !strings.Contains(err.Error(), c.wantErr) {
			t.Errorf("%s + %q: err = %v, want it to contain %q", c.file, c.add, err, c.wantErr)
		}
	}
}
