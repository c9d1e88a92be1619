package core

import (
	"cmp"
	"slices"
	"strings"
	"sync"
)

// PHIRule is the seed rule "Don't forget about HIPAA": a public reply must
// never disclose protected health information. Confirming that someone is a
// patient is itself a disclosure, so the rule reads context, not keywords:
// "We offer Invisalign consults" is fine, "your Invisalign" is not.
var PHIRule = &Rule{
	Name:     "hipaa",
	Doc:      "public replies must not confirm care, mention care details or contain a patient's identifiers",
	Category: PHI,
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
}

type phiPass struct {
	c       *Compiled
	d       *Doc
	comment *Doc
	flags   []sentFlags
	// careIdx[i] indexes careList for the care match starting at word i,
	// or is -1: a small index per word, not a whole match.
	careIdx  []int32
	careList []phraseMatch
	staff    []bool // staff[i]: word i is a staff member's or the practice's own name
	// vocative[i]: word i addresses someone by name ("Hi Darnell").
	vocative []bool
	// addressed: the reply speaks to or about a named person.
	addressed bool
	// answersQuestion: the comment asked something, so instructions in
	// the reply are general answers, not the person's care plan.
	answersQuestion bool
	// personal: the comment is about the writer ("my eye is still red").
	personal      bool
	contactBefore []bool
}

var youWords = newLexSet(fields("you your you're you've you'll you'd yourself yours u ur y'all")...)
var empathyWords = newLexSet(fields(`sorry proud glad happy hope hoping congrats congratulations
	thrilled relieved wishing speedy heal healing recovery sad hear heard apologize`)...)
var genericWords = newLexSet(fields(`if whether anyone anybody everyone everybody many most people
	patients adults typically usually generally often common commonly recommend recommends options
	option accepting learn consider discount free anyone's kids children teens seniors folks
	families whenever per average difference helps important key idea tip tips normally research`)...)
var offerWords = newLexSet(fields(`offer offers offering provide provides providing available
	accepting accept welcome specialize specializes perform performs ask learn book schedule consult
	consults consultation consultations special`)...)
var genericStatementWords = newLexSet(fields(`most many people patients everyone anyone typically
	usually generally difference helps important key tip tips idea often common commonly normally
	average research studies recommended recommend`)...)
var pastWords = newLexSet(fields(`said told noticed saw mentioned recommended prescribed referred
	sent ordered wrote called asked was were did had`)...)
var timeWords = newLexSet(fields("today tomorrow yesterday tonight morning afternoon weekend")...)
var thirdWords = newLexSet("he", "she", "him", "his", "her", "hers", "he's", "she's", "baby", "mama",
	"son", "daughter", "husband", "wife", "mom", "dad", "grandma", "grandpa", "kiddo", "twins", "little one", "sweetie")
var eventWords = newLexSet(fields(`had got received diagnosed taking took underwent recovering
	finished finishing completed completing prescribed placed removed extracted did went came
	congrats congratulations after since during healing healed today yesterday hurt hurts felt feels
	feeling sore painful bleeding swollen loose fell broke cracked off tightened adjusted looking
	looks improving better worse working worked paid cleared resolved gone fixed kicked showed came
	back ready fits fit wearing keep`)...)

// wordClass is a bit set of the word lists a sentence's flags come from,
// read off each word's class mask (see wordclass.go), so the per-word loop
// does no map lookup.
type wordClass uint32

const (
	clYou wordClass = 1 << iota
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
)

var sentenceClasses = []struct {
	set *lexSet
	cl  wordClass
}{
	{youWords, clYou}, {empathyWords, clEmpathy}, {genericWords, clGeneric}, {offerWords, clOffer},
	{scheduleWords, clSchedule}, {pastVisitWords, clPastVisit}, {eventWords, clEvent}, {timeWords, clTime},
	{weekdays, clTime}, {thirdWords, clThird}, {pastWords, clPast}, {genericStatementWords, clGenericStatement},
	{billingEvents, clBilling},
}

// sentenceClass maps a word's list memberships to its sentence classes.
func sentenceClass(m classMask) wordClass {
	if m == (classMask{}) {
		return 0 // most words are in no list
	}
	var cl wordClass
	for _, c := range sentenceClasses {
		if c.set.in(m) {
			cl |= c.cl
		}
	}
	return cl
}

