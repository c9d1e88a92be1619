// Package lexgen turns a package's lists/*.txt into Go data (a_lists_gen.go):
// one constant per list, its index in the package's listText, which holds
// each list's entries joined by "\n", unpacked once at start (lex.Unpack)
// from one deflated string. The data files are the source; the engine
// compiles in the generated copy because go:embed would link package time
// into engine.wasm, and deflated because the lists as text were ~73 KB of
// it. A list the package's variables read as vocabulary, a cue list, a
// word set or entries is declared by pointing into an array the generated
// file declares ("recordNouns = &cueLists[listRecordNouns]", "postNouns =
// dataLists[listPostNouns]"); the generator finds those uses in the
// package's Go files and writes a table from which one lex.Load call fills
// the arrays, registering the lists in file order as "pkg/stem": a call
// per declaration was ~200 bytes of engine.wasm each. The file's name
// sorts first in its package: Go initializes a package's variables in file
// order unless one needs another, so listText and the lists are ready
// before any other variable is (a group or table of lists reads their
// lex.IDs). Each package with lists runs Check from a test, so a stale
// copy (a new list file or a new use) fails and "go test -run TestLists
// -update" rewrites it.
package lexgen

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
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
	if err := writeTable(&b, dir, pkg, files); err != nil {
		return nil, err
	}
	b.WriteString("\n// listText[i] is list i's entries joined by \"\\n\", unpacked from packedLists.\n")
	b.WriteString("var listText = [" + strconv.Itoa(len(files)) + "]string(lex.Unpack(packedLists))\n")
	b.WriteString("\n// packedLists is every list's entries joined by \"\\n\", each list ended by NUL,\n// in file-name order, deflated (internal/inflate).\n")
	b.WriteString("const packedLists = " + gostr.Binary(gostr.Deflate(all.String())) + "\n")
	return format.Source(b.Bytes())
}

// The arrays a package's variables point into, one per lex.Kind:
// "recordNouns = &cueLists[listRecordNouns]" asks for lists/record_nouns.txt
// registered as a cue list, "postNouns = dataLists[listPostNouns]" the
// entries of lists/post_nouns.txt. The compiler initialises a pointer into
// an array with no code (a copy of a slice is half the code of a call);
// lex.Load, called once from the generated file, fills the arrays.
var arrays = []struct {
	name, kind, elem string
}{
	{"vocabLists", "lex.Vocabulary", "lex.List"},
	{"cueLists", "lex.CueList", "lex.List"},
	{"wordSets", "lex.WordList", "lex.WordSet"},
	{"dataLists", "lex.DataList", "[]string"},
}

// writeTable writes the arrays and lex.Load's table for the lists the
// package's Go files (tests and generated files aside) index them with, in
// file-name order, and nothing when there are none.
func writeTable(b *bytes.Buffer, dir, pkg string, files []string) error {
	index := map[string]int{}
	for i, f := range files {
		index[ConstName(strings.TrimSuffix(filepath.Base(f), ".txt"))] = i
	}
	srcs, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return err
	}
	kinds := map[int]int{} // list -> bit set of arrays indexes
	used := make([]bool, len(arrays))
	fset := token.NewFileSet()
	for _, src := range srcs {
		if strings.HasSuffix(src, "_test.go") || strings.HasSuffix(src, "_gen.go") {
			continue
		}
		f, err := parser.ParseFile(fset, src, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ix, ok := n.(*ast.IndexExpr)
			if !ok {
				return true
			}
			u := ix // for its position
			arr, ok1 := ix.X.(*ast.Ident)
			c, ok2 := ix.Index.(*ast.Ident)
			if !ok1 || !ok2 {
				return true
			}
			a := slices.IndexFunc(arrays, func(x struct{ name, kind, elem string }) bool { return x.name == arr.Name })
			if a < 0 {
				return true
			}
			i, ok := index[c.Name]
			if !ok {
				err = fmt.Errorf("%s: %s[%s]: no such list", fset.Position(u.Pos()), arr.Name, c.Name)
				return false
			}
			if (kinds[i]|1<<a)&3 == 3 { // registered twice
				err = fmt.Errorf("%s: %s is both in vocabLists and cueLists", fset.Position(u.Pos()), c.Name)
				return false
			}
			kinds[i] |= 1 << a
			used[a] = true
			return true
		})
		if err != nil {
			return err
		}
	}
	if len(kinds) == 0 {
		return nil
	}
	n := strconv.Itoa(len(files))
	b.WriteString("\n// The lists this package's variables point into (&cueLists[listX] and the\n")
	b.WriteString("// like, which need no init code), filled by lex.Load in listTable's order.\n")
	b.WriteString("var (\n")
	call := "\t_ = lex.Load(" + strconv.Quote(pkg) + ", listText[:], listTable[:], listNames"
	for a, x := range arrays {
		if used[a] {
			b.WriteString("\t" + x.name + " [" + n + "]" + x.elem + "\n")
			call += ", " + x.name + "[:]"
		} else {
			call += ", nil"
		}
	}
	b.WriteString(call + ")\n)\n")
	b.WriteString("\nvar listTable = [...]lex.Spec{\n")
	var names strings.Builder
	for i, f := range files {
		stem := strings.TrimSuffix(filepath.Base(f), ".txt")
		for a, x := range arrays {
			if kinds[i]&(1<<a) != 0 {
				b.WriteString("\t{Index: " + ConstName(stem) + ", Kind: " + x.kind + "},\n")
				names.WriteString("\t" + strconv.Quote(stem+"\n") + " +\n")
			}
		}
	}
	b.WriteString("}\n")
	b.WriteString("\n// listNames are listTable's list files, each ended by \"\\n\": list\n// \"" + pkg + "/\" + the file's stem.\n")
	b.WriteString("const listNames = \"\" +\n" + strings.TrimSuffix(names.String(), " +\n") + "\n")
	return nil
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
