package hipaa

import (
	"strings"

	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/text"
)

// Status reports: the practice tells the commenter where the thing they
// asked or complained about stands, with a pronoun for it or no subject at
// all ("it's been resubmitted", "that's already been sent over", "they
// came in Friday", "Approved!"). The thing is the comment's own ("my
// claim", "my records", "I got charged twice"), so saying it was acted on
// confirms the person's care or bill as plainly as "your claim was
// resubmitted" would. Under a comment about no one's own matter, or said
// of a general process ("refunds are sent within a week", "once it's
// approved we'll call"), it tells nothing.
var (
	statusReports  = &cueLists[listStatusReports]
	statusSubjects = &wordSets[listStatusSubjects]
	statusLinks    = &wordSets[listStatusLinks]
	statusMoves    = &wordSets[listStatusMoves]
	statusLeads    = &wordSets[listStatusLeads]
	statusStates   = &wordSets[listStatusStates]
)

// statusHits adds the status reports of a reply to a personal comment.
func (pp *phiPass) statusHits(hits []phiHit) []phiHit {
	d := pp.d
	if !pp.personal || !d.Contains(statusReports) {
		return hits
	}
	for _, m := range d.Find(statusReports.Group) {
		if from := pp.statusAt(m.From); from >= 0 {
			hits = pp.hit(hits, from, m.To, confirmed, srcStatus)
		}
	}
	return hits
}

// statusAt reads the subject of the status word i and returns where the
// report starts, or -1: over links ("is", "has been", "already") a pronoun
// that stands for the comment's thing ("it", "that's", "they"), or "the"
// or "your" before a noun the comment used ("the refund went out"); or no
// subject, the status opening its sentence. A pronoun with no link before
// a verb of acting ("they sent you home") is someone acting, not a status:
// only verbs of arriving take none ("they came in Friday").
func (pp *phiPass) statusAt(i int) int {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if pp.conditional(i) || f.offer || f.ifYou || pp.standingOffer(s) || pp.genericUpTo(i) || pp.speculative(s) {
		return -1
	}
	start := d.SentWords[s].Start
	if i == start {
		// "Resubmitted!", "Sent them over this morning"; not a state
		// ("Ready for a new smile?", "Pending means…"), a question, or
		// something sent to the reader ("Sent you a DM").
		if inSet(d, i, statusStates) || pp.question(s) || d.Is(i+1, youWords) {
			return -1
		}
		return i
	}
	linked := false
	k := i - 1
	for ; k >= start && k >= i-4 && inSet(d, k, statusLinks); k-- {
		linked = true
	}
	if k < start || !pp.sameClause(k, i) {
		return -1
	}
	for j := k - 1; j >= start && j >= k-4 && pp.sameClause(j, k); j-- {
		if inSet(d, j, statusLeads) {
			return -1 // "once it's approved", "when they arrive"
		}
	}
	w := d.Words[k].Lower
	contracted := len(w) > 3 && w[len(w)-3] == '\'' || len(w) > 2 && w[len(w)-2] == '\''
	switch {
	case inSet(d, k, statusSubjects):
		if linked || contracted || inSet(d, i, statusMoves) {
			return k
		}
	case k > start && (d.Words[k-1].Lower == "the" || pp.is(k-1, cOwnerYour)) && pp.echoesComment(k) && (linked || inSet(d, i, statusMoves)):
		return k - 1
	}
	return -1
}

// question reports that sentence s asks.
func (pp *phiPass) question(s int) bool {
	sp := pp.d.Sentences[s]
	return strings.Contains(pp.d.Text[sp.Start:sp.End], "?")
}

// echoesComment reports that word i is a word of the comment, or a near
// form of one ("refund" / "refunds").
func (pp *phiPass) echoesComment(i int) bool {
	w := pp.d.Words[i].Lower
	if len(w) < 4 {
		return false
	}
	for _, cw := range pp.comment.Words {
		if sameStem(w, cw.Lower) {
			return true
		}
	}
	return false
}

// checkedHits adds the writer's check with no object, closing its clause
// or going on with "and": "we checked and the charge is correct", "I
// already checked, your plan doesn't need one". Under a comment about the
// writer's own bill, results or message, or with "your" after it, what
// was checked is the person's record, as in "we checked your chart";
// "we checked with the lab" checks with someone, and "we checked and we
// do take Medicaid" under a general question is about the practice.
func (pp *phiPass) checkedHits(hits []phiHit) []phiHit {
	d := pp.d
	if !d.Contains(recordChecks) {
		return hits
	}
	for _, m := range d.Find(recordChecks.Group) {
		if m.To >= len(d.Words) || !pp.endsClause(m.To-1) && d.Words[m.To].Lower != "and" || pp.conditional(m.From) {
			continue
		}
		s := d.Words[m.From].Sentence
		if pp.question(s) || pp.flags[s].offer {
			continue
		}
		w := -1
		for k := m.From - 1; k >= d.SentWords[s].Start && k >= m.From-3 && pp.sameClause(k, m.From); k-- {
			if pp.is(k, cWriterSelf) {
				w = k
				break
			}
			if !inSet(d, k, recordCheckFillers) {
				break
			}
		}
		if w < 0 {
			continue
		}
		yours := false
		for k := m.To; k < d.SentWords[s].End && !yours; k++ {
			yours = pp.is(k, cOwnerYour) || d.Words[k].Lower == "yours"
		}
		if pp.personal || yours {
			hits = pp.hit(hits, w, m.To, confirmed, srcYourRecord)
		}
	}
	return hits
}

// Companions seen: "see you and the kids on the 18th", "see you both next
// Wednesday at 10", "see you and baby at the two-week check". A visit
// booked for the reader and someone with them is as plain as "see you
// Thursday", which the relationship phrases read; the companion between
// them only hides it from the phrase. An event ("see you and your family
// at the picnic Saturday") dates no visit.
var companionSees = &cueLists[listCompanionSees]

// companionSeeHits adds each "see you" with a companion, then a time or
// "at" a care word, in its clause.
func (pp *phiPass) companionSeeHits(hits []phiHit) []phiHit {
	d := pp.d
	if !d.Contains(companionSees) {
		return hits
	}
	for _, m := range d.Find(companionSees.Group) {
		s := d.Words[m.From].Sentence
		f := &pp.flags[s]
		if pp.conditional(m.From) || f.offer || f.generic || pp.question(s) || pp.eventInClause(m.From) {
			continue
		}
		// "and" opens the companion: a relative or a name within three
		// words ("and your little one", "and Maya"); "both" is one.
		o := m.To
		if d.Words[m.To-1].Lower == "and" {
			o = -1
			for k := m.To; k < m.To+3 && pp.sameClause(m.From, k); k++ {
				if d.Is(k, care.Family) || pp.nameAt(k) {
					o = k + 1
					break
				}
			}
			if o < 0 {
				continue
			}
		}
		for r := o; r <= o+6 && pp.sameClause(m.From, r) && !pp.is(r, cEvents); r++ {
			if t, _ := pp.timeAt(r); t > 0 {
				// "see you and your mom in 2027": next year's event.
				if w := d.Words[t-1].Lower; len(w) == 4 && text.IsDigit(w[0]) {
					break
				}
				hits = pp.hit(hits, m.From, t, confirmed, srcRelationship)
				break
			}
			if d.Words[r].Lower == "at" && pp.is(r+1, cDeterminers) {
				if c := pp.care(r + 2); c.From == r+2 {
					hits = pp.hit(hits, m.From, c.To, confirmed, srcRelationship)
					break
				}
			}
		}
	}
	return hits
}
