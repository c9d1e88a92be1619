package core

import (
	"reflect"
	"testing"
)

func TestFeatures(t *testing.T) {
	e := MustDefaultEngine()
	in := Input{Text: "We read your review. You're lying, and our attorney will call you at 555-201-3344."}
	f := e.Features(in)
	if !f.AnswersComplaint {
		t.Error("a reply to 'your review' answers a complaint")
	}
	for _, l := range []string{"hostility/liar", "hostility/legal", "complaint/reviews"} {
		if f.Lists[l] == 0 {
			t.Errorf("list %s not counted: %v", l, f.Lists)
		}
	}
	if f.Words != 14 || f.Sentences != 2 {
		t.Errorf("words %d sentences %d, want 14 and 2", f.Words, f.Sentences)
	}
	if got := e.Check(in).Findings; !reflect.DeepEqual(f.Findings, got) {
		t.Errorf("Features findings differ from Check:\n%v\n%v", f.Findings, got)
	}
	// Only the rules an engine runs contribute findings; analyzers still run.
	only, err := NewEngineWith(nil, Rules[len(Rules)-1])
	if err != nil {
		t.Fatal(err)
	}
	if f := only.Features(in); f.Lists["hostility/liar"] == 0 || !f.AnswersComplaint {
		t.Errorf("features must not depend on the rules run: %+v", f)
	}
}
