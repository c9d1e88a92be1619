// Package hipaa is the rule "Don't forget about HIPAA": no public reply may
// confirm that someone is a patient, mention their care, or carry their
// identifiers.
package hipaa

import (
	"slices"
	"strings"
	"sync"

	"github.com/replyguard/replyguard/core/analyses/comment"
	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/lex/words"
	"github.com/replyguard/replyguard/core/text"
	"github.com/replyguard/replyguard/core/vocab"
)

// Rule is the seed rule "Don't forget about HIPAA": a public reply must
// never disclose protected health information. Confirming that someone is a
// patient is itself a disclosure, so the rule reads context, not keywords:
// "We offer Invisalign consults" is fine, "your Invisalign" is not.
var Rule = &analysis.Rule{
	Name:     "hipaa",
	Doc:      "public replies must not confirm care, mention care details or contain a patient's identifiers",
	Category: analysis.PHI,
	Requires: []*analysis.Analyzer{comment.Analyzer, practice.Analyzer},
	Run:      runPHI,
}

// sentFlags are per-sentence facts computed once per check.
type sentFlags struct {
	you       bool // addresses the reader ("you", "your"), not counting "thank you"
	empathy   bool // "sorry", "glad", "hope", "congrats"
	generic   bool // general education or an offer: "we offer", "if you", "most people"
	offer     bool // a service offer or call to action: "we offer", "ask us about"
	schedule  bool // about the practice's calendar
	pastVisit bool
	event     bool // a personal care event: "you had", "after your", "congrats on"
	name      bool // names a person who is not staff
	time      bool // a specific time: "today", "tomorrow", "on Monday", "next week"
	third     bool // refers to someone: "he", "her", "baby", "mama", "your son"
	pastTense bool // "said", "told", "noticed": something already happened
	// genericStatement: "most people", "usually", "makes a big difference".
	genericStatement bool
	ifYou            bool // "… if you use them"
	billingSpecific  bool // amounts or billing events
	speculative      bool // a guess or a general statement: "sounds like", "can be"
	standing         bool // offers something to anyone at any time: "every step of the way"
	care             bool // has a care term
	procedure        bool // names a procedure that is no everyday word ("root canal", not "cap")
	// amount: the sentence holds a money sign, once amountRead (hasAmount
	// reads the sentence's bytes at its first call, not at every call).
	amount, amountRead bool
}

type phiPass struct {
	c       *practice.Facts
	d       *lex.Doc
	comment *lex.Doc
	flags   []sentFlags
	// careIdx[i] indexes careList for the care match starting at word i,
	// or is -1: a small index per word, not a whole match.
	careIdx  []int32
	careList []lex.Match
	staff    []bool // staff[i]: word i is a staff member's or the practice's own name
	// vocative[i]: word i addresses someone by name ("Hi Darnell").
	vocative []bool
	// hitSentence[s]: sentence s holds a hit (nearHits' scratch).
	hitSentence []bool
	// addressed: the reply speaks to or about a named person.
	addressed bool
	// answersQuestion: the comment asked something, so instructions in
	// the reply are general answers, not the person's care plan.
	answersQuestion bool
	// generalQuestion: the comment asks without saying anything about
	// the writer ("does a crown need a root canal first?"), or asks how
	// things go, not about their own case: "you" in the answer
	// is anyone who asks, and care it names is nobody's in particular.
	generalQuestion bool
	// clinicalAsk: the comment asks about the writer's own body or care.
	clinicalAsk bool
	// named: the reply names or greets someone who is not staff.
	named bool
	// adviceOnly: clinicalAsk, and the reply names no one, tells nothing
	// past, no time and no staff member; adviceThird is the one sentence
	// that may speak of a third person (-1: none, -2: several).
	adviceOnly  bool
	adviceThird int
	// answersComplaint: the comment complains; sympathy that repeats the
	// care it names ("sorry, sleep study coverage rules are confusing"
	// under "charged $400 for my sleep study") adds nothing about them.
	answersComplaint bool
	// personal: the comment is about the writer ("my eye is still red").
	personal bool
	// fromPractice: and about care the practice gave ("the antibiotic you
	// gave me"), so a care word the reply adds in answer is theirs too.
	fromPractice  bool
	contactBefore []bool
	cls           []wordClass // cls[i]: word i's classes (classes.go)
	clsAll        wordClass   // every class of the reply's words
	// cls2All is every classes2 class of the reply's words and arabic
	// that a word starts with an Arabic letter: newPHIPass's word loop
	// gathers them, so intlMoreHits, which most replies give nothing,
	// makes no pass of its own to learn that.
	cls2All wordClass
	arabic  bool
	cls2    []wordClass // cls2[i]: word i's classes2 bits (pp.class2)
	// caps are the capitalised words (cCapital), in order: the frames
	// that start only at one visit these, not every word.
	caps []int32
	// countedTimes: a number or a spelled count before "times" ("11
	// times", "three times a week"): a count of visits may be there.
	countedTimes bool
	// later are care details no frame tied to the person, read as theirs
	// when the reply discloses something else about them.
	later []phiHit
	// near are times and amounts read as the person's only next to another
	// finding in their sentence.
	near []phiHit
	all  []phiHit // every hit, merged (runPHI's scratch)
	// bufs are the arrays the kinds of hits are gathered in, and parts
	// lists them for runPHI: kept from check to check, so most checks
	// allocate none.
	bufs  [nBufs][]phiHit
	parts [][]phiHit
	// lastCond[i] is the last word before i in its sentence that makes
	// what follows generic ("if", "anyone"), or -1.
	lastCond []int32
	marks    []bool // conditionsBefore's scratch, kept for the next check
	// cues[i]: which frames may start at word i, read off the class
	// lookup newPHIPass makes for every word, so most words skip the
	// frames' own lookups.
	cues []cue
	// clause[i] numbers word i's clause: sentences end clauses, and so do
	// , ; : and dashes (clauseBreak).
	clause []int32
	// settled: the possessive frame found the care words before this
	// word anyone's ("your primary care doctor"); no other frame reads them.
	settled int
}

var youWords = &vocabLists[listYouWords]
var empathyWords = &vocabLists[listEmpathyWords]
var genericWords = &vocabLists[listGenericWords]
var offerWords = &vocabLists[listOfferWords]
var genericStatementWords = &vocabLists[listGenericStatementWords]
var pastWords = &vocabLists[listPastWords]
var timeWords = &vocabLists[listTimeWords]

// contactTimes say when to get in touch after an invitation to (rule.go).
var contactTimes = &wordSets[listContactTimes]
var thirdWords = &vocabLists[listThirdWords]
var eventWords = &vocabLists[listEventWords]

// sentClass is a bit set of the word lists a sentence's flags come from,
// read off each word's class mask (see wordclass.go), so the per-word loop
// does no map lookup.
type sentClass uint32

const (
	clYou sentClass = 1 << iota
	clEmpathy
	clGeneric
	clOffer
	clSchedule
	clPastVisit
	clEvent
	clTime
	clThird
	clPast
	clGenericStatement
	clBilling
	clSpeculation
	// The last five are cue's bits in its order, so a shift reads them.
	clOwner // a possessive ("your", "today's"): isOwner's pre-test
	clTimeStart
	clHistory
	clInstruction
	clAct
)

// cue is a bit set of the frames that may start at a word.
type cue uint8

const (
	cueOwn         cue = 1 << iota // a possessive, a subject or a "'s": isOwner's cheap tests
	cueTime                        // a time expression may start: timeAt
	cueHistory                     // a subject of what the person did: historyAt
	cueInstruction                 // a care instruction verb: instructionAt
	cueAct                         // what the practice did to the person: actAt
	cueAll         = cueOwn | cueTime | cueHistory | cueInstruction | cueAct
)

var sentenceClasses = []struct {
	set *lex.List
	cl  sentClass
}{
	{youWords, clYou}, {empathyWords, clEmpathy}, {genericWords, clGeneric}, {offerWords, clOffer},
	{scheduleWords, clSchedule}, {pastVisitWords, clPastVisit}, {eventWords, clEvent}, {timeWords, clTime},
	{weekdays, clTime}, {thirdWords, clThird}, {pastWords, clPast}, {genericStatementWords, clGenericStatement},
	{billingEvents, clBilling}, {speculation, clSpeculation},
	{possessives, clOwner}, {timePossessives, clOwner},
	{timeAnchors, clTimeStart}, {weekdays, clTimeStart}, {months, clTimeStart}, {timeDeictics, clTimeStart},
	{historySubjects, clHistory}, {instructionVerbs, clInstruction}, {practiceActs, clAct},
}

// classFlags gives each list its sentence classes, read off a word's bit set.
var classFlags = func() *lex.Flags {
	lists, flags := make([]*lex.List, len(sentenceClasses)), make([]uint32, len(sentenceClasses))
	for k, c := range sentenceClasses {
		lists[k], flags[k] = c.set, uint32(c.cl)
	}
	return lex.NewFlags(lists, flags)
}()

// phiPool keeps a few checks' worth of passes, so the per-word arrays are
// reused, not allocated each check (sync.Pool would grow engine.wasm).
var phiPool struct {
	sync.Mutex
	free []*phiPass
}

func getPHIPass() *phiPass {
	phiPool.Lock()
	defer phiPool.Unlock()
	if n := len(phiPool.free); n > 0 {
		pp := phiPool.free[n-1]
		phiPool.free = phiPool.free[:n-1]
		return pp
	}
	return new(phiPass)
}

// putPHIPass returns pp once its check is done: nothing it holds outlives runPHI.
// The kinds of hits gathered in their own kept arrays (phiPass.bufs).
const (
	bufID = iota
	bufDate
	bufRelation
	bufCare
	bufIntlOwned
	bufFrame
	bufCourse
	bufName
	bufAccount
	nBufs
)

func putPHIPass(pp *phiPass) {
	clear(pp.later[:cap(pp.later)]) // (their arrays are kept for the next check)
	clear(pp.near[:cap(pp.near)])
	clear(pp.all[:cap(pp.all)])
	for _, b := range pp.bufs {
		clear(b[:cap(b)])
	}
	clear(pp.parts[:cap(pp.parts)])
	phiPool.Lock()
	defer phiPool.Unlock()
	if len(phiPool.free) < 8 {
		phiPool.free = append(phiPool.free, pp)
	}
}

// zeroed returns s resized to n and cleared, reusing its array.
func zeroed[T any](s []T, n int) []T {
	s = slices.Grow(s[:0], n)[:n]
	clear(s)
	return s
}

