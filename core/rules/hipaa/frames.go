package hipaa

import (
	"slices"
	"strings"

	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/lex/words"
	"github.com/replyguard/replyguard/core/text"
)

// Visit frames tie a person to visits without naming a treatment: a visit
// word made routine ("at every checkup", "six months of weekly sessions") in
// a sentence that refers to the person, or a clinician's past time with
// them ("our surgeon spent 40 minutes with you").

var (
	visitNouns = &vocabLists[listVisitNouns]
	recurrence = &vocabLists[listRecurrence]
	spentVerbs = &vocabLists[listSpentVerbs]
	// spentLengths: "minutes", "hours" after a spent verb.
	spentLengths = &wordSets[listSpentLengths]
	// seenPersons after a spent verb: "saw you", "spent an hour with him".
)

func (pp *phiPass) visitFrameHits() []phiHit {
	d := pp.d
	hits := pp.bufs[bufFrame][:0]
	hasRecurs, hasSpent := d.Contains(recurrence), d.Contains(spentVerbs)
	// A program word ("group") starts a program frame (programs.go).
	hasProgram := pp.cls2All&c2ProgramNouns != 0
	if !hasRecurs && !hasSpent && !pp.countedTimes && !hasProgram {
		return nil // most replies: no word to test
	}
	for i := range d.Words {
		recurs, spent := hasRecurs && d.Is(i, recurrence), hasSpent && d.Is(i, spentVerbs)
		from, to := 0, 0
		if recurs || pp.countedTimes && pp.cues[i]&cueTime != 0 && inSet(d, i+1, routineTimes) { // "every", "twice", "11 times"
			from, to = pp.routineVisitAt(i)
		} else if hasProgram && pp.cls2[i]&c2ProgramNouns != 0 {
			if from = pp.programAt(i); from >= 0 {
				to = i + 1
			}
		}
		if to > 0 {
			hits = pp.hit(hits, from, to, confirmed, srcVisitFrame)
			continue
		}
		if !recurs && !spent {
			continue // most words
		}
		s := d.Words[i].Sentence
		f := &pp.flags[s]
		// A named or third person, or "you" with something that happened,
		// in the same clause: "we make every visit calm, and you noticed"
		// ties no visit to anyone.
		refers := f.name || f.third || f.you && (f.pastTense || f.empathy || recurs && pp.youDidBefore(i))
		// "at every checkup", "weekly sessions"; not "bring it to every visit".
		if recurs && refers && !pp.conditional(i) && !f.offer && !pp.imperative(s) && !f.genericStatement && pp.clauseRefers(i) {
			for k := i + 1; k <= i+2 && k < len(d.Words) && d.Words[k].Sentence == s; k++ {
				if d.Is(k, visitNouns) {
					hits = pp.hit(hits, i, k+1, confirmed, srcVisitFrame)
					break
				}
			}
		}
		// "<clinician> spent … with you", "<clinician> saw you"; "I spent
		// 14 minutes with you": a length given to the person makes the
		// writer, or "he", the clinician.
		if spent && i > 0 && !pp.conditional(i) {
			clinician := pp.clinicianBefore(i)
			length := !clinician && pp.sameClause(i-1, i) && (pp.is(i-1, cWriterSelf) || d.Is(i-1, thirdWords) && !d.Is(i-1, possessives))
			last := i + 5
			if length {
				last = i + 7 // "I spent 18 minutes in the room with you"
			}
			for k := i + 1; (clinician || length) && k <= last && k < len(d.Words) && d.Words[k].Sentence == s; k++ {
				if length && inSet(d, k, spentLengths) {
					clinician = true
				}
				if pp.is(k, cSeenPersons) {
					if clinician {
						hits = pp.hit(hits, i, k+1, confirmed, srcVisitFrame)
					}
					break
				}
			}
		}
	}
	pp.bufs[bufFrame] = hits // the array is kept for the next check
	return hits
}

