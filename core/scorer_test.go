package core

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	learned "github.com/replyguard/replyguard/core/score"
)

// corpusNames are the labelled sets the scorer was trained on.
var corpusNames = []string{"dev", "holdout", "blind-tune", "blind-check", "blind2-tune", "blind2-check"}

// TestScorerCatchesWhatRulesMiss runs the corpus through the engine with and
// without the scorer. The scorer must add findings only where no rule
// flagged the category, on a real word of the reply, worded as a judgement,
// at the policy's severity; it must catch labelled problems the rules miss,
// mostly rightly; and it may change the rules' findings only by demoting
// them to info.
func TestScorerCatchesWhatRulesMiss(t *testing.T) {
	full := MustDefaultEngine()
	rules := full.WithoutScorer()
	caught, wrong, demoted := map[Category]int{}, 0, 0
	for _, name := range corpusNames {
		for _, it := range LoadCorpus(t, name) {
			in := Input{Text: it.Text, Comment: it.Comment, Platform: Platform(it.Platform)}
			r, f := rules.Check(in), full.Check(in)
			for _, x := range f.Findings {
				if x.Rule != ScorerRule {
					continue
				}
				where := it.ID + " " + string(x.Category)
				if flagged(r.Findings, x.Category) {
					t.Errorf("%s: scorer finding although a rule flagged it", where)
				}
				if x.Start < 0 || x.End > len(it.Text) || x.Start >= x.End || !utf8.RuneStart(it.Text[x.Start]) || x.End < len(it.Text) && !utf8.RuneStart(it.Text[x.End]) {
					t.Errorf("%s: span %d:%d is not a piece of the reply", where, x.Start, x.End)
				}
				if !strings.Contains(x.Message, "(judged from the whole reply)") || x.Message != strings.ToLower(x.Message[:1])+x.Message[1:] {
					t.Errorf("%s: message %q does not read as a lower-case judgement", where, x.Message)
				}
				want := full.c.Severity(x.Category)
				if x.Category == Routing {
					_, want = full.c.route("clinical")
				}
				if x.Severity != want {
					t.Errorf("%s: severity %s, policy says %s", where, x.Severity, want)
				}
				if slices.Contains(it.Expect, x.Category) {
					caught[x.Category]++
				} else {
					wrong++
				}
			}
			// Apart from its own findings, the scorer only demotes.
			var rest []Finding
			for _, x := range f.Findings {
				if x.Rule != ScorerRule {
					rest = append(rest, x)
				}
			}
			if len(rest) != len(r.Findings) {
				t.Fatalf("%s: the scorer changed the rules' findings: %d, rules alone %d", it.ID, len(rest), len(r.Findings))
			}
			for i := range rest {
				a, b := rest[i], r.Findings[i]
				if a.Severity != b.Severity {
					if a.Severity != Info || a.Category == PHI {
						t.Errorf("%s: %s finding went from %s to %s", it.ID, a.Category, b.Severity, a.Severity)
					}
					demoted++
					a.Severity = b.Severity
				}
				if a.Rule != b.Rule || a.Start != b.Start || a.End != b.End || a.Message != b.Message {
					t.Errorf("%s: rule finding %d changed: %+v, rules alone %+v", it.ID, i, a, b)
				}
			}
		}
	}
	total := 0
	for _, n := range caught {
		total += n
	}
	t.Logf("scorer findings on labelled problems the rules missed: %v; on replies not labelled so: %d; rule findings demoted: %d", caught, wrong, demoted)
	if total < 10 {
		t.Errorf("the scorer caught %d problems the rules missed, want at least 10", total)
	}
	if wrong >= total {
		t.Errorf("the scorer was wrong %d times and right %d: it should be right more often than not on its training data", wrong, total)
	}
}

// TestScorerRespectsPolicy: a category the policy turns off gets no scorer
// findings; an engine without the scorer gets none at all.
func TestScorerRespectsPolicy(t *testing.T) {
	full := MustDefaultEngine()
	p := DefaultPolicy()
	p.Rules.Conduct.Enabled = false
	p.Rules.PHI.Enabled = false
	off, err := NewEngine(p)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, name := range corpusNames {
		for _, it := range LoadCorpus(t, name) {
			in := Input{Text: it.Text, Comment: it.Comment, Platform: Platform(it.Platform)}
			for _, x := range full.Check(in).Findings {
				if x.Rule == ScorerRule && (x.Category == Conduct || x.Category == PHI) {
					seen++
				}
			}
			for _, x := range off.Check(in).Findings {
				if x.Category == Conduct || x.Category == PHI {
					t.Fatalf("%s: %s finding from %s with the category off", it.ID, x.Category, x.Rule)
				}
			}
			for _, x := range full.WithoutScorer().Check(in).Findings {
				if x.Rule == ScorerRule {
					t.Fatalf("%s: scorer finding from an engine without the scorer", it.ID)
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("the scorer flagged no phi or conduct on the corpus, so turning them off proves nothing")
	}
}

// TestScoreFactsMatchTheNames: the facts the engine gives the scorer are
// the ones the trainer names, whatever order the findings come in.
func TestScoreFactsMatchTheNames(t *testing.T) {
	fs := []Finding{{Category: Routing, Severity: Info}, {Category: PHI, Severity: Error}, {Category: PHI, Severity: Warning}}
	ci := CommentInfo{Kind: KindComplaint, Negative: true, Topics: []string{"pain"}}
	var a, b learned.Facts
	ScoreFacts(&a, fs, &ci)
	slices.Reverse(fs)
	ScoreFacts(&b, fs, &ci)
	var named learned.Facts
	for _, n := range []string{"rule:routing", "sev:routing:info", "rule:phi", "sev:phi:flag", "comment:complaint", "comment:negative", "topic:pain"} {
		named.Add(n)
	}
	if a.Len() != named.Len() || b.Len() != named.Len() {
		t.Fatalf("%d and %d facts, want %d", a.Len(), b.Len(), named.Len())
	}
	in := learned.Input{Text: "see you soon", Platform: "facebook"}
	m := learned.Default()
	var f learned.Features
	sa, sb, sn := m.Score(&f, in, &a), m.Score(&f, in, &b), m.Score(&f, in, &named)
	if sa.Logit != sn.Logit || sb.Logit != sn.Logit {
		t.Errorf("scores differ: %v %v, named %v", sa.Logit, sb.Logit, sn.Logit)
	}
}
