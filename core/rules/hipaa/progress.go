package hipaa

import (
	"strings"

	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/text"
)

// Course-of-care frames: what a clinician knows about one person's care
// without naming a treatment. A counted course under way ("only 6
// sessions left", "2 sessions in"), a question after their body or
// condition ("how's the knee?"), and a finding of theirs with its result
// ("your margins came back clear", "his levels are normal"), and care
// pointed at as known to both ("those rubber bands").

// The messages several frames share.
const (
	msgResults      = "mentions the person's results"
	msgVisits       = "mentions the person's visits"
	msgCourse       = "mentions the person's course of care"
	msgNameNearCare = "names the person next to care details"
)

func (pp *phiPass) courseHits() []phiHit {
	d := pp.d
	hits := pp.bufs[bufCourse][:0]
	cues := pp.cues
	for i, c := range pp.cls {
		// Every frame starts at a time cue (a count or a digit), an owner
		// (a possessive, or a capitalised name) or a class word: most
		// words are none.
		if cues[i]&(cueTime|cueOwn) == 0 && c&(cAskAfter|cDemonstratives|cCapital) == 0 {
			continue
		}
		switch {
		case cues[i]&cueTime != 0 && (c&cCountWords != 0 || text.IsDigit(d.Words[i].Lower[0])):
			if to := pp.countedCourse(i); to > 0 {
				hits = pp.hit(hits, i, to, msgCourse, srcCourse)
			} else if to := pp.countedVisitsAt(i); to > 0 {
				hits = pp.hit(hits, i, to, msgVisits, srcCountedVisits)
			}
		case c&cAskAfter != 0:
			if to := pp.askAfter(i); to > 0 {
				hits = pp.hit(hits, i, to, "asks after the person's condition", srcAskAfter)
			}
		case c&cDemonstratives != 0:
			if to := pp.pointedCare(i); to > 0 {
				hits = pp.hit(hits, i, to, details, srcPointedCare)
			} else if to := pp.pointedCountAt(i); to > 0 {
				hits = pp.hit(hits, i, to, msgCourse, srcPointedCount)
			}
		// A named owner ("Eli's") is capitalised: the bit test spares
		// the owner tests on every other word.
		case d.Is(i, possessives) || c&cCapital != 0 && pp.isNamedOwner(i):
			if to := pp.ownedResult(i); to > 0 && pp.echoedSymptom(i) {
				pp.later = pp.hit(pp.later, i, to, msgResults, srcResults)
			} else if to > 0 {
				hits = pp.hit(hits, i, to, msgResults, srcResults)
			} else if to := pp.newBodyAt(i); to > 0 {
				hits = pp.hit(hits, i, to, details, srcResults)
			} else if to := pp.careActAt(i); to > 0 {
				hits = pp.hit(hits, i-1, to, details, srcResults)
			}
		}
	}
	hits = pp.cameInForHits(hits)
	pp.bufs[bufCourse] = hits // the array is kept for the next check
	return hits
}

// visitInVerbs before "in for" say someone visited (cameInForHits).
var visitInVerbs = &wordSets[listVisitInVerbs]

// cameInForHits adds visits for care whoever the subject: "both of them
// came in for stitches", "Frank was in for an asthma attack": a past verb,
// "in for" and a care term within two words. "Anyone who came in for a
// flu shot" and "if you came in for a cleaning" are general.
func (pp *phiPass) cameInForHits(hits []phiHit) []phiHit {
	d := pp.d
	if pp.cls2All&c2VisitInVerbs == 0 {
		return hits // no verb of visiting: no frame starts
	}
	for i := 0; i+3 < len(d.Words); i++ {
		// (visitInVerbs by its class bit, newPHIPass's one lookup)
		if pp.cls2[i]&c2VisitInVerbs == 0 || d.Words[i+1].Lower != "in" || d.Words[i+2].Lower != "for" || !pp.sameClause(i, i+3) {
			continue
		}
		s := d.Words[i].Sentence
		f := &pp.flags[s]
		if pp.conditional(i) || f.offer || f.ifYou || pp.genericUpTo(i) || pp.speculative(s) {
			continue
		}
		for k := i + 3; k <= i+5 && pp.sameClause(i, k); k++ {
			if m := pp.care(k); m.From >= 0 && m.List != care.Clinicians.ID && !d.Is(m.From, feelings) {
				hits = pp.hit(hits, i, m.To, confirmed, srcVisitFrame)
				break
			}
		}
	}
	return hits
}

