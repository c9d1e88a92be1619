package train

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/replyguard/replyguard/core"
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/score"
	"github.com/replyguard/replyguard/internal/corpus"
)

// Config holds the training settings. Changing any of them changes the
// weights, so `./build.sh train` uses Defaults only.
type Config struct {
	Bits   uint    // the table has 1<<Bits rows
	Epochs int     // passes over the training items
	Rate   float64 // initial learning rate
	Decay  float64 // learning rate = Rate / (1 + Decay*step)
	L2     float64 // weight decay per update
	Seed   uint64  // shuffle seed
	Folds  int     // cross-validation folds
	// Levels quantises each category's weights to -Levels..Levels (int8).
	// In cross-validation 15 levels scored as well as 127 (every F1 within
	// +0.01, none lower) and deflate to half the bytes in engine.wasm.
	Levels int
}

// Defaults are the settings the checked-in weights were trained with.
// In cross-validation 30 epochs gave each category's scorer alone an F1
// up to 0.019 over 10 epochs (manners most; phi equal), and 40 or 60
// epochs no better.
var Defaults = Config{Bits: 12, Epochs: 30, Rate: 0.5, Decay: 1e-4, L2: 1e-4, Seed: 20261203, Folds: 5, Levels: 15}

// example is one prepared item.
type example struct {
	id    string
	fold  int
	feats score.Features
	vec   []score.Entry
	label [score.NumCats]bool
	rule  [score.NumCats]bool // the rules alone flag it (warning or error)
	// weak: every such finding is weak evidence (analysis.Finding.Weak).
	weak [score.NumCats]bool
	// text, its labelled disclosing phrases and the spans of the rules'
	// PHI findings at warning or above, for span recall.
	text    string
	phrases []string
	phiRule [][2]int
}

// prepare extracts every item's features, with the facts an engine without
// the scorer finds, exactly as the engine names them at check time.
func prepare(items []Item, cfg Config) ([]example, error) {
	e := core.MustDefaultEngine().WithoutScorer()
	ex := make([]example, len(items))
	var facts score.Facts
	for i, it := range items {
		x := &ex[i]
		x.id = it.ID
		x.text, x.phrases = it.Text, it.PhiSpans
		x.fold = foldOf(it.ID, cfg.Folds)
		for _, c := range it.Expect {
			if c == string(core.Length) {
				continue
			}
			k, ok := score.CatOf(c)
			if !ok {
				return nil, fmt.Errorf("item %s: unknown category %q", it.ID, c)
			}
			x.label[k] = true
		}
		platform := core.Platform(it.Platform)
		if !platform.Valid() {
			platform = core.Facebook
		}
		e.Inspect(core.Input{Text: it.Text, Comment: it.Comment, Platform: platform}, func(p *analysis.Pass, findings []core.Finding) {
			var strong [score.NumCats]bool
			for _, f := range findings {
				if k, ok := score.CatOf(string(f.Category)); ok && f.Severity.Rank() >= core.Warning.Rank() {
					x.rule[k] = true
					strong[k] = strong[k] || !f.Weak
					if k == score.PHI {
						x.phiRule = append(x.phiRule, [2]int{f.Start, f.End})
					}
				}
			}
			for k := range x.weak {
				x.weak[k] = x.rule[k] && !strong[k]
			}
			core.ScoreFacts(&facts, p, findings)
			// The documents the rules read, as the engine passes them.
			x.feats.ExtractDocs(p.Reply.Doc, core.CommentDoc(p), string(platform), &facts)
		})
		x.vec = x.feats.Vector(cfg.Bits, nil)
	}
	return ex, nil
}

// foldOf spreads items over folds by a hash of the id, so adding items never
// moves the others.
func foldOf(id string, folds int) int {
	h := uint32(2166136261)
	for i := 0; i < len(id); i++ {
		h = (h ^ uint32(id[i])) * 16777619
	}
	return int(h % uint32(folds))
}

// linear is a model being trained: float weights, row-major like score's.
type linear struct {
	w []float64
	b [score.NumCats]float64
}

