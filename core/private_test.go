package core

import (
	"strings"
	"testing"
)

// The reply the browser test types too: an apology to a complaint, with no
// phone, email or invitation to message.
const apologyOnly = "We're so sorry about the wait on Monday. That's not the experience we want anyone to have."

func TestPrivateMessageNeedsNoFollowUpChannel(t *testing.T) {
	e := MustDefaultEngine()
	comment := "Waited over an hour and nobody said a word to me."
	followUp := func(private bool) []Finding {
		var out []Finding
		for _, f := range e.Check(Input{Text: apologyOnly, Comment: comment, Private: private}).Findings {
			if f.Category == Conduct && f.Severity != Info {
				out = append(out, f)
			}
		}
		return out
	}
	pub := followUp(false)
	if len(pub) == 0 || !strings.Contains(pub[len(pub)-1].Message, "private way to follow up") {
		t.Fatalf("in public, the apology must ask for a private channel; conduct findings: %+v", pub)
	}
	if priv := followUp(true); len(priv) != 0 {
		t.Fatalf("in a private message there must be no conduct finding (the rule's nor the scorer's), got %+v", priv)
	}
}

func TestPrivateMessageSeverities(t *testing.T) {
	p, err := ParsePolicy([]byte(`{"composers": {"private_messages": {"enabled": true, "severity": {"phi": "info", "length": "error"}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(p)
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("We can't wait to see you again soon. ", 20)
	text := "Hi Dana, your biopsy results came back and the doctor would like to go over them with you. " + long
	bySev := func(private bool) map[Category]map[Severity]int {
		out := map[Category]map[Severity]int{}
		for _, f := range e.Check(Input{Text: text, Private: private}).Findings {
			if out[f.Category] == nil {
				out[f.Category] = map[Severity]int{}
			}
			out[f.Category][f.Severity]++
		}
		return out
	}
	pub, priv := bySev(false), bySev(true)
	if pub[PHI][Error] == 0 || pub[Length][Warning] == 0 {
		t.Fatalf("public check: want phi errors and length warnings, got %v", pub)
	}
	if priv[PHI][Error]+priv[PHI][Warning] != 0 || priv[PHI][Info] == 0 {
		t.Errorf("private message: phi findings must all be info under this policy, got %v", priv[PHI])
	}
	if priv[Length][Error] == 0 || priv[Length][Warning] != 0 {
		t.Errorf("private message: length findings must be errors under this policy, got %v", priv[Length])
	}
	if pub[Length][Info] != priv[Length][Info] {
		t.Errorf("hints stay hints: length info %d in public, %d in private", pub[Length][Info], priv[Length][Info])
	}
	// Without the setting a category keeps its usual severity.
	d := MustDefaultEngine()
	for _, f := range d.Check(Input{Text: text, Private: true}).Findings {
		if f.Category == PHI && f.Severity != Error {
			t.Errorf("default policy: a private phi finding is %s, want the policy's error", f.Severity)
		}
	}
}

func TestPrivateSeveritiesIgnoreWhatIsNotASetting(t *testing.T) {
	for _, raw := range []string{``, `null`, `{`, `[]`, `{"private_messages": 3}`, `{"private_messages": {"severity": {"phi": "loud", "nope": "info", "canned": 2}}}`} {
		if got := privateSeverities(RawJSON(raw)); got != [numCats]Severity{} {
			t.Errorf("%s: %v, want no severities", raw, got)
		}
	}
	got := privateSeverities(RawJSON(`{"private_messages": {"severity": {"conduct": "info"}, "severity": {"routing": "error"}}}`))
	if got[catIndex(Routing)] != Error || got[catIndex(Conduct)] != "" {
		t.Errorf("the last of repeated keys counts (as in encoding/json): %v", got)
	}
}

// TestPrivateFindingsAreWordedForAChat: a finding in a private message never
// tells staff it is public (the rule cases marked private: true).
func TestPrivateFindingsAreWordedForAChat(t *testing.T) {
	e := MustDefaultEngine()
	n := 0
	for _, rc := range LoadRuleCases(t) {
		if !rc.Private {
			continue
		}
		for _, f := range e.Check(Input{Text: rc.Reply, Comment: rc.Comment, Platform: rc.Platform, Private: true}).Findings {
			n++
			if strings.Contains(f.Message+" "+f.Suggestion, "public") {
				t.Errorf("%s/%s: %s finding worded for a public reply: %q / %q", rc.File, rc.Name, f.Category, f.Message, f.Suggestion)
			}
		}
	}
	if n < 5 {
		t.Fatalf("only %d findings in the private rule cases", n)
	}
}

// TestPrivatePHIKeepsOnlyCareDetails: in a DM the care detail is still
// flagged, the visit time, the name and the number the person gave are not
// (they are flagged in public).
func TestPrivatePHIKeepsOnlyCareDetails(t *testing.T) {
	e := MustDefaultEngine().WithoutScorer()
	cases := []struct {
		text        string
		dm          []string // the phi spans in a private message
		publicAlsoX string   // a span flagged in public only
	}{
		{"Le confirmamos su limpieza el martes a las 3:30.", []string{"su limpieza"}, "el martes"},
		{"Su saldo de 80 dólares vence el 12 de mayo.", []string{"Su saldo"}, "12 de mayo"},
		{"Hi Dana, your biopsy results came back. See you Thursday at 3:30!", []string{"your biopsy results"}, "Dana"},
		{"Your son's braces need one more tightening. We'll call you at 555-201-7788 on Friday.", []string{"Your son's braces"}, "555-201-7788"},
	}
	spans := func(text string, private bool) []string {
		var out []string
		for _, f := range e.Check(Input{Text: text, Private: private}).Findings {
			if f.Category == PHI {
				out = append(out, text[f.Start:f.End])
			}
		}
		return out
	}
	for _, c := range cases {
		if got := spans(c.text, true); strings.Join(got, "|") != strings.Join(c.dm, "|") {
			t.Errorf("%q in a DM: phi on %q, want %q", c.text, got, c.dm)
		}
		if got := strings.Join(spans(c.text, false), "|"); !strings.Contains(got, c.publicAlsoX) {
			t.Errorf("%q in public: phi on %q, want %q among them", c.text, got, c.publicAlsoX)
		}
	}
}