// echoedSymptom reports sympathy for the body part the commenter wrote
// of, owned at word i ("sorry your arm is sore" under "my arm is killing
// me"): it repeats their own symptom, theirs only once the reply
// discloses something else (as careFrame does for a care word).
func (pp *phiPass) echoedSymptom(i int) bool {
	d := pp.d
	f := &pp.flags[d.Words[i].Sentence]
	return pp.comment != nil && f.empathy && !f.name && !f.time && !f.pastTense && i+1 < len(d.Words) &&
		d.Is(i+1, bodyNouns) && pp.careInComment(lex.Match{From: i + 1, To: i + 2})
}

// echoedBodyBefore reports an echoed symptom's owner ("sorry your arm is
// sore") up to three words before word i in its clause.
func (pp *phiPass) echoedBodyBefore(i int) bool {
	for o := max(i-3, 0); o < i; o++ {
		if pp.d.Is(o, possessives) && pp.sameClause(o, i) && pp.echoedSymptom(o) {
			return true
		}
	}
	return false
}

// isNamedOwner: "Eli's" owns what follows.
func (pp *phiPass) isNamedOwner(i int) bool {
	return pp.isOwner(i) && !pp.is(i, cYouSubjects) && !pp.d.Is(i, timePossessives)
}

// sameClause reports that words i and k are in one clause.
func (pp *phiPass) sameClause(i, k int) bool {
	return uint(k) < uint(len(pp.clause)) && uint(i) < uint(len(pp.clause)) && pp.clause[i] == pp.clause[k]
}

// clauseGoesOn reports that word k is in word i's clause (i < k).
func (pp *phiPass) clauseGoesOn(i, k int) bool { return pp.sameClause(i, k) }

// endsClause reports that nothing of word k's clause follows it.
func (pp *phiPass) endsClause(k int) bool { return !pp.sameClause(k, k+1) }

// countedCourse reads "6 sessions left", "2 sessions in", "4 sessions to
// go" at word i and returns the word after the frame, or 0. The progress
// word must end its clause: "6 sessions left this week" is an opening in
// the calendar, not someone's course.
func (pp *phiPass) countedCourse(i int) int {
	d := pp.d
	s := d.Words[i].Sentence
	if !pp.sameClause(i, i+1) || !d.Is(i+1, visitNouns) || pp.conditional(i) || pp.flags[s].offer || pp.flags[s].generic {
		return 0
	}
	for k := i + 2; k <= i+3 && pp.sameClause(i, k); k++ {
		if pp.is(k, cProgressWords) && pp.endsClause(k) {
			return k + 1
		}
	}
	return 0
}

// askAfter reads "how's the knee?", "how are those ears" at word i: a
// determiner, at most one modifier, a care or body noun, and then the
// clause ends or a time or a state follows ("since Tuesday", "holding up"). "How's the procedure
// done?" asks how care works, not after anyone.
func (pp *phiPass) askAfter(i int) int {
	d := pp.d
	j := i + 1
	if pp.is(j, cResultLinks) {
		j++
	}
	if !pp.sameClause(i, j) || !pp.is(j, cDeterminers) {
		return 0
	}
	for k := j + 1; k <= j+2 && pp.sameClause(i, k); k++ {
		to := k + 1
		if m := pp.care(k); m.From >= 0 {
			to = m.To
		} else if !d.Is(k, bodyNouns) {
			continue
		}
		if pp.endsClause(to-1) || d.Is(to, timeWords) || pp.is(to, cAskAfterFollow) {
			return to
		}
	}
	return 0
}

