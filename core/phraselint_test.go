package core

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// lintSkipDirs are left out of TestNoPhraseListsInGo for now.
var lintSkipDirs = map[string]string{}

// phraseLiteralAllowed are the declarations whose string literals are not
// phrase data, keyed "dir/file.go:Decl" (Decl is the top-level function,
// method "Type.Method", or variable holding the literal), each with its reason.
var phraseLiteralAllowed = map[string]string{
	"bundle/bundle.go:fields":                     "member names of the bundle format",
	"lex/care/care.go:Terms":                      "policy field names of the term lists",
	"lex/wn/wn.go:classNames":                     "class names, as lists/ spells them",
	"lex/wn/internal/gen/generate.go:loadWordNet": "WordNet's data file names",
	"lex/wn/internal/gen/select.go:select_":       "inflection suffixes, not words",
	"score/model.go:catNames":                     "category names",
	"score/features.go:hasDomainEnd":              "top-level domains: the shape of a URL, not wording",
	"text/tokens.go:TextingForm":                  "TODO(core/text owner): texting forms and weekday abbreviations belong in a list file",
	"text/tokens.go:isAbbreviation":               "TODO(core/text owner): abbreviations belong in a list file",
	"score/facts.go:findingCats":                  "the engine's category names, not phrases",
	"lex/lexgen/lexgen.go:arrays":                 "Go identifiers the generator writes, not phrases",
}

// TestNoPhraseListsInGo keeps phrase data out of core's Go: a slice, array
// or map literal, a switch case, or an "x == ... || x == ..." chain with
// three or more word-like string literals is a list, and lists live in a
// package's lists/*.txt (read through a_lists_gen.go). Messages, suggestions
// and format strings are single literals and pass; the few literal sets
// that are names rather than phrases are allowed above by declaration.
func TestNoPhraseListsInGo(t *testing.T) {
	fset := token.NewFileSet()
	files, used := 0, map[string]bool{}
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" || lintSkipDirs[filepath.ToSlash(path)] != "" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		if ast.IsGenerated(f) {
			return nil
		}
		files++
		for _, decl := range f.Decls {
			for name, node := range declNodes(decl) {
				key := filepath.ToSlash(path) + ":" + name
				for _, pos := range phraseLists(node) {
					if phraseLiteralAllowed[key] != "" {
						used[key] = true
						continue
					}
					t.Errorf("%s (in %s): a phrase list written in Go; move it to the package's lists/*.txt", fset.Position(pos), name)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 30 {
		t.Fatalf("linted only %d files", files)
	}
	for key := range phraseLiteralAllowed {
		if !used[key] {
			t.Errorf("allow-list entry %s matches no literal list: remove it", key)
		}
	}
}

// declNodes names a top-level declaration's parts: a function by its name
// (methods "Recv.Name"), each variable or constant by its first name.
func declNodes(decl ast.Decl) map[string]ast.Node {
	out := map[string]ast.Node{}
	switch d := decl.(type) {
	case *ast.FuncDecl:
		name := d.Name.Name
		if d.Recv != nil && len(d.Recv.List) == 1 {
			typ := d.Recv.List[0].Type
			if s, ok := typ.(*ast.StarExpr); ok {
				typ = s.X
			}
			if id, ok := typ.(*ast.Ident); ok {
				name = id.Name + "." + name
			}
		}
		out[name] = d
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			if v, ok := spec.(*ast.ValueSpec); ok && len(v.Names) > 0 {
				out[v.Names[0].Name] = v
			}
		}
	}
	return out
}

// phraseLists returns where node holds a list of three or more phrase
// literals.
func phraseLists(node ast.Node) []token.Pos {
	var out []token.Pos
	ast.Inspect(node, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CompositeLit:
			if countPhrases(compositeStrings(x)) >= 3 {
				out = append(out, x.Pos())
			}
		case *ast.CaseClause:
			if countPhrases(x.List) >= 3 {
				out = append(out, x.Pos())
			}
		case *ast.BinaryExpr:
			if x.Op == token.LOR {
				counts := map[string]int{}
				equalityLiterals(x, counts)
				for _, c := range counts {
					if c >= 3 {
						out = append(out, x.Pos())
						break
					}
				}
				// The chain's operands are done; comparisons nested in
				// calls inside it are rare enough to leave.
				return false
			}
		}
		return true
	})
	return out
}

// compositeStrings are a literal's elements that are data: positional
// elements, map keys and map values. A key that is an identifier is a
// struct field ("Message:"), whose value is a message, not a list entry.
func compositeStrings(c *ast.CompositeLit) []ast.Expr {
	var out []ast.Expr
	for _, e := range c.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			out = append(out, e)
			continue
		}
		if _, field := kv.Key.(*ast.Ident); field {
			continue
		}
		out = append(out, kv.Key, kv.Value)
	}
	return out
}

// equalityLiterals counts, per compared expression, the phrase literals
// in the ||/&& chain's "x == lit" and "x != lit" comparisons.
func equalityLiterals(e ast.Expr, counts map[string]int) {
	switch x := e.(type) {
	case *ast.ParenExpr:
		equalityLiterals(x.X, counts)
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LOR, token.LAND:
			equalityLiterals(x.X, counts)
			equalityLiterals(x.Y, counts)
		case token.EQL, token.NEQ:
			operand, lit := x.X, x.Y
			if countPhrases([]ast.Expr{operand}) == 1 {
				operand, lit = lit, operand
			}
			if countPhrases([]ast.Expr{lit}) == 1 {
				counts[exprKey(operand)]++
			}
		}
	}
}

// exprKey identifies a compared expression (w.Lower, d.Words[k].Lower).
func exprKey(e ast.Expr) string {
	var b strings.Builder
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Ident:
			b.WriteString(x.Name + ".")
		case *ast.BasicLit:
			b.WriteString(x.Value + ".")
		}
		return true
	})
	return b.String()
}

// countPhrases counts string literals with a letter or a symbol (emoji)
// in them: punctuation such as " - " or "{" is syntax, not wording.
func countPhrases(es []ast.Expr) int {
	n := 0
	for _, e := range es {
		lit, ok := e.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			continue
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			continue
		}
		for _, r := range s {
			if unicode.IsLetter(r) || unicode.Is(unicode.So, r) {
				n++
				break
			}
		}
	}
	return n
}

// TestPhraseLintFinds: the lint sees each shape of list it forbids, and
// passes messages, struct fields and punctuation.
func TestPhraseLintFinds(t *testing.T) {
	src := `package p
var a = []string{"one", "two", "three"}
var b = map[string]bool{"x": true, "y": true, "z": true}
var c = []string{"😡", "😠", "🤬"}
func d(w string) bool {
	switch w {
	case "need", "have", "got":
		return true
	}
	return w == "do" || w == "does" || (w == "are" && len(w) > 1)
}
var ok1 = []string{" - ", " — ", "~"}
var ok2 = Finding{Message: "one", Suggestion: "two", Doc: "three"}
func ok3(w, v string) bool { return w == "us" || w == "our" || v == "the" }
var ok4 = []string{"only", "two"}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, decl := range f.Decls {
		for _, node := range declNodes(decl) {
			for _, pos := range phraseLists(node) {
				got = append(got, fset.Position(pos).Line)
			}
		}
	}
	want := []int{2, 3, 4, 7, 10}
	if len(got) != len(want) {
		t.Fatalf("lint found lists on lines %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("lint found lists on lines %v, want %v", got, want)
		}
	}
}
