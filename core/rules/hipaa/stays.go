package hipaa

import (
	"strings"

	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/text"
)

// Stay frames: a hospital's replies give a stay away without a care word
// tied to "your":
//   - where the person is or was ("she's still in room 3118", "your mom
//     was on 4 West", "he's in the NICU");
//   - how long they stayed ("3 weeks in the NICU", "his 58 days with us");
//   - the care team's fondness for them ("the nurses loved having her",
//     "we miss your little guy", "Monique remembers you").
var (
	stayPlaces = &cueLists[listStayPlaces]
	fondVerbs  = &cueLists[listFondVerbs]
	stayWithUs = &cueLists[listStayWithUs]
)

// Function words the stay frames compare at one position (see wordSet).
var (
	stayPreps     = &wordSets[listStayPrepositions]
	stayFillers   = &wordSets[listStayFillers]
	stayBe        = &wordSets[listStayBe]
	stayLengths   = &wordSets[listStayLengths]
	everydayRooms = &wordSets[listStayEverydayRooms]
	fondPersons   = &wordSets[listFondPersons]
	fondFillers   = &wordSets[listFondFillers]
	// fondRecallVerbs: "we remember you" is no greeting any shop gives.
	fondRecallVerbs = &wordSets[listFondRecallVerbs]
	recallLeads     = &wordSets[listRecallLeads]
	roomLinks       = &wordSets[listRoomLinks]
	compassWords    = newWordSet("west\neast\nnorth\nsouth")
	bareStayPlaces  = newWordSet("room\nbed\nfloor\nunit\nward")
)

// placeAt reads the unit phrase that ends at the place word i: the
// preposition before it (at most three words back) and the word after the
// phrase. A room, bed, floor, unit or ward needs a number after it or a
// modifier before it ("room 2204", "a private room", "the med-surg
// floor"): "she's on the floor" or "in bed" place no one in a hospital. A
// compass word names a unit only after a number ("4 West").
func (pp *phiPass) placeAt(i int) (prep, end int) {
	d := pp.d
	end = i + 1
	if inSet(d, i, compassWords) {
		if i == 0 || !text.IsDigit(d.Words[i-1].Lower[0]) || !pp.is(i, cCapital) {
			return -1, 0
		}
	}
	numbered := pp.sameClause(i, i+1) && text.IsDigit(d.Words[i+1].Lower[0])
	if numbered {
		end = i + 2
	}
	modified := false
	for k := i - 1; k >= 0 && k >= i-3 && pp.sameClause(k, i); k-- {
		if inSet(d, k, stayPreps) {
			if inSet(d, i, bareStayPlaces) && !numbered && !modified {
				return -1, 0
			}
			return k, end
		}
		if inSet(d, k, everydayRooms) {
			return -1, 0 // "in the waiting room"
		}
		if !pp.is(k, cDeterminers) {
			modified = true
		}
	}
	return -1, 0
}

// personSubjectBefore finds the person a stay is said of, before word p
// in its clause: "she's", "you're", or a person and a form of "be" ("your
// mom was", "Mrs. Delgado is"), over fillers ("still", "moved", "in 412").
// It returns the subject's first word, or -1.
func (pp *phiPass) personSubjectBefore(p int) int {
	d := pp.d
	for k := p - 1; k >= 0 && k >= p-7 && pp.sameClause(k, p); k-- {
		w := d.Words[k].Lower
		switch {
		case strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'re"):
			if d.Is(k, thirdWords) || d.Is(k, youWords) || d.Is(k, care.Family) || pp.nameAt(k) {
				return pp.ownerBefore(k)
			}
			return -1
		case inSet(d, k, stayBe):
			j := k - 1
			if j < 0 || !pp.sameClause(j, k) {
				return -1
			}
			if d.Is(j, thirdWords) && !d.Is(j, possessives) || d.Is(j, care.Family) || inSet(d, j, fondPersons) && d.Is(j-1, possessives) {
				return pp.ownerBefore(j)
			}
			if pp.namedSubject(j) || pp.is(j, cCapital) && d.Is(j-1, honorifics) {
				if d.Is(j-1, honorifics) {
					return j - 1
				}
				return j
			}
			return -1
		case inSet(d, k, stayFillers) || inSet(d, k, stayPreps) || text.IsDigit(w[0]) || pp.is(k, cDeterminers):
		default:
			return -1
		}
	}
	return -1
}

// ownerBefore extends a person at word k back over the words that own or
// describe them: "your mom", "your little guy", "Mrs. Delgado".
func (pp *phiPass) ownerBefore(k int) int {
	d := pp.d
	for j := k - 1; j >= 0 && j >= k-2 && pp.sameClause(j, k); j-- {
		if d.Is(j, possessives) || pp.is(j, cCapital) && pp.knownName(j) {
			return j
		}
		if d.Is(j, honorifics) {
			return j
		}
	}
	return k
}

