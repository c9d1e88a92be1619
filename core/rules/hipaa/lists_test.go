package hipaa

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"

	"github.com/replyguard/replyguard/core/lex/lexgen"
)

var update = flag.Bool("update", false, "rewrite a_lists_gen.go")

func TestLists(t *testing.T) { lexgen.Check(t, "hipaa", *update) }

// TestClassLists: every lists/class_*.txt is a class of the table, once.
func TestClassLists(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("lists", "class_*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(classLists)+len(classLists2) {
		t.Errorf("%d class files, %d classes in classLists and classLists2", len(files), len(classLists)+len(classLists2))
	}
	seen, seen2, lists := map[wordClass]bool{}, map[wordClass]bool{}, map[int]bool{}
	for _, l := range classLists {
		if seen[l.c] || lists[l.list] || len(lex.Data(listText[l.list])) == 0 {
			t.Errorf("class %b is listed twice or empty", l.c)
		}
		seen[l.c], lists[l.list] = true, true
	}
	for _, l := range classLists2 {
		if seen2[l.c] || lists[l.list] || len(lex.Data(listText[l.list])) == 0 {
			t.Errorf("class2 %b is listed twice or empty", l.c)
		}
		seen2[l.c], lists[l.list] = true, true
	}
	// A word's classes are the union of its lists: "your" is a determiner
	// and a time preposition ("your 3pm"); "ur" reads "your".
	d := lex.Index(nil, text.Analyze("ur 3pm"), nil)
	if c := []wordClass{classOf(d, 0, &d.Words[0]), classOf(d, 1, &d.Words[1])}; c[0]&cDeterminers == 0 || c[0]&cTimePrepositions == 0 || c[1] != 0 {
		t.Errorf("classes of \"ur 3pm\" = %b", c)
	}
}
