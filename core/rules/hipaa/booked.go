package hipaa

import "github.com/replyguard/replyguard/core/text"

// Spanish bookings: a word of booking someone or noting them down
// ("programada", "agendé", "anotado") after a reference to the reader in
// its clause is the reader's visit, as "su cita" is: "su mamá ya está
// programada para el miércoles", "ya te agendé con Ana", "usted ya quedó
// anotado". The same words date an event for anyone ("el taller está
// programado para el sábado"), so the reference must come first.
var intlBooked = &cueLists[listIntlBooked]

// intlBookedAt reads the booking at word i: the reader ("su", "tu", "te",
// "usted") up to four words before it in its clause, not in a condition
// or an offer ("si necesita, queda programada su cita").
func (pp *phiPass) intlBookedAt(i int) (from, to int) {
	d := pp.d
	if pp.conditional(i) || d.Contains(intlOffer) {
		return 0, 0
	}
	for k := i - 1; k >= 0 && k >= i-4 && pp.sameClause(k, i); k-- {
		if pp.is(k, cIntlPossessives) && !inSet(d, k, intlOwnerLookalikes) || d.Is(k, intlYou) {
			return k, i + 1
		}
	}
	return 0, 0
}

// Timed records: a record the practice keeps cited as showing something at
// a clock time or on a day of a month ("the door log shows a ring at
// 10:05", "our system shows a delivery on June 2", "the visit log shows the
// therapist left at 4:40") reads out one person's visit or contact, with or
// without "our" and whether or not it names them. The practice's hours and
// open slots ("the system shows openings at 3:30") are anyone's.

// recordTimeAt reads the timed record at the record noun i: a record verb
// right after it, then a clock time or a day of a month later in its
// sentence, and no word of the practice's schedule.
func (pp *phiPass) recordTimeAt(i int) (from, to int) {
	d := pp.d
	if !pp.sameClause(i, i+1) || !inSet(d, i+1, recordVerbs) || pp.conditional(i) {
		return 0, 0
	}
	s := d.Words[i].Sentence
	timed := false
	for k := i + 2; k < d.SentWords[s].End; k++ {
		if d.Is(k, scheduleWords) {
			return 0, 0
		}
		if timed {
			continue
		}
		w := d.Words[k].Lower
		switch {
		case text.IsDigit(w[0]):
			timed = isTimeWord(d, k) || isOrdinalDay(w)
		case d.Is(k, months) && pp.is(k, cCapital):
			timed = k+1 < d.SentWords[s].End && isDayNumber(d.Words[k+1].Lower)
		}
	}
	if !timed {
		return 0, 0
	}
	from = i
	if i > 0 && pp.is(i-1, cOurWords) && pp.sameClause(i-1, i) {
		from = i - 1
	}
	return from, i + 2
}

// Spanish recurring visits: the person, then a form of "come", then a
// recurring day ("usted ya viene los martes", "Diego viene los martes",
// "venía cada semana") tells that they are seen here regularly. The
// practice's staff ("la Dra. Ruiz viene los jueves") and anyone unnamed
// ("nuestra terapeuta viene los lunes") are no patients.
var (
	intlComeVerbs   = &cueLists[listIntlComeVerbs]
	intlRecurUnits  = &wordSets[listIntlRecurUnits]
	intlRecurLeads  = &wordSets[listIntlRecurLeads]
	intlRecurFiller = &wordSets[listIntlRecurFillers]
)

// intlRecurringAt reads the recurring visit at the verb i and returns the
// person and the end of the day phrase, or zeros.
func (pp *phiPass) intlRecurringAt(i int) (from, to int) {
	d := pp.d
	if pp.conditional(i) || d.Contains(intlOffer) {
		return 0, 0
	}
	from = -1
	for k := i - 1; k >= 0 && k >= i-3 && pp.sameClause(k, i); k-- {
		switch {
		case inSet(d, k, intlRecurFiller):
			continue
		case d.Is(k, intlYou) && !pp.is(k, cIntlPossessives):
			from = k // "usted", "tú"
		case pp.is(k, cCapital) && pp.namedSubject(k):
			from = k
		case inSet(d, k, intlRelatives) && k > 0 && pp.is(k-1, cIntlPossessives):
			from = k - 1 // "su hijo"
		}
		break
	}
	if from < 0 {
		return 0, 0
	}
	for k := i + 1; k <= i+3 && pp.sameClause(i, k+1); k++ {
		if inSet(d, k, intlRecurLeads) && (d.Is(k+1, intlDays) || inSet(d, k+1, intlRecurUnits)) {
			return from, k + 2
		}
	}
	return 0, 0
}

