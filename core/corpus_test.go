package core

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The labelled development corpus (testdata/corpus) scores the engine the
// way the product is judged: a reply counts as flagged for a category when
// it has a finding of that category at warning or error severity.

var showMisses = flag.Bool("misses", false, "print every corpus disagreement")

// CorpusItem is one labelled reply.
type CorpusItem struct {
	ID       string     `json:"id"`
	Platform string     `json:"platform"`
	Comment  string     `json:"comment"`
	Text     string     `json:"text"`
	Expect   []Category `json:"expect"`
	Why      string     `json:"why"`
}

// LoadCorpus reads testdata/corpus/NAME.jsonl.
func LoadCorpus(t testing.TB, name string) []CorpusItem {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "corpus", name+".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var items []CorpusItem
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var it CorpusItem
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatalf("%s.jsonl:%d: %v", name, n, err)
		}
		items = append(items, it)
	}
	return items
}

type score struct{ tp, fp, fn int }

func (s score) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s score) recall() float64    { return ratio(s.tp, s.tp+s.fn) }
func (s score) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// scoreCorpus runs every item and tallies per-category agreement.
func scoreCorpus(t *testing.T, e *Engine, items []CorpusItem, show bool) map[Category]*score {
	scores := map[Category]*score{}
	for _, c := range Categories {
		scores[c] = &score{}
	}
	for _, it := range items {
		res := e.Check(Input{Text: it.Text, Comment: it.Comment, Platform: Platform(it.Platform)})
		got := map[Category]bool{}
		for _, f := range res.Findings {
			if f.Severity.Rank() >= Warning.Rank() {
				got[f.Category] = true
			}
		}
		want := map[Category]bool{}
		for _, c := range it.Expect {
			want[c] = true
		}
		for _, c := range Categories {
			s := scores[c]
			switch {
			case got[c] && want[c]:
				s.tp++
			case got[c]:
				s.fp++
				if show {
					t.Logf("FP %s %s: %q (comment %q)\n%s", c, it.ID, it.Text, it.Comment, describe(it.Text, res.Findings))
				}
			case want[c]:
				s.fn++
				if show {
					t.Logf("FN %s %s: %q (comment %q) why: %s\n%s", c, it.ID, it.Text, it.Comment, it.Why, describe(it.Text, res.Findings))
				}
			}
		}
	}
	return scores
}

// corpusFloors fail the build when detection quality regresses. They sit a
// little under the measured scores (see the README for current figures;
// the learned scorer at "normal" trades some phi precision for recall).
var corpusFloors = map[string]map[Category][2]float64{ // {precision, recall}
	"dev": {
		PHI: {0.92, 0.96}, Canned: {0.97, 0.95}, Length: {0.95, 0.95},
		Manners: {0.90, 0.92}, Conduct: {0.95, 0.91}, Routing: {0.78, 0.90},
	},
	"holdout": {
		PHI: {0.85, 0.93}, Canned: {0.95, 0.82}, Length: {0.95, 0.95},
		Manners: {0.75, 0.90}, Conduct: {0.78, 0.92}, Routing: {0.58, 0.85},
	},
	"blind-tune": {
		PHI: {0.90, 0.92}, Canned: {0.95, 0.90}, Length: {0.95, 0.95},
		Manners: {0.85, 0.66}, Conduct: {0.84, 0.85}, Routing: {0.70, 0.65},
	},
	"blind-check": {
		PHI: {0.88, 0.81}, Canned: {0.95, 0.90}, Length: {0.85, 0.95},
		Manners: {0.72, 0.68}, Conduct: {0.90, 0.82}, Routing: {0.80, 0.68},
	},
	"blind2-tune": {
		PHI: {0.95, 0.92}, Canned: {0.80, 0.60}, Length: {0.65, 0.95},
		Manners: {0.50, 0.55}, Conduct: {0.70, 0.70}, Routing: {0.75, 0.55},
	},
	// train-a/b/c train the scorer and were never tuned on by hand: with
	// the scorer these figures are in-sample (see the README's CV table).
	"train-a": {
		// In-sample scorer figures, as for train-b; routing precision moves
		// ten points with the trainer's demotion choice (see its CV table).
		PHI: {0.78, 0.93}, Canned: {0.94, 0.90}, Length: {0.95, 0.95},
		Manners: {0.80, 0.90}, Conduct: {0.83, 0.96}, Routing: {0.60, 0.96},
	},
	"train-b": {
		// In-sample scorer figures: any vocabulary change moves them a point.
		PHI: {0.78, 0.90}, Canned: {0.96, 0.85}, Length: {0.95, 0.95},
		Manners: {0.68, 0.78}, Conduct: {0.77, 0.88}, Routing: {0.85, 0.94},
	},
	"train-c": {
		// In-sample scorer figures, as for train-b.
		PHI: {0.88, 0.93}, Canned: {0.90, 0.90}, Length: {0.95, 0.95},
		Manners: {0.90, 0.68}, Conduct: {0.94, 0.94}, Routing: {0.93, 0.96},
	},
	"blind2-check": {
		PHI: {0.95, 0.65}, Canned: {0.85, 0.95}, Length: {0.95, 0.95},
		Manners: {0.55, 0.55}, Conduct: {0.60, 0.60}, Routing: {0.95, 0.60},
	},
}

func TestCorpus(t *testing.T) {
	e := MustDefaultEngine()
	for _, name := range []string{"dev", "holdout", "blind-tune", "blind-check", "blind2-tune", "blind2-check", "train-a", "train-b", "train-c"} {
		t.Run(name, func(t *testing.T) {
			items := LoadCorpus(t, name)
			if name == "dev" && len(items) < 300 {
				t.Fatalf("dev corpus has %d items, want at least 300", len(items))
			}
			// The *-check halves stay unread: their disagreements are never printed.
			scores := scoreCorpus(t, e, items, *showMisses && !strings.HasSuffix(name, "-check"))
			var b strings.Builder
			fmt.Fprintf(&b, "%s corpus: %d replies\n%-8s %5s %5s %5s %9s %7s %6s\n", name, len(items), "category", "tp", "fp", "fn", "precision", "recall", "f1")
			for _, c := range Categories {
				s := scores[c]
				fmt.Fprintf(&b, "%-8s %5d %5d %5d %9.3f %7.3f %6.3f\n", c, s.tp, s.fp, s.fn, s.precision(), s.recall(), s.f1())
			}
			t.Log("\n" + b.String())
			for c, floor := range corpusFloors[name] {
				s := scores[c]
				if s.precision() < floor[0] || s.recall() < floor[1] {
					t.Errorf("%s: %s precision %.3f recall %.3f, floors %.2f / %.2f", name, c, s.precision(), s.recall(), floor[0], floor[1])
				}
			}
		})
	}
}