// stayAt reads a person placed in a hospital unit, at the place word i:
// "she's still in 412 on the med-surg floor", "He's in a private room",
// "your mom was on 4 West". The practice's own doings ("our clinic is on
// the 2nd floor") have no person for a subject.
func (pp *phiPass) stayAt(i int) (from, to int) {
	if from, to = pp.roomAt(i); to > 0 {
		return from, to
	}
	prep, end := pp.placeAt(i)
	if prep < 0 || pp.conditional(prep) {
		pp.laterUnit(i, -1, 0)
		return 0, 0
	}
	if from = pp.personSubjectBefore(prep); from < 0 || pp.staff[from] || pp.d.Is(from-1, practice.StaffTitles) {
		pp.laterUnit(i, prep, end)
		return 0, 0
	}
	return from, end
}

// roomAt reads a person beside the numbered room or bed at word i, with
// no verb: "your mom in room 214", "Gus from Room 212", "Mom's things
// from room 118", or the room standing for its resident: "Room 214's
// family". A staff member's room ("Dr. Lee in room 4") is their office.
func (pp *phiPass) roomAt(i int) (from, to int) {
	d := pp.d
	if !inSet(d, i, bareStayPlaces) || !pp.sameClause(i, i+1) || !text.IsDigit(d.Words[i+1].Lower[0]) {
		return 0, 0
	}
	// An offer, a general word or a supposition ("if your mom is in room
	// 4") places no one.
	if f := &pp.flags[d.Words[i].Sentence]; f.offer || f.genericStatement || pp.conditional(i) {
		return 0, 0
	}
	if strings.HasSuffix(d.Words[i+1].Lower, "'s") && pp.sameClause(i+1, i+2) && (d.Is(i+2, care.Family) || d.Is(i+2, thirdWords) && !d.Is(i+2, possessives)) {
		return i, i + 3
	}
	k := i - 1
	if !inSet(d, k, roomLinks) || !pp.sameClause(k, i) {
		return 0, 0
	}
	p := k - 1
	if p >= 1 && !pp.roomPerson(p) && strings.HasSuffix(d.Words[p-1].Lower, "'s") {
		p-- // "Mom's things from room 118"
	}
	if p < 0 || !pp.sameClause(p, k) || !pp.roomPerson(p) {
		return 0, 0
	}
	return pp.ownerBefore(p), i + 2
}

// roomPerson reports that word p is someone a room can be theirs: a
// relative, a third person or a name that is not staff.
func (pp *phiPass) roomPerson(p int) bool {
	d := pp.d
	return d.Is(p, care.Family) || d.Is(p, thirdWords) && !d.Is(p, possessives) || pp.nameAt(p) && !pp.staff[p] && !d.Is(p-1, practice.StaffTitles)
}

// laterUnit keeps a hospital unit no person was placed in ("on the
// med-surg floor", "an ICU bed") for when the reply discloses: it is then
// where the person stays. The unit phrase runs from its preposition
// (prep, when placeAt found one) or, for an intensive care unit named
// alone, is the word i and a bed after it.
func (pp *phiPass) laterUnit(i, prep, end int) {
	d := pp.d
	s := d.Words[i].Sentence
	if pp.flags[s].offer || pp.standingOffer(s) || pp.flags[s].genericStatement || pp.conditional(i) {
		return
	}
	switch {
	case prep >= 0:
		pp.later = pp.hit(pp.later, prep, end, details, srcStay)
	case inSet(d, i, bareStayPlaces) && pp.sameClause(i, i+1) && text.IsDigit(d.Words[i+1].Lower[0]):
		pp.later = pp.hit(pp.later, i, i+2, details, srcStay) // "room 2204"
	case !inSet(d, i, bareStayPlaces) && !inSet(d, i, compassWords):
		end = i + 1
		if pp.sameClause(i, end) && inSet(d, end, bareStayPlaces) {
			end++ // "an ICU bed"
		}
		pp.later = pp.hit(pp.later, i, end, details, srcStay)
	}
}

// stayLengthAt reads a counted stay, at the place word i or at "with us": "3
// weeks in the NICU", "his 58 days with us", "her six weeks with us in
// the rehab unit". The person must be in the sentence or own the count;
// a staff member's years ("Kayla spent 5 years in the ICU", "our nurses
// have 20 years with us") are no one's stay.
func (pp *phiPass) stayLengthAt(i int) (from, to int) {
	d := pp.d
	var prep int
	switch {
	case d.Words[i].Lower == "with":
		prep, to = i, i+2
	default:
		prep, to = pp.placeAt(i)
		if prep < 0 {
			return 0, 0
		}
	}
	u := prep - 1
	if u < 1 || !pp.sameClause(u, prep) || !inSet(d, u, stayLengths) {
		return 0, 0
	}
	n := u - 1
	if !(text.IsDigit(d.Words[n].Lower[0]) || pp.is(n, cCountWords)) || !pp.sameClause(n, u) {
		return 0, 0
	}
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if pp.conditional(n) || f.offer || f.genericStatement || pp.staffNews(n) {
		return 0, 0
	}
	from = n
	switch j := n - 1; {
	case j >= 0 && pp.sameClause(j, n) && (d.Is(j, possessives) && !pp.is(j, cOurWords) || strings.HasSuffix(d.Words[j].Lower, "'s") && pp.nameAt(j)):
		return j, to // "his 58 days with us"
	case f.third || f.name || pp.vocative[n]:
		return from, to // "3 weeks in the NICU and now he's home"
	}
	return 0, 0
}

