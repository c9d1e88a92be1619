package hipaa

import (
	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/text"
)

// Two frames that tie the person to their care without a care word owned
// by "your": "yours" standing for the reader's own item ("yours was fitted
// Monday"), and a person kept on a list, plan or course ("you're on
// aligner 7 of 30", "she's on a Cigna HMO with us").
var (
	standIns     = &cueLists[listStandInOwners]
	standInLeads = &wordSets[listStandInLeads]
	standInVerbs = &wordSets[listStandInVerbs]
)

// standInAt reads the stand-in at word i ("yours"): "yours was fitted
// Monday", "yours should be ready by Friday", "since yours was the left
// hand", "yours is every 6 weeks", "yours came back". Right before it in
// its clause only a linking word ("since", "and"): "I bet yours is
// nothing", "if yours hasn't arrived", "a card like yours" are a guess, a
// condition and a comparison. After it "from <when>" may come, then a
// verb of the item (stand_in_verbs), then in its clause a time, a number
// or a care term, or at once that it is in or due ("yours came back",
// "yours are due"). "Yours brightened our day" has no such verb, "yours
// was the sweetest review" is the commenter's post, "yours is wonderful
// too" praises.
func (pp *phiPass) standInAt(i int) (from, to int) {
	d := pp.d
	c, end := pp.clauseWords(i)
	if pp.conditional(i) || pp.flags[d.Words[i].Sentence].offer || i > c && !inSet(d, i-1, standInLeads) {
		return 0, 0
	}
	k := i + 1
	if k+1 < end && d.Words[k].Lower == "from" {
		k, _ = pp.timeAt(k + 1) // "yours from Tuesday"
	}
	if k <= 0 || k+1 >= end || !inSet(d, k, standInVerbs) {
		return 0, 0
	}
	done := pp.resultLink(k) && (d.Words[k+1].Lower == "back" || d.Is(k+1, dueWords))
	for r := k + 1; r < end && r <= k+8; r++ {
		if pp.isPost(r) {
			return 0, 0
		}
		if done {
			return i, k + 2
		}
		if t := pp.clueAt(r, true); t > 0 {
			return i, t
		}
	}
	return 0, 0
}

// placedOnAt reads a person kept on something of their care, at "on"
// (word i) after "you're", "he is", "Ana's": a place in a counted course
// ("you're on aligner 7 of 30", "on round 2"), a plan, treatment or
// coverage ("she's on a Cigna HMO with us"), or a list with a time ("he's
// on the waitlist for Friday"). regimenAt reads a treatment right after
// "on"; this reads the rest of the clause. "You're on the right track",
// "she's on call Friday" (no list before the day), staff ("Dr. Lee is on
// leave") and conditions ("if you're on Medicare") are no one's care.
func (pp *phiPass) placedOnAt(i int) (from, to int) {
	d := pp.d
	// A general word later in the sentence ("we'll call if a slot
	// frees up") is not this clause's.
	if pp.genericUpTo(i) || pp.conditional(i) || pp.speculative(d.Words[i].Sentence) {
		return 0, 0
	}
	if from = pp.personSubjectBefore(i); from < 0 || pp.staff[from] || d.Is(from-1, practice.StaffTitles) {
		return 0, 0
	}
	booked := false
	for k := i + 1; k <= i+8 && pp.sameClause(i, k); k++ {
		if pp.isPost(k) {
			return 0, 0
		}
		booked = booked || d.Is(k, scheduleLists)
		if t, _ := pp.timeAt(k); t > 0 {
			if booked {
				return from, t
			}
			k = t - 1
			continue
		}
		if k <= i+3 || !text.IsDigit(d.Words[k].Lower[0]) {
			if t := pp.clueAt(k, false); t > 0 {
				return from, t
			}
		}
	}
	return 0, 0
}

// clueAt returns the end of a number or a care term at word r (a body
// part only if body), or of a time ("Thursday", "in 12 days"), or 0; a
// word the comment used is the writer's to tell, not ours ("since yours
// is 2 weeks" under "mine has hurt for 2 weeks", "because you're on
// Oscar" under a question about Oscar).
func (pp *phiPass) clueAt(r int, body bool) int {
	d := pp.d
	to, _ := pp.timeAt(r)
	if m := pp.care(r); to == 0 && m.From >= 0 && m.List != care.Clinicians.ID && (body || m.List != care.Body.ID) && !d.Is(r, feelings) && !d.Is(r, everydayCare) {
		to = m.To
	}
	if to == 0 && (text.IsDigit(d.Words[r].Lower[0]) || body && d.Is(r, bodyNouns)) {
		to = r + 1
	}
	if to > 0 && pp.inComment(d.Words[r].Lower) {
		return 0
	}
	return to
}
