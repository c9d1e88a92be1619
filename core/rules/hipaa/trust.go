package hipaa

import "github.com/replyguard/replyguard/core/lex"

var (
	trustedWith    = &cueLists[listTrustedWith]
	courtesyThanks = &cueLists[listCourtesyThanks]
)

// courtesy reports a relationship phrase m that only thanks for trust and
// ends there ("Thank you for trusting us!", "… and for sharing this"):
// a courtesy any reader gets, the person's only next to a disclosure.
func (pp *phiPass) courtesy(m lex.Match) bool {
	d := pp.d
	return startsAt(d, m.From, courtesyThanks) && (pp.endsClause(m.To-1) || m.To < len(d.Words) && d.Words[m.To].Lower == "and")
}

// trustedQuestion reports a relationship phrase m ("thank you for
// trusting us") whose object is the comment itself ("… with this", "…
// with the question"): the reader trusted the practice with what they
// asked here, which says nothing about care; "trusting us with your
// knee" still confirms it.
func (pp *phiPass) trustedQuestion(m lex.Match) bool {
	for k := m.From; k <= m.To; k++ {
		if startsAt(pp.d, k, trustedWith) {
			return true
		}
	}
	return false
}

// invitedToCall reports a relationship phrase m ("te esperamos", "we'd
// love to see you") after an invitation to call or write the practice in
// its sentence, with no day, time or name: it closes the invitation
// anyone may take ("Llámanos al 555-0100, ¡te esperamos!"); "call to
// confirm, see you Thursday" names a booked visit.
func (pp *phiPass) invitedToCall(m lex.Match) bool {
	d := pp.d
	s := d.Words[m.From].Sentence
	f := &pp.flags[s]
	if f.time || f.name || f.pastTense || f.third || d.Contains(intlDays) {
		return false
	}
	if pp.afterContactVerb(m.From) {
		return true
	}
	for k := d.SentWords[s].Start; k < m.From; k++ {
		if pp.is(k, cIntlCallVerbs) {
			return true
		}
	}
	return false
}

var audienceThanks = &cueLists[listAudienceThanks]

// broadcastOrGeneral reports a relationship phrase m in a sentence that
// thanks an audience ("thanks for watching, see you next week!": the
// next live video) or that speaks of people in general before it ("lots
// of people get cold in the chair"): no visit of the reader's.
func (pp *phiPass) broadcastOrGeneral(m lex.Match) bool {
	d := pp.d
	s := d.Words[m.From].Sentence
	if pp.flags[s].name || pp.flags[s].pastTense {
		return false
	}
	for k := d.SentWords[s].Start; k < m.From; k++ {
		if startsAt(d, k, audienceThanks) {
			return true
		}
	}
	return pp.generalAntecedent(m.From) && !pp.flags[s].you
}

// askAtVisitVerbs invite the reader to raise something at a visit to come.
var askAtVisitVerbs = dataLists[listAskAtVisitVerbs]

// askAtNextVisit reports the reader's next visit, from the "your" at
// word i ("your next visit"), after an invitation to ask in its clause
// ("Questions? Ask at your next visit", "ask your nurse about it at your
// next appointment"), when the comment says nothing of the writer's own
// care: a post or a general answer offers that to every reader. A name
// or a feeling for someone anywhere in the reply, or a time or a past
// visit in the sentence, still picks one person out.
func (pp *phiPass) askAtNextVisit(i int) bool {
	d := pp.d
	if pp.personal || pp.addressed || !pp.is(i, cOwnerYour) || pp.class2(i+1)&c2ComingWords == 0 {
		return false
	}
	f := &pp.flags[d.Words[i].Sentence]
	if f.name || f.time || f.pastTense || f.third {
		return false
	}
	for k := i - 1; k >= 0 && pp.sameClause(k, i); k-- {
		if pp.among(k, askAtVisitVerbs) {
			return true
		}
	}
	return false
}
