package train

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/replyguard/replyguard/core/score"
)

// TestTrainingReproducesWeights retrains from the corpus, as `./build.sh
// train` does, and requires the checked-in weights byte for byte: the
// weights are generated data, never edited by hand.
func TestTrainingReproducesWeights(t *testing.T) {
	items, err := LoadDir("../../core/testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(items, Defaults)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "weights_gen.go")
	if err := os.WriteFile(out, GoFile(res.Params.Encode(), res.Report), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../core/score/weights_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + res.Report)
	if !bytes.Equal(got, want) {
		t.Fatalf("training gives %d bytes that differ from core/score/weights_gen.go (%d bytes): run ./build.sh train and commit the result", len(got), len(want))
	}
	// The generated file must also decode to the model it was made from.
	m, err := score.Parse(string(res.Params.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	if m.Bits() != Defaults.Bits {
		t.Errorf("model has %d bits, trained with %d", m.Bits(), Defaults.Bits)
	}
}

// TestShuffleAndFoldsAreStable: folds depend on ids only and shuffles on
// the seed only.
func TestShuffleAndFoldsAreStable(t *testing.T) {
	a, b := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	s1, s2 := uint64(42), uint64(42)
	shuffle(a, &s1)
	shuffle(b, &s2)
	if !slices.Equal(a, b) {
		t.Fatalf("same seed, different orders: %v %v", a, b)
	}
	c := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	s3 := uint64(43)
	shuffle(c, &s3)
	if slices.Equal(a, c) {
		t.Errorf("seeds 42 and 43 give the same order %v", a)
	}
	seen := [5]int{}
	for _, id := range []string{"dev-0001", "dev-0002", "dev-0003", "holdout-0001", "blind-tune-0003", "x", "y", "z", "w", "v"} {
		f := foldOf(id, 5)
		if f != foldOf(id, 5) || f < 0 || f >= 5 {
			t.Fatalf("fold of %q: %d", id, f)
		}
		seen[f]++
	}
	for f, n := range seen {
		if n == 10 {
			t.Errorf("every id landed in fold %d", f)
		}
	}
}

// TestLoadDirErrors: bad corpus lines are reported with file and line.
func TestLoadDirErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(`{"id":"a1","text":"hi","expect":[]}`+"\n"+`{"id":"a1","text":"again"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadDir(dir); err == nil || !bytes.Contains([]byte(err.Error()), []byte("a.jsonl:2")) {
		t.Errorf("duplicate id: got %v, want an error naming a.jsonl:2", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte("{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadDir(dir); err == nil || !bytes.Contains([]byte(err.Error()), []byte("a.jsonl:1")) {
		t.Errorf("bad json: got %v, want an error naming a.jsonl:1", err)
	}
	if _, err := LoadDir(t.TempDir()); err == nil {
		t.Error("empty directory: no error")
	}
}

// TestExpMatchesMath: the trainer's own exp (kept free of assembly so
// training gives the same bits everywhere) agrees with math.Exp.
func TestExpMatchesMath(t *testing.T) {
	worst := 0.0
	for x := -40.0; x <= 40; x += 0.0137 {
		worst = max(worst, math.Abs(exp(x)-math.Exp(x))/math.Exp(x))
	}
	if worst > 1e-14 {
		t.Errorf("exp is off math.Exp by up to %g (relative)", worst)
	}
	if exp(-1000) != exp(-700) || exp(1000) != exp(700) {
		t.Error("exp does not clamp its argument")
	}
}

// TestSpanRecall: a labelled phrase counts as found when a rule's PHI span
// overlaps it while the rule's finding stays a warning, or, where no rule
// flagged PHI, when the scorer passes the add threshold (its span is then
// the whole reply, as in the engine, when no word stands out). A rule
// finding the score demotes underlines nothing.
func TestSpanRecall(t *testing.T) {
	ruled := example{text: "your root canal went well", phrases: []string{"root canal", "went well"}, phiRule: [][2]int{{5, 15}}}
	ruled.label[score.PHI], ruled.rule[score.PHI] = true, true
	missed := example{text: "see you at the follow-up", phrases: []string{"follow-up"}}
	missed.label[score.PHI] = true
	clean := example{text: "thanks for the kind words"}
	ex := []example{ruled, missed, clean}
	var hi, lo score.Scores
	hi.Logit[score.PHI], lo.Logit[score.PHI] = 3, -3
	oof := []score.Scores{hi, hi, lo}
	m, err := score.Parse(string((&score.Params{Bits: 4, Weights: make([]int8, 16*score.NumCats)}).Encode()))
	if err != nil {
		t.Fatal(err)
	}
	inf := math.Inf(1)
	d := decision{add: [3]float64{inf, 0, -inf}, keep: [3]float64{-inf, -inf, -inf}}
	phrases, items, rules, hits := spanHits(ex, oof, m, partition{parts: 1, of: make([]int, len(ex))}, 0, d)
	if phrases != 3 || items != 2 {
		t.Fatalf("%d phrases in %d items, want 3 in 2", phrases, items)
	}
	if rules != 1 {
		t.Errorf("rules found %d phrases, want 1 (only the one under the rule's span)", rules)
	}
	if hits != [3]int{1, 2, 2} {
		t.Errorf("found %v per sensitivity, want [1 2 2] (the scorer adds the reply no rule flagged at normal and high; nothing where a rule did)", hits)
	}
	d.keep = [3]float64{4, 4, 0}
	if _, _, _, hits = spanHits(ex, oof, m, partition{parts: 1, of: make([]int, len(ex))}, 0, d); hits != [3]int{0, 1, 2} {
		t.Errorf("with the rule's finding demoted at low and normal: found %v, want [0 1 2]", hits)
	}
}

// TestSearchLetsTheScoreDecide: in mode decides one threshold flags
// replies, a rule's or not: rule findings scoring under it are demoted,
// those over it kept, and an unflagged reply over it gets the scorer's
// finding. Mode plain keeps every rule finding; mode alone ignores them.
func TestSearchLetsTheScoreDecide(t *testing.T) {
	var ex []example
	var oof []score.Scores
	item := func(rule, label bool, z float64) {
		var x example
		x.rule[score.Conduct], x.label[score.Conduct] = rule, label
		var s score.Scores
		s.Logit[score.Conduct] = z
		ex, oof = append(ex, x), append(oof, s)
	}
	for range 5 {
		item(true, true, 2)    // rule right, score agrees
		item(true, false, -3)  // rule false alarm, score disagrees
		item(false, true, 1)   // rule missed, score catches it
		item(false, false, -2) // clean
	}
	all := func(int) bool { return true }
	keep, add, n, found := search(ex, oof, score.Conduct, all, decides, fBeta(1))
	if !found || n != (counts{tp: 10}) {
		t.Fatalf("decides: %+v (found %v), want every problem and no false alarm", n, found)
	}
	if keep != add || add <= -2 || add > 1 {
		t.Errorf("decides: keep %.2f add %.2f, want one threshold in (-2, 1]", keep, add)
	}
	keep, _, n, _ = search(ex, oof, score.Conduct, all, plain, fBeta(1))
	if !math.IsInf(keep, -1) || n != (counts{tp: 10, fp: 5}) {
		t.Errorf("plain: keep %.2f, %+v; want every rule finding kept", keep, n)
	}
	_, add, n, _ = search(ex, oof, score.Conduct, all, alone, fBeta(1))
	if n != (counts{tp: 10}) || add > 1 || add <= -2 {
		t.Errorf("alone: add %.2f, %+v", add, n)
	}
}

// TestSearchDemotesOnlyLikelyFalseAlarms: F0.5 would rather demote the
// low-scoring rule findings, but three of the five are right: the search
// keeps them all (maxDemotedPrecision).
func TestSearchDemotesOnlyLikelyFalseAlarms(t *testing.T) {
	var ex []example
	var oof []score.Scores
	item := func(label bool, z float64) {
		var x example
		x.rule[score.Manners], x.label[score.Manners] = true, label
		var s score.Scores
		s.Logit[score.Manners] = z
		ex, oof = append(ex, x), append(oof, s)
	}
	for k := range 5 {
		item(true, 2)
		item(k < 3, -3)
	}
	keep, _, n, _ := search(ex, oof, score.Manners, func(int) bool { return true }, decides, fBeta(0.5))
	if !math.IsInf(keep, -1) || n != (counts{tp: 8, fp: 2}) {
		t.Errorf("keep %.2f, %+v: demoted findings that were right more often than not", keep, n)
	}
	// With four of the five wrong, demoting them is the better F0.5.
	ex[1].label[score.Manners] = false
	keep, _, n, _ = search(ex, oof, score.Manners, func(int) bool { return true }, decides, fBeta(0.5))
	if keep <= -3 || keep > 2 || n != (counts{tp: 5, fn: 2}) {
		t.Errorf("keep %.2f, %+v: want the low-scoring findings demoted", keep, n)
	}
}

// TestChooseOrdersSensitivities: low flags no more than normal and normal
// no more than high, for added findings and kept rule findings alike.
func TestChooseOrdersSensitivities(t *testing.T) {
	var ex []example
	var oof []score.Scores
	rng := uint64(7)
	for i := range 400 {
		var x example
		rng = rng*6364136223846793005 + 1442695040888963407
		x.label[score.Manners] = rng>>40&1 == 1
		x.rule[score.Manners] = rng>>41&3 == 0
		var s score.Scores
		s.Logit[score.Manners] = float64(int(rng>>44&63)-32) / 8
		if x.label[score.Manners] {
			s.Logit[score.Manners] += 1.5
		}
		x.id = strconv.Itoa(i)
		ex, oof = append(ex, x), append(oof, s)
	}
	d := choose(ex, oof, score.Manners, func(int) bool { return true }, decides)
	for _, th := range [][3]float64{d.add, d.keep} {
		if !(th[0] >= th[1] && th[1] >= th[2]) {
			t.Errorf("thresholds %v not ordered low >= normal >= high", th)
		}
	}
	if d.keep != d.add {
		t.Errorf("keep %v and add %v thresholds differ: the score decides with one", d.keep, d.add)
	}
}

// phiCases builds PHI examples with the rules' verdict, whether their
// evidence is weak, the label and an out-of-fold score.
type phiCases struct {
	ex  []example
	oof []score.Scores
}

func (c *phiCases) add(rule, weak, label bool, z float64) {
	var x example
	x.rule[score.PHI], x.weak[score.PHI], x.label[score.PHI] = rule, weak, label
	var s score.Scores
	s.Logit[score.PHI] = z
	c.ex, c.oof = append(c.ex, x), append(c.oof, s)
}

// TestSearchGatesOnlyWeak: in mode gated the score decides only replies
// whose PHI rule findings are all weak: their false alarms scoring low are
// demoted, while replies with strong evidence stay flagged whatever they
// score; choose keeps strong replies' findings at every sensitivity.
func TestSearchGatesOnlyWeak(t *testing.T) {
	var c phiCases
	item := c.add
	for range 5 {
		item(true, false, true, 2)   // strong and right
		item(true, false, false, -3) // strong false alarm: kept all the same
		item(true, true, true, 2)    // weak and right, the score agrees
		item(true, true, false, -3)  // weak false alarm, the score disagrees
		item(false, false, false, -2)
	}
	all := func(int) bool { return true }
	ex, oof := c.ex, c.oof
	keep, _, n, found := search(ex, oof, score.PHI, all, gated, fBeta(1))
	if !found || n != (counts{tp: 10, fp: 5}) {
		t.Errorf("gated: %+v, want the weak false alarms demoted and the strong one kept", n)
	}
	if keep <= -3 || keep > 2 {
		t.Errorf("gated: keep %.2f, want in (-3, 2]", keep)
	}
	d := choose(ex, oof, score.PHI, all, gated)
	for s := range 3 {
		if !math.IsInf(d.keep[s], -1) {
			t.Errorf("sensitivity %d: strong findings' keep %.2f, want -Inf", s, d.keep[s])
		}
		if d.flags(true, true, true, -3, s) || !d.flags(true, false, true, -3, s) || !d.flags(true, true, true, 2, s) {
			t.Errorf("sensitivity %d: weak keep %.2f does not split weak replies by score", s, d.weakKeep[s])
		}
	}
	dd := choose(ex, oof, score.PHI, all, decides)
	if dd.keep != dd.weakKeep {
		t.Errorf("decides: keep %v, weak keep %v; want one threshold for both", dd.keep, dd.weakKeep)
	}
}

// TestAuthorsGroupSets: the grouped cross-validation holds out an author's
// sets together (the halves of a split file, dev with holdout) and each
// other file alone, in corpus order.
func TestAuthorsGroupSets(t *testing.T) {
	if authorOf("blind2-tune") != authorOf("blind2-check") || authorOf("holdout") != authorOf("dev") {
		t.Error("the halves of one author's file, or dev and holdout, are apart")
	}
	if authorOf("train-a") == authorOf("train-b") || authorOf("blind9") == authorOf("blind10") {
		t.Error("two authors' files share a group")
	}
	ex := []example{{id: "1", set: "blind-check"}, {id: "2", set: "dev"}, {id: "3", set: "blind-tune"}, {id: "4", set: "holdout"}, {id: "5", set: "train-a"}}
	p := byAuthor(ex)
	if p.parts != 3 || !slices.Equal(p.of, []int{0, 1, 0, 1, 2}) || !slices.Equal(p.names, []string{"blind", "dev", "train-a"}) {
		t.Errorf("byAuthor: %d parts %v named %v, want 3 parts [0 1 0 1 2] named [blind dev train-a]", p.parts, p.of, p.names)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "train-z.jsonl"), []byte(`{"id":"z1","text":"hi","expect":[]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	items, err := LoadDir(dir)
	if err != nil || len(items) != 1 || items[0].Set != "train-z" {
		t.Errorf("LoadDir: %+v, %v; want one item of set train-z", items, err)
	}
}

// TestMinAuthors: a feature fewer than MinAuthors authors use is not
// trained, and the author held out does not count toward it.
func TestMinAuthors(t *testing.T) {
	const bits = 4
	shared, own := score.Entry{Row: 1, Value: 1, Hash: 11}, score.Entry{Row: 2, Value: 1, Hash: 22}
	var ex []example
	for i := range 8 {
		x := example{id: strconv.Itoa(i), set: []string{"train-a", "train-b"}[i%2]}
		x.vec = []score.Entry{shared}
		if i%2 == 0 {
			x.vec = append(x.vec, own) // train-a's wording only
		}
		x.label[score.PHI] = i%4 < 2
		ex = append(ex, x)
	}
	p := byAuthor(ex)
	if err := markAuthors(ex, p); err != nil {
		t.Fatal(err)
	}
	all := []int{0, 1, 2, 3, 4, 5, 6, 7}
	cfg := Config{Bits: bits, Epochs: 3, Rate: 0.5, L2: 1e-4, Seed: 1, MinAuthors: 2}
	w := func(m *linear, e score.Entry) float64 { return m.w[int(e.Row)*score.NumCats+int(score.PHI)] }
	m := fit(ex, all, cfg, -1)
	if w(m, own) != 0 || w(m, shared) == 0 {
		t.Errorf("two authors: weights own %g shared %g, want only the shared feature trained", w(m, own), w(m, shared))
	}
	if m = fit(ex, all, cfg, 1); w(m, shared) != 0 {
		t.Errorf("train-b held out: the shared feature has one author left, but got weight %g", w(m, shared))
	}
	cfg.MinAuthors = 0
	if m = fit(ex, all, cfg, -1); w(m, own) == 0 {
		t.Error("MinAuthors 0: one author's feature was not trained")
	}
}

// TestGateAddsAsPlain: in mode gated, weak rule findings that are right
// but score low cannot be demoted (maxDemotedPrecision), and one threshold
// for adding and keeping would have to add mostly false alarms to keep
// them. The gate keeps them and lets the score add the high-scoring misses
// at the threshold mode plain chose.
func TestGateAddsAsPlain(t *testing.T) {
	var c phiCases
	item := c.add
	for range 5 {
		item(true, false, true, 2)    // strong and right
		item(true, true, true, -3)    // weak and right, though it scores low
		item(false, false, true, 3)   // missed by the rules, the score sees it
		item(false, false, false, -2) // clean, scoring above the weak findings
		item(false, false, false, -2)
	}
	all := func(int) bool { return true }
	ex, oof := c.ex, c.oof
	d := choose(ex, oof, score.PHI, all, gated)
	p := choose(ex, oof, score.PHI, all, plain)
	if d.add != p.add {
		t.Errorf("gated adds at %v, plain at %v; want the same", d.add, p.add)
	}
	if d.add[1] <= -2 || d.add[1] > 3 {
		t.Errorf("normal add threshold %.2f, want the misses scoring 3 added and nothing at -2", d.add[1])
	}
	for s := range 3 {
		if !math.IsInf(d.keep[s], -1) || d.weakKeep[s] > -3 {
			t.Errorf("sensitivity %d: keep %.2f weak keep %.2f, want every rule finding kept", s, d.keep[s], d.weakKeep[s])
		}
	}
	if !d.flags(true, true, true, -3, 1) || !d.flags(false, false, true, 3, 1) || d.flags(false, false, true, -2, 1) {
		t.Error("normal: want weak findings kept, high-scoring misses added, the rest clean")
	}
}

// TestGateKeepsRecall: PHI's gate at normal loses at most phiGateRecall
// of plain's recall on the items it is chosen on, even where demoting
// every weak reply would reach precision 0.92 and the best F1 (two right
// weak findings scoring under ten false alarms).
func TestGateKeepsRecall(t *testing.T) {
	var c phiCases
	for range 100 {
		c.add(true, false, true, 2)
	}
	for range 10 {
		c.add(true, true, false, -3)
	}
	for range 2 {
		c.add(true, true, true, -4)
	}
	for range 50 {
		c.add(false, false, false, -5)
	}
	all := func(int) bool { return true }
	d := choose(c.ex, c.oof, score.PHI, all, gated)
	if !d.flags(true, true, true, -4, 1) {
		t.Errorf("normal: weak keep %.2f demotes the right weak findings, losing 2%% recall", d.weakKeep[1])
	}
	if d.flags(true, true, true, -4, 0) {
		t.Errorf("low: weak keep %.2f keeps everything; low sensitivity should still demote", d.weakKeep[0])
	}
}

// TestGateKeepsUnderAdd: a weak finding never needs a higher score to stay
// than a reply without one needs for the score to add a finding, even
// where weak false alarms score above what the score adds (else a reply
// would lose its finding at a score that flags a reply with none).
func TestGateKeepsUnderAdd(t *testing.T) {
	var c phiCases
	for range 5 {
		c.add(false, false, true, 0)   // the rules miss it, the score adds it
		c.add(false, false, false, -2) // clean
		c.add(true, true, false, 1)    // weak false alarm over the add threshold
		c.add(true, true, true, 3)     // weak and right
	}
	all := func(int) bool { return true }
	d := choose(c.ex, c.oof, score.PHI, all, gated)
	for s := range 3 {
		if d.weakKeep[s] > d.add[s] {
			t.Errorf("sensitivity %d: weak keep %.2f over add %.2f", s, d.weakKeep[s], d.add[s])
		}
	}
}

// TestSearchAddsNothingBarred: a reply the definition bars the score from
// flagging (example.barred) gets no added finding however high it
// scores, in every mode but alone, while the same reply unbarred does;
// its label still counts as missed.
func TestSearchAddsNothingBarred(t *testing.T) {
	var ex []example
	var oof []score.Scores
	item := func(barred, label bool, z float64) {
		var x example
		x.barred[score.Conduct], x.label[score.Conduct] = barred, label
		var s score.Scores
		s.Logit[score.Conduct] = z
		ex, oof = append(ex, x), append(oof, s)
	}
	for range 5 {
		item(false, true, 2) // caught
		item(true, false, 3) // barred false alarm, scoring highest
		item(true, true, 3)  // barred, right: missed all the same
		item(false, false, -2)
	}
	all := func(int) bool { return true }
	for _, md := range []mode{plain, decides, gated} {
		_, add, n, found := search(ex, oof, score.Conduct, all, md, fBeta(1))
		if md == gated { // it adds at the threshold given, and searches only the weak rule findings (none here)
			_, add, n, _ = searchGated(ex, oof, score.Conduct, all, md, fBeta(1), 0)
			found = true
		}
		if !found || n != (counts{tp: 5, fn: 5}) {
			t.Errorf("mode %d: %+v (found %v, add %.2f), want the 5 unbarred caught and the 5 barred missed", md, n, found, add)
		}
		d := decision{add: [3]float64{add, add, add}}
		if d.flags(false, false, !ex[1].barred[score.Conduct], oof[1].Logit[score.Conduct], 1) {
			t.Errorf("mode %d: a barred reply is flagged", md)
		}
	}
	if _, _, n, _ := search(ex, oof, score.Conduct, all, alone, fBeta(1)); n.tp+n.fp <= 5 {
		t.Errorf("alone: %+v, want the barred replies scored too", n)
	}
}
