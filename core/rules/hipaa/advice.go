package hipaa

import (
	"strings"

	"github.com/replyguard/replyguard/core/analyses/comment"
	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/text"
)

// Advice built from the comment. A commenter asks about their own body or
// their family's ("my daughter has a rash since starting amoxicillin, is
// that bad?") and the reply answers with advice or reassurance: "stop the
// amoxicillin and give her an antihistamine", "some blur this early is expected".
// Its care words read as the person's, but they are the commenter's own
// words or a general answer to them: the reply confirms nothing about care
// given here. Public clinical advice is routing's finding (see
// REPLY-RULES.md), so the hits are dropped, unless something in the reply
// adds what only the practice knows: a visit, record or result frame, a
// calendar date or clock time, a name, a staff
// member or "our doctor" speaking of the person, or a past event.

// advice reports a frame that reads a care word, a possessive on one,
// an instruction or a time as the person's: what advice is made of.
// Every other frame (visits, records, results, relationships, names,
// identifiers, referrals) confirms care on its own.
func (s source) advice() bool {
	switch s {
	case srcCareSoft, srcCareEvent, srcCarePerson, srcCareStory, srcCareFallback, srcCareOwnedNoun,
		srcPossessive, srcOwnedLater, srcOwnedState, srcInstruction, srcSweep, srcDose, srcRegimen,
		srcTimeLater, srcTimeNear, srcDate, srcIntl, srcIntlOwned, srcIntlCJK, srcIntlMore:
		return true
	}
	return false
}

// adviceVerdicts make a sentence advice or a verdict on a body: "you
// should rest it", "haze is expected", "that's normal".
var adviceVerdicts = &wordSets[listAdviceVerdicts]

// adviceCausatives open an instruction given through someone: "have her
// try …", "let him rest".
var adviceCausatives = &wordSets[listAdviceCausatives]

// datedTimes date care to a day: "yesterday", "tomorrow", "two days ago".
var datedTimes = &wordSets[listDatedTimes]

// prognosisPrepositions before a day make it a prognosis: "fine by
// tomorrow".
var prognosisPrepositions = &wordSets[listPrognosisPrepositions]

// ownMeasures are what every body or treatment has: "your cycle", "your
// sugar", "your usual dose" presume no care given here.
var ownMeasures = &wordSets[listOwnMeasures]

// asksOwnCare reports a comment in which the writer asks or worries
// about their own or their family's health: not a complaint, nor praise
// or news of care received, which a reply that echoes it would confirm.
func (pp *phiPass) asksOwnCare(p *analysis.Pass) bool {
	info, cd := comment.Of(p), pp.comment
	if cd == nil {
		return false
	}
	// The comment analysis reads "my" and "I" in English and Spanish;
	// "mon", "tôi" or "我" say the same in other scripts.
	mine := info.Personal || cd.Contains(intlMine) || cd.HasSubstring(intlMineCJK)
	switch {
	case !mine:
		return false
	case info.Kind == comment.Clinical || info.Kind == comment.Question:
		return true
	case info.Kind == comment.Other || info.Kind == comment.Complaint:
		// A story of symptoms ("my gums are still bleeding"), or a
		// question in a script whose question mark the analysis does not
		// read ("这正常吗？").
		return comment.Symptomatic(cd) || strings.Contains(cd.Text, "？")
	}
	return false
}

// dropAdvice returns hits, or none when they are all advice built from
// the comment (see the top of the file).
func (pp *phiPass) dropAdvice(p *analysis.Pass, hits []phiHit) []phiHit {
	if len(hits) == 0 || pp.comment == nil {
		return hits
	}
	// The sources first: most replies with hits have one advice lacks.
	for _, h := range hits {
		if !h.src.advice() {
			return hits
		}
	}
	if !pp.asksOwnCare(p) || !pp.adviceReply() {
		return hits
	}
	d := pp.d
	// Under "the antibiotic you gave me", a drug the reply names is the
	// one the practice gave: only the commenter's own words are theirs.
	given := pp.fromPractice && pp.givenHere()
	for _, h := range hits {
		i := pp.wordOf(&h)
		if h.src == srcSweep {
			continue // care words swept along say nothing of their own
		}
		if i < 0 {
			return hits
		}
		j := max(d.WordAt(h.End-1), i) + 1
		// A date or clock time books or dates care, even one the
		// commenter gave ("see you Monday" under "my surgery is Monday").
		if h.src.dates() && pp.calendar(i, j) || pp.practiceActsOn(i) {
			return hits
		}
		// (A word of a script without spaces may hold more than the hit:
		// the hit's own text is what the comment must hold.)
		echo := pp.echoed(i, j) || hasCJK(d.Text[h.Start:h.End]) && strings.Contains(pp.comment.Text, d.Text[h.Start:h.End])
		// Sympathy that repeats the commenter's own symptom ("so sorry she
		// got hurt") is no advice but tells nothing either; care given
		// ("so glad the crown feels better") would be confirmed.
		told := echo && !pp.careGiven(i, j)
		// A care word of another language the comment used is the
		// commenter's own, in advice or not.
		if h.src.intl() && echo {
			continue
		}
		if !pp.advisory(d.Words[i].Sentence) && !told || !pp.careFromComment(h.src, i, j, given) {
			return hits
		}
	}
	return hits[:0]
}

