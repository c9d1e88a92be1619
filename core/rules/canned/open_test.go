package canned

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestNextOpen: the per-byte search finds what strings.IndexAny would, at
// every step of a left-to-right scan.
func TestNextOpen(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := "ab {[<%$}]>"
	for range 2000 {
		var b strings.Builder
		for n := rng.IntN(30); n > 0; n-- {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		var o nextOpen
		for i := 0; i <= len(s); i += 1 + rng.IntN(3) {
			want := strings.IndexAny(s[i:], placeholderOpens)
			if want >= 0 {
				want += i
			}
			if got := o.next(s, i); got != want {
				t.Fatalf("next(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}
