package corpus

import (
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core"
)

func TestReadRejectsBadItems(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{`{"id":"a","text":"hi","expect":["phi"],"phi_spans":["bye"]}`, `phi_spans[0] "bye" is not a substring`},
		{`{"id":"a","text":"hi","expect":["tone"]}`, `unknown category "tone"`},
		{`{"id":"","text":"hi","expect":[]}`, `missing or duplicate id`},
		{`{"id":"a","text":"hi"`, `set.jsonl:1:`},
	} {
		_, err := Read(strings.NewReader(tc.line), "set.jsonl")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.line, err, tc.want)
		}
	}
	_, err := Read(strings.NewReader("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}\n"), "set.jsonl")
	if err == nil || !strings.Contains(err.Error(), "set.jsonl:2: missing or duplicate id") {
		t.Errorf("duplicate id: %v", err)
	}
}

func TestScoreCountsCategoriesAndSpans(t *testing.T) {
	items, err := Read(strings.NewReader(strings.Join([]string{
		// A labelled disclosure with two phrases.
		`{"id":"1","platform":"facebook","comment":"","text":"Hi Janet, so sorry your root canal last Tuesday hurt!","expect":["phi"],"phi_spans":["your root canal","last Tuesday"]}`,
		// A clean reply.
		`{"id":"2","platform":"facebook","comment":"Great office!","text":"Thank you so much for the kind words!","expect":[]}`,
		// Labelled clean, so any PHI finding would be a false positive.
		`{"id":"3","platform":"facebook","comment":"","text":"See you at your 3pm appointment on March 4, Janet!","expect":[]}`,
	}, "\n")), "set")
	if err != nil {
		t.Fatal(err)
	}
	rep := Score(core.MustDefaultEngine(), items)
	phi := rep.By[core.PHI]
	if phi.TP != 1 || phi.FP != 1 || phi.FN != 0 {
		t.Errorf("phi tally %+v, want TP 1 FP 1 FN 0", *phi)
	}
	if rep.Spans != 2 || rep.SpansFound == 0 {
		t.Errorf("spans %d found %d, want 2 labelled and some found", rep.Spans, rep.SpansFound)
	}
	if got := rep.Table("set"); !strings.Contains(got, "phi span recall") {
		t.Errorf("table lacks span recall:\n%s", got)
	}
}

// TestScoreListsMissedAndUnlabelledSpans: a labelled phrase no finding
// marks is listed with whether the reply was flagged anyway, and a PHI
// underline no labelled phrase overlaps is listed as unlabelled.
func TestScoreListsMissedAndUnlabelledSpans(t *testing.T) {
	items, err := Read(strings.NewReader(strings.Join([]string{
		// "Janet" is underlined but not labelled; "we hug everyone" is
		// labelled but never underlined.
		`{"id":"1","platform":"facebook","comment":"","text":"Hi Janet, so sorry your root canal hurt! we hug everyone","expect":["phi"],"phi_spans":["your root canal","we hug everyone"]}`,
		// Nothing flagged at all.
		`{"id":"2","platform":"facebook","comment":"","text":"Thanks for the kind words!","expect":["phi"],"phi_spans":["kind words"]}`,
	}, "\n")), "set")
	if err != nil {
		t.Fatal(err)
	}
	rep := Score(core.MustDefaultEngine(), items)
	if len(rep.MissedSpans) != 2 {
		t.Fatalf("missed %+v, want two phrases", rep.MissedSpans)
	}
	for _, m := range rep.MissedSpans {
		if want := m.Item.ID == "1"; m.Flagged != want {
			t.Errorf("%s %q: flagged %v, want %v", m.Item.ID, m.Phrase, m.Flagged, want)
		}
	}
	found := false
	for _, u := range rep.Unlabelled {
		if u.Phrase == "Janet" {
			found = true
		}
		if strings.Contains(u.Phrase, "root canal") {
			t.Errorf("labelled underline %q listed as unlabelled", u.Phrase)
		}
	}
	if !found {
		t.Errorf("unlabelled %+v, want \"Janet\"", rep.Unlabelled)
	}
}

func TestOverlapsPHI(t *testing.T) {
	text := "we fixed your crown, your crown!"
	fs := []core.Finding{{Category: core.PHI, Severity: core.Error, Start: 21, End: 31}}
	if !overlapsPHI(text, "your crown", fs) {
		t.Error("second occurrence overlaps the finding")
	}
	if overlapsPHI(text, "we fixed", fs) {
		t.Error("phrase outside the finding")
	}
	fs[0].Severity = core.Info
	if overlapsPHI(text, "your crown", fs) {
		t.Error("info findings do not count")
	}
}
