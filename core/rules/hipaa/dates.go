package hipaa

import (
	"strings"

	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/text"
)

// Visit dates and times are analysis.PHI ("your 3pm on March 4", "last Tuesday");
// practice schedules are not ("closed December 25", "open Saturdays").

var months = &vocabLists[listMonths]

// ambiguousMonths are months that are everyday words too ("you may", "march").
var ambiguousMonths = &vocabLists[listAmbiguousMonths]

var weekdays = &vocabLists[listWeekdays]

// relativeDays name a day or a visit relative to now: "yesterday", "last
// Tuesday", "the other day".
var relativeDays = &vocabLists[listRelativeDays]

// Words around dates and times.
var (
	clockSuffixes   = dataLists[listClassClockWords]
	ordinalSuffixes = dataLists[listOrdinalSuffixes]
)

// scheduleWords mark a sentence about the practice's calendar, not a visit.
var scheduleWords = &vocabLists[listScheduleWords]

// pastVisitWords mark a sentence about something that already happened to the reader.
var pastVisitWords = &vocabLists[listPastVisitWords]

// dateHit decides whether a date at span is a visit date tied to the reader.
func (pp *phiPass) dateHit(sp text.Span) bool {
	i := pp.d.WordAt(sp.Start)
	if i < 0 {
		return false
	}
	f := &pp.flags[pp.d.Words[i].Sentence]
	// A date is a visit date only when the sentence is about a person, and
	// not about the practice's calendar.
	if f.schedule && !f.you || !(f.you || f.name || f.third || f.empathy) || !f.pastVisit || pp.eventInClause(i) || pp.standingInClause(i) {
		return false
	}
	// Nor in a clause about the practice's own doings, with the person
	// not in it: "our phones were down this morning", "we posted the
	// closure at 6am". An apology in the clause is about what the person
	// went through ("we're sorry about the wait yesterday"), not our doings.
	self := false
	from, to := pp.clauseWords(i)
	if pp.everyonesDate(from, to) || pp.outageDate(i) || pp.ourDoing(i) {
		return false
	}
	for k := from; k < to; k++ {
		if pp.d.Is(k, empathyWords) {
			return true
		}
		self = self || pp.is(k, cWriterSelf)
	}
	return !self || pp.clauseRefers(i) && !pp.onlyTheirPost(i)
}

// everyonesDate reports a clause (words from to to) about people in
// general with the reader not singled out: "fees rose for all members on
// May 1", "the portal failed for many of you at noon". The date is a
// change or an outage everyone met, not the person's visit; "your fee
// rose on May 1" still dates the reader's account.
func (pp *phiPass) everyonesDate(from, to int) bool {
	d := pp.d
	general := false
	for k := from; k < to; k++ {
		switch {
		case d.Is(k, youWords) && !(k > from && d.Words[k-1].Lower == "of"):
			return false // "of you" after "many" is the crowd
		case d.Is(k, possessives) || d.Is(k, thirdWords):
			return false
		case d.Is(k, peopleInGeneral) && !inSet(d, k, someoneWords):
			general = true // "someone" may be one person in particular
		}
	}
	return general
}

// ourDoing reports a time at word i whose nearest subject before it in
// its clause is the practice ("we", "I'm") with nobody, nothing of
// anyone's but what they wrote us ("I read your review this morning"),
// no care, no regret, contact, visit or booking between: "we
// lowered the hold music yesterday after a few of you asked", "we're
// moving the machine on Friday". The time dates what the practice did to
// its own things, whatever else the sentence says. "We'll see you
// Friday", "we're sorry for the wait this morning", "we called on 3/2",
// "we'll book both on Saturday" and "we fixed your aid Monday" keep theirs.
func (pp *phiPass) ourDoing(i int) bool {
	from, _ := pp.clauseWords(i)
	for k := i; k >= from; k-- {
		c2 := pp.class2(k)
		switch {
		case c2&c2SelfSubjects != 0:
			return true
		case c2&c2SelfDoingStops != 0 || pp.careIdx[k] >= 0 || (pp.refersAt(k) || pp.d.Is(k, possessives)) && !pp.isPost(k+1):
			return false
		}
	}
	return false
}