func newPHIPass(p *Pass) *phiPass {
	d := p.Reply
	pp := &phiPass{c: p.Policy, d: d, flags: make([]sentFlags, len(d.Sentences))}
	for s := range d.Sentences {
		ws := d.sentenceWords(s)
		f := &pp.flags[s]
		var all wordClass
		for k, w := range ws {
			lw := w.Lower
			cl := sentenceClass(d.classOf(d.sentWords[s].Start + k))
			if cl&clYou != 0 && lw == "you" && k > 0 && (ws[k-1].Lower == "thank" || ws[k-1].Lower == "to" || ws[k-1].Lower == "see") {
				cl &^= clYou
			}
			if (lw == "week" || lw == "month") && k > 0 && (ws[k-1].Lower == "next" || ws[k-1].Lower == "last" || ws[k-1].Lower == "this") {
				cl |= clTime
			}
			if lw == "if" && k+1 < len(ws) && (ws[k+1].Lower == "you" || ws[k+1].Lower == "you're") {
				f.ifYou = true
			}
			if isDigit(lw[0]) {
				cl |= clBilling
			}
			all |= cl
		}
		f.you, f.empathy, f.generic = all&clYou != 0, all&clEmpathy != 0, all&clGeneric != 0
		f.offer, f.schedule, f.pastVisit = all&clOffer != 0, all&clSchedule != 0, all&clPastVisit != 0
		f.event, f.time, f.third = all&clEvent != 0, all&clTime != 0, all&clThird != 0
		f.pastTense, f.genericStatement, f.billingSpecific = all&clPast != 0, all&clGenericStatement != 0, all&clBilling != 0
		for k := 0; k+2 < len(ws); k++ {
			if ws[k].Lower == "let" && ws[k+1].Lower == "us" && ws[k+2].Lower == "know" {
				f.you = true // "let us know how the new mask is working"
			}
		}
	}
	pp.careIdx = make([]int32, len(d.Words))
	for i := range d.Words {
		pp.careIdx[i] = -1
		// Most words start no care term: test both filters before the call.
		if h := d.Words[i].hash; !pp.c.lex.care.mayStart(h) && !pp.c.extraCare.mayStart(h) {
			continue
		}
		if m, ok := pp.c.careAt(d, i); ok {
			pp.careIdx[i] = int32(len(pp.careList))
			pp.careList = append(pp.careList, m)
		}
	}
	pp.markContactBefore()
	pp.staff = pp.c.staffNames(d)
	pp.vocative = pp.vocatives()
	for _, f := range pp.flags {
		if f.empathy && f.you {
			pp.addressed = true // "so proud of you", "glad you're feeling better"
		}
	}
	for i, w := range d.Words {
		known := !pp.staff[i] && isCapitalized(d.Text, w) && pp.c.lex.firstNames.has(strings.TrimSuffix(w.Lower, "'s")) &&
			(!pp.c.lex.ambiguousName.has(w.Lower) || pp.nameContextAt(i))
		if known || pp.vocative[i] {
			pp.flags[w.Sentence].name = true
			pp.addressed = true
		}
	}
	pp.comment = p.CommentDoc
	pp.personal = personalComment(pp.comment)
	switch p.Comment.Kind {
	case KindQuestion, KindClinical, KindBilling:
		pp.answersQuestion = true
	}
	return pp
}

func runPHI(p *Pass) {
	pp := newPHIPass(p)
	parts := [][]phiHit{pp.identifierHits(), pp.dateWordHits(), pp.relationshipHits(), pp.careHits(), pp.intlHits()}
	n := 0
	for _, part := range parts {
		n += len(part)
	}
	names := pp.nameHits(n > 0)
	hits := make([]phiHit, 0, n+len(names))
	for _, part := range append(parts, names) {
		hits = append(hits, part...)
	}
	if len(hits) == 0 {
		return
	}
	hits = mergeHits(hits)
	rewrite := safeRewrite(p)
	// Every finding shares the suggestion text and one array of edits.
	suggestion := "keep care details off the public page and invite them to contact you privately: \"" + rewrite + "\""
	edits := make([]Edit, len(hits))
	firstSentence := -1
	for k, h := range hits {
		f := Finding{Start: h.Start, End: h.End, Message: h.msg, Suggestion: suggestion}
		if i := wordAt(pp.d, h.Start); i >= 0 {
			s := pp.d.Words[i].Sentence
			sp := pp.d.Sentences[s]
			newText := rewrite
			if firstSentence >= 0 && firstSentence != s {
				newText = ""
			}
			if firstSentence < 0 {
				firstSentence = s
			}
			edits[k] = Edit{Start: sp.Start, End: sp.End, NewText: newText}
			f.Edits = edits[k : k+1 : k+1]
		}
		p.Report(f)
	}
}