// fit trains logistic regression on the examples idx by stochastic gradient
// descent. Products are rounded explicitly (float64(...)) so no platform
// fuses them and results stay bit-identical.
func fit(ex []example, idx []int, cfg Config) *linear {
	m := &linear{w: make([]float64, (1<<cfg.Bits)*score.NumCats)}
	order := slices.Clone(idx)
	rng := cfg.Seed
	step := 0
	for range cfg.Epochs {
		shuffle(order, &rng)
		for _, i := range order {
			x := &ex[i]
			lr := cfg.Rate / (1 + float64(cfg.Decay*float64(step)))
			step++
			z := m.b
			for _, en := range x.vec {
				r := int(en.Row) * score.NumCats
				for c := range score.NumCats {
					z[c] += float64(en.Value * m.w[r+c])
				}
			}
			var g [score.NumCats]float64
			for c := range score.NumCats {
				y := 0.0
				if x.label[c] {
					y = 1
				}
				g[c] = sigmoid(z[c]) - y
				m.b[c] -= float64(lr * g[c])
			}
			for _, en := range x.vec {
				r := int(en.Row) * score.NumCats
				for c := range score.NumCats {
					grad := float64(g[c]*en.Value) + float64(cfg.L2*m.w[r+c])
					m.w[r+c] -= float64(lr * grad)
				}
			}
		}
	}
	return m
}

func sigmoid(z float64) float64 { return 1 / (1 + exp(-z)) }

// exp is e^x in plain float64 arithmetic: math.Exp has assembly versions
// (some using FMA when the CPU has it), which could change the trained
// weights from one machine to the next. Range reduction to |r| <= ln2/2,
// then Taylor terms to r^13 (relative error under 1e-15).
func exp(x float64) float64 {
	x = max(-700, min(700, x))
	const ln2Hi, ln2Lo = 6.93147180369123816490e-01, 1.90821492927058770002e-10
	k := math.Round(float64(x * (1 / math.Ln2)))
	r := float64(x-float64(k*ln2Hi)) - float64(k*ln2Lo)
	p := 1.0
	for n := 13.0; n >= 1; n-- {
		p = 1 + float64(float64(r/n)*p)
	}
	return math.Ldexp(p, int(k))
}

// shuffle is Fisher-Yates with splitmix64, so the order depends only on the seed.
func shuffle(s []int, state *uint64) {
	for i := len(s) - 1; i > 0; i-- {
		*state += 0x9e3779b97f4a7c15
		z := *state
		z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
		z = (z ^ z>>27) * 0x94d049bb133111eb
		z ^= z >> 31
		j := int(z % uint64(i+1))
		s[i], s[j] = s[j], s[i]
	}
}

// quantise turns m into int8 weights from -levels to levels with one scale
// per category.
func quantise(m *linear, bits uint, levels int) *score.Params {
	p := &score.Params{Bits: bits, Weights: make([]int8, len(m.w))}
	for c := range score.NumCats {
		maxAbs := 0.0
		for r := c; r < len(m.w); r += score.NumCats {
			maxAbs = max(maxAbs, math.Abs(m.w[r]))
		}
		if maxAbs == 0 {
			maxAbs = 1
		}
		p.Scale[c] = float32(maxAbs / float64(levels))
		p.Bias[c] = float32(m.b[c])
		scale := float64(p.Scale[c])
		for r := c; r < len(m.w); r += score.NumCats {
			q := math.Round(m.w[r] / scale)
			p.Weights[r] = int8(max(-float64(levels), min(float64(levels), q)))
		}
	}
	for c := range score.NumCats {
		for k := range 3 {
			p.Thresholds[c][k] = float32(math.Inf(1))
			p.Keep[c][k] = float32(math.Inf(-1))
			p.WeakKeep[c][k] = float32(math.Inf(-1))
		}
	}
	return p
}

// Result is a training run's output.
type Result struct {
	Params *score.Params
	// Report gives the cross-validated figures, as printed by the trainer.
	Report string
}

