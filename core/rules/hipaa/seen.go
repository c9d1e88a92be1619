package hipaa

import (
	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/lex/care"
)

// The practice seeing a third person, told without a care word: "we saw
// him struggling Tuesday", "we'll see Noah again in 3 months", "we love
// seeing Mia and Sam every six months".
var (
	seeVerbs   = &cueLists[listSeeVerbs]
	seeFillers = &wordSets[listSeeFillers]
)

// seenThirdAt reads the practice seeing someone at the verb i ("see",
// "saw"): before it, over fillers ("already", "love"), "we", "I" or a
// staff member; right after it the person: a name, "him" or "her", or a
// relative owned ("your mom"); then in the clause, with no outside place
// before it ("at the market"), a time ("Tuesday morning", "in 3 months"),
// "again" or how often ("every six months"). "See you Friday" is the
// reader's (read elsewhere); offers ("we can see her Tuesday", "happy to
// see him"), conditions and "we saw the show" are no one's visit.
func (pp *phiPass) seenThirdAt(i int) (from, to int) {
	d := pp.d
	if i == 0 || pp.conditional(i) || pp.flags[d.Words[i].Sentence].offer || d.Words[i-1].Lower == "to" || pp.is(i-1, cOfferModals) {
		return 0, 0
	}
	k := i - 1
	for k > 0 && k >= i-3 && inSet(d, k, seeFillers) {
		k--
	}
	if !pp.sameClause(k, i) || !d.Is(k, practice.FirstPersonSubjects) && !pp.staff[k] {
		return 0, 0
	}
	o := i + 1
	switch {
	case d.Is(o, possessives) && d.Is(o+1, care.Family):
		o++ // "your mom"
	case pp.is(o, cSeenPersons) && !d.Is(o, youWords), pp.is(o, cCapital) && d.Is(o, firstNames):
		// "him", "Noah": a name the practice sees is no staff member,
		// whatever "see Noah at the desk" elsewhere makes of it.
	default:
		return 0, 0
	}
	for r := o + 1; r <= o+6 && pp.sameClause(i, r); r++ {
		w := d.Words[r].Lower
		if w == "at" && (pp.is(r+1, cDeterminers) || pp.is(r+1, cPatientArticles)) && !pp.is(r+1, cOurWords) {
			return 0, 0 // "I saw Maria at the market Saturday"
		}
		if t, _ := pp.timeAt(r); t > 0 {
			return k, t
		}
		if w == "again" || d.Is(r, recurrence) {
			return k, r + 1
		}
	}
	return 0, 0
}
