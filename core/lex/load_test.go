package lex

import (
	"slices"
	"testing"

	"github.com/replyguard/replyguard/core/text"
)

// Lists made by Load, as a package's generated a_lists_gen.go makes them.
var (
	loadVocab [4]List
	loadCues  [4]List
	loadSets  [4]WordSet
	loadData  [4][]string
	_         = Load("loadtest", []string{"alpha\nbeta", "# a comment\ngamma", "x\ny", "delta"},
		[]Spec{{Index: 0, Kind: Vocabulary}, {Index: 1, Kind: CueList}, {Index: 2, Kind: WordList}, {Index: 3, Kind: DataList}},
		"first\nsecond\nthird\nfourth\n", loadVocab[:], loadCues[:], loadSets[:], loadData[:])
)

func TestLoad(t *testing.T) {
	if l, ok := Lookup("loadtest/first"); !ok || l != &loadVocab[0] || l.Cue || !slices.Equal(l.Entries(), []string{"alpha", "beta"}) {
		t.Errorf("loadtest/first: %v %v", l, ok)
	}
	if l, ok := Lookup("loadtest/second"); !ok || l != &loadCues[1] || !l.Cue || !slices.Equal(l.Entries(), []string{"gamma"}) {
		t.Errorf("loadtest/second: %v %v", l, ok)
	}
	if _, ok := Lookup("loadtest/third"); ok || !loadSets[2].contains(&text.Word{Lower: "y", Hash: text.Hash("y")}) || loadSets[2].contains(&text.Word{Lower: "alpha", Hash: text.Hash("alpha")}) {
		t.Errorf("loadtest/third: a word set, not a registered list: %+v", loadSets[2])
	}
	if !slices.Equal(loadData[3], []string{"delta"}) || loadData[0] != nil {
		t.Errorf("dataLists: %q", loadData)
	}
	if loadVocab[1].Name != "" || loadCues[0].Name != "" {
		t.Error("Load filled an entry the table does not name")
	}
}