func newPHIPass(p *analysis.Pass) *phiPass {
	d := p.Reply
	pp := getPHIPass()
	*pp = phiPass{c: practice.Of(p), d: d, flags: zeroed(pp.flags, len(d.Sentences)), cls: slices.Grow(pp.cls[:0], len(d.Words))[:len(d.Words)],
		careIdx: pp.careIdx, lastCond: pp.lastCond, later: pp.later[:0], near: pp.near[:0], all: pp.all[:0], bufs: pp.bufs, parts: pp.parts[:0], marks: pp.marks, contactBefore: pp.contactBefore, vocative: pp.vocative, hitSentence: pp.hitSentence,
		cues: slices.Grow(pp.cues[:0], len(d.Words))[:len(d.Words)], clause: slices.Grow(pp.clause[:0], len(d.Words))[:len(d.Words)],
		cls2: slices.Grow(pp.cls2[:0], len(d.Words))[:len(d.Words)], caps: pp.caps[:0]}
	pp.conditionsBefore()
	pp.markContactBefore() // read by the sentence classes below
	clause := int32(0)
	// One pass over the words (the sentences' ranges cover them in order):
	// each word's classes, cues and clause, each sentence's classes, and
	// the condition each word is under.
	cls, cues, clauses, cls2 := pp.cls, pp.cues, pp.clause, pp.cls2
	marks, lastCond := pp.marks, pp.lastCond
	for s := range d.Sentences {
		ws := d.SentenceWords(s)
		f := &pp.flags[s]
		var all sentClass
		start := d.SentWords[s].Start
		last := int32(-1)
		prev := wordClass(0)
		for k := range ws {
			w := &ws[k] // (not a copy of the word per iteration)
			i := start + k
			wc := classOf(d, i, w)
			cls[i] = wc
			pp.clsAll |= wc
			if wc&cCapital != 0 {
				pp.caps = append(pp.caps, int32(i))
			}
			c2 := wordClass(d.Tags(i, classes2))
			cls2[i] = c2
			pp.cls2All |= c2
			if w.Shape&text.NonASCII != 0 && w.Lower[0] >= 0xD8 && w.Lower[0] <= 0xDB {
				pp.arabic = true
			}
			cl := sentClass(d.Flags(i, classFlags))
			c := cue(cl/clOwner) & cueAll // the classes in cue's order
			// Only a word with an apostrophe can end in "'s": the shape bit first.
			if wc&cYouSubjects != 0 || w.Shape&text.HasApostrophe != 0 && strings.HasSuffix(w.Lower, "'s") {
				c |= cueOwn
			}
			digit := text.IsDigit(w.Lower[0])
			if digit || wc&cCountWords != 0 {
				c |= cueTime
				if inSet(d, i+1, routineTimes) {
					pp.countedTimes = true // "11 times": visitFrameHits reads it
				}
			}
			cues[i] = c
			if k == 0 {
				clause++
			} else if e := ws[k-1].End; w.Start-e > 1 || w.Start-e == 1 && d.Text[e] != ' ' { // most gaps are one space
				if clauseBreak(d.Text[e:w.Start]) {
					clause++
				}
			}
			clauses[i] = clause
			if cl&clThird != 0 && w.Lower == "baby" && d.Is(i+1, bodyNouns) {
				cl &^= clThird // "baby teeth" belong to no one in particular
			}
			if cl&clThird != 0 && k > 0 && inSet(d, i-1, knowerArticles) {
				cl &^= clThird // "what a baby takes in from formula": any baby, no one in particular
			}
			if cl&clYou != 0 && k > 0 && prev&cCourtesyYouBefore != 0 && wc&cYouSubjects != 0 {
				cl &^= clYou // "thank you", "nice to see you"
			}
			if cl&clEmpathy != 0 && (pp.offersHelp(i) || k > 0 && (prev&cOfferModals != 0 || ws[k-1].Lower == "to") && pp.among(i, processFeelings)) {
				// "happy to check your benefits" offers; "gums can heal"
				// tells how tissue mends: neither feels anything about anyone
				cl &^= clEmpathy
			}
			// "call our nurse line today": when to get in touch, not a
			// time of anyone's care or visit.
			if cl&clTime != 0 && pp.contactBefore[i] && inSet(d, i, contactTimes) {
				cl &^= clTime | clEvent
			}
			if k > 0 && wc&cTimeUnits != 0 && prev&cDeictics != 0 {
				cl |= clTime // "next week", "last month"
			}
			// "I want to clarify for anyone reading that you …": the
			// readers are the audience, not whom the sentence is about.
			audience := (cl&clGeneric != 0 || wc&cAnyoneWords != 0) && inSet(d, i+1, audienceReads)
			if audience {
				cl &^= clGeneric
			}
			if digit {
				cl |= clBilling
			}
			all |= cl
			prev = wc
			lastCond[i] = last
			// "would you mind if we posted your before/after" asks; it is
			// not a condition on anyone.
			if wc&cConditionWords != 0 && !d.Is(i+1, practice.FirstPersonSubjects) || wc&cAnyoneWords != 0 && !audience || marks[i] {
				last = int32(i)
			}
		}
		f.you, f.empathy, f.generic = all&clYou != 0, all&clEmpathy != 0, all&clGeneric != 0
		f.offer, f.schedule, f.pastVisit = all&clOffer != 0, all&clSchedule != 0, all&clPastVisit != 0
		f.event, f.time, f.third = all&clEvent != 0, all&clTime != 0, all&clThird != 0
		f.pastTense, f.genericStatement, f.billingSpecific = all&clPast != 0, all&clGenericStatement != 0, all&clBilling != 0
		f.speculative = all&clSpeculation != 0
	}
	for _, m := range d.Find(standingOffer.Group) {
		pp.flags[d.Words[m.From].Sentence].standing = true
	}
	for _, m := range d.Find(speculationPhrases.Group) {
		pp.flags[d.Words[m.From].Sentence].speculative = true
	}
	for _, m := range d.Find(ifYou.Group) {
		pp.flags[d.Words[m.From].Sentence].ifYou = true
	}
	for _, m := range d.Find(invitesReply.Group) {
		pp.flags[d.Words[m.From].Sentence].you = true // "let us know how the new mask is working"
	}
	careIdx := slices.Grow(pp.careIdx[:0], len(d.Words))[:len(d.Words)]
	for i := range careIdx { // (a local: pp.careIdx is not reloaded per word)
		careIdx[i] = -1
	}
	pp.careIdx = careIdx
	pp.careList = d.Starts(care.All)
	for k, m := range pp.careList {
		pp.careIdx[m.From] = int32(k)
		s := d.Words[m.From].Sentence
		f := &pp.flags[s]
		f.care = true
		if m.List == care.Procedures.ID && !pp.ambiguousCare(m) {
			f.procedure = true
		}
	}
	pp.staff = pp.c.Staff
	pp.markOrganisations()
	pp.markIntroducedStaff()
	pp.vocative = pp.vocatives()
	for _, f := range pp.flags {
		if f.empathy && f.you {
			pp.addressed = true // "so proud of you", "glad you're feeling better"
		}
	}
	// Only a capitalised word is a known name, and vocatives are
	// capitalised (isName): the capitals are all there is to test.
	for _, c := range pp.caps {
		if i := int(c); pp.vocative[i] || pp.knownName(i) {
			pp.flags[d.Words[i].Sentence].name = true
			pp.addressed = true
			pp.named = true
		}
	}
	pp.comment = p.Comment
	pp.personal = personalComment(pp.comment)
	pp.fromPractice = pp.personal && pp.comment.Contains(youWords)
	kind := comment.Of(p).Kind
	switch kind {
	case comment.Question, comment.Clinical, comment.Billing:
		pp.answersQuestion = true
	}
	// A question of how things go ("what's a first allergy visit like?
	// kind of anxious lol") asks for the same answer anyone gets, even in
	// the first person, unless it speaks of care the practice gave.
	pp.generalQuestion = pp.answersQuestion && !pp.personal || kind == comment.Question && !pp.fromPractice
	if !pp.generalQuestion && !pp.fromPractice && kind != comment.Clinical && pp.questionPraised() {
		pp.generalQuestion = true
	}
	pp.clinicalAsk = kind == comment.Clinical
	pp.answersComplaint = kind == comment.Complaint
	pp.markAdviceOnly()
	return pp
}

// markAdviceOnly sets adviceOnly and adviceThird, read by advises.
func (pp *phiPass) markAdviceOnly() {
	pp.adviceThird = -1
	if !pp.clinicalAsk || pp.fromPractice || pp.addressed || slices.Contains(pp.staff, true) {
		return
	}
	for k := range pp.flags {
		f := &pp.flags[k]
		if f.name || f.pastTense || f.time {
			return
		}
		if f.third {
			if pp.adviceThird != -1 {
				pp.adviceThird = -2
			} else {
				pp.adviceThird = k
			}
		}
	}
	pp.adviceOnly = pp.adviceThird != -2
}

var feelingComplements = &vocabLists[listFeelingComplements]

var processFeelings = dataLists[listProcessFeelings]

// offersHelp reports a feeling word i followed by "to" and a verb of
// help ("glad to answer", "happy to go over your options"): an offer to
// whoever asks. "Sorry to hear", "happy to see you" stay feelings.
func (pp *phiPass) offersHelp(i int) bool {
	d := pp.d
	return i+2 < len(d.Words) && d.Words[i+1].Lower == "to" && d.Words[i+2].Sentence == d.Words[i].Sentence &&
		!d.Is(i+2, feelingComplements) && !d.Is(i+2, empathyWords)
}

// knownName reports a capitalised word i that is a first name (or one's
// possessive) and reads as one here, not the practice's staff. A name
// that is also a weekday ("Monday", "Friday") is the day: "walk-ins
// welcome Monday" greets no one.
func (pp *phiPass) knownName(i int) bool {
	d := pp.d
	w := &d.Words[i]
	return !pp.staff[i] && !d.Is(i, weekdays) && (d.Is(i, firstNames) || strings.HasSuffix(w.Lower, "'s") && firstNames.Has(strings.TrimSuffix(w.Lower, "'s"))) &&
		(!d.Is(i, ambiguousName) || pp.nameContextAt(i)) && !pp.spanishImperative(i)
}

// nameAt reports a capitalised word i that knownName accepts.
func (pp *phiPass) nameAt(i int) bool { return pp.is(i, cCapital) && pp.knownName(i) }

func runPHI(p *analysis.Pass) {
	pp := newPHIPass(p)
	defer putPHIPass(pp)
	if !p.Input.Private && pp.staffSpotlight() {
		return // a post introducing staff (spotlight.go)
	}
	parts := append(pp.parts, pp.identifierHits(), pp.dateWordHits(), pp.relationshipHits(), pp.careHits(), pp.intlHits(), pp.intlOwnedHits(), pp.intlRelativeCareHits(), pp.visitFrameHits(), pp.courseHits(), pp.accountHits(), pp.kinCareHits(), pp.cjkHits(), pp.intlMoreHits())
	if p.Input.Private {
		pp.keepPrivate(parts)
	}
	n := 0
	for _, part := range parts {
		n += len(part)
	}
	var names []phiHit
	if !p.Input.Private {
		names = pp.nameHits(n > 0)
		if n == 0 && len(names) > 0 {
			// A full or formal name is itself a disclosure: the reply's other
			// names are then the person's family or the person.
			names = pp.nameHits(true)
		}
	}
	// A reply that already discloses the person's care, visits, identity
	// or identifiers speaks about them throughout: its other care details,
	// times and amounts are theirs too.
	if n > 0 || len(names) > 0 {
		parts = append(parts, names)
		near := pp.nearHits(parts)
		if p.Input.Private {
			near = privateOnly(near)
		}
		parts = append(parts, pp.later, near)
		n += len(names) + len(pp.later) + len(near)
		names = nil
	}
	parts = append(parts, names)
	pp.parts = parts[:0] // its array, for the next check
	hits := pp.all       // empty, with the last check's array
	for _, part := range parts {
		hits = append(hits, part...)
	}
	// Advice that only echoes the comment discloses nothing (advice.go).
	hits = pp.dropAdvice(p, hits)
	// What is left discloses: the reply is about the person throughout
	// (carried.go).
	if len(hits) > 0 && !p.Input.Private {
		hits = pp.ownedHits(hits)
	}
	pp.all = hits
	if len(hits) == 0 {
		return
	}
	// A date or clock time a frame found ("on the 3rd", "at 7:30") is a
	// time the word classes do not mark; every frame has read time by
	// now, and firm reads it below, as it reads care in other languages
	// (markIntlFirm).
	for _, h := range hits {
		if h.src.dates() || h.src == srcIntlSeen {
			if i := pp.wordOf(&h); i >= 0 {
				pp.flags[pp.d.Words[i].Sentence].time = true
			}
		}
		if h.src == srcIntlOwned {
			pp.markIntlFirm(h)
		}
	}
	hits = mergeHits(hits)
	rewrite := safeRewrite(p)
	// Every finding shares the suggestion text and one array of edits.
	suggestion := "keep care details off the public page and invite them to contact you privately: \"" + rewrite + "\""
	if p.Input.Private {
		suggestion = privateSuggestion + rewrite + "\""
	}
	edits := make([]analysis.Edit, len(hits))
	firstSentence := -1
	for k, h := range hits {
		f := analysis.Finding{Start: h.Start, End: h.End, Message: h.msg, Suggestion: suggestion, Weak: h.src.weak(), Kind: uint8(h.src), Sure: h.src == srcYourRecord}
		if i := pp.wordOf(&h); i >= 0 {
			s := pp.d.Words[i].Sentence
			f.Weak = f.Weak && !pp.firm(s)
			sp := pp.d.Sentences[s]
			newText := rewrite
			if firstSentence >= 0 && firstSentence != s {
				newText = ""
			}
			if firstSentence < 0 {
				firstSentence = s
			}
			edits[k] = analysis.Edit{Start: sp.Start, End: sp.End, NewText: newText}
			f.Edits = edits[k : k+1 : k+1]
		}
		p.Report(f)
	}
}