// mergeHits sorts hits and merges overlapping ones, keeping the first message.
func mergeHits(hits []phiHit) []phiHit {
	slices.SortStableFunc(hits, func(a, b phiHit) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(b.End, a.End)
	})
	out := hits[:0]
	for _, h := range hits {
		if n := len(out); n > 0 && h.Start < out[n-1].End {
			if h.End > out[n-1].End {
				out[n-1].End = h.End
			}
			continue
		}
		out = append(out, h)
	}
	return out
}

// safeRewrite is the reply a careful manager would post instead: generic,
// warm, and moving the conversation to the practice's own private channel.
func safeRewrite(p *Pass) string {
	contact := "our office"
	pr := p.Policy.Policy.Practice
	switch {
	case len(pr.Phones) > 0:
		contact = "us at " + pr.Phones[0]
	case len(pr.Emails) > 0:
		contact = "us at " + pr.Emails[0]
	default:
		// No policy contact: reuse the practice number the reply already
		// offers ("call us at 555-0142").
		for _, r := range p.Reply.numberRuns() {
			if isPhone(r) && invitedContact(p.Reply, r.Start) {
				contact = "us at " + p.Reply.Text[r.Start:r.End]
				break
			}
		}
	}
	switch {
	case p.Comment.Negative:
		return "We're sorry to hear this. Please call " + contact + " so we can help privately."
	case p.Comment.Kind == KindCompliment:
		return "Thank you so much for the kind words! We're always here if you need anything."
	}
	return "Thanks for reaching out! Please call " + contact + " so we can help privately."
}

// relationshipPhrases confirm that the reader is a patient.
var relationshipPhrases = []string{
	"when you came in", "when you were in", "when you were here", "when you visited", "while you were here", "when you stopped by", "since you became a patient", "since you became our patient",
	"our records show", "our records indicate", "according to our records", "per our records",
	"in our system", "in your chart", "on your chart", "in your file", "we checked your",
	"we reviewed your", "we looked at your", "we pulled up your", "we looked into your", "i checked your",
	"i reviewed your", "i looked at your", "see you at your", "see you on", "see you tomorrow",
	"see you in", "see you back", "see you then", "see you at the", "you arrived", "you checked in",
	"you showed up", "you were late", "you arrived late", "your arrival", "you no-showed", "you missed your",
	"great to see you", "nice to see you", "good to see you", "loved seeing you", "pleasure to see you",
	"pleasure treating", "treating you", "treated you", "treat you", "take care of you", "taking care of you",
	"took care of you", "taken care of you", "caring for you", "cared for you", "worked on you", "working on you",
	"work on you", "patient of ours", "one of our patients", "one of our favorite patients", "our favorite patient", "our favourite patient", "welcome to the practice", "welcome to our practice",
	"welcome to the family", "thanks for coming in", "thank you for coming in", "for coming in",
	"you came in", "you come in", "you stopped by", "you were seen", "we saw you", "saw you",
	"you've been coming", "you have been coming", "you've been with us", "you have been with us",
	"see you next week", "see you next time", "see you next month", "see you next visit", "see you next appointment", "you've been a patient", "you have been a patient", "your last visit",
	"your recent visit", "your next visit", "your next appointment", "your upcoming appointment",
	"your last appointment", "your recent appointment", "your first visit with us", "back in the chair",
	"in the chair", "trusting us with your", "trust us with your", "trusted us with your",
	"for choosing us for your", "choosing us for your", "thanks for trusting us", "thank you for trusting us",
	"we'll see you", "we will see you", "see you soon for", "did great today", "did so well",
	"did amazing", "did so great", "such a trooper", "was a trooper", "so brave today", "was so brave",
	"checked you in", "check you in", "your care team", "with your care", "reschedule your",
	"care of you", "like last time", "last time you", "since last time", "you're due", "you are due",
	"is due for", "are due for", "overdue for", "due for your", "due for his", "due for her",
	"see you at", "see you on", "see you this", "see you monday", "see you tuesday", "see you wednesday",
	"checking you in", "checked you in", "fit you with", "fitted you with",
	"catching up with you", "caught up with you", "when you first walked in", "since you first", "one of our og patients",
	"our og patients", "made it to every", "every single session", "faxed to", "we faxed", "faxed your", "faxed them",
	"faxed it", "you're all caught up", "you are all caught up", "all caught up on your",
	"like we discussed", "as we discussed", "like we asked", "as we asked", "as we mentioned", "like we mentioned",
	"as we told you", "like we told you", "as prescribed", "like we talked about", "as we talked about",
	"see you again in", "see you again on", "see you again next", "see you again at", "see her back", "see him back",
	"see them back", "see you thursday", "see you friday", "see you saturday", "see you sunday", "see you tonight", "see you later today", "see you after", "see you for", "see you every",
	"you're all set for", "you are all set for", "all set for your", "is set for", "is scheduled for",
	"your spot", "we have you down", "have you scheduled", "got you scheduled",
	"got you in", "been treating",
	"looked normal", "came back normal", "everything looked", "all clear", "cavity free", "cavity-free",
	"no cavities", "came back negative", "came back positive", "test came back", "results came back",
	"privilege working with", "pleasure working with", "loved working with", "enjoyed working with",
	"privilege treating", "pleasure caring for", "every appointment",
	"the three we did", "we did for you", "did for you", "we placed", "we removed", "we pulled", "we extracted",
	"we fixed your", "we adjusted", "we prescribed", "we referred you", "we caught it", "glad we caught",
	"been coming here since", "been coming to us since", "coming here since", "coming to us since",
	"been patients", "been a patient", "you were here", "you were just here", "you were just in", "were here in",
	"you were in for", "loved meeting", "great meeting", "love seeing you", "always love seeing", "love seeing your", "nice meeting you", "pleasure meeting", "meeting your new",
	"your case", "we discussed", "as we discussed", "we talked about", "we spoke about", "we mentioned",
	"rescheduled your", "moved your", "confirmed your", "cancelled your", "canceled your",
}

