package lex

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestGroupOrder: Group.order sorts matches as a stable sort by start,
// longest first, then the list's place in the group; on random matches
// with many ties, mostly in order already as the chains give them.
func TestGroupOrder(t *testing.T) {
	g := &Group{ranks: []int8{2, -1, 0, 1, 3}}
	r := rand.New(rand.NewPCG(18, 7))
	for n := range 500 {
		ms := make([]Match, n%30)
		for i := range ms {
			from := r.IntN(6)
			ms[i] = Match{From: from, To: from + 1 + r.IntN(3), List: ID(r.IntN(len(g.ranks)))}
		}
		if n%2 == 0 {
			slices.SortStableFunc(ms, func(a, b Match) int { return a.From - b.From })
		}
		want := slices.Clone(ms)
		slices.SortStableFunc(want, func(a, b Match) int {
			if a.From != b.From {
				return a.From - b.From
			}
			if a.To != b.To {
				return b.To - a.To
			}
			return int(g.rank(a.List)) - int(g.rank(b.List))
		})
		if got := g.order(ms); !slices.Equal(got, want) {
			t.Fatalf("case %d: order %v, a stable sort %v", n, got, want)
		}
	}
}
