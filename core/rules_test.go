package core

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Rule test data lives in testdata/rules/*.txtar, one archive per seed rule.
// Each section is one case:
//
//	-- name --
//	comment: the patient's comment (optional)
//	platform: instagram (optional)
//	want: phi "your root canal"     a warning+ finding whose span matches the regexp
//	want: conduct                    a warning+ finding of that category anywhere
//	info: length                     an info finding of that category
//	>>>
//	the reply text, up to the next section
//
// A category without a want line must produce no warning-or-error finding,
// so false positives fail the test.

// RuleCase is one parsed case; exported within the package for the corpus
// and the wasm parity tests.
type RuleCase struct {
	File, Name string
	Comment    string
	Platform   Platform
	Reply      string
	Wants      []want
}

type want struct {
	cat  Category
	info bool
	re   *regexp.Regexp // nil: anywhere
	line string
}

func parseTxtar(path string) ([]RuleCase, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cases []RuleCase
	var cur *RuleCase
	inReply := false
	var reply []string
	flush := func() {
		if cur != nil {
			cur.Reply = strings.TrimRight(strings.Join(reply, "\n"), "\n")
			cases = append(cases, *cur)
		}
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		line := sc.Text()
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") {
			flush()
			cur = &RuleCase{File: filepath.Base(path), Name: strings.TrimSuffix(strings.TrimPrefix(line, "-- "), " --"), Platform: Facebook}
			inReply, reply = false, nil
			continue
		}
		if cur == nil {
			continue // archive comment
		}
		if inReply {
			reply = append(reply, line)
			continue
		}
		switch {
		case line == ">>>":
			inReply = true
		case strings.HasPrefix(line, "comment: "):
			cur.Comment = strings.TrimPrefix(line, "comment: ")
		case strings.HasPrefix(line, "platform: "):
			cur.Platform = Platform(strings.TrimPrefix(line, "platform: "))
		case strings.HasPrefix(line, "want: "), strings.HasPrefix(line, "info: "):
			w := want{info: strings.HasPrefix(line, "info: "), line: line}
			rest := line[6:]
			cat, pat, _ := strings.Cut(rest, " ")
			w.cat = Category(cat)
			if !w.cat.Valid() {
				return nil, fmt.Errorf("%s:%d: unknown category %q", path, ln, cat)
			}
			if pat = strings.TrimSpace(pat); pat != "" {
				uq, err := strconv.Unquote(pat)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: pattern must be a quoted string: %v", path, ln, err)
				}
				w.re = regexp.MustCompile("(?i)" + uq)
			}
			cur.Wants = append(cur.Wants, w)
		case strings.TrimSpace(line) == "":
		default:
			return nil, fmt.Errorf("%s:%d: unexpected line %q (want comment:, platform:, want:, info: or >>>)", path, ln, line)
		}
	}
	flush()
	return cases, sc.Err()
}

// LoadRuleCases reads every rule archive.
func LoadRuleCases(t testing.TB) []RuleCase {
	t.Helper()
	files, _ := filepath.Glob("testdata/rules/*.txtar")
	if len(files) == 0 {
		t.Fatal("no rule test data in testdata/rules")
	}
	var all []RuleCase
	for _, f := range files {
		cs, err := parseTxtar(f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, cs...)
	}
	return all
}

// TestRules pins the rules themselves; the learned scorer, which may add or
// demote findings, is measured by cross-validation (internal/train).
func TestRules(t *testing.T) {
	e := MustDefaultEngine().WithoutScorer()
	for _, rc := range LoadRuleCases(t) {
		t.Run(rc.File+"/"+rc.Name, func(t *testing.T) {
			res := e.Check(Input{Text: rc.Reply, Comment: rc.Comment, Platform: rc.Platform})
			used := make([]bool, len(res.Findings))
			for _, w := range rc.Wants {
				found := false
				for i, f := range res.Findings {
					if f.Category != w.cat || (f.Severity == Info) != w.info {
						continue
					}
					if w.re != nil && !w.re.MatchString(rc.Reply[f.Start:f.End]) {
						continue
					}
					used[i], found = true, true
				}
				if !found {
					t.Errorf("missing finding for %q\nreply: %s\ngot:\n%s", w.line, rc.Reply, describe(rc.Reply, res.Findings))
				}
			}
			wantCat := map[Category]bool{}
			for _, w := range rc.Wants {
				if !w.info {
					wantCat[w.cat] = true
				}
			}
			for _, f := range res.Findings {
				if f.Severity != Info && !wantCat[f.Category] {
					t.Errorf("unexpected %s finding %q on %q\nreply: %s", f.Category, f.Message, rc.Reply[f.Start:f.End], rc.Reply)
				}
			}
		})
	}
}

func describe(text string, fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %s/%s %s [%d:%d] %q: %s\n", f.Category, f.Rule, f.Severity, f.Start, f.End, text[f.Start:f.End], f.Message)
	}
	return b.String()
}

func TestRegistry(t *testing.T) {
	if err := ValidateRules(Rules); err != nil {
		t.Fatal(err)
	}
	bad := []*Rule{{Name: "x", Doc: "d", Category: PHI, Run: func(*Pass) {}}, {Name: "x", Doc: "d", Category: PHI, Run: func(*Pass) {}}}
	if err := ValidateRules(bad); err == nil {
		t.Fatal("duplicate names must fail validation")
	}
	if err := ValidateRules([]*Rule{{Name: "y", Category: PHI, Run: func(*Pass) {}}}); err == nil {
		t.Fatal("a rule without doc must fail validation")
	}
	seen := map[Category]bool{}
	for _, r := range Rules {
		seen[r.Category] = true
	}
	for _, c := range Categories {
		if !seen[c] {
			t.Errorf("no rule for category %s", c)
		}
	}
}
