package train

import (
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/replyguard/replyguard/core"
	"github.com/replyguard/replyguard/core/analyses/comment"
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
	// Average returns the average of the weights over every step of
	// training instead of the last ones.
	Average bool
	// MinAuthors: a feature is trained only when the training items of at
	// least this many authors (authorOf) have it; others keep whatever
	// weight their table row gets from the rest. A phrase only one
	// author uses teaches the model that author's wording, not the
	// category.
	MinAuthors int
	// Demoted, when set, receives one line per reply PHI's gate demotes
	// at normal in leave-one-author-out cross-validation (whether or not
	// the gate ships): labelled PHI (true: a disclosure lost), set, id,
	// score, weak keep threshold and text, tab-separated. It reports;
	// it changes no weight.
	Demoted io.Writer
	// Added, when set, receives one line per reply the scorer adds a PHI
	// or conduct finding to, or whose conduct findings it demotes, at
	// normal in leave-one-author-out cross-validation: category, what it
	// did, labelled (true: right to flag), set, id, score, the comment's
	// kind and the reply's conduct cues (core.ConductCues), then the
	// text, tab-separated. For manners it receives every disagreement
	// with the label, at normal, of the score deciding outright and of
	// the score only adding (plain): category, mode, labelled, flagged by
	// the rules, set, id, score, kind, cues and text. It reports; it
	// changes no weight.
	Added io.Writer
	// Vetoed, when set, receives one line per reply with PHI findings of
	// the rules that the reply's score keeps at normal in
	// leave-one-author-out cross-validation, with the span veto's
	// thresholds cross-fitted as the report's: labelled PHI (true: right
	// to flag), what the veto did (kept, vetoed, or scored: the score
	// flags PHI alone, so the veto does not run), set, id, the reply's
	// highest out-of-fold span score and text, tab-separated. It
	// reports; it changes no weight.
	Vetoed io.Writer
}

// Same reports whether c and o train the same weights: the writers that
// only report (Demoted, Added, Vetoed) do not count.
func (c Config) Same(o Config) bool {
	c.Demoted, c.Added, c.Vetoed = nil, nil, nil
	o.Demoted, o.Added, o.Vetoed = nil, nil, nil
	return c == o
}

// Defaults are the settings the checked-in weights were trained with.
// In cross-validation 30 epochs gave each category's scorer alone an F1
// up to 0.019 over 10 epochs (manners most; phi equal), and 40 or 60
// epochs no better. Holding out each author (three shuffle seeds each),
// L2 3e-3 gave a summed F1 over the five categories 0.022 above 1e-4
// (canned, manners and conduct; phi equal), 1e-3 0.016, while 1e-2 lost
// phi recall; in 5 folds by id, which reward learning each author's
// wording, 3e-3 gained less. Averaging, 20 or 50 epochs, a table of 2^13
// or 2^14 rows, 31 levels and training only features two or more authors
// use (MinAuthors) moved it no more than the seeds did. Again at 14,432
// replies by 51 authors, with PHI's weak-evidence gate (leave one author
// out, shipped F1 at normal, PHI / conduct): 2^12 rows 0.922 / 0.926,
// 2^13 0.921 / 0.928 (engine.wasm +5.8 KB), 2^14 0.920 / 0.926
// (+12.0 KB), and facts saying whether a reply's PHI and
// conduct findings are all weak or not 0.921 / 0.923: none gained the
// 0.004 that would pay for its bytes. At 23,074 replies by 86 authors,
// facts naming the hipaa frame of each flagged PHI finding (one per frame,
// a weak frame made firm apart) left PHI's F1 where it was, 0.907 in eight
// groups of authors at 10 epochs, and lost 0.004 recall: the score reads
// the same words the frames do.
var Defaults = Config{Bits: 12, Epochs: 30, Rate: 0.5, Decay: 1e-4, L2: 3e-3, Seed: 20261203, Folds: 5, Levels: 15}