// fondAt reads the care team's fondness for a person, at the verb phrase
// starting at word i: "the infusion team loved having her", "we miss your
// little guy already", "Monique remembers you and baby Ava". The subject
// is the team ("we", "our nurses", "the hospice team on 6", a named staff
// member) and the object a person; "we" is fond of "you" in any shop, so
// "we miss you" needs a relative or a third person. "We'd love having you"
// offers, "remember to bring your card" instructs.
func (pp *phiPass) fondAt(i int) (from, to int) {
	d := pp.d
	m, ok := d.LongestAt(i, fondVerbs.Group)
	if !ok || pp.unrealised(i) {
		return 0, 0
	}
	// A memory of the person ("I remember you", "she remembers you") says
	// the one who remembers met them here, as "we miss you" does not.
	recall := inSet(d, i, fondRecallVerbs)
	// The subject, up to five words back in the clause.
	subj, we := -1, false
	for k := i - 1; k >= 0 && k >= i-5 && pp.sameClause(k, i); k-- {
		w := d.Words[k].Lower
		if strings.HasSuffix(w, "'d") || strings.HasSuffix(w, "'ll") || pp.is(k, cOfferModals) {
			return 0, 0
		}
		next := k+1 == i || k+2 == i && inSet(d, k+1, fondFillers)
		switch {
		case d.Is(k, practice.FirstPersonSubjects):
			subj, we = k, strings.HasPrefix(w, "we")
		case pp.is(k, cStaffRoles) && !pp.is(k, cCapital) || d.Is(k, care.Clinicians) && pp.is(k-1, cOurWords) || pp.is(k, cCapital) && (pp.knownName(k) || d.Is(k-1, practice.StaffTitles)) && next:
			subj = k
		case recall && next && d.Is(k, thirdWords) && !d.Is(k, possessives) && !d.Is(k, care.Family) && !pp.is(k-1, cDeterminers):
			subj = k // "she remembers you": a carer the reply spoke of
		}
		if subj >= 0 {
			break
		}
	}
	if subj < 0 || !we && !recall && d.Words[subj].Lower == "i" {
		return 0, 0
	}
	// The object, right after the verb: a person, or one owned ("your
	// little guy", "his stories").
	o := m.To
	if !pp.sameClause(i, o) {
		return 0, 0
	}
	switch {
	case pp.is(o, cSeenPersons) && d.Words[o].Lower != "you":
		if pp.commentOnStaff(i) {
			return 0, 0 // "we miss her too" under "we miss Dr. Wong": a colleague
		}
		return i, o + 1 // "loved having her"
	case d.Words[o].Lower == "you":
		if we && !inSet(d, i, fondRecallVerbs) && !(pp.sameClause(o, o+2) && d.Words[o+1].Lower == "and" && (d.Is(o+2, thirdWords) || d.Is(o+2, care.Family) || pp.nameAt(o+2))) {
			return 0, 0 // "we miss you" could be any shop's; "we remember you" met them here
		}
		return i, o + 1
	case d.Is(o, possessives) && !pp.is(o, cOurWords):
		for k := o + 1; k <= o+3 && pp.sameClause(o, k); k++ {
			// Their care: "still remembers your first transfer".
			if m := pp.care(k); m.From >= 0 && m.List != care.Clinicians.ID && !d.Is(k, feelings) && !pp.ambiguousCare(m) {
				return i, m.To
			}
			// Their children counted: "loved watching your three grow up".
			if k == o+1 && pp.is(k, cCountWords) {
				return i, k + 1
			}
			if d.Is(k, care.Family) || inSet(d, k, fondPersons) || pp.nameAt(k) {
				if pp.sameClause(k, k+1) && (d.Is(k+1, care.Family) || inSet(d, k+1, fondPersons)) {
					k++ // "your little guy", "her baby girl"
				}
				return i, k + 1
			}
			if !we && k == o+1 && !d.Is(o, youWords) {
				return i, k + 1 // "loved hearing his stories"
			}
		}
		// Anything of theirs remembered was seen here: "we still remember
		// your first day", "his big entrance".
		if recall && pp.sameClause(o, o+1) && !d.Is(o+1, gapBreakers) {
			if pp.sameClause(o+1, o+2) && !d.Is(o+2, gapBreakers) && !pp.sameClause(o+2, o+3) {
				return i, o + 3
			}
			return i, o + 2
		}
	case recall && (inSet(d, o, recallLeads) || pp.is(o, cDemonstratives)):
		return pp.recallMomentAt(i, o)
	case pp.nameAt(o) && !strings.HasSuffix(d.Words[o].Lower, "'s"): // "Lucia's mural" is hers, not her
		return i, o + 1
	}
	return 0, 0
}

// recallMomentAt reads a remembered moment the person is in, opened at
// word o after the recall verb at i: "I remember the morning you walked
// in", "we remember when he came", "how nervous Ava was". The person comes
// within four words, before any "was" or "for" (gapBreakers) and before
// the writer's own ("the night my father came home").
func (pp *phiPass) recallMomentAt(i, o int) (from, to int) {
	d := pp.d
	for k := o + 1; k <= o+4 && pp.sameClause(o, k); k++ {
		switch {
		case pp.is(k, cWriterSelf):
			return 0, 0
		case d.Is(k, youWords), d.Is(k, thirdWords) && !d.Is(k, possessives), pp.nameAt(k) && !pp.staff[k]:
			return i, k + 1
		case d.Is(k, gapBreakers):
			return 0, 0
		}
	}
	return 0, 0
}

