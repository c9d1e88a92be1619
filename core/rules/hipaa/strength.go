package hipaa

import "github.com/replyguard/replyguard/core/lex/care"

// source is the frame that made a hit. Most frames are strong evidence of a
// disclosure (a care concept tied to "you", a confirmed relationship, an
// identifier, a visit frame); a few fire on weak evidence (a bare care word
// read as the person's by a time, a name or "sorry" nearby; a sweep over a
// reply that already discloses), and a reply whose PHI findings are all
// weak is where the rules' false alarms are. The engine lets the learned
// score demote those alone (core/scorer.go); which frames are weak was
// measured, not chosen: see weakSources.
type source uint8

const (
	srcNone source = iota
	srcIdNumber
	srcIdPartial
	srcIdCode
	srcIdEmail
	srcIdLink
	srcIdAddress
	srcIdAge
	srcDate
	srcTimeLater
	srcTimeNear
	srcVisitFrame
	srcIntl
	srcIntlOwned
	srcIntlSeen
	srcNamePatient
	srcNameNearCare
	srcFullName
	srcNameNearCare2
	srcCourse
	srcAskAfter
	srcPointedCare
	srcResults
	srcRelationship
	srcLaterRelationship
	srcDenial
	srcFamilyWelcome
	srcAsClinician
	srcPatientVerb
	srcSweep
	srcInstruction
	srcAct
	srcHistoryState
	srcHistory
	srcPossessive
	srcOwnedLater
	srcFamilyMember
	srcCareSoft
	srcCareEvent
	srcCareBilling
	srcCareVisitWord
	srcCareOwnedNoun
	srcCarePerson
	srcCareStory
	srcCareFallback
	// The account frames (accounts.go).
	srcRecord
	srcCountedContact
	srcOrder
	srcDose
	srcCounterfactual
	srcGiven
	srcBirth
	srcRelay
	srcCountedCare
	srcPatientGroup
	srcPrivilege
	srcMoved
	srcNamedHistory
	srcRanked
	// The stay frames (stays.go).
	srcStay
	srcStayLength
	srcFond
	srcBore
	srcHome
	srcTenure
	srcReviewer
	srcDue
	srcOnFile
	srcMeasured
	srcReceived
	srcSurnameFamily
	srcYourRecord
	srcOwnedState
	srcIntlPatient
	srcRelayedInstruction
	srcChange        // progress.go: a measured change someone went through
	srcCountedVisits // progress.go: visits someone had, counted
	srcIntlResult    // intl.go: a result someone owns, in another language
	srcLikeOwned     // progress.go: care compared with the person's own
	srcCareSeat      // stays.go: a person placed where care is given
	srcIntlOfNamed   // intl.go: care of a named person, in Spanish or Portuguese
	srcPointedCount  // progress.go: a counted stretch of care pointed at
	srcKinWorker     // kin.go: the reader's relative with a worker of the practice
	srcIntlCJK       // cjk.go: care in Chinese, Japanese or Korean tied to a person in its sentence
	srcIntlMore      // intlmore.go: care in Tagalog, Haitian Creole, French, Portuguese or Arabic tied to a person in its sentence
	srcRegimen       // stays.go: a person kept on a treatment ("you're on metformin")
	srcNoShow        // stays.go: a person's missed visits ("you were a no-show")
	srcRecordTime    // booked.go: a record cited at a clock time or a day ("the door log shows a ring at 10:05")
	srcIntlRecurring // booked.go: a person's recurring visits, in Spanish ("usted ya viene los martes")
	srcIntlBooked    // booked.go: the reader booked, in Spanish ("su mamá ya está programada")
	srcStatus        // status.go: where the commenter's own thing stands ("it's been resubmitted")
)

