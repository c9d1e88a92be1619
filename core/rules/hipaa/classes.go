package hipaa

import (
	"slices"

	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
)

// Word classes: the closed-class words the frames read ("the", "your",
// "if", "at") come from lists/class_*.txt into one table keyed by the
// word's hash, so each word of the reply is looked up once per check and
// every test after that is a bit test. They are not registered vocabulary:
// every vocabulary match is also a fact for the learned scorer, and these
// words are in every sentence.

// wordClass is a bit set of the class lists a word is in.
type wordClass uint64

const (
	cCourtesyYouBefore wordClass = 1 << iota
	cYouSubjects
	cTimeUnits
	cDeictics
	cPatientArticles
	cIntensifiers
	cBoilerplateAdjectives
	cConditionWords
	cAnyoneWords
	cWriterSelf
	cCareVerbs
	cVerbParticles
	cOwningVerbs
	cDeterminers
	cGenericOwned
	cCardWords
	cAnyWords
	cAsWords
	cOwnerYour
	cWeekdayPrefixes
	cTimePrepositions
	cClockWords
	cAgeAfter
	cAgeBefore
	cAgeSubjects
	cCommonCapitals
	cSeenPersons
	cOurWords
	cIntlPossessives
	cIntlOwnedCare
	cIntlCtaVerbs
	cIntlMonths
	cIntlDateLinks
	cIntlArticles
	cIntlGenericOwned
	cFamilyWord
	cNotVisited
	cIntlInvites
	cIntlAnyBefore
	cStaffRoles
	cOfferModals
	cCredentials
	cIntlTitles
	cVagueTimes
	cAmbiguousBilling
	cEvents
	cIntlImperatives
	cTheir
	cIntlCallVerbs
	cCountWords
	cProgressWords
	cAskAfter
	cResultLinks
	cResultWords
	cMeasureNouns
	cAskAfterFollow
	cDemonstratives
	cShownSmiles
	cIntlWithout
	cIntlNeedVerbs
	cPublicRoles
	cEventNames
	cLineLinks
	// cCapital is no list: the word starts with a capital letter.
	cCapital
)

// classList is one class file and its bit.
type classList struct {
	list int // index in listText
	c    wordClass
}

var classLists = []classList{
	{listClassCourtesyYouBefore, cCourtesyYouBefore},
	{listClassYouSubjects, cYouSubjects},
	{listClassTimeUnits, cTimeUnits},
	{listClassDeictics, cDeictics},
	{listClassPatientArticles, cPatientArticles},
	{listClassIntensifiers, cIntensifiers},
	{listClassBoilerplateAdjectives, cBoilerplateAdjectives},
	{listClassConditionWords, cConditionWords},
	{listClassAnyoneWords, cAnyoneWords},
	{listClassWriterSelf, cWriterSelf},
	{listClassCareVerbs, cCareVerbs},
	{listClassVerbParticles, cVerbParticles},
	{listClassOwningVerbs, cOwningVerbs},
	{listClassDeterminers, cDeterminers},
	{listClassGenericOwned, cGenericOwned},
	{listClassCardWords, cCardWords},
	{listClassAnyWords, cAnyWords},
	{listClassAsWords, cAsWords},
	{listClassOwnerYour, cOwnerYour},
	{listClassWeekdayPrefixes, cWeekdayPrefixes},
	{listClassTimePrepositions, cTimePrepositions},
	{listClassClockWords, cClockWords},
	{listClassAgeAfter, cAgeAfter},
	{listClassAgeBefore, cAgeBefore},
	{listClassAgeSubjects, cAgeSubjects},
	{listClassCommonCapitals, cCommonCapitals},
	{listClassSeenPersons, cSeenPersons},
	{listClassOurWords, cOurWords},
	{listClassIntlPossessives, cIntlPossessives},
	{listClassIntlOwnedCare, cIntlOwnedCare},
	{listClassIntlCtaVerbs, cIntlCtaVerbs},
	{listClassIntlMonths, cIntlMonths},
	{listClassIntlDateLinks, cIntlDateLinks},
	{listClassIntlArticles, cIntlArticles},
	{listClassIntlGenericOwned, cIntlGenericOwned},
	{listClassFamilyWord, cFamilyWord},
	{listClassNotVisited, cNotVisited},
	{listClassIntlInvites, cIntlInvites},
	{listClassIntlAnyBefore, cIntlAnyBefore},
	{listClassStaffRoles, cStaffRoles},
	{listClassOfferModals, cOfferModals},
	{listClassCredentials, cCredentials},
	{listClassIntlTitles, cIntlTitles},
	{listClassVagueTimes, cVagueTimes},
	{listClassAmbiguousBilling, cAmbiguousBilling},
	{listClassEvents, cEvents},
	{listClassIntlImperatives, cIntlImperatives},
	{listClassTheir, cTheir},
	{listClassIntlCallVerbs, cIntlCallVerbs},
	{listClassCountWords, cCountWords},
	{listClassProgressWords, cProgressWords},
	{listClassAskAfter, cAskAfter},
	{listClassResultLinks, cResultLinks},
	{listClassResultWords, cResultWords},
	{listClassMeasureNouns, cMeasureNouns},
	{listClassAskAfterFollow, cAskAfterFollow},
	{listClassDemonstratives, cDemonstratives},
	{listClassShownSmiles, cShownSmiles},
	{listClassIntlWithout, cIntlWithout},
	{listClassIntlNeedVerbs, cIntlNeedVerbs},
	{listClassPublicRoles, cPublicRoles},
	{listClassEventNames, cEventNames},
	{listClassLineLinks, cLineLinks},
}