var outageNouns = &wordSets[listOutageNouns]

// outageDate reports a time at word i in a sentence about the practice's
// phones, lot, systems or the like, named there or in the sentence
// before ("our computer system went down this morning", "Our phones are
// back up. Sorry for the trouble yesterday!"), with no person and no care
// in the time's sentence: an outage or a full lot everyone met, told with
// its time, not the person's visit. "You", a possessive, a third person,
// a name or a care word there ("the portal was down, so your results came
// Monday") keeps it theirs.
func (pp *phiPass) outageDate(i int) bool {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if f.you || f.name || f.third || f.care || pp.named {
		return false
	}
	sw := d.SentWords[s]
	for k := sw.Start; k < sw.End; k++ {
		if d.Is(k, possessives) || d.Is(k, care.Family) || pp.vocative[k] {
			return false
		}
	}
	for t := max(s-1, 0); t <= s; t++ {
		for k := d.SentWords[t].Start; k < d.SentWords[t].End; k++ {
			if inSet(d, k, outageNouns) && !(k > 0 && d.Is(k-1, possessives)) {
				return true
			}
		}
	}
	return false
}

// eventInClause reports a gathering in word i's clause, which owns nothing
// of anyone's ("next group meets the 22nd at 9am", "the fair is Saturday at
// 9"): the time is the event's, not a visit's. "Skip spin class until
// your beta on Friday" dates the person's test.
func (pp *phiPass) eventInClause(i int) bool {
	d := pp.d
	from, to := pp.clauseWords(i)
	event := false
	for k := from; k < to; k++ {
		if pp.othersOwn(k) {
			return false
		}
		event = event || d.Is(k, threadEvents)
	}
	return event
}

// standingDays name days that recur ("Thursdays", "weekdays"): a time
// beside them keeps a standing schedule, as a range of weekdays does
// ("Monday through Friday", "Mon–Sat").
var standingDays = &wordSets[listStandingDays]

// standingInClause reports a recurring day or a range of weekdays in word
// i's clause, with no one's possessive there: "tours run weekdays at
// 2pm", "the group meets Monday to Thursday at 6:30" time the practice's
// calendar, anyone's to use; "your shots are Mondays at 9" still books
// the person's.
func (pp *phiPass) standingInClause(i int) bool {
	d := pp.d
	from, to := pp.clauseWords(i)
	standing := false
	for k := from; k < to; k++ {
		if pp.othersOwn(k) {
			return false
		}
		if standing || inSet(d, k, standingDays) {
			standing = true
			continue
		}
		if d.Is(k, weekdays) {
			n := k + 1
			if n < to && inSet(d, n, timeRangeLinks) {
				n++
			}
			standing = n < to && d.Is(n, weekdays)
		}
	}
	return standing
}

// postNouns are what a commenter wrote: plain words, not vocabulary, so
// they are no fact for the learned score.
var postNouns = dataLists[listPostNouns]

// isPost reports word k among postNouns.
func (pp *phiPass) isPost(k int) bool {
	return pp.among(k, postNouns)
}

// onlyTheirPost reports a clause whose only reference to the person is
// what they posted or gave us, and thanks: "we saw your comment this
// morning" dates our reading, not their visit.
func (pp *phiPass) onlyTheirPost(i int) bool {
	d := pp.d
	post := false
	from, to := pp.clauseWords(i)
	for k := from; k < to; k++ {
		switch {
		case d.Is(k, possessives) && (pp.isPost(k+1) || pp.isPost(k+2) && pp.sameClause(k, k+2)):
			post = true
		case d.Is(k, youWords) && startsAt(d, k-1, thankYou):
			// "thank you for your patience": thanks, no one's care
		case d.Is(k, youWords) || d.Is(k, thirdWords) || d.Is(k, care.Family) || pp.vocative[k]:
			return false
		}
	}
	return post
}

