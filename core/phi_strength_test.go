package core

import (
	"math"
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
		text    string
		weak    bool
		comment string
	}{
		{"So sorry the extraction was rough yesterday.", true, ""},
		{"Great to see you Thursday!", true, ""},
		{"We checked your chart and everything looks fine!", false, ""},
		{"Your crown came back from the lab, see you soon.", false, ""},
		{"Your account number is 88213457, please pay the balance.", false, ""},
		// A care word in Spanish, tied by a "su" somewhere in the reply.
		{"Gracias por escribir, la ortodoncia es nuestra especialidad y su sonrisa nos importa.", true, ""},
		// Weak frames each, but a person, a care concept and a time or a
		// procedure in one sentence: the textbook disclosure, firm.
		{"Hi Janet, sorry the root canal last Tuesday hurt.", false, ""},
		{"Marcus, so sorry about the extraction yesterday!", false, ""},
		{"Hi Priya! Sorry the filling was rough this morning.", false, ""},
		// The time may be a date or a clock time the frames found ("on
		// the 9th", "at 9:40") rather than a time word.
		{"Tomas, the balance drills we planned for you start at 9:40!", false, ""},
		// A time and a care word with no one to tie them to stay weak.
		{"Sorry the extraction was rough yesterday.", true, ""},
		// Care in another language reads as English care does: a
		// possessive of that language ties it to the reader, a day dates
		// it; without a day it stays weak.
		{"¡Gracias Marta! Que le vaya bien con su terapia física el viernes.", false, ""},
		{"¡Hola Marta! Lo esperamos para su control de ortodoncia del jueves.", false, ""},
		{"¡Gracias! Esperamos que su terapia física siga bien.", true, ""},
		// Frames right no more than ~85% of the time when alone, weak
		// alone: a full name, a visit frame, an email address, a treatment
		// named in answer to the commenter's story.
		{"Thanks so much Margaret Ellison, we love hearing this!", true, ""},
		{"Glad you liked it when you came in!", true, ""},
		{"Send it to r.alvarez88@gmail.com and we will look.", true, ""},
		{"That is what a set of veneers can do!", true, "I finally feel confident laughing in photos."},
		// The same in a sentence that ties the person, care and a time:
		// firm.
		{"Margaret Ellison, sorry the crown felt tight after Friday.", false, ""},
		{"Glad the filling felt fine when you came in on Monday!", false, ""},
	} {
		var n int
		for _, f := range e.Check(Input{Text: tc.text, Comment: tc.comment, Platform: Facebook}).Findings {
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
		fs := e.Check(Input{Text: tc.text, Comment: tc.comment, Platform: Facebook}).Findings
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
	// The score may demote PHI findings only where all are weak, never
	// decide them outright (internal/train: PHI gates, it never decides).
	if learned.Default().Decides(learned.PHI) {
		t.Error("the shipped model lets the PHI score overrule strong findings")
	}
}

// TestConductFindingsCarryStrength: under a public complaint, a reply with
// no private way to follow up is structural evidence (strong), while a
// cue word in a reply that does offer one is weak; and the shipped model
// may demote conduct findings only where all are weak, never decide them
// outright (internal/train: conduct gates, it never decides).
//
// Whether a complaint about a practice-wide matter that names nothing of
// the writer's own needs a private channel is a guess (the reply may have
// settled it in words the rule does not read as a fix): weak.
func TestConductFindingsCarryStrength(t *testing.T) {
	e := MustDefaultEngine().WithoutScorer()
	const complaint = "Waited an hour past my appointment and nobody said a word. Terrible."
	const practiceWide = "The parking garage is a nightmare every single morning."
	for _, tc := range []struct {
		comment, text string
		weak          bool
	}{
		{complaint, "We're sorry to hear about your wait.", false},
		{complaint, "That is not what happened, our schedule was on time that day. Please call our office manager at 555-0100 so we can talk.", true},
		{practiceWide, "We hear you.", true},
	} {
		fs := e.Check(Input{Text: tc.text, Platform: Instagram, Comment: tc.comment}).Findings
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

// TestPHIGateKeepsDisclosures: with a model whose PHI score demotes every
// reply whose PHI findings are all weak (the most a trained gate could
// do), the textbook disclosures stay flagged, in public (with and without
// a comment, both platforms) and in direct messages, while a reply whose
// PHI evidence is weak is demoted in public (so the gate is on) but not in
// a DM (where the score demotes no PHI).
func TestPHIGateKeepsDisclosures(t *testing.T) {
	// A model of zero weights that adds nothing, keeps every finding but
	// PHI's all-weak ones, and demotes those whatever the score.
	p := &learned.Params{Bits: 2, Weights: make([]int8, 4*learned.NumCats)}
	for c := range learned.NumCats {
		p.Thresholds[c] = [3]float32{float32(math.Inf(1)), float32(math.Inf(1)), float32(math.Inf(1))}
		p.Keep[c] = [3]float32{float32(math.Inf(-1)), float32(math.Inf(-1)), float32(math.Inf(-1))}
		p.WeakKeep[c] = p.Keep[c]
	}
	p.WeakKeep[learned.PHI] = p.Thresholds[learned.PHI]
	m, err := learned.Parse(string(p.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	e := MustDefaultEngine()
	e.model = m
	flagged := func(in Input) bool {
		for _, f := range e.Check(in).Findings {
			if f.Category == PHI && f.Severity.Rank() >= Warning.Rank() {
				return true
			}
		}
		return false
	}
	for _, text := range []string{
		"Hi Janet, sorry your root canal last Tuesday hurt. We checked your chart.",
		"Hi Janet, so sorry your root canal last Tuesday hurt!",
		"Hi Janet, sorry the root canal last Tuesday hurt.",
		"Marcus, so sorry about the extraction yesterday!",
		"Hi Priya! Sorry the filling was rough this morning.",
		"Hope you're healing well after the extraction on Monday!",
		"Ha, not you Dana! You will love the new shoulder stretches we lined up for you at 8:15.",
		"¡Gracias Marta! Que le vaya bien con su terapia física el viernes.",
	} {
		for _, comment := range []string{"", "My tooth still hurts and nobody called me back."} {
			for _, pl := range []Platform{Facebook, Instagram} {
				for _, private := range []bool{false, true} {
					in := Input{Text: text, Comment: comment, Platform: pl, Private: private}
					if !flagged(in) {
						t.Errorf("%q (comment %q, %s, private %v): PHI demoted", text, comment, pl, private)
					}
				}
			}
		}
	}
	const weak = "Sorry the extraction was rough yesterday."
	if flagged(Input{Text: weak, Platform: Facebook}) {
		t.Errorf("%q in public: the gate should demote weak PHI evidence", weak)
	}
	if !flagged(Input{Text: weak, Platform: Facebook, Private: true}) {
		t.Errorf("%q in a DM: the score demotes no PHI there", weak)
	}
	// Sympathy that dates the visit the commenter told of is theirs: kept.
	// With no comment it is weak like the rest.
	const dated = "We're so sorry about the long wait yesterday."
	told := "Sat in the lobby an hour past my appointment time yesterday."
	if !flagged(Input{Text: dated, Comment: told, Platform: Facebook}) {
		t.Errorf("%q under %q: PHI demoted", dated, told)
	}
	if flagged(Input{Text: dated, Platform: Facebook}) {
		t.Errorf("%q with no comment: the gate should demote weak PHI evidence", dated)
	}
}
