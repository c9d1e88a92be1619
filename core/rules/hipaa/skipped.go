package hipaa

import "github.com/replyguard/replyguard/core/lex/care"

// A person's attendance told by a skip verb: the visits they missed or
// skipped ("that student skipped four sessions in a row", "a former
// client who missed 6 treatments"), or never missed ("Theo hasn't missed a
// session since June").
var (
	skipVerbs   = &cueLists[listSkipVerbs]
	skipFillers = &wordSets[listSkipFillers]
	skipPersons = &wordSets[listSkipPersons]
)

// skippedAt reads attendance at the skip verb i ("missed", "skipped"): in
// its clause after it, within four words, a visit or a care term ("two
// sessions", "his last three visits", "their follow-ups", "half your
// therapy sessions"); before it, over fillers ("who", "has never",
// "actually"), the person: "you", "she", a family member, a name, or
// "that", "the" or "a former" with a person noun ("that student"); or,
// after "and", the person who opens the sentence ("you've had 6 of 8 and
// skipped 2"). "We'll miss you", "don't miss your visit", "you missed our
// call", "if you miss two visits" and "a patient who misses three visits"
// are no one's attendance.
func (pp *phiPass) skippedAt(i int) (from, to int) {
	d := pp.d
	if pp.conditional(i) || pp.genericUpTo(i) {
		return 0, 0
	}
	for k := i + 1; k <= i+4 && to == 0 && pp.sameClause(i, k); k++ {
		if d.Is(k, visitNouns) {
			to = k + 1
		} else if m := pp.care(k); m.From == k && m.List != care.Clinicians.ID {
			to = m.To
		}
	}
	k := i - 1
	for k > 0 && k >= i-4 && inSet(d, k, skipFillers) {
		k--
	}
	if to == 0 || k < 0 || pp.staff[k] {
		return 0, 0
	}
	and := d.Words[k].Lower == "and" && k > 0
	if and {
		// A second verb of the person the sentence opens with.
		from = k + 1
		k, _ = pp.clauseWords(k - 1)
	} else if !pp.sameClause(k, i) {
		return 0, 0
	}
	switch {
	case d.Is(k, possessives):
		return 0, 0 // "your" owns, it does not act
	case d.Is(k, youWords), d.Is(k, thirdWords), d.Is(k, care.Family):
		if !and {
			from = pp.ownerBefore(k)
		}
		return from, to
	case pp.is(k, cCapital) && pp.namedSubject(k):
		if !and {
			from = k
		}
		return from, to
	case !and && k > 1 && inSet(d, k, skipPersons):
		// "a former client" is one person; "a patient who misses three
		// visits" is anyone.
		j := k - 1
		if d.Words[j].Lower == "former" {
			j--
		} else if pp.is(j, cPatientArticles) {
			return 0, 0
		}
		if pp.is(j, cDemonstratives) || pp.is(j, cPatientArticles) && !pp.is(j, cOurWords) || d.Words[j].Lower == "the" {
			return j, to
		}
	}
	return 0, 0
}
