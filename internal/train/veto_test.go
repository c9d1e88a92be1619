package train

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core/score"
)

// vetoCase builds examples by four authors: PHI replies whose one finding
// has the feature good, and false alarms whose one finding has bad (and,
// when noise, half of each the other way round, so no feature helps).
func vetoCase(noise bool) ([]example, *cv, evaluation) {
	const good, bad = 11, 22
	var ex []example
	v := &cv{partition: partition{parts: 4}}
	var zero score.Params
	zero.Bits, zero.Weights = 2, make([]int8, 4*score.NumCats)
	m, err := score.Parse(string(zero.Encode()))
	if err != nil {
		panic(err)
	}
	for i := range 400 {
		right := i%3 != 0
		h := uint64(good)
		if !right || noise && i%2 == 0 {
			h = bad
		}
		if noise && !right && i%2 == 0 {
			h = good
		}
		x := example{id: "x", text: "the cleaning went well", finds: []finding{{start: 4, end: 12, weak: i%2 == 0,
			vec: []score.Entry{{Row: score.Bucket(h, vetoBits), Value: 1, Hash: h}}}}}
		x.label[score.PHI], x.rule[score.PHI] = right, true
		if right {
			x.phrases = []string{"cleaning"}
			x.finds[0].label = labelRight
			if !noise && i%5 == 1 {
				// A second finding beside the disclosure that looks like
				// a false alarm: the reply keeps it with the first.
				x.finds = append(x.finds, finding{start: 18, end: 22, vec: []score.Entry{{Row: score.Bucket(bad, vetoBits), Value: 1, Hash: bad}}})
			}
		}
		ex = append(ex, x)
		v.of = append(v.of, i%4)
		v.oof = append(v.oof, score.Scores{})
	}
	v.models = []*score.Model{m, m, m, m}
	inf := math.Inf(1)
	d := decision{add: [3]float64{inf, inf, inf}, keep: [3]float64{-inf, -inf, -inf}, weakKeep: [3]float64{-inf, -inf, -inf}}
	return ex, v, evaluation{partD: []decision{d, d, d, d}}
}

// TestVetoIsDeterministic: the same findings give the same veto, byte for
// byte, and the same report.
func TestVetoIsDeterministic(t *testing.T) {
	ex, v, ev := vetoCase(false)
	a := trainVeto(ex, v, ev, Defaults)
	ex, v, ev = vetoCase(false)
	b := trainVeto(ex, v, ev, Defaults)
	pa, pb := score.Params{Bits: 1, Weights: make([]int8, 2*score.NumCats), Veto: a.params}, score.Params{Bits: 1, Weights: make([]int8, 2*score.NumCats), Veto: b.params}
	if !bytes.Equal(pa.Encode(), pb.Encode()) || a.report != b.report {
		t.Error("two runs on the same findings gave different vetoes")
	}
}

// TestVetoLearnsAndSwitchesOff: where a feature tells right findings from
// false alarms the veto turns on and vetoes the false alarms only; where
// none does it switches itself off and says so.
func TestVetoLearnsAndSwitchesOff(t *testing.T) {
	ex, v, ev := vetoCase(false)
	r := trainVeto(ex, v, ev, Defaults)
	if !strings.Contains(r.report, "veto on") {
		t.Fatalf("separable findings: veto not on:\n%s", r.report)
	}
	// Only the false alarms' replies are vetoed, none that discloses,
	// though some disclosing replies have a low finding too.
	if !strings.Contains(r.report, " not PHI, 0 PHI), their ") || !strings.Contains(r.report, " wrong, 0 right, ") || strings.Contains(r.report, ": 0 replies vetoed") {
		t.Errorf("separable findings: want false alarms vetoed and no PHI reply:\n%s", r.report)
	}
	vt := score.NewVeto(&r.params)
	for _, x := range ex[:6] {
		var f score.SpanFeatures
		f.AddHash(x.finds[0].vec[0].Hash)
		if keeps := vt.Keeps(&f, score.Normal); keeps != x.label[score.PHI] {
			t.Errorf("finding labelled %v: kept %v at normal", x.label[score.PHI], keeps)
		}
	}
	ex, v, ev = vetoCase(true)
	r = trainVeto(ex, v, ev, Defaults)
	if !strings.Contains(r.report, "veto off") || score.NewVeto(&r.params).On() {
		t.Errorf("uninformative findings: veto not off:\n%s", r.report)
	}
}