var (
	routineVerbs   = &wordSets[listRoutineVerbs]
	routineBe      = &wordSets[listRoutineBe]
	routinePlaces  = &wordSets[listRoutinePlaces]
	routineUnits   = &wordSets[listRoutineUnits]
	routineFillers = &wordSets[listRoutineFillers]
	routineTimes   = &wordSets[listRoutineTimes]
	routineRates   = &wordSets[listRoutineRates]
)

// routineEnd reads how often something recurs at word i and returns the
// word after it, or 0: "every 6 weeks", "every other Tuesday", "twice a
// month", "three times a week", "11 times", "twice".
func (pp *phiPass) routineEnd(i int) int {
	d := pp.d
	k := i + 1
	switch {
	case inSet(d, i, contactCounts): // "twice", "thrice"
	case d.Is(i, recurrence): // "every", "each"
		if inSet(d, k, routineFillers) || pp.is(k, cCountWords) || k < len(d.Words) && text.IsDigit(d.Words[k].Lower[0]) {
			k++
		}
		if pp.routineUnit(i, k) {
			return k + 1
		}
		return 0
	case inSet(d, k, routineTimes): // "11 times", "three times"
		k++
	default:
		return 0
	}
	if inSet(d, k, routineRates) && pp.routineUnit(i, k+1) {
		return k + 2 // "… a week"
	}
	return k
}

// routineUnit reports a unit of the calendar at word k in word i's
// clause: "weeks", "month", "Tuesday".
func (pp *phiPass) routineUnit(i, k int) bool {
	return pp.sameClause(i, k) && (inSet(pp.d, k, routineUnits) || pp.d.Is(k, weekdays))
}

// routineVisitAt reads a person's visits made a routine at word i, where
// how often they recur starts: "she comes in every 6 weeks", "we love
// seeing Mason and Lily every six months", "you've been here 11 times",
// "brought him twice a month". The verb of attendance comes first in the
// clause, with the person as its subject or object; an offer, a
// condition or an instruction ("come see us every Tuesday") is anyone's.
func (pp *phiPass) routineVisitAt(i int) (from, to int) {
	end := pp.routineEnd(i)
	if end == 0 {
		return 0, 0
	}
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if f.offer || f.genericStatement || pp.imperative(s) || pp.conditional(i) {
		return 0, 0
	}
	for v := i - 1; v >= 0 && v >= i-6 && pp.sameClause(v, i); v-- {
		attend := inSet(d, v, routineVerbs)
		if !attend && inSet(d, v, routineBe) && inSet(d, v+1, routinePlaces) {
			attend = true // "been here"
		}
		if !attend || pp.unrealised(v) {
			continue
		}
		if pp.careBetween(v, i) {
			return 0, 0 // "coming to his therapy every week": the care frames read it
		}
		// The person: the object right after ("seeing you", "brought
		// him"), or the subject up to three words before ("she comes",
		// "you've always been here").
		if pp.sameClause(v, v+1) && pp.routinePerson(v+1) {
			return v, end
		}
		for p := v - 1; p >= 0 && p >= v-3 && pp.sameClause(p, v); p-- {
			if pp.routinePerson(p) {
				return p, end
			}
		}
	}
	return 0, 0
}

// careBetween reports a care term starting between words v and i.
func (pp *phiPass) careBetween(v, i int) bool {
	for k := v + 1; k < i; k++ {
		if pp.careIdx[k] >= 0 {
			return true
		}
	}
	return false
}

// routinePerson reports a reference to a person at word i: you, he or
// she ("your son" by its "your"), or a name that is not staff: "sees
// kids every Monday" is anyone's.
func (pp *phiPass) routinePerson(i int) bool {
	d := pp.d
	return d.Is(i, youWords) || d.Is(i, thirdWords) || pp.vocative[i] || pp.nameAt(i)
}

// clinicianBefore reports one of the practice's clinicians ("our surgeon",
// "Dr. Lee") among the three words before word i.
func (pp *phiPass) clinicianBefore(i int) bool {
	d := pp.d
	for k := i - 1; k >= 0 && k >= i-3 && d.Words[k].Sentence == d.Words[i].Sentence; k-- {
		if m, ok := d.LongestAt(k, clinicianGroup); ok && m.To <= i && pp.is(k-1, cOurWords) {
			return true // "our surgeon", not "the orthodontist who examined him"
		}
		if pp.staff[k] && k > 0 && d.Is(k-1, titles) {
			return true // "Dr. Lee spent"
		}
	}
	return false
}

