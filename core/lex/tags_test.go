package lex_test

import (
	"testing"

	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
)

// testTags holds words no list has ("zqxcare") beside words lists have.
var testTags = lex.NewTags([]string{"your", "zqxcare", "your", "tomorrow"}, []uint64{1, 2, 4, 8})

func TestTags(t *testing.T) {
	// "ur" reads "your", "tmrw" "tomorrow"; "Zqxcare" is lowered.
	d := lex.Index(nil, text.Analyze("ur Zqxcare tmrw, your visit"), nil)
	want := []uint64{1 | 4, 2, 8, 1 | 4, 0}
	for i, w := range want {
		if got := d.Tags(i, testTags); got != w {
			t.Errorf("word %d (%q): tags %b, want %b", i, d.Words[i].Lower, got, w)
		}
	}
	for _, i := range []int{-1, len(want), 1 << 20} {
		if got := d.Tags(i, testTags); got != 0 {
			t.Errorf("word %d (out of range): tags %b, want 0", i, got)
		}
	}
}