// careFromComment reports that the care words among words [from, to) are
// the commenter's own, or new but nobody's yet: "try ibuprofen" suggests,
// while "the inhaler" or "your drops" the commenter never named is care
// the reply knows they have.
// given: the comment says the practice gave the writer care (givenHere).
func (pp *phiPass) careFromComment(src source, from, to int, given bool) bool {
	if src.intl() {
		// ("sus sesiones": the span may start at its owner.)
		return pp.echoed(from, to) || !given && !pp.ownedBefore(from, true) && !pp.is(from, cIntlPossessives)
	}
	// A care term right after the hit is owned with it: "his new blood
	// pressure| meds".
	for to < len(pp.d.Words) && pp.care(to).From >= 0 && pp.sameClause(from, to) {
		to = pp.care(to).To
	}
	for k := from; k < to; k++ {
		m := pp.care(k)
		if m.From < 0 {
			continue
		}
		// A bill, a claim or a plan is the practice's knowledge, never advice.
		if m.List == care.Billing.ID {
			return false
		}
		// A term the commenter never wrote, owned ("your drops", "the
		// latanoprost"), is care the reply knows they have; but "the
		// swelling" and "the procedure" point back at what they told, and
		// "your cycle", "your sugar", "your dose" are what every body or
		// treatment has, as is a body part ("his teeth").
		article := m.List != care.Conditions.ID && m.List != care.Nouns.ID
		if !pp.echoed(m.From, m.To) && (given || pp.ownedBefore(m.From, article) && !inSet(pp.d, m.To-1, ownMeasures) && !pp.d.Is(m.To-1, care.Body)) {
			return false
		}
	}
	return true
}

// careGiven reports a treatment, medicine, device, clinician or bill
// among words [from, to): care someone gave, not a symptom.
func (pp *phiPass) careGiven(from, to int) bool {
	for k := from; k < to; k++ {
		if m := pp.care(k); m.From >= 0 && m.List != care.Conditions.ID {
			return true
		}
	}
	return false
}

// givenHere reports a comment that says the practice did something to
// the writer: "you" before a past form ("the drops you gave me").
func (pp *phiPass) givenHere() bool {
	cd := pp.comment
	for i := range cd.Words {
		if !cd.Is(i, youWords) {
			continue
		}
		if cd.Is(i+1, pastWords) || cd.Is(i+1, practiceActs) {
			return true
		}
	}
	return false
}

// ownedBefore reports a possessive or definite article before word i in
// its clause, next to it or one word off ("your usual medication", "el
// inhalador"), past other care words ("his new blood pressure meds"),
// not across a verb ("have her try ibuprofen"); an article or a
// demonstrative counts only if article.
func (pp *phiPass) ownedBefore(i int, article bool) bool {
	d := pp.d
	k := i - 1
	for k >= 0 && pp.inCare(k) && pp.sameClause(k, i) {
		k--
	}
	for stop := k - 2; k > stop && pp.sameClause(k, i); k-- {
		if d.Is(k, possessives) || pp.is(k, cIntlPossessives) || article && (pp.is(k, cDeterminers) || inSet(d, k, intlDefinite)) {
			return true
		}
		if d.Is(k, imperativeOpeners) {
			return false
		}
	}
	return false
}

