package hipaa

import (
	"strings"

	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/lex/words"
	"github.com/replyguard/replyguard/core/text"
)

// Account frames: the practice's own account of what happened in the
// person's care, the way a rebuttal or a chatty thank-you gives it away
// without a care word tied to "your":
//   - a record cited as evidence about them ("per our check-in system you
//     were here 47 minutes", "our phone logs show four calls to you");
//   - contacts counted ("we called you three times");
//   - a clinician's order ("Dr. Lee started you on it", "we switched her
//     to 10 mg");
//   - a dose or strength someone owns ("your 500 mg", "the 20 mg of
//     Lexapro");
//   - a counterfactual that blames ("if you had kept your appointments,
//     the implant wouldn't have failed").
var (
	recordNouns   = &cueLists[listRecordNouns]
	recordLeads   = &cueLists[listRecordLeads]
	contactActs   = &cueLists[listContactActs]
	orderVerbs    = &cueLists[listOrderVerbs]
	givenActs     = &cueLists[listGivenActs]
	birthVerbs    = &cueLists[listBirthVerbs]
	newborns      = &cueLists[listNewbornWords]
	relaySays     = &cueLists[listRelaySays]
	courseUnits   = &cueLists[listCourseUnits]
	payoffVerbs   = &cueLists[listPayoffVerbs]
	alreadyWords  = &cueLists[listAlreadyWords]
	alreadyVerbs  = &wordSets[listAlreadyVerbs]
	privileges    = &cueLists[listPrivilegeWords]
	careForVerbs  = &cueLists[listCareForVerbs]
	scheduleActs  = &cueLists[listScheduleActs]
	walkVerbs     = &cueLists[listWalkVerbs]
	rankedPersons = &cueLists[listRankedPersons]
	groupPersons  = &cueLists[listGroupPersons]
	lastTimes     = &cueLists[listLastTimes]
	conductVisits = &cueLists[listConductVisitVerbs]
)

// Function words the frames compare at one position, kept out of the
// vocabulary walk (see wordSet).
var (
	recordVerbs      = &wordSets[listRecordVerbs]
	contactCounts    = &wordSets[listContactCounts]
	contactUnits     = &wordSets[listContactUnits]
	orderLinks       = &wordSets[listOrderLinks]
	doseUnits        = &wordSets[listDoseUnits]
	cfSubjects       = &wordSets[listCounterfactualSubjects]
	cfHad            = &wordSets[listCounterfactualHad]
	cfModals         = &wordSets[listCounterfactualModals]
	cfHave           = &wordSets[listCounterfactualHave]
	cfLeads          = &wordSets[listCounterfactualLeads]
	complianceVbs    = &wordSets[listComplianceVerbs]
	irregularPart    = &wordSets[listIrregularParticiples]
	givenAnyone      = &wordSets[listGivenAnyone]
	givenPreps       = &wordSets[listGivenPrepositions]
	relayStates      = &wordSets[listRelayStates]
	relayOwnedStates = &wordSets[listRelayOwnedStates]
	groupCounts      = &wordSets[listGroupCounts]
	rankingWords     = &wordSets[listRankingWords]
	rankerVerbs      = &wordSets[listRankerVerbs]
	lastTimeLinks    = &wordSets[listLastTimeLinks]
	conductMeasures  = &wordSets[listConductMeasures]
	tellingActs      = &wordSets[listTellingActs]
)

// accountFrames are the frames that start at a word of their own list.
var accountFrames = []struct {
	list *lex.List
	read func(pp *phiPass, i int) (from, to int)
	msg  string
	src  source
}{
	{recordNouns, (*phiPass).recordBefore, confirmed, srcRecord},
	{recordNouns, (*phiPass).recordTimeAt, confirmed, srcRecordTime},
	{contactActs, (*phiPass).countedContactAt, confirmed, srcCountedContact},
	{contactActs, (*phiPass).recalledTellingAt, confirmed, srcCountedContact},
	{payoffVerbs, (*phiPass).payoffAt, details, srcCourse},
	{alreadyWords, (*phiPass).alreadyAt, confirmed, srcHistory},
	{orderVerbs, (*phiPass).orderAt, details, srcOrder},
	{givenActs, (*phiPass).givenAt, details, srcGiven},
	{relaySays, (*phiPass).relayAt, confirmed, srcRelay},
	{patientNouns, (*phiPass).patientGroupAt, confirmed, srcPatientGroup},
	{groupPersons, (*phiPass).patientGroupAt, confirmed, srcPatientGroup},
	{patientNouns, (*phiPass).ownPersonAt, confirmed, srcPatientGroup},
	{ourRegulars, (*phiPass).ownPersonAt, confirmed, srcPatientGroup},
	{lastTimes, (*phiPass).lastTimeAt, confirmed, srcRelationship},
	{conductVisits, (*phiPass).conductAt, confirmed, srcHistory},
	{sentToVerbs, (*phiPass).sentToPharmacyAt, details, srcOrder},
	{privileges, (*phiPass).privilegeAt, confirmed, srcPrivilege},
	{scheduleActs, (*phiPass).movedAt, seen, srcMoved},
	{rankedPersons, (*phiPass).rankedAt, confirmed, srcRanked},
	{birthVerbs, (*phiPass).birthAt, details, srcBirth},
	{stayPlaces, (*phiPass).stayAt, confirmed, srcStay},
	{stayPlaces, (*phiPass).stayLengthAt, confirmed, srcStayLength},
	{stayWithUs, (*phiPass).stayLengthAt, confirmed, srcStayLength},
	{stayWithUs, (*phiPass).tenureAt, confirmed, srcTenure},
	{stayWithUs, (*phiPass).tenureCountAt, confirmed, srcTenure},
	{reviewerRefs, (*phiPass).reviewerHistoryAt, details, srcReviewer},
	{dueWords, (*phiPass).dueAt, seen, srcDue},
	{onFile, (*phiPass).onFileAt, confirmed, srcOnFile},
	{receivedCare, (*phiPass).receivedCareAt, confirmed, srcReceived},
	{fondVerbs, (*phiPass).fondAt, confirmed, srcFond},
	{borePreps, (*phiPass).boreAt, details, srcBore},
	{homeWords, (*phiPass).homeAt, confirmed, srcHome},
	{changeVerbs, (*phiPass).changeAt, msgResults, srcChange},
	{intlResultVerbs, (*phiPass).intlResultAt, msgResults, srcIntlResult},
	{likeOwned, (*phiPass).likeOwnedAt, details, srcLikeOwned},
	{standIns, (*phiPass).standInAt, details, srcLikeOwned},
	{careSeats, (*phiPass).careSeatAt, confirmed, srcCareSeat},
	{regimenPreps, (*phiPass).regimenAt, details, srcRegimen},
	{regimenPreps, (*phiPass).placedOnAt, details, srcRegimen},
	{noShows, (*phiPass).noShowAt, confirmed, srcNoShow},
	{dismissalVerbs, (*phiPass).dismissedAt, confirmed, srcHistory},
	{skipVerbs, (*phiPass).skippedAt, msgVisits, srcNoShow},
	{seeVerbs, (*phiPass).seenThirdAt, seen, srcMoved},
	{intlOfWords, (*phiPass).intlOfNamedAt, details, srcIntlOfNamed},
	{intlBooked, (*phiPass).intlBookedAt, seen, srcIntlBooked},
	{intlSlotDays, (*phiPass).intlSlotAt, seen, srcIntlBooked},
	{slotComeVerbs, (*phiPass).comeSlotAt, seen, srcIntlBooked},
	{intlComeVerbs, (*phiPass).intlRecurringAt, confirmed, srcIntlRecurring},
}

