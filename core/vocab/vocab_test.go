package vocab

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// minimums are the sizes the PHI rule was designed around.
var minimums = map[string]int{
	"procedures":            600,
	"colloquial":            150,
	"conditions":            500,
	"medications":           400,
	"first_names":           1500,
	"first_names_ambiguous": 80,
	"first_names_more":      3500,
	"surnames":              800,
	"relationship_phrases":  120,
}

func TestEveryListIsPresentAndBigEnough(t *testing.T) {
	names := Names()
	for name, min := range minimums {
		if !slices.Contains(names, name) {
			t.Errorf("%s.txt is not embedded (have %v)", name, names)
			continue
		}
		if n := len(List(name)); n < min {
			t.Errorf("%s.txt has %d entries, want at least %d", name, n, min)
		}
	}
	for _, name := range names {
		if _, ok := minimums[name]; !ok {
			t.Errorf("%s.txt has no minimum in this test; add one", name)
		}
	}
}

// TestEveryFileIsEmbedded checks the generated table in files_gen.go: every
// list in the directory is there, verbatim, and nothing else is.
func TestEveryFileIsEmbedded(t *testing.T) {
	paths, err := filepath.Glob("*.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		name := strings.TrimSuffix(p, ".txt")
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		embedded, ok := files[name]
		switch {
		case !ok:
			t.Errorf("%s is not in files_gen.go: run go test ./core/vocab -update", p)
		case embedded != string(data):
			t.Errorf("%s differs from its embedded copy", p)
		}
	}
	if len(files) != len(paths) {
		t.Errorf("files_gen.go holds %d lists, the directory has %d", len(files), len(paths))
	}
}

// TestRawFiles checks the files as written: trimmed lower-case lines, no
// duplicates, sorted between comment lines, one ambiguous header at most.
func TestRawFiles(t *testing.T) {
	for _, name := range Names() {
		data, err := os.ReadFile(name + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(data) {
			t.Errorf("%s.txt is not valid UTF-8", name)
		}
		seen := map[string]int{}
		prev, headers := "", 0
		for i, line := range strings.Split(string(data), "\n") {
			where := name + ".txt:" + strconv.Itoa(i+1)
			switch {
			case line == "":
				continue
			case strings.HasPrefix(line, "#"):
				prev = "" // a comment starts a new sorted section
				if line == AmbiguousHeader {
					headers++
				}
				continue
			}
			if strings.TrimSpace(line) != line || strings.Contains(line, "  ") || strings.Contains(line, "\t") {
				t.Errorf("%s: %q has stray whitespace", where, line)
			}
			if strings.ToLower(line) != line {
				t.Errorf("%s: %q is not lower-case", where, line)
			}
			if strings.ContainsAny(line, "{}") {
				t.Errorf("%s: %q has a placeholder brace", where, line)
			}
			if first, dup := seen[line]; dup {
				t.Errorf("%s: %q duplicates line %d", where, line, first)
			}
			seen[line] = i + 1
			if prev != "" && line < prev {
				t.Errorf("%s: %q is out of order after %q", where, line, prev)
			}
			prev = line
		}
		if headers > 1 {
			t.Errorf("%s.txt has %d %q headers, want at most one", name, headers, AmbiguousHeader)
		}
	}
}

func TestAmbiguousIsASubsetOfList(t *testing.T) {
	for _, name := range Names() {
		all := map[string]bool{}
		for _, e := range List(name) {
			all[e] = true
		}
		for _, e := range Ambiguous(name) {
			if !all[e] {
				t.Errorf("%s: ambiguous entry %q missing from List", name, e)
			}
		}
	}
	// The lists below carry everyday words the rule must treat with care.
	for name, want := range map[string][]string{
		"procedures":  {"cap", "bridge", "crown", "cast"},
		"colloquial":  {"cap", "results", "trays"},
		"conditions":  {"cold", "stroke", "shingles"},
		"first_names": {"will", "may", "june", "grace", "mark"},
		"surnames":    {"brown", "young", "king"},
	} {
		amb := Ambiguous(name)
		for _, w := range want {
			if !slices.Contains(amb, w) {
				t.Errorf("%s: %q should be in the ambiguous section", name, w)
			}
		}
	}
}

func TestFirstNamesAmbiguousMatchesSection(t *testing.T) {
	got := Ambiguous("first_names")
	want := List("first_names_ambiguous.txt")
	slices.Sort(got)
	slices.Sort(want)
	if !reflect.DeepEqual(got, want) {
		onlySection, onlyFile := diff(got, want), diff(want, got)
		t.Errorf("first_names.txt ambiguous section and first_names_ambiguous.txt differ:\nonly in section: %v\nonly in file: %v", onlySection, onlyFile)
	}
	if len(Ambiguous("first_names_ambiguous")) != 0 {
		t.Error("first_names_ambiguous.txt should not have its own ambiguous section")
	}
}

func TestExpectedEntries(t *testing.T) {
	for name, want := range map[string][]string{
		"procedures":           {"root canal", "x-ray", "xray", "x ray", "fillings", "mammogram", "iud insertion", "lasik", "a1c"},
		"colloquial":           {"the rubber bands", "night guard", "temp crown", "scrips", "post-op"},
		"conditions":           {"cavity", "periodontitis", "ptsd", "melanoma", "broken arm"},
		"medications":          {"ibuprofen", "novocaine", "ozempic", "plan b", "birth control", "accutane"},
		"first_names":          {"josé", "zoë", "siobhán", "łukasz", "priya", "chioma", "minh"},
		"surnames":             {"nguyễn", "nguyen", "garcía", "o'brien", "okafor", "patel", "kowalski"},
		"relationship_phrases": {"when you came in", "as your dentist", "our records show", "since you became a patient"},
	} {
		all := List(name)
		for _, w := range want {
			if !slices.Contains(all, w) {
				t.Errorf("%s: missing %q", name, w)
			}
		}
	}
}

func TestParse(t *testing.T) {
	got := parse("# title\r\n\r\n  Root Canal \r\nfilling\n# ambiguous\n# why: everyday words\nCap\n\n")
	want := list{all: []string{"root canal", "filling", "cap"}, ambiguous: []string{"cap"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parse = %+v, want %+v", got, want)
	}
	if got := parse("# only comments\n"); got.all != nil || got.ambiguous != nil {
		t.Errorf("parse of comments = %+v, want empty", got)
	}
}

func TestListReturnsACopy(t *testing.T) {
	a := List("procedures")
	a[0] = "changed"
	if List("procedures")[0] == "changed" {
		t.Error("List shares its slice with callers")
	}
	if List("procedures.txt")[0] != List("procedures")[0] {
		t.Error("List should accept the name with and without .txt")
	}
}

func TestUnknownListPanics(t *testing.T) {
	defer func() {
		r := recover()
		if r == nil || !strings.Contains(r.(string), "nope") {
			t.Errorf("recover() = %v, want a panic naming the list", r)
		}
	}()
	List("nope")
}

func diff(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}