// resultUnits follow a number that measures a finding (ownedResult).
var resultUnits = &wordSets[listResultUnits]

// resultOutcomes, resultChecks and measureReadings widen ownedResult's
// result words, linking verbs and measures beyond their class lists.
var (
	resultOutcomes  = &wordSets[listResultOutcomes]
	resultChecks    = &wordSets[listResultChecks]
	measureReadings = &wordSets[listMeasureReadings]
)

// measuredMoves, measuredChanges and measuredDirections read how a
// measure someone owns moved or held (ownedResult): "your FEV1 went up",
// "her creatinine climbed", "your potassium is under control".
var (
	measuredMoves      = &wordSets[listMeasuredMoves]
	measuredChanges    = &wordSets[listMeasuredChanges]
	measuredDirections = &wordSets[listMeasuredDirections]
	resultShows        = &wordSets[listResultShows]
)

// resultWord: word k states a result after a linking verb ("came back
// clear", "was inconclusive").
func (pp *phiPass) resultWord(k int) bool {
	return pp.is(k, cResultWords) || inSet(pp.d, k, resultOutcomes)
}

// resultLink: word k links a finding to its result ("came", "checked
// out"); "checked" and "turned" only before "out": "the plan turned down
// the claim" states no result.
func (pp *phiPass) resultLink(k int) bool {
	d := pp.d
	return pp.is(k, cResultLinks) || inSet(d, k, resultChecks) && k+1 < len(d.Words) && d.Words[k+1].Lower == "out"
}

// measureNoun: word k names what a test measures ("levels", "load").
func (pp *phiPass) measureNoun(k int) bool {
	return pp.is(k, cMeasureNouns) || inSet(pp.d, k, measureReadings)
}

// renewalWords say a body part was rebuilt or replaced (newBodyAt).
var renewalWords = &wordSets[listRenewalWords]

// newBodyAt reads a rebuilt or replaced body part at the owner word i:
// "your new nose", "his new knee". "Your new look" and "your new glasses"
// name no body part; "if your new hip aches" is a condition.
func (pp *phiPass) newBodyAt(i int) int {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if !pp.sameClause(i, i+2) || !inSet(d, i+1, renewalWords) || !d.Is(i+2, bodyNouns) ||
		pp.conditional(i) || f.offer || f.ifYou || pp.genericUpTo(i) || pp.speculative(s) {
		return 0
	}
	return i + 3
}

// careActsDone are past acts of care on a body part (careActAt).
var careActsDone = &wordSets[listCareActsDone]

// careActAt reads a past act of care on an owned body part or care term
// at the owner word i: "she cleaned your teeth", "we stitched his hand".
// It returns the word after the part, or 0. "We can clean your teeth" and
// "to adjust your back" are offers (the present forms are not listed,
// and unrealised reads a modal or "to"); "if we filled your tooth" is a
// condition.
func (pp *phiPass) careActAt(i int) int {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if i == 0 || !pp.sameClause(i-1, i) || !inSet(d, i-1, careActsDone) || pp.unrealised(i-1) ||
		f.offer || f.ifYou || pp.genericUpTo(i) || pp.speculative(s) {
		return 0
	}
	for k := i + 1; k <= i+2 && pp.sameClause(i, k); k++ {
		if d.Is(k, bodyNouns) {
			return k + 1
		}
		if m := pp.care(k); m.From >= 0 && m.List != care.Clinicians.ID {
			return m.To
		}
	}
	return 0
}