// nearHits returns the hits of pp.near whose sentence has a hit of parts.
func (pp *phiPass) nearHits(parts [][]phiHit) []phiHit {
	d := pp.d
	out := pp.near[:0]
	if len(pp.near) == 0 {
		return out
	}
	// The sentences with a hit, found once: not once per near hit.
	had := zeroed(pp.hitSentence, len(d.Sentences))
	pp.hitSentence = had
	for _, part := range parts {
		for _, o := range part {
			if k := pp.wordOf(&o); k >= 0 {
				had[d.Words[k].Sentence] = true
			}
		}
	}
	for _, h := range pp.near {
		i := pp.wordOf(&h) // an amount's sign is no word: the number after it
		if i >= 0 && had[d.Words[i].Sentence] {
			out = append(out, h)
		}
	}
	return out
}

// mergeHits sorts hits and merges overlapping ones, keeping the first message.
// Hits are few and mostly in order: an insertion sort, stable, which keeps
// a generic sort out of engine.wasm.
func mergeHits(hits []phiHit) []phiHit {
	// Insertion sort by start, the longer first, equal spans in their
	// order; each hit moves once, past the ones it goes before.
	for i := 1; i < len(hits); i++ {
		h, j := hits[i], i
		for ; j > 0 && (h.Start < hits[j-1].Start || h.Start == hits[j-1].Start && h.End > hits[j-1].End); j-- {
			hits[j] = hits[j-1]
		}
		hits[j] = h
	}
	out := hits[:0]
	for _, h := range hits {
		if n := len(out); n > 0 && h.Start < out[n-1].End {
			if h.End > out[n-1].End {
				out[n-1].End = h.End
			}
			// Strong evidence anywhere in it makes it strong; a record
			// check keeps its frame, which is the whole confirmation ("we
			// checked your chart") and which the span veto leaves alone
			// (analysis.Finding.Sure).
			if !h.src.weak() && out[n-1].src != srcYourRecord {
				out[n-1].src = h.src
			}
			continue
		}
		out = append(out, h)
	}
	return out
}

// safeRewrite is the reply a careful manager would post instead: generic,
// warm, and moving the conversation to the practice's own private channel.
func safeRewrite(p *analysis.Pass) string {
	contact := "our office"
	switch own := practice.Of(p).Contact; {
	case own != "":
		contact = "us at " + own
	default:
		// No policy contact: reuse the practice number the reply already
		// offers ("call us at 555-0142").
		for _, r := range p.Reply.NumberRuns() {
			if r.IsPhone() && practice.InvitedContact(p.Reply, r.Start) {
				contact = "us at " + p.Reply.Text[r.Start:r.End]
				break
			}
		}
	}
	switch {
	case comment.Of(p).Negative:
		return "We're sorry to hear this. Please call " + contact + " so we can help privately."
	case comment.Of(p).Kind == comment.Compliment:
		return "Thank you so much for the kind words! We're always here if you need anything."
	}
	return "Thanks for reaching out! Please call " + contact + " so we can help privately."
}

// relationshipPhrases confirm that the reader is a patient.

// verbLikeCare are care nouns that are verbs or everyday words as often
// ("check your voicemail", "on record").
var verbLikeCare = &vocabLists[listVerbLikeCare]

var timePossessives = &vocabLists[listTimePossessives]

var toldVerbs = &vocabLists[listToldVerbs]

var inviteVerbs = &vocabLists[listInviteVerbs]

// patientNouns in "you're (a|our) [adj] patient" shapes.
var patientNouns = &vocabLists[listPatientNouns]

func (pp *phiPass) relationshipHits() []phiHit {
	d := pp.d
	hits := pp.bufs[bufRelation][:0]
	for _, m := range d.Find(relationships.Group) {
		if pp.conditional(m.From) || pp.standingOffer(d.Words[m.From].Sentence) {
			continue
		}
		// "save your spot online" invites anyone; "we saved your spot" confirms one.
		if pp.is(m.From, cOwnerYour) && d.Is(m.From-1, inviteVerbs) {
			continue
		}
		// "thanks for visiting our page" visits no practice; "te esperamos
		// pronto" invites without a booking.
		// ("seeing you back at our booth": two words on.)
		if pp.is(m.To, cNotVisited) || pp.is(m.To+1, cNotVisited) || pp.is(m.To+2, cNotVisited) && pp.sameClause(m.To, m.To+2) ||
			pp.is(m.To, cVagueTimes) || pp.is(m.To, cEvents) || pp.is(m.To+1, cEvents) || pp.is(m.To+2, cEvents) && pp.sameClause(m.To, m.To+2) {
			continue
		}
		if pp.whenever(m) || pp.eventAttended(m) || pp.invitesAlone(m) || pp.seeYouNextYear(m) {
			continue
		}
		// "talk with your care team": the phrase ends inside a clinician's
		// name, which the possessive frame reads ("talk to your dentist").
		if pp.endsInClinician(m) {
			continue
		}
		// "ask your case manager to ring us" names a role someone holds,
		// as "our patient advocate" does; "the charity walk is scheduled
		// for May" dates an event, no one's visit.
		if d.Is(m.From, possessives) && pp.is(m.To, cStaffRoles) || pp.is(m.From-1, cEvents) && pp.sameClause(m.From-1, m.From) {
			continue
		}
		// "a doctor can see you today" offers a visit; "see you Thursday" confirms one.
		if m.From > 0 && startsAt(d, m.From-1, offerToSee) && !startsAt(d, m.From-2, eagerToSee) {
			continue
		}
		if pp.offeredCare(m) || pp.trustedQuestion(m) || pp.invitedToCall(m) || pp.askAtNextVisit(m.From) || pp.broadcastOrGeneral(m) || pp.reopening(m) || pp.toEveryone(d.Words[m.From].Sentence) {
			continue
		}
		if pp.courtesy(m) {
			pp.later = pp.hit(pp.later, m.From, m.To, confirmed, srcLaterRelationship)
			continue
		}
		hits = pp.hit(hits, m.From, m.To, confirmed, srcRelationship)
	}
	// "thanks for choosing us": the person's once the reply discloses.
	for _, m := range d.Find(laterRelationships.Group) {
		// "our patient advocate" names a staff role, no patient.
		if !pp.conditional(m.From) && !pp.flags[d.Words[m.From].Sentence].offer && !pp.is(m.To, cStaffRoles) && !pp.is(m.To+1, cStaffRoles) {
			pp.later = pp.hit(pp.later, m.From, m.To, confirmed, srcLaterRelationship)
		}
	}
	// "we have no record of treating you", "you were never a patient here".
	for _, m := range d.Find(denials.Group) {
		hits = pp.hit(hits, m.From, m.To, "confirms or denies that this person is a patient", srcDenial)
	}
	// "part of the Clearview family": a practice's name, then "family".
	// "Welcome back to the family" (the list's four-word entries) returns
	// someone with no name between; after a capital, a lower-case word
	// names a department of the practice ("the Lakeshore rehab family").
	for _, m := range d.Find(familyWelcomes.Group) {
		back := m.To-m.From == 4
		for k := m.To; k < len(d.Words) && k <= m.To+4 && d.Words[k].Sentence == d.Words[m.From].Sentence; k++ {
			if pp.is(k, cFamilyWord) {
				if (k > m.To || back) && !pp.conditional(m.From) {
					hits = pp.hit(hits, m.From, k+1, confirmed, srcFamilyWelcome)
				}
				break
			}
			if !pp.is(k, cCapital) && (k == m.To || !pp.is(m.To, cCapital)) {
				break
			}
		}
	}
	// "like Dr. Nguyen said", "as Dr. Ruiz recommended": care instructions
	// someone already gave this person.
	for _, m := range d.Find(asClinician.Group) {
		for k := m.To; k < len(d.Words) && k <= m.From+4 && d.Words[k].Sentence == d.Words[m.From].Sentence; k++ {
			if d.Is(k, toldVerbs) {
				hits = pp.hit(hits, m.From, k+1, "refers to care already given to this person", srcAsClinician)
				break
			}
		}
	}
	// "you're a (loyal) patient", "being such a loyal patient", "as a new patient".
	last := len(d.Words) // (none to read when no patient noun matched)
	if !d.Contains(patientNouns) {
		last = 0
	}
	for i := 0; i < last; i++ {
		if !d.Is(i, patientNouns) || i < 2 {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			if !pp.is(k, cPatientArticles) {
				continue
			}
			v := k - 1
			if pp.is(v, cIntensifiers) {
				v--
			}
			for n := 0; n < 2 && inSet(d, v, patientAdverbs); n++ {
				v-- // "she's already a patient"
			}
			if pp.is(k+1, cBoilerplateAdjectives) && k+1 < i {
				break // "a valued patient" is boilerplate, not a relationship
			}
			if k+1 < i && pp.class2(k+1)&c2DegreeWords != 0 {
				break // "be a little patient with the new hire": the adjective
			}
			if k+1 < i && inSet(d, k+1, noticeWords) {
				break // "as a reminder to all patients": the article is the notice's
			}
			// "… tell us how things are. Our Patient Services desk": the
			// verb ends another sentence.
			if v >= 0 && d.Is(v, patientVerbs) && d.Words[v].Sentence == d.Words[i].Sentence && !pp.conditional(v) {
				hits = pp.hit(hits, v, i+1, confirmed, srcPatientVerb)
			}
			break
		}
	}
	pp.bufs[bufRelation] = hits // the array is kept for the next check
	return hits
}

// othersOwn reports word k as a possessive of someone other than the
// practice ("your", "his", "su"; not "our"): a clause with one is about
// someone's own things, not a crowd's or a schedule's.
func (pp *phiPass) othersOwn(k int) bool {
	return (pp.d.Is(k, possessives) || pp.is(k, cIntlPossessives)) && !pp.is(k, cOurWords)
}

// seeYouNextYear reports a relationship phrase m followed by the coming
// year or season ("see you next season", "nos vemos el próximo año"): a
// greeting to a yearly event's crowd, no booked visit. "See you in 5
// years" counts out to a recall, "here last year" looks back and "next
// season for your allergy shots" books one: all keep the phrase.
func (pp *phiPass) seeYouNextYear(m lex.Match) bool {
	if pp.class2(m.To)&c2ComingWords == 0 || pp.class2(m.To+1)&c2AnnualTimes == 0 || !pp.sameClause(m.To, m.To+1) {
		return false
	}
	from, to := pp.clauseWords(m.To)
	for k := from; k < to; k++ {
		if pp.othersOwn(k) {
			return false
		}
	}
	return true
}

// reopening reports a relationship phrase m opening a sentence right
// after a notice of the practice's calendar that speaks to no one ("we're
// closed Monday for the holiday. See you Tuesday!"): everyone is welcome
// back, no one is booked. After "we moved your cleaning" it is one visit.
func (pp *phiPass) reopening(m lex.Match) bool {
	d := pp.d
	s := d.Words[m.From].Sentence
	from := d.SentWords[s].Start
	switch {
	case d.Is(m.From, youWords):
		return false // "you were just here" looks back
	case m.From == from && s > 0:
		from = d.SentWords[s-1].Start
	case m.From == from || !pp.is(m.From, cCapital):
		return false // mid-sentence: no notice of its own before it
	}
	notice := false
	for k := max(from, 0); k < d.SentWords[s].End; k++ {
		// Before it, no one; after it, nothing past or owned: "see you
		// for your exam" books one.
		if pp.careIdx[k] >= 0 || d.Is(k, possessives) || k < m.From && (d.Is(k, youWords) || d.Is(k, thirdWords) || pp.is(k, cCapital) && !pp.staff[k] && pp.knownName(k)) || k >= m.From && d.Is(k, pastWords) {
			return false
		}
		notice = notice || k < m.From && d.Is(k, scheduleWords)
	}
	return notice
}

