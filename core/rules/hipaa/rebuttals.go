package hipaa

import (
	"strings"

	"github.com/replyguard/replyguard/core/lex"
)

// Record checks: the writer's past look through the person's own record
// ("we have reviewed your chart", "I pulled up your file") tells the
// public there is a record, so the person is a patient. A rebuttal opens
// with it before it cites what the record says. Only the writer's past
// check: "please double-check your records" asks the reader, "we can
// review your history" offers. A past check is no offer even when the
// sentence goes on to one ("before we could schedule it"), so only a
// condition ("if we checked your file") stops it.
var (
	recordChecks       = &cueLists[listRecordChecks]
	recordCheckFillers = &wordSets[listRecordCheckFillers]
	checkedAccounts    = &cueLists[listCheckedAccounts]
)

// recordCheckHits adds the record checks to hits. Unlike the other
// account frames it reads sentences that go on to an offer too.
func (pp *phiPass) recordCheckHits(hits []phiHit) []phiHit {
	for _, g := range [...]*lex.List{recordNouns, checkedAccounts} {
		for _, m := range pp.d.Find(g.Group) {
			if from, to := pp.yourRecordAt(m.From); to > 0 {
				hits = pp.hit(hits, from, to, confirmed, srcYourRecord)
			}
		}
	}
	return hits
}

// yourRecordAt reads the frame from the record noun i: "your" one or two
// words before it ("your chart", "your dental file"), a check just before
// "your", and the writer ("we", "I", "we've") up to two words before the
// check.
func (pp *phiPass) yourRecordAt(i int) (from, to int) {
	d := pp.d
	y := -1
	for k := i - 1; k >= 0 && k >= i-2 && pp.sameClause(k, i); k-- {
		if pp.is(k, cOwnerYour) {
			y = k
			break
		}
	}
	if y < 1 || pp.conditional(y) {
		return 0, 0
	}
	for c := y - 1; c >= 0 && c >= y-2; c-- {
		m, ok := d.LongestAt(c, recordChecks.Group)
		if !ok || m.To != y || !pp.sameClause(c, y) {
			continue
		}
		for k := c - 1; k >= 0 && k >= c-3 && pp.sameClause(k, c); k-- {
			switch {
			case pp.is(k, cWriterSelf):
				return k, i + 1
			case !inSet(d, k, recordCheckFillers):
				return 0, 0
			}
		}
		return 0, 0
	}
	return 0, 0
}

// patientAdverbs may stand between the person's verb and "a patient"
// (see relationshipHits): "she's already a patient".
var patientAdverbs = &wordSets[listPatientAdverbs]

// Mocking rebuttals: "Imagine leaving a 1-star review because you skipped
// the aftercare sheet", "imagine being this mad about a $40 copay". A
// sentence that opens with "imagine" and a gerund pictures what the
// reviewer did, so the care and bills it names are the reviewer's.
// "Imagine being this entitled" names none and stays clean.
var mockOpeners = &wordSets[listMockOpeners]

// mockedVisitHits adds the mocking rebuttals to hits: from the gerund to
// the last care term or amount of the sentence. An offer anywhere in the
// reply makes it an advertisement ("Imagine waking up to a new smile! Ask
// about Invisalign").
func (pp *phiPass) mockedVisitHits(hits []phiHit) []phiHit {
	d := pp.d
	for s := range d.SentWords {
		if pp.flags[s].offer || pp.flags[s].standing {
			return hits
		}
	}
	for _, sw := range d.SentWords {
		i := -1
		for k := sw.Start; k < sw.End && k <= sw.Start+1; k++ {
			if inSet(d, k, mockOpeners) {
				i = k
				break
			}
		}
		if i < 0 || i+1 >= sw.End || !strings.HasSuffix(d.Words[i+1].Lower, "ing") || pp.conditional(i) {
			continue
		}
		to := 0
		for k := i + 2; k < sw.End; k++ {
			if m := pp.care(k); m.From >= 0 && !d.Is(m.From, feelings) {
				to = m.To
			} else if moneyIn(d.Text[d.Words[k].Start:d.Words[k].End]) || k > 0 && moneyIn(d.Text[d.Words[k-1].End:d.Words[k].Start]) {
				to = k + 1
			}
		}
		if to > 0 {
			hits = pp.hit(hits, i+1, to, details, srcHistory)
		}
	}
	return hits
}

// Dismissals: a person discharged or dismissed from the practice was its
// patient, whoever they are ("this individual has been dismissed from the
// practice"), and a rebuttal often says so.
var (
	dismissalVerbs  = &cueLists[listDismissalVerbs]
	dismissalPlaces = &wordSets[listDismissalPlaces]
	dismissalAux    = &wordSets[listDismissalAux]
	// dismissalRelatives open a relative clause after the subject.
	dismissalRelatives = &wordSets[listDismissalRelatives]
)

// dismissedAt reads a dismissal at the verb i: a passive with any subject
// that is not staff ("they were discharged from the practice", "has been
// dismissed from our practice") or the person as object ("we had to
// discharge you from the practice"), then "from", "the"/"our"/"this" and
// the practice or its care. A policy for anyone ("patients who miss three
// visits may be discharged from the practice", "we don't dismiss patients
// from our care") names no one; a staff member leaving is no patient.
func (pp *phiPass) dismissedAt(i int) (from, to int) {
	d := pp.d
	s := d.Words[i].Sentence
	if pp.flags[s].offer || pp.conditional(i) {
		return 0, 0
	}
	k := i + 1
	from = i
	if pp.sameClause(i, k) && (pp.is(k, cSeenPersons) || pp.nameAt(k) && !pp.staff[k]) {
		k++ // "discharge you from"
	} else {
		// A passive: "were discharged", "has been dismissed", with no
		// modal ("may be discharged") and no staff member for subject.
		b := i - 1
		if b < 1 || !pp.sameClause(b, i) || !d.Is(b, historyBe) {
			return 0, 0
		}
		from = b
		h := -1 // the subject's head, before "has been" or "were"
		for j := b - 1; j >= 0 && j >= b-3 && pp.sameClause(j, b); j-- {
			if pp.is(j, cOfferModals) || strings.HasSuffix(d.Words[j].Lower, "'ll") {
				return 0, 0 // "may be discharged": a policy
			}
			if h < 0 && !inSet(d, j, dismissalAux) {
				h = j
			}
		}
		// "the man who shouted at our nurse has been dismissed": the head
		// is before the relative clause.
		for j := b - 1; j >= 1 && j >= b-10 && pp.sameClause(j, b); j-- {
			if inSet(d, j, dismissalRelatives) {
				h = j - 1
			}
		}
		// "patients were discharged": people in general; "our office
		// manager was dismissed": staff.
		if h >= 0 && (pp.staff[h] || pp.is(h, cStaffRoles) || d.Is(h, peopleInGeneral) && !inSet(d, h, someoneWords)) {
			return 0, 0
		}
	}
	if !pp.sameClause(i, k+1) || d.Words[k].Lower != "from" {
		return 0, 0
	}
	p := k + 1
	if pp.is(p, cOurWords) || pp.is(p, cDeterminers) && !d.Is(p, possessives) {
		p++
	}
	if !pp.sameClause(i, p) || !inSet(d, p, dismissalPlaces) {
		return 0, 0
	}
	return from, p + 1
}