// genericUpTo reports a general word ("most", "anyone", "usually") in
// word i's sentence before the end of i's clause. A later clause's are its
// own: "Your ankle was a sprain, and we see people who are sicker first"
// states her result; "Usually, your swelling is down by day 3" does not.
func (pp *phiPass) genericUpTo(i int) bool {
	d := pp.d
	_, to := pp.clauseWords(i)
	for k := d.SentWords[d.Words[i].Sentence].Start; k < to; k++ {
		if sentClass(d.Flags(k, classFlags))&(clGeneric|clGenericStatement) != 0 {
			return true
		}
	}
	return false
}

// ownedResult reads "your margins came back clear", "his PSA is now
// undetectable", "yours came back benign" at the owner word i: an owned
// finding (a measure, a care term or a body part), a linking verb, and a
// result word in the same clause. "Your smile is beautiful" has no result;
// "if your test comes back positive" is a condition.
func (pp *phiPass) ownedResult(i int) int {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if pp.conditional(i) || f.offer || pp.genericUpTo(i) || pp.speculative(s) || f.ifYou {
		return 0
	}
	subject := pp.resultLink(i + 1) // "yours came back"
	measured := false
	// Each step tests one more gap: word k-1 is already in i's clause.
	for k := i + 1; k <= i+5 && pp.clauseGoesOn(i, k); k++ {
		// "your brows healed", "his ankle improved"; in answer to a
		// question "keep your foot elevated" is advice.
		// (Only the class's words: "your plan turned down the claim".)
		if subject && pp.is(k, cResultWords) && !pp.answersQuestion {
			return k + 1
		}
		// An owned measure that moved or held: "your FEV1 went up",
		// "his counts held up great", "her A1C dropped".
		if measured && inSet(d, k, measuredChanges) {
			return k + 1
		}
		if measured && inSet(d, k, measuredMoves) {
			for r := k + 1; r <= k+3 && pp.clauseGoesOn(i, r); r++ {
				if pp.resultWord(r) || inSet(d, r, measuredDirections) {
					return r + 1
				}
			}
			return 0
		}
		// A finding of theirs that shows something: "your report shows
		// 3.2 hours a night", "her screen showed some anxiety".
		if subject && inSet(d, k, resultShows) {
			for r := k + 1; r <= k+4 && pp.clauseGoesOn(i, r); r++ {
				if text.IsDigit(d.Words[r].Lower[0]) || pp.resultWord(r) {
					return r + 1
				}
				if m := pp.care(r); m.From >= 0 && m.List == care.Conditions.ID && !d.Is(r, feelings) {
					return m.To
				}
			}
			return 0
		}
		if !pp.resultLink(k) {
			// A measure or a test named by its acronym ("your LDL", "his
			// AHI") is read in numbers: "your LDL was 190", "your AHI went
			// from 42 to 2".
			if pp.measureNoun(k) || acronym(d.Text[d.Words[k].Start:d.Words[k].End]) {
				measured = true
			}
			if pp.measureNoun(k) || d.Is(k, bodyNouns) || pp.care(k).From >= 0 || measured {
				subject = true
			}
			if measured && d.Words[k].Lower == "went" && pp.clauseGoesOn(i, k+2) && d.Words[k+1].Lower == "from" && text.IsDigit(d.Words[k+2].Lower[0]) {
				return k + 3
			}
			continue
		}
		if !subject {
			return 0
		}
		for r := k + 1; r <= k+3 && pp.clauseGoesOn(i, r); r++ {
			if pp.resultWord(r) || measured && inSet(d, r, measuredDirections) {
				return r + 1
			}
			// A diagnosis or a measure is a result too: "your ankle was a
			// sprain", "her cervix was still at 2 cm".
			if m := pp.care(r); m.From >= 0 && !d.Is(r, feelings) &&
				(m.List == care.Conditions.ID || m.List == care.Nouns.ID && (d.Words[r-1].Lower == "a" || d.Words[r-1].Lower == "an")) {
				return m.To
			}
			if text.IsDigit(d.Words[r].Lower[0]) && pp.clauseGoesOn(i, r+1) && inSet(d, r+1, resultUnits) {
				return r + 2
			}
			if measured && text.IsDigit(d.Words[r].Lower[0]) {
				return r + 1
			}
		}
		return 0
	}
	return 0
}