// verbLikeCare are care nouns that are verbs or everyday words as often
// ("check your voicemail", "on record").
var verbLikeCare = newLexSet(fields(`check record records file note notes report care test tests
	case history progress forms paperwork photos pictures images`)...)

var timePossessives = newLexSet(fields(`today's yesterday's tomorrow's tonight's morning's
	afternoon's monday's tuesday's wednesday's thursday's friday's saturday's sunday's week's`)...)

var toldVerbs = newLexSet(fields(`said mentioned recommended explained suggested told prescribed
	showed discussed`)...)

var inviteVerbs = newLexSet(fields("save hold book reserve grab claim secure request")...)

// patientNouns in "you're (a|our) [adj] patient" shapes.
var patientNouns = newLexSet("patient", "patients", "client")

func (pp *phiPass) relationshipHits() []phiHit {
	d := pp.d
	var hits []phiHit
	for _, m := range relationshipSet().find(d) {
		if pp.conditional(m.From) {
			continue
		}
		// "save your spot online" invites anyone; "we saved your spot" confirms one.
		if m.From > 0 && d.Words[m.From].Lower == "your" && inviteVerbs.at(d, m.From-1) {
			continue
		}
		// "a doctor can see you today" offers a visit; "see you Thursday" confirms one.
		if m.From > 0 && d.Words[m.From].Lower == "see" {
			p := d.Words[m.From-1].Lower
			eager := m.From > 1 && (d.Words[m.From-2].Lower == "wait" || d.Words[m.From-2].Lower == "forward")
			if p == "can" || p == "could" || (p == "to" && !eager) {
				continue
			}
		}
		hits = append(hits, phiHit{d.span(m.From, m.To), "confirms this person is a patient", "relationship"})
	}
	// "like Dr. Nguyen said", "as Dr. Ruiz recommended": care instructions
	// someone already gave this person.
	for i := 0; i+2 < len(d.Words); i++ {
		if w := d.Words[i].Lower; w != "like" && w != "as" {
			continue
		}
		if c := d.Words[i+1].Lower; c != "dr" && c != "doctor" && c != "nurse" {
			continue
		}
		for k := i + 2; k < len(d.Words) && k <= i+4 && d.Words[k].Sentence == d.Words[i].Sentence; k++ {
			if toldVerbs.at(d, k) {
				hits = append(hits, phiHit{d.span(i, k+1), "refers to care already given to this person", "relationship"})
				break
			}
		}
	}
	// "you're a (loyal) patient", "being such a loyal patient", "as a new patient".
	for i := range d.Words {
		if !patientNouns.at(d, i) || i < 2 {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			lk := d.Words[k].Lower
			if lk != "a" && lk != "an" && lk != "our" {
				continue
			}
			v := k - 1
			if v > 0 && d.Words[v].Lower == "such" {
				v--
			}
			if k+1 < i && d.Words[k+1].Lower == "valued" {
				break // "a valued patient" is boilerplate, not a relationship
			}
			if v >= 0 && patientVerbs.at(d, v) && !pp.conditional(v) {
				hits = append(hits, phiHit{d.span(v, i+1), "confirms this person is a patient", "relationship"})
			}
			break
		}
	}
	return hits
}

