package core

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The golden test pins Check's full output (every finding field, the comment
// info and the fingerprint) for every corpus reply, rule case and fuzz seed,
// so a change meant to be performance-only cannot change behaviour.
// Regenerate with `go test ./core/ -run TestGolden -update-golden` only when
// a behaviour change is intended.

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden/*.jsonl")

// goldenDir holds one file per kind of case (corpus.jsonl, rules.jsonl,
// fuzz.jsonl, joined.jsonl: the first part of a case's name), so a change
// shows in the part it touches and no file grows past a reviewable size.
const goldenDir = "testdata/golden"

// goldenFile is the file that pins the case named name.
func goldenFile(name string) string {
	kind, _, _ := strings.Cut(name, "/")
	return filepath.Join(goldenDir, kind+".jsonl")
}

type goldenCase struct {
	Name  string
	Input Input
}

type goldenRecord struct {
	Name        string      `json:"name"`
	Findings    []Finding   `json:"findings"`
	Comment     CommentInfo `json:"comment"`
	Fingerprint uint64      `json:"fingerprint"`
}

// goldenCases gathers every reply the tests know, plus a few long ones made
// by joining them, and a duplicate check against the previous reply.
func goldenCases(t *testing.T) []goldenCase {
	var cases []goldenCase
	var all []string
	for _, name := range []string{"dev", "holdout"} {
		prev := uint64(0)
		for _, it := range LoadCorpus(t, name) {
			in := Input{Text: it.Text, Comment: it.Comment, Platform: Platform(it.Platform)}
			cases = append(cases, goldenCase{"corpus/" + name + "/" + it.ID, in})
			in.Recent = []uint64{prev, Fingerprint(it.Text) ^ 1}
			cases = append(cases, goldenCase{"corpus/" + name + "/" + it.ID + "/recent", in})
			prev = Fingerprint(it.Text)
			all = append(all, it.Text)
		}
	}
	for _, rc := range LoadRuleCases(t) {
		cases = append(cases, goldenCase{"rules/" + rc.File + "/" + rc.Name, Input{Text: rc.Reply, Comment: rc.Comment, Platform: rc.Platform, Private: rc.Private}})
		all = append(all, rc.Reply)
	}
	for _, in := range loadFuzzSeeds(t) {
		cases = append(cases, in)
	}
	for _, sep := range []string{" ", "\n", "\n\n"} {
		for _, n := range []int{10, 100, len(all)} {
			text := strings.Join(all[:min(n, len(all))], sep)
			cases = append(cases, goldenCase{"joined/" + strconv.Quote(sep) + "/" + strconv.Itoa(n), Input{Text: text, Comment: "I waited an hour and the bill was wrong!", Platform: Instagram}})
		}
	}
	return cases
}

// loadFuzzSeeds reads testdata/fuzz/FuzzCheck (text, comment, platform byte).
func loadFuzzSeeds(t *testing.T) []goldenCase {
	files, _ := filepath.Glob("testdata/fuzz/FuzzCheck/*")
	var out []goldenCase
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var vals []string
		for _, line := range strings.Split(string(data), "\n")[1:] {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			open := strings.IndexByte(line, '(')
			lit := line[open+1 : len(line)-1]
			switch {
			case strings.HasPrefix(line, "string("):
				s, err := strconv.Unquote(lit)
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				vals = append(vals, s)
			case strings.HasPrefix(line, "byte("):
				s, err := strconv.Unquote(lit)
				if err != nil || len(s) == 0 {
					// byte('\x01') is a rune literal
					r, _, _, err2 := strconv.UnquoteChar(strings.Trim(lit, "'"), '\'')
					if err2 != nil {
						t.Fatalf("%s: %v", f, err2)
					}
					s = string(rune(r))
				}
				vals = append(vals, s)
			}
		}
		if len(vals) != 3 {
			t.Fatalf("%s: want 3 values, got %d", f, len(vals))
		}
		plat := [...]string{"", "facebook", "instagram", "myspace"}[[]byte(vals[2])[0]%4]
		out = append(out, goldenCase{"fuzz/" + filepath.Base(f), Input{Text: vals[0], Comment: vals[1], Platform: Platform(plat)}})
	}
	return out
}

func TestGoldenFindings(t *testing.T) {
	e := MustDefaultEngine()
	cases := goldenCases(t)
	var got []string
	for _, c := range cases {
		res := e.Check(c.Input)
		b, err := json.Marshal(goldenRecord{c.Name, res.Findings, res.Comment, res.Fingerprint})
		if err != nil {
			t.Fatal(err)
		}
		// Long records (joined replies run to hundreds of kilobytes) are
		// pinned by digest so the file stays small and the check strict.
		if len(b) > 1<<10 {
			sum := sha256.Sum256(b)
			b, _ = json.Marshal(map[string]string{"name": c.Name, "sha256": hex.EncodeToString(sum[:])})
		}
		got = append(got, string(b))
	}
	files := map[string][]string{} // file -> its records, in case order
	var order []string
	for i, c := range cases {
		f := goldenFile(c.Name)
		if _, ok := files[f]; !ok {
			order = append(order, f)
		}
		files[f] = append(files[f], got[i])
	}
	if *updateGolden {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range order {
			if err := os.WriteFile(f, []byte(strings.Join(files[f], "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("wrote %d records in %d files", len(got), len(order))
		return
	}
	bad := 0
	for _, f := range order {
		want := readGolden(t, f)
		if len(want) != len(files[f]) {
			t.Fatalf("%s has %d records, got %d", f, len(want), len(files[f]))
		}
		for k, g := range files[f] {
			if g != want[k] {
				bad++
				if bad <= 5 {
					t.Errorf("%s, record %d, differs:\n got: %s\nwant: %s", f, k+1, g, want[k])
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d records differ", bad, len(got))
	}
}

// readGolden returns the lines of golden file f.
func readGolden(t *testing.T, f string) []string {
	r, err := os.Open(f)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var lines []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<24), 1<<24)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return lines
}
