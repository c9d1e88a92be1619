package train

import (
	"math"
	"testing"

	"github.com/replyguard/replyguard/core/score"
)

// authors builds n held-out parts of identical counts, then lets edit
// change each one (for the alternative's counts).
func authors(n int, edit func(k int, c *counts)) []counts {
	parts := make([]counts, n)
	for k := range parts {
		parts[k] = counts{tp: 50, fp: 10, fn: 10}
		if edit != nil {
			edit(k, &parts[k])
		}
	}
	return parts
}

// TestChooseModeIsPaired: the firm mode stays on a tie, on a pooled gain
// half the authors disagree with and on a gain one author carries; an
// alternative ships when it wins on author after author.
func TestChooseModeIsPaired(t *testing.T) {
	firm := authors(40, nil)
	all := func(mode) bool { return true }
	for _, tc := range []struct {
		name string
		alt  []counts
		want mode
	}{
		{"same on every author", authors(40, nil), plain},
		// Two false alarms fewer for half the authors, two more for
		// the other half: pooled F1 equal.
		{"tie", authors(40, func(k int, c *counts) { c.fp += 2 - 4*(k%2) }), plain},
		// Three fewer for half, two more for the rest: pooled +0.003,
		// but the authors split.
		{"noisy gain", authors(40, func(k int, c *counts) {
			if k%2 == 0 {
				c.fp -= 3
			} else {
				c.fp += 2
			}
		}), plain},
		// One author's hundred false alarms gone, the rest unchanged:
		// pooled +0.017 from one author.
		{"one author", authors(40, func(k int, c *counts) {
			if k == 0 {
				c.fp = 0
			}
		}), plain},
		// One false alarm fewer and one more found for every author.
		{"paired win", authors(40, func(k int, c *counts) { c.fp--; c.tp++; c.fn-- }), gated},
	} {
		base := firm
		if tc.name == "one author" {
			base = authors(40, func(k int, c *counts) {
				if k == 0 {
					c.fp = 100
				}
			})
		}
		got, tests := chooseMode(plain, []mode{gated}, func(m mode) []counts {
			if m == plain {
				return base
			}
			return tc.alt
		}, all)
		if got != tc.want {
			t.Errorf("%s: chose %v, want %v (%+v)", tc.name, got, tc.want, tests)
		}
		if tc.name == "noisy gain" || tc.name == "one author" {
			// The pooled difference alone would have switched.
			if tests[0].diff < modeMinGain {
				t.Errorf("%s: pooled gain %.4f, want one a bare comparison takes", tc.name, tests[0].diff)
			}
		}
	}
}

// TestChooseModeOrder: of two winners the larger gain ships; a winner
// the category's own conditions refuse does not; a consistent gain under
// modeMinGain does not.
func TestChooseModeOrder(t *testing.T) {
	firm := authors(40, nil)
	small := authors(40, func(k int, c *counts) { c.fp-- })
	large := authors(40, func(k int, c *counts) { c.fp -= 3 })
	byMode := func(m mode) []counts {
		switch m {
		case decides:
			return small
		case plain:
			return large
		}
		return firm
	}
	got, _ := chooseMode(gated, []mode{decides, plain}, byMode, func(mode) bool { return true })
	if got != plain {
		t.Errorf("chose %v, want the larger gain (plain)", got)
	}
	got, _ = chooseMode(gated, []mode{decides, plain}, byMode, func(m mode) bool { return m != plain })
	if got != decides {
		t.Errorf("chose %v, want decides with plain refused", got)
	}
	if pairedWin(modeMinGain/2, 0) {
		t.Error("a gain under modeMinGain won")
	}
	if d, se := pairedF1(firm, firm); d != 0 || se != 0 {
		t.Errorf("identical modes: diff %v se %v, want 0 0", d, se)
	}
	if _, se := pairedF1(firm[:1], small[:1]); !math.IsInf(se, 1) {
		t.Errorf("one part: se %v, want +Inf (no comparison)", se)
	}
}

// TestFirmModes: manners keeps gated, PHI and conduct never let the score
// decide outright, canned and routing keep the rules' findings.
func TestFirmModes(t *testing.T) {
	for c, want := range map[score.Cat]mode{score.PHI: plain, score.Canned: plain, score.Manners: gated, score.Conduct: plain, score.Routing: plain} {
		firm, alts := firmMode(c)
		if firm != want {
			t.Errorf("%v: firm %v, want %v", c, firm, want)
		}
		for _, m := range alts {
			if m == firm || (c == score.PHI || c == score.Conduct) && m == decides {
				t.Errorf("%v: alternative %v", c, m)
			}
		}
	}
}
