package train

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
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
// overlaps it, or, where no rule flagged PHI, when the scorer passes the
// threshold chosen on the other fold (its span is then the whole reply, as
// in the engine, when no word stands out).
func TestSpanRecall(t *testing.T) {
	var ex []example
	var oof []score.Scores
	for fold := range 2 {
		ruled := example{fold: fold, text: "your root canal went well", phrases: []string{"root canal", "went well"}, phiRule: [][2]int{{5, 15}}}
		ruled.label[score.PHI], ruled.rule[score.PHI] = true, true
		missed := example{fold: fold, text: "see you at the follow-up", phrases: []string{"follow-up"}}
		missed.label[score.PHI] = true
		clean := example{fold: fold, text: "thanks for the kind words"}
		ex = append(ex, ruled, missed, clean)
		var hi, lo score.Scores
		hi.Logit[score.PHI], lo.Logit[score.PHI] = 3, -3
		oof = append(oof, hi, hi, lo)
	}
	m, err := score.Parse(string((&score.Params{Bits: 4, Weights: make([]int8, 16*score.NumCats)}).Encode()))
	if err != nil {
		t.Fatal(err)
	}
	cfg := Defaults
	cfg.Folds = 2
	sr := spanRecall(ex, oof, []*score.Model{m, m}, cfg)
	if sr.phrases != 6 || sr.items != 4 {
		t.Fatalf("%d phrases in %d items, want 6 in 4", sr.phrases, sr.items)
	}
	if sr.rules != 2.0/6 {
		t.Errorf("rules alone %.3f, want 2/6 (only the phrase under the rule's span)", sr.rules)
	}
	if sr.shipped[1] != 4.0/6 {
		t.Errorf("shipped %.3f, want 4/6 (the scorer finds the reply no rule flagged; it adds nothing where a rule did)", sr.shipped[1])
	}
}
