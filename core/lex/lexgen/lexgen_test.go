package lexgen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writePkg(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "lists"), 0o755)
	for _, f := range []string{"a_words.txt", "b.txt", "c.txt"} {
		os.WriteFile(filepath.Join(dir, "lists", f), []byte("# about it\nx\ny\n"), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "p.go"), []byte("package p\n\n"+src), 0o644)
	return dir
}

// TestTable: the lists a package's variables point into get a table entry
// each, in file order, with their names; a package that points into none
// gets no table.
func TestTable(t *testing.T) {
	out, err := Generate(writePkg(t, "var (\n\tc = dataLists[listC]\n\ta = &cueLists[listAWords]\n\ta2 = &wordSets[listAWords]\n)\n"), "p")
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, want := range []string{
		"\tcueLists  [3]lex.List\n",
		"_         = lex.Load(\"p\", listText[:], listTable[:], listNames, nil, cueLists[:], wordSets[:], dataLists[:])",
		"{Index: listAWords, Kind: lex.CueList},\n\t{Index: listAWords, Kind: lex.WordList},\n\t{Index: listC, Kind: lex.DataList},\n}",
		"\"a_words\\n\" +\n\t\"a_words\\n\" +\n\t\"c\\n\"\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("generated file lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "listB,") {
		t.Error("list b is in the table, but no variable points into it")
	}
	out, err = Generate(writePkg(t, "var b = listText[listB]\n"), "p")
	if err != nil || strings.Contains(string(out), "lex.Load") {
		t.Errorf("no table expected: %v\n%s", err, out)
	}
}

func TestTableErrors(t *testing.T) {
	for src, want := range map[string]string{
		"var a = &vocabLists[listNone]\n":                   "no such list",
		"var a, b = &vocabLists[listB], &cueLists[listB]\n": "both in vocabLists and cueLists",
	} {
		if _, err := Generate(writePkg(t, src), "p"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", src, err, want)
		}
	}
}