// More class lists, for words only a frame or two asks about: their bits
// (c2…) are another table's (classes2), read where asked (pp.class2), not
// copied for every word as pp.cls is, which has no bit to spare.
const (
	c2TimeLost wordClass = 1 << iota
	c2TimeLostFillers
	c2TimeLostVerbs
	c2AskDetailVerbs
	c2AnnualTimes
	c2DegreeWords
	c2ComingWords
	c2KinGroups
	c2KinRoles
	// intlmore.go: Tagalog, Haitian Creole, French, Portuguese, Kriolu and
	// Arabizi care words, person references, days and general words.
	c2MultiCare
	c2MultiPerson
	c2MultiPersonHT
	c2MultiHaitian
	c2MultiDays
	c2MultiGeneral
	// programs.go: program words and what makes one a person attends.
	c2ProgramNouns
	c2ProgramLinks
	c2ProgramBe
	c2ProgramModifiers
	// values.go: measures beyond cMeasureNouns a value is read off.
	c2ValueNouns
	c2ValueChanges
	// dates.go: the practice as a clause's subject, and what may be the
	// person's thing after it (ourDoing).
	c2SelfSubjects
	c2SelfDoingStops
)

// Word sets that start a frame otherwise found by testing every word of
// the reply (relayedNewsHits, cameInForHits): their bits join classes2,
// so the one lookup newPHIPass makes per word gives them, and a frame
// none of whose starting words is in the reply costs one test. Entries
// are single tokens that read as themselves (TestTriggerSets), so a bit
// is set exactly where the set's Has would answer true.
const (
	c2RelayTells wordClass = c2SelfDoingStops << (1 + iota)
	c2VisitInVerbs
)

var triggerSets = []classList{
	{listRelayTells, c2RelayTells},
	{listVisitInVerbs, c2VisitInVerbs},
}