// Lists the event and invitation frames read.
var (
	threadEvents   = &vocabLists[listThreadEvents]
	aloneInvites   = &vocabLists[listAloneInvites]
	topicLinks     = &vocabLists[listTopicLinks]
	knowVerbs      = &vocabLists[listKnowVerbs]
	knowerNouns    = newWordSet(listText[listKnowerNouns])
	knowerArticles = newWordSet(listText[listKnowerArticles])
)

// eventAttended reports a relationship phrase m under a comment about an
// event ("thanks for the diabetes class last night!"), or in a reply that
// names one itself, in a sentence that names no care, person or anything
// of theirs: "thank you so much for coming", "¡nos vemos en la próxima!"
// thank them for the event. A time only "see you" may carry ("see you
// next month", "see you Saturday" greet the crowd of the next one).
// "Thanks for coming in for your filling" and "thanks for coming in
// Tuesday" still confirm a visit.
func (pp *phiPass) eventAttended(m lex.Match) bool {
	d := pp.d
	if (pp.comment == nil || !pp.comment.Contains(threadEvents)) && !d.Contains(threadEvents) {
		return false
	}
	s := d.Words[m.From].Sentence
	if f := &pp.flags[s]; f.care || f.name || f.third || f.time && !d.Is(m.From, seeVerbs) {
		return false
	}
	// Nor anything anyone owns elsewhere: "¡gracias por venir! Su mamá ya
	// tiene su receta" thanks them for a visit. What they wrote us is no
	// one's care: "gracias por venir y por sus palabras".
	for t := range d.Sentences {
		for k := d.SentWords[t].Start; k < d.SentWords[t].End; k++ {
			if pp.othersOwn(k) && !pp.topicOwner(k) && !pp.isPost(k+1) {
				return false
			}
		}
	}
	return true
}

// Published or hosted content and the prepositions that give its subject.
var (
	contentNouns        = &wordSets[listContentNouns]
	contentPrepositions = &wordSets[listContentPrepositions]
)

// contentTopic reports a care match m that is the subject of something
// the practice publishes or hosts: "our article on teen anxiety",
// "general questions about blood thinners". Up to two modifiers may
// come between; a possessive ("a post about your anxiety") makes it
// someone's again.
func (pp *phiPass) contentTopic(m lex.Match) bool {
	d := pp.d
	for k := m.From - 1; k >= max(m.From-3, 1) && pp.sameClause(k, m.From); k-- {
		if d.Is(k, possessives) || pp.is(k, cIntlPossessives) {
			return false
		}
		if inSet(d, k, contentPrepositions) {
			return inSet(d, k-1, contentNouns) && pp.sameClause(k-1, k)
		}
	}
	return false
}

var (
	priceNouns = &wordSets[listPriceNouns]
	priceLinks = &wordSets[listPriceLinks]
)

// priceTopic reports care match m as what a price or a plan's coverage is
// for ("we hear you on the MRI prices", "coverage for hearing aids is
// frustrating"): the practice's price list or an insurer's rules, the
// same for everyone. An owner ("your MRI costs"), a name, a third person,
// a time or an amount in the sentence says whose it is.
func (pp *phiPass) priceTopic(m lex.Match) bool {
	d := pp.d
	s := d.Words[m.From].Sentence
	f := &pp.flags[s]
	if f.name || f.third || f.time || pp.hasAmount(s) {
		return false
	}
	k := m.From - 1
	if pp.is(k, cDeterminers) && !d.Is(k, possessives) {
		k-- // "the cost of the implants"
	}
	if d.Is(k, possessives) || d.Is(m.From-1, possessives) {
		return false
	}
	if inSet(d, m.To, priceNouns) && pp.sameClause(m.From, m.To) {
		return true
	}
	return inSet(d, k, priceLinks) && inSet(d, k-1, priceNouns) && pp.sameClause(k-1, m.From) && !d.Is(k-2, possessives)
}

// topicOwner reports a possessive at word i inside a topic link ("depends
// on your", "about your own", "depende de su"): what it owns is what an
// answer depends on, nobody's known care.
func (pp *phiPass) topicOwner(i int) bool {
	d := pp.d
	if !d.Contains(topicLinks) {
		return false
	}
	for o := max(i-2, 0); o < i; o++ {
		for _, m := range d.At(o) {
			if m.List == topicLinks.ID && m.To > i {
				return true
			}
		}
	}
	return false
}

// knownElsewhere reports a possessive at word i after "know(s)" whose
// subject is a clinician of the person's own or one not yet known ("check
// with your cardiologist, they know your medications", "un farmacéutico
// que conozca todos sus medicamentos"): the reply sends the person there.
// "We know your history" and "our nurses know your meds" claim it.
func (pp *phiPass) knownElsewhere(i int) bool {
	d := pp.d
	if !d.Contains(knowVerbs) {
		return false // no verb of knowing: the loops below find none
	}
	verb := -1
	for o := max(i-2, 0); o < i && verb < 0; o++ {
		for _, m := range d.At(o) {
			if m.List == knowVerbs.ID && m.To == i {
				verb = o
			}
		}
	}
	if verb < 0 {
		return false
	}
	s := d.Words[i].Sentence
	for k := verb - 1; k > d.SentWords[s].Start; k-- {
		if d.Is(k, practice.FirstPersonSubjects) || pp.staff[k] {
			return false
		}
		if (d.Is(k, care.Clinicians) || inSet(d, k, knowerNouns)) && !pp.is(k-1, cOurWords) &&
			(d.Is(k-1, possessives) || pp.is(k-1, cIntlPossessives) || inSet(d, k-1, knowerArticles)) {
			return true
		}
	}
	return false
}

// endsInClinician reports a phrase m whose last word opens a longer
// clinician's name: "with your care" in "with your care team".
func (pp *phiPass) endsInClinician(m lex.Match) bool {
	if !pp.d.Contains(care.Clinicians) {
		return false
	}
	for _, c := range pp.d.At(m.To - 1) {
		if c.List == care.Clinicians.ID && c.To > m.To {
			return true
		}
	}
	return false
}

// invitesAlone reports "¡Te esperamos!" as a sentence of its own: the
// close of a general answer that invites anyone, with no day or care to
// book.
func (pp *phiPass) invitesAlone(m lex.Match) bool {
	d := pp.d
	sw := d.SentWords[d.Words[m.From].Sentence]
	return m.From == sw.Start && m.To == sw.End && startsAt(d, m.From, aloneInvites)
}

// whenever reports a relationship phrase m right after "when" in a
// sentence that tells nothing past and names no day or person: "we'll
// check your benefits when you come in" says how any visit goes; "when you
// came in" and "when you come in Thursday" speak of one.
func (pp *phiPass) whenever(m lex.Match) bool {
	d := pp.d
	f := &pp.flags[d.Words[m.From].Sentence]
	return m.From > 0 && d.Words[m.From-1].Lower == "when" && !f.pastTense && !f.time && !f.name && !f.third
}

// Lists the relationship frames read.
var (
	offerToSee     = &vocabLists[listOfferToSee]
	eagerToSee     = &vocabLists[listEagerToSee]
	asClinician    = &vocabLists[listAsClinician]
	ownedCare      = &vocabLists[listOwnedCare]
	ownedBilling   = &vocabLists[listOwnedBilling]
	familyWelcomes = &vocabLists[listFamilyWelcomes]
	ifYou          = &vocabLists[listIfYou]
	invitesReply   = &vocabLists[listInvitesReply]
)

// offeredCare reports a relationship phrase that starts with a care verb
// in the present after a modal ("our nurses will take care of you", "the
// desk can check you in"): care offered to anyone who comes, not care
// given. "Took care of you" and "we checked you in" still confirm, and so
// does "we'll see you", which books a visit.
func (pp *phiPass) offeredCare(m lex.Match) bool {
	d := pp.d
	if m.From == 0 || !(startsAt(d, m.From, careForVerbs) || pp.is(m.From, cCareVerbs)) {
		return false
	}
	prev := d.Words[m.From-1].Lower
	return pp.is(m.From-1, cOfferModals) || strings.HasSuffix(prev, "'ll") || strings.HasSuffix(prev, "’ll")
}

// questionPraise opens a reply that answers a question ("Great question!").
var questionPraise = &cueLists[listQuestionPraise]

// questionPraised reports a reply whose first words praise the question
// it answers ("Great question! Most people …", "Such a good question,
// and …"): an answer for anyone who asks, as under a general question.
func (pp *phiPass) questionPraised() bool {
	ms := pp.d.Find(questionPraise.Group)
	return len(ms) > 0 && ms[0].From < 2 && pp.d.Words[ms[0].From].Sentence == 0
}

// startsAt reports an entry of l starting at word i.
func startsAt(d *lex.Doc, i int, l *lex.List) bool {
	if !d.Contains(l) {
		return false // most lists: no match anywhere, no matches to scan
	}
	for _, m := range d.At(i) {
		if m.List == l.ID {
			return true
		}
	}
	return false
}

var (
	ownedOutcomes = &cueLists[listOwnedOutcomes]
	ownedOrders   = &cueLists[listOwnedOrders]
)

var laterRelationships = &cueLists[listLaterRelationship]

var patientVerbs = &vocabLists[listPatientVerbs]

// denials say what the records hold about someone as surely as admissions.
var denials = &vocabLists[listDenials]

// relationships confirm that the reader is a patient.
var relationships = lex.New("hipaa/relationship", relationshipEntries()...)

