package core_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/replyguard/replyguard/core"
)

// fuzzEngine is shared: Check must not mutate the engine.
var fuzzEngine = core.MustDefaultEngine()

// platformOf maps the fuzzer's byte to a platform, including an unknown one.
func platformOf(b byte) string {
	return [...]string{"", "facebook", "instagram", "myspace"}[b%4]
}

// FuzzCheck: no input makes Check panic, and every finding is well formed:
// spans in bounds and on rune boundaries, UTF-16 spans in bounds and never
// splitting a surrogate pair, known category and severity, style-conformant
// message, findings sorted by start. Seeds are in testdata/fuzz/FuzzCheck.
func FuzzCheck(f *testing.F) {
	f.Add("", "", byte(0))
	f.Add("Thanks Maria! See you at your next cleaning 😊", "Love this office!", byte(1))
	f.Fuzz(func(t *testing.T, text, comment string, platform byte) {
		p := platformOf(platform)
		in := core.Input{Text: text, Comment: comment, Platform: core.Platform(p)}
		res := fuzzEngine.Check(in)
		checkFindings(t, text, res.Findings)
		if again := fuzzEngine.Check(in); !reflect.DeepEqual(again, res) {
			t.Fatalf("Check is not deterministic:\nfirst:  %+v\nsecond: %+v", res, again)
		}

		resp, err := fuzzEngine.CheckRequest(&core.Request{Text: text, Comment: comment, Platform: p})
		if p == "myspace" {
			if err == nil {
				t.Fatalf("CheckRequest accepted platform %q", p)
			}
			return
		}
		if err != nil {
			t.Fatalf("CheckRequest(platform %q): %v", p, err)
		}
		checkResponse(t, text, resp, len(res.Findings))
	})
}

func checkFindings(t *testing.T, text string, fs []core.Finding) {
	t.Helper()
	if err := findingsProblem(text, fs); err != nil {
		t.Fatal(err)
	}
}

func checkResponse(t *testing.T, text string, resp *core.Response, want int) {
	t.Helper()
	if err := responseProblem(text, resp, want); err != nil {
		t.Fatal(err)
	}
}

// findingsProblem returns the first broken invariant of a Check result.
func findingsProblem(text string, fs []core.Finding) error {
	valid := utf8.ValidString(text)
	onBoundary := func(i int) bool { return i == len(text) || utf8.RuneStart(text[i]) }
	span := func(what string, start, end int) error {
		if start < 0 || start > end || end > len(text) {
			return fmt.Errorf("%s span [%d,%d) out of bounds for %d bytes", what, start, end, len(text))
		}
		if valid && (!onBoundary(start) || !onBoundary(end)) {
			return fmt.Errorf("%s span [%d,%d) splits a rune in %q", what, start, end, excerpt(text, start, end))
		}
		return nil
	}
	for i, f := range fs {
		what := "finding " + f.Rule
		if err := span(what, f.Start, f.End); err != nil {
			return err
		}
		for _, ed := range f.Edits {
			if err := span(what+" edit", ed.Start, ed.End); err != nil {
				return err
			}
			if !utf8.ValidString(ed.NewText) {
				return fmt.Errorf("%s edit has invalid UTF-8 new text %q", what, ed.NewText)
			}
		}
		if f.Rule == "" {
			return fmt.Errorf("finding %d has no rule name: %+v", i, f)
		}
		if err := kindProblem(what, f.Category, f.Severity, f.Message); err != nil {
			return err
		}
		if i > 0 && f.Start < fs[i-1].Start {
			return fmt.Errorf("findings not sorted by start: %s at %d after %s at %d", f.Rule, f.Start, fs[i-1].Rule, fs[i-1].Start)
		}
	}
	return nil
}

// kindProblem checks category, severity and the message style: non-empty,
// lower-case first letter, no final period (STYLE.md).
func kindProblem(what string, c core.Category, s core.Severity, msg string) error {
	switch {
	case !c.Valid():
		return fmt.Errorf("%s has unknown category %q", what, c)
	case s.Rank() < 0:
		return fmt.Errorf("%s has unknown severity %q", what, s)
	case strings.TrimSpace(msg) == "":
		return fmt.Errorf("%s has an empty message", what)
	case strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, "..."):
		return fmt.Errorf("%s message ends with a period: %q", what, msg)
	}
	if r, _ := utf8.DecodeRuneInString(msg); unicode.IsUpper(r) {
		return fmt.Errorf("%s message starts upper-case: %q", what, msg)
	}
	return nil
}