// More of the stay frames: how a person bore their care ("mom was such a
// champ through 20 hours of labor") and a person gone home from a stay
// ("now he's home", "the team was so happy to see him go home").
var (
	borePreps = &cueLists[listBorePrepositions]
	homeWords = &cueLists[listHomeWords]
)

var (
	borePraise  = &wordSets[listBorePraise]
	boreFillers = &wordSets[listBoreFillers]
	boreLengths = &wordSets[listBoreLengths]
	homeVerbs   = &wordSets[listHomeVerbs]
	stayWords   = &wordSets[listStayWords]
)

// personBe reports the person and the form of "be" ending at word k: a
// contraction ("she's", "you've been" reads "been") or a person and "was"
// ("mom was", "your son was"). It returns the person's first word, or -1.
func (pp *phiPass) personBe(k int) int {
	d := pp.d
	w := d.Words[k].Lower
	if w == "been" && k > 0 && pp.sameClause(k-1, k) {
		k-- // "you've been", "she has been"
		if d.Words[k].Lower == "has" || d.Words[k].Lower == "have" {
			k--
		}
		w = d.Words[k].Lower
	}
	if k < 0 {
		return -1
	}
	if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'re") || strings.HasSuffix(w, "'ve") {
		if d.Is(k, thirdWords) && !d.Is(k, possessives) || d.Is(k, youWords) || pp.nameAt(k) {
			return pp.ownerBefore(k)
		}
		return -1
	}
	if !inSet(d, k, stayBe) {
		return -1
	}
	j := k - 1
	if j < 0 || !pp.sameClause(j, k) {
		return -1
	}
	switch {
	case d.Is(j, thirdWords) && !d.Is(j, possessives), d.Is(j, care.Family), d.Is(j, youWords) && !d.Is(j, possessives):
		return pp.ownerBefore(j)
	case pp.namedSubject(j):
		return j
	}
	return -1
}

// boreAt reads how a person bore their care, at "through"/"during" (word
// i): the person, "was", praise, then care or a counted stretch of it:
// "mom was such a champ through 20 hours of labor", "you've been the
// sweetest through all 12 of your infusions". "Our team was amazing
// through the move" praises no person; "she was a star through the whole
// recital" names no care.
func (pp *phiPass) boreAt(i int) (from, to int) {
	d := pp.d
	if pp.conditional(i) {
		return 0, 0
	}
	p := -1
	for k := i - 1; k >= 0 && k >= i-2 && pp.sameClause(k, i); k-- {
		if inSet(d, k, borePraise) {
			p = k
			break
		}
	}
	if p < 0 {
		return 0, 0
	}
	k := p - 1
	for k >= 0 && pp.sameClause(k, p) && inSet(d, k, boreFillers) {
		k--
	}
	if k < 0 || !pp.sameClause(k, p) {
		return 0, 0
	}
	if from = pp.personBe(k); from < 0 || pp.staff[from] {
		return 0, 0
	}
	for e := i + 1; e <= i+6 && pp.sameClause(i, e); e++ {
		if m := pp.care(e); m.From >= 0 && !d.Is(m.From, feelings) {
			return from, m.To
		}
		if (text.IsDigit(d.Words[e].Lower[0]) || pp.is(e, cCountWords)) && pp.sameClause(e, e+1) && inSet(d, e+1, boreLengths) {
			return from, e + 2
		}
	}
	return 0, 0
}

// homeAt reads a person gone home from a stay, at "home" (word i): a
// person before it over verbs of going ("now he's home", "to see him go
// home"), in a sentence that speaks of care, a stay or the care team.
// "So glad your family made it home after the storm" names no care, and
// "his home" is a place he owns.
func (pp *phiPass) homeAt(i int) (from, to int) {
	d := pp.d
	s := d.Words[i].Sentence
	if pp.conditional(i) || i == 0 || d.Is(i-1, possessives) {
		return 0, 0
	}
	from = -1
	for k := i - 1; k >= 0 && k >= i-4 && pp.sameClause(k, i); k-- {
		w := d.Words[k].Lower
		if (strings.HasSuffix(w, "'s") || d.Is(k, thirdWords)) && (d.Is(k, thirdWords) && !d.Is(k, possessives) || pp.nameAt(k)) ||
			w == "him" || w == "her" {
			from = pp.ownerBefore(k)
			break
		}
		if d.Is(k, care.Family) || pp.nameAt(k) {
			from = pp.ownerBefore(k)
			break
		}
		if !inSet(d, k, homeVerbs) {
			return 0, 0
		}
	}
	if from < 0 || pp.staff[from] {
		return 0, 0
	}
	// Care, a stay, or the care team in the sentence.
	for k := d.SentWords[s].Start; k < d.SentWords[s].End; k++ {
		if pp.careIdx[k] >= 0 && !d.Is(k, feelings) || inSet(d, k, stayWords) || d.Is(k, stayPlaces) || pp.is(k, cStaffRoles) && !pp.is(k, cCapital) {
			return from, i + 1
		}
	}
	return 0, 0
}