func (pp *phiPass) accountHits() []phiHit {
	d := pp.d
	hits := pp.bufs[bufAccount][:0]
	// Each frame starts at a word of its own list: walk those lists'
	// matches, not every word, so a reply with none pays one test each.
	skip := func(i int) bool {
		s := d.Words[i].Sentence
		return pp.flags[s].offer || pp.standingOffer(s)
	}
	for _, f := range accountFrames {
		if !d.Contains(f.list) {
			continue // most frames' lists are not in the text: no call to Find
		}
		for _, m := range d.Find(f.list.Group) {
			// A person kept on a list or a plan is a fact even in a
			// sentence that offers ("he's on the waitlist for Friday, so
			// we'll call if a slot frees up").
			if from, to := f.read(pp, m.From); to > 0 && (f.src == srcRegimen || !skip(m.From)) {
				hits = pp.hit(hits, from, to, f.msg, f.src)
			}
		}
	}
	// "We have you on the books" reads as an offer ("we have
	// openings"), which skip drops: scheduledAt weighs the offer itself.
	if d.Contains(scheduleLists) {
		for _, m := range d.Find(scheduleLists.Group) {
			if from, to := pp.scheduledAt(m); to > 0 {
				hits = pp.hit(hits, from, to, seen, srcStay)
			}
		}
	}
	hits = pp.recordCheckHits(hits)
	hits = pp.statusHits(hits)
	hits = pp.checkedHits(hits)
	hits = pp.companionSeeHits(hits)
	hits = pp.ownedStateHits(hits)
	hits = pp.intlPatientHits(hits)
	hits = pp.relayedInstructionHits(hits)
	hits = pp.relayedNewsHits(hits)
	hits = pp.mockedVisitHits(hits)
	// Counterfactuals start at "if"/"si" and named subjects at a capital
	// (class bits, one test a word); named subjects only with a verb of
	// what someone did in the reply.
	ifs := pp.clsAll&cConditionWords != 0
	named := pp.clsAll&cCapital != 0 && (d.Contains(historyVerbs) || d.Contains(historyParticiples) || d.Contains(historyStates))
	if ifs || named {
		for i, c := range pp.cls {
			switch {
			case ifs && c&cConditionWords != 0:
				// A past perfect after "if" is no offer ("if you had
				// arrived on time, we wouldn't have had to move you").
				if from, to, perfect := pp.counterfactualAt(i); to > 0 && (perfect || !skip(i)) {
					hits = pp.hit(hits, from, to, details, srcCounterfactual)
				}
			case named && c&cCapital != 0 && c&cCommonCapitals == 0:
				if pp.namedSubject(i) {
					if to, state := pp.historyAt(i); to > 0 && !state && !pp.staffNews(i) && !skip(i) {
						hits = pp.hit(hits, i, to, details, srcNamedHistory)
					}
				}
			}
		}
	}
	// A family named by its surname starts at a capital the surnames
	// list has (a bit test, then one lookup).
	if d.Contains(surnames) {
		for _, c := range pp.caps {
			if i := int(c); d.Is(i, surnames) {
				if from, to := pp.surnameFamilyAt(i); to > 0 && !skip(i) {
					hits = pp.hit(hits, from, to, "names the person's family", srcSurnameFamily)
				}
			}
		}
	}
	// A counted course starts at the count before a unit or a care word
	// ("2 years of", "3 more trays", "42 trays later").
	counted := func(at int) {
		k := at - 1
		if k >= 0 && d.Words[k].Lower == "more" {
			k--
		}
		if k >= 0 && (pp.is(k, cCountWords) || text.IsDigit(d.Words[k].Lower[0])) {
			if to := pp.countedCareAt(k); to > 0 && !skip(k) {
				hits = pp.hit(hits, k, to, msgCourse, srcCountedCare)
			}
		}
	}
	for _, m := range d.Find(courseUnits.Group) {
		counted(m.From)
	}
	for _, m := range pp.careList {
		counted(m.From)
	}
	for _, i := range d.Digits {
		if !text.IsDigit(d.Words[i].Lower[0]) {
			continue
		}
		if from, to := pp.doseAt(int(i)); to > 0 && !skip(int(i)) {
			hits = pp.hit(hits, from, to, details, srcDose)
		}
		if from, to := pp.queuedAt(int(i)); to > 0 && !skip(int(i)) {
			hits = pp.hit(hits, from, to, confirmed, srcRanked)
		}
		// A measure with its unit ("weighing 7 lbs"), or one owned
		// with its value ("your A1c at 8.1", values.go).
		from, to := pp.measuredAt(int(i))
		if to == 0 {
			from, to = pp.valueAt(int(i))
		}
		if to > 0 && !skip(int(i)) {
			hits = pp.hit(hits, from, to, details, srcMeasured)
		}
	}
	pp.bufs[bufAccount] = hits // the array is kept for the next check
	return hits
}

