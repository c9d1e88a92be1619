// Package archive reads rule test data: txtar-like archives whose cases
// carry their expectations inline. Each section is one case:
//
//	-- name --
//	comment: the patient's comment (optional)
//	platform: instagram (optional)
//	private: true                   the reply is a private message (optional)
//	want: phi "your root canal"     a warning+ finding whose span matches the regexp
//	want: conduct                    a warning+ finding of that category anywhere
//	info: length                     an info finding of that category
//	clean: phi "Dr\\. Patel"           no warning+ finding of that category overlaps a match
//	>>>
//	the reply text, up to the next section
//
// A category without a want line must produce no warning-or-error finding,
// so false positives fail.
package archive

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/replyguard/replyguard/core/analysis"
)

// Case is one parsed case.
type Case struct {
	File, Name string
	Comment    string
	Platform   analysis.Platform
	Private    bool // the reply goes in a private message (Input.Private)
	Reply      string
	Wants      []Want
	// Cleans are phrases that must stay unmarked even in a reply that is
	// flagged elsewhere ("clean:" lines).
	Cleans []Want
}

// Want is one expectation line.
type Want struct {
	Category analysis.Category
	Info     bool           // an info finding, not warning or error
	Span     *regexp.Regexp // nil: anywhere
	Line     string
}

// Parse reads one archive.
func Parse(path string) ([]Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cases []Case
	var cur *Case
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
			cur = &Case{File: filepath.Base(path), Name: strings.TrimSuffix(strings.TrimPrefix(line, "-- "), " --"), Platform: analysis.Facebook}
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
			cur.Platform = analysis.Platform(strings.TrimPrefix(line, "platform: "))
		case strings.HasPrefix(line, "private: "):
			v, err := strconv.ParseBool(strings.TrimPrefix(line, "private: "))
			if err != nil {
				return nil, fmt.Errorf("%s:%d: private must be true or false", path, ln)
			}
			cur.Private = v
		case strings.HasPrefix(line, "want: "), strings.HasPrefix(line, "info: "), strings.HasPrefix(line, "clean: "):
			w := Want{Info: strings.HasPrefix(line, "info: "), Line: line}
			clean := strings.HasPrefix(line, "clean: ")
			rest := line[6:]
			if clean {
				rest = line[7:]
			}
			cat, pat, _ := strings.Cut(rest, " ")
			w.Category = analysis.Category(cat)
			if !w.Category.Valid() {
				return nil, fmt.Errorf("%s:%d: unknown category %q", path, ln, cat)
			}
			if pat = strings.TrimSpace(pat); pat != "" {
				uq, err := strconv.Unquote(pat)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: pattern must be a quoted string: %v", path, ln, err)
				}
				if w.Span, err = regexp.Compile("(?i)" + uq); err != nil {
					return nil, fmt.Errorf("%s:%d: %v", path, ln, err)
				}
			}
			if clean {
				if w.Span == nil {
					return nil, fmt.Errorf("%s:%d: clean: needs a quoted pattern", path, ln)
				}
				cur.Cleans = append(cur.Cleans, w)
				continue
			}
			cur.Wants = append(cur.Wants, w)
		case strings.TrimSpace(line) == "":
		default:
			return nil, fmt.Errorf("%s:%d: unexpected line %q (want comment:, platform:, private:, want:, info:, clean: or >>>)", path, ln, line)
		}
	}
	flush()
	return cases, sc.Err()
}

// Glob parses every archive matching pattern.
func Glob(pattern string) ([]Case, error) {
	files, err := filepath.Glob(pattern)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no rule test data matches %s", pattern)
	}
	var all []Case
	for _, f := range files {
		cs, err := Parse(f)
		if err != nil {
			return nil, err
		}
		all = append(all, cs...)
	}
	return all, nil
}

// Compare checks findings against the case's expectations for the
// categories in cats (all categories when cats is empty) and returns one
// message per disagreement.
func Compare(c Case, fs []analysis.Finding, cats ...analysis.Category) []string {
	judged := func(cat analysis.Category) bool {
		if len(cats) == 0 {
			return true
		}
		for _, x := range cats {
			if x == cat {
				return true
			}
		}
		return false
	}
	var errs []string
	for _, w := range c.Wants {
		if !judged(w.Category) {
			continue
		}
		found := false
		for _, f := range fs {
			if f.Category != w.Category || (f.Severity == analysis.Info) != w.Info {
				continue
			}
			if w.Span != nil && !w.Span.MatchString(c.Reply[f.Start:f.End]) {
				continue
			}
			found = true
		}
		if !found {
			errs = append(errs, fmt.Sprintf("missing finding for %q\nreply: %s\ngot:\n%s", w.Line, c.Reply, Describe(c.Reply, fs)))
		}
	}
	want := map[analysis.Category]bool{}
	for _, w := range c.Wants {
		if !w.Info {
			want[w.Category] = true
		}
	}
	for _, f := range fs {
		if f.Severity != analysis.Info && !want[f.Category] && judged(f.Category) {
			errs = append(errs, fmt.Sprintf("unexpected %s finding %q on %q\nreply: %s", f.Category, f.Message, c.Reply[f.Start:f.End], c.Reply))
		}
	}
	for _, w := range c.Cleans {
		if !judged(w.Category) {
			continue
		}
		for _, loc := range w.Span.FindAllStringIndex(c.Reply, -1) {
			for _, f := range fs {
				if f.Category == w.Category && f.Severity != analysis.Info && f.Start < loc[1] && loc[0] < f.End {
					errs = append(errs, fmt.Sprintf("%q is marked by %s finding %q on %q\nreply: %s", w.Line, f.Category, f.Message, c.Reply[f.Start:f.End], c.Reply))
				}
			}
		}
	}
	return errs
}

// Describe lists findings one per line, for failure messages.
func Describe(text string, fs []analysis.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %s/%s %s [%d:%d] %q: %s\n", f.Category, f.Rule, f.Severity, f.Start, f.End, text[f.Start:f.End], f.Message)
	}
	return b.String()
}