// tenureLinks sit between a person and "with us" (tenureAt).
var tenureLinks = &wordSets[listTenureLinks]

// tenureAt reads a person's time with the practice, at "with us" (word
// i): the reader or their relative before it and a start or a length
// after it: "your mom has been with us since 2015", "having you and Frank
// with us since 2009", "you've been with us for 10 years". Staff have
// anniversaries too ("Dr. Lee has been with us since 2015", "she's been
// with us for 10 years"): only "you", "your" and a relative of theirs
// count.
func (pp *phiPass) tenureAt(i int) (from, to int) {
	d := pp.d
	if pp.conditional(i) || !pp.sameClause(i, i+2) {
		return 0, 0
	}
	// The start or the length: "since 2015", "since March", "for 10 years".
	k := i + 2
	switch d.Words[k].Lower {
	case "since":
		if !pp.sameClause(k, k+1) || !(text.IsDigit(d.Words[k+1].Lower[0]) || d.Is(k+1, months)) {
			return 0, 0
		}
		to = k + 2
	case "for":
		n := k + 1
		if !pp.sameClause(k, n+1) || !(text.IsDigit(d.Words[n].Lower[0]) || pp.is(n, cCountWords)) || !inSet(d, n+1, boreLengths) {
			return 0, 0
		}
		to = n + 2
	default:
		return 0, 0
	}
	// The person: "you", "you've", "your mom", over "has been", "having".
	for k := i - 1; k >= 0 && k >= i-5 && pp.sameClause(k, i); k-- {
		w := d.Words[k].Lower
		switch {
		case d.Is(k, youWords) && !d.Is(k, possessives):
			from = k
			if k > 0 && inSet(d, k-1, tenureLinks) && pp.sameClause(k-1, k) {
				from = k - 1 // "having you"
			}
			return from, to
		case d.Is(k, care.Family) && !strings.HasSuffix(w, "'s"):
			if j := pp.ownerBefore(k); j < k && d.Is(j, youWords) {
				return j, to // "your mom"
			}
			return 0, 0
		case inSet(d, k, tenureLinks) || pp.is(k, cCapital) && !pp.staff[k] && !d.Is(k, practice.StaffTitles):
		default:
			return 0, 0
		}
	}
	return 0, 0
}

// tenureCountAt reads the reader's counted years with the practice, at
// "with us" (word i), in a sentence that thanks, greets or speaks to
// them: "thanks for 9 good years with us", "after 20 years of cleanings
// with us you deserve better", "happy 3 months with us!". One word may
// qualify the count ("9 good years") and "of" and at most two words may
// name what filled them ("years of visits"). A staff member's
// anniversary ("congrats to Dr. Lee on 10 years with us") names staff,
// and stayLengthAt reads the counts a name or a third person owns.
func (pp *phiPass) tenureCountAt(i int) (from, to int) {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if d.Words[i].Lower != "with" || pp.conditional(i) || f.offer || f.genericStatement || pp.standingOffer(s) {
		return 0, 0
	}
	// The unit: right before "with us", or before "of" and one or two words.
	u := i - 1
	for k := i - 2; k >= i-3 && k > 0; k-- {
		if d.Words[k].Lower == "of" && pp.sameClause(k-1, i) && inSet(d, k-1, boreLengths) {
			u = k - 1
			break
		}
	}
	if u < 1 || !pp.sameClause(u, i) || !inSet(d, u, boreLengths) {
		return 0, 0
	}
	n := u - 1
	if !pp.countAt(n) && n > 0 && pp.sameClause(n-1, u) {
		n-- // "5 good years"
	}
	if !pp.countAt(n) {
		return 0, 0
	}
	// Spoken to the reader: "you", thanks or sympathy, or a greeting by name.
	r := d.SentWords[s]
	if !(f.you || f.empathy || pp.addressed || inSet(d, r.Start, thanksWords)) {
		return 0, 0
	}
	for k := r.Start; k < r.End; k++ {
		if pp.staff[k] || d.Is(k, practice.StaffTitles) || pp.is(k, cStaffRoles) {
			return 0, 0
		}
	}
	return n, i + 2
}

// countAt reports word k as a count: a number or a spelled one.
func (pp *phiPass) countAt(k int) bool {
	return k >= 0 && k < len(pp.d.Words) && (text.IsDigit(pp.d.Words[k].Lower[0]) || pp.is(k, cCountWords))
}

// What a person is booked on, and the verbs that hold them there (scheduledAt).
var (
	scheduleLists   = &cueLists[listScheduleLists]
	scheduleHolders = &wordSets[listScheduleHolders]
	bareLists       = &wordSets[listBareLists]
)

