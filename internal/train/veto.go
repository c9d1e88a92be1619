package train

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/replyguard/replyguard/core/score"
	"github.com/replyguard/replyguard/internal/corpus"
)

// The PHI span veto (core/score/veto.go, core/veto.go): a linear model
// over each PHI finding's local context, trained here on the rules'
// findings. The engine vetoes a reply's PHI findings all together, only
// when every one scores under the threshold (and only where the reply's
// score keeps them and would not flag PHI alone), so the thresholds are chosen
// against each reply's highest leave-one-author-out out-of-fold span
// score, for the best reply-level PHI F1 with span recall at most
// vetoSpanSlack below the shipped scorer's without it; it ships on only
// when that F1 beats no veto's by the modes' paired margin (mode.go).

// finding is one PHI finding of the rules alone (warning or above) on an
// item: its span, whether it is weak evidence, its veto features and its
// label.
type finding struct {
	start, end int
	weak       bool
	sure       bool // the veto leaves its reply as it is (Finding.Sure)
	vec        []score.Entry
	label      int8 // labelRight, labelWrong or labelUnknown
}

const (
	labelWrong int8 = iota
	labelRight
	// labelUnknown: a PHI reply whose set labels no phrases; the finding
	// trains nothing (it is still judged with its reply).
	labelUnknown
)

// vetoBits is log2 of the veto table's rows.
const vetoBits = 11

// The veto's training settings: a finding has a few dozen features, each
// of value 1, so a smaller rate than the reply models'.
//
// A finding of a PHI reply that overlaps no labelled phrase is wrong by
// the label but trains nothing: what the veto must tell apart for the
// reply-level F1 are findings of replies that disclose nothing from
// disclosures, and a finding beside a disclosure is often one too that the
// labeller did not mark. Leaving one author out (24,788 replies, 93
// authors), training on them as wrong gained PHI F1 0.909 -> 0.909
// (precision 0.904 -> 0.906, 14 false alarms fewer in all); without them
// 0.911 (0.910), 54 fewer. The reply-level PHI score as a feature (nine
// bins of its out-of-fold logit) gained nothing more: F1 0.911, precision
// 0.913, recall 0.909 (four times as many disclosures lost), and a lower
// rate (0.02) with more decay (3e-3) the same.
const (
	vetoEpochs = 20
	vetoRate   = 0.05
	vetoL2     = 1e-3
	vetoDecay  = 1e-4
	vetoLevels = 31
	// vetoSpanSlack is how much PHI span recall the veto may lose.
	vetoSpanSlack = 0.01
	// vetoGrid is the most thresholds the search tries.
	vetoGrid = 400
)

// findingLabel is right when the finding [start,end) of x overlaps a
// labelled disclosing phrase of a PHI reply, wrong when it does not or
// the reply is not PHI, unknown when a PHI reply labels no phrases.
func findingLabel(x *example, start, end int) int8 {
	if !x.label[score.PHI] {
		return labelWrong
	}
	if len(x.phrases) == 0 {
		return labelUnknown
	}
	for _, ph := range x.phrases {
		if corpus.PhraseFound(x.text, ph, func(a, b int) bool { return start < b && a < end }) {
			return labelRight
		}
	}
	return labelWrong
}