var (
	clinicianGroup = care.Clinicians.Group
	titles         = practice.StaffTitles
)

// clauseRefers reports a reference to the person (you, your, a family
// member, he or she, a name) in the clause of word i: clauses end at the
// sentence's ends and at , ; : and dashes.
// youDidBefore reports "you" and a past verb right after it earlier in
// word i's clause: "you nailed every session", "you showed up to every
// visit". "You get a reminder before every visit" says what happens to anyone.
func (pp *phiPass) youDidBefore(i int) bool {
	d := pp.d
	for k := i - 1; k >= 1 && k >= i-5 && pp.sameClause(k, i); k-- {
		if participle(d, k) && d.Is(k-1, youWords) && pp.sameClause(k-1, k) {
			return true
		}
	}
	return false
}

func (pp *phiPass) clauseRefers(i int) bool {
	from, to := i, i
	for pp.sameClause(i, from-1) {
		from--
	}
	for pp.sameClause(i, to+1) {
		to++
	}
	for k := from; k <= to; k++ {
		if pp.refersAt(k) {
			return true
		}
	}
	return false
}

// refersAt reports word k naming the person or someone else: "you", a
// third person, a family word, a greeting or a known first name that is
// not staff's. Not inlined: one copy serves clauseRefers and ourDoing.
//
//go:noinline
func (pp *phiPass) refersAt(k int) bool {
	d := pp.d
	return d.Is(k, youWords) || d.Is(k, thirdWords) || d.Is(k, care.Family) || pp.vocative[k] ||
		!pp.staff[k] && d.Is(k, firstNames) && pp.is(k, cCapital)
}

// clauseBreak reports a gap between words holding a , ; : or a dash (— or
// –). Read byte by byte: it runs for every gap, and strings.ContainsAny
// with a non-ASCII set decodes each rune, which is slow in engine.wasm.
func clauseBreak(gap string) bool {
	if gap == " " { // most gaps are one space
		return false
	}
	for k := 0; k < len(gap); k++ {
		switch gap[k] {
		case ',', ';', ':':
			return true
		case 0xD8: // the Arabic comma ، and semicolon ؛ (D8 8C, D8 9B)
			if k+1 < len(gap) && (gap[k+1] == 0x8C || gap[k+1] == 0x9B) {
				return true
			}
		case 0xF0: // an emoji (four bytes, U+1Fxxx) between words ends a thought: "sorry about your sister 💗 our group meets …"
			return true
		case 0xE2: // — is E2 80 94, – is E2 80 93
			if k+2 < len(gap) && gap[k+1] == 0x80 && (gap[k+2] == 0x94 || gap[k+2] == 0x93) {
				return true
			}
		}
	}
	return false
}

// History frames: what the person did or was told in their care ("you
// signed the consent form", "you were 20 minutes late", "she had lost hers
// twice"). Replies that rebut a reviewer are full of them: telling what
// someone did at their visit confirms the visit.
var (
	historySubjects    = &cueLists[listHistorySubjects]
	historyVerbs       = &cueLists[listHistoryVerbs]
	historyParticiples = &cueLists[listHistoryParticiples]
	historyStates      = &cueLists[listHistoryStates]
	historyPresent     = &cueLists[listHistoryPresent]
	historyBe          = &cueLists[listHistoryBe]
	historyFillers     = &cueLists[listHistoryFillers]
)

