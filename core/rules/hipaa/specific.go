package hipaa

import (
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/lex/words"
)

// peopleCounts before a word of people in general make them known people
// (see countedPeople).
var peopleCounts = &wordSets[listPeopleCounts]

// countedPeople reports people in general at word k counted as known ones
// ("both kids", "the two boys"... "two kids"): what "their" owns after
// them is theirs, not anyone's.
func (pp *phiPass) countedPeople(k int) bool {
	return k > 0 && (inSet(pp.d, k-1, peopleCounts) || pp.is(k-1, cCountWords))
}

// Owned states: how something of the person's is doing ("your knee is
// healing", "your hands are finally feeling better", "your dad is
// recovering") tells of their body or a relative's recovery.
var (
	ownedStates  = &cueLists[listOwnedStates]
	ownedAdverbs = &wordSets[listPatientAdverbs] // "still", "already", "now"
)

// ownedStateHits adds the owned states to hits: "your", at most two words,
// a form of be (historyBe, historyPresent or a contraction), at most two
// adverbs and the state, in one clause, with no condition before.
func (pp *phiPass) ownedStateHits(hits []phiHit) []phiHit {
	d := pp.d
	for _, m := range d.Find(ownedStates.Group) {
		i := m.From
		k := i - 1
		for n := 0; n < 2 && k > 0 && (inSet(d, k, ownedAdverbs) || inSet(d, k, stateFillers)); n++ {
			k--
		}
		if k < 1 || !(d.Is(k, historyBe) || d.Is(k, historyPresent)) {
			continue
		}
		for y := k - 1; y >= 0 && y >= k-3 && pp.sameClause(y, i); y-- {
			if pp.is(y, cOwnerYour) {
				if !pp.conditional(y) {
					hits = pp.hit(hits, y, i+1, details, srcOwnedState)
				}
				break
			}
		}
	}
	return hits
}

// stateFillers may stand between be and the state besides the adverbs:
// "your knee is finally healing", "your eye was healing".
var stateFillers = &wordSets[listOwnedStateFillers]

// Spanish patient predicates: someone is or was a patient ("Ana es de las
// mejores pacientes", "Vale fue una paciente increíble"), as "she's
// already a patient" in English (relationshipHits). "Si ya es paciente"
// is a condition and "no es paciente" a denial: both stay clean.
var (
	intlPatientBe      = &wordSets[listIntlPatientBe]
	intlPatientFillers = &wordSets[listIntlPatientFillers]
	intlPatientNouns   = &cueLists[listIntlPatientNouns]
)

// intlPatientHits adds the Spanish patient predicates to hits.
func (pp *phiPass) intlPatientHits(hits []phiHit) []phiHit {
	d := pp.d
	for _, m := range d.Find(intlPatientNouns.Group) {
		i := m.From
		for k := i - 1; k >= 0 && k >= i-4 && pp.sameClause(k, i); k-- {
			if inSet(d, k, intlPatientBe) {
				if k > 0 && !d.Is(k-1, words.Negators) && !pp.conditional(k) && !pp.is(k-1, cConditionWords) {
					hits = pp.hit(hits, k, i+1, confirmed, srcIntlPatient)
				}
				break
			}
			if !inSet(d, k, intlPatientFillers) {
				break
			}
		}
	}
	return hits
}

// Relayed instructions: a care instruction passed on to a known third
// person ("tell him to keep up the fluids", "remind Ethan to wear them")
// is that person's care. "Remind staff to lower their voices" and "remind
// someone to get screened" name no one known; "tell her we said hi" passes
// on no instruction.
var relayTells = &wordSets[listRelayTells]

// relayThats may join a tell verb's person to the news: "tell her that …".
var relayThats = &wordSets[listRelayThats]

// relayedInstructionHits adds the relayed instructions to hits: a tell
// verb, "him", "her" or a name, "to" and an instruction verb.
func (pp *phiPass) relayedInstructionHits(hits []phiHit) []phiHit {
	d := pp.d
	if !d.Contains(instructionVerbs) || pp.cls2All&c2RelayTells == 0 {
		return hits
	}
	for i := 0; i+3 < len(d.Words); i++ {
		// (relayTells by its class bit, newPHIPass's one lookup)
		if pp.cls2[i]&c2RelayTells == 0 || !pp.sameClause(i, i+3) || pp.conditional(i) {
			continue
		}
		if !(d.Is(i+1, thirdWords) || pp.nameAt(i+1)) || d.Words[i+2].Lower != "to" || !d.Is(i+3, instructionVerbs) {
			continue
		}
		if pp.sameClause(i, i+4) && d.Words[i+4].Lower == "it" {
			continue // "tell him to keep it up" cheers him on
		}
		hits = pp.hit(hits, i, i+4, details, srcRelayedInstruction)
	}
	return hits
}

// relayedNewsHits adds care news passed on to a known third person: a tell
// verb, "him", "her" or a name, an optional "that", a determiner and a care
// term within two words ("tell her the negative result is ready", "tell
// him that the stitches come out Friday"). Nothing is read past the care
// term's clause. "Tell her we said hi" passes on no care, "tell him the
// doctor says hi" names only a clinician, and "tell your mom the flu
// shots are in" tells no one known.
func (pp *phiPass) relayedNewsHits(hits []phiHit) []phiHit {
	d := pp.d
	if pp.cls2All&c2RelayTells == 0 {
		return hits // most replies: no tell verb
	}
	for i := 0; i+3 < len(d.Words); i++ {
		if pp.cls2[i]&c2RelayTells == 0 || pp.conditional(i) || !(d.Is(i+1, thirdWords) || pp.nameAt(i+1)) {
			continue
		}
		p := i + 2
		if inSet(d, p, relayThats) {
			p++
		}
		// "tell Zuri her cast …": the possessive frame reads owned care.
		if !pp.sameClause(i, p) || !pp.is(p, cDeterminers) || d.Is(p, possessives) {
			continue
		}
		for k := p + 1; k <= p+3 && pp.sameClause(i, k); k++ {
			if pp.measureNoun(k) { // "tell her the result", "the levels"
				hits = pp.hit(hits, i, k+1, details, srcRelayedInstruction)
				break
			}
			m := pp.care(k)
			if m.From < 0 {
				continue
			}
			if m.List != care.Clinicians.ID && !pp.staff[m.From] && !d.Is(m.From, feelings) {
				hits = pp.hit(hits, i, m.To, details, srcRelayedInstruction)
			}
			break
		}
	}
	return hits
}
