package core

import (
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/rules/conduct"

	learned "github.com/replyguard/replyguard/core/score"
)

// corpusNames are the labelled sets the scorer was trained on: every file
// of testdata/corpus, as the trainer reads them.
var corpusNames = CorpusNames()

// TestScorerCatchesWhatRulesMiss runs the corpus through the engine with and
// without the scorer. The scorer must add findings only where no rule
// flagged the category, on a real word of the reply, worded as a judgement,
// at the policy's severity; it must catch labelled problems the rules miss,
// mostly rightly; and it may change the rules' findings only by demoting
// them to info, in categories where the trainer let the score decide, or
// all of a reply's PHI findings when the span veto scores every one under
// its threshold (the engine vetoes only where the score keeps them and
// would not flag PHI itself; the test allows more).
func TestScorerCatchesWhatRulesMiss(t *testing.T) {
	full := MustDefaultEngine()
	rules := full.WithoutScorer()
	caught, wrong, demoted, vetoed := map[Category]int{}, 0, 0, 0
	for _, name := range corpusNames {
		for _, it := range LoadCorpus(t, name) {
			in := Input{Text: it.Text, Comment: it.Comment, Platform: Platform(it.Platform)}
			r, f := rules.Check(in), full.Check(in)
			vetoes := ruleVetoes(rules, in, learned.Normal)
			allVetoed := func(c Category) bool {
				for k, x := range r.Findings {
					if x.Category == c && x.Severity.Rank() >= Warning.Rank() && !vetoes[k] {
						return false
					}
				}
				return c == PHI
			}
			// The rules' findings as the score settles them: vetoed ones info.
			afterVeto := withVetoes(r.Findings, vetoes)
			for _, x := range f.Findings {
				if x.Rule != ScorerRule {
					continue
				}
				where := it.ID + " " + string(x.Category)
				if flagged(r.Findings, x.Category) && !allVetoed(x.Category) {
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
					want = full.c.clinicalSeverity()
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
				if a.Severity != b.Severity && vetoes[i] {
					if a.Severity != Info {
						t.Errorf("%s: vetoed %s finding went from %s to %s", it.ID, a.Category, b.Severity, a.Severity)
					}
					vetoed++
					a.Severity = b.Severity
				}
				if a.Severity != b.Severity {
					if c, _ := learned.CatOf(string(a.Category)); a.Severity != Info || !learned.Default().Decides(c) && !(learned.Default().Gates(c) && allWeak(afterVeto, a.Category)) {
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
	t.Logf("scorer findings on labelled problems the rules missed: %v; on replies not labelled so: %d; rule findings demoted: %d, vetoed: %d", caught, wrong, demoted, vetoed)
	if total < 10 {
		t.Errorf("the scorer caught %d problems the rules missed, want at least 10", total)
	}
	if wrong >= total {
		t.Errorf("the scorer was wrong %d times and right %d: it should be right more often than not on its training data", wrong, total)
	}
}

// ruleVetoes returns, by index of the rules engine's findings on in,
// whether the shipped span veto demotes each at sens: every PHI finding
// at warning or above when the veto scores all of them under the
// threshold, none when it keeps one.
func ruleVetoes(rules *Engine, in Input, sens learned.Sensitivity) []bool {
	var vetoes []bool
	rules.Inspect(in, func(p *analysis.Pass, fs []Finding) {
		var sf learned.SpanFeatures
		vetoes = make([]bool, len(fs))
		for k := range fs {
			if fs[k].Category == PHI && fs[k].Severity.Rank() >= Warning.Rank() {
				VetoFeatures(&sf, p, fs, k)
				if learned.Default().Veto().Keeps(&sf, sens) {
					clear(vetoes)
					return
				}
				vetoes[k] = true
			}
		}
	})
	return vetoes
}

// withVetoes is a copy of fs with the vetoed findings info.
func withVetoes(fs []Finding, vetoes []bool) []Finding {
	out := slices.Clone(fs)
	for k := range out {
		if vetoes[k] {
			out[k].Severity = Info
		}
	}
	return out
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
// named from the analyzers and the rules (what the trainer reads through
// Inspect), whatever order the findings come in.
func TestScoreFactsMatchTheNames(t *testing.T) {
	in := Input{Text: "Sorry your root canal still hurts, you are lying about our staff.",
		Comment: "My tooth hurts after the root canal, terrible service", Platform: Facebook}
	var a, b learned.Facts
	MustDefaultEngine().WithoutScorer().Inspect(in, func(p *analysis.Pass, fs []Finding) {
		ScoreFacts(&a, p, fs)
		rev := slices.Clone(fs)
		slices.Reverse(rev)
		ScoreFacts(&b, p, rev)
	})
	for _, n := range []string{"rule:phi", "sev:phi:flag", "rule:conduct", "comment:complaint", "comment:negative",
		"topic:pain", "complaint:answered", "list:care/procedures"} {
		if !a.Has(n) {
			t.Errorf("fact %q missing", n)
		}
	}
	if a.Has("rule:canned") || a.Has("comment:compliment") {
		t.Error("facts of findings and a comment kind that are not there")
	}
	if a.Len() != b.Len() {
		t.Fatalf("%d and %d facts for the same check", a.Len(), b.Len())
	}
	sin := learned.Input{Text: in.Text, Comment: in.Comment, Platform: string(in.Platform)}
	m := learned.Default()
	var f learned.Features
	if sa, sb := m.Score(&f, sin, &a), m.Score(&f, sin, &b); sa.Logit != sb.Logit {
		t.Errorf("scores differ with the findings' order: %v %v", sa.Logit, sb.Logit)
	}
}

// flagged reports a warning or error finding of cat.
func flagged(fs []Finding, cat Category) bool {
	for i := range fs {
		if fs[i].Category == cat && fs[i].Severity.Rank() >= Warning.Rank() {
			return true
		}
	}
	return false
}

// TestSensitivityMovesFindings: the policy's sensitivity means something
// for every judged category. On each corpus reply a category flagged
// (warning or above) at low is flagged at normal, and at normal at high;
// over the corpus high flags more replies than low. PHI's rule findings
// stay warnings at every sensitivity unless the model decides PHI, the
// span veto demotes them all, or those it leaves are all weak and gated.
func TestSensitivityMovesFindings(t *testing.T) {
	var engines [3]*Engine
	for k, sens := range []string{"low", "normal", "high"} {
		p := DefaultPolicy()
		for _, st := range []*CategorySettings{&p.Rules.PHI.CategorySettings, &p.Rules.Canned.CategorySettings, &p.Rules.Manners.CategorySettings, &p.Rules.Conduct.CategorySettings, &p.Rules.Routing.CategorySettings} {
			st.Sensitivity = sens
		}
		e, err := NewEngine(p)
		if err != nil {
			t.Fatal(err)
		}
		engines[k] = e
	}
	rules := engines[1].WithoutScorer()
	var flaggedAt [3]map[Category]int
	var weakDemoted [3]int // replies whose weak PHI findings were demoted
	for k := range flaggedAt {
		flaggedAt[k] = map[Category]int{}
	}
	for _, name := range corpusNames {
		for i, it := range LoadCorpus(t, name) {
			if i%3 != 0 { // a third of every set is plenty, and quicker
				continue
			}
			in := Input{Text: it.Text, Comment: it.Comment, Platform: Platform(it.Platform)}
			var seen [3]uint8
			for k, e := range engines {
				fs := e.Check(in).Findings
				seen[k] = categoriesFound(fs)[1]
				for _, cat := range Categories {
					if seen[k]&(1<<catIndex(cat)) != 0 {
						flaggedAt[k][cat]++
					}
				}
			}
			if seen[0]&^seen[1] != 0 || seen[1]&^seen[2] != 0 {
				t.Errorf("%s: flagged categories low %06b, normal %06b, high %06b: a lower sensitivity flags more", it.ID, seen[0], seen[1], seen[2])
			}
			// PHI rule findings are demoted only where they are all weak
			// evidence and the trainer let the score gate those.
			if rf := rules.Check(in).Findings; !learned.Default().Decides(learned.PHI) && flagged(rf, PHI) {
				for k, sens := range []learned.Sensitivity{learned.Low, learned.Normal, learned.High} {
					left := withVetoes(rf, ruleVetoes(rules, in, sens))
					gated := !flagged(left, PHI) || learned.Default().Gates(learned.PHI) && allWeak(left, PHI)
					if seen[k]&(1<<catIndex(PHI)) == 0 {
						if !gated {
							t.Errorf("%s: a PHI rule finding with strong evidence was demoted at sensitivity %d", it.ID, k)
						}
						weakDemoted[k]++
					}
				}
			}
		}
	}
	moved := 0
	for _, c := range []Category{PHI, Canned, Manners, Conduct, Routing} {
		if flaggedAt[0][c] < flaggedAt[2][c] {
			moved++
			continue
		}
		// The trainer may find that the score helps a category at no
		// sensitivity (it never adds a finding and never demotes one); then
		// the rules alone judge it and sensitivity has nothing to move.
		if lc, _ := learned.CatOf(string(c)); scorerOff(lc) {
			t.Logf("%s: the trained scorer neither adds nor demotes at any sensitivity; the rules alone judge it", c)
			continue
		}
		t.Errorf("%s: %d replies flagged at low, %d at high: sensitivity changes nothing", c, flaggedAt[0][c], flaggedAt[2][c])
	}
	if moved < 4 {
		t.Errorf("sensitivity moves %d of 5 judged categories; want at least 4", moved)
	}
	if learned.Default().Gates(learned.PHI) && !(weakDemoted[0] >= weakDemoted[1] && weakDemoted[1] >= weakDemoted[2]) {
		t.Errorf("replies with weak PHI findings demoted at low / normal / high: %v; want low >= normal >= high", weakDemoted)
	}
	t.Logf("replies flagged at low / normal / high: %v / %v / %v; weak PHI demoted: %v", flaggedAt[0], flaggedAt[1], flaggedAt[2], weakDemoted)
}

// scorerOff reports whether the trained model leaves c to the rules at
// every sensitivity: it flags no reply on its own and demotes none.
func scorerOff(c learned.Cat) bool {
	m := learned.Default()
	for _, sens := range []learned.Sensitivity{learned.Low, learned.Normal, learned.High} {
		if !math.IsInf(m.Threshold(c, sens), 1) {
			return false
		}
	}
	return !m.Decides(c) && !m.Gates(c)
}

// TestCueListsAreNoFacts: a cue list the reply matches ("you" for
// hipaa's history frame) gives the scorer no fact; vocabulary does.
func TestCueListsAreNoFacts(t *testing.T) {
	cue, ok := lex.Lookup("hipaa/history_subjects")
	if !ok || !cue.Cue {
		t.Fatal("hipaa/history_subjects is not a registered cue list")
	}
	in := Input{Text: "You signed the consent form before your root canal.", Platform: Facebook}
	var f learned.Facts
	MustDefaultEngine().WithoutScorer().Inspect(in, func(p *analysis.Pass, fs []Finding) {
		if !p.Reply.Contains(cue) {
			t.Error("the reply does not match the cue list")
		}
		ScoreFacts(&f, p, fs)
	})
	if f.Has("list:" + cue.Name) {
		t.Error("a cue list gave a scorer fact")
	}
	if !f.Has("list:care/procedures") {
		t.Error("vocabulary gave no fact")
	}
}

// TestSettleDemotesOnlyWeakPHI: with a model that lets the score gate weak
// PHI evidence only, a reply scoring under the gate loses its warnings
// when all its PHI findings are weak, keeps them when any is strong, and
// keeps them all when it scores over the gate; other categories and info
// findings are left alone.
func TestSettleDemotesOnlyWeakPHI(t *testing.T) {
	inf := float32(math.Inf(-1))
	p := &learned.Params{Bits: 2, Weights: make([]int8, 4*learned.NumCats)}
	for c := range learned.NumCats {
		p.Keep[c] = [3]float32{inf, inf, inf}
		p.WeakKeep[c] = [3]float32{inf, inf, inf}
	}
	p.WeakKeep[learned.PHI] = [3]float32{2, 1, 0}
	m, err := learned.Parse(string(p.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	if !m.Gates(learned.PHI) || m.Decides(learned.PHI) || m.Gates(learned.Conduct) {
		t.Fatal("the hand-made model should gate weak PHI only")
	}
	reply := func(strong bool) []Finding {
		return []Finding{
			{Rule: "hipaa", Category: PHI, Severity: Warning, Weak: true},
			{Rule: "hipaa", Category: PHI, Severity: Error, Weak: !strong},
			{Rule: "hipaa", Category: PHI, Severity: Info}, // info never counts as evidence
			{Rule: "conduct", Category: Conduct, Severity: Warning, Weak: true},
		}
	}
	var s learned.Scores
	for _, tc := range []struct {
		logit  float64
		sens   learned.Sensitivity
		strong bool
		demote bool
	}{
		{0.5, learned.Normal, false, true},  // all weak, under the gate
		{0.5, learned.Normal, true, false},  // one strong finding keeps them
		{1.5, learned.Normal, false, false}, // over the gate
		{1.5, learned.Low, false, true},     // low sensitivity gates higher
		{0.5, learned.High, false, false},   // high sensitivity gates lower
	} {
		fs := reply(tc.strong)
		s.Logit[learned.PHI] = tc.logit
		settle(m, &s, learned.PHI, tc.sens, fs)
		want := []Severity{Warning, Error, Info, Warning}
		if tc.demote {
			want = []Severity{Info, Info, Info, Warning}
		}
		for i := range fs {
			if fs[i].Severity != want[i] {
				t.Errorf("logit %.1f at %s, strong %v: finding %d is %s, want %s", tc.logit, tc.sens, tc.strong, i, fs[i].Severity, want[i])
			}
		}
	}
}

// conductEverywhere is a model of zero weights whose conduct score flags
// every reply at every sensitivity and demotes nothing: the most a trained
// model could add.
func conductEverywhere(t *testing.T) *learned.Model {
	t.Helper()
	p := &learned.Params{Bits: 2, Weights: make([]int8, 4*learned.NumCats)}
	for c := range learned.NumCats {
		p.Thresholds[c] = [3]float32{float32(math.Inf(1)), float32(math.Inf(1)), float32(math.Inf(1))}
		p.Keep[c] = [3]float32{float32(math.Inf(-1)), float32(math.Inf(-1)), float32(math.Inf(-1))}
		p.WeakKeep[c] = p.Keep[c]
		p.Scale[c] = 1
	}
	p.Bias[learned.Conduct] = 3
	p.Thresholds[learned.Conduct] = [3]float32{0, 0, 0}
	m, err := learned.Parse(string(p.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestScorerAddsConductOnlyWhereItCanHold: with a model that would judge
// every reply poor conduct, the scorer adds no conduct finding where
// REPLY-RULES.md says conduct cannot hold (an apology and a private
// channel under a complaint, a helpful answer with a channel to a
// question or praise), and still adds one where it can (a complaint left
// without a channel, shouting, hostility the rules were told not to flag).
func TestScorerAddsConductOnlyWhereItCanHold(t *testing.T) {
	judged := func(policy, comment, reply string) (scorer, rules bool) {
		e := MustDefaultEngine()
		if policy != "" {
			p, err := ParsePolicy([]byte(policy))
			if err != nil {
				t.Fatal(err)
			}
			if e, err = NewEngine(p); err != nil {
				t.Fatal(err)
			}
		}
		e.model = conductEverywhere(t)
		for _, f := range e.Check(Input{Text: reply, Comment: comment, Platform: Facebook}).Findings {
			if f.Category == Conduct && f.Severity.Rank() >= Warning.Rank() {
				scorer = scorer || f.Rule == ScorerRule
				rules = rules || f.Rule != ScorerRule
			}
		}
		return scorer, rules
	}
	const rude = "The front desk was rude to me and my kids today."
	noHostility := `{"rules":{"conduct":{"disabled_rules":["no-hostility"]}}}`
	for _, tc := range []struct {
		policy, comment, reply string
		want                   bool
	}{
		// Apology and channel under a complaint: what the definition asks.
		{"", rude, "We're so sorry to hear this. Please ask for Maria, our office manager, at 555-0100 so we can make it right.", false},
		{"", rude, "Our apologies. We've sent you a DM so our manager can follow up with you personally.", false},
		{"", rude, "We're sorry you feel that way. Please call Rosa at 555-0100.", false},
		{"", rude, "If you'd like to talk it over, email our director at care@example.com. We're sorry this happened.", false},
		// A friendly answer with a channel to a question, or to praise.
		{"", "Is there parking on site?", "Yes! Free parking behind the building. Questions? Call the front desk at 555-0100.", false},
		{"", "Best clinic in town!", "Thank you so much! Call us whenever you need us: 555-0100.", false},
		// Without an apology, a channel alone does not say the reply
		// stayed calm: the score may judge it.
		{"", rude, "Our staff treat every family the same way. Call 555-0100.", true},
		// A complaint left with no channel (a general fix: the rule is
		// silent, the definition allows the judgement).
		{"", "Your website says you take Cigna but you don't. So frustrating.", "We're sorry for the confusion! We stopped accepting that plan in January and we're fixing the website this week.", true},
		// Shouting is bad manner, channel or not.
		{"", "Best clinic in town!", "Thanks! Call us ANY TIME!!! 555-0100", true},
		// Hostility with an apology and a channel: the rule flags it; with
		// the rule switched off, the score still may.
		{noHostility, rude, "We're sorry. You are a liar though. Please call us at 555-0100.", true},
	} {
		scorer, rules := judged(tc.policy, tc.comment, tc.reply)
		if rules {
			t.Errorf("%q: a rule flagged conduct; the case should test the scorer", tc.reply)
		}
		if scorer != tc.want {
			t.Errorf("%q (comment %q): scorer conduct finding %v, want %v", tc.reply, tc.comment, scorer, tc.want)
		}
	}
	// With the rule on, the hostile reply is the rule's finding.
	if _, rules := judged("", rude, "We're sorry. You are a liar though. Please call us at 555-0100."); !rules {
		t.Error("the hostile reply was not flagged by the rules")
	}
}

// TestMayAddOnlyConstrainsConduct: MayAdd bars conduct only for a channel
// with no cue of bad manner or hostility, and never another category.
func TestMayAddOnlyConstrainsConduct(t *testing.T) {
	for _, tc := range []struct {
		c    ConductCues
		want bool
	}{
		{ConductCues{}, true}, // a misread grievance the reply answers with nothing
		{ConductCues{Answered: true}, true},
		{ConductCues{Answered: true, Reading: conduct.Reading{Channel: true}}, true},
		{ConductCues{Answered: true, Reading: conduct.Reading{Channel: true, Apology: true}}, false},
		{ConductCues{Reading: conduct.Reading{Channel: true}}, false},
		{ConductCues{Reading: conduct.Reading{Channel: true, Manner: true}}, true},
		{ConductCues{Answered: true, Reading: conduct.Reading{Channel: true, Apology: true, Manner: true}}, true},
		{ConductCues{Answered: true, Reading: conduct.Reading{Channel: true, Apology: true}, Hostile: true}, true},
	} {
		if got := tc.c.MayAdd(Conduct); got != tc.want {
			t.Errorf("%+v: MayAdd(conduct) = %v, want %v", tc.c, got, tc.want)
		}
		for _, cat := range []Category{PHI, Canned, Manners, Routing} {
			if !tc.c.MayAdd(cat) {
				t.Errorf("%+v: MayAdd(%s) = false", tc.c, cat)
			}
		}
	}
}