var classLists2 = []classList{
	{listClassTimeLost, c2TimeLost},
	{listClassTimeLostFillers, c2TimeLostFillers},
	{listClassTimeLostVerbs, c2TimeLostVerbs},
	{listClassAskDetailVerbs, c2AskDetailVerbs},
	{listClassAnnualTimes, c2AnnualTimes},
	{listClassDegreeWords, c2DegreeWords},
	{listClassComingWords, c2ComingWords},
	{listClassKinGroups, c2KinGroups},
	{listClassKinRoles, c2KinRoles},
	{listClassMultiCare, c2MultiCare},
	{listClassMultiPerson, c2MultiPerson},
	{listClassMultiPersonHT, c2MultiPersonHT},
	{listClassMultiHaitian, c2MultiHaitian},
	{listClassMultiDays, c2MultiDays},
	{listClassMultiGeneral, c2MultiGeneral},
	{listClassProgramNouns, c2ProgramNouns},
	{listClassProgramLinks, c2ProgramLinks},
	{listClassProgramBe, c2ProgramBe},
	{listClassProgramModifiers, c2ProgramModifiers},
	{listClassValueNouns, c2ValueNouns},
	{listClassValueChanges, c2ValueChanges},
	{listClassSelfSubjects, c2SelfSubjects},
	{listClassSelfDoingStops, c2SelfDoingStops},
}

// classes and classes2 give each class word its classes, read off the
// word ids the vocabulary walk looks up anyway (lex.Tags): no lookup of
// their own.
var classes, classes2 = classTags(classLists), classTags(append(slices.Clip(classLists2), triggerSets...))

func classTags(ls []classList) *lex.Tags {
	var words []string
	var bits []uint64
	for _, l := range ls {
		for _, e := range lex.Data(listText[l.list]) {
			w := e
			if ts := text.Tokens(e); len(ts) == 1 {
				w = ts[0] // "ur" reads "your", as the tokenizer reads it
			}
			words, bits = append(words, w), append(bits, uint64(l.c))
		}
	}
	return lex.NewTags(words, bits)
}

// classOf returns word i's classes: its class lists, and cCapital for a
// capitalised word.
func classOf(d *lex.Doc, i int, w *text.Word) wordClass {
	wc := wordClass(d.Tags(i, classes))
	if w.Shape&text.Capitalized != 0 { // (IsCapitalized for a Doc's word, with no copy of it)
		wc |= cCapital
	}
	return wc
}

// isClass reports whether word i of d is in class c (false out of range),
// for documents other than the reply, whose classes pp.cls holds.
func isClass(d *lex.Doc, i int, c wordClass) bool {
	return wordClass(d.Tags(i, classes))&c != 0
}

// is reports whether word i of the reply is in class c (false out of range).
func (pp *phiPass) is(i int, c wordClass) bool {
	return uint(i) < uint(len(pp.cls)) && pp.cls[i]&c != 0
}

// capFrom returns the first capitalised word at or after word i, or the
// number of words when none is; *next is a cursor into pp.caps that only
// moves forward, so a loop that calls it with i rising reads pp.caps once.
func (pp *phiPass) capFrom(i int, next *int) int {
	k := *next
	for k < len(pp.caps) && int(pp.caps[k]) < i {
		k++
	}
	*next = k
	if k == len(pp.caps) {
		return len(pp.cls)
	}
	return int(pp.caps[k])
}

// class2 returns word i's classes of classLists2 and triggerSets (none
// out of range), as newPHIPass read them.
func (pp *phiPass) class2(i int) wordClass {
	if uint(i) < uint(len(pp.cls2)) {
		return pp.cls2[i]
	}
	return 0
}

// inEventName reports a capitalised care term that names an event with
// the capitalised word after it ("Diabetes Day", "Breast Cancer Awareness
// Month"): a community event, not someone's condition.
func (pp *phiPass) inEventName(m lex.Match) bool {
	return pp.is(m.To-1, cCapital) && pp.is(m.To, cCapital) && pp.is(m.To, cEventNames)
}

// spanishImperative reports "Dele Tylenol", "Dale las gotas": word i is a
// Spanish verb, not a name, before a care word or a lower-case word.
func (pp *phiPass) spanishImperative(i int) bool {
	d := pp.d
	return pp.is(i, cIntlImperatives) && i+1 < len(d.Words) && d.Words[i+1].Sentence == d.Words[i].Sentence &&
		(pp.care(i+1).From >= 0 || !pp.is(i+1, cCapital))
}