// weakSources are the frames whose findings, firing with no other
// frame's, were right at most ~85% of the time on the labelled corpus
// (a care word made the person's by "sorry", a name or a time nearby; an
// event word; a bare relationship phrase; a date; a number or street
// address alone; a care word in another language, which a "su" or "tu"
// anywhere in the reply ties to the reader: 0.82 over 34, and one that
// "su" owns: 0.71 over 7), and the frames that fire only once another has
// (pp.later, pp.near, the names beside care): their evidence is the other
// frame's. The trainer measures what letting the score demote them does.
// At 23,074 replies by 86 authors eight frames counted strong fell under
// that bar too, each the only strong frame of its reply: a visit word
// spoken to "you" (0.62 over 39 replies), a treatment named in answer to
// the commenter's story (0.73 over 71), a full name (0.76 over 55), an
// email address (0.69 over 13), a welcome to the family (0.78 over 23),
// care pointed at (0.83 over 35), the person's history with the practice
// (0.86 over 210) and a visit frame (0.73 over 11); weak, they let the
// gate demote 453 more replies' findings when the score is low (93 false
// alarms from 53 corpus files, 360 disclosures), and holding out each
// author PHI rose from 0.907 / 0.908 / 0.908 to 0.911 / 0.908 / 0.910
// (precision / recall / F1 at normal, span recall 0.821 both). Where
// the sentence also ties a person, care and a time, firm keeps them
// strong. The possessive frame ("your crown", 0.90 over 1,306), the
// patient verb and the booking code made weak as well gained nothing
// more and cost recall.
const weakSources = 1<<srcIdNumber | 1<<srcIdAddress | 1<<srcDate | 1<<srcDenial | 1<<srcCareEvent | 1<<srcCarePerson | 1<<srcRelationship |
	1<<srcTimeLater | 1<<srcTimeNear | 1<<srcIntlSeen | 1<<srcNameNearCare | 1<<srcNameNearCare2 | 1<<srcLaterRelationship |
	1<<srcSweep | 1<<srcInstruction | 1<<srcAct | 1<<srcHistoryState | 1<<srcOwnedLater | 1<<srcFamilyMember |
	1<<srcCareSoft | 1<<srcCareOwnedNoun | 1<<srcCareFallback | 1<<srcIntl | 1<<srcIntlOwned |
	1<<srcCareVisitWord | 1<<srcCareStory | 1<<srcFullName | 1<<srcIdEmail | 1<<srcFamilyWelcome | 1<<srcPointedCare |
	1<<srcHistory | 1<<srcVisitFrame

// weak reports a hit from a weak frame.
func (s source) weak() bool { return uint64(weakSources)&(1<<s) != 0 }

// firm reports whether sentence s holds a disclosure no score may
// overrule, however weak the frames that found it: a reference to a
// person (a name or greeting anywhere in the reply, "you", a third
// person) and a care concept in the same sentence, with a time or a
// procedure there too ("Hi Janet, sorry the root canal last Tuesday hurt",
// "hope you're healing well after Monday's extraction"); the time may be
// a date or clock time a frame found ("on the 9th", "at 9:40"), which the
// word classes do not mark. Each frame alone
// is weak evidence; together they are the textbook disclosure. General
// statements and conditions ("if you need a crown next month") are
// nobody's. Sympathy with a time in it, under a comment in which the
// writer tells of their own care, dates that care ("sorry about the long
// wait yesterday" under "I waited an hour past my appointment").
func (pp *phiPass) firm(s int) bool {
	f := &pp.flags[s]
	told := f.empathy && f.time && pp.personal && pp.comment.Any(care.All)
	return (told || f.care && (f.time || f.procedure) && (f.you || f.third || f.name || pp.named)) && !f.generic && !f.ifYou && !f.speculative
}

// dates reports a hit on a date or a time of day ("on the 3rd", "at 7:30").
func (s source) dates() bool { return s == srcDate || s == srcTimeLater || s == srcTimeNear }

// markIntlFirm lets firm read hit h (srcIntlOwned), care of another
// language the reader's possessive owns, as it reads English care tied to
// "you": the word classes that mark care, a person and a time are
// English, so "lo esperamos a su cita del martes" was weak however
// plainly it discloses. A day named in the sentence, not as a span of
// opening hours ("de lunes a viernes"), or a day of a month dates it (a
// clock time a frame found is a date hit: runPHI marks those). A care
// word no possessive owns stays as weak as before: on the labelled
// corpus, made firm too, it kept 14 more disclosures that the score kept
// anyway, and 2 offers and apologies tied only by a name that the gate
// had demoted; the owned ones made firm were all disclosures (103
// replies). Care in Chinese, Japanese or Korean lies in no word: cjk.go
// reads it by character runs and gives it its own firm source.
func (pp *phiPass) markIntlFirm(h phiHit) {
	d := pp.d
	i := pp.wordOf(&h)
	if i < 0 {
		return
	}
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	f.care, f.you = true, true
	if f.time {
		return
	}
	r := d.SentWords[s]
	for k := r.Start; k < r.End; k++ {
		if d.Is(k, intlDays) && !(k+2 < r.End && d.Is(k+2, intlDays)) && !(k >= r.Start+2 && d.Is(k-2, intlDays)) {
			f.time = true
			return
		}
	}
	f.time = pp.intlDatedIn(r.Start, r.End)
}
