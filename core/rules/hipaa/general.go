package hipaa

import (
	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/lex/words"
	"github.com/replyguard/replyguard/core/text"
)

// What makes a time, a visit word or a name no one's in particular: the
// practice's hours and events, sympathy that hands the matter to a
// private channel.

var timeRangeLinks = &wordSets[listTimeRangeLinks]

// inTimeRange reports a time or day at word i that opens or closes a
// window ("8am to 6pm", "Monday through Thursday", "Mon–Sat",
// "8:00–17:00"): the practice's hours or an event's span. A visit is
// booked at a time, not across one. A span of days or weeks ("heals in
// 7–10 days") is a duration, and "until 4pm" after a room number ("OR 3
// until 4pm") ends no window: a window joined by a word opens on a clock
// time or a day.
func (pp *phiPass) inTimeRange(i int) bool {
	d := pp.d
	// a..b: the time's words ("8" "00" of "8:00").
	a, b := i, i
	if pp.colonAt(a - 1) {
		a--
	}
	if pp.colonAt(b) {
		b++
	}
	switch {
	case pp.windowSide(i, b+1, false) && pp.dashBetween(b, b+1):
		return pp.windowEnd(b + 1)
	case pp.windowSide(i, b+2, false) && inSet(d, b+1, timeRangeLinks) && pp.windowSide(i, a, true):
		return pp.windowEnd(b + 2)
	case pp.windowSide(i, a-1, false) && pp.dashBetween(a-1, a):
		return pp.windowEnd(b)
	}
	k := a - 2
	if pp.colonAt(k - 1) {
		k--
	}
	return pp.windowSide(i, k, true) && inSet(d, a-1, timeRangeLinks) && pp.windowEnd(b)
}

// windowSide reports a word k in word i's sentence that can be the other
// end of a window with it: a number or clock time, or a day, of the same
// kind as word i ("Monday to 5pm" is no window). A window joined by a word
// (clock) opens on a clock time or a day: "10am", "9h", "8:00", "Monday".
//
// Not inlined: called from several places, one copy is smaller in
// engine.wasm.
//
//go:noinline
func (pp *phiPass) windowSide(i, k int, clock bool) bool {
	d := pp.d
	if k < 0 || k >= len(d.Words) || d.Words[k].Sentence != d.Words[i].Sentence {
		return false
	}
	w := d.Words[k].Lower
	digit := text.IsDigit(w[0])
	if digit != text.IsDigit(d.Words[i].Lower[0]) || !digit && !d.Is(k, weekdays) {
		return false
	}
	return !clock || !digit || isTimeWord(d, k) || pp.colonAt(k) || w[len(w)-1] == 'h'
}

// windowEnd reports that the time ending a window at word k is no
// duration: no unit follows ("7–10 days").
//
// Not inlined: called from several places, one copy is smaller in
// engine.wasm.
//
//go:noinline
func (pp *phiPass) windowEnd(k int) bool {
	if pp.colonAt(k) {
		k++
	}
	return !pp.d.Is(k+1, timeSpans) && !pp.is(k+1, cTimeUnits)
}

// colonAt reports words a and a+1 written as "8:00".
//
// Not inlined: called from several places, one copy is smaller in
// engine.wasm.
//
//go:noinline
func (pp *phiPass) colonAt(a int) bool {
	d := pp.d
	return a >= 0 && a+1 < len(d.Words) && d.Words[a+1].Start == d.Words[a].End+1 && d.Text[d.Words[a].End] == ':' && text.IsDigit(d.Words[a+1].Lower[0])
}