// lostTime reports that the words from k, after "lost" or "missed" at
// k-1, name a stretch of the person's own day or work ("a whole morning",
// "time off work", "two hours"): no care of theirs. "Two days of your
// antibiotic" is care again: "of" may lead only to more time or work.
func (pp *phiPass) lostTime(i, k int) bool {
	d := pp.d
	if pp.class2(k-1)&c2TimeLostVerbs == 0 {
		return false
	}
	for ; k <= i+8 && pp.sameClause(i, k); k++ {
		c := pp.class2(k)
		if c&c2TimeLost != 0 {
			return !pp.sameClause(k, k+2) || d.Words[k+1].Lower != "of" || pp.class2(k+2)&c2TimeLost != 0
		}
		if c&c2TimeLostFillers == 0 && d.Words[k].Shape&text.AllDigits == 0 {
			return false
		}
	}
	return false
}

// plainCall reports a call the person made to the practice, read at its
// subject word i, that nothing picks out ("are you sure you called the
// right number?", "maybe you called after hours"): reaching the front
// desk is no care of theirs. A name, a time, a count or a care word in
// the sentence ("you called at 11", "you have called 14 times", "the day
// you called about the crown") tells more.
func (pp *phiPass) plainCall(i int) bool {
	d := pp.d
	s := d.Words[i].Sentence
	if f := &pp.flags[s]; f.name || f.time || f.care || f.third || pp.addressed {
		return false
	}
	for k := d.SentWords[s].Start; k < d.SentWords[s].End; k++ {
		if text.IsDigit(d.Words[k].Lower[0]) || inSet(d, k, contactCounts) || pp.is(k, cCountWords) {
			return false
		}
	}
	return true
}

// askedDetail reports the subject word i in a clause that opens by asking
// the person to pass "us" something ("please DM us which day you rang"):
// the reply asks for what they did, it tells nothing.
func (pp *phiPass) askedDetail(i int) bool {
	d := pp.d
	from := i
	for pp.sameClause(i, from-1) {
		from--
	}
	if d.Is(from, words.Please) {
		from++
	}
	return from+1 < i && pp.class2(from)&c2AskDetailVerbs != 0 && d.Words[from+1].Lower == "us"
}

// among reports word k among the plain entries l.
func (pp *phiPass) among(k int, l []string) bool {
	return uint(k) < uint(len(pp.d.Words)) && slices.Contains(l, pp.d.Words[k].Lower)
}

var askedStateOpeners = &wordSets[listAskedStateOpeners]

// askedState reports the subject word i ("you're", "she's") of how the
// person is doing, asked rather than told: "take a look at how you're
// healing", "make sure you're healing okay", under a comment in which
// they told of it, in a reply that hands it to a private line. The
// practice wants to hear how they are; it tells nothing of their care.
func (pp *phiPass) askedState(i int) bool {
	d := pp.d
	if i < 1 || !inSet(d, i-1, askedStateOpeners) || !pp.sameClause(i-1, i) || !(d.Is(i, youWords) || d.Is(i, thirdWords)) || d.Is(i, possessives) {
		return false
	}
	return pp.comment != nil && len(pp.comment.Words) > 0 && pp.privateLine()
}

// historyAt reads a history frame at the subject word i and returns the
// word after it, or 0; state when it only says how the person is doing
// ("she's feeling better") or what is done now, which is theirs once the
// reply discloses.
func (pp *phiPass) historyAt(i int) (to int, state bool) {
	d := pp.d
	// "so glad you came!" under thanks for the picnic: the person came to
	// the event (eventAttended), no visit of theirs.
	if pp.conditional(i) || pp.flags[d.Words[i].Sentence].offer || pp.askedDetail(i) || pp.eventAttended(lex.Match{From: i, To: i + 1}) || pp.askedState(i) {
		return 0, false
	}
	w := d.Words[i].Lower
	// "you're", "she's", "is": the present says what is or will be done,
	// as a policy says it to anyone ("before you're seen"), so it is the
	// person's only once the reply discloses.
	present := strings.HasSuffix(w, "'re") || strings.HasSuffix(w, "'s")
	be := present
	for k := i + 1; k <= i+5 && pp.sameClause(i, k); k++ {
		switch {
		case !be && d.Is(k, historyVerbs), be && d.Is(k, historyParticiples):
			// "you chose Lakeside", "you chose us": choosing the practice
			// is no care of theirs; "usted no tenía Medicaid" names a plan.
			if pp.sameClause(i, k+1) && (pp.is(k+1, cCapital) && pp.care(k+1).From < 0 || pp.staff[k+1]) {
				return 0, false
			}
			if !be && pp.lostTime(i, k+1) {
				return 0, false
			}
			if !be && d.Is(k, contactActs) && pp.plainCall(i) {
				return 0, false
			}
			return k + 1, present || pp.echoedHistory(i)
		case be && d.Is(k, historyStates):
			return k + 1, true
		case d.Is(k, historyBe), d.Is(k, historyPresent):
			be = true
			present = present || d.Is(k, historyPresent)
		case d.Is(k, historyFillers) || be && text.IsDigit(d.Words[k].Lower[0]):
		case k == i+1 && pp.nameAt(k):
			// "su esposo Roberto recibió": the relative's name.
		default:
			return 0, false
		}
	}
	return 0, false
}