//go:noinline
func relationshipEntries() []string {
	weakEntries := dataLists[listWeakRelationship]
	out := dataLists[listRelationshipPhrases]
	for _, p := range vocab.List("relationship_phrases") {
		// "your …" phrases go through the possessive frame, which knows
		// "bring your insurance card" from "your claim was denied".
		if strings.HasPrefix(p, "your ") || slices.Contains(weakEntries, p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// Lists a sentence's condition is read from.
var (
	othersPatients = &vocabLists[listOthersPatients]
)

// audienceReads after "anyone" or "everyone" make them the reply's
// readers ("for anyone reading"), not people in general.
var audienceReads = &wordSets[listAudienceReads]

// conditionsBefore readies lastCond, which newPHIPass's pass over the
// words fills: for each word, the last word before it in its sentence that
// makes what follows generic ("if", "whether", "anyone", "another
// patient's"); marks holds where the phrases among them end.
func (pp *phiPass) conditionsBefore() {
	d := pp.d
	pp.lastCond = slices.Grow(pp.lastCond[:0], len(d.Words))[:len(d.Words)]
	pp.marks = zeroed(pp.marks, len(d.Words))
	for _, m := range d.Find(othersPatients.Group) {
		pp.marks[m.To-1] = true
	}
}

// conditional reports a generic condition among the six words before word
// i in its sentence: "if your crown feels loose", "whether you need a cleaning".
func (pp *phiPass) conditional(i int) bool {
	return pp.lastCond[i] >= int32(i-6) && pp.lastCond[i] >= 0
}

var possessives = &vocabLists[listPossessives]

// gapBreakers end the look-ahead from "your" to a care term.
var gapBreakers = &vocabLists[listGapBreakers]

var ctaVerbs = &vocabLists[listCtaVerbs]
var ctaNouns = &vocabLists[listCtaNouns]
var timeQualifiers = &vocabLists[listTimeQualifiers]

// careHits finds care details tied to a person.
func (pp *phiPass) careHits() []phiHit {
	d := pp.d
	hits := pp.bufs[bufCare][:0]
	lastCare := -1 // the word after the last care match
	cues, careIdx := pp.cues, pp.careIdx
	for i := range d.Words {
		// Most words cue no frame and start no care term.
		if cues[i]&(cueOwn|cueInstruction|cueAct|cueHistory) == 0 && careIdx[i] < 0 {
			continue
		}
		// Frame A: "your (new|son's|...) crown", "Eli's chart", "you have a balance".
		if pp.cues[i]&cueOwn != 0 && pp.isOwner(i) && !pp.inTemplateSlot(i) {
			if h, ok := pp.possessiveHit(i); ok {
				hits = append(hits, h)
				lastCare = d.WordAt(h.End-1) + 1
				continue
			}
			pp.familyMember(i)
			pp.ownedPhrase(i)
			lastCare = max(lastCare, pp.settled)
		}
		if c := pp.cues[i] & (cueInstruction | cueAct | cueHistory); c != 0 {
			hits = pp.personFrames(hits, i, c)
		}
		m := pp.care(i)
		if m.From < 0 || i < lastCare || pp.staff[m.From] || pp.inTemplateSlot(m.From) {
			continue
		}
		lastCare = m.To
		// One append per match, whichever frame reads it. A care word
		// naming one of the practice's units or roles ("the allergy
		// clinic", "our referral coordinator") says whose care only once
		// the reply discloses ("our hospice nurses miss him").
		switch msg, later, src := pp.careFrame(i, m); {
		case later || msg != "" && pp.is(m.To, cStaffRoles):
			pp.later = pp.hit(pp.later, m.From, m.To, msg, src)
		case msg != "":
			hits = pp.hit(hits, m.From, m.To, msg, src)
		case pp.sweepCare(i, m):
			pp.later = pp.hit(pp.later, m.From, m.To, details, srcSweep)
		}
	}
	pp.bufs[bufCare] = hits // the array is kept for the next check
	return hits
}

// inTemplateSlot reports word i inside an unclosed "[" of its sentence:
// "[Insert a line about the visit]" is a template's instruction to staff
// (the canned rule's business), not care anyone had.
func (pp *phiPass) inTemplateSlot(i int) bool {
	d := pp.d
	if !d.HasByte('[') {
		return false // (most replies: no scan of the sentence)
	}
	before := d.Text[d.Sentences[d.Words[i].Sentence].Start:d.Words[i].Start]
	return strings.LastIndexByte(before, '[') > strings.LastIndexByte(before, ']')
}

// personFrames reads the frames cue c says may start at word i: an
// instruction, what the practice did to the person, what the person did.
func (pp *phiPass) personFrames(hits []phiHit, i int, c cue) []phiHit {
	if c&cueInstruction != 0 {
		if to := pp.instructionAt(i); to > 0 {
			pp.later = pp.hit(pp.later, i, to, details, srcInstruction)
		}
	}
	if c&cueAct != 0 {
		if to := pp.actAt(i); to > 0 {
			h := phiHit{pp.d.WordSpan(i, to), details, srcAct, int32(i) + 1}
			if pp.weDidToThem(i, to) {
				hits = append(hits, h)
			} else {
				pp.later = append(pp.later, h)
			}
		}
	}
	if c&cueHistory != 0 {
		switch to, state := pp.historyAt(i); {
		case to > 0 && state:
			pp.later = pp.hit(pp.later, i, to, details, srcHistoryState)
		case to > 0:
			hits = pp.hit(hits, i, to, details, srcHistory)
		}
	}
	return hits
}

// The messages several frames give.
const (
	details   = "mentions the person's care details"
	billing   = "mentions the person's billing or insurance details"
	confirmed = "confirms this person is a patient"
	seen      = "mentions when the person was seen"
)

// staffGroup reports a clinician word i that another care list names too
// ("therapists", "counselor") read as the practice's staff: plural or
// after "our" ("our therapists will be thrilled", "therapists rotate",
// "our financial counselor"), in a sentence with no third person, time or
// past event and a clause with no one's possessive or number ("sorry our
// therapists couldn't fix it in 3 sessions" counts the person's visits).
func (pp *phiPass) staffGroup(i int) bool {
	d := pp.d
	f := &pp.flags[d.Words[i].Sentence]
	if !(pp.is(i-1, cOurWords) || pp.is(i-2, cOurWords) || strings.HasSuffix(d.Words[i].Lower, "s")) || f.third || f.time || f.pastTense || pp.numberInClause(i) {
		return false
	}
	from, to := pp.clauseWords(i)
	for k := from; k < to; k++ {
		if d.Is(k, possessives) {
			return false
		}
	}
	return true
}

var indefiniteArticles = &wordSets[listIndefiniteArticles]

var insurerNames = &wordSets[listInsurerNames]

// namedInsurer reports an insurer by name, capitalised, at word i right
// after the person's possessive: "your Aetna plan", "your Cigna PPO".
func (pp *phiPass) namedInsurer(i int) bool {
	return i < len(pp.d.Words) && pp.is(i, cCapital) && inSet(pp.d, i, insurerNames)
}

// barePlural reports a care match in the plural with nothing before it
// that picks some out ("dilated exams take time", "drug screens are set
// by the employer"): the kind, told of everyone. A determiner, a count
// or "of" before it ("the exams", "8 veneers", "a set of veneers")
// picks out someone's.
func (pp *phiPass) barePlural(m lex.Match) bool {
	d := pp.d
	w := d.Words[m.To-1].Lower
	if len(w) < 4 || w[len(w)-1] != 's' || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is") {
		return false
	}
	k := m.From - 1
	if k < 0 || !pp.sameClause(k, m.From) {
		return true
	}
	lw := d.Words[k].Lower
	return !pp.is(k, cDeterminers) && !d.Is(k, possessives) && !pp.is(k, cCountWords) && !text.IsDigit(lw[0]) && lw != "of" && !pp.is(k, cPatientArticles)
}

// anyVisit reports a visit word at i after "a" or "an", straight or past
// one modifier ("a consult should be about your questions", "a quick
// visit"): any visit of the kind, told as what it should be.
func (pp *phiPass) anyVisit(i int) bool {
	d := pp.d
	if i > 0 && pp.sameClause(i-1, i) && inSet(d, i-1, indefiniteArticles) {
		return true
	}
	return i > 1 && pp.sameClause(i-2, i) && inSet(d, i-2, indefiniteArticles) && !pp.is(i-1, cDeterminers)
}

// careFrame reads the care match m at word i: the message of the frame
// that ties it to the person, or "" for none; later when no frame does
// but the reply may still be about them (see phiPass.later).
func (pp *phiPass) careFrame(i int, m lex.Match) (msg string, later bool, src source) {
	d := pp.d
	// "our therapists", "the counselors": a care word that names a
	// clinician too, owned by no one's possessive, is the practice's
	// staff, read as the clinician it is ("your therapist" is the
	// possessive frame's).
	if m.List == care.Colloquial.ID && m.To-m.From == 1 && d.Is(m.From, care.Clinicians) && pp.staffGroup(m.From) {
		m.List = care.Clinicians.ID
	}
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	determined := i > 0 && d.Words[i-1].Sentence == s && pp.is(i-1, cDeterminers)
	if i > 1 && !determined && d.Words[i-2].Sentence == s && pp.is(i-2, cDeterminers) {
		determined = true
	}
	// "clients who tan before their session": "their" of people in
	// general makes the session no one's in particular.
	if determined && (pp.is(i-1, cTheir) || pp.is(i-2, cTheir)) && pp.generalAntecedent(i) {
		determined = false
	}
	// "bring your pill bottles": what anyone who comes has along.
	if determined && (pp.carriedAlong(i-1, f) || i > 1 && pp.carriedAlong(i-2, f)) {
		determined = false
	}
	strong := f.empathy || f.name || f.third || f.time && (f.you || determined)
	// Some readings make care anyone's; others only keep a word from
	// disclosing on its own: "call us if the bleeding picks up" or "take
	// the amoxicillin until Friday" are the person's care once the reply
	// has said whose care it is.
	// A care word inside a name after another capitalised word ("Harbor
	// Weight Loss", "Lakeside Sleep Apnea Center") names a business, not
	// anyone's care; a brand of medicine after a capital is still one.
	named := pp.is(m.From, cCapital) && pp.is(m.From-1, cCapital) && d.Words[m.From-1].Sentence == s && m.List != care.Medications.ID
	// A general statement that only mentions someone ("two of our
	// counselors see teenagers, and she has openings") leaves a care word
	// no one owns anyone's: the name or pronoun is not the care's owner
	// unless sympathy, "you", a time or an instruction ties them.
	thirdOnly := (f.third || f.name) && !f.empathy && !f.you && !f.time && !determined && !pp.imperative(s)
	// "every healing course varies", "any procedure": a quantifier spreads
	// the care over everyone.
	quantified := pp.is(m.From-1, cAnyWords) && d.Words[m.From-1].Sentence == s && !pp.clauseNamesSomeone(m.From)
	generic := f.offer || (f.generic && (!strong || thirdOnly)) || pp.credentialField(m) || pp.verbUse(m) || pp.imperativeCareVerb(m) || pp.inEventName(m) || named || quantified || pp.contentTopic(m) || pp.ourService(m) && !f.you && !f.time && !f.empathy && !f.event && !f.third
	soft := pp.conditional(i) || (f.schedule && !f.you && !((f.empathy || f.name || f.third) && determined)) ||
		pp.afterContactVerb(i) || (pp.answersQuestion && !f.pastTense && pp.imperative(s))
	// "take a look at how you're healing": the state asked after, not told.
	asked := i > 1 && pp.sameClause(i-1, i) && pp.askedState(i-1)
	switch shape := pp.careShape(m, f); {
	case shape > 0:
		return details, false, srcCarePerson
	case generic || asked || shape < 0:
		return "", false, 0
	case pp.priceTopic(m):
		// The price list's care is the person's only once the reply
		// discloses something else about them.
		return details, true, srcCareSoft
	case soft:
		if pp.standingOffer(s) || pp.speculative(s) || f.genericStatement || !pp.ownable(m, determined) {
			return "", false, 0
		}
		return details, true, srcCareSoft
	case (strong || f.you) && pp.afterEventVerb(i) && !pp.generalNeed(i) && !(m.List == care.Clinicians.ID && (pp.is(m.From-2, cWriterSelf) || pp.is(m.From-3, cWriterSelf))) && (pp.counted(m) || !f.genericStatement && !pp.speculative(s)):
		// "congrats on finishing treatment", "glad you got that filling done".
		// Not in a guess or a statement about most people unless a count
		// makes it particular, nor a clinician the writer had ("we were
		// short a hygienist": the practice's staff).
		return details, false, srcCareEvent
	case m.List == care.Billing.ID && (f.you || strong) && pp.billingSpecific(s) && pp.hasAmount(s):
		// "glad we got that $312 refund back to you": amounts about the reader.
		return billing, false, srcCareBilling
	case m.List == care.Nouns.ID || m.List == care.Billing.ID || m.List == care.Clinicians.ID:
		// "We're sorry the visit fell short; please call Dana": sympathy
		// for how the visit went, handed to a private line, as with
		// "your visit" (judgedVisit).
		if pp.is(m.From-1, cDeterminers) && pp.judgedVisit(m.From-1, m, false) {
			return "", false, 0
		}
		// Frame D: a visit word in a sentence that speaks to the person
		// about what happened ("you've made it to every session",
		// "we enjoyed catching up with you at the checkup").
		if m.List == care.Nouns.ID && (f.you || f.name) && !f.generic && !f.offer && !f.schedule &&
			!pp.answersQuestion && !d.Is(m.To-1, bodyNouns) && !d.Is(m.From, everydayCare) && !pp.speculative(s) &&
			m.From > d.SentWords[s].Start && !d.Is(m.From-1, words.Negators) && !pp.is(m.From-1, cAnyWords) && !d.Is(m.From, verbLikeCare) &&
			!(pp.anyVisit(m.From) && !f.pastTense) {
			return confirmed, false, srcCareVisitWord
		}
		// Nouns otherwise need an owner ("your chart"): frame A.
		if determined && m.List != care.Clinicians.ID && !f.generic && !f.offer && !pp.speculative(s) && !pp.answersQuestion {
			return details, true, srcCareOwnedNoun
		}
		return "", false, 0
	case pp.standingOffer(s):
		return "", false, 0 // "here for your smile, every step of the way"
	case (pp.ambiguousCare(m) || d.Is(m.From, everydayCare)) && !determined && !f.name && !(pp.addressed && f.event):
		return "", false, 0
	case d.Is(m.From, feelings) && m.To-m.From == 1:
		return "", false, 0 // "sorry for the stress" is sympathy, not a diagnosis
	case f.empathy && !f.name && !f.time && (m.List == care.Conditions.ID && m.To-m.From == 1 || pp.answersComplaint) && pp.comment != nil && (pp.careInComment(m) || pp.echoedBodyBefore(m.From)),
		pp.sympathyHandedOver(s, m):
		// Sympathy that repeats the commenter's own symptom ("sorry your
		// back is sore" under "my back is sore") adds nothing about care
		// given here: theirs only once the reply discloses something else.
		return details, true, srcCarePerson
	case pp.educates(s) && !pp.owned(m) || pp.advises(s) || pp.withheld(m):
		return "", false, 0
	case strong || (f.you && (f.event || determined)) || (pp.addressed && (determined || f.event) && !f.generic && !f.genericStatement):
		// Frame B: care details in a sentence about a person ("sorry the
		// extraction hurt", "Sophie has broken 6 brackets", "glad the strep is gone").
		return details, false, srcCarePerson
	case pp.personal && (!pp.answersQuestion || pp.fromPractice) && !f.generic && m.List != care.Colloquial.ID && !pp.speculative(s) && !pp.careInComment(m) && !pp.barePlural(m):
		// Frame C: a treatment, condition or medicine the commenter did not
		// name, brought up in answer to their own story ("can't stop smiling
		// at myself" -> "that's what a full set of veneers will do").
		return details, false, srcCareStory
	}
	if !f.generic && !f.genericStatement && !pp.speculative(s) && !pp.answersQuestion && (f.you || f.third || f.name || determined) {
		return details, true, srcCareFallback
	}
	return "", false, 0
}

// educates reports sentence s of an answer to a general question that
// speaks to no one in particular: "you" there is whoever asks ("the
// filling sets right away and you can chew on it the same evening"), so
// the care it names is no one's unless a name, a third person, a time or
// a possessive ties it.
func (pp *phiPass) educates(s int) bool {
	f := &pp.flags[s]
	if !pp.generalQuestion || pp.addressed || f.name || f.third || f.time || f.pastTense {
		return false
	}
	// "now that your meds come from us": the reader's own care here;
	// "on the 9th": a day of it.
	d := pp.d
	for k := d.SentWords[s].Start; k < d.SentWords[s].End; k++ {
		if startsAt(d, k, stayWithUs) || ordinalDay(d.Words[k].Lower) {
			return false
		}
	}
	return true
}

// ordinalDay reports a day of the month written as an ordinal: "14th", "3rd".
func ordinalDay(w string) bool {
	for _, suf := range ordinalSuffixes {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) && text.IsDigit(w[0]) {
			return isDayNumber(w)
		}
	}
	return false
}

// advises reports sentence s of an answer to the commenter's question
// about their own body or care, in a reply that tells nothing that
// already happened here: the care it names answers what they told
// (routing's concern, not a disclosure). A name, a greeting, a time, a
// past event, a staff member, care the comment says the practice gave,
// or a third person in another sentence ties it to care given here.
func (pp *phiPass) advises(s int) bool {
	return pp.adviceOnly && (pp.adviceThird < 0 || pp.adviceThird == s)
}

// numberInClause reports a word written with digits in word i's clause.
func (pp *phiPass) numberInClause(i int) bool {
	from, to := pp.clauseWords(i)
	for k := from; k < to; k++ {
		if text.IsDigit(pp.d.Words[k].Lower[0]) {
			return true
		}
	}
	return false
}

// owned reports a possessive ("your", "his") one or two words before care
// match m: "your sweat test" is someone's even in an answer to anyone.
func (pp *phiPass) owned(m lex.Match) bool {
	d := pp.d
	s := d.Words[m.From].Sentence
	for k := m.From - 1; k >= 0 && k >= m.From-2 && d.Words[k].Sentence == s; k-- {
		if d.Is(k, possessives) {
			return true
		}
	}
	return false
}

// practiceSteps are care words that name a step of the practice's front
// desk ("the online check-in", "sorry the check-in was slow"): anyone's
// unless a possessive other than "our" owns them ("your 9 pm check-in")
// or the sentence tells the reader what happened ("you were roomed 38
// minutes after check-in").
var practiceSteps = &cueLists[listPracticeSteps]

// careShape reads two shapes of care match m that decide whose it is,
// in its sentence's flags f: above 0, a count and a unit of time right
// before it in a sentence about someone, the stretch since their care
// ("you're healing right on schedule for 6 weeks post-op"), unless the
// comment named it; below 0, a step of the front desk (practiceSteps)
// that no possessive other than "our" owns, in a sentence that does not
// tell the reader what happened ("the online check-in", not "you were
// roomed 38 minutes after check-in").
//
//go:noinline
func (pp *phiPass) careShape(m lex.Match, f *sentFlags) int {
	d, i := pp.d, m.From
	if d.Is(i, practiceSteps) {
		for k := i - 1; k >= 0 && k >= i-2 && pp.sameClause(k, i); k-- {
			if pp.othersOwn(k) {
				return 0
			}
		}
		if f.you && f.pastTense {
			return 0
		}
		return -1
	}
	if i < 2 || !(f.you || f.name || f.third) || !pp.sameClause(i-2, i) || !d.Is(i-1, courseUnits) {
		return 0
	}
	if w := d.Words[i-2].Lower; !text.IsDigit(w[0]) && !pp.is(i-2, cCountWords) || pp.comment != nil && pp.careInComment(m) {
		return 0
	}
	return 1
}

// clauseNamesSomeone reports a "you" or a capitalised word past the first
// in word i's clause: "every molar" of "you had pockets on every molar" or
// "every visit with Mr. Lee" is someone's.
func (pp *phiPass) clauseNamesSomeone(i int) bool {
	d := pp.d
	first := i
	for first > 0 && pp.sameClause(first-1, i) {
		first--
	}
	for k := first; k < len(d.Words) && pp.sameClause(k, i); k++ {
		if d.Is(k, youWords) || k > first && pp.is(k, cCapital) {
			return true
		}
	}
	return false
}

// clauseWords returns the words [from, to) of word i's clause. Clause
// numbers only grow along the reply, so a clause is a run of consecutive
// words: a scan of one reads its own words, not the whole reply's, which
// kept frames asked once per match from growing with the square of the
// reply's length.
func (pp *phiPass) clauseWords(i int) (from, to int) {
	c := pp.clause[i]
	from, to = i, i+1
	for from > 0 && pp.clause[from-1] == c {
		from--
	}
	for to < len(pp.clause) && pp.clause[to] == c {
		to++
	}
	return from, to
}

// modalInClause reports "can", "will", "would" or a "'ll" in word i's
// clause: what it says may happen, not what happened.
func (pp *phiPass) modalInClause(i int) bool {
	d := pp.d
	from, to := pp.clauseWords(i)
	for k := from; k < to; k++ {
		if pp.is(k, cOfferModals) || strings.HasSuffix(d.Words[k].Lower, "'ll") || strings.HasSuffix(d.Words[k].Lower, "\u2019ll") {
			return true
		}
	}
	return false
}

// counted reports a number or a count word right before a care match
// ("4 crowns", "two fillings"): a count makes care someone's in particular
// even in a guess or a statement about most people.
func (pp *phiPass) counted(m lex.Match) bool {
	k := m.From - 1
	if k < 0 || pp.d.Words[k].Sentence != pp.d.Words[m.From].Sentence {
		return false
	}
	return pp.is(k, cCountWords) || text.IsDigit(pp.d.Words[k].Lower[0])
}

// sweepCare reports a care match no frame tied to anyone that is still
// the person's once the reply discloses their care: a procedure,
// condition or medicine, told as a fact, a guess or a tip ("Mupirocin
// usually clears that kind of spot" after "your scan looked great"), or a
// visit or billing word with a determiner ("the follow-up"); not a
// clinician ("Dr. Vale" is the practice's), a feeling or an everyday word
// with no determiner. Swept along, it never makes a reply disclose
// (runPHI adds pp.later only to one that does) nor keeps the advice
// reading from dropping one (dropAdvice).
func (pp *phiPass) sweepCare(i int, m lex.Match) bool {
	det := pp.determinedAt(i)
	return pp.ownable(m, det) && (det || m.List != care.Nouns.ID && m.List != care.Billing.ID)
}

// ownable reports a care match that reads as someone's care once the
// reply is about them: not a feeling, and a word that is everyday as often
// ("bridge", "stress") only with a determiner ("the bridge").
func (pp *phiPass) ownable(m lex.Match, determined bool) bool {
	d := pp.d
	if m.List == care.Clinicians.ID || pp.staff[m.From] || d.Is(m.From, feelings) && m.To-m.From == 1 {
		return false
	}
	return determined || !pp.ambiguousCare(m) && !d.Is(m.From, everydayCare)
}

// standingOffer reports a sentence that offers something to anyone at any
// time: a slogan or a service description, not a relationship.
func (pp *phiPass) standingOffer(s int) bool { return pp.flags[s].standing }

var standingOffer = &vocabLists[listStandingOffer]

// speculation words make a sentence a guess or a general statement ("that
// sounds like an abscess", "it can also be fungal"): advice to route to a
// clinician, not a disclosure.
var speculation = &vocabLists[listSpeculation]

func (pp *phiPass) speculative(s int) bool { return pp.flags[s].speculative }

// speculationPhrases: "it can be fungal", "it can also mean".
var speculationPhrases = &vocabLists[listSpeculationPhrases]

// personalComment reports a comment about the writer's own life ("I", "my",
// "me"): care a reply brings up is then read as theirs.
func personalComment(cd *lex.Doc) bool {
	if cd == nil {
		return false
	}
	for i := range cd.Words {
		if isClass(cd, i, cWriterSelf) {
			return true
		}
	}
	return false
}

// careInComment reports whether a word of care match m appears in the
// comment (also as a near form: "aligner" / "aligners").
func (pp *phiPass) careInComment(m lex.Match) bool {
	for k := m.From; k < m.To; k++ {
		w := pp.d.Words[k].Lower
		for _, cw := range pp.comment.Words {
			if sameStem(w, cw.Lower) {
				return true
			}
		}
	}
	return false
}

func sameStem(a, b string) bool {
	if a == b {
		return true
	}
	n := min(len(a), len(b))
	if n < 5 || max(len(a), len(b))-n > 3 {
		return false
	}
	return a[:n-1] == b[:n-1]
}

// care returns the care match starting at word i (From = -1 if none).
func (pp *phiPass) care(i int) lex.Match {
	if k := pp.careIdx[i]; k >= 0 {
		return pp.careList[k]
	}
	return lex.Match{From: -1}
}

// afterContactVerb: "please call so a dentist can give you the right
// aftercare guidance" offers care; it does not disclose any.
func (pp *phiPass) afterContactVerb(i int) bool { return pp.contactBefore[i] }

// markContactBefore marks the words that follow an invitation to make
// contact earlier in their sentence: the rest of the sentence after the
// first such verb.
func (pp *phiPass) markContactBefore() {
	d := pp.d
	marked := zeroed(pp.contactBefore, len(d.Words))
	pp.contactBefore = marked
	if !d.Contains(practice.ContactVerbs) {
		return
	}
	for i := 0; i < len(d.Words); i++ {
		if !d.Is(i, practice.ContactVerbs) || i > 0 && d.Is(i-1, practice.FirstPersonSubjects) {
			continue
		}
		s := d.Words[i].Sentence
		for i+1 < len(d.Words) && d.Words[i+1].Sentence == s {
			i++
			marked[i] = true
		}
	}
}

// imperativeOpeners start advice or instructions: "Try pairing your exercises…".
var imperativeOpeners = &vocabLists[listImperativeOpeners]

// reportOpeners before a past form report what the writer did ("Just
// checked and …"): no instruction.
var reportOpeners = &wordSets[listReportOpeners]

// imperative reports a sentence that opens with an instruction.
func (pp *phiPass) imperative(s int) bool {
	ws := pp.d.SentenceWords(s)
	at := pp.d.SentWords[s].Start
	if len(ws) > 1 && inSet(pp.d, at, reportOpeners) && (participle(pp.d, at+1) || pp.d.Is(at+1, pastWords)) {
		return false
	}
	return len(ws) > 0 && pp.d.Is(at, imperativeOpeners)
}

// verbUse reports "follow up with", "check up on": care words used as
// verbs; so after "to" or a modal ("want to follow up", "our manager can
// follow up privately"): the practice getting in touch, no visit.
func (pp *phiPass) verbUse(m lex.Match) bool {
	return pp.is(m.From, cCareVerbs) && (pp.is(m.To, cVerbParticles) || m.From > 0 && pp.d.Words[m.From-1].Sentence == pp.d.Words[m.From].Sentence &&
		(pp.d.Words[m.From-1].Lower == "to" || pp.is(m.From-1, cOfferModals) || strings.HasSuffix(pp.d.Words[m.From-1].Lower, "'ll")))
}

var ()

// everydayCare are vocabulary words that are ordinary feelings or events
// unless someone owns them ("your anxiety", not "the stress this caused").
var everydayCare = &vocabLists[listEverydayCare]

// feelings are sympathy words, never a disclosure without an owner.
var feelings = &vocabLists[listFeelings]

// isOwner reports a word that owns what follows: "your", "his", "Eli's",
// or "you" in "you have a balance".
func (pp *phiPass) isOwner(i int) bool {
	d := pp.d
	w := d.Words[i].Lower
	if d.Is(i, possessives) {
		return true
	}
	// "today's checkup", "this morning's cleaning": a visit of a known day.
	if d.Is(i, timePossessives) {
		return true
	}
	if strings.HasSuffix(w, "'s") && !pp.staff[i] && pp.is(i, cCapital) {
		// "Eli's chart"; a name we do not know ("Rafi's") mid-sentence,
		// when it is no word we know capitalised for another reason.
		name := strings.TrimSuffix(w, "'s")
		if firstNames.Has(name) || i > d.SentWords[d.Words[i].Sentence].Start && !commonCapital(d, i) && !pp.c.PageWords[name] && !d.Is(i, practice.StaffTitles) {
			return true
		}
	}
	return pp.is(i, cYouSubjects) && pp.is(i+1, cOwningVerbs)
}

// eventVerbs before a care term make it something that happened to someone.
var eventVerbs = &vocabLists[listEventVerbs]

// needVerbs state what something calls for ("needs", "required"), and
// needReferents, as their subject, point back at something particular
// ("your plan … it needs a referral").
var (
	needVerbs     = &wordSets[listNeedVerbs]
	needReferents = &wordSets[listNeedReferents]
)

// generalNeed reports care word i after a need verb whose subject is no
// one in particular: "some insurance plans need a referral", "chest pain
// needs prompt care", "no appointment needed for an x-ray" state a rule
// for anyone. A person, a name, a possessive or a determiner before the
// verb in its clause ("you'll need a crown", "that tooth needed a crown",
// "Lauren needed three retrievals") makes it someone's.
func (pp *phiPass) generalNeed(i int) bool {
	d := pp.d
	for k := i - 1; k >= 0 && k >= i-2 && d.Words[k].Sentence == d.Words[i].Sentence; k-- {
		if !inSet(d, k, needVerbs) {
			continue
		}
		start := d.SentWords[d.Words[k].Sentence].Start
		for j := k - 1; j >= start && pp.sameClause(j, k); j-- {
			if d.Is(j, possessives) || d.Is(j, youWords) || d.Is(j, thirdWords) || pp.is(j, cDeterminers) || inSet(d, j, needReferents) ||
				j > start && pp.is(j, cCapital) && !pp.staff[j] && pp.knownName(j) {
				return false
			}
		}
		return true
	}
	return false
}

// afterEventVerb reports an event verb one or two words before word i.
func (pp *phiPass) afterEventVerb(i int) bool {
	d := pp.d
	for k := i - 1; k >= 0 && k >= i-2 && d.Words[k].Sentence == d.Words[i].Sentence; k-- {
		if d.Is(k, eventVerbs) {
			return true
		}
	}
	return false
}

var ()

// possessiveHit reads "your ... <care term>" starting at word i.
func (pp *phiPass) possessiveHit(i int) (phiHit, bool) {
	d := pp.d
	s := d.Words[i].Sentence
	if pp.conditional(i) || pp.is(i, cTheir) && (pp.answersQuestion || pp.generalAntecedent(i)) {
		return phiHit{}, false
	}
	// "depends on your own medicines", "about your own dose": the topic
	// sent elsewhere, not care the practice knows of.
	ownTopic := pp.topicOwner(i) || pp.knownElsewhere(i)
	qualified, kinOwned := false, false
	for k := i + 1; k < len(d.Words) && k <= i+4 && d.Words[k].Sentence == s; k++ {
		if d.Is(k, timeQualifiers) {
			qualified = true
		}
		m := pp.care(k)
		if o, ok := d.LongestAt(k, ownedCare.Group); ok && m.From < 0 {
			m = lex.Match{From: o.From, To: o.To, List: care.Nouns.ID} // "your touch-up"
		} else if o, ok := d.LongestAt(k, ownedBilling.Group); ok && m.From < 0 {
			m = lex.Match{From: o.From, To: o.To, List: care.Billing.ID} // "your deposit"
		}
		if m.From >= 0 && (ownTopic || pp.daysUnit(i, m) || pp.judgedVisit(i, m, qualified) || pp.handedOver(i, m, qualified) || pp.askAtNextVisit(i)) {
			pp.settled = m.To
			return phiHit{}, false
		}
		// "Ana's cleaning tips", "your flossing tips": the care word is
		// the topic of the tips, a post's subject and nobody's care.
		if m.From >= 0 && (inSet(d, m.To, tipWords) && pp.sameClause(m.From, m.To) || pp.credentialField(m)) {
			pp.settled = m.To + 1
			return phiHit{}, false
		}
		if m.From >= 0 {
			// "your appointment Tuesday": a day right after it books it.
			if m.To < len(d.Words) && pp.weekdayAt(m.To) && pp.sameClause(m.From, m.To) {
				qualified = true
			}
			// "schedule your first appointment", "bring your insurance card".
			if i > 0 && d.Is(i-1, ctaVerbs) && d.Is(m.To-1, ctaNouns) && !qualified {
				return phiHit{}, false
			}
			// "your primary care doctor", "your sleep specialist": what the
			// person owns is a clinician, whatever care word names the kind.
			if m.List != care.Clinicians.ID && d.Is(m.To, care.Clinicians) && pp.sameClause(m.From, m.To) {
				m.To++
				m.List = care.Clinicians.ID
				pp.settled = m.To
			}
			// "your therapist", "your counselor": a clinician, though
			// another care list names the word too; not "your last PT
			// sessions", where it names the care.
			if m.To-m.From == 1 && !qualified && d.Is(m.From, care.Clinicians) && (!pp.sameClause(m.From, m.To) || pp.care(m.To).From < 0) {
				m.List = care.Clinicians.ID
			}
			f := pp.flags[s]
			strong := f.empathy || f.name || f.time || f.third || pp.addressed
			// An answer to a general question that tells how things go
			// ("our intake staff will look into your plan", "your
			// counselor will start with a short questionnaire") speaks to
			// anyone who comes; so does one that states what usually
			// helps or tells anyone what to do ("skipping your elastics
			// slows everything down", "try doing your stretches after a
			// shower").
			// A relative in between ("your husband's visit") picks out
			// one person, not anyone who comes.
			if pp.generalQuestion && !qualified && !strong && !kinOwned && !f.pastTense && (pp.modalInClause(i) || pp.educates(s) && (f.genericStatement || pp.imperative(s))) {
				pp.laterOwned(i, m.To)
				return phiHit{}, false
			}
			// Advice on what the commenter asked about their own care
			// ("ice your shoulder after the exercises", "rinse your
			// aligners in cool water") tells only what they told, once
			// nothing here ties it to a visit, a time or a name. A
			// treatment they never named ("stay on your warfarin") or a
			// number from the chart ("the crown on tooth 3") is still the
			// practice's knowledge.
			if pp.advises(s) && !qualified && m.List != care.Billing.ID && (m.List == care.Nouns.ID || pp.careInComment(m)) && !pp.numberInClause(m.From) {
				pp.laterOwned(i, m.To)
				return phiHit{}, false
			}
			// A feeling, a name or a third person says whose care it is; a
			// time may only say when to follow an instruction.
			personRef := f.empathy || f.name || f.third || pp.addressed
			// "Hi all! Bring a list of your medications": a post to
			// everyone, unless a name, a time or a feeling picks one out.
			// So is what it asks of them all: "Hi all! Bring questions about
			// the scanner to your next cleaning".
			// A notice to a group that opens the reply ("Reminder for
			// everyone on allergy shots: call before your next visit")
			// speaks to them all, whatever time it names.
			if (pp.toEveryone(s) && (!f.time && !qualified || pp.imperative(s)) || pp.groupNotice()) && !f.third && !f.pastTense && !f.name {
				pp.settled = m.To
				return phiHit{}, false
			}
			if !qualified && pp.carriedAlong(i, &f) {
				pp.laterOwned(i, m.To)
				return phiHit{}, false
			}
			// "your knee" alone is no disclosure; "your next session" is,
			// and "your knee" is the person's once the reply discloses.
			if d.Is(m.To-1, bodyNouns) && m.To-m.From == 1 && !f.event && !qualified {
				pp.laterOwned(i, m.To)
				return phiHit{}, false
			}
			switch m.List {
			case care.Clinicians.ID:
				// "talk to your dentist" is generic; "as your dentist" or
				// "your doctor said yesterday" is not.
				if !pp.is(i-1, cAsWords) && !f.time && !f.name && !f.pastTense {
					pp.laterOwned(i, m.To)
					return phiHit{}, false
				}
				if !pp.is(i-1, cAsWords) && !f.name && pp.referral(i, m.From) {
					pp.laterOwned(i, m.To)
					return phiHit{}, false
				}
			case care.Billing.ID:
				// "check your specific plan" and "bring your insurance card" are
				// generic; "your balance of $84" is not.
				if pp.is(m.To, cCardWords) || pp.is(m.To-1, cAmbiguousBilling) && !pp.hasAmount(s) {
					return phiHit{}, false
				}
				if pp.genericOwnedIn(i+1, k) || (!pp.billingSpecific(s) && !strong && !pp.billingChanged(i) && !pp.namedInsurer(i+1)) {
					return phiHit{}, false
				}
				if pp.billingLookup(i, m.To, s) {
					return phiHit{}, false
				}
			case care.Nouns.ID:
				if pp.genericOwnedIn(i+1, k) || ((f.generic || f.offer || (pp.answersQuestion && pp.imperative(s))) && !qualified && !strong) {
					return phiHit{}, false
				}
				if pp.instructs(s) && !qualified && !personRef {
					return phiHit{}, false
				}
			case care.Conditions.ID, care.Medications.ID:
				// "your Xanax", "your ADHD": always the person's own, unless the
				// reply answers a question with instructions ("give her Tylenol").
				// A medicine the commenter never named is theirs all the same.
				// So is a guess or a "can depend on your pregnancy" answer.
				if pp.answersQuestion && (pp.imperative(s) || pp.speculative(s)) && !pp.addressed && !f.pastTense && (!pp.personal || pp.careInComment(m) || !pp.is(i, cOwnerYour)) {
					pp.settled = m.To
					return phiHit{}, false
				}
			default:
				if (f.genericStatement || pp.ifYou(s) || (pp.answersQuestion && pp.imperative(s))) && !strong && !f.event && !qualified {
					return phiHit{}, false
				}
				// "you can view your own scans online": anyone's, told
				// as what may be done, unless something happened.
				if pp.genericOwnedIn(i+1, m.From) && (pp.modalInClause(i) || pp.imperative(s)) && !strong && !f.event && !f.pastTense && !qualified {
					pp.settled = m.To
					return phiHit{}, false
				}
				if pp.instructs(s) && !qualified && !personRef {
					return phiHit{}, false
				}
			}
			// "the doctor who ordered your MRI": the care says whose
			// doctor to ask, and tells nothing of what was found or when.
			if !f.name && !f.time && !f.third && pp.orderedBy(i) {
				pp.settled = m.To
				return phiHit{}, false
			}
			msg := details
			switch m.List {
			case care.Nouns.ID, care.Clinicians.ID:
				msg = confirmed
			case care.Billing.ID:
				msg = billing
			}
			return phiHit{text.Span{Start: d.Words[i].Start, End: d.Words[m.To-1].End}, msg, srcPossessive, 0}, true
		}
		if d.Is(k, gapBreakers) {
			return phiHit{}, false
		}
		if d.Is(k, familyNouns) {
			kinOwned = true
			continue
		}
		// "your TSH", "his PSA": an acronym the person owns is a test, a
		// condition or a procedure far more often than anything else.
		if k == i+1 && d.Is(i, possessives) && acronym(d.Text[d.Words[k].Start:d.Words[k].End]) {
			pp.laterOwned(i, k+1)
		}
	}
	return phiHit{}, false
}

var peopleInGeneral = &vocabLists[listPeopleInGeneral]

// someoneWords are one unnamed person (generalAntecedent).
var someoneWords = &wordSets[listSomeoneWords]

var tipWords = newWordSet(listText[listTipWords])

// toEveryone reports sentence s of a reply that opens by greeting a crowd
// ("Hi all!", "Hello everyone") or a sentence that opens "To our
// patients": a post to all readers, not an answer to one.
func (pp *phiPass) toEveryone(s int) bool {
	d := pp.d
	if f := &pp.flags[s]; f.name || f.pastTense {
		return false
	}
	// "all" greeted ("Hi all!") is the crowd too.
	if len(d.Words) > 1 && d.Is(0, greetingWords) && (d.Is(1, peopleInGeneral) || d.Words[1].Lower == "all") {
		return true
	}
	// A post of tips, answering no comment: "Quick tip for everyone: …".
	if pp.comment == nil || len(pp.comment.Words) == 0 {
		for k := 0; k < d.SentWords[s].End; k++ {
			if inSet(d, k, tipWords) {
				return true
			}
		}
	}
	// The dedication may be its own sentence: "To our patients: thank you …".
	for t := max(s-1, 0); t <= s; t++ {
		if k := d.SentWords[t].Start; k >= 0 && d.Words[k].Lower == "to" && pp.is(k+1, cOurWords) && d.Is(k+2, peopleInGeneral) {
			return true
		}
	}
	return pp.groupNotice()
}

var noticeWords = &wordSets[listNoticeWords]

// groupNotice reports a reply that opens with a notice to a group
// ("Reminder for our Saturday clinic folks:", "Gentle reminder for
// everyone on allergy shots:", "As a reminder to all patients,"): a post
// to all its readers. The group follows the notice word within a few
// words of its clause, owned by no one ("your kids") and not counted;
// a name in the opening sentence ("Reminder to our Thursday patients:
// Mrs. Greene, …") picks people out. A post that answers no comment and
// opens with a bare notice or one from its sender ("Reminder: video
// links come by text before your visit", "A note from our hygienists:")
// is written to all who read the page too, unless it greets or titles
// someone, gives a time in its opening sentence or leaves a template's
// slot ("{date}", "[Name]") to fill.
func (pp *phiPass) groupNotice() bool {
	d := pp.d
	if len(d.SentWords) == 0 || pp.flags[0].name {
		return false
	}
	sw := d.SentWords[0]
	for k := sw.Start; k < sw.End && k < sw.Start+3; k++ {
		if !inSet(d, k, noticeWords) {
			continue
		}
		if (!pp.sameClause(k, k+1) || d.Words[k+1].Lower == "from") && pp.postToAll() {
			return true
		}
		for j := k + 1; j < sw.End && j <= k+6 && pp.sameClause(k, j); j++ {
			if d.Is(j, peopleInGeneral) && !d.Is(j-1, possessives) && !pp.countedPeople(j) {
				return true
			}
		}
		return false
	}
	return false
}

// postToAll reports a reply that answers no comment and picks no one
// out: no name greeted or titled, no time in its opening sentence, no
// template slot left to fill.
func (pp *phiPass) postToAll() bool {
	d := pp.d
	return (pp.comment == nil || len(pp.comment.Words) == 0) && !pp.addressed && !pp.flags[0].time &&
		!d.Contains(honorifics) && !slices.Contains(pp.vocative, true) && !d.HasByte('{') && !d.HasByte('[')
}

// generalAntecedent reports people in general ("clients", "everyone")
// earlier in word i's sentence and not owned by anyone ("your kids") or
// counted ("both kids"): what "their" at i owns is then anyone's. So is
// one person a quantifier picks from all ("any student", "every
// player") or one not yet known who answers a description ("tag a
// friend who needs …").
func (pp *phiPass) generalAntecedent(i int) bool {
	d := pp.d
	s := d.Words[i].Sentence
	one := pp.flags[s].time && pp.flags[s].pastTense // something happened at a particular time
	for k := i - 1; k >= d.SentWords[s].Start; k-- {
		if inSet(d, k, someoneWords) && one {
			continue // someone who did something at a particular time is one person
		}
		if d.Is(k, peopleInGeneral) && (k == 0 || !d.Is(k-1, possessives)) && !pp.countedPeople(k) {
			return true
		}
		// (Not "every month for their shots": a quantified time or visit
		// is how often one person comes.)
		if k > d.SentWords[s].Start && !one && (pp.is(k-1, cAnyWords) || inSet(d, k-1, knowerArticles) && inSet(d, k+1, relativeWho)) &&
			!d.Is(k, timeSpans) && pp.care(k).From < 0 {
			return true
		}
	}
	return false
}

// relativeWho after "a friend" describes whoever fits: "a friend who
// needs their flu shot" is anyone's friend.
var relativeWho = &wordSets[listRelativeWho]

// instructs reports a sentence that answers the comment's question with
// an instruction and tells nothing that already happened: its "keep",
// "wear" and "today" are the advice ("keep doing your quad sets", "rest
// your eyes today"), not the person's history. When the practice takes a
// part in it ("and we'll clip it at your appt Thursday") it is a plan.
func (pp *phiPass) instructs(s int) bool {
	if !pp.answersQuestion || !pp.imperative(s) || pp.flags[s].pastTense {
		return false
	}
	d := pp.d
	for k := d.SentWords[s].Start; k < d.SentWords[s].End; k++ {
		if d.Is(k, practice.FirstPersonSubjects) {
			return false
		}
	}
	return true
}

// laterOwned keeps words [i, to), something the person owns ("your knee",
// "your surgeon"), for when the reply discloses; not in a condition,
// an offer or a statement about anyone.
func (pp *phiPass) laterOwned(i, to int) {
	s := pp.d.Words[i].Sentence
	f := &pp.flags[s]
	if f.offer || f.genericStatement || pp.standingOffer(s) || pp.speculative(s) || pp.ifYou(s) || pp.is(to-1, cShownSmiles) {
		return
	}
	pp.later = pp.hit(pp.later, i, to, details, srcOwnedLater)
}

// ownedSubjectVerbs make an owned phrase the subject of a clause;
// ownedNonCare are owned words that are no care (ownedSubject).
var (
	ownedSubjectVerbs = &wordSets[listOwnedSubjectVerbs]
	ownedNonCare      = &wordSets[listOwnedNonCare]
)

// ownedSubject reports the words from i+1 to the verb k, after the
// possessive i, as what the reader owns told as the subject of a clause:
// "your corneas were plenty thick", "your slot was given away", "her
// walker is at the desk". No care word says what it is, but the clause
// tells something of it; not what a reply thanks for ("your kind words
// were"), a post, how the reader is reached, a care word (possessiveHit
// reads those) or a closed-class word ("her and"); nor under a question
// about the writer's own care, where it would keep advice that only
// echoes it (dropAdvice).
func (pp *phiPass) ownedSubject(i, k int) bool {
	d := pp.d
	first := i + 1
	return inSet(d, k, ownedSubjectVerbs) && d.Is(i, possessives) && !pp.clinicalAsk && !inSet(d, first, ownedNonCare) &&
		!d.Is(first, gapBreakers) && pp.careIdx[first] < 0
}

// ownedPhrase keeps, for when the reply discloses, an owned phrase no care
// word explains: one placed in a series or counted ("your third no-show",
// "your 20 units") or one that turned out some way ("your brows healed").
func (pp *phiPass) ownedPhrase(i int) {
	d := pp.d
	if !d.Is(i, possessives) && !pp.is(i, cCapital) {
		return // "you have…", "today's": not an owner of a phrase
	}
	if pp.sameClause(i, i+2) && (d.Is(i+1, ownedOrders) || text.IsDigit(d.Words[i+1].Lower[0])) {
		pp.laterOwned(i, i+3)
		return
	}
	for k := i + 2; k <= i+4 && pp.sameClause(i, k); k++ {
		if d.Is(k, ownedOutcomes) {
			pp.laterOwned(i, k+1)
			return
		}
		if pp.ownedSubject(i, k) {
			pp.laterOwned(i, k)
			return
		}
		if d.Is(k, gapBreakers) || d.Is(k, possessives) {
			return
		}
	}
}

// acronym reports an all-capital word of three to five letters ("TSH",
// "BBL"); "A1C" counts, "OK" does not.
func acronym(w string) bool {
	if len(w) < 3 || len(w) > 5 {
		return false
	}
	letters := 0
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case c >= 'A' && c <= 'Z':
			letters++
		case c < '0' || c > '9':
			return false
		}
	}
	return letters >= 2
}

