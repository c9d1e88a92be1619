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