// pointedCare reads "those rubber bands", "that temporary" at word i: a
// demonstrative points at care both sides already know about, so the care
// is the person's. "This" is left out: "this treatment is great for…"
// describes a service.
func (pp *phiPass) pointedCare(i int) int {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if pp.conditional(i) || f.offer || f.generic || f.genericStatement || pp.speculative(s) || pp.answersQuestion || pp.standingOffer(s) || f.ifYou {
		return 0
	}
	// "Love my new glasses!" -> "those frames are great": the reply points
	// at what the commenter showed, unless it adds when or what happened.
	if pp.comment != nil && pp.comment.Any(care.All) && !f.time && !f.pastTense && !f.event {
		return 0
	}
	// "note that your", "posting that defamatory statements": "that"
	// before a determiner or a plural opens a clause; it points at
	// nothing ("that Achilles", "that biceps" are one).
	if pp.is(i+1, cDeterminers|cOurWords) {
		return 0
	}
	for k := i + 1; k <= i+2 && pp.sameClause(i, k); k++ {
		m := pp.care(k)
		if m.From < 0 {
			continue
		}
		if w := d.Words[m.To-1].Lower; d.Words[i].Lower == "that" && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !pp.is(m.To-1, cCapital) && !d.Is(m.To-1, bodyNouns) {
			return 0
		}
		if m.List == care.Clinicians.ID || pp.staff[m.From] || pp.verbUse(m) || pp.ambiguousCare(m) || d.Is(m.From, everydayCare) || d.Is(m.From, feelings) || pp.is(m.From, cShownSmiles) {
			return 0
		}
		return m.To
	}
	return 0
}

// changeVerbs start a measured change (changeAt).
var changeVerbs = &cueLists[listChangeVerbs]

// changeAt reads a measured change someone went through, at the change
// verb i: "Maya went from 2 words to 20", "her heart rate dropped from 110
// to 72", "his pain went from an 8 to a 2". A number or count after "from", a "to" later in the
// clause, and a person before the verb: a name, a pronoun, "your"/"their"
// and what they own. "A lot of people go from…" and "our team grew from
// 3 to 10" have no one in particular for a subject; "if you go from…",
// offers and statements about most patients are anyone's.
func (pp *phiPass) changeAt(i int) (from, to int) {
	d := pp.d
	f := i + 1
	if !pp.sameClause(i, f) || d.Words[f].Lower != "from" {
		return 0, 0
	}
	s := d.Words[i].Sentence
	fl := &pp.flags[s]
	if fl.generic || fl.genericStatement || fl.ifYou || pp.conditional(i) || pp.speculative(s) {
		return 0, 0
	}
	counted, toAt := false, -1
	for k := f + 1; k <= f+8 && pp.sameClause(i, k); k++ {
		w := d.Words[k].Lower
		if w == "to" {
			toAt = k
			break
		}
		if text.IsDigit(w[0]) || pp.is(k, cCountWords) {
			counted = true
		}
	}
	if !counted || toAt < 0 || !pp.sameClause(i, toAt+1) {
		return 0, 0
	}
	from = -1
	for k := i - 1; k >= 0 && k >= i-4 && pp.sameClause(k, i); k-- {
		if pp.is(k, cOurWords) {
			return 0, 0 // "our wait times went from…"
		}
		if d.Is(k, possessives) || d.Is(k, thirdWords) || d.Is(k, youWords) || d.Is(k, care.Family) || pp.is(k, cCapital) && pp.namedSubject(k) {
			from = k
		}
	}
	if from < 0 {
		return 0, 0
	}
	return from, toAt + 2
}

