package manners

import (
	"flag"
	"testing"

	"github.com/replyguard/replyguard/core/lex/lexgen"
)

var update = flag.Bool("update", false, "rewrite a_lists_gen.go")

func TestLists(t *testing.T) { lexgen.Check(t, "manners", *update) }