// Run cross-validates, picks thresholds from the out-of-fold scores, then
// trains the final model on every item.
func Run(items []Item, cfg Config) (*Result, error) {
	ex, err := prepare(items, cfg)
	if err != nil {
		return nil, err
	}
	// Folds and the final model train independently; each writes only its
	// own slot, so running them at once changes nothing.
	models := make([]*score.Params, cfg.Folds+1)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for k := 0; k <= cfg.Folds; k++ {
		var idx []int
		for i := range ex {
			if k == cfg.Folds || ex[i].fold != k {
				idx = append(idx, i)
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			models[k] = quantise(fit(ex, idx, cfg), cfg.Bits, cfg.Levels)
		}()
	}
	wg.Wait()

	oof := make([]score.Scores, len(ex))
	foldModels := make([]*score.Model, cfg.Folds)
	for k := range cfg.Folds {
		m, err := score.Parse(string(models[k].Encode()))
		if err != nil {
			return nil, err
		}
		foldModels[k] = m
		for i := range ex {
			if ex[i].fold == k {
				oof[i] = m.ScoreFeatures(&ex[i].feats)
			}
		}
	}
	final := models[cfg.Folds]
	var rep strings.Builder
	fmt.Fprintf(&rep, "%d items, %d-fold cross-validation, table 2^%d rows x %d categories, %d bytes of weights\n",
		len(ex), cfg.Folds, cfg.Bits, score.NumCats, len(final.Encode()))
	rep.WriteString("Precision / recall / F1 of out-of-fold scores, each fold judged with thresholds picked on the other folds:\n")
	fmt.Fprintf(&rep, "%-8s %5s | %-17s | %-17s | %-17s | %-17s | %-17s | %-7s | %-17s | %-17s | %s\n", "category", "items",
		"rules alone", "scorer alone", "rules OR scorer", "score decides", "decides if weak", "decides", "shipped: normal", "shipped: low", "shipped: high")
	var sr spans
	for c := range score.Cat(score.NumCats) {
		ev := evaluate(ex, oof, foldModels, c, cfg)
		d := choose(ex, oof, c, func(int) bool { return true }, ev.decides)
		final.Thresholds[c] = toF32(d.add)
		final.Keep[c] = toF32(d.keep)
		final.WeakKeep[c] = toF32(d.weakKeep)
		gated := fmt.Sprintf("%-17s", "-")
		if c == score.PHI {
			gated = ev.gated[1].String()
		}
		fmt.Fprintf(&rep, "%-8s %5d | %s | %s | %s | %s | %s | %-7s | %s | %s | %s\n", c, ev.positives,
			ev.rules, ev.alone, ev.plain[1], ev.decided[1], gated, ev.verdict, ev.shipped[1], ev.shipped[0], ev.shipped[2])
		if c == score.PHI {
			sr = ev.spans
		}
	}
	fmt.Fprintf(&rep, "phi span recall, %d labelled phrases in %d items (a phrase is found when a rule or scorer phi finding at warning+ overlaps it): rules alone %.3f | rules OR scorer %.3f | score decides %.3f | decides if weak %.3f | shipped: normal %.3f | low %.3f | high %.3f\n",
		sr.phrases, sr.items, sr.rules, sr.plain[1], sr.decided[1], sr.gated[1], sr.shipped[1], sr.shipped[0], sr.shipped[2])
	return &Result{Params: final, Report: rep.String()}, nil
}

func toF32(v [3]float64) [3]float32 { return [3]float32{float32(v[0]), float32(v[1]), float32(v[2])} }

// spans are cross-fitted PHI span recall figures.
type spans struct {
	phrases, items int
	rules          float64
	// plain, decided, gated and shipped as in evaluation, at low, normal, high.
	plain, decided, gated, shipped [3]float64
}

// spanHits counts, for fold k's items, the labelled phrases the rules'
// PHI spans find and those the engine finds with decision d per
// sensitivity: a rule's spans count only while its finding stays a
// warning (the score reaches d.keep), the scorer's span (the whole reply
// when no word stands out) only where no rule flagged PHI and the score
// reaches d.add.
func spanHits(ex []example, oof []score.Scores, m *score.Model, k int, d decision) (phrases, items, rules int, hits [3]int) {
	for i := range ex {
		x := &ex[i]
		if x.fold != k || len(x.phrases) == 0 {
			continue
		}
		items++
		z := oof[i].Logit[score.PHI]
		scorer := score.Span{Start: 0, End: len(x.text)}
		if sp := m.Span(&x.feats, score.PHI); sp.End > sp.Start {
			scorer = sp
		}
		for _, ph := range x.phrases {
			phrases++
			byRule := corpus.PhraseFound(x.text, ph, func(a, b int) bool {
				for _, s := range x.phiRule {
					if s[0] < b && a < s[1] {
						return true
					}
				}
				return false
			})
			if byRule {
				rules++
			}
			byScorer := corpus.PhraseFound(x.text, ph, func(a, b int) bool { return scorer.Start < b && a < scorer.End })
			for s := range 3 {
				if byRule && z >= d.keepFor(x.weak[score.PHI], s) || !x.rule[score.PHI] && z >= d.add[s] && byScorer {
					hits[s]++
				}
			}
		}
	}
	return phrases, items, rules, hits
}

// counts are confusion counts for one category.
type counts struct{ tp, fp, fn int }

func (n counts) precision() float64 { return ratio(n.tp, n.tp+n.fp) }
func (n counts) recall() float64    { return ratio(n.tp, n.tp+n.fn) }

func (n counts) f(beta float64) float64 {
	p, r := n.precision(), n.recall()
	if p+r == 0 {
		return 0
	}
	b2 := beta * beta
	return (1 + b2) * p * r / (b2*p + r)
}

func (n counts) String() string {
	return fmt.Sprintf("%.3f %.3f %.3f", n.precision(), n.recall(), n.f(1))
}

func (n *counts) add(o counts) { n.tp, n.fp, n.fn = n.tp+o.tp, n.fp+o.fp, n.fn+o.fn }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// decision is how the engine combines rules and scorer for one category,
// per sensitivity (low, normal, high): a rule finding whose reply scores
// under keep (weakKeep when the reply's findings are all weak) stays, as
// info (never deleted); without a rule finding, a score at add adds one.
type decision struct {
	add, keep, weakKeep [3]float64
}

// keepFor is the keep threshold at s for a reply whose rule findings are
// all weak or not.
func (d decision) keepFor(weak bool, s int) float64 {
	if weak {
		return d.weakKeep[s]
	}
	return d.keep[s]
}

// flags reports whether the engine flags an item (a rule flagged it when
// ruled, all weakly when weak; its score is z) at sensitivity s.
func (d decision) flags(ruled, weak bool, z float64, s int) bool {
	if ruled {
		return z >= d.keepFor(weak, s)
	}
	return z >= d.add[s]
}

const (
	// minAddedPrecision is the least precision, on the items it is chosen
	// on, of the findings the scorer adds where the rules were silent: a
	// judgement that is mostly a false alarm teaches staff to ignore it.
	minAddedPrecision = 0.6
	// maxDemotedPrecision is the most of the rule findings the scorer
	// demotes that may be right: it demotes only what is more likely a
	// false alarm than not.
	maxDemotedPrecision = 0.5
)

// objective scores a confusion count; ok=false rules the point out.
type objective func(counts) (value float64, ok bool)

func fBeta(beta float64) objective {
	return func(n counts) (float64, bool) { return n.f(beta), true }
}

// recallAtPrecision prefers recall among points with precision >= floor.
func recallAtPrecision(floor float64) objective {
	return func(n counts) (float64, bool) { return n.recall(), n.precision() >= floor }
}

// recallAtF1 prefers recall among points with F1 >= floor.
func recallAtF1(floor float64) objective {
	return func(n counts) (float64, bool) { return n.recall(), n.f(1) >= floor }
}

// phiF1Slack is how much F1 PHI's normal threshold may give up for recall.
const phiF1Slack = 0.005

// phiGateSlack is how much recall and span recall (each a fraction) PHI
// may give up for letting the score demote all-weak replies.
const phiGateSlack = 0.005

// How the rules' findings take part in a search.
type mode int

const (
	alone   mode = iota // the score decides every item; rule findings are only its features
	plain               // every rule finding stays; the score adds where the rules are silent
	decides             // rule findings stay only where the score reaches keep
	gated               // as decides for replies whose rule findings are all weak, as plain for the rest
)

// search picks c's threshold on the items in that maximises obj, and
// returns it as keep (for the items a rule flagged: -Inf, all kept, but in
// mode decides) and add (for the others). In mode decides both are the
// one threshold: a rule's finding stays exactly where the reply would be
// flagged without it (the rule's verdict is one of the model's features).
// Ties go to the higher threshold: fewer findings. found is false when no
// threshold meets the objective's floor (then the rules decide alone).
func search(ex []example, oof []score.Scores, c score.Cat, in func(int) bool, md mode, obj objective) (keep, add float64, best counts, found bool) {
	var idx []int
	var base counts    // the rule findings always kept (mode plain)
	var rAll, rPos int // rule-flagged items, and those right (mode decides)
	for i := range ex {
		if !in(i) {
			continue
		}
		ruled, y := md != alone && ex[i].rule[c], ex[i].label[c]
		switch {
		case ruled && (md == plain || md == gated && !ex[i].weak[c]):
			base.add(tally(true, y))
			continue
		case ruled:
			rAll++
			if y {
				rPos++
			}
		}
		if y {
			base.fn++
		}
		idx = append(idx, i)
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		za, zb := oof[a].Logit[c], oof[b].Logit[c]
		switch {
		case za > zb:
			return -1
		case za < zb:
			return 1
		}
		return 0
	})
	keep, add, best = math.Inf(-1), math.Inf(1), base
	bestV := math.Inf(-1)
	// consider the threshold thr, with the items above it on: added (no
	// rule) and kept (a rule) findings, n in all. Added findings must be
	// right mostly (minAddedPrecision), and demoted rule findings wrong
	// at least as often as right (maxDemotedPrecision).
	consider := func(n, added, kept counts, thr float64) {
		if added.tp+added.fp > 0 && added.precision() < minAddedPrecision {
			return
		}
		if demoted := rAll - kept.tp - kept.fp; demoted > 0 && float64(rPos-kept.tp) > maxDemotedPrecision*float64(demoted) {
			return
		}
		if v, ok := obj(n); ok && v > bestV {
			bestV, found, best, add = v, true, n, thr
			if md == decides || md == gated {
				keep = thr
			}
		}
	}
	consider(base, counts{}, counts{}, math.Inf(1))
	// Lower the threshold past one score at a time.
	var added, kept counts
	n := base
	for j := 0; j < len(idx); {
		z := oof[idx[j]].Logit[c]
		for ; j < len(idx) && oof[idx[j]].Logit[c] == z; j++ {
			i := idx[j]
			y := ex[i].label[c]
			if y {
				n.tp++
				n.fn--
			} else {
				n.fp++
			}
			if md != alone && ex[i].rule[c] {
				kept.add(tally(true, y))
			} else {
				added.add(tally(true, y))
			}
		}
		thr := math.Inf(-1) // below the last item
		if j < len(idx) {
			thr = (z + oof[idx[j]].Logit[c]) / 2
		}
		consider(n, added, kept, thr)
	}
	return keep, add, best, found
}

