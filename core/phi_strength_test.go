package core

import (
	"testing"

	learned "github.com/replyguard/replyguard/core/score"
)

// TestPHIFindingsCarryStrength: hipaa marks findings from its weak frames
// (a bare care word read as the person's by "sorry" or a time, a bare
// relationship phrase) as weak, and those from strong frames (care the
// reader owns, an identifier, what the practice did to them) not; the
// rules report both alike.
func TestPHIFindingsCarryStrength(t *testing.T) {
	e := MustDefaultEngine().WithoutScorer()
	for _, tc := range []struct {
		text string
		weak bool
	}{
		{"So sorry the extraction was rough yesterday.", true},
		{"Great to see you Thursday!", true},
		{"We checked your chart and everything looks fine!", false},
		{"Your crown came back from the lab, see you soon.", false},
		{"Your account number is 88213457, please pay the balance.", false},
		// A care word in Spanish, tied by a "su" somewhere in the reply.
		{"Gracias por escribir, la ortodoncia es nuestra especialidad y su sonrisa nos importa.", true},
	} {
		var n int
		for _, f := range e.Check(Input{Text: tc.text, Platform: Facebook}).Findings {
			if f.Category != PHI || f.Severity.Rank() < Warning.Rank() {
				continue
			}
			n++
			t.Logf("%q: %q weak %v", tc.text, tc.text[f.Start:f.End], f.Weak)
		}
		if n == 0 {
			t.Errorf("%q: no PHI finding", tc.text)
			continue
		}
		fs := e.Check(Input{Text: tc.text, Platform: Facebook}).Findings
		if got := allWeak(fs, PHI); got != tc.weak {
			t.Errorf("%q: all weak %v, want %v", tc.text, got, tc.weak)
		}
	}
	other := e.Check(Input{Text: "You are lying, that never happened and you know it.", Platform: Facebook}).Findings
	if len(other) == 0 {
		t.Fatal("the hostile reply has no finding")
	}
	for _, f := range other {
		if f.Category != PHI && f.Weak {
			t.Errorf("a non-PHI finding is weak: %+v", f)
		}
	}
	// The score only adds to PHI: it never demotes a finding, weak or not.
	if m := learned.Default(); m.Decides(learned.PHI) || m.Gates(learned.PHI) {
		t.Error("the shipped model lets the PHI score demote rule findings")
	}
}

// TestConductFindingsCarryStrength: under a public complaint, a reply with
// no private way to follow up is structural evidence (strong), while a
// cue word in a reply that does offer one is weak; and the shipped model
// may demote conduct findings only where all are weak, never decide them
// outright (internal/train: conduct gates, it never decides).
func TestConductFindingsCarryStrength(t *testing.T) {
	e := MustDefaultEngine().WithoutScorer()
	const complaint = "Waited an hour past my appointment and nobody said a word. Terrible."
	for _, tc := range []struct {
		text string
		weak bool
	}{
		{"We're sorry to hear about your wait.", false},
		{"That is not what happened, our schedule was on time that day. Please call our office manager at 555-0100 so we can talk.", true},
	} {
		fs := e.Check(Input{Text: tc.text, Platform: Instagram, Comment: complaint}).Findings
		n := 0
		for _, f := range fs {
			if f.Category == Conduct && f.Severity.Rank() >= Warning.Rank() {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%q: no conduct finding", tc.text)
			continue
		}
		if got := allWeak(fs, Conduct); got != tc.weak {
			t.Errorf("%q: all weak %v, want %v", tc.text, got, tc.weak)
		}
	}
	if learned.Default().Decides(learned.Conduct) {
		t.Error("the shipped model lets the conduct score overrule structural findings")
	}
}