// personAfter reports a reference to the person among the words after
// word i in its sentence: "you", "your", "he", a family member, a name.
// "you can", "you will" address anyone.
func (pp *phiPass) personAfter(i int) bool {
	d := pp.d
	s := d.Words[i].Sentence
	for k := i + 1; k < len(d.Words) && d.Words[k].Sentence == s; k++ {
		if d.Is(k, youWords) || d.Is(k, thirdWords) || d.Is(k, care.Family) || pp.vocative[k] || pp.nameAt(k) {
			return !pp.is(k+1, cOfferModals)
		}
	}
	return false
}

// recordBefore reads the record frame from the record noun i: it starts
// at "our", up to three words before.
func (pp *phiPass) recordBefore(i int) (from, to int) {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if pp.is(k, cOurWords) {
			return pp.recordAt(k)
		}
	}
	return 0, 0
}

// recordAt reads a record cited as evidence at "our" (word i): "per our
// logs", "according to our check-in system", "our phone logs show", "we
// have checked our records", before a reference to the person.
func (pp *phiPass) recordAt(i int) (from, to int) {
	d := pp.d
	k := i + 1
	for ; k <= i+3 && pp.sameClause(i, k) && !d.Is(k, recordNouns); k++ {
	}
	if !d.Is(k, recordNouns) || !pp.sameClause(i, k) || pp.conditional(i) {
		return 0, 0
	}
	from, to = i, k+1
	if inSet(d, k+1, recordVerbs) {
		to = k + 2
	} else if m, ok := pp.leadBefore(i); ok {
		from = m
	} else {
		return 0, 0
	}
	if !pp.personAfter(k) {
		return 0, 0
	}
	return from, to
}

// leadBefore finds a record lead ("per", "according to") ending just
// before word i, and returns where it starts.
func (pp *phiPass) leadBefore(i int) (int, bool) {
	d := pp.d
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if m, ok := d.LongestAt(k, recordLeads.Group); ok && m.To == i {
			return k, true
		}
	}
	return 0, false
}

// countedContactAt reads "called you three times", "sent you 3
// statements", "explained this to you twice", "emailed you 3x", or a
// contact with its day ("called you back Thursday") at the contact verb
// i and returns the word after the count or the time, or 0.
func (pp *phiPass) countedContactAt(i int) (from, to int) {
	d := pp.d
	if pp.conditional(i) || i > 0 && pp.is(i-1, cOfferModals) {
		return 0, 0
	}
	from, person, reach := i, -1, 5
	for k := i + 1; k <= i+3 && pp.sameClause(i, k); k++ {
		if pp.is(k, cSeenPersons) {
			person = k
			break
		}
	}
	// No one after the verb: the count must follow it at once ("we
	// called twice"; "we called the pharmacy twice" names someone else).
	if person < 0 {
		if from = pp.bareContactSubject(i); from < 0 {
			return 0, 0
		}
		person, reach = i, 1
	}
	for k := person + 1; k <= person+reach && pp.sameClause(i, k); k++ {
		if inSet(d, k, contactCounts) && (d.Words[k].Lower == "twice" || d.Words[k].Lower == "thrice") {
			return from, k + 1
		}
		// "3x" is a count and its unit in one word.
		if w := d.Words[k].Lower; len(w) > 1 && w[len(w)-1] == 'x' && text.IsDigit(w[0]) {
			if _, ok := text.Atoi(w[:len(w)-1]); ok {
				return from, k + 1
			}
		}
		counted := inSet(d, k, contactCounts) || pp.is(k, cCountWords) || text.IsDigit(d.Words[k].Lower[0])
		if counted && inSet(d, k+1, contactUnits) && pp.sameClause(i, k+1) {
			return from, k + 2
		}
	}
	if reach == 1 {
		return 0, 0
	}
	// A contact dated is one that happened: "called you back Thursday",
	// "sent you a portal message on the 14th", "mailed you in May".
	// What the practice can or will do next ("we just messaged you so we
	// can sort it out today") has a time of its own; "we told her that
	// when we filled it in September" dates the contact.
	for k := person + 1; k <= person+7 && pp.sameClause(i, k) && !(d.Is(k, practice.FirstPersonSubjects) && pp.is(k+1, cOfferModals)); k++ {
		if t, point := pp.timeAt(k); t > 0 && point && pp.sameClause(i, t-1) {
			return i, t
		}
	}
	return 0, 0
}

// recalledTellingAt reads the practice recalling what it told the person,
// the telling opening its sentence: "Told you the new mask would do it",
// "We told you at the fitting to expect this", "I warned her it would
// sting". Only someone seen there was told; "told you so" is a catchword
// and "if we told you" a supposition.
func (pp *phiPass) recalledTellingAt(i int) (from, to int) {
	d := pp.d
	if !inSet(d, i, tellingActs) {
		return 0, 0
	}
	s := d.Words[i].Sentence
	start := d.SentWords[s].Start
	from = i
	if i == start+1 && d.Is(start, practice.FirstPersonSubjects) && !pp.is(start, cOfferModals) {
		from = start
	} else if i != start {
		return 0, 0
	}
	p := i + 1
	if !pp.is(p, cSeenPersons) || !pp.sameClause(i, p) || pp.conditional(i) {
		return 0, 0
	}
	if p+1 >= len(d.Words) || d.Words[p+1].Sentence != s || d.Words[p+1].Lower == "so" {
		return 0, 0
	}
	return from, p + 1
}

