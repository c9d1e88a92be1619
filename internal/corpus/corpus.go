// Package corpus loads labelled reply sets (JSON Lines, see
// core/testdata/corpus/README.md) and scores an engine on them the way the
// product is judged: per category, a reply counts as flagged when it has a
// finding of that category at warning or error; for PHI, each labelled
// disclosing phrase counts as found when a PHI finding overlaps it.
package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/replyguard/replyguard/core"
)

// Item is one labelled reply.
type Item struct {
	ID       string          `json:"id"`
	Platform string          `json:"platform"`
	Comment  string          `json:"comment"`
	Text     string          `json:"text"`
	Expect   []core.Category `json:"expect"`
	// PhiSpans are the reply's disclosing phrases, each an exact substring
	// of Text; older sets have none.
	PhiSpans []string `json:"phi_spans,omitempty"`
	Why      string   `json:"why"`
}

// Input is the engine input for the item.
func (it *Item) Input() core.Input {
	return core.Input{Text: it.Text, Comment: it.Comment, Platform: core.Platform(it.Platform)}
}

// Wants reports whether the item is labelled with category c.
func (it *Item) Wants(c core.Category) bool {
	for _, e := range it.Expect {
		if e == c {
			return true
		}
	}
	return false
}

// Load reads a JSON Lines file; errors name the file and line.
func Load(path string) ([]Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path)
}

// Read parses JSON Lines from r; name is used in errors.
func Read(r io.Reader, name string) ([]Item, error) {
	var items []Item
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	seen := map[string]bool{}
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var it Item
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, n, err)
		}
		if it.ID == "" || seen[it.ID] {
			return nil, fmt.Errorf("%s:%d: missing or duplicate id %q", name, n, it.ID)
		}
		seen[it.ID] = true
		for _, c := range it.Expect {
			if !c.Valid() {
				return nil, fmt.Errorf("%s:%d: expect: unknown category %q", name, n, c)
			}
		}
		for i, s := range it.PhiSpans {
			if s == "" || !strings.Contains(it.Text, s) {
				return nil, fmt.Errorf("%s:%d: phi_spans[%d] %q is not a substring of text", name, n, i, s)
			}
		}
		items = append(items, it)
	}
	return items, sc.Err()
}

// Tally counts agreement for one category.
type Tally struct{ TP, FP, FN int }

func (s Tally) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }
func (s Tally) Recall() float64    { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s Tally) F1() float64 {
	p, r := s.Precision(), s.Recall()
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

// Miss is one disagreement, for tuning on training sets only.
type Miss struct {
	Item     *Item
	Category core.Category
	FalsePos bool
	Findings []core.Finding
}

// Report is the score of one set.
type Report struct {
	Items int
	By    map[core.Category]*Tally
	// Spans counts labelled PHI phrases and those a PHI finding overlaps.
	Spans, SpansFound int
	Misses            []Miss
	// MissedSpans are the labelled phrases no PHI finding overlaps.
	MissedSpans []SpanMiss
	// Unlabelled are PHI findings (warning+) in replies with labelled
	// phrases that overlap none of them: what span recall does not see.
	Unlabelled []SpanMiss
}

// SpanMiss is one labelled PHI phrase left unmarked, for tuning on
// training sets only.
type SpanMiss struct {
	Item   *Item
	Phrase string
	// Flagged: another PHI finding marks the reply, so only this phrase
	// was missed.
	Flagged bool
}

// SpanRecall is the share of labelled PHI phrases underlined.
func (r *Report) SpanRecall() float64 { return ratio(r.SpansFound, r.Spans) }

// Score checks every item with e.
func Score(e *core.Engine, items []Item) *Report {
	rep := &Report{Items: len(items), By: map[core.Category]*Tally{}}
	for _, c := range core.Categories {
		rep.By[c] = &Tally{}
	}
	for i := range items {
		it := &items[i]
		res := e.Check(it.Input())
		got := map[core.Category]bool{}
		for _, f := range res.Findings {
			if f.Severity.Rank() >= core.Warning.Rank() {
				got[f.Category] = true
			}
		}
		for _, c := range core.Categories {
			t := rep.By[c]
			switch want := it.Wants(c); {
			case got[c] && want:
				t.TP++
			case got[c]:
				t.FP++
				rep.Misses = append(rep.Misses, Miss{it, c, true, res.Findings})
			case want:
				t.FN++
				rep.Misses = append(rep.Misses, Miss{it, c, false, res.Findings})
			}
		}
		for _, s := range it.PhiSpans {
			rep.Spans++
			if overlapsPHI(it.Text, s, res.Findings) {
				rep.SpansFound++
			} else {
				rep.MissedSpans = append(rep.MissedSpans, SpanMiss{it, s, got[core.PHI]})
			}
		}
		if len(it.PhiSpans) > 0 {
			for _, f := range res.Findings {
				if f.Category == core.PHI && f.Severity.Rank() >= core.Warning.Rank() && !labelled(it, f) {
					rep.Unlabelled = append(rep.Unlabelled, SpanMiss{it, it.Text[f.Start:f.End], true})
				}
			}
		}
	}
	return rep
}

// overlapsPHI reports whether any occurrence of phrase in text overlaps a
// PHI finding at warning or above.
func overlapsPHI(text, phrase string, fs []core.Finding) bool {
	return PhraseFound(text, phrase, func(start, end int) bool {
		for _, f := range fs {
			if f.Category == core.PHI && f.Severity.Rank() >= core.Warning.Rank() && f.Start < end && start < f.End {
				return true
			}
		}
		return false
	})
}

// labelled reports whether finding f overlaps one of the item's labelled phrases.
func labelled(it *Item, f core.Finding) bool {
	for _, s := range it.PhiSpans {
		if PhraseFound(it.Text, s, func(start, end int) bool { return f.Start < end && start < f.End }) {
			return true
		}
	}
	return false
}

// PhraseFound reports whether hit holds for the byte span of any occurrence
// of phrase in text (a labelled phrase counts as underlined when a finding
// overlaps any of its occurrences). The trainer's span recall uses it too.
func PhraseFound(text, phrase string, hit func(start, end int) bool) bool {
	for off := 0; off <= len(text); {
		i := strings.Index(text[off:], phrase)
		if i < 0 {
			return false
		}
		start := off + i
		if hit(start, start+len(phrase)) {
			return true
		}
		off = start + 1
	}
	return false
}

// Table renders the report as a fixed-width table.
func (r *Report) Table(name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d replies\n%-8s %5s %5s %5s %9s %7s %6s\n", name, r.Items, "category", "tp", "fp", "fn", "precision", "recall", "f1")
	for _, c := range core.Categories {
		s := r.By[c]
		fmt.Fprintf(&b, "%-8s %5d %5d %5d %9.3f %7.3f %6.3f\n", c, s.TP, s.FP, s.FN, s.Precision(), s.Recall(), s.F1())
	}
	if r.Spans > 0 {
		fmt.Fprintf(&b, "phi span recall %.3f (%d of %d labelled phrases underlined)\n", r.SpanRecall(), r.SpansFound, r.Spans)
	}
	return b.String()
}