// familyMember reads "your wife", "his new baby" at word i: who the
// reply's care details are about, when it discloses any.
func (pp *phiPass) familyMember(i int) {
	d := pp.d
	if !d.Is(i, possessives) || pp.conditional(i) || pp.answersQuestion {
		return
	}
	for k := i + 1; k <= i+2 && k < len(d.Words) && d.Words[k].Sentence == d.Words[i].Sentence; k++ {
		if m, ok := d.LongestAt(k, familyNouns.Group); ok {
			pp.later = pp.hit(pp.later, i, m.To, "names a family member of the person", srcFamilyMember)
			return
		}
	}
}

// ifYou reports "if you" anywhere in sentence s ("bring your glasses if you use them").
func (pp *phiPass) ifYou(s int) bool { return pp.flags[s].ifYou }

// hasAmount reports a money amount in sentence s.
func (pp *phiPass) hasAmount(s int) bool {
	f := &pp.flags[s]
	if !f.amountRead {
		sp := pp.d.Sentences[s]
		f.amount, f.amountRead = moneyIn(pp.d.Text[sp.Start:sp.End]), true
	}
	return f.amount
}

// moneyIn reports a "$", "€" or "£" in t. One pass over the bytes:
// strings.ContainsAny with a non-ASCII set decodes every rune and
// searches the set for it, which in engine.wasm cost ~10% of a check.
func moneyIn(t string) bool {
	for k := 0; k < len(t); k++ {
		switch t[k] {
		case '$':
			return true
		case 0xC2: // £ is C2 A3
			if k+1 < len(t) && t[k+1] == 0xA3 {
				return true
			}
		case 0xE2: // € is E2 82 AC
			if k+2 < len(t) && t[k+1] == 0x82 && t[k+2] == 0xAC {
				return true
			}
		}
	}
	return false
}