// payoffAt reads the person's care praised as paying off at word i:
// "all those Tuesday sessions paid off", "the tretinoin and peels are
// really paying off", "three years of dedication paid off". What paid
// off is care, a visit word or a course of time in the clause before it.
func (pp *phiPass) payoffAt(i int) (from, to int) {
	d := pp.d
	if pp.conditional(i) {
		return 0, 0
	}
	from = -1
	for k := i - 1; k >= max(i-8, 0) && pp.sameClause(k, i); k-- {
		if d.Is(k, visitNouns) || d.Is(k, courseUnits) || pp.care(k).From >= 0 {
			from = k
		}
	}
	if from < 0 {
		return 0, 0
	}
	return from, i + 2
}

// alreadyAt reads the practice telling what the person already has or
// did, at "already" (word i): "you already have one on file", "you
// already had yours in October". The person is "you" right before; a
// supposition ("if you already paid") is no record.
func (pp *phiPass) alreadyAt(i int) (from, to int) {
	d := pp.d
	if i == 0 || i+1 >= len(d.Words) || !pp.sameClause(i-1, i+1) || !d.Is(i-1, youWords) || d.Is(i-1, possessives) || !inSet(d, i+1, alreadyVerbs) || pp.conditional(i) {
		return 0, 0
	}
	return i - 1, i + 2
}

// orderAt reads a clinician's order at the verb i: "started you on
// Eliquis", "switched her to the patch", "Dr. Lee started you on it". The
// thing ordered is a care word, a dose, or, after a clinician's title, a
// pronoun for the medicine the person asked about.
func (pp *phiPass) orderAt(i int) (from, to int) {
	d := pp.d
	if pp.unrealised(i) {
		return 0, 0
	}
	p := i + 1
	if !pp.sameClause(i, p) || !(pp.is(p, cSeenPersons) || pp.vocative[p] || pp.nameAt(p)) {
		return 0, 0
	}
	if !inSet(d, p+1, orderLinks) || !pp.sameClause(i, p+1) {
		return 0, 0
	}
	for k := p + 2; k <= p+4 && pp.sameClause(i, k); k++ {
		if m := pp.care(k); m.From >= 0 && m.List != care.Clinicians.ID && m.List != care.Billing.ID {
			return i, m.To
		}
		if text.IsDigit(d.Words[k].Lower[0]) && pp.doseUnitAt(k) > 0 {
			return i, pp.doseUnitAt(k)
		}
		if k == p+2 && pp.titledBefore(i) && (d.Words[k].Lower == "it" || d.Words[k].Lower == "them") {
			return i, k + 1
		}
		// A brand the vocabulary lacks, capitalised right after "on" or
		// "to": "switched you to Trelegy", "started her on Nurtec".
		if k == p+2 && pp.is(k, cCapital) && !pp.is(k, cCommonCapitals) && !d.Is(k, practice.StaffTitles) {
			return i, k + 1
		}
	}
	return 0, 0
}

// titledBefore reports a clinician's title ("Dr.") among the three words
// before word i in its sentence: the order is a clinician's.
func (pp *phiPass) titledBefore(i int) bool {
	d := pp.d
	for k := i - 1; k >= 0 && k >= i-3 && d.Words[k].Sentence == d.Words[i].Sentence; k-- {
		if d.Is(k, practice.StaffTitles) {
			return true
		}
	}
	return false
}

// doseUnitAt reads a dose at the number word i ("500mg", "0.05%", "30
// units") and returns the word after it, or 0. A percentage is a strength
// only with a decimal point or before a care word: "50% off" is a sale.
func (pp *phiPass) doseUnitAt(i int) int {
	d := pp.d
	w := d.Words[i]
	if w.End < len(d.Text) && d.Text[w.End] == '%' {
		if strings.Contains(w.Lower, ".") || i+1 < len(d.Words) && pp.care(i+1).From >= 0 {
			return i + 1
		}
		return 0
	}
	if strings.HasSuffix(w.Lower, "mg") || strings.HasSuffix(w.Lower, "mcg") || strings.HasSuffix(w.Lower, "ml") {
		return i + 1
	}
	if inSet(d, i+1, doseUnits) && d.Words[i+1].Sentence == w.Sentence {
		return i + 2
	}
	return 0
}

// doseAt reads a dose someone owns at the number word i: "your 500mg",
// "your usual 30 units", "the 20 mg of Lexapro", "you only got 20 units".
// "20 units for $200" and "your first 20 units" are offers to anyone.
func (pp *phiPass) doseAt(i int) (from, to int) {
	d := pp.d
	to = pp.doseUnitAt(i)
	if to == 0 {
		return 0, 0
	}
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if f.genericStatement || pp.speculative(s) || pp.conditional(i) {
		return 0, 0
	}
	// "give her 400mg every 6 hours" answers a question with a dose for
	// anyone's child; "take your 500mg with dinner, Gloria" does not.
	if pp.answersQuestion && pp.imperative(s) && !pp.addressed && !f.pastTense {
		return 0, 0
	}
	// "those results … 2 syringes of Voluma was just right": a measured
	// dose of a named treatment, with no price beside it, in a sentence
	// about someone; "a typical treatment uses 20 units of Dysport" is not.
	about := f.you || f.name || f.third || pp.addressed || pp.sentenceHas(s, cDemonstratives)
	if about && to+1 < len(d.Words) && pp.sameClause(i, to+1) && d.Words[to].Lower == "of" && !pp.hasAmount(s) && !f.offer && !f.generic {
		if m := pp.care(to + 1); m.From >= 0 && (m.List == care.Medications.ID || m.List == care.Procedures.ID) && !pp.ambiguousCare(m) {
			return i, m.To
		}
	}
	took := false // "got", "had", "received" between the person and the dose
	for k := i - 1; k >= 0 && k >= i-3 && pp.sameClause(i, k); k-- {
		switch {
		case pp.is(k, cGenericOwned):
			return 0, 0
		case d.Is(k, possessives):
			return k, to
		case pp.is(k, cDeterminers) && to+1 < len(d.Words) && d.Words[to].Lower == "of" && pp.care(to+1).List == care.Medications.ID && pp.care(to+1).From >= 0:
			return k, pp.care(to + 1).To // "the 100 mg of sertraline"
		case d.Is(k, eventVerbs):
			took = true
		case took && pp.is(k, cYouSubjects):
			return k, to // "you got 20 units"
		}
	}
	return 0, 0
}