// dashBetween reports words a and b joined by a dash alone, spaced or not:
// "Mon–Sat", "9 - 5".
//
// Not inlined: called from several places, one copy is smaller in
// engine.wasm.
//
//go:noinline
func (pp *phiPass) dashBetween(a, b int) bool {
	d := pp.d
	gap := d.Text[d.Words[a].End:d.Words[b].Start]
	dashes := 0
	for k := 0; k < len(gap); k++ {
		switch {
		case gap[k] == ' ':
		case gap[k] == '-':
			dashes++
		case gap[k] == 0xE2 && k+2 < len(gap) && gap[k+1] == 0x80 && (gap[k+2] == 0x93 || gap[k+2] == 0x94): // – —
			dashes++
			k += 2
		default:
			return false
		}
	}
	return dashes == 1
}

// daysUnit reports a day's possessive at word i owning care match m that
// names one of the practice's units or services ("Saturday's flu clinic",
// "Monday's vaccine clinic"): an event on the practice's calendar, where
// "Saturday's cleaning" is someone's visit.
func (pp *phiPass) daysUnit(i int, m lex.Match) bool {
	return pp.d.Is(i, timePossessives) && pp.is(m.To, cStaffRoles) && pp.sameClause(m.From, m.To)
}

var (
	judgedVisits    = &wordSets[listJudgedVisits]
	visitJudgements = &wordSets[listVisitJudgements]
	privateInvites  = &cueLists[listPrivateInvites]
)

// judgedVisit reports a visit word after "your" or "the" at word i that sympathy
// judges in a reply handing the matter to a private channel ("So sorry
// your visit fell short of hopes; please ring Dana, our manager"): the generic
// apology that moves things offline, which tells nothing the commenter
// did not. The judgement may come first too: "sorry you had a rough
// visit", "sorry you were unhappy with your visit" (i is then "you" of
// "you had" or the possessive, and only a verb of having, an article or
// the judgement stands between it and the visit word). A day, a number,
// another care word or a third person in the sentence ("sorry your
// visit on the 9th", "your visit for the root canal") tells more, and
// sympathy with no way to talk privately stays a confirmation. The
// results as a whole are judged the same way ("sorry you're disappointed
// with your results; please DM us"): how care turned out for the person,
// in their own account, not what was done.
func (pp *phiPass) judgedVisit(i int, m lex.Match, qualified bool) bool {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if qualified || m.To != m.From+1 || m.From <= i || !inSet(d, m.From, judgedVisits) || !f.empathy || f.time || f.third {
		return false
	}
	judged := false
	for k := i + 1; k < m.From; k++ {
		if inSet(d, k, visitJudgements) {
			judged = true
		} else if !pp.is(k, cOwningVerbs|cPatientArticles|cDeterminers) {
			return false
		}
	}
	// Another care word in the sentence tells more than the visit.
	sw := d.SentWords[s]
	for k := sw.Start; f.care && k < sw.End; k++ {
		if c := pp.care(k); c.From >= 0 && c.From != m.From {
			return false
		}
	}
	if !pp.privateLine() {
		return false
	}
	// The judgement before the visit: after the sympathy that opens the
	// sentence's clause ("sorry you were unhappy with your visit").
	for k := i - 1; !judged && k >= sw.Start && k >= i-4; k-- {
		judged = inSet(d, k, visitJudgements) && pp.sameClause(k, i)
	}
	// Sympathy about the visit as a whole, with nothing more said of it
	// in the sentence, judges it too: "so sorry about your visit. Please
	// DM us" ("… about your visit and the bill you got" goes on).
	judged = judged || i > sw.Start && inSet(d, i-1, contentPrepositions) && pp.sameClause(i-1, i) && m.To == sw.End
	for k := m.To; k < len(d.Words) && k <= m.To+5 && d.Words[k].Sentence == s; k++ {
		if text.IsDigit(d.Words[k].Lower[0]) {
			return false
		}
		judged = judged || inSet(d, k, visitJudgements)
	}
	return judged
}

// privateLine reports a reply that offers a private line: a contact verb,
// a direct message or a phone number.
func (pp *phiPass) privateLine() bool {
	d := pp.d
	if d.Contains(practice.ContactVerbs) || d.Contains(privateInvites) {
		return true
	}
	for _, r := range d.NumberRuns() {
		if r.IsPhone() {
			return true
		}
	}
	return false
}