// Spanish slots: one weekday and an hour ("el martes a las 3", "al sábado
// 15 a las 9") in a sentence that ties them to someone before the day, by
// a reference to the reader ("su", "usted", "te"), an object pronoun ("lo
// espera", "le tenemos la cita"), a relative ("a su mamá"), a name that is
// not staff ("a Sofía") or "come" said to the reader ("venga el lunes a
// las 3"), is a visit booked for them, as "you're down for Friday at 11"
// is. A class, a talk, the practice's hours, an offer, an invitation to
// book ("agende su cita") and "los martes" (every week) are anyone's.
var (
	intlSlotDays   = &cueLists[listIntlSlotDays]
	intlSlotTies   = &wordSets[listIntlSlotTies]
	intlSlotEvents = &cueLists[listIntlSlotEvents]
)

// intlSlotAt reads the slot at the weekday i and returns the article
// before it and the end of the hour, or zeros.
func (pp *phiPass) intlSlotAt(i int) (from, to int) {
	d := pp.d
	if i == 0 || !pp.sameClause(i-1, i) || d.Words[i-1].Lower != "el" && d.Words[i-1].Lower != "al" {
		return 0, 0
	}
	if pp.conditional(i) || d.Contains(intlOffer) || d.Contains(intlSlotEvents) {
		return 0, 0
	}
	for k := i + 1; k <= i+2 && pp.sameClause(i, k+2); k++ {
		if d.Words[k].Lower == "a" && (d.Words[k+1].Lower == "las" || d.Words[k+1].Lower == "la") && text.IsDigit(d.Words[k+2].Lower[0]) {
			to = k + 3
			break
		}
	}
	s := d.Words[i].Sentence
	if to == 0 || pp.sentenceHas(s, cIntlCallVerbs|cIntlCtaVerbs) {
		return 0, 0
	}
	for k := d.SentWords[s].Start; k < i-1; k++ {
		if inSet(d, k, intlSlotTies) || d.Is(k, intlYou) || inSet(d, k, intlRelatives) ||
			pp.is(k, cCapital) && pp.namedSubject(k) && (k == 0 || d.Words[k-1].Lower != "con") {
			return i - 1, to
		}
	}
	return 0, 0
}

// A slot to come at: "come in Friday at 11", "stop by tomorrow at 9",
// "bring her by Thursday at 4". A day and a clock time given to the reader
// to come are a visit arranged for them, as "you're down for Friday at 11"
// is; an event anyone may come to ("come by Saturday at 10 for our open
// house"), a condition and an offer are not.
var (
	slotComeVerbs    = &cueLists[listSlotComeVerbs]
	slotPublicEvents = &cueLists[listSlotPublicEvents]
	slotParticles    = &wordSets[listSlotParticles]
	slotDayLeads     = &wordSets[listSlotDayLeads]
	slotDayParts     = &wordSets[listSlotDayParts]
)

// comeSlotAt reads the slot at the verb i and returns the verb and the
// end of the time, or zeros.
func (pp *phiPass) comeSlotAt(i int) (from, to int) {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if pp.unrealised(i) || f.offer || f.generic || f.ifYou || d.Contains(slotPublicEvents) {
		return 0, 0
	}
	j := i + 1
	if d.Words[i].Lower == "bring" {
		j++ // "bring her by", "bring Leo in"
	}
	if !pp.sameClause(i, j) || !inSet(d, j, slotParticles) {
		return 0, 0
	}
	k := j + 1
	if pp.sameClause(i, k) && inSet(d, k, slotDayLeads) {
		k++
	}
	if !pp.sameClause(i, k) || !d.Is(k, weekdays) && d.Words[k].Lower != "tomorrow" {
		return 0, 0
	}
	k++
	if pp.sameClause(i, k) && inSet(d, k, slotDayParts) {
		k++
	}
	if !pp.sameClause(i, k+1) || d.Words[k].Lower != "at" && d.Words[k].Lower != "around" || !text.IsDigit(d.Words[k+1].Lower[0]) {
		return 0, 0
	}
	to = k + 2
	if pp.sameClause(i, to) && pp.is(to, cClockWords) {
		to++
	}
	return i, to
}
