package core

import (
	"math"
	"testing"

	"github.com/replyguard/replyguard/core/analysis"
	learned "github.com/replyguard/replyguard/core/score"
)

// vetoModel is a hand-made model whose reply scores add nothing and demote
// nothing, and whose span veto scores a PHI finding 2 for each boosted
// word of its span (0 with none), against thresholds low 50 (every
// finding vetoed), normal 1 and high -Inf (none).
func vetoModel(t *testing.T, boosted ...string) *learned.Model {
	t.Helper()
	inf := float32(math.Inf(1))
	p := &learned.Params{Bits: 2, Weights: make([]int8, 4*learned.NumCats)}
	for c := range learned.NumCats {
		p.Thresholds[c] = [3]float32{inf, inf, inf}
		p.Keep[c] = [3]float32{-inf, -inf, -inf}
		p.WeakKeep[c] = p.Keep[c]
	}
	const bits = 11
	p.Veto = learned.VetoParams{Bits: bits, Weights: make([]int8, 1<<bits), Scale: 1, Thresholds: [3]float32{50, 1, -inf}}
	var f learned.SpanFeatures
	for _, w := range boosted {
		f.Reset()
		f.Word(vetoSpan, w)
		p.Veto.Weights[learned.Bucket(f.Hashes()[0], bits)] = 2
	}
	m, err := learned.Parse(string(p.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	if !m.Veto().On() {
		t.Fatal("the hand-made veto is off")
	}
	return m
}

// TestVetoDemotesLowSpans: the veto judges the reply. When it scores
// every PHI finding under the threshold they all become info (kept, not
// deleted); when it scores one over, every finding stays a warning, the
// low ones too (their underlines stay); the policy's PHI sensitivity
// moves the threshold; a DM is left to the rules.
func TestVetoDemotesLowSpans(t *testing.T) {
	const text = "Hope you're healing well after the extraction on Monday!"
	phi := func(e *Engine, in Input) (flagged, info int) {
		for _, f := range e.Check(in).Findings {
			if f.Category != PHI {
				continue
			}
			if f.Severity.Rank() >= Warning.Rank() {
				flagged++
			} else {
				info++
			}
		}
		return flagged, info
	}
	base := MustDefaultEngine().WithoutScorer()
	var spans [][]string // the words of each PHI finding's span
	for _, f := range base.Check(Input{Text: text}).Findings {
		if f.Category == PHI && f.Severity.Rank() >= Warning.Rank() {
			var ws []string
			for _, w := range MustDefaultEngine().index(text[f.Start:f.End]).Words {
				ws = append(ws, w.Lower)
			}
			spans = append(spans, ws)
		}
	}
	n := len(spans)
	if n < 2 {
		t.Fatalf("%q: the rules find %d PHI findings, want two or more to veto", text, n)
	}
	engine := func(sens string, boosted ...string) *Engine {
		pol := DefaultPolicy()
		pol.Rules.PHI.Sensitivity = sens
		e, err := NewEngine(pol)
		if err != nil {
			t.Fatal(err)
		}
		e.model = vetoModel(t, boosted...)
		return e
	}
	// No span word boosted: every finding scores 0, under normal's 1, so
	// all are demoted.
	if got, info := phi(engine("normal"), Input{Text: text}); got != 0 || info != n {
		t.Errorf("unboosted at normal: %d flagged, %d info; want 0 and %d", got, info, n)
	}
	// Only the last finding's words boosted (2, over normal's 1), the
	// others still 0: the reply keeps every finding, the low ones too.
	last := spans[n-1]
	if got, info := phi(engine("normal", last...), Input{Text: text}); got != n || info != 0 {
		t.Errorf("last finding boosted at normal: %d flagged, %d info; want %d and 0", got, info, n)
	}
	// Only the first finding's words boosted: the same (the veto stops at
	// the first finding that stays).
	if got, _ := phi(engine("normal", spans[0]...), Input{Text: text}); got != n {
		t.Errorf("first finding boosted at normal: %d flagged, want %d", got, n)
	}
	// Low sensitivity vetoes more (50), high none.
	var words []string
	for _, ws := range spans {
		words = append(words, ws...)
	}
	if got, _ := phi(engine("low", words...), Input{Text: text}); got != 0 {
		t.Errorf("boosted at low: %d flagged, want 0", got)
	}
	if got, _ := phi(engine("high"), Input{Text: text}); got != n {
		t.Errorf("unboosted at high: %d flagged, want %d", got, n)
	}
	// In a DM the veto does not run.
	if got, _ := phi(engine("normal"), Input{Text: text, Private: true}); got == 0 {
		t.Error("unboosted in a DM: PHI vetoed")
	}
}

// TestVetoLeavesRecordChecks: a reply in which the writer says they
// looked through the person's own record ("we checked your chart") keeps
// its PHI findings whatever the veto scores them, however friendly and
// generic the rest (analysis.Finding.Sure); the same reply without that
// sentence is vetoed by the same model.
func TestVetoLeavesRecordChecks(t *testing.T) {
	const opening = "Thank you for taking a moment to write to us. Our team works hard to make every visit calm and on time, and we are always glad to help. "
	e, err := NewEngine(DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	e.model = vetoModel(t) // every span scores 0, under normal's 1
	comment := "Sat in the lobby forever past my slot and no one explained. Not happy."
	for _, tc := range []struct {
		text string
		kept bool
	}{
		{opening + "Hope you're healing well after the extraction on Monday!", false},
		{opening + "Hope you're healing well after the extraction on Monday! We pulled up your file this morning.", true},
		{opening + "We looked into your records.", true},
		{"We checked your chart, and please call us at the front desk.", true},
	} {
		var sure, flagged, phi int
		for _, f := range e.Check(Input{Text: tc.text, Comment: comment, Platform: Facebook}).Findings {
			if f.Category != PHI {
				continue
			}
			phi++
			if f.Severity.Rank() >= Warning.Rank() {
				flagged++
			}
		}
		e.Inspect(Input{Text: tc.text, Comment: comment, Platform: Facebook}, func(_ *analysis.Pass, fs []Finding) {
			for _, f := range fs {
				if f.Sure {
					sure++
				}
			}
		})
		switch {
		case phi == 0:
			t.Errorf("%q: no PHI finding", tc.text)
		case tc.kept && (sure == 0 || flagged != phi):
			t.Errorf("%q: %d of %d PHI findings flagged, %d sure; want all flagged, one sure", tc.text, flagged, phi, sure)
		case !tc.kept && flagged != 0:
			t.Errorf("%q: %d PHI findings flagged; want the veto to demote them all", tc.text, flagged)
		}
	}
}