// genericOwnedIn: "your first visit", "your free consult" among words
// [from, to) address any newcomer.
func (pp *phiPass) genericOwnedIn(from, to int) bool {
	for k := from; k < to; k++ {
		// "your new patient exam" is anyone's; "your new lenses" are theirs.
		if pp.is(k, cGenericOwned) && (pp.d.Words[k].Lower != "new" || pp.d.Is(k+1, newcomerNouns)) {
			return true
		}
	}
	return false
}

// billingSpecific: a sentence with amounts or billing events, not advice.
func (pp *phiPass) billingSpecific(s int) bool {
	if pp.flags[s].billingSpecific {
		return true
	}
	return pp.hasAmount(s)
}

var billingEvents = &vocabLists[listBillingEvents]

var billingChanges = &wordSets[listBillingChanges]

// billingChanged reports a change told of the billing item word i owns,
// in its clause: "your deductible resets in January", "Blue Cross changed
// your formulary", "your insurance kept reprocessing your claims".
func (pp *phiPass) billingChanged(i int) bool {
	for k := i - 4; k <= i+6; k++ {
		if k >= 0 && pp.sameClause(i, k) && inSet(pp.d, k, billingChanges) {
			return true
		}
	}
	return false
}

var newcomerNouns = &cueLists[listNewcomerNouns]

// ambiguousCare reports a single-word care term that is an everyday word too
// ("cap", "bridge", "crown"?): it needs a determiner or owner nearby.
func (pp *phiPass) ambiguousCare(m lex.Match) bool {
	if m.To-m.From != 1 {
		return false
	}
	return pp.d.Is(m.From, care.Ambiguous)
}
