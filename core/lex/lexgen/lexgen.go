// Package lexgen turns a package's lists/*.txt into Go data (a_lists_gen.go):
// one constant per list, its index in the package's listText, which holds
// each list's entries joined by "\n", unpacked once at start (lex.Unpack)
// from one deflated string. The data files are the source; the engine
// compiles in the generated copy because go:embed would link package time
// into engine.wasm, and deflated because the lists as text were ~73 KB of
// it. The file's name sorts first in its package: Go initializes a
// package's variables in file order unless one needs another, so listText
// is ready before any variable is, and the lists keep registering in the
// order of their variables (their lex.IDs, which the scorer's facts follow).
// Each package with lists runs Check from a test, so a stale copy fails
// and "go test -run TestLists -update" rewrites it.
package lexgen

import (
	"bytes"
	"go/format"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/internal/gostr"
)

// Generate returns a_lists_gen.go for the lists in dir/lists.
func Generate(dir, pkg string) ([]byte, error) {
	files, err := filepath.Glob(filepath.Join(dir, "lists", "*.txt"))
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	var b bytes.Buffer
	b.WriteString("// Code generated from lists/*.txt by \"go test -run TestLists -update\"; DO NOT EDIT.\n\npackage " + pkg + "\n")
	if len(files) == 0 {
		return b.Bytes(), nil
	}
	b.WriteString("\nimport \"github.com/replyguard/replyguard/core/lex\"\n")
	b.WriteString("\n// Each list's index in listText.\nconst (\n")
	var all strings.Builder
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		stem := strings.TrimSuffix(filepath.Base(f), ".txt")
		b.WriteString("\t" + ConstName(stem) + " = " + strconv.Itoa(i) + "\n")
		all.WriteString(strings.Join(Entries(string(data)), "\n") + "\x00")
	}
	b.WriteString(")\n")
	b.WriteString("\n// listText[i] is list i's entries joined by \"\\n\", unpacked from packedLists.\n")
	b.WriteString("var listText = [" + strconv.Itoa(len(files)) + "]string(lex.Unpack(packedLists))\n")
	b.WriteString("\n// packedLists is every list's entries joined by \"\\n\", each list ended by NUL,\n// in file-name order, deflated (internal/inflate).\n")
	b.WriteString("const packedLists = " + gostr.Binary(gostr.Deflate(all.String())) + "\n")
	return format.Source(b.Bytes())
}

// Entries are a list file's lines without comments and blank lines.
func Entries(data string) []string {
	var out []string
	for _, line := range strings.Split(data, "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// ConstName is the constant for lists/stem.txt, its index in listText:
// "you_words" -> listYouWords.
func ConstName(stem string) string {
	var b strings.Builder
	b.WriteString("list")
	for _, part := range strings.Split(stem, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// Check compares a_lists_gen.go in the test's package directory with what
// Generate makes, rewriting it when update is set.
func Check(t *testing.T, pkg string, update bool) {
	t.Helper()
	want, err := Generate(".", pkg)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile("a_lists_gen.go")
	if bytes.Equal(got, want) {
		return
	}
	if update {
		if err := os.WriteFile("a_lists_gen.go", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("a_lists_gen.go is stale: run go test -run TestLists -update in this package")
}
