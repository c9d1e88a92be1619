package hipaa

import (
	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/lex/care"
)

// The practice seeing a third person, told without a care word: "we saw
// him for his wrist last spring", "we'll see Noah again in 3 months", "we
// love seeing Mia and Sam every six months".
var (
	seeVerbs   = &cueLists[listSeeVerbs]
	seeFillers = &wordSets[listSeeFillers]
)

// seenThirdAt reads the practice seeing someone at the verb i ("see",
// "saw"): before it, over fillers ("already", "love"), "we", "I" or a
// staff member; right after it the person: a name, "him" or "her", or a
// relative owned ("your mom"); then in the clause, with no outside place
// before it ("at the market"), a time ("Tuesday
// morning", "in 3 months"), "again", how often ("every six months"), or
// "for" and a care term or body part ("for his wrist"). "See you Friday"
// is the reader's (read elsewhere); offers ("we can see her Tuesday"),
// conditions, "we saw the show" and "we love seeing everyone at the 5K"
// are no one's visit.
func (pp *phiPass) seenThirdAt(i int) (from, to int) {
	d := pp.d
	s := d.Words[i].Sentence
	if pp.conditional(i) || pp.flags[s].offer || pp.genericUpTo(i) || pp.speculative(s) || !pp.sameClause(i, i+1) {
		return 0, 0
	}
	k := i - 1
	for k >= 0 && k >= i-3 && pp.sameClause(k, i) && inSet(d, k, seeFillers) {
		k--
	}
	if k < 0 || !pp.sameClause(k, i) || !(d.Is(k, practice.FirstPersonSubjects) || pp.staff[k] || pp.clinicianBefore(i)) {
		return 0, 0
	}
	for j := k; j < i; j++ {
		if pp.is(j, cOfferModals) && d.Words[j].Lower != "will" {
			return 0, 0 // "we can see her", "we'd be glad to see him"
		}
	}
	o, end := i+1, 0
	switch {
	case d.Is(o, possessives) && d.Is(o+1, care.Family) && pp.sameClause(i, o+1):
		end = o + 2 // "your mom"
	case pp.is(o, cSeenPersons) && !d.Is(o, youWords), pp.is(o, cCapital) && d.Is(o, firstNames) && !pp.spanishImperative(o):
		// "him", "Noah": a name the practice sees is no staff member,
		// whatever "see Noah at the desk" elsewhere makes of it.
		end = o + 1
	default:
		return 0, 0
	}
	for r := end; r < end+6 && pp.sameClause(i, r); r++ {
		if pp.isPost(r) || d.Words[r].Lower == "at" && (pp.is(r+1, cDeterminers) || pp.is(r+1, cPatientArticles)) && !pp.is(r+1, cOurWords) {
			return 0, 0 // "I saw Maria at the market Saturday"
		}
		if t, _ := pp.timeAt(r); t > 0 {
			return k, t
		}
		if d.Words[r].Lower == "again" || d.Is(r, recurrence) {
			return k, r + 1
		}
		if d.Words[r].Lower == "for" {
			for q := r + 1; q <= r+3 && pp.sameClause(i, q); q++ {
				if m := pp.care(q); m.From == q && m.List != care.Clinicians.ID && !d.Is(q, feelings) {
					return k, m.To
				}
				if d.Is(q, bodyNouns) {
					return k, q + 1
				}
			}
		}
	}
	return 0, 0
}