// scheduledAt reads a person booked with the practice, at the schedule
// noun m after "on the" or "on our": "he's on our calendar", "you're
// already on our waitlist", "we have Imani on the books for Friday",
// "Otto is #3 on the list". "Call to be put on the schedule" names
// no one, "we can put you on the waitlist" offers, and a bare "list"
// books care only with a clinician after it or a place number before.
func (pp *phiPass) scheduledAt(m lex.Match) (from, to int) {
	d := pp.d
	i, to := m.From, m.To
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	p := i - 2
	if p < 1 || d.Words[p].Lower != "on" || !pp.sameClause(p, i) || !(pp.is(i-1, cDeterminers) || pp.is(i-1, cOurWords)) ||
		pp.conditional(i) || f.genericStatement || pp.standingOffer(s) {
		return 0, 0
	}
	// A bare "list": "for Dr. Lin" after it, or "#14" before "on".
	if m.Len() == 1 && inSet(d, i, bareLists) {
		w := d.Words[p-1].Lower
		if !(d.Is(to+1, titles) || d.Is(to+1, care.Clinicians)) && !text.IsDigit(w[len(w)-1]) {
			return 0, 0
		}
	}
	// The person: the subject ("he's", "Otto is"), or the object of a
	// verb that holds them there ("we have you", "has him").
	// ("We have" reads as an offer, "we have openings"; the person held
	// on the schedule is no offer.)
	if from = pp.personSubjectBefore(p); from >= 0 && (f.offer || f.generic) {
		return 0, 0
	}
	if from < 0 {
		k := p - 1
		if !(d.Is(k, youWords) || d.Is(k, thirdWords) || pp.nameAt(k)) || d.Is(k, possessives) && !d.Is(k, thirdWords) ||
			!inSet(d, k-1, scheduleHolders) || !pp.sameClause(k-1, p) || pp.unrealised(k-1) {
			return 0, 0
		}
		from = k - 1
	}
	if pp.staff[from] {
		return 0, 0
	}
	return from, to
}

// reviewerRefs name the person a rebuttal speaks of in the third person.
var reviewerRefs = &cueLists[listReviewerRefs]

// reviewerHistoryAt reads what the person a rebuttal names in the third
// person did or was given, at the reference starting at word i: "the
// reviewer was discharged from our practice", "the patient in question
// was seen by our nurse practitioner". The history frame reads the rest;
// what is only said of them now ("this patient is welcome to call") is
// no history.
func (pp *phiPass) reviewerHistoryAt(i int) (from, to int) {
	m, ok := pp.d.LongestAt(i, reviewerRefs.Group)
	if !ok {
		return 0, 0
	}
	if to, state := pp.historyAt(m.To - 1); to > 0 && !state {
		return i, to
	}
	return 0, 0
}

// A person due for a recall (dueAt).
var (
	dueWords   = &cueLists[listDueWords]
	dueAfter   = &wordSets[listDueAfter]
	dueFillers = &wordSets[listDueFillers]
)

// dueAt reads a person due for their next visit, at "due" (word i): "both
// boys are due in August", "Diego is due before soccer starts", "you're
// due for a touch-up". A bill or a date is due to anyone ("payment is due
// at the visit"), "due to" gives a cause, and "if you're due" is a
// condition.
func (pp *phiPass) dueAt(i int) (from, to int) {
	d := pp.d
	if pp.conditional(i) || i == 0 || !pp.sameClause(i-1, i) || !pp.sameClause(i, i+1) || !inSet(d, i+1, dueAfter) {
		return 0, 0
	}
	k := i - 1
	if inSet(d, k, dueFillers) && k > 0 && pp.sameClause(k-1, i) {
		k-- // "you're probably due"
	}
	w := d.Words[k].Lower
	switch {
	case strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'re"):
		if d.Is(k, thirdWords) && !d.Is(k, possessives) || d.Is(k, youWords) {
			from = k
		} else {
			return 0, 0
		}
	case inSet(d, k, stayBe):
		j := k - 1
		if j < 0 || !pp.sameClause(j, k) {
			return 0, 0
		}
		switch {
		case d.Is(j, youWords) && !d.Is(j, possessives), d.Is(j, thirdWords) && !d.Is(j, possessives):
			from = j
		case d.Is(j, care.Family) || d.Is(j, rankedPersons) || inSet(d, j, fondPersons) || inSet(d, j, groupChildren):
			// Owned or counted: "your son", "both boys"; "most kids" are
			// anyone's.
			from = pp.ownerBefore(j)
			if from == j && j > 0 && pp.sameClause(j-1, j) && (inSet(d, j-1, groupCounts) || pp.is(j-1, cCountWords)) {
				from = j - 1
			}
			if from == j && !d.Is(j, thirdWords) {
				return 0, 0
			}
		case pp.namedSubject(j):
			from = j
		default:
			return 0, 0
		}
	default:
		return 0, 0
	}
	if pp.staff[from] {
		return 0, 0
	}
	return from, i + 1
}

// groupChildren: children counted as a group ("both boys are due").
var groupChildren = newWordSet("boys\ngirls\nkids\nchildren\ntwins")

// onFile names a record the practice keeps (onFileAt).
var onFile = &cueLists[listOnFile]