// counterfactualAt reads a blaming past counterfactual at "if" (word i):
// "if you had kept your appointments", "if you showed up on time you
// wouldn't have been rescheduled", "si hubieras usado las ligas". The
// if-clause must be about the person and their care or attendance, and
// the sentence must say what did not happen (a past perfect after "if",
// or "would have" + participle): "if you had let us know we could have
// helped" names no care, and "if you floss daily you'll have healthier
// gums" is advice.
func (pp *phiPass) counterfactualAt(i int) (from, to int, perfect bool) {
	d := pp.d
	s := d.Words[i].Sentence
	subj := i + 1
	if !pp.sameClause(i, subj) {
		return 0, 0, false
	}
	switch w := d.Words[subj].Lower; {
	case inSet(d, subj, cfSubjects):
		perfect = strings.HasSuffix(w, "'d") && pastDone(d, subj+1) // "if she'd worn them"
		// "maybe if you followed the sheet": a bare past of care kept
		// after "maybe" blames as a past perfect does; "maybe if you
		// filled out the form" is no care.
		perfect = perfect || i > 0 && inSet(d, i-1, cfLeads) && inSet(d, subj+1, complianceVbs)
	case inSet(d, subj, cfHad):
		perfect, subj = pastDone(d, subj+1), i // "si hubieras usado" (the subject is in the verb)
	default:
		return 0, 0, false
	}
	cared := false
	end := subj + 1
	for k := subj + 1; k <= subj+6 && pp.sameClause(i, k) && !inSet(d, k, cfModals); k++ {
		if inSet(d, k, cfHad) && k <= subj+2 && pastDone(d, k+1) {
			perfect = true // "if you had kept", "if you hadn't no-showed"
		}
		if inSet(d, k, complianceVbs) || pp.care(k).From >= 0 || d.Is(k, intlCare) {
			cared = true
		}
		end = k + 1
	}
	// "... you wouldn't have been rescheduled", before or after the if-clause.
	cf := -1
	sp := d.SentWords[s]
	for k := sp.Start; k < sp.End && cf < 0; k++ {
		p := -1
		switch {
		case inSet(d, k, cfModals) && inSet(d, k+1, cfHave) && k+1 < sp.End:
			p = k + 2
		case inSet(d, k, cfHave) && strings.HasSuffix(d.Words[k].Lower, "'ve"):
			p = k + 1 // "would've healed"
		}
		if p < 0 || p >= sp.End || !participle(d, p) {
			continue
		}
		cf = k
		if d.Words[p].Lower == "been" && p+1 < sp.End {
			p++ // "wouldn't have been rescheduled"
		}
		if k > i {
			end = max(end, p+1)
		}
	}
	if !cared || !perfect && cf < 0 {
		return 0, 0, false
	}
	from = i
	if cf >= 0 && cf < i {
		from = cf
		for from > sp.Start && from > cf-3 && pp.sameClause(cf, from-1) {
			from-- // "your implant wouldn't have failed if …"
		}
	}
	return from, end, perfect
}

// pastDone reports a participle or a compliance verb at word k: what
// "had" makes a past perfect of ("had kept"), not a thing had ("had braces").
func pastDone(d *lex.Doc, k int) bool {
	return k < len(d.Words) && (participle(d, k) || inSet(d, k, complianceVbs) || strings.HasSuffix(d.Words[k].Lower, "ado") || strings.HasSuffix(d.Words[k].Lower, "ido"))
}

// participle reports a past participle at word k: "-ed", or an irregular one.
func participle(d *lex.Doc, k int) bool {
	w := d.Words[k].Lower
	return len(w) > 4 && strings.HasSuffix(w, "ed") || inSet(d, k, irregularPart)
}

// givenAt reads care the practice gave, pointed at by a relative clause,
// at the act verb i: "the drops Dr. Sato gave you", "the CT we did
// Saturday", "the crown Dr. Mehta recommended", "the stretches we showed
// her". The clause must hold a care word or give to the person: "the
// video we made" and "the email we sent everyone" are anyone's.
func (pp *phiPass) givenAt(i int) (from, to int) {
	d := pp.d
	if pp.conditional(i) {
		return 0, 0
	}
	// The subject: "we", "I", "Dr. Sato", "our NP".
	subj := -1
	switch {
	case d.Is(i-1, practice.FirstPersonSubjects) && pp.sameClause(i-1, i):
		subj = i - 1
	case i >= 2 && pp.sameClause(i-2, i) && (d.Is(i-2, practice.StaffTitles) && pp.is(i-1, cCapital) || pp.is(i-2, cOurWords)):
		subj = i - 2
	case i >= 3 && pp.sameClause(i-3, i) && d.Is(i-3, practice.StaffTitles) && d.Words[i-2].Lower == "." && pp.is(i-1, cCapital):
		subj = i - 3
	}
	if subj < 1 {
		return 0, 0
	}
	// The determiner that points at what was given, one to three words before.
	det := -1
	for k := subj - 1; k >= 0 && k >= subj-3 && pp.sameClause(k, i); k-- {
		if pp.is(k, cDeterminers) && !pp.is(k, cSeenPersons) {
			det = k
			break
		}
		if d.Is(k, youWords) || d.Is(k, practice.FirstPersonSubjects) {
			return 0, 0
		}
	}
	if det < 0 || det == subj-1 {
		return 0, 0
	}
	to = i + 1
	person := false
	if pp.sameClause(i, i+1) {
		switch {
		case inSet(d, i+1, givenAnyone):
			return 0, 0
		case inSet(d, i+1, givenPreps) && !pp.is(i+2, cSeenPersons):
			return 0, 0
		case pp.is(i+1, cSeenPersons) || d.Is(i+1, youWords):
			person, to = true, i+2
		}
	}
	cared := person
	for k := det + 1; k < subj && !cared; k++ {
		cared = pp.care(k).From >= 0
	}
	if !cared {
		return 0, 0
	}
	return det, to
}