// dateWordHits finds "March 4", "4th of March", "last Tuesday", "yesterday",
// "on Monday" and "at 3pm" shapes tied to the reader's visit.
func (pp *phiPass) dateWordHits() []phiHit {
	d := pp.d
	hits := pp.bufs[bufDate][:0]
	n := len(d.Words)
	// Most replies name no month or weekday: one test per reply spares
	// the per-word ones.
	hasMonths, hasWeekdays := d.Contains(months), d.Contains(weekdays)
	for _, m := range d.Starts(relativeDays.Group) {
		to := max(pp.slotEnd(m.To), m.To) // "tomorrow at 3:15"
		if pp.contactTime(m.From, to-1) {
			continue
		}
		if sp := d.WordSpan(m.From, to); pp.dateHit(sp) {
			hits = append(hits, phiHit{sp, seen, srcDate, 0})
		} else if to > m.To && pp.slotTied(m.From) {
			hits = append(hits, phiHit{sp, seen, srcDate, 0})
		}
	}
	cues := pp.cues
	for i := 0; i < n; i++ {
		// A date starts at a month, a weekday or a time cue: most words
		// are none.
		if cues[i]&cueTime == 0 && !(hasMonths && d.Is(i, months)) && !(hasWeekdays && d.Is(i, weekdays)) {
			continue
		}
		var sp text.Span
		found, slot := false, 0
		switch {
		case hasMonths && d.Is(i, months):
			capital := d.Text[d.Words[i].Start] >= 'A' && d.Text[d.Words[i].Start] <= 'Z'
			if d.Is(i, ambiguousMonths) && !capital {
				break
			}
			if i+1 < n && isDayNumber(d.Words[i+1].Lower) && d.Words[i+1].Sentence == d.Words[i].Sentence {
				sp, found = d.WordSpan(i, i+2), true
				slot = pp.slotEnd(i + 2)
			} else if i >= 2 && d.Words[i-1].Lower == "of" && isDayNumber(d.Words[i-2].Lower) {
				sp, found = d.WordSpan(i-2, i+1), true
			}
		case hasWeekdays && d.Is(i, weekdays):
			from := i
			if pp.is(i-1, cWeekdayPrefixes) {
				from = i - 1
			}
			slot = pp.slotEnd(i + 1)
			if from == i && !(i+1 < n && isTimeWord(d, i+1)) {
				// A bare weekday is only a date with "last"/"on"/"your" or a
				// time; with a clock time after "at", slotTied decides.
				sp = d.WordSpan(i, i+1)
				break
			}
			sp, found = d.WordSpan(from, i+1), true
		case i > 0 && pp.cues[i]&cueTime != 0 && text.IsDigit(d.Words[i].Lower[0]) && isTimeWord(d, i) && (pp.is(i-1, cTimePrepositions) || strings.HasSuffix(d.Words[i-1].Lower, "'s")):
			sp, found = d.WordSpan(i, i+1), true
		}
		if found && pp.dateHit(sp) {
			if slot > 0 {
				sp.End = d.Words[slot-1].End // "Monday at 9", not "Monday"
				i = slot - 1
			}
			hits = append(hits, phiHit{sp, seen, srcDate, 0})
			continue
		}
		if slot > 0 && pp.slotTied(i) {
			sp.End = d.Words[slot-1].End
			hits = append(hits, phiHit{sp, seen, srcDate, 0})
			i = slot - 1
			continue
		}
		// Any other time, kept for when the reply discloses.
		if pp.cues[i]&cueTime == 0 {
			continue
		}
		if to, point := pp.timeAt(i); to > 0 {
			pp.keep(i, d.WordSpan(i, to), seen, point)
			i = to - 1
		}
	}
	pp.bufs[bufDate] = hits // the array is kept for the next check
	return hits
}

// slotEnd reads a clock time after a day that ends before word to: "Monday
// at 9", "March 4 at 9:45", "tomorrow at 3pm". It returns the word after the
// time, or 0 when none follows.
func (pp *phiPass) slotEnd(to int) int {
	d := pp.d
	if !pp.sameClause(to-1, to+1) || d.Words[to].Lower != "at" {
		return 0
	}
	h := to + 1
	if !isTimeWord(d, h) {
		if v, ok := text.Atoi(d.Words[h].Lower); !ok || v < 1 || v > 12 {
			return 0
		}
	}
	// "9:45" and "3 pm" are two words.
	if pp.sameClause(h, h+1) && isClass(d, h+1, cClockWords) || h+1 < len(d.Words) && d.Words[h+1].Start == d.Words[h].End+1 && d.Text[d.Words[h].End] == ':' {
		return h + 2
	}
	return h + 1
}