// onFileAt reads something the person owns kept on file, at "on file"
// (word i): "we still have Kayla's form from last year on file", "your
// yellow fever shot from 2019 is still on file". The owner must be in the
// clause, before it, with nothing that makes it a request or an offer
// between ("bring your card so we can keep it on file"); "the address on
// file" is anyone's.
func (pp *phiPass) onFileAt(i int) (from, to int) {
	d := pp.d
	m, ok := d.LongestAt(i, onFile.Group)
	if !ok || pp.conditional(i) {
		return 0, 0
	}
	for k := i - 1; k >= 0 && k >= i-9 && pp.sameClause(k, i); k-- {
		if pp.is(k, cOfferModals) || d.Is(k, ctaVerbs) {
			return 0, 0
		}
		w := d.Words[k].Lower
		if d.Is(k, possessives) && !pp.is(k, cOurWords) || strings.HasSuffix(w, "'s") && pp.nameAt(k) && !pp.staff[k] {
			return k, m.To
		}
	}
	return 0, 0
}

// weighVerbs before a weight: "weighing 7 lbs 11 oz".
var weighVerbs = newWordSet("weighing\nweighed\nweighs")

// measuredAt reads a person measured, at the number word i: "she's 7 cm
// now", "he was 6 lbs 2 oz", "you're at 120 mg". The person and "be"
// come before, over fillers ("already", "at"); "it's 5 mm wide" measures
// no one.
func (pp *phiPass) measuredAt(i int) (from, to int) {
	d := pp.d
	if !pp.sameClause(i, i+1) || !inSet(d, i+1, resultUnits) || pp.conditional(i) {
		return 0, 0
	}
	k := i - 1
	if inSet(d, k, weighVerbs) && pp.clauseRefers(k) && !pp.is(k-1, cOurWords) {
		return k, i + 2 // "she arrived at 12:07 weighing 7 lbs"
	}
	for k >= 0 && k >= i-3 && pp.sameClause(k, i) && (inSet(d, k, dueFillers) || inSet(d, k, stayFillers) || d.Words[k].Lower == "at") {
		k--
	}
	if k < 0 || !pp.sameClause(k, i) {
		return 0, 0
	}
	if from = pp.personBe(k); from < 0 || pp.staff[from] {
		return 0, 0
	}
	return from, i + 2
}

// Care someone received (receivedCareAt).
var (
	receivedCare  = &cueLists[listReceivedCare]
	receivedVerbs = &wordSets[listReceivedVerbs]
)

// receivedCareAt reads the care the practice gave someone, at the care
// noun i after "the": "the care she received", "the treatment your son
// got", and a rebuttal's "we stand by the care provided." where the
// participle ends the clause. "The care provided by our team is
// excellent" describes the practice, and "the care you need" is anyone's.
func (pp *phiPass) receivedCareAt(i int) (from, to int) {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if i == 0 || d.Words[i-1].Lower != "the" || !pp.sameClause(i-1, i) || pp.conditional(i) || f.offer || f.genericStatement || !pp.sameClause(i, i+1) {
		return 0, 0
	}
	k := i + 1
	w := d.Words[k].Lower
	if (w == "provided" || w == "given") && !pp.sameClause(k, k+1) {
		return i - 1, k + 1
	}
	// The person: "you", "she", "your son".
	switch {
	case d.Is(k, youWords) && !d.Is(k, possessives), d.Is(k, thirdWords) && !d.Is(k, possessives):
	case d.Is(k, possessives) && pp.sameClause(k, k+1) && d.Is(k+1, care.Family):
		k++
	default:
		return 0, 0
	}
	if pp.sameClause(k, k+1) && inSet(d, k+1, receivedVerbs) && d.Words[k+1].Lower != "provided" && d.Words[k+1].Lower != "given" {
		return i - 1, k + 2
	}
	return 0, 0
}

// familyGroups follow "the" and a surname (surnameFamilyAt).
var (
	familyGroups      = &wordSets[listFamilyGroups]
	familyEnterprises = &wordSets[listFamilyEnterprises]
)

// surnameFamilyAt reads a family named by its surname, at the surname
// word i: "the Nakamura family is hard to forget", "we love the Castillo
// kids". The surname must be a known one and not the practice's own
// name ("welcome to the Lakeview family") or a staff member's.
func (pp *phiPass) surnameFamilyAt(i int) (from, to int) {
	d := pp.d
	// (A lower-case "family" after a capital reads as an organisation's
	// name to markOrganisations, which marks it staff: "Grace Family
	// Medicine". Here the word after is lower-case, so a staff mark on the
	// surname that an organisation word explains is no staff.)
	if i == 0 || d.Words[i-1].Lower != "the" || !pp.is(i, cCapital) || pp.staff[i] && !d.Is(i+1, orgWords) || pp.c.PageWord(&d.Words[i]) ||
		!pp.sameClause(i, i+1) || !inSet(d, i+1, familyGroups) || pp.is(i+1, cCapital) || pp.conditional(i) {
		return 0, 0
	}
	if pp.sameClause(i+1, i+2) && inSet(d, i+2, familyEnterprises) {
		return 0, 0 // "the Smith family foundation"
	}
	return i - 1, i + 2
}