// responseProblem returns the first broken invariant of the JSON path.
func responseProblem(text string, resp *core.Response, want int) error {
	units := utf16.Encode([]rune(text))
	n := len(units)
	// inside reports whether offset o falls between a surrogate pair's halves.
	inside := func(o int) bool {
		if o <= 0 || o >= n {
			return false
		}
		high := units[o-1] >= 0xd800 && units[o-1] < 0xdc00
		low := units[o] >= 0xdc00 && units[o] < 0xe000
		return high && low
	}
	span := func(what string, start, end int) error {
		if start < 0 || start > end || end > n {
			return fmt.Errorf("%s UTF-16 span [%d,%d) out of bounds for %d code units", what, start, end, n)
		}
		if inside(start) || inside(end) {
			return fmt.Errorf("%s UTF-16 span [%d,%d) splits a surrogate pair", what, start, end)
		}
		return nil
	}
	if len(resp.Findings) != want {
		return fmt.Errorf("CheckRequest gave %d findings, Check gave %d", len(resp.Findings), want)
	}
	for i, f := range resp.Findings {
		what := "JSON finding " + f.Rule
		if err := span(what, f.Start, f.End); err != nil {
			return err
		}
		for _, ed := range f.Edits {
			if err := span(what+" edit", ed.Start, ed.End); err != nil {
				return err
			}
		}
		if err := kindProblem(what, f.Category, f.Severity, f.Message); err != nil {
			return err
		}
		if i > 0 && f.Start < resp.Findings[i-1].Start {
			return fmt.Errorf("JSON findings not sorted by start at %d", i)
		}
	}
	if _, err := core.ParseFingerprint(resp.Fingerprint); err != nil || len(resp.Fingerprint) != 16 {
		return fmt.Errorf("fingerprint %q is not 16 hex digits", resp.Fingerprint)
	}
	if resp.Comment.Topics == nil {
		return fmt.Errorf("comment topics is null in JSON; want []")
	}
	return nil
}

// excerpt shows a little of the text around a span for failure messages.
func excerpt(text string, start, end int) string {
	lo, hi := max(0, start-20), min(len(text), end+20)
	return text[lo:hi]
}

// TestInvariantCheckersCatchBadFindings proves the fuzz oracle can fail.
func TestInvariantCheckersCatchBadFindings(t *testing.T) {
	const text = "hi 😊 zoë" // 😊 is bytes 3–7, UTF-16 units 3–5
	ok := core.Finding{Rule: "r", Category: core.PHI, Severity: core.Warning, Start: 3, End: 7, Message: "fine message"}
	if err := findingsProblem(text, []core.Finding{ok}); err != nil {
		t.Fatalf("good finding rejected: %v", err)
	}
	bad := map[string]func(*core.Finding){
		"out of bounds":   func(f *core.Finding) { f.End = len(text) + 1 },
		"negative start":  func(f *core.Finding) { f.Start = -1 },
		"reversed":        func(f *core.Finding) { f.Start, f.End = 7, 3 },
		"splits rune":     func(f *core.Finding) { f.End = 5 },
		"edit splits":     func(f *core.Finding) { f.Edits = []core.Edit{{Start: 4, End: 7}} },
		"no rule":         func(f *core.Finding) { f.Rule = "" },
		"bad category":    func(f *core.Finding) { f.Category = "tone" },
		"bad severity":    func(f *core.Finding) { f.Severity = "fatal" },
		"empty message":   func(f *core.Finding) { f.Message = " " },
		"capital message": func(f *core.Finding) { f.Message = "Fine message" },
		"final period":    func(f *core.Finding) { f.Message = "fine message." },
	}
	for name, mutate := range bad {
		f := ok
		mutate(&f)
		if findingsProblem(text, []core.Finding{f}) == nil {
			t.Errorf("%s: not caught", name)
		}
	}
	later := ok
	later.Start, later.End = 9, 12
	if findingsProblem(text, []core.Finding{later, ok}) == nil {
		t.Error("unsorted findings not caught")
	}

	resp := &core.Response{Fingerprint: "00000000000000ff", Comment: core.CommentJSON{Topics: []string{}},
		Findings: []core.JSONFinding{{Rule: "r", Category: core.PHI, Severity: core.Info, Start: 3, End: 5, Message: "fine"}}}
	if err := responseProblem(text, resp, 1); err != nil {
		t.Fatalf("good response rejected: %v", err)
	}
	resp.Findings[0].End = 4 // between the halves of 😊
	if responseProblem(text, resp, 1) == nil {
		t.Error("surrogate split not caught")
	}
	resp.Findings[0].End = 10 // the text is 9 UTF-16 units
	if responseProblem(text, resp, 1) == nil {
		t.Error("UTF-16 out of bounds not caught")
	}
	resp.Findings[0].End = 5
	if responseProblem(text, resp, 2) == nil {
		t.Error("finding count mismatch not caught")
	}
}
