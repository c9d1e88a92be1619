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
// "actually"), the person: "you", "she", a family member, a name, or an
// article or demonstrative with a person noun ("that student", "a former
// client"). "We'll miss you", "don't miss your visit", "you missed our
// call", "if you miss two visits" and "patients who skip sessions" are no
// one's attendance.
func (pp *phiPass) skippedAt(i int) (from, to int) {
	d := pp.d
	s := d.Words[i].Sentence
	if pp.conditional(i) || pp.genericUpTo(i) || pp.speculative(s) || pp.modalInClause(i) {
		return 0, 0
	}
	for k := i + 1; k <= i+4 && pp.sameClause(i, k); k++ {
		if pp.isPost(k) {
			return 0, 0
		}
		if d.Is(k, visitNouns) {
			to = k + 1
		} else if m := pp.care(k); m.From == k && m.List != care.Clinicians.ID && m.List != care.Body.ID && !d.Is(k, feelings) {
			to = m.To
		}
		if to > 0 {
			break
		}
	}
	if to == 0 {
		return 0, 0
	}
	k := i - 1
	for k >= 0 && k >= i-4 && pp.sameClause(k, i) && inSet(d, k, skipFillers) {
		k--
	}
	if k > 0 && d.Words[k].Lower == "and" && d.Words[k-1].Sentence == s {
		// A second verb of the person the sentence opened with: "you've
		// had 6 of 8 sessions and skipped 2", "Theo comes Mondays and has
		// never missed one".
		if c, _ := pp.clauseWords(k - 1); pp.personOpens(c) {
			return k + 1, to
		}
		return 0, 0
	}
	if k < 0 || !pp.sameClause(k, i) || pp.staff[k] {
		return 0, 0
	}
	switch {
	case d.Is(k, possessives):
		return 0, 0 // "your" owns, it does not act
	case d.Is(k, youWords), d.Is(k, thirdWords), d.Is(k, care.Family):
		return pp.ownerBefore(k), to
	case pp.is(k, cCapital) && pp.namedSubject(k):
		return k, to
	case inSet(d, k, skipPersons):
		// "a former client" is one person; "a patient who misses three
		// visits" is anyone.
		j, former := k-1, false
		if j >= 0 && d.Words[j].Lower == "former" {
			j, former = j-1, true
		}
		if j >= 0 && pp.sameClause(j, k) && (pp.is(j, cDemonstratives) || d.Words[j].Lower == "the" || former && pp.is(j, cPatientArticles) && !pp.is(j, cOurWords)) {
			return j, to
		}
	}
	return 0, 0
}

// personOpens reports a person as the subject at word c, a clause's first
// word: "you", "you've", "she", a name ("Theo"), not "your" nor staff.
func (pp *phiPass) personOpens(c int) bool {
	d := pp.d
	if pp.staff[c] || d.Is(c, possessives) {
		return false
	}
	return d.Is(c, youWords) || d.Is(c, thirdWords) || pp.is(c, cCapital) && pp.namedSubject(c)
}