// slotTied reports a day and clock time at word i booked for a person: the
// person is in its clause ("you're down for Friday at 11", "we have her down
// for Tuesday at 4", "your fitting is March 3 at 10"), and the sentence
// is no offer, condition, statement about anyone, event or part
// of the practice's calendar ("we open Monday at 9", "join us Thursday at
// 6 for the open house").
func (pp *phiPass) slotTied(i int) bool {
	s := pp.d.Words[i].Sentence
	f := &pp.flags[s]
	if f.offer || f.schedule || f.genericStatement || pp.standingOffer(s) || pp.conditional(i) || pp.eventInClause(i) {
		return false
	}
	// The person by a pronoun, a family word or a greeting: a capital
	// in the clause is as often the day, a place or a staff member.
	d := pp.d
	from, to := pp.clauseWords(i)
	for k := from; k < to; k++ {
		if d.Is(k, youWords) && !startsAt(d, k-1, thankYou) || d.Is(k, thirdWords) || d.Is(k, care.Family) || pp.vocative[k] {
			return true
		}
	}
	return false
}

// oneCare reports whether sentence s has a care term that no "each",
// "every" or "any" spreads over everyone ("to make each visit calm" is
// the practice's work for all). Asked only here, for one sentence: set
// for every care word in newPHIPass it cost V8 ~11% of a check.
func (pp *phiPass) oneCare(s int) bool {
	d := pp.d
	for _, m := range pp.careList {
		switch ms := d.Words[m.From].Sentence; {
		case ms < s:
		case ms > s:
			return false
		case m.From == 0 || d.Words[m.From-1].Sentence != s || !pp.is(m.From-1, cAnyWords):
			return true
		}
	}
	return false
}

// keep keeps sp, a time or an amount starting in word i, for when the reply
// discloses: not in an offer, a slogan, a statement about people in
// general, a condition or the practice's calendar. In a sentence about the
// person or their care, or when it names a day, it is theirs; otherwise
// only next to another finding in its sentence (pp.near). Care under
// "each", "every" or "any" is everyone's: "every day we make each visit
// calm" tells the practice's routine, not when someone was seen.
func (pp *phiPass) keep(i int, sp text.Span, msg string, point bool) {
	s := pp.d.Words[i].Sentence
	f := &pp.flags[s]
	about := f.you || f.name || f.third || f.care && pp.oneCare(s)
	if f.offer || pp.standingOffer(s) || f.genericStatement || pp.conditional(i) || f.schedule && !about || pp.inTimeRange(i) || pp.contactTime(i, pp.d.WordAt(sp.End-1)) || pp.outageDate(i) {
		return
	}
	if about || point {
		pp.later = append(pp.later, phiHit{sp, msg, srcTimeLater, 0})
	} else {
		pp.near = append(pp.near, phiHit{sp, msg, srcTimeNear, 0})
	}
}

// contactTime reports a time (words i to last) that says when the person
// is to get in touch, an invitation to before it in its clause: "call our
// nurse line today", "please message us tonight". Not a call someone will
// make ("Dr. Gill will call you today" is about their results), nor "see"
// ("see us today" is a visit).
func (pp *phiPass) contactTime(i, last int) bool {
	d := pp.d
	if last < i || !inSet(d, last, contactTimes) {
		return false
	}
	from, _ := pp.clauseWords(i)
	for k := from; k < i; k++ {
		if d.Is(k, practice.ContactVerbs) && !d.Is(k, seeVerbs) && !(k > 0 && (pp.is(k-1, cOfferModals) || strings.HasSuffix(d.Words[k-1].Lower, "'ll"))) {
			return true
		}
	}
	return false
}