// example is one prepared item.
type example struct {
	id    string
	set   string // the corpus file
	feats score.Features
	vec   []score.Entry
	// authors has, per entry of vec, a bit for each author (by part of
	// byAuthor) whose items have the feature.
	authors []authorSet
	label   [score.NumCats]bool
	rule    [score.NumCats]bool // the rules alone flag it (warning or error)
	// weak: every such finding is weak evidence (analysis.Finding.Weak).
	weak [score.NumCats]bool
	// barred: the score may not add a finding of the category when no
	// rule flagged it (core.ConductCues.MayAdd says no).
	barred [score.NumCats]bool
	// kind, negative and cues are the comment's reading and the reply's
	// conduct cues, for Config.Added.
	kind     string
	negative bool
	cues     core.ConductCues
	// text, its labelled disclosing phrases and the spans of the rules'
	// PHI findings at warning or above, for span recall.
	text    string
	phrases []string
	phiRule [][2]int
	// finds are the rules' PHI findings at warning or above, in the order
	// of phiRule, for the span veto.
	finds []finding
}

// prepare extracts every item's features, with the facts an engine without
// the scorer finds, exactly as the engine names them at check time.
func prepare(items []Item, cfg Config) ([]example, error) {
	e := core.MustDefaultEngine().WithoutScorer()
	ex := make([]example, len(items))
	var facts score.Facts
	var sf score.SpanFeatures
	for i, it := range items {
		x := &ex[i]
		x.id, x.set = it.ID, it.Set
		x.text, x.phrases = it.Text, it.PhiSpans
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
			for j, f := range findings {
				if k, ok := score.CatOf(string(f.Category)); ok && f.Severity.Rank() >= core.Warning.Rank() {
					x.rule[k] = true
					strong[k] = strong[k] || !f.Weak
					if k == score.PHI {
						x.phiRule = append(x.phiRule, [2]int{f.Start, f.End})
						core.VetoFeatures(&sf, p, findings, j)
						x.finds = append(x.finds, finding{start: f.Start, end: f.End, weak: f.Weak, sure: f.Sure,
							vec: sf.Vector(vetoBits, nil), label: findingLabel(x, f.Start, f.End)})
					}
				}
			}
			for k := range x.weak {
				x.weak[k] = x.rule[k] && !strong[k]
			}
			x.cues = core.ReadConduct(p)
			for k := range x.barred {
				x.barred[k] = !x.cues.MayAdd(core.Category(score.Cat(k).String()))
			}
			ci := comment.Of(p)
			x.kind, x.negative = string(ci.Kind), ci.Negative
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
//
// Features fewer than cfg.MinAuthors authors have, not counting the author
// held out (-1: none), are left out.
func fit(ex []example, idx []int, cfg Config, held int) *linear {
	m := &linear{w: make([]float64, (1<<cfg.Bits)*score.NumCats)}
	// For averaging, u sums each update times the steps before it: the
	// average of the weights after every step is then w - u/steps.
	var u *linear
	if cfg.Average {
		u = &linear{w: make([]float64, len(m.w))}
	}
	order := slices.Clone(idx)
	rng := cfg.Seed
	step := 0
	for range cfg.Epochs {
		shuffle(order, &rng)
		for _, i := range order {
			x := &ex[i]
			lr := cfg.Rate / (1 + float64(cfg.Decay*float64(step)))
			z := m.b
			for e, en := range x.vec {
				if x.authors[e].without(held) < cfg.MinAuthors {
					continue
				}
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
				d := float64(lr * g[c])
				m.b[c] -= d
				if u != nil {
					u.b[c] -= float64(float64(step) * d)
				}
			}
			for e, en := range x.vec {
				if x.authors[e].without(held) < cfg.MinAuthors {
					continue
				}
				r := int(en.Row) * score.NumCats
				for c := range score.NumCats {
					grad := float64(g[c]*en.Value) + float64(cfg.L2*m.w[r+c])
					d := float64(lr * grad)
					m.w[r+c] -= d
					if u != nil {
						u.w[r+c] -= float64(float64(step) * d)
					}
				}
			}
			step++
		}
	}
	if u != nil && step > 0 {
		n := float64(step)
		for r := range m.w {
			m.w[r] -= u.w[r] / n
		}
		for c := range m.b {
			m.b[c] -= u.b[c] / n
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

// A partition splits the examples into parts for cross-validation: each
// part is scored by a model trained on all the others.
type partition struct {
	parts int
	of    []int    // each example's part
	names []string // each part's name, for the per-author lines (grouped only)
}

// byFold spreads the examples over n folds by a hash of their ids: every
// author's items land in every fold.
func byFold(ex []example, n int) partition {
	p := partition{parts: n, of: make([]int, len(ex))}
	for i := range ex {
		p.of[i] = foldOf(ex[i].id, n)
	}
	return p
}

// byAuthor makes one part per author (authorOf), in corpus order: holding
// one out asks how the scorer does on wording nobody trained it on.
func byAuthor(ex []example) partition {
	var p partition
	p.of = make([]int, len(ex))
	for i := range ex {
		a := authorOf(ex[i].set)
		k := slices.Index(p.names, a)
		if k < 0 {
			k = len(p.names)
			p.names = append(p.names, a)
		}
		p.of[i] = k
	}
	p.parts = len(p.names)
	return p
}

// authorSet has a bit per author (part of the partition).
type authorSet [maxAuthors / 64]uint64

const maxAuthors = 256

// without counts the authors in s other than held (-1: none held out).
func (s authorSet) without(held int) int {
	if held >= 0 {
		s[held/64] &^= 1 << (held % 64)
	}
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// markAuthors sets each example's authors: per feature, the authors (parts
// of p) whose items have it.
func markAuthors(ex []example, p partition) error {
	if p.parts > maxAuthors {
		return fmt.Errorf("%d authors: at most %d can be told apart", p.parts, maxAuthors)
	}
	seen := map[uint64]authorSet{}
	for i := range ex {
		for _, en := range ex[i].vec {
			s := seen[en.Hash]
			s[p.of[i]/64] |= 1 << (p.of[i] % 64)
			seen[en.Hash] = s
		}
	}
	for i := range ex {
		x := &ex[i]
		x.authors = make([]authorSet, len(x.vec))
		for e, en := range x.vec {
			x.authors[e] = seen[en.Hash]
		}
	}
	return nil
}

// cv is one cross-validation: each example's out-of-fold scores and the
// model of each part (trained on the other parts).
type cv struct {
	partition
	oof    []score.Scores
	models []*score.Model
}

// Run cross-validates two ways, picks thresholds and modes from the
// grouped (leave one author out) out-of-fold scores, then trains the final
// model on every item.
func Run(items []Item, cfg Config) (*Result, error) {
	ex, err := prepare(items, cfg)
	if err != nil {
		return nil, err
	}
	cvs := []*cv{{partition: byAuthor(ex)}, {partition: byFold(ex, cfg.Folds)}}
	if err := markAuthors(ex, cvs[0].partition); err != nil {
		return nil, err
	}
	// Every fold model and the final one train independently; each writes
	// only its own slot, so running them at once changes nothing.
	type job struct {
		cv   *cv // nil: the final model
		part int
		out  *score.Params
	}
	var jobs []*job
	for _, v := range cvs {
		for k := range v.parts {
			jobs = append(jobs, &job{cv: v, part: k})
		}
	}
	jobs = append(jobs, &job{})
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for _, j := range jobs {
		var idx []int
		for i := range ex {
			if j.cv == nil || j.cv.of[i] != j.part {
				idx = append(idx, i)
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			held := -1 // 5-fold and final: every author trains
			if j.cv == cvs[0] {
				held = j.part
			}
			j.out = quantise(fit(ex, idx, cfg, held), cfg.Bits, cfg.Levels)
		}()
	}
	wg.Wait()
	for _, j := range jobs[:len(jobs)-1] {
		v := j.cv
		if v.oof == nil {
			v.oof, v.models = make([]score.Scores, len(ex)), make([]*score.Model, v.parts)
		}
		m, err := score.Parse(string(j.out.Encode()))
		if err != nil {
			return nil, err
		}
		v.models[j.part] = m
		for i := range ex {
			if v.of[i] == j.part {
				v.oof[i] = m.ScoreFeatures(&ex[i].feats)
			}
		}
	}
	final := jobs[len(jobs)-1].out
	grouped, folds := cvs[0], cvs[1]

	var rep strings.Builder
	fmt.Fprintf(&rep, "%d items by %d authors, table 2^%d rows x %d categories, %d bytes of weights\n",
		len(ex), grouped.parts, cfg.Bits, score.NumCats, len(final.Encode()))
	rep.WriteString("Precision / recall / F1 of out-of-fold scores, each part judged with thresholds picked on the other parts.\n")
	var evs [score.NumCats]evaluation
	for c := range score.Cat(score.NumCats) {
		evs[c] = evaluate(ex, grouped, c, cfg.Demoted, cfg.Added)
	}
	fmt.Fprintf(&rep, "Leave one author out (%d authors: each author's sets held out in turn; what ships is chosen here):\n", grouped.parts)
	table(&rep, evs)
	for c := range score.Cat(score.NumCats) {
		d := choose(ex, grouped.oof, c, func(int) bool { return true }, evs[c].decides)
		final.Thresholds[c] = toF32(d.add)
		final.Keep[c] = toF32(d.keep)
		final.WeakKeep[c] = toF32(d.weakKeep)
	}
	vr := trainVeto(ex, grouped, evs[score.PHI], cfg)
	final.Veto = vr.params
	rep.WriteString(vr.report)
	rep.WriteString("Shipped, per held-out author at normal: phi P / R / span recall (- where the set labels no phrases), then F1 of the others:\n")
	fmt.Fprintf(&rep, "%-12s %5s | %-17s | %-7s | %-7s | %-7s | %-7s\n", "author", "items", "phi", "canned", "manners", "conduct", "routing")
	for k, name := range grouped.names {
		n := 0
		for i := range ex {
			if grouped.of[i] == k {
				n++
			}
		}
		phi := evs[score.PHI]
		span := "  -  "
		if sp := phi.spanPart[k]; sp[0] > 0 {
			span = fmt.Sprintf("%.3f", ratio(sp[1], sp[0]))
		}
		line := fmt.Sprintf("%-12s %5d | %.3f %.3f %s", name, n, phi.perPart[k].precision(), phi.perPart[k].recall(), span)
		for c := score.Canned; c < score.NumCats; c++ {
			line += fmt.Sprintf(" | %-7.3f", evs[c].perPart[k].f(1))
		}
		rep.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	for c := range score.Cat(score.NumCats) {
		evs[c] = evaluate(ex, folds, c, nil, nil)
	}
	fmt.Fprintf(&rep, "%d-fold by id (every author on both sides, so it overstates how the scorer does on a new author):\n", folds.parts)
	table(&rep, evs)
	return &Result{Params: final, Report: rep.String()}, nil
}

// table writes one cross-validation's figures per category, and PHI's span
// recall.
func table(rep *strings.Builder, evs [score.NumCats]evaluation) {
	fmt.Fprintf(rep, "%-8s %5s | %-17s | %-17s | %-17s | %-17s | %-17s | %-7s | %-17s | %-17s | %s\n", "category", "items",
		"rules alone", "scorer alone", "rules OR scorer", "score decides", "decides if weak", "decides", "shipped: normal", "shipped: low", "shipped: high")
	for c, ev := range evs {
		gated := fmt.Sprintf("%-17s", "-")
		if gates(score.Cat(c)) {
			gated = ev.gated[1].String()
		}
		fmt.Fprintf(rep, "%-8s %5d | %s | %s | %s | %s | %s | %-7s | %s | %s | %s\n", score.Cat(c), ev.positives,
			ev.rules, ev.alone, ev.plain[1], ev.decided[1], gated, ev.verdict, ev.shipped[1], ev.shipped[0], ev.shipped[2])
	}
	fmt.Fprintf(rep, "mode at normal: the firm mode ships unless another's F1 beats it by more than %g jackknife standard errors over the held-out parts and by at least %.3f (alternative minus firm, standard error, z):\n", modeZ, modeMinGain)
	for c, ev := range evs {
		rep.WriteString(modeLine(score.Cat(c), ev))
	}
	sr := evs[score.PHI].spans
	fmt.Fprintf(rep, "phi span recall, %d labelled phrases in %d items (a phrase is found when a rule or scorer phi finding at warning+ overlaps it): rules alone %.3f | rules OR scorer %.3f | score decides %.3f | decides if weak %.3f | shipped: normal %.3f | low %.3f | high %.3f\n",
		sr.phrases, sr.items, sr.rules, sr.plain[1], sr.decided[1], sr.gated[1], sr.shipped[1], sr.shipped[0], sr.shipped[2])
}

func toF32(v [3]float64) [3]float32 { return [3]float32{float32(v[0]), float32(v[1]), float32(v[2])} }

// spans are cross-fitted PHI span recall figures.
type spans struct {
	phrases, items int
	rules          float64
	// plain, decided, gated and shipped as in evaluation, at low, normal, high.
	plain, decided, gated, shipped [3]float64
}

// spanHits counts, for the items of part k of p, the labelled phrases the rules'
// PHI spans find and those the engine finds with decision d per
// sensitivity: a rule's spans count only while its finding stays a
// warning (the score reaches d.keep), the scorer's span (the whole reply
// when no word stands out) only where no rule flagged PHI and the score
// reaches d.add.
func spanHits(ex []example, oof []score.Scores, m *score.Model, p partition, k int, d decision) (phrases, items, rules int, hits [3]int) {
	for i := range ex {
		x := &ex[i]
		if p.of[i] != k || len(x.phrases) == 0 {
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
				if byRule && z >= d.keepFor(x.weak[score.PHI], s) || !x.rule[score.PHI] && !x.barred[score.PHI] && z >= d.add[s] && byScorer {
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
// ruled, all weakly when weak; the score may add a finding to it when
// addable; its score is z) at sensitivity s.
func (d decision) flags(ruled, weak, addable bool, z float64, s int) bool {
	if ruled {
		return z >= d.keepFor(weak, s)
	}
	return addable && z >= d.add[s]
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

// phiGateRecall is the recall PHI's gate may lose at normal on the items
// its threshold is chosen on: half of what it may lose out of fold
// (phiF1Slack), the other half for the held-out author.
const phiGateRecall = phiF1Slack / 2

// f1AtRecall prefers F1 among points with recall >= floor.
func f1AtRecall(floor float64) objective {
	return func(n counts) (float64, bool) { return n.f(1), n.recall() >= floor }
}

// flagged counts what decision d flags at sensitivity s on the items in.
func flagged(ex []example, oof []score.Scores, c score.Cat, in func(int) bool, d decision, s int) counts {
	var n counts
	for i := range ex {
		if in(i) {
			n.add(tally(d.flags(ex[i].rule[c], ex[i].weak[c], !ex[i].barred[c], oof[i].Logit[c], s), ex[i].label[c]))
		}
	}
	return n
}

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
// In mode gated the score adds nothing (see searchGated).
func search(ex []example, oof []score.Scores, c score.Cat, in func(int) bool, md mode, obj objective) (keep, add float64, best counts, found bool) {
	return searchGated(ex, oof, c, in, md, obj, math.Inf(1))
}

// searchGated is search; in mode gated the items no rule flagged are
// flagged where they score at least addAt (the threshold mode plain
// chose), and the search moves only the threshold of the replies whose
// rule findings are all weak. One threshold for both, as in mode decides,
// let the precision the gate gained be spent on adding fewer findings:
// at 15,912 replies half the recall the gate lost was findings the score
// no longer added, not findings it demoted.
func searchGated(ex []example, oof []score.Scores, c score.Cat, in func(int) bool, md mode, obj objective, addAt float64) (keep, add float64, best counts, found bool) {
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
		case md != alone && ex[i].barred[c]:
			// The definition lets no finding hold that a rule did not
			// report: the score never adds one.
			base.add(tally(false, y))
			continue
		case md == gated:
			base.add(tally(oof[i].Logit[c] >= addAt, y))
			continue
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
		if md == gated && thr > addAt {
			// A weak finding never needs a higher score to stay than a
			// reply without one needs for the score to add a finding.
			return
		}
		if added.tp+added.fp > 0 && added.precision() < minAddedPrecision {
			return
		}
		if demoted := rAll - kept.tp - kept.fp; demoted > 0 && float64(rPos-kept.tp) > maxDemotedPrecision*float64(demoted) {
			return
		}
		if v, ok := obj(n); ok && v > bestV {
			bestV, found, best, add = v, true, n, thr
			switch md {
			case decides:
				keep = thr
			case gated:
				keep, add = thr, addAt
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
//
// In mode gated the score adds where mode plain would, and only the keep
// threshold of replies whose findings are all weak is searched; for PHI
// at normal it is the best F1 that loses at most phiGateRecall of mode
// plain's recall on the items in (a missed disclosure is the costliest
// mistake, and the gate ships only within phiF1Slack of plain's recall).
//
// When the score may demote (modes decides and gated) but no threshold at
// normal does so without demoting more right findings than wrong or adding
// mostly false ones, every rule finding stays and the score only adds
// (mode plain). Without that fallback the rules alone would ship for the
// category, which is not what the cross-validation that picked the mode
// measured.
func choose(ex []example, oof []score.Scores, c score.Cat, in func(int) bool, md mode) decision {
	var d decision
	found := false
	switch md {
	case gated:
		p, _ := chooseKeep(ex, oof, c, in, plain, [3]float64{})
		p.weakKeep = p.keep // every rule finding kept
		d, found = chooseKeep(ex, oof, c, in, md, p.add)
		if c == score.PHI {
			floor := flagged(ex, oof, c, in, p, 1).recall() - phiGateRecall
			if d.keep[1], _, _, found = searchGated(ex, oof, c, in, md, f1AtRecall(floor), p.add[1]); found {
				d.keep[0] = max(d.keep[0], d.keep[1])
				d.keep[2] = min(d.keep[2], d.keep[1])
			}
		}
		if !found {
			d, md = p, plain
		}
	default:
		d, found = chooseKeep(ex, oof, c, in, md, [3]float64{})
		if !found && md == decides {
			d, _ = chooseKeep(ex, oof, c, in, plain, [3]float64{})
			md = plain
		}
	}
	// In mode gated the keep search found applies to all-weak replies only;
	// in mode decides to every reply.
	d.weakKeep = d.keep
	if md == gated {
		d.keep = [3]float64{math.Inf(-1), math.Inf(-1), math.Inf(-1)}
	}
	return d
}

// found reports whether a threshold at normal met its objective.
// In mode gated the score adds at addAt (per sensitivity, from mode plain).
func chooseKeep(ex []example, oof []score.Scores, c score.Cat, in func(int) bool, md mode, addAt [3]float64) (d decision, found bool) {
	at := func(s int, obj objective) (keep, add float64, best counts, found bool) {
		return searchGated(ex, oof, c, in, md, obj, addAt[s])
	}
	d.keep[0], d.add[0], _, _ = at(0, fBeta(0.5))
	if c == score.PHI {
		d.keep[1], d.add[1], _, found = at(1, recallAtPrecision(0.92))
	}
	if !found {
		var best counts
		d.keep[1], d.add[1], best, found = at(1, fBeta(1))
		if found && c == score.PHI {
			// F1 is flat near its best and may peak twice: of the
			// thresholds within phiF1Slack of it, take the one that
			// misses fewest disclosures (the costliest mistake).
			d.keep[1], d.add[1], _, _ = at(1, recallAtF1(best.f(1)-phiF1Slack))
		}
	}
	d.keep[2], d.add[2], _, _ = at(2, fBeta(2))
	// Sensitivities must not cross: low never flags more than normal, nor
	// normal more than high.
	for _, t := range []*[3]float64{&d.add, &d.keep} {
		t[0] = max(t[0], t[1])
		t[2] = min(t[2], t[1])
	}
	return d, found
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
	// gated lets it demote only replies whose findings are all weak (PHI,
	// conduct, manners).
	plain, decided, gated, shipped [3]counts
	spans                          spans // PHI only
	decides                        mode  // plain, decides or gated, as shipped
	verdict                        string
	modeTests                      []modeTest // the alternatives to the firm mode (mode.go)
	// perPart is the shipped counts at normal per part, spanPart PHI's
	// labelled phrases and those found (shipped, normal) per part.
	perPart  []counts
	spanPart [][2]int
	// partD is the shipped mode's decision per part, chosen on the
	// other parts (for the span veto's cross-validation).
	partD []decision
}

func evaluate(ex []example, v *cv, c score.Cat, demoted, added io.Writer) evaluation {
	ev := evaluation{decides: plain}
	var sp struct {
		rules                          int
		plain, decided, gated, shipped [3]int
	}
	// Per part, at normal: counts and span hits for modes plain, decides
	// and gated, until the shipped mode is known.
	var part [3][]counts
	var spanPart [3][][2]int
	var partD [3][]decision
	for m := range part {
		part[m], spanPart[m], partD[m] = make([]counts, v.parts), make([][2]int, v.parts), make([]decision, v.parts)
	}
	oof := v.oof
	for k := range v.parts {
		train := func(i int) bool { return v.of[i] != k }
		plainD := choose(ex, oof, c, train, plain)
		decidedD := choose(ex, oof, c, train, decides)
		gatedD := plainD
		if gates(c) {
			gatedD = choose(ex, oof, c, train, gated)
		}
		_, aloneT, _, _ := search(ex, oof, c, train, alone, fBeta(1))
		partD[0][k], partD[1][k], partD[2][k] = plainD, decidedD, gatedD
		for i := range ex {
			if v.of[i] != k {
				continue
			}
			x, z := &ex[i], oof[i].Logit[c]
			y := x.label[c]
			ev.rules.add(tally(x.rule[c], y))
			ev.alone.add(tally(z >= aloneT, y))
			for s := range 3 {
				ev.plain[s].add(tally(plainD.flags(x.rule[c], x.weak[c], !x.barred[c], z, s), y))
				ev.decided[s].add(tally(decidedD.flags(x.rule[c], x.weak[c], !x.barred[c], z, s), y))
				ev.gated[s].add(tally(gatedD.flags(x.rule[c], x.weak[c], !x.barred[c], z, s), y))
			}
			for m, d := range [3]decision{plainD, decidedD, gatedD} {
				part[m][k].add(tally(d.flags(x.rule[c], x.weak[c], !x.barred[c], z, 1), y))
			}
			if demoted != nil && c == score.PHI && x.rule[c] && !gatedD.flags(x.rule[c], x.weak[c], !x.barred[c], z, 1) {
				fmt.Fprintf(demoted, "%v\t%s\t%s\t%.3f\t%.3f\t%q\n", y, x.set, x.id, z, gatedD.weakKeep[1], x.text)
			}
			if added != nil && c == score.Manners {
				for m, d := range [2]decision{plainD, decidedD} {
					if f := d.flags(x.rule[c], x.weak[c], !x.barred[c], z, 1); f != y {
						fmt.Fprintf(added, "%s\t%s\t%v\t%v\t%s\t%s\t%.3f\t%s\t%s\t%q\n", c, [2]string{"plain", "decided"}[m], y, x.rule[c], x.set, x.id, z, x.kind, cueString(x), x.text)
					}
				}
			}
			// Additions are the same in modes plain and gated; demotions
			// are gated's.
			if added != nil && (c == score.PHI || c == score.Conduct) {
				what := ""
				switch {
				case !x.rule[c] && gatedD.flags(false, false, !x.barred[c], z, 1):
					what = "added"
				case c == score.Conduct && x.rule[c] && !gatedD.flags(true, x.weak[c], !x.barred[c], z, 1):
					what = "demoted"
				}
				if what != "" {
					fmt.Fprintf(added, "%s\t%s\t%v\t%s\t%s\t%.3f\t%s\t%s\t%q\n", c, what, y, x.set, x.id, z, x.kind, cueString(x), x.text)
				}
			}
		}
		if c == score.PHI {
			var hits [3]int
			ph, items, rules, hp := spanHits(ex, oof, v.models[k], v.partition, k, plainD)
			_, _, _, hits = spanHits(ex, oof, v.models[k], v.partition, k, decidedD)
			_, _, _, hg := spanHits(ex, oof, v.models[k], v.partition, k, gatedD)
			ev.spans.phrases += ph
			ev.spans.items += items
			sp.rules += rules
			for s := range 3 {
				sp.plain[s] += hp[s]
				sp.decided[s] += hits[s]
				sp.gated[s] += hg[s]
			}
			for m, h := range [3][3]int{hp, hits, hg} {
				spanPart[m][k] = [2]int{ph, h[1]}
			}
		}
	}
	for i := range ex {
		if ex[i].label[c] {
			ev.positives++
		}
	}
	// The mode ships by chooseMode (mode.go): the firm mode stays unless
	// an alternative wins at normal by a paired margin over the held-out
	// parts. PHI and conduct never let the score decide outright: their
	// structural findings stand, and the score may demote only a reply
	// whose findings of the category are all weak evidence (mode gated).
	// For PHI, hipaa counts a finding strong, however weak its frame, when
	// its sentence ties a person (a name or greeting, "you", a third
	// person) to a care concept with a time or procedure ("Hi Janet, sorry
	// the root canal last Tuesday hurt": the textbook disclosure, which an
	// earlier, frame-only gate demoted), and the engine never demotes PHI
	// in a direct message. A missed disclosure is the costliest mistake,
	// so PHI's gate ships only if, besides winning, it loses no more
	// recall, and underlines no fewer labelled phrases, than phiF1Slack.
	// Manners' firm mode is gated: one manners frame is firm (a service
	// complaint left with no apology or acknowledgement: the score, over
	// words, demoted long warm replies of that kind); the score decides
	// the rest.
	p, g := ev.plain[1], ev.gated[1]
	ok := func(m mode) bool {
		return c != score.PHI || m != gated ||
			g.recall() >= p.recall()-phiF1Slack && ratio(sp.gated[1], ev.spans.phrases) >= ratio(sp.plain[1], ev.spans.phrases)-phiF1Slack
	}
	firm, alts := firmMode(c)
	perPart := func(m mode) []counts { return part[m-plain] } // part holds plain, decides, gated
	ev.decides, ev.modeTests = chooseMode(firm, alts, perPart, ok)
	ev.verdict = verdictOf(c, ev.decides)
	ev.shipped, sp.shipped = ev.plain, sp.plain
	ev.perPart, ev.spanPart, ev.partD = part[0], spanPart[0], partD[0]
	switch ev.decides {
	case decides:
		ev.shipped, sp.shipped = ev.decided, sp.decided
		ev.perPart, ev.spanPart, ev.partD = part[1], spanPart[1], partD[1]
	case gated:
		ev.shipped, sp.shipped = ev.gated, sp.gated
		ev.perPart, ev.spanPart, ev.partD = part[2], spanPart[2], partD[2]
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

// gates reports whether c's rules mark weak evidence, so that the score
// may demote only replies whose findings of c are all weak (for PHI and
// conduct never mode decides, which would let it overrule structural
// findings too; for manners its firm mode, see firmMode).
func gates(c score.Cat) bool { return c == score.PHI || c == score.Conduct || c == score.Manners }

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

// cueString names an example's comment negativity and conduct cues, for
// Config.Added: "neg answered inferred channel apology manner hostile",
// each present or "-".
func cueString(x *example) string {
	var b strings.Builder
	for i, f := range [...]struct {
		on   bool
		name string
	}{{x.negative, "neg"}, {x.cues.Answered, "answered"}, {x.cues.Inferred, "inferred"}, {x.cues.Channel, "channel"},
		{x.cues.Apology, "apology"}, {x.cues.Manner, "manner"}, {x.cues.Hostile, "hostile"}} {
		if i > 0 {
			b.WriteByte(' ')
		}
		if f.on {
			b.WriteString(f.name)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}
