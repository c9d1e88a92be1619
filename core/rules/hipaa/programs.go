package hipaa

import (
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/text"
)

// Program frames: a person tied to a treatment program or a therapy group
// they attend, with no treatment word in the sentence: "she missed group
// twice in May", "proud of how you kept at the Monday evening group", "her
// sister was in our program". The program word alone is anyone's: "our
// support group gathers monthly", "the 6-week program teaches coping
// skills", "thanks for passing this to your group".
//
// The word must be attended, not named: bare after a preposition ("late
// to group", "quiet in group"), or made one particular group by a day, a
// time, a number, a capitalised name or a care word ("the Wednesday night
// group", "our 6am group", "the 90-day program", "CBT group"); "in our
// program" only after a form of "be" ("she was in our program"). The
// person is in the clause (you, he or she, a relative, a name, "a
// patient"), or the sentence congratulates them ("congrats on leaving
// group a champ").

// programAt reads the program word at word p and returns the word the
// disclosure starts at, or -1.
func (pp *phiPass) programAt(p int) int {
	d := pp.d
	s := d.Words[p].Sentence
	f := &pp.flags[s]
	if f.offer || f.genericStatement || f.ifYou || pp.conditional(p) || pp.speculative(s) {
		return -1
	}
	// "the program director", "the group leader": a role, not a group
	// anyone attends.
	if n := p + 1; pp.sameClause(p, n) && (pp.is(n, cStaffRoles) || d.Is(n, care.Clinicians)) {
		return -1
	}
	// Up to three modifiers before the program word.
	k, mods := p-1, 0
	for ; mods < 3 && k >= 0 && pp.sameClause(k, p) && pp.programModifier(k); k-- {
		mods++
	}
	if k < 0 || !pp.sameClause(k, p) {
		return -1
	}
	bare := false
	switch c := pp.class2(k); {
	case c&c2ProgramLinks != 0:
		// "to group", "in CBT group": no determiner, a group one attends.
		bare = true
	case mods > 0 && (pp.is(k, cDeterminers) || pp.is(k, cOurWords) || d.Words[k].Lower == "my") && !pp.is(k, cDemonstratives):
		// "the Wednesday night group", "our 6am group", "my grief group".
	case mods == 0 && pp.is(k, cOurWords) && pp.class2(k-1)&c2ProgramLinks != 0 && pp.class2(k-2)&c2ProgramBe != 0 && pp.sameClause(k-2, p):
		// "she was in our program", "you're in our program".
	default:
		return -1
	}
	// The person: the nearest before the program word in its clause, or
	// the reader after it ("the Friday group asks after you", not "open
	// to any parent who needs it").
	for i := k - 1; i >= 0 && pp.sameClause(i, p); i-- {
		if pp.routinePerson(i) || d.Is(i, care.Family) || d.Is(i, patientNouns) && !pp.is(i-1, cOurWords) {
			return i
		}
	}
	for i := p + 1; pp.sameClause(p, i); i++ {
		if d.Is(i, youWords) && !pp.is(i-1, cAnyWords) {
			return k
		}
	}
	if bare && f.event && f.empathy {
		return k // "congrats on leaving group a champ"
	}
	return -1
}

// programModifier reports a word that makes a program particular: a day
// ("Friday", "Monday's"), a number ("6am", "90-day"), a capitalised word
// mid-sentence ("CBT"), a care word ("grief") or a word of
// class_program_modifiers ("night", "support").
func (pp *phiPass) programModifier(k int) bool {
	d := pp.d
	return d.Is(k, weekdays) || d.Is(k, timePossessives) || pp.class2(k)&c2ProgramModifiers != 0 ||
		text.IsDigit(d.Words[k].Lower[0]) || pp.careIdx[k] >= 0 ||
		pp.is(k, cCapital) && k > 0 && d.Words[k-1].Sentence == d.Words[k].Sentence && !pp.staff[k]
}