var patientVerbs = newLexSet(fields("you're you are being as were been become became is he's she's")...)

// weakRelationship phrases read as generic courtesy more often than as a
// disclosure ("while you were in pain", "see you next time").
var weakRelationship = map[string]bool{"while you were in": true, "our patient": true, "see you next time": true,
	"enjoy your new smile": true, "seeing you": true, "on your account": true}

// relationshipSet is built once per process.
var relationshipSet = sync.OnceValue(func() *phraseSet {
	ps := newPhraseSet()
	ps.addAll(relationshipPhrases, "rel")
	for _, day := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		ps.addAll([]string{"see you next " + day, "see you this " + day, "see you again " + day}, "rel")
	}
	for _, p := range safeList("relationship_phrases") {
		// "your …" phrases go through the possessive frame, which knows
		// "bring your insurance card" from "your claim was denied".
		if strings.HasPrefix(p, "your ") || weakRelationship[p] {
			continue
		}
		ps.add(p, "rel")
	}
	return ps
})

// conditional reports a generic condition before word i in its sentence:
// "if your crown feels loose", "whether you need a cleaning".
func (pp *phiPass) conditional(i int) bool {
	d := pp.d
	s := d.Words[i].Sentence
	for k := i - 1; k >= 0 && k >= i-6 && d.Words[k].Sentence == s; k-- {
		switch d.Words[k].Lower {
		case "if", "whether":
			// "would you mind if we posted your before/after" asks; it is
			// not a condition on anyone.
			if k+1 < len(d.Words) && firstPersonSubjects.at(d, k+1) {
				continue
			}
			return true
		case "unless", "anyone", "everyone", "anybody", "whenever", "once", "depends", "depending":
			return true
		case "patient's", "patients'", "patients":
			// "another patient's x-rays", "other patients' records": not the reader's.
			if k > 0 && (d.Words[k-1].Lower == "another" || d.Words[k-1].Lower == "other") {
				return true
			}
		}
	}
	return false
}

var possessives = newLexSet(fields("your ur yours his her their")...)

// gapBreakers end the look-ahead from "your" to a care term.
var gapBreakers = newLexSet(fields(`is are was were be been to for with and or but so that which who
	at in on from by about if as than because you we our us it they i can will should may might`)...)

var ctaVerbs = newLexSet(fields(`schedule book booking make request reserve plan start begin bring
	fill complete submit upload set claim get grab redeem`)...)
var ctaNouns = newLexSet(fields(`appointment appt consultation consult visit exam checkup check-up
	forms paperwork insurance card cleaning smile free`)...)
var timeQualifiers = newLexSet(fields(`next last recent upcoming previous follow-up followup second
	third`)...)

