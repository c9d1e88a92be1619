package core

import (
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/rules/canned"
	"github.com/replyguard/replyguard/core/rules/conduct"
	"github.com/replyguard/replyguard/core/rules/hipaa"
	"github.com/replyguard/replyguard/core/rules/hostility"
	"github.com/replyguard/replyguard/core/rules/length"
	"github.com/replyguard/replyguard/core/rules/manners"
	"github.com/replyguard/replyguard/core/rules/routing"
)

// A Rule is one check, as a value (see core/analysis).
type Rule = analysis.Rule

// Rules is the registry of every rule the engine runs, in order. Each rule
// is one folder under core/rules: adding a rule is that folder and a line here.
var Rules = []*Rule{
	hipaa.Rule,
	canned.Rule,
	length.Rule,
	manners.Rule,
	conduct.Rule,
	hostility.Rule,
	routing.Rule,
}

// ValidateRules checks the registry: names unique and present, docs present,
// categories known, run functions set, requirements acyclic.
func ValidateRules(rules []*Rule) error { return analysis.Validate(rules) }

// orderBuf sorts findings by position, then category order, then end,
// then rule name, keeping the order rules reported in for the rest. Each
// rule reports left to right, so the findings are a few sorted runs (about
// one per rule that found something): the sort finds the runs and merges
// them pairwise, as indexes, not 120-byte findings.
type orderBuf struct {
	idx, tmp []int32
	bounds   []int32   // where each run starts, then len(fs)
	out      []Finding // the findings in order, when they were not already
}

// sort returns fs in order: fs itself when it is in order already (the
// common case; no finding is copied, which in the wasm build also saves the
// copy's write barriers while the collector marks), else o's own array.
func (o *orderBuf) sort(fs []Finding) []Finding {
	n := len(fs)
	bounds := append(o.bounds[:0], 0)
	for k := 1; k < n; k++ {
		if startsBefore(&fs[k], &fs[k-1]) {
			bounds = append(bounds, int32(k))
		}
	}
	o.bounds = bounds
	if len(bounds) == 1 {
		return fs
	}
	bounds = append(bounds, int32(n))
	if cap(o.idx) < n {
		o.idx, o.tmp = make([]int32, n), make([]int32, n)
	}
	idx, tmp := o.idx[:n], o.tmp[:n]
	for i := range idx {
		idx[i] = int32(i)
	}
	// Merge neighbouring runs until one is left: stable, n log(runs).
	for len(bounds) > 2 {
		w := 0
		for r := 0; r+1 < len(bounds); r += 2 {
			lo, mid, hi := bounds[r], bounds[r+1], bounds[r+1]
			if r+2 < len(bounds) {
				hi = bounds[r+2]
			}
			mergeRuns(fs, tmp[lo:hi], idx[lo:mid], idx[mid:hi])
			bounds[w] = lo
			w++
		}
		bounds[w] = int32(n)
		bounds = bounds[:w+1]
		idx, tmp = tmp, idx
	}
	out := o.out[:0]
	for _, i := range idx {
		out = append(out, fs[i])
	}
	o.out = out
	return out
}

// release drops the ordered copy's strings, keeping its array for the pool.
func (o *orderBuf) release() {
	clear(o.out)
	o.out = o.out[:0]
}

// mergeRuns merges the ordered index runs a and b into dst, a first on ties.
func mergeRuns(fs []Finding, dst, a, b []int32) {
	for k := range dst {
		// Starts, which decide most pairs, compared in place; findingLess
		// (a call) only for findings starting together.
		if len(b) == 0 || len(a) > 0 && !startsBefore(&fs[b[0]], &fs[a[0]]) {
			dst[k], a = a[0], a[1:]
		} else {
			dst[k], b = b[0], b[1:]
		}
	}
}

// startsBefore is findingLess with the start compared inline.
func startsBefore(x, y *Finding) bool {
	if x.Start != y.Start {
		return x.Start < y.Start
	}
	return findingLess(x, y)
}

// findingLess orders findings by position, then category order, then
// end, then rule name.
//
//go:noinline
func findingLess(a, b *Finding) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	if oa, ob := categoryOrder(a.Category), categoryOrder(b.Category); oa != ob {
		return oa < ob
	}
	if a.End != b.End {
		return a.End < b.End
	}
	return a.Rule < b.Rule
}

// categoryOrder is c's index in Categories.
func categoryOrder(c Category) int {
	for i, k := range Categories {
		if k == c {
			return i
		}
	}
	return len(Categories)
}
