package practice

import (
	"flag"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core/lex/lexgen"
)

var update = flag.Bool("update", false, "rewrite a_lists_gen.go")

func TestLists(t *testing.T) { lexgen.Check(t, "practice", *update) }

// TestSignatureOpenersLower: openers are compared with text.HasPrefixFold,
// which needs them lower-case.
func TestSignatureOpenersLower(t *testing.T) {
	for _, p := range signatureOpeners {
		if p != strings.ToLower(p) {
			t.Errorf("signature opener %q is not lower-case", p)
		}
	}
}