// careHits finds care details tied to a person.
func (pp *phiPass) careHits() []phiHit {
	d := pp.d
	var hits []phiHit
	lastCare := -1
	for i, w := range d.Words {
		// Frame A: "your (new|son's|...) crown", "Eli's chart", "you have a balance".
		if pp.isOwner(i) {
			if h, ok := pp.possessiveHit(i); ok {
				hits = append(hits, h)
				lastCare = h.End
				continue
			}
		}
		m := pp.care(i)
		if m.From < 0 || i < lastCare || w.Start < lastCare {
			continue
		}
		lastCare = m.To
		s := w.Sentence
		f := pp.flags[s]
		sp := d.span(m.From, m.To)
		determined := i > 0 && d.Words[i-1].Sentence == s && isDeterminer(d.Words[i-1].Lower)
		if i > 1 && !determined && d.Words[i-2].Sentence == s && isDeterminer(d.Words[i-2].Lower) {
			determined = true
		}
		strong := f.empathy || f.name || f.time || f.third
		suppressed := f.offer || pp.conditional(i) || (f.generic && !strong) || (f.schedule && !f.you) || pp.verbUse(m) ||
			pp.afterContactVerb(i) || (pp.answersQuestion && !f.pastTense && pp.imperative(s))
		if suppressed {
			continue
		}
		// "congrats on finishing treatment", "glad you got that filling done".
		if (strong || f.you) && pp.afterEventVerb(i) {
			hits = append(hits, phiHit{sp, "mentions the person's care details", "care"})
			continue
		}
		// "glad we got that $312 refund back to you": amounts about the reader.
		if m.Tag == tagBilling && (f.you || strong) && pp.billingSpecific(s) && pp.hasAmount(s) {
			hits = append(hits, phiHit{sp, "mentions the person's billing or insurance details", "care"})
			continue
		}
		if m.Tag == tagCareNoun || m.Tag == tagBilling || m.Tag == tagClinician {
			// Frame D: a visit word in a sentence that speaks to the person
			// about what happened ("you've made it to every session",
			// "we enjoyed catching up with you at the checkup").
			if m.Tag == tagCareNoun && (f.you || f.name) && !f.generic && !f.offer && !f.schedule &&
				!pp.answersQuestion && !bodyNouns.at(d, m.To-1) && !everydayCare.at(d, m.From) && !pp.speculative(s) &&
				m.From > d.sentWords[s].Start && !negators.at(d, m.From-1) && d.Words[m.From-1].Lower != "any" && !verbLikeCare.at(d, m.From) {
				hits = append(hits, phiHit{sp, "confirms this person is a patient", "care"})
			}
			continue // nouns need an owner ("your chart"): frame A
		}
		if (pp.ambiguousCare(m) || everydayCare.at(d, m.From)) && !determined && !f.name && !(pp.addressed && f.event) {
			continue
		}
		if feelings.at(d, m.From) && m.To-m.From == 1 {
			continue // "sorry for the stress" is sympathy, not a diagnosis
		}
		// Frame B: care details in a sentence about a person ("sorry the
		// extraction hurt", "Sophie has broken 6 brackets", "glad the strep is gone").
		if strong || (f.you && (f.event || determined)) || (pp.addressed && (determined || f.event) && !f.generic) {
			hits = append(hits, phiHit{sp, "mentions the person's care details", "care"})
			continue
		}
		// Frame C: a treatment, condition or medicine the commenter did not
		// name, brought up in answer to their own story ("can't stop smiling
		// at myself" -> "that's what a full set of veneers will do").
		if pp.personal && !f.generic && m.Tag != tagFamily && m.Tag != tagColloquial && !pp.speculative(s) && !pp.careInComment(m) {
			hits = append(hits, phiHit{sp, "mentions the person's care details", "care"})
		}
	}
	return hits
}

// speculation words make a sentence a guess or a general statement ("that
// sounds like an abscess", "it can also be fungal"): advice to route to a
// clinician, not a disclosure.
var speculation = newLexSet(fields(`sounds looks seems could might may maybe usually probably
	possibly likely depend depends typically generally often perhaps`)...)

func (pp *phiPass) speculative(s int) bool {
	d := pp.d
	ws := d.sentenceWords(s)
	start := d.sentWords[s].Start
	for k := range ws {
		if speculation.at(d, start+k) {
			return true
		}
		if ws[k].Lower == "can" && k+1 < len(ws) && (ws[k+1].Lower == "be" || ws[k+1].Lower == "also") {
			return true
		}
	}
	return false
}

// personalComment reports a comment about the writer's own life ("I", "my",
// "me"): care a reply brings up is then read as theirs.
func personalComment(cd *Doc) bool {
	if cd == nil {
		return false
	}
	for _, w := range cd.Words {
		switch w.Lower {
		case "i", "my", "me", "i'm", "im", "i've", "ive", "i'll", "myself", "mine":
			return true
		}
	}
	return false
}