// birthAt reads a birth the practice is part of at the verb i: "can't wait
// to meet baby", "meet the twins", "an honor to deliver her".
func (pp *phiPass) birthAt(i int) (from, to int) {
	d := pp.d
	if pp.conditional(i) || !pp.sameClause(i, i+1) {
		return 0, 0
	}
	k := i + 1
	if w := d.Words[i].Lower; w != "meet" && pp.is(k, cSeenPersons) && !d.Is(k, youWords) {
		return i, k + 1 // "deliver her"
	}
	if d.Is(k, youWords) || pp.is(k, cDeterminers) && !pp.is(k, cSeenPersons) {
		k++ // "meet your baby", "meet the twins"
	}
	if m, ok := d.LongestAt(k, newborns.Group); ok && pp.sameClause(i, k) {
		return i, m.To
	}
	return 0, 0
}

// relayAt reads a staff member passing on how the person was at their
// visit, at the verb i: "Pam says you were a champ", "Nurse Becky said
// Marcus was the bravest", "Dr. Lin says he did great", and a remark on
// something of the reader's: "Dr. Lin said your veins were easy", "Jo
// says hi and that your knee is healing", "she said your stitches look
// great". Only a named speaker passes on how "you" were: "she says you
// were yelling" is a rebuttal repeating hearsay. The person must be how
// someone was, not what anyone may do ("Dr. Patel says the door is always
// open", "Kim says you can call anytime"), and the reader's own post
// ("Sam said your review was lovely") is not their visit.
func (pp *phiPass) relayAt(i int) (from, to int) {
	d := pp.d
	if i == 0 || pp.conditional(i) || !pp.sameClause(i-1, i) {
		return 0, 0
	}
	from = i - 1
	named := pp.is(i-1, cCapital) && !pp.is(i-1, cCommonCapitals) && !d.Is(i-1, thirdWords) && !inSet(d, i-1, cfSubjects)
	switch {
	case named:
		if d.Is(i-2, practice.StaffTitles) && pp.sameClause(i-2, i) {
			from = i - 2 // "Dr. Lin says", "Nurse Becky said"
		}
	case d.Is(i-1, thirdWords) && inSet(d, i-1, cfSubjects): // "she said"
	default:
		return 0, 0
	}
	p := i + 1
	if !pp.sameClause(i, p) {
		return 0, 0
	}
	if d.Is(p, greetingWords) && pp.sameClause(i, p+2) && d.Words[p+1].Lower == "and" {
		p += 2 // "says hi and that ..."
	}
	if inSet(d, p, relayThats) && pp.sameClause(i, p+1) {
		p++
	}
	w := d.Words[p].Lower
	switch {
	case pp.is(p, cOwnerYour):
		// "your veins were", "your mom Edna was", "your settings from the
		// 14th are"
		for k := p + 1; k <= p+6 && pp.sameClause(i, k); k++ {
			if pp.isPost(k) || pp.staff[k] {
				return 0, 0
			}
			if inSet(d, k, relayOwnedStates) {
				return from, k + 1
			}
		}
	case !named:
	case inSet(d, p, cfSubjects) || pp.is(p, cCapital) && (pp.knownName(p) || d.Is(p, firstNames)):
		if pp.sameClause(i, p+1) && inSet(d, p+1, relayStates) {
			return from, p + 2
		}
	case named && (strings.HasSuffix(w, "'re") || strings.HasSuffix(w, "'s") && (d.Is(p, thirdWords) || pp.is(p, cCapital))):
		return from, p + 1 // "you're her easiest patient"
	}
	return 0, 0
}

// countedCareAt reads a counted course of someone's care at the count word
// i: "2 years of braces", "only 3 more months of those brackets", "six
// months of weekly sessions", "2 more trays of Invisalign", "42 trays
// later", "6 crowns and a bridge later". The "of" form must be about a
// person; statements about most patients, offers and conditions are
// anyone's.
func (pp *phiPass) countedCareAt(i int) int {
	d := pp.d
	k := i + 1
	if pp.sameClause(i, k) && d.Words[k].Lower == "more" {
		k++ // "3 more months"
	}
	// Most counts count no care: the cheap tests first.
	if !pp.sameClause(i, k) || !d.Is(k, courseUnits) && pp.care(k).From < 0 {
		return 0
	}
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if f.generic || f.genericStatement || pp.speculative(s) || pp.conditional(i) || pp.standingOffer(s) || pp.hasAmount(s) {
		return 0
	}
	person := f.you || f.name || f.third || f.empathy || pp.addressed
	// "<count> <unit|care> of [those|the|weekly] <care>"
	if (d.Is(k, courseUnits) || pp.care(k).From >= 0) && pp.sameClause(i, k+1) && d.Words[k+1].Lower == "of" && person {
		for c := k + 2; c <= k+3 && pp.sameClause(i, c); c++ {
			if m := pp.care(c); m.From >= 0 && m.List != care.Clinicians.ID && m.List != care.Billing.ID && !pp.staff[c] {
				return m.To
			}
		}
		return 0
	}
	// "<count> <care> [and a <care>] later"
	if m := pp.care(k); m.From >= 0 && m.List != care.Clinicians.ID && m.List != care.Billing.ID {
		for e := m.To; e <= m.To+3 && pp.sameClause(i, e); e++ {
			if d.Words[e].Lower == "later" && (pp.endsClause(e) || d.Words[e+1].Lower == "and") {
				return e + 1
			}
		}
	}
	return 0
}

