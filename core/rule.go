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
// rule reports left to right, so the findings are a few sorted runs: the
// sort checks for order first and merges indexes, not 120-byte findings.
type orderBuf struct {
	idx, tmp []int32
}

// sort returns fs in order, in out's array.
func (o *orderBuf) sort(fs, out []Finding) []Finding {
	out = out[:0]
	n := len(fs)
	k := 1
	for k < n && !findingLess(&fs[k], &fs[k-1]) {
		k++
	}
	if k >= n {
		return append(out, fs...) // in order already: the common case
	}
	if cap(o.idx) < n {
		o.idx, o.tmp = make([]int32, n), make([]int32, n)
	}
	idx, tmp := o.idx[:n], o.tmp[:n]
	for i := range idx {
		idx[i] = int32(i)
	}
	// Bottom-up merge sort: stable, n log n at worst.
	for width := 1; width < n; width *= 2 {
		for lo := 0; lo < n; lo += 2 * width {
			mergeRuns(fs, tmp[lo:min(lo+2*width, n)], idx[lo:min(lo+width, n)], idx[min(lo+width, n):min(lo+2*width, n)])
		}
		idx, tmp = tmp, idx
	}
	for _, i := range idx {
		out = append(out, fs[i])
	}
	return out
}

// mergeRuns merges the ordered index runs a and b into dst, a first on ties.
func mergeRuns(fs []Finding, dst, a, b []int32) {
	for k := range dst {
		if len(b) == 0 || len(a) > 0 && !findingLess(&fs[b[0]], &fs[a[0]]) {
			dst[k], a = a[0], a[1:]
		} else {
			dst[k], b = b[0], b[1:]
		}
	}
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