// adviceReply reports a reply that says nothing only the practice could
// know: no past event, no name, no staff
// member or "our" clinician in a sentence about the person.
func (pp *phiPass) adviceReply() bool {
	d := pp.d
	for s := range pp.flags {
		f := &pp.flags[s]
		if f.pastTense {
			return false
		}
		if f.name {
			return false
		}
	}
	for i := range d.Words {
		// "Dr. Lee wants you to double the dose", "our surgeon will pack
		// it for you": a staff member or the practice's clinician acting
		// on the person.
		if (pp.staff[i] || pp.is(i, cOurWords) && d.Is(i+1, care.Clinicians)) && pp.personInClause(i) {
			return false
		}
		// "the laser session yesterday", "see him tomorrow", "Monday's
		// cleaning": a day of care, unless a condition ("if it's still
		// up tomorrow, bring him in").
		if (inSet(d, i, datedTimes) || pp.weekdayAt(i) || d.Is(i, months) || d.Is(i, intlDays)) && !pp.conditional(i) && !inSet(d, i-1, prognosisPrepositions) {
			return false
		}
	}
	return true
}

// personInClause reports "you", "your" or a third person after word i
// in its clause.
func (pp *phiPass) personInClause(i int) bool {
	for k := i + 1; pp.sameClause(i, k); k++ {
		if pp.is(k, cYouSubjects|cOwnerYour) || pp.d.Is(k, thirdWords) {
			return true
		}
	}
	return false
}

// weekdayAt reports a weekday at word i, also as a possessive ("Monday's").
func (pp *phiPass) weekdayAt(i int) bool {
	w := pp.d.Words[i].Lower
	return pp.d.Is(i, weekdays) || strings.HasSuffix(w, "'s") && weekdays.Has(w[:len(w)-2])
}

// practiceActsOn reports, in word i's clause, the practice as a subject
// with the person after it: "we can get your husband's crown done",
// "I'll be there for her".
func (pp *phiPass) practiceActsOn(i int) bool {
	from, to := pp.clauseWords(i)
	for k := from; k < to; k++ {
		// ("will" is in the list for "will call you", which needs no subject.)
		if pp.d.Is(k, practice.FirstPersonSubjects) && pp.d.Words[k].Lower != "will" && pp.personInClause(k) {
			return true
		}
	}
	return false
}

// inCare reports word i inside a care term.
func (pp *phiPass) inCare(i int) bool {
	for k := max(i-3, 0); k <= i; k++ {
		if m := pp.care(k); m.From >= 0 && m.To > i {
			return true
		}
	}
	return false
}

// advisory reports sentence s as advice, a guess or a verdict on a body:
// an instruction, a condition, a general statement, a modal or a verdict
// word ("normal", "expected").
func (pp *phiPass) advisory(s int) bool {
	f := &pp.flags[s]
	if f.speculative || f.genericStatement || f.ifYou || pp.imperative(s) {
		return true
	}
	d := pp.d
	from, to := d.SentWords[s].Start, d.SentWords[s].End
	// "Have her try …", "get him seen": an instruction through someone.
	if inSet(d, from, adviceCausatives) && (d.Is(from+1, thirdWords) || pp.is(from+1, cDeterminers)) {
		return true
	}
	for i := from; i < to; i++ {
		if inSet(d, i, adviceVerdicts) || pp.is(i, cConditionWords|cIntlImperatives) {
			return true
		}
	}
	return false
}

// echoed reports that every word of words [from, to) of the reply that
// is no function word is in the comment (as a near form, or inside a
// comment's word in a script without spaces).
func (pp *phiPass) echoed(from, to int) bool {
	d, cd := pp.d, pp.comment
	for k := from; k < to; k++ {
		w := d.Words[k].Lower
		if len(w) < 3 && !hasCJK(w) || pp.is(k, cDeterminers|cPatientArticles|cIntlPossessives|cIntlArticles) || inSet(d, k, intlDefinite) {
			continue // function words: "your", "el"
		}
		found := false
		for c := range cd.Words {
			if sameStem(w, cd.Words[c].Lower) {
				found = true
				break
			}
		}
		if !found && !(hasCJK(w) && strings.Contains(cd.Lower, w)) {
			return false
		}
	}
	return true
}

// calendar reports a weekday, month, day of the month or clock time
// among words [from, to): a day someone is booked, not "for 7 days".
func (pp *phiPass) calendar(from, to int) bool {
	d := pp.d
	for k := from; k < to; k++ {
		w := d.Words[k].Lower
		if d.Is(k, weekdays) || d.Is(k, months) || ordinalDay(w) || pp.is(k, cClockWords) ||
			text.IsDigit(w[0]) && strings.ContainsAny(w, ":/") {
			return true
		}
	}
	return false
}

// intl reports a frame of care in another language.
func (s source) intl() bool {
	return s == srcIntl || s == srcIntlOwned || s == srcIntlCJK || s == srcIntlMore
}