// commentOnStaff reports a comment that speaks of the practice's people
// ("we miss Dr. Wong", "love to the whole team, she was the kindest") and
// of no relative of the writer, under a reply that names no one before
// word i: "her" is then a colleague. Under "my mom loved the nurses" she
// is the person cared for; "tell Roy we miss him" misses Roy.
func (pp *phiPass) commentOnStaff(i int) bool {
	cd := pp.comment
	if cd == nil || pp.flags[pp.d.Words[i].Sentence].name || pp.d.Contains(care.Family) {
		return false
	}
	staff := false
	for k := range cd.Words {
		if cd.Is(k, care.Family) {
			return false
		}
		staff = staff || isClass(cd, k, cStaffRoles) || cd.Is(k, practice.StaffTitles) && k+1 < len(cd.Words) && cd.Words[k+1].Shape&text.Capitalized != 0
	}
	return staff
}

// careSeats are where a person sits or lies for care (careSeatAt).
var careSeats = &cueLists[listCareSeats]

// careSeatAt reads a person placed where care is given, at the seat
// phrase i (three words): a person and "was"/"were" at most six words
// before it in its clause, "you were so calm in the chair", "Leo was a
// star in the chair", "she was on my table twice". "Kids feel safe in the
// chair" and "if you're nervous in the chair" are anyone's.
func (pp *phiPass) careSeatAt(i int) (from, to int) {
	s := pp.d.Words[i].Sentence
	f := &pp.flags[s]
	if f.generic || f.genericStatement || f.offer || pp.conditional(i) || pp.speculative(s) {
		return 0, 0
	}
	for k := i - 1; k >= 0 && k >= i-6 && pp.sameClause(k, i); k-- {
		if from = pp.personBe(k); from >= 0 {
			if pp.staff[from] {
				return 0, 0
			}
			return from, i + 3
		}
	}
	return 0, 0
}

// regimenPreps and lifeSupport are regimenAt's cue and its treatments
// no care list has.
var (
	regimenPreps = &cueLists[listRegimenPreps]
	lifeSupport  = &cueLists[listLifeSupport]
)

// regimenAt reads a person kept on a treatment, at "on" (word i): "you're
// on metformin", "her dad is on a ventilator", "he's still on our
// sildenafil plan", "you're on 0.5 mg". The subject is a person with a
// form of "be" (personSubjectBefore), so "are you on metformin?" asks and
// "many patients are on metformin" names no one; "if you're on a blood
// thinner" speaks of anyone. Between "on" and the treatment stand at most
// determiners, numbers and one other modifier ("a combo pill").
func (pp *phiPass) regimenAt(i int) (from, to int) {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if f.generic || f.genericStatement || pp.conditional(i) || pp.speculative(s) {
		return 0, 0
	}
	if from = pp.personSubjectBefore(i); from < 0 || pp.staff[from] || d.Is(from-1, practice.StaffTitles) {
		return 0, 0
	}
	modifiers := 0
	for k := i + 1; k <= i+4 && pp.sameClause(i, k); k++ {
		if m := pp.care(k); m.From >= 0 {
			switch m.List {
			case care.Medications.ID, care.Procedures.ID, care.Colloquial.ID:
				if k > i+1 || !pp.ambiguousCare(m) { // "on ice" is no drug
					return from, m.To
				}
			}
		}
		if m, ok := d.LongestAt(k, lifeSupport.Group); ok {
			return from, m.To
		}
		w := d.Words[k].Lower
		switch {
		case text.IsDigit(w[0]):
			if pp.sameClause(k, k+1) && inSet(d, k+1, doseUnits) {
				return from, k + 2 // "on 0.5 mg"
			}
		case pp.is(k, cDeterminers|cPatientArticles) || d.Is(k, possessives):
		case modifiers == 0 && !inSet(d, k, stayPreps):
			modifiers++
		default:
			return 0, 0
		}
	}
	return 0, 0
}

// noShows and noShowPolicy are noShowAt's cue and the nouns that make it a
// rule ("no-show fee").
var (
	noShows      = &cueLists[listNoShowWords]
	noShowPolicy = &wordSets[listNoShowPolicy]
)

// noShowAt reads a person's missed visit, at "no-show(s)" (word i): the
// person was one ("you were a no-show") or their missed visits are
// counted in a sentence about them ("three no-shows this year", "repeated
// no-shows"). A fee or policy named in its clause ("our no-show fee"), a
// condition or a statement about anyone is a rule, not a record.
func (pp *phiPass) noShowAt(i int) (from, to int) {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if f.generic || f.genericStatement || pp.conditional(i) {
		return 0, 0
	}
	from, to = pp.clauseWords(i)
	for k := from; k < to; k++ {
		if inSet(d, k, noShowPolicy) {
			return 0, 0 // "the no-show fee", "our policy is to discharge after two no-shows"
		}
	}
	if i >= 2 && pp.sameClause(i-2, i) && pp.is(i-1, cPatientArticles) {
		if from = pp.personBe(i - 2); from >= 0 && !pp.staff[from] {
			return from, i + 1 // "you were a no-show"
		}
	}
	c := i - 1
	if c < 0 || !pp.sameClause(c, i) || !(text.IsDigit(d.Words[c].Lower[0]) || pp.is(c, cCountWords) || inSet(d, c, contactCounts)) {
		return 0, 0
	}
	if d.Is(c-1, possessives) && !pp.is(c-1, cOurWords) && pp.sameClause(c-1, c) {
		return c - 1, i + 1 // "your three no-shows"
	}
	if f.you || f.third || f.name || pp.named {
		return c, i + 1
	}
	return 0, 0
}