// choose picks c's decision on the items in, per sensitivity: F1 at
// normal (for PHI, recall at precision >= 0.92, or failing that the most
// recall within phiF1Slack of the best F1), F0.5 at low and F2 at high.
// In mode plain every rule finding stays.
func choose(ex []example, oof []score.Scores, c score.Cat, in func(int) bool, md mode) decision {
	d := chooseKeep(ex, oof, c, in, md)
	// In mode gated the keep search found applies to all-weak replies only;
	// in mode decides to every reply.
	d.weakKeep = d.keep
	if md == gated {
		d.keep = [3]float64{math.Inf(-1), math.Inf(-1), math.Inf(-1)}
	}
	return d
}

func chooseKeep(ex []example, oof []score.Scores, c score.Cat, in func(int) bool, md mode) decision {
	var d decision
	d.keep[0], d.add[0], _, _ = search(ex, oof, c, in, md, fBeta(0.5))
	found := false
	if c == score.PHI {
		d.keep[1], d.add[1], _, found = search(ex, oof, c, in, md, recallAtPrecision(0.92))
	}
	if !found {
		var best counts
		d.keep[1], d.add[1], best, _ = search(ex, oof, c, in, md, fBeta(1))
		if c == score.PHI {
			// F1 is flat near its best and may peak twice: of the
			// thresholds within phiF1Slack of it, take the one that
			// misses fewest disclosures (the costliest mistake).
			d.keep[1], d.add[1], _, _ = search(ex, oof, c, in, md, recallAtF1(best.f(1)-phiF1Slack))
		}
	}
	d.keep[2], d.add[2], _, _ = search(ex, oof, c, in, md, fBeta(2))
	// Sensitivities must not cross: low never flags more than normal, nor
	// normal more than high.
	for _, t := range []*[3]float64{&d.add, &d.keep} {
		t[0] = max(t[0], t[1])
		t[2] = min(t[2], t[1])
	}
	return d
}