// patientGroupAt counts the person among the practice's patients, at the
// patient noun i: "two of our favorite patients", "one of our very first
// patients", "one of my first patients", "happy patients like you", or at
// another name for the practice's own (groupPersons): "one of our
// favorites". "All of our patients", "most of
// our patients" and "every one of our patients" describe the practice, and
// "one of our patients asked…" with no one addressed tells of someone else.
func (pp *phiPass) patientGroupAt(i int) (from, to int) {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	// ("patients" makes every such sentence generic: the counts tell.)
	if pp.conditional(i) || f.offer {
		return 0, 0
	}
	// "patients like you"; "patients like you can book online" invites.
	// "Families like yours make our day" thanks anyone who writes.
	if d.Is(i, patientNouns) && pp.sameClause(i, i+2) && d.Words[i+1].Lower == "like" && d.Is(i+2, youWords) && !pp.is(i+3, cOfferModals) {
		from = i
		if pp.sameClause(i-1, i) && !pp.is(i-1, cOurWords) && !d.Is(i-1, words.Negators) {
			from = i - 1 // "happy patients like you"
		}
		return from, i + 3
	}
	// The person: addressed, named or referred to in the sentence, or
	// named as the subject right before: "Harold is one of our favorites".
	person := f.you || f.name || f.third || pp.addressed
	for k := i - 1; k >= 2 && k >= i-4 && pp.sameClause(k, i); k-- {
		o := k // the owner's first word: "our", "my", or "Dr" in "Dr Feld's"
		if !pp.is(k, cOurWords) && !pp.is(k, cWriterSelf) {
			if !strings.HasSuffix(d.Words[k].Lower, "'s") || !d.Is(k-1, titles) || k < 3 {
				continue
			}
			o = k - 1 // "one of Dr Feld's favorite patients": a clinician's own
		}
		if d.Words[o-1].Lower == "of" && inSet(d, o-2, groupCounts) && pp.sameClause(o-2, i) && !d.Is(o-3, recurrence) &&
			(person || o >= 4 && inSet(d, o-3, stayBe) && pp.sameClause(o-4, o) && pp.namedSubject(o-4) && !pp.staffNews(o)) {
			return o - 2, i + 1
		}
		return 0, 0
	}
	return 0, 0
}

// lastTimeAt reads the person's previous occasion with the practice, at
// "last time" (word i): "you flinched last time too", "she needed two
// tries last time", "same dose as last time", "lower than last time" in
// a reply to someone. The person is the clause's subject before it, or
// the sentence speaks to or of someone. "The last time I checked" and
// "last time we posted" tell of the writer; "last time you were here" is
// a relationship phrase already; "if it's like last time" is a condition.
func (pp *phiPass) lastTimeAt(i int) (from, to int) {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	to = i + 2
	if pp.conditional(i) || f.offer || f.generic || f.genericStatement || f.ifYou || pp.speculative(s) || pp.standingOffer(s) {
		return 0, 0
	}
	if pp.sameClause(i, to) && (d.Is(to, practice.FirstPersonSubjects) || d.Is(to, youWords)) {
		return 0, 0
	}
	// The subject: "you", "she", "he" earlier in the clause.
	for k := i - 1; k >= 0 && k >= i-8 && pp.sameClause(k, i); k-- {
		if (d.Is(k, youWords) || d.Is(k, thirdWords)) && !d.Is(k, possessives) && !pp.staff[k] {
			return k, to
		}
	}
	if !(f.you || f.third || f.name || pp.addressed) {
		return 0, 0
	}
	if i > 0 && inSet(d, i-1, lastTimeLinks) && pp.sameClause(i-1, i) {
		from = i - 1
		if i > 1 && pp.sameClause(i-2, i) {
			from = i - 2 // "same as", "better than"
		}
		return from, to
	}
	return i, to
}

// conductAt reads how the person came to or left a visit, measured, at
// the visit verb i: "you left after 90 minutes", "you showed up 40
// minutes late", "someone who no-showed twice", "you've only been in 3
// times this year". A rebuttal that tells the reader's own visit history
// discloses it. The person is "you" or "someone who" just before the
// verb; the measure (minutes, late, twice, times) follows in its clause.
// "If you arrive late we rebook you" is a policy, "you left us a review
// twice" their post.
func (pp *phiPass) conductAt(i int) (from, to int) {
	d := pp.d
	f := &pp.flags[d.Words[i].Sentence]
	if pp.conditional(i) || f.generic || f.genericStatement {
		return 0, 0
	}
	// A guess in the verb's own clause ("maybe you left early"); one
	// elsewhere in the sentence ("so no one could call you") is not it.
	c, _ := pp.clauseWords(i)
	for k := c; k < i; k++ {
		if d.Is(k, speculation) {
			return 0, 0
		}
	}
	from = -1
	for k := i - 1; k >= 0 && k >= i-3 && pp.sameClause(k, i); k-- {
		// "you", "you've"; not "you'll" or "you'd", what may happen.
		if w := d.Words[k].Lower; d.Is(k, youWords) && !d.Is(k, possessives) && !pp.is(k, cOwnerYour) && !strings.HasSuffix(w, "ll") && !strings.HasSuffix(w, "'d") {
			from = k
			break
		}
		if d.Words[k].Lower == "who" && k > 0 && inSet(d, k-1, someoneWords) {
			from = k - 1 // "someone who"
			break
		}
		if !d.Is(k, historyFillers) {
			return 0, 0
		}
	}
	if from < 0 {
		return 0, 0
	}
	for k := i + 1; k <= i+7 && pp.sameClause(i, k); k++ {
		if pp.isPost(k) {
			return 0, 0
		}
		if inSet(d, k, conductMeasures) {
			return from, k + 1
		}
	}
	return 0, 0
}