// Instruction frames: care instructions for the person ("keep wearing the
// binder", "wear that retainer every night"), read once the reply
// discloses, as pp.later. Only at the start of a clause and pointing at
// something ("the", "that", "your"): "we use the latest tools" describes
// the practice, "take a look" invites anyone.
var (
	instructionVerbs   = &cueLists[listInstructionVerbs]
	instructionObjects = &cueLists[listInstructionObjects]
)

// instructionAt reads an instruction at word i and returns the word after
// its object, or 0.
func (pp *phiPass) instructionAt(i int) int {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	opens := i == d.SentWords[s].Start || !pp.sameClause(i-1, i) || d.Words[i-1].Lower == "and" || d.Words[i-1].Lower == "please"
	if f.offer || f.genericStatement || pp.standingOffer(s) || pp.speculative(s) || pp.conditional(i) {
		return 0
	}
	k := i + 1
	if pp.sameClause(i, k) && strings.HasSuffix(d.Words[k].Lower, "ing") {
		k++ // "keep wearing"
		// "remember to keep using": an instruction passed on.
		opens = opens || d.Words[i-1].Lower == "to"
	}
	if !opens {
		return 0
	}
	if !pp.sameClause(i, k) || !d.Is(k, instructionObjects) {
		return 0
	}
	if !pp.sameClause(i, k+1) {
		return k + 1
	}
	if d.Words[k+1].Lower == "up" {
		return 0 // "keep it up" cheers anyone on
	}
	return k + 2
}

// Practice acts: what the practice did to or for the person ("we called you
// twice", "told you", "we switched her to the patch"), read once the reply
// discloses, as pp.later.
var practiceActs = &cueLists[listPracticeActs]

// actAt reads a practice act at the verb word i and returns the word after
// the person it was done to, or 0.
func (pp *phiPass) actAt(i int) int {
	s := pp.d.Words[i].Sentence
	f := &pp.flags[s]
	if f.offer || f.genericStatement || pp.standingOffer(s) || pp.conditional(i) {
		return 0
	}
	// "told you", "explained to you", "explained that to you"
	for k := i + 1; k <= i+3 && pp.sameClause(i, k); k++ {
		if pp.is(k, cSeenPersons) {
			return k + 1
		}
		// "we cared for your son": a relative is a person it was done to.
		if d := pp.d; d.Is(k, possessives) && k+1 < len(d.Words) && d.Is(k+1, familyNouns) {
			return k + 2
		}
	}
	return 0
}

// weDidToThem reports the practice act at verb i, done to the person
// before word to, told by the writer of someone else: "we saw him for his
// wrist", "we treated her", "we all cared for him". The practice speaks
// of a third person's care it gave, which confirms them on its own; "we
// told you" is the reader's, often a reminder anyone hears, and waits
// for another disclosure (pp.later).
func (pp *phiPass) weDidToThem(i, to int) bool {
	d := pp.d
	if d.Is(to-1, youWords) {
		return false
	}
	return i > 0 && pp.is(i-1, cWriterSelf) && pp.sameClause(i-1, i) || i > 1 && pp.is(i-2, cWriterSelf) && pp.sameClause(i-2, i)
}
