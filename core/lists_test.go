package core

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core/analyses/comment"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/lexgen"
)

// TestLists fails when lists_gen.go is older than lists/*.txt.
func TestLists(t *testing.T) { lexgen.Check(t, "core", *updateLists) }

// TestVocabularyLint: no entry twice in one list, and no entry in two lists
// searched together, where the earlier list would always win.
func TestVocabularyLint(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("lists", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no lists")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, e := range lexgen.Entries(string(data)) {
			e = strings.ToLower(e)
			if seen[e] {
				t.Errorf("%s: %q is listed twice", f, e)
			}
			seen[e] = true
		}
	}
	// care.All is left out: its classes come from core/vocab, which the
	// WordNet-generated vocabulary replaces.
	for _, g := range []*lex.Group{cannedGroup, defensiveGroup, comment.PositiveGroup} {
		owner := map[string]string{}
		for _, l := range g.Lists() {
			for _, e := range l.Entries() {
				if o, ok := owner[e]; ok && o != l.Name {
					t.Errorf("%q in %s is shadowed by %s", e, l.Name, o)
				}
				owner[e] = l.Name
			}
		}
	}
}
