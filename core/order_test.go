package core

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestOrderFindings checks the merge of findings against the standard
// library's stable sort, on random findings with many ties.
func TestOrderFindings(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var o orderBuf
	var out []Finding
	for n := range 200 {
		fs := make([]Finding, n%40)
		for i := range fs {
			fs[i] = Finding{Start: r.IntN(8), End: 8 + r.IntN(3), Category: Categories[r.IntN(len(Categories))],
				Rule: []string{"a", "b"}[r.IntN(2)], Message: strings.Repeat("x", i)}
		}
		if n%3 == 0 { // sorted runs, as rules report them
			slices.SortStableFunc(fs[:len(fs)/2], func(a, b Finding) int { return a.Start - b.Start })
		}
		want := slices.Clone(fs)
		slices.SortStableFunc(want, func(a, b Finding) int {
			switch {
			case findingLess(&a, &b):
				return -1
			case findingLess(&b, &a):
				return 1
			}
			return 0
		})
		out = o.sort(fs)
		if !slices.EqualFunc(out, want, func(a, b Finding) bool { return a.Message == b.Message }) {
			t.Fatalf("case %d: order differs from a stable sort", n)
		}
	}
}