// fitVeto trains the veto by logistic regression on the findings of the
// examples in (by example index) that are right, or wrong in a reply that
// is not PHI, and quantises it.
func fitVeto(ex []example, in func(int) bool, seed uint64) score.VetoParams {
	type ref struct{ i, k int }
	var refs []ref
	for i := range ex {
		if !in(i) {
			continue
		}
		for k, f := range ex[i].finds {
			if f.label == labelRight || !ex[i].label[score.PHI] {
				refs = append(refs, ref{i, k})
			}
		}
	}
	w := make([]float64, 1<<vetoBits)
	b := 0.0
	order := make([]int, len(refs))
	for i := range order {
		order[i] = i
	}
	rng, step := seed, 0
	for range vetoEpochs {
		shuffle(order, &rng)
		for _, o := range order {
			f := &ex[refs[o].i].finds[refs[o].k]
			lr := vetoRate / (1 + float64(vetoDecay*float64(step)))
			z := b
			for _, en := range f.vec {
				z += w[en.Row]
			}
			y := 0.0
			if f.label == labelRight {
				y = 1
			}
			g := sigmoid(z) - y
			b -= float64(lr * g)
			for _, en := range f.vec {
				w[en.Row] -= float64(lr * (g + float64(vetoL2*w[en.Row])))
			}
			step++
		}
	}
	maxAbs := 0.0
	for _, x := range w {
		maxAbs = max(maxAbs, math.Abs(x))
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	p := score.VetoParams{Bits: vetoBits, Weights: make([]int8, len(w)), Bias: float32(b), Scale: float32(maxAbs / vetoLevels)}
	scale := float64(p.Scale)
	for r, x := range w {
		p.Weights[r] = int8(max(-vetoLevels, min(vetoLevels, math.Round(x/scale))))
	}
	off := float32(math.Inf(-1))
	p.Thresholds = [3]float32{off, off, off}
	return p
}

// vetoOutcome is, for one part and sensitivity, per grid threshold, the
// reply-level PHI counts and the labelled phrases found.
type vetoOutcome struct {
	n    []counts
	hits []int
}

func newOutcome(g int) vetoOutcome { return vetoOutcome{n: make([]counts, g), hits: make([]int, g)} }

func (o *vetoOutcome) addTo(t *vetoOutcome) {
	for j := range o.n {
		t.n[j].add(o.n[j])
		t.hits[j] += o.hits[j]
	}
}

// vetoResult is the veto's cross-validation and what ships.
type vetoResult struct {
	params score.VetoParams
	report string
}

// trainVeto cross-validates the veto holding out one author at a time,
// chooses its thresholds and trains the shipped one on every item. ev is
// PHI's grouped evaluation (its per-part decisions), m the part models.
func trainVeto(ex []example, v *cv, ev evaluation, cfg Config) vetoResult {
	// Out-of-fold span scores, each part's findings by a veto trained on
	// the other parts.
	oof := make([][]float64, len(ex))
	var all []float64
	for k := range v.parts {
		p := fitVeto(ex, func(i int) bool { return v.of[i] != k }, cfg.Seed)
		vt := score.NewVeto(&p)
		var sf score.SpanFeatures
		for i := range ex {
			if v.of[i] != k || len(ex[i].finds) == 0 {
				continue
			}
			oof[i] = make([]float64, len(ex[i].finds))
			for j := range ex[i].finds {
				sf.Reset()
				for _, en := range ex[i].finds[j].vec {
					sf.AddHash(en.Hash)
				}
				oof[i][j] = vt.Score(&sf)
				if ex[i].finds[j].sure {
					// Never under a threshold, as in the engine, and
					// no point of the threshold grid.
					oof[i][j] = math.Inf(1)
					continue
				}
				all = append(all, oof[i][j])
			}
		}
	}
	// The thresholds tried: off, then up to vetoGrid between scores.
	slices.Sort(all)
	all = slices.Compact(all)
	grid := []float64{math.Inf(-1)}
	stride := max(1, len(all)/vetoGrid)
	for j := stride; j < len(all); j += stride {
		grid = append(grid, (all[j-1]+all[j])/2)
	}
	G := len(grid)
	// Each part's outcome per sensitivity and threshold. The engine vetoes
	// a reply, not a finding: it keeps all of a reply's PHI findings when
	// one scores at or over the threshold and demotes them all when none
	// does, so what counts is the reply's highest span score (top).
	top := make([]float64, len(ex))
	for i := range ex {
		top[i] = math.Inf(-1)
		for _, sc := range oof[i] {
			top[i] = max(top[i], sc)
		}
	}
	outcomes := func() (part [3][]vetoOutcome, tot [3]vetoOutcome, phrases []int) {
		for s := range 3 {
			part[s] = make([]vetoOutcome, v.parts)
			for k := range part[s] {
				part[s][k] = newOutcome(G)
			}
			tot[s] = newOutcome(G)
		}
		phrases = make([]int, v.parts)
		for i := range ex {
			x, k := &ex[i], v.of[i]
			z := v.oof[i].Logit[score.PHI]
			scorer := score.Span{Start: 0, End: len(x.text)}
			if len(x.phrases) > 0 {
				if sp := v.models[k].Span(&x.feats, score.PHI); sp.End > sp.Start {
					scorer = sp
				}
			}
			// Per phrase: whether a finding overlaps it, and the scorer's span.
			var byFinding, byScorer int
			for _, ph := range x.phrases {
				for _, f := range x.finds {
					if corpus.PhraseFound(x.text, ph, func(a, b int) bool { return f.start < b && a < f.end }) {
						byFinding++
						break
					}
				}
				if corpus.PhraseFound(x.text, ph, func(a, b int) bool { return scorer.Start < b && a < scorer.End }) {
					byScorer++
				}
			}
			phrases[k] += len(x.phrases)
			weak := true
			for _, f := range x.finds {
				weak = weak && f.weak
			}
			d := ev.partD[k]
			for s := range 3 {
				o := &part[s][k]
				// Without findings the score alone flags; with them the
				// score keeps them or not, and the veto can only unflag
				// a reply whose findings the score keeps and which it
				// would not flag alone (the engine runs it only then).
				ruled, keeps, adds := len(x.finds) > 0, z >= d.keepFor(weak, s), z >= d.add[s]
				for j, t := range grid {
					flagged, hits := adds, byScorer
					if ruled {
						flagged, hits = keeps, byFinding
						if keeps && !adds && !math.IsInf(t, -1) && top[i] < t {
							flagged = false
						}
					}
					o.n[j].add(tally(flagged, x.label[score.PHI]))
					if flagged {
						o.hits[j] += hits
					}
				}
			}
		}
		for s := range 3 {
			for k := range part[s] {
				part[s][k].addTo(&tot[s])
			}
		}
		return part, tot, phrases
	}
	part, tot, phrases := outcomes()
	nPhrases := 0
	for _, p := range phrases {
		nPhrases += p
	}
	// choose picks, per sensitivity, the grid index with the best F-beta
	// (F1 normal, F0.5 low, F2 high) whose span recall is within
	// vetoSpanSlack of no veto's, on the outcome o(s) over nph phrases;
	// ties go to the lower threshold (fewer findings vetoed).
	choose := func(o func(s int) *vetoOutcome, nph int) (js [3]int) {
		for s, beta := range [3]float64{0.5, 1, 2} {
			out := o(s)
			floor := ratio(out.hits[0], nph) - vetoSpanSlack
			best := out.n[0].f(beta)
			for j := 1; j < G; j++ {
				if ratio(out.hits[j], nph) < floor {
					continue
				}
				if f := out.n[j].f(beta); f > best {
					best, js[s] = f, j
				}
			}
		}
		js[0] = max(js[0], js[1])
		js[2] = min(js[2], js[1])
		return js
	}
	// Cross-fitted: each part judged with thresholds chosen on the others.
	type crossFit struct {
		cross, base         [3]counts
		crossHits, baseHits [3]int
		up, down            int
		js                  [][3]int // per part
		// crossPart and basePart are each part's counts at normal, with
		// and without the veto, for the paired comparison.
		crossPart, basePart []counts
	}
	fitCross := func(part [3][]vetoOutcome, tot [3]vetoOutcome) (c crossFit) {
		rest := [3]vetoOutcome{newOutcome(G), newOutcome(G), newOutcome(G)}
		for k := range v.parts {
			for s := range 3 {
				for j := range G {
					rest[s].n[j] = counts{tot[s].n[j].tp - part[s][k].n[j].tp, tot[s].n[j].fp - part[s][k].n[j].fp, tot[s].n[j].fn - part[s][k].n[j].fn}
					rest[s].hits[j] = tot[s].hits[j] - part[s][k].hits[j]
				}
			}
			js := choose(func(s int) *vetoOutcome { return &rest[s] }, nPhrases-phrases[k])
			c.js = append(c.js, js)
			for s := range 3 {
				c.cross[s].add(part[s][k].n[js[s]])
				c.crossHits[s] += part[s][k].hits[js[s]]
				c.base[s].add(part[s][k].n[0])
				c.baseHits[s] += part[s][k].hits[0]
			}
			c.crossPart = append(c.crossPart, part[1][k].n[js[1]])
			c.basePart = append(c.basePart, part[1][k].n[0])
			switch a, b := part[1][k].n[js[1]].f(1), part[1][k].n[0].f(1); {
			case a > b:
				c.up++
			case a < b:
				c.down++
			}
		}
		return c
	}
	cf := fitCross(part, tot)
	cross, base, crossHits, baseHits, up, down := cf.cross, cf.base, cf.crossHits, cf.baseHits, cf.up, cf.down
	// What the veto did at normal (cross-fitted): replies vetoed (all
	// their PHI findings demoted) that are not PHI / PHI, the findings
	// demoted with them (wrong / right / unlabelled), and replies left
	// unflagged (not PHI / PHI).
	var vetoedReplies [2]int
	var vetoedFinds [3]int
	for k := range v.parts {
		js := cf.js[k]
		if js[1] == 0 {
			continue
		}
		t := grid[js[1]]
		for i := range ex {
			x := &ex[i]
			z, d := v.oof[i].Logit[score.PHI], ev.partD[k]
			if v.of[i] != k || len(x.finds) == 0 || top[i] >= t || z >= d.add[1] {
				continue
			}
			phi := 0
			if x.label[score.PHI] {
				phi = 1
			}
			weak := true
			for _, f := range x.finds {
				weak = weak && f.weak
			}
			if z < d.keepFor(weak, 1) {
				continue // the score demotes them anyway
			}
			vetoedReplies[phi]++
			for _, f := range x.finds {
				vetoedFinds[f.label]++
			}
		}
	}
	if cfg.Vetoed != nil {
		for i := range ex {
			x, k := &ex[i], v.of[i]
			if len(x.finds) == 0 {
				continue
			}
			z, d, t := v.oof[i].Logit[score.PHI], ev.partD[k], grid[cf.js[k][1]]
			weak := true
			for _, f := range x.finds {
				weak = weak && f.weak
			}
			what := "kept"
			switch {
			case z >= d.add[1]:
				what = "scored"
			case z < d.keepFor(weak, 1):
				continue // the score demotes them
			case !math.IsInf(t, -1) && top[i] < t:
				what = "vetoed"
			}
			fmt.Fprintf(cfg.Vetoed, "%v\t%s\t%s\t%s\t%.3f\t%q\n", x.label[score.PHI], what, x.set, x.id, top[i], x.text)
		}
	}
	js := choose(func(s int) *vetoOutcome { return &tot[s] }, nPhrases)
	final := fitVeto(ex, func(int) bool { return true }, cfg.Seed)
	// As a category's mode (mode.go), the veto ships only when it wins
	// reply-level PHI F1 by the paired margin over the held-out parts.
	gain, se := pairedF1(cf.basePart, cf.crossPart)
	on := pairedWin(gain, se) && ratio(crossHits[1], nPhrases) >= ratio(baseHits[1], nPhrases)-vetoSpanSlack && js[1] > 0
	var rep strings.Builder
	labelled, wrongClean := [3]int{}, 0
	for i := range ex {
		for _, f := range ex[i].finds {
			labelled[f.label]++
			if !ex[i].label[score.PHI] {
				wrongClean++
			}
		}
	}
	fmt.Fprintf(&rep, "phi span veto, %d rule findings (%d right, %d wrong of which %d in replies that are not PHI and train, %d in sets labelling no phrases), table 2^%d rows; leave one author out, thresholds chosen on the other authors:\n",
		labelled[0]+labelled[1]+labelled[2], labelled[labelRight], labelled[labelWrong], wrongClean, labelled[labelUnknown], vetoBits)
	for s, name := range [3]string{"low", "normal", "high"} {
		fmt.Fprintf(&rep, "  %-6s without veto P/R/F1 %s span recall %.3f | with veto %s span recall %.3f\n", name,
			base[s], ratio(baseHits[s], nPhrases), cross[s], ratio(crossHits[s], nPhrases))
	}
	fmt.Fprintf(&rep, "  at normal: %d replies vetoed and so left unflagged, every PHI finding under the threshold where the score kept them and would not flag PHI alone (%d not PHI, %d PHI), their %d findings demoted (%d wrong, %d right, %d unlabelled); PHI F1 up for %d authors, down for %d, same for %d\n",
		vetoedReplies[0]+vetoedReplies[1], vetoedReplies[0], vetoedReplies[1],
		vetoedFinds[labelWrong]+vetoedFinds[labelRight]+vetoedFinds[labelUnknown], vetoedFinds[labelWrong], vetoedFinds[labelRight], vetoedFinds[labelUnknown],
		up, down, v.parts-up-down)
	fmt.Fprintf(&rep, "  paired over the held-out parts: F1 with veto minus without %+.4f, jackknife standard error %.4f (on needs more than %g of them and at least %.3f)\n", gain, se, modeZ, modeMinGain)
	if on {
		for s := range 3 {
			final.Thresholds[s] = float32(grid[js[s]])
		}
		fmt.Fprintf(&rep, "  veto on: thresholds (logit) low %.3f normal %.3f high %.3f\n", grid[js[0]], grid[js[1]], grid[js[2]])
	} else {
		rep.WriteString("  veto off: no threshold gained reply-level PHI F1 out of fold by the paired margin within the span recall allowed\n")
	}
	return vetoResult{params: final, report: rep.String()}
}