func isDayNumber(s string) bool {
	for _, suf := range ordinalSuffixes {
		if len(s) > len(suf) && s[len(s)-len(suf):] == suf {
			s = s[:len(s)-len(suf)]
			break
		}
	}
	v, ok := text.Atoi(s)
	return ok && v >= 1 && v <= 31
}

// isTimeWord reports "3pm", "3:30" (as "3" "30pm"), "10am" or "3 pm".
func isTimeWord(d *lex.Doc, i int) bool {
	w := d.Words[i].Lower
	if !text.IsDigit(w[0]) {
		return false
	}
	for _, suf := range clockSuffixes {
		if len(w) > len(suf) && w[len(w)-len(suf):] == suf {
			if _, ok := text.Atoi(w[:len(w)-len(suf)]); ok {
				return true
			}
		}
	}
	if _, ok := text.Atoi(w); ok && i+1 < len(d.Words) {
		if isClass(d, i+1, cClockWords) {
			return true
		}
		// "3:30" tokenises as "3", "30pm" / "30".
		if d.Words[i].End < len(d.Text) && d.Text[d.Words[i].End] == ':' {
			return true
		}
	}
	return false
}

// Times of someone's care, read once a reply discloses: "next week", "on
// the 3rd", "every other day", "in 2 weeks", "Friday", "in March".
var (
	timeSpans    = &cueLists[listTimeSpans]
	timeDeictics = &cueLists[listTimeDeictics]
	timeAnchors  = &cueLists[listTimeAnchors]
	// timeCourse: "4 more months", "2 sessions left" count down a course.
	timeCourse = &cueLists[listTimeCourse]
)

// timeAt reads a time expression starting at word i and returns the word
// after it, or 0; point when it names a day or a time ("Friday", "on the
// 3rd", "next week", "4 more months"), not a length ("for 2 weeks").
func (pp *phiPass) timeAt(i int) (to int, point bool) {
	d := pp.d
	w := d.Words[i].Lower
	switch {
	case d.Is(i, timeAnchors):
		return i + 1, true
	case d.Is(i, weekdays):
		// "wed", "mon" are words too: short forms only capitalised.
		if len(w) <= 4 && !pp.is(i, cCapital) {
			return 0, false
		}
		return i + 1, true
	case d.Is(i, months):
		if d.Is(i, ambiguousMonths) && !pp.is(i, cCapital) {
			return 0, false
		}
		if pp.sameClause(i, i+1) && isDayNumber(d.Words[i+1].Lower) {
			return i + 2, true
		}
		return i + 1, true
	case text.IsDigit(w[0]):
		if k := strings.IndexByte(w, '-'); k > 0 && timeSpans.Has(w[k+1:]) {
			return i + 1, false // "6-month"
		}
		if isOrdinalDay(w) || isTimeWord(d, i) {
			return i + 1, true
		}
		// "since 2019", "in 2021"
		if v, ok := text.Atoi(w); ok && len(w) == 4 && v >= 1950 && v <= 2039 && i > 0 && (d.Words[i-1].Lower == "since" || d.Words[i-1].Lower == "in") {
			return i + 1, true
		}
	case !d.Is(i, timeDeictics) && !pp.is(i, cCountWords):
		return 0, false
	}
	// A count or a deictic, maybe two ("this past", "every other", "next
	// two", "couple of", "4 more"), then a unit, a weekday or a month.
	point = d.Is(i, timeDeictics)
	k := i + 1
	for n := 0; n < 2 && pp.sameClause(i, k) && (d.Is(k, timeDeictics) || pp.is(k, cCountWords) || text.IsDigit(d.Words[k].Lower[0]) || d.Words[k].Lower == "of"); n++ {
		point = point || d.Is(k, timeCourse)
		k++
	}
	if !pp.sameClause(i, k) {
		return 0, false
	}
	if d.Is(k, timeSpans) || d.Is(k, weekdays) && pp.is(k, cCapital) || d.Is(k, months) && pp.is(k, cCapital) {
		return k + 1, point
	}
	return 0, false
}

// isOrdinalDay: "3rd", "28th", not "3".
func isOrdinalDay(w string) bool {
	return len(w) > 2 && !text.IsDigit(w[len(w)-1]) && isDayNumber(w)
}