// countedVisitsAt reads visits someone had, counted, at the count word i:
// "you booked 4 sessions with me", "he skipped three adjustments", "she
// came to all 6 visits". The clause must name a person before
// the count and say something already happened (a past verb): "most
// people need 6 to 8 sessions", "the plan covers two cleanings" and "you
// can book 3 sessions" are anyone's.
func (pp *phiPass) countedVisitsAt(i int) int {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if f.generic || f.genericStatement || f.offer || f.ifYou || pp.conditional(i) || pp.speculative(s) || pp.standingOffer(s) {
		return 0
	}
	end := 0
	for k := i + 1; k <= i+3 && pp.sameClause(i, k); k++ {
		if d.Is(k, visitNouns) {
			end = k + 1
			break
		}
		if text.IsDigit(d.Words[k].Lower[0]) || d.Words[k].Lower == "more" {
			return 0 // "6 to 8 sessions", "two more visits"
		}
	}
	if end == 0 || pp.modalInClause(i) {
		return 0
	}
	from, past := -1, f.pastTense
	for k := i - 1; k >= 0 && k >= i-8 && pp.sameClause(k, i); k-- {
		if participle(d, k) {
			past = true
		}
		if d.Is(k, youWords) || d.Is(k, thirdWords) || d.Is(k, care.Family) || pp.is(k, cCapital) && pp.namedSubject(k) {
			from = k
		}
	}
	if from < 0 || !past {
		return 0
	}
	return end
}

// likeOwned compares care with the person's own (likeOwnedAt).
var likeOwned = &cueLists[listLikeOwned]

// likeOwnedAt reads care compared with the person's own, at "like yours"
// (word i): "a cracked crown like yours", "sprains like hers heal in a
// month". The care term ends right before "like": "like yours" owns it
// as "your" would, so a word with an everyday sense counts too; clinicians
// ("a dentist like yours"), everyday care words, conditions ("if a
// crown like yours…") and what the person wrote ("cards like yours make
// our week") are no one's care.
func (pp *phiPass) likeOwnedAt(i int) (from, to int) {
	d := pp.d
	for k := i - 1; k >= 0 && k >= i-4 && pp.sameClause(k, i); k-- {
		m := pp.care(k)
		if m.From < 0 || m.To != i {
			continue
		}
		if m.List == care.Clinicians.ID || d.Is(m.From, everydayCare) || d.Is(m.From, feelings) || pp.conditional(i) || pp.staff[m.From] || pp.isPost(m.From) {
			return 0, 0
		}
		return m.From, i + 2
	}
	return 0, 0
}

// pointedCounts point at a counted stretch of care (pointedCountAt).
var pointedCounts = newWordSet(listText[listPointedCounts])

// pointedCountAt reads a counted stretch of care pointed at as known to
// both, at the demonstrative i: "those 9 visits", "those 2 years were worth
// it", "those 3 rounds of laser". A count follows, then a visit, a unit of
// a course, a care term, a body part or a measure. Offers, conditions and
// statements about most people are anyone's.
func (pp *phiPass) pointedCountAt(i int) int {
	d := pp.d
	n, u := i+1, i+2
	if !inSet(d, i, pointedCounts) || !pp.sameClause(i, u) || !(pp.is(n, cCountWords) || text.IsDigit(d.Words[n].Lower[0])) {
		return 0
	}
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if f.offer || f.generic || f.genericStatement || f.ifYou || pp.conditional(i) || pp.speculative(s) || pp.standingOffer(s) {
		return 0
	}
	if m := pp.care(u); m.From >= 0 && m.List != care.Clinicians.ID {
		return m.To
	}
	if d.Is(u, visitNouns) || d.Is(u, courseUnits) || d.Is(u, bodyNouns) || pp.is(u, cMeasureNouns) {
		return u + 1
	}
	return 0
}