// careInComment reports whether a word of care match m appears in the
// comment (also as a near form: "aligner" / "aligners").
func (pp *phiPass) careInComment(m phraseMatch) bool {
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
func (pp *phiPass) care(i int) phraseMatch {
	if k := pp.careIdx[i]; k >= 0 {
		return pp.careList[k]
	}
	return phraseMatch{From: -1}
}

// afterContactVerb: "please call so a dentist can give you the right
// aftercare guidance" offers care; it does not disclose any.
func (pp *phiPass) afterContactVerb(i int) bool { return pp.contactBefore[i] }

// markContactBefore computes, in one pass, which words follow an invitation
// to make contact earlier in their sentence.
func (pp *phiPass) markContactBefore() {
	d := pp.d
	pp.contactBefore = make([]bool, len(d.Words))
	seen := false
	for i, w := range d.Words {
		if i > 0 && d.Words[i-1].Sentence != w.Sentence {
			seen = false
		}
		pp.contactBefore[i] = seen
		if contactVerbsImperative.at(d, i) && (i == 0 || !firstPersonSubjects.at(d, i-1)) {
			seen = true
		}
	}
}

// imperativeOpeners start advice or instructions: "Try pairing your exercises…".
var imperativeOpeners = newLexSet(fields(`alternate try keep set track bring wear use avoid make
	take apply give start stop ask call check just please remember don't do be plan put rinse brush
	floss drink eat skip switch`)...)

// imperative reports a sentence that opens with an instruction.
func (pp *phiPass) imperative(s int) bool {
	ws := pp.d.sentenceWords(s)
	return len(ws) > 0 && imperativeOpeners.at(pp.d, pp.d.sentWords[s].Start)
}

// verbUse reports "follow up with", "check up on": care words used as verbs.
func (pp *phiPass) verbUse(m phraseMatch) bool {
	d := pp.d
	if m.To < len(d.Words) {
		switch d.Words[m.From].Lower {
		case "follow", "follow-up", "followup", "check", "check-up", "checkup":
			n := d.Words[m.To].Lower
			return n == "with" || n == "on"
		}
	}
	return false
}

// everydayCare are vocabulary words that are ordinary feelings or events
// unless someone owns them ("your anxiety", not "the stress this caused").
var everydayCare = newLexSet(fields(`stress frustration worry nerves fear anxiety pain discomfort
	confusion inconvenience appointments visits sessions session`)...)

// feelings are sympathy words, never a disclosure without an owner.
var feelings = newLexSet(fields("stress frustration worry nerves fear confusion inconvenience discomfort")...)

// isOwner reports a word that owns what follows: "your", "his", "Eli's",
// or "you" in "you have a balance".
func (pp *phiPass) isOwner(i int) bool {
	d := pp.d
	w := d.Words[i].Lower
	if possessives.at(d, i) {
		return true
	}
	// "today's checkup", "this morning's cleaning": a visit of a known day.
	if timePossessives.at(d, i) {
		return true
	}
	if strings.HasSuffix(w, "'s") && pp.c.lex.firstNames.has(strings.TrimSuffix(w, "'s")) && isCapitalized(d.Text, d.Words[i]) && !pp.staff[i] {
		return true
	}
	if (w == "you" || w == "you've") && i+1 < len(d.Words) {
		switch d.Words[i+1].Lower {
		case "have", "had", "got", "owe", "still", "need", "signed", "received", "missed", "skipped", "cancelled", "canceled":
			return true
		}
	}
	return false
}

// eventVerbs before a care term make it something that happened to someone.
var eventVerbs = newLexSet(fields(`finishing finished completing completed starting started getting
	got had having done after received receiving scheduled needed need needs undergoing underwent
	recovering healing`)...)

// afterEventVerb reports an event verb one or two words before word i.
func (pp *phiPass) afterEventVerb(i int) bool {
	d := pp.d
	for k := i - 1; k >= 0 && k >= i-2 && d.Words[k].Sentence == d.Words[i].Sentence; k-- {
		if eventVerbs.at(d, k) {
			return true
		}
	}
	return false
}

func isDeterminer(s string) bool {
	switch s {
	case "the", "that", "this", "those", "these", "his", "her", "their", "your", "ur":
		return true
	}
	return false
}

// possessiveHit reads "your ... <care term>" starting at word i.
func (pp *phiPass) possessiveHit(i int) (phiHit, bool) {
	d := pp.d
	s := d.Words[i].Sentence
	if pp.conditional(i) {
		return phiHit{}, false
	}
	qualified := false
	for k := i + 1; k < len(d.Words) && k <= i+4 && d.Words[k].Sentence == s; k++ {
		if timeQualifiers.at(d, k) {
			qualified = true
		}
		if m := pp.care(k); m.From >= 0 {
			// "schedule your first appointment", "bring your insurance card".
			if i > 0 && ctaVerbs.at(d, i-1) && ctaNouns.at(d, m.To-1) && !qualified {
				return phiHit{}, false
			}
			f := pp.flags[s]
			strong := f.empathy || f.name || f.time || f.third || pp.addressed
			if bodyNouns.at(d, m.To-1) && m.To-m.From == 1 && !f.event {
				return phiHit{}, false
			}
			switch m.Tag {
			case tagClinician:
				// "talk to your dentist" is generic; "as your dentist" or
				// "your doctor said yesterday" is not.
				if !(i > 0 && d.Words[i-1].Lower == "as") && !f.time && !f.name && !f.pastTense {
					return phiHit{}, false
				}
			case tagBilling:
				// "check your specific plan" and "bring your insurance card" are
				// generic; "your balance of $84" is not.
				if m.To < len(d.Words) && (d.Words[m.To].Lower == "card" || d.Words[m.To].Lower == "cards") {
					return phiHit{}, false
				}
				if genericOwned(d.Words[i+1:k]) || (!pp.billingSpecific(s) && !strong) {
					return phiHit{}, false
				}
			case tagCareNoun:
				if genericOwned(d.Words[i+1:k]) || ((f.generic || f.offer || (pp.answersQuestion && pp.imperative(s))) && !qualified && !strong) {
					return phiHit{}, false
				}
			case tagCondition, tagMedication:
				// "your Xanax", "your ADHD": always the person's own, unless the
				// reply answers a question with instructions ("give her Tylenol").
				if pp.answersQuestion && pp.imperative(s) && !pp.addressed && !f.pastTense {
					return phiHit{}, false
				}
			default:
				if (f.genericStatement || pp.ifYou(s) || (pp.answersQuestion && pp.imperative(s))) && !strong && !f.event && !qualified {
					return phiHit{}, false
				}
			}
			msg := "mentions the person's care details"
			switch m.Tag {
			case tagCareNoun, tagClinician:
				msg = "confirms this person is a patient"
			case tagBilling:
				msg = "mentions the person's billing or insurance details"
			}
			return phiHit{Span{d.Words[i].Start, d.Words[m.To-1].End}, msg, "care"}, true
		}
		if gapBreakers.at(d, k) {
			return phiHit{}, false
		}
		if familyNouns.at(d, k) {
			continue
		}
	}
	return phiHit{}, false
}

// ifYou reports "if you" anywhere in sentence s ("bring your glasses if you use them").
func (pp *phiPass) ifYou(s int) bool { return pp.flags[s].ifYou }

// hasAmount reports a money amount in sentence s.
func (pp *phiPass) hasAmount(s int) bool {
	sp := pp.d.Sentences[s]
	return strings.ContainsAny(pp.d.Text[sp.Start:sp.End], "$€£")
}

// genericOwned: "your first visit", "your free consult" address any newcomer.
func genericOwned(gap []Word) bool {
	for _, w := range gap {
		switch w.Lower {
		case "first", "free", "initial", "new", "specific", "own":
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
	sp := pp.d.Sentences[s]
	return strings.ContainsAny(pp.d.Text[sp.Start:sp.End], "$€£")
}

var billingEvents = newLexSet(fields(`was were denied paid owe owed outstanding past overdue sent
	processed approved rejected billed charged covered remaining refunded applied went came posted
	submitted resubmitted flagged collections maxed`)...)

// ambiguousCare reports a single-word care term that is an everyday word too
// ("cap", "bridge", "crown"?): it needs a determiner or owner nearby.
func (pp *phiPass) ambiguousCare(m phraseMatch) bool {
	if m.To-m.From != 1 {
		return false
	}
	return pp.c.lex.ambiguousCare.has(pp.d.Words[m.From].Lower)
}

var firstPerson = newLexSet(fields("i my me i'm i've i'd mine myself we our im ive i'll we're we've")...)