// evaluation is one category's cross-fitted figures: each fold is judged
// with the decision chosen on the other folds' out-of-fold scores, so no
// figure rests on a threshold picked with hindsight.
type evaluation struct {
	positives    int
	rules, alone counts
	// plain is rules plus the scorer where they are silent, decided lets
	// the score demote rule findings too, shipped is the one the engine
	// gets; each at low, normal, high sensitivity.
	// gated lets it demote only replies whose findings are all weak (PHI).
	plain, decided, gated, shipped [3]counts
	spans                          spans // PHI only
	decides                        mode  // plain, decides or gated, as shipped
	verdict                        string
}

func evaluate(ex []example, oof []score.Scores, models []*score.Model, c score.Cat, cfg Config) evaluation {
	ev := evaluation{decides: plain}
	var sp struct {
		rules                          int
		plain, decided, gated, shipped [3]int
	}
	for k := range cfg.Folds {
		train := func(i int) bool { return ex[i].fold != k }
		plainD := choose(ex, oof, c, train, plain)
		decidedD := choose(ex, oof, c, train, decides)
		gatedD := plainD
		if c == score.PHI {
			gatedD = choose(ex, oof, c, train, gated)
		}
		_, aloneT, _, _ := search(ex, oof, c, train, alone, fBeta(1))
		for i := range ex {
			if ex[i].fold != k {
				continue
			}
			x, z := &ex[i], oof[i].Logit[c]
			y := x.label[c]
			ev.rules.add(tally(x.rule[c], y))
			ev.alone.add(tally(z >= aloneT, y))
			for s := range 3 {
				ev.plain[s].add(tally(plainD.flags(x.rule[c], x.weak[c], z, s), y))
				ev.decided[s].add(tally(decidedD.flags(x.rule[c], x.weak[c], z, s), y))
				ev.gated[s].add(tally(gatedD.flags(x.rule[c], x.weak[c], z, s), y))
			}
		}
		if c == score.PHI {
			var hits [3]int
			ph, items, rules, hp := spanHits(ex, oof, models[k], k, plainD)
			_, _, _, hits = spanHits(ex, oof, models[k], k, decidedD)
			_, _, _, hg := spanHits(ex, oof, models[k], k, gatedD)
			ev.spans.phrases += ph
			ev.spans.items += items
			sp.rules += rules
			for s := range 3 {
				sp.plain[s] += hp[s]
				sp.decided[s] += hits[s]
				sp.gated[s] += hg[s]
			}
		}
	}
	for i := range ex {
		if ex[i].label[c] {
			ev.positives++
		}
	}
	p, d, g := ev.plain[1], ev.decided[1], ev.gated[1]
	// Letting the score demote rule findings ships when cross-validation
	// says it does better at normal sensitivity. A missed disclosure is
	// the costliest mistake, so for PHI it must gain precision and recall
	// both and underline no fewer labelled phrases; failing that, it may
	// demote replies whose findings are all weak if that gains F1 and
	// costs at most phiGateSlack of recall and of span recall.
	phrases := float64(ev.spans.phrases)
	switch {
	case c == score.PHI && (d.precision() <= p.precision() || d.recall() <= p.recall() || sp.decided[1] < sp.plain[1]):
		ev.verdict = "no: phi"
		if g.f(1) > p.f(1) && g.recall() >= p.recall()-phiGateSlack && float64(sp.gated[1]) >= float64(sp.plain[1])-phiGateSlack*phrases {
			ev.verdict = "if weak"
			ev.decides = gated
		}
	case d.f(1) <= p.f(1):
		ev.verdict = "no"
	default:
		ev.verdict = "yes"
		ev.decides = decides
	}
	ev.shipped, sp.shipped = ev.plain, sp.plain
	switch ev.decides {
	case decides:
		ev.shipped, sp.shipped = ev.decided, sp.decided
	case gated:
		ev.shipped, sp.shipped = ev.gated, sp.gated
	}
	ev.spans.rules = ratio(sp.rules, ev.spans.phrases)
	for s := range 3 {
		ev.spans.plain[s] = ratio(sp.plain[s], ev.spans.phrases)
		ev.spans.decided[s] = ratio(sp.decided[s], ev.spans.phrases)
		ev.spans.gated[s] = ratio(sp.gated[s], ev.spans.phrases)
		ev.spans.shipped[s] = ratio(sp.shipped[s], ev.spans.phrases)
	}
	return ev
}

// tally is one item's contribution to a confusion count.
func tally(flagged, label bool) counts {
	switch {
	case flagged && label:
		return counts{tp: 1}
	case flagged:
		return counts{fp: 1}
	case label:
		return counts{fn: 1}
	}
	return counts{}
}