// echoedHistory reports what the reader did, read at "you" (word i), in a
// sentence that apologises for it or hands it to a private line ("so
// sorry you waited", "call Renee so she can look into what you were
// told"), in a reply that offers that line: the commenter's own account
// of contacting or waiting on the practice, moved offline, with no care
// word or time in the sentence that would tell more. It is the person's
// once the reply discloses something else.
func (pp *phiPass) echoedHistory(i int) bool {
	d := pp.d
	f := &pp.flags[d.Words[i].Sentence]
	if !pp.is(i, cYouSubjects) || !(f.empathy || pp.afterContactVerb(i)) || f.time || !pp.privateLine() {
		return false
	}
	// A care word tells more, unless it names the practice's own people
	// or units ("call Renee in billing") or is the practice's verb ("so
	// we can follow up").
	sw := d.SentWords[d.Words[i].Sentence]
	for k := sw.Start; f.care && k < sw.End; k++ {
		c := pp.care(k)
		if c.From < 0 || pp.staff[c.From] || pp.verbUse(c) || pp.is(c.From, cStaffRoles) && !d.Is(c.From-1, possessives) {
			continue
		}
		return false
	}
	return true
}

var handoffTopics = &wordSets[listHandoffTopics]

// handedOver reports care match m owned at word i in the sentence of an
// invitation to call or write, when it is a broad kind of care the call
// will go over: "phone the triage desk and the nurse on duty will walk
// through her symptoms". What the practice will discuss in private is no
// disclosure; a named drug or procedure there still is, and so is care a
// time in the sentence dates ("call back for his results from last
// month", "text me her Friday weight").
func (pp *phiPass) handedOver(i int, m lex.Match, qualified bool) bool {
	f := &pp.flags[pp.d.Words[i].Sentence]
	return !qualified && !f.time && m.To == m.From+1 && pp.afterContactVerb(i) && inSet(pp.d, m.From, handoffTopics)
}

var withheldVerbs = &wordSets[listWithheldVerbs]

// withheld reports care match m the reply refuses to talk about in
// public, a negator and a verb of telling before it in its clause ("we
// don't post scan findings online"): the practice's rule for everyone.
// "Your biopsy results" there is still owned (frame A).
func (pp *phiPass) withheld(m lex.Match) bool {
	d := pp.d
	from, _ := pp.clauseWords(m.From)
	for k := m.From - 1; k > from && k >= m.From-4; k-- {
		if inSet(d, k, withheldVerbs) {
			return d.Is(k-1, words.Negators) || k >= 2 && d.Is(k-2, words.Negators)
		}
	}
	return false
}

// sympathyHandedOver reports condition match m in sentence s of sympathy
// for what the commenter tells of their own body ("sorry you're sore",
// "so sorry you're dealing with that, nausea is really individual"), in a
// reply that hands the matter to a private line: the generic apology that
// moves things offline, whatever word the reply finds for the symptom.
// It names no care given here: a treatment, drug or visit word in the
// sentence, a name, a time or a past event tells more. Like the
// commenter's own words echoed, it is the person's once the reply
// discloses something else.
func (pp *phiPass) sympathyHandedOver(s int, m lex.Match) bool {
	f := &pp.flags[s]
	if m.List != care.Conditions.ID || !f.empathy || f.name || f.time || f.pastTense || !pp.personal || !pp.privateLine() {
		return false
	}
	sw := pp.d.SentWords[s]
	for k := sw.Start; k < sw.End; k++ {
		c := pp.care(k)
		if c.From < 0 || c.From == m.From || pp.staff[c.From] || pp.verbUse(c) || c.List == care.Conditions.ID || c.List == care.Clinicians.ID {
			continue
		}
		return false
	}
	return true
}
