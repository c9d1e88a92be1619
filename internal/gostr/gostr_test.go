package gostr

import (
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestLiteralRoundTrips(t *testing.T) {
	for _, s := range []string{"", "plain\ntext\n", "a`b", "`", "``x``", "crlf\r\n", "nul\x00", "\ufeffbom", "bad\xffutf8", "tab\tand \\ and \"", "é😀"} {
		src := Literal(s)
		expr, err := parser.ParseExpr(src)
		if err != nil {
			t.Fatalf("%q: %s does not parse: %v", s, src, err)
		}
		tv, err := types.Eval(token.NewFileSet(), nil, token.NoPos, src)
		if err != nil {
			t.Fatalf("%q: %v (%T)", s, err, expr)
		}
		if got := constant.StringVal(tv.Value); got != s {
			t.Errorf("Literal(%q) = %s, evaluates to %q", s, src, got)
		}
	}
}