// privilegeAt reads a carer's gratitude for caring for someone, at the
// gratitude word i: "an honor to care for your dad", "so lucky to care for
// three generations of the Whitaker family", "honored to be with your
// family". "We'd be honored to care for your family" offers, and "a
// privilege to care for our community" names no one.
func (pp *phiPass) privilegeAt(i int) (from, to int) {
	d := pp.d
	if pp.conditional(i) || !pp.sameClause(i, i+2) || d.Words[i+1].Lower != "to" {
		return 0, 0
	}
	for k := i - 1; k >= 0 && k >= i-4 && pp.sameClause(k, i); k-- {
		if w := d.Words[k].Lower; pp.is(k, cOfferModals) || strings.HasSuffix(w, "'d") || strings.HasSuffix(w, "'ll") {
			return 0, 0
		}
	}
	m, ok := d.LongestAt(i+2, careForVerbs.Group)
	if !ok && d.Is(i+2, walkVerbs) {
		// "to walk beside you through your treatment": the person and
		// "through" in the clause.
		person, through := -1, false
		for k := i + 3; k <= i+9 && pp.sameClause(i, k); k++ {
			if d.Is(k, youWords) || pp.is(k, cSeenPersons) || pp.nameAt(k) {
				person = k
			}
			through = through || d.Words[k].Lower == "through"
		}
		// Only of care already given ("it was", "it has been"): "we are
		// honored to walk alongside you through every step" is a slogan.
		past := false
		for k := i - 1; k >= 0 && k >= i-3 && pp.sameClause(k, i); k-- {
			past = past || d.Is(k, historyBe)
		}
		if person > 0 && through && past {
			return i, person + 1
		}
		return 0, 0
	}
	if !ok {
		return 0, 0
	}
	for k := m.To; k <= m.To+5 && pp.sameClause(i, k); k++ {
		switch {
		case pp.is(k, cOurWords):
			return 0, 0 // "our community"
		case d.Is(k, youWords) || pp.is(k, cSeenPersons) || d.Is(k, thirdWords) || d.Is(k, care.Family) || pp.is(k, cFamilyWord) ||
			pp.nameAt(k):
			return i, k + 1
		}
	}
	return 0, 0
}

// movedAt reads the practice moving the person on its calendar, at the
// verb i: "moved you to 9:30", "rescheduled Aiden for Monday the 9th",
// "booked her in for tomorrow". The time must follow; "we can book you"
// offers, and "to book you" is what someone wants.
func (pp *phiPass) movedAt(i int) (from, to int) {
	d := pp.d
	if pp.unrealised(i) {
		return 0, 0
	}
	p := i + 1
	if !pp.sameClause(i, p) || !(pp.is(p, cSeenPersons) || d.Is(p, youWords) || pp.nameAt(p)) {
		return 0, 0
	}
	for k := p + 1; k <= p+4 && pp.sameClause(i, k); k++ {
		if d.Is(k, weekdays) || d.Is(k, months) || d.Is(k, timeAnchors) || text.IsDigit(d.Words[k].Lower[0]) {
			return i, k + 1
		}
	}
	return 0, 0
}

// staffNews reports a sentence about the practice's staff ("Kayla
// started in March and is our newest hygienist"): its names are staff.
func (pp *phiPass) staffNews(i int) bool {
	s := pp.d.Words[i].Sentence
	return pp.sentenceHas(s, cStaffRoles) && pp.sentenceHas(s, cOurWords)
}

// namedSubject reports a capitalised word i that names a person who is
// not staff, as the subject of what follows: "Mr. Okafor missed three
// appointments", "Liam was seen twice that week". A name after a title
// ("Dr. Lee") is a clinician's.
func (pp *phiPass) namedSubject(i int) bool {
	d := pp.d
	if pp.staff[i] || d.Is(i-1, practice.StaffTitles) || d.Is(i-2, practice.StaffTitles) && d.Words[i-1].Lower == "." {
		return false
	}
	if d.Is(i-1, honorifics) && pp.sameClause(i-1, i) {
		return true // "Mrs. Alvarez", whoever she is
	}
	return pp.knownName(i) && !d.Is(i, practice.StaffTitles)
}

// rankedAt reads a person ranked among those the practice has seen, at the
// person noun i: "the sharpest patient we have", "one of the bravest kids
// we've ever had", "the cutest baby we've ever seen".
func (pp *phiPass) rankedAt(i int) (from, to int) {
	d := pp.d
	if pp.conditional(i) {
		return 0, 0
	}
	from = -1
	for k := i - 1; k >= 0 && k >= i-4 && pp.sameClause(k, i); k-- {
		if w := d.Words[k].Lower; inSet(d, k, rankingWords) || len(w) > 4 && strings.HasSuffix(w, "est") {
			from = k
			break
		}
	}
	if from < 0 || !pp.sameClause(i, i+2) {
		return 0, 0
	}
	if k := i + 1; d.Is(k, practice.FirstPersonSubjects) || d.Is(k, thirdWords) && strings.HasSuffix(d.Words[k].Lower, "'s") {
		if inSet(d, k+1, rankerVerbs) || strings.HasSuffix(d.Words[k].Lower, "'ve") || strings.HasSuffix(d.Words[k].Lower, "'s") {
			return from, k + 2
		}
	}
	return 0, 0
}

// wordSet holds single words compared with one word of a reply at a time:
// function words ("on", "had", "would") read at one position, which as
// vocabulary would add a match on most lines. lex.WordSet tests a bit of
// the word's hash first, so the many words in no set cost no compare.
type wordSet = *lex.WordSet

func newWordSet(data string) wordSet { return lex.NewWordSet(lex.Data(data)) }

// inSet reports whether word i of d is in set ws (false out of range).
func inSet(d *lex.Doc, i int, ws wordSet) bool {
	return uint(i) < uint(len(d.Words)) && ws.Has(&d.Words[i])
}

// unrealised reports that the verb at i is a condition, an offer or a
// purpose ("if we moved you", "we can book you", "to book you"), not
// something the practice did.
func (pp *phiPass) unrealised(i int) bool {
	return pp.conditional(i) || i > 0 && (pp.is(i-1, cOfferModals) || pp.d.Words[i-1].Lower == "to")
}

// bareContactSubject returns where the subject of a counted contact with
// no one after the verb i starts, or -1: the practice counting its tries
// in answer to someone's comment ("we called twice", "we mailed three
// statements"; with no comment, whom it called is unknown) or the person
// told they were tried ("you were called three times"). "We'll text
// twice" promises.
func (pp *phiPass) bareContactSubject(i int) int {
	d := pp.d
	if i == 0 || !pp.sameClause(i-1, i) {
		return -1
	}
	if w := d.Words[i-1].Lower; d.Is(i-1, practice.FirstPersonSubjects) {
		if pp.comment == nil || strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "'d") {
			return -1
		}
		return i - 1
	} else if w == "been" {
		return -1
	}
	return pp.personBe(i - 1)
}
