package lex

import (
	"slices"
	"testing"

	"github.com/replyguard/replyguard/internal/gostr"
)

// TestUnpack reads lists as lexgen packs them: entries joined by "\n",
// each list ended by NUL, deflated.
func TestUnpack(t *testing.T) {
	want := []string{"a\nb c", "", "d"}
	if got := Unpack(gostr.Deflate("a\nb c\x00\x00d\x00")); !slices.Equal(got, want) {
		t.Errorf("Unpack = %q, want %q", got, want)
	}
}
