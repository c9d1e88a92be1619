// Package comment reads the patient's comment a reply answers: what kind
// it is (complaint, praise, a clinical or billing question...), whether it
// is negative, and its topics. Several rules depend on it.
package comment

import (
	"maps"
	"math/bits"
	"slices"
	"strings"

	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/lex/words"
	"github.com/replyguard/replyguard/core/text"
)

// Kind is what the patient's comment is, as far as replying goes.
type Kind string

const (
	None       Kind = "none" // no comment given
	Complaint  Kind = "complaint"
	Compliment Kind = "compliment"
	Clinical   Kind = "clinical_question"
	Billing    Kind = "billing_question"
	Question   Kind = "question"
	Link       Kind = "link_share"
	Other      Kind = "other"
)

// Info is the engine's reading of the patient comment.
type Info struct {
	Kind     Kind
	Negative bool
	// Health: a question about health in general ("is spotting normal at
	// 8 weeks?", "does melatonin work?"): not the writer's own case, so
	// education may answer it, but advice given as if it were is routed.
	Health bool
	// Personal: the writer speaks of themselves or their family ("my",
	// "I", "mi", "my son").
	Personal bool
	// Grievance: the comment has a word or frame of complaint, whatever
	// outweighs it ("I'd love a reply ... I've emailed 3 times"). Not in
	// the JSON of the engine's goldens: a reading for rules, not output.
	Grievance bool `json:"-"`
	// Service: the comment is about the service as well as, or instead
	// of, the body ("$900 for a hearing aid?? ripoff", "waited 3 days
	// for a cream"): a topic outside bodyTopics (a cost, a wait, a bill,
	// a phone, a manner). A reading for rules, like Grievance.
	Service bool `json:"-"`
	// Bereaved: the comment tells a loss that befell the writer ("we
	// lost our son at 22 weeks", "lost my left leg"): an apology under it
	// is a condolence. A reading for rules, like Grievance.
	Bereaved bool `json:"-"`
	// Opinion: a complaint that names nothing of the writer's own, speaks
	// neither to nor of the practice nor of its clinicians, and names no
	// service matter ("sedation is a scam", "sounds unsafe"): a view of a
	// kind of care, which a calm answer in general terms may meet. A
	// reading for rules, like Grievance.
	Opinion bool `json:"-"`
	// Topics are tags from Topics, sorted.
	Topics []string
}

// Topics are the tags comments are sorted into for routing and for the
// popup's recurring-topics list; each has the words that signal it.
var Topics = func() map[string][]string {
	m := map[string][]string{
		"complaint": nil, // set when the comment is negative
		"general":   nil, // set when the comment is nothing else fits
	}
	// One loop, not an entry each in the package's init code.
	for _, t := range [...]struct {
		tag  string
		list int
	}{
		{"wait_time", listTopicWaitTime},
		{"billing", listTopicBilling},
		{"insurance", listTopicInsurance},
		{"cost", listTopicCost},
		{"phone", listTopicPhone},
		{"scheduling", listTopicScheduling},
		{"parking", listTopicParking},
		{"staff_attitude", listTopicStaffAttitude},
		{"pain", listTopicPain},
		{"outcome", listTopicOutcome},
		{"cleanliness", listTopicCleanliness},
		{"privacy", listTopicPrivacy},
		{"clinical", listTopicClinical},
		{"compliment", listTopicCompliment},
	} {
		m[t.tag] = lex.Data(listText[t.list])
	}
	return m
}()

// topicLists are Topics as vocabulary, one list per topic.
var topicLists = func() map[string]*lex.List {
	m := map[string]*lex.List{}
	for _, t := range topicNames {
		if ws := Topics[t]; ws != nil {
			m[t] = lex.New("comment/topic_"+t, ws...)
		}
	}
	return m
}()

// topicNames are the topics, sorted. A comment's topics are a set of bits,
// bit i for topicNames[i]: no map per check, and reading the bits in order
// gives the topics sorted.
var topicNames = slices.Sorted(maps.Keys(Topics))

// topicBit is the bit of a topic (0 for no topic). It runs at package
// init: not inlined, where it cost ~0.3 KB of engine.wasm at each call.
//
//go:noinline
func topicBit(t string) uint32 {
	if i := slices.Index(topicNames, t); i >= 0 && i < 32 {
		return 1 << i
	}
	return 0
}

var (
	complaintBit  = topicBit("complaint")
	complimentBit = topicBit("compliment")
	clinicalBit   = topicBit("clinical")
	billingBit    = topicBit("billing")
	insuranceBit  = topicBit("insurance")
	generalBit    = topicBit("general")
	schedulingBit = topicBit("scheduling")
	costBit       = topicBit("cost")
	outcomeBit    = topicBit("outcome")
	painBit       = topicBit("pain")
)

// topicOf maps a list back to its topic's bit by ID (0 for a list of none):
// a slice, not a map, as every match of the comment is looked up.
var topicOf = func() []uint32 {
	if len(topicNames) > 32 {
		panic("comment: more than 32 topics do not fit a topic set")
	}
	var ts []uint32
	for t, l := range topicLists {
		for int(l.ID) >= len(ts) {
			ts = append(ts, 0)
		}
		ts[l.ID] = topicBit(t)
	}
	return ts
}()

// negativeWords and positiveWords score the comment's sentiment.
var negativeWords = &vocabLists[listNegativeWords]

// positiveOverrides are positive phrases built from negative words ("can't
// wait", "no pain"): words they cover do not count as negative.
var positiveOverrides = &vocabLists[listPositiveOverrides]

// negatedComplaints complain after a negation: "nobody believed me" is no
// compliment.
var negatedComplaints = &vocabLists[listNegatedComplaints]

// weakNegatives are complaint words that are often innocent ("can't wait",
// "I forgot", "nobody judged me"): two are needed, or one strong word.
var weakNegatives = &vocabLists[listWeakNegatives]

var positiveWords = &vocabLists[listPositiveWords]

var clinicalQuestionWords = &vocabLists[listClinicalQuestionWords]
var billingQuestionWords = &vocabLists[listBillingQuestionWords]

var (
	negativeGroup = negativeWords.Group
	PositiveGroup = lex.NewGroup(positiveWords, positiveOverrides)
)

// Analyzer reads the comment once per check; its result is *Info (kind
// None when there is no comment).
var Analyzer = &analysis.Analyzer{
	Name: "comment",
	Doc:  "what the patient's comment is: its kind, whether it is negative, its topics",
	Run: func(p *analysis.Pass) any {
		if p.Comment == nil || len(p.Comment.Words) == 0 && strings.TrimSpace(p.Comment.Text) == "" {
			return noComment
		}
		info := Classify(p.Comment)
		return &info
	},
}

// noComment is the result without a comment: shared, as results are only read.
var noComment = &Info{Kind: None, Topics: []string{}}

// Of returns the comment analyzer's result in a pass that requires it.
func Of(p *analysis.Pass) *Info { return p.ResultOf(Analyzer).(*Info) }

// The emoji Classify counts as feeling, matched as substrings: emoji are
// not words.
var (
	negativeEmoji = dataLists[listNegativeEmoji]
	positiveEmoji = dataLists[listPositiveEmoji]
)

// gratefulWords are positive words that thank.
var gratefulWords = &wordSets[listGratefulWords]

// intensifiers stand between a feeling frame and its feeling, which
// follows one of feelingVerbs.
var (
	intensifiers = &wordSets[listIntensifiers]
	feelingVerbs = &wordSets[listFeelingVerbs]
)

// feelsPraise: the complaint frame m ("made me feel", "felt") names a
// feeling that is praise ("made me feel so safe"): the positive word after
// it, past any degree words, was already counted.
func feelsPraise(d *lex.Doc, m lex.Match, covered []bool) bool {
	if !feelingVerbs.Has(&d.Words[m.To-1]) {
		return false
	}
	k := m.To
	for k < len(d.Words) && intensifiers.Has(&d.Words[k]) {
		k++
	}
	if k >= len(covered) || !covered[k] || d.Words[k].Sentence != d.Words[m.From].Sentence {
		return false
	}
	_, ok := d.LongestAt(k, PositiveGroup)
	return ok
}

// praiseDropped are the complaint-only topic tags, as bits.
var praiseDropped = func() uint32 {
	var set uint32
	for _, t := range dataLists[listPraiseDroppedTopics] {
		set |= topicBit(t)
	}
	return set
}()

// The comment's own frames (see the lists for examples).
var (
	sarcasticPraise = &vocabLists[listSarcasticPraise]
	ironicPraise    = &vocabLists[listIronicPraise]
	ironyGroup      = lex.NewGroup(sarcasticPraise, ironicPraise)
	reliefBefore    = &vocabLists[listReliefBefore]
	reliefAfter     = &vocabLists[listReliefAfter]
	ownApologies    = &vocabLists[listOwnApologies]
	// Function words compared with the words directly (word sets, by
	// hash first; durationArticles by text): as vocabulary they would be
	// scorer facts in most replies.
	toldWords        = &vocabLists[listToldWords]
	payWords         = &vocabLists[listPayWords]
	moneyWords       = &vocabLists[listMoneyWords]
	timeUnits        = &vocabLists[listTimeUnits]
	neverVerbs       = &wordSets[listNeverVerbs]
	turnWords        = &wordSets[listTurnWords]
	questionOpeners  = &wordSets[listQuestionOpeners]
	wearyEmoji       = dataLists[listWearyEmoji]
	helpers          = &wordSets[listHelpers]
	waitWords        = &wordSets[listWaitWords]
	takeWords        = &wordSets[listTakeWords]
	briefWords       = &wordSets[listBriefWords]
	durationArticles = dataLists[listDurationArticles]
)

// Classify reads a tokenised comment.
func Classify(d *lex.Doc) Info {
	var topicSet uint32
	// Topic tags: the same phrase may belong to several topics.
	for i := range d.Words {
		for _, m := range d.At(i) {
			if int(m.List) < len(topicOf) {
				topicSet |= topicOf[m.List]
			}
		}
	}
	neg, pos, grateful, strongNeg, weakNeg := 0, 0, false, 0, 0
	serviceHard, verdict := false, false
	var coveredBuf [64]bool // most comments: no allocation
	covered := coveredBuf[:min(len(d.Words), len(coveredBuf))]
	if len(d.Words) > len(coveredBuf) {
		covered = make([]bool, len(d.Words))
	}
	// Sarcastic praise is a complaint; ironic praise, a curt closing line
	// of praise, is one only after another complaint word or after words
	// that praise nothing, counted once the rest is read.
	ironic := 0
	for _, m := range d.Find(ironyGroup) {
		for k := m.From; k < m.To; k++ {
			covered[k] = true
		}
		switch {
		case m.List == sarcasticPraise.ID:
			neg++
			strongNeg++
		case d.Words[m.From].Sentence > 0 && len(d.SentenceWords(d.Words[m.From].Sentence)) <= 4:
			ironic++ // a curt closing line: "Great job."
		default:
			pos++
		}
	}
	for _, m := range d.Find(PositiveGroup) {
		if covered[m.From] {
			continue
		}
		for k := m.From; k < m.To; k++ {
			covered[k] = true
		}
		if m.List == positiveOverrides.ID {
			continue
		}
		if negatedBefore(d, m.From) && !praisedPastWords(d, m) {
			neg++
			continue
		}
		pos++
		grateful = grateful || gratefulWords.Has(&d.Words[m.From])
	}
	relieved := d.Contains(reliefBefore) || d.Contains(reliefAfter)
	asked := strings.IndexByte(d.Text, '?') >= 0
	bereft := false
	for _, m := range d.Find(negativeGroup) {
		if covered[m.From] {
			continue
		}
		if relieved && relief(d, m) || feelsPraise(d, m, covered) || feelsWell(d, m) {
			pos++
			continue
		}
		if bereaved(d, m) {
			bereft = true
			continue // grief is neither praise nor a grievance
		}
		if asked && shy(d, m) {
			continue // nor is unease in asking
		}
		weak := sameWords(d, m, weakNegatives)
		if weak && measuredOrDelivered(d, m) {
			continue
		}
		if weak && thanksWithout(d, m) {
			pos++ // "couldn't have done it without you"
			continue
		}
		if weak && othersFailed(d, m) {
			pos++ // "he found it when no one else could"
			continue
		}
		if negatedBefore(d, m.From) && !sameWords(d, m, negatedComplaints) {
			pos++
			continue
		}
		neg++
		if weak {
			weakNeg++
		} else {
			strongNeg++
			// A hard word of money or time ("overcharged", "ripoff"),
			// or one that is a short verdict of its own ("This is
			// ridiculous."), judges the service, not the body.
			serviceHard = serviceHard || servicePhrase(d, m)
			verdict = verdict || shortVerdict(d, m)
		}
	}
	if neg > 0 && soleChoice(d) {
		pos++ // "the only nurse who explains things to me": read only when it may count
	}
	waited, sat := waitedLong(d, covered)
	if waited {
		neg++
		strongNeg++
	}
	if repeated(d) {
		neg++
		weakNeg++
	}
	if deniesCare(d) {
		neg++
		strongNeg++
	}
	if cjkGrievance(d) {
		neg++
		strongNeg++
	}
	if paidSum(d) || brokenPromise(d) {
		neg++
		weakNeg++
	}
	exasp := neg > 0 && exasperated(d) && neg > symptomOnly(d)
	if exasp {
		neg++
	}
	wordNeg := neg
	// Every emoji here starts with byte 0xf0 or 0xe2: most comments have
	// neither, and skip the searches.
	if strings.IndexByte(d.Text, 0xf0) >= 0 || strings.IndexByte(d.Text, 0xe2) >= 0 {
		for _, e := range negativeEmoji {
			if strings.Contains(d.Text, e) {
				neg++
				strongNeg++
			}
		}
		for _, e := range wearyEmoji {
			if strings.Contains(d.Text, e) {
				neg++
			}
		}
		for _, e := range positiveEmoji {
			if strings.Contains(d.Text, e) {
				pos++
			}
		}
	}
	// The closing line is ironic after another complaint word, and after
	// a story that praises nothing ("Missed my refill because you closed
	// early. Thanks a lot."): sincere thanks come with praise of their own.
	if ironic > 0 {
		if wordNeg > 0 || pos == 0 {
			neg += ironic
			strongNeg += ironic
		} else {
			pos += ironic
		}
	}
	// A worry ask ("is that normal", "what do I do") asks, with or
	// without its question mark.
	question := strings.Contains(d.Text, "?") || len(d.Words) > 0 && questionOpeners.Has(&d.Words[0]) ||
		d.Contains(clinicalQuestionWords)
	info := Info{Grievance: wordNeg > 0, Bereaved: bereft}
	// Negative: more complaint signal than praise. Praise with a complaint
	// ("love the staff but waited 2 hours") still counts as a complaint.
	// "Does Invisalign hurt?" asks; it does not complain.
	// Nor does a story of symptoms that praises the care ("my back ached
	// for weeks and your therapists were so patient"): its only negative
	// words are the body's, not grievances.
	if neg > 0 && (question || pos > 0 && neg == wordNeg) && neg == symptomOnly(d) {
		neg = 0
	}
	// Gratitude outweighs a single hard word ("worst year of my life, forever grateful").
	if grateful {
		info.Negative = neg > 0 && neg >= pos+2
	} else {
		info.Negative = neg > 0 && (neg >= pos || neg >= 2)
	}
	// One word of grievance against one of praise, with nothing that sets
	// it apart ("love the staff but ...") and no service matter (a wait, a
	// bill, a manner: "great doctor, rude front desk"), is praise told
	// through a hard time ("saved my life after a botched surgery 🙏",
	// "they make a terrible thing bearable"), not a complaint.
	if neg == 1 && wordNeg == 1 && pos == 1 && topicSet&^bodyTopics == 0 && !setApart(d) {
		info.Negative = false
	}
	// One innocent word in a question or a happy comment ("I forgot lol",
	// "nobody judged me 💙") is not a complaint; beside a sum of money or
	// an "even" that doubts the practice does its job ("$340 for a
	// splint??", "is anyone even working there??") it complains.
	reproached := question && strongNeg == 0 && weakNeg == 1 && reproachAsked(d)
	if strongNeg == 0 && !exasp && weakNeg == 1 && (question || pos > 0) && !reproached {
		info.Negative = false
	}
	if question && wordNeg == 1 && neg == 1 && !exasp && !reproached && asksPastOneWord(d, topicSet&^bodyTopics == 0) {
		info.Negative = false
	}
	// Weariness alone ("almost done with braces 😩") and the commenter's
	// own apology ("running late, sorry!") are no complaint.
	if strongNeg == 0 && (wordNeg == 0 || d.Contains(ownApologies)) {
		info.Negative = false
	}
	// A clinical question is about the asker's own body or medicine, not
	// "how long do braces take?" in general.
	personal := d.Contains(ownWords)
	for i := range d.Words {
		w := &d.Words[i]
		if personal || d.Is(i, words.FirstPerson) || d.Is(i, care.Family) && w.Lower != "one" && w.Lower != "little" {
			personal = true
			break
		}
	}
	// "General question" from a writer who names nothing of their own is
	// nobody's case.
	personal = personal && !SaysGeneral(d)
	// A question about a condition in general ("does melatonin work?",
	// "what causes tinnitus?") is education anyone may answer; the writer's
	// own condition, or what to do about their own body or treatment
	// ("my knee clicks, should I stop lifting?"), is a clinician's.
	// Booking, paying or a referral for care is the front desk's, unless a
	// condition is named.
	logistics := topicSet&(schedulingBit|costBit|billingBit|insuranceBit) != 0 || d.Contains(visitPrep)
	clinicalQ := (question || d.Contains(clinicalQuestionWords)) && personal &&
		(mentionsCondition(d) || !logistics && (topicSet&clinicalBit != 0 || question && ownCareAsk(d))) &&
		// "Do you do stitches for kids?" asks what the practice offers;
		// "do you think my rash is infected?" still asks about the writer.
		!(servicesQuestion(d) && !d.Contains(words.FirstPerson) && !d.Contains(ownWords)) &&
		!(len(d.Sentences) == 1 && d.Contains(serviceAsks) && d.Find(serviceAsks.Group)[0].From == 0) &&
		// Booking a visit for a named condition asks the front desk.
		!(question && serviceAsk(d))
	billingQ := question && (d.Contains(billingQuestionWords) || topicSet&(billingBit|insuranceBit) != 0)
	// Asking about symptoms, one's own or in general, is no complaint;
	// its one hard word still complains when it judges the service: a
	// long wait sat through ("is it normal to wait an hour past my
	// time?"; "took my shot a day late" tells a dose), a word of
	// money or time, or a verdict on a service matter ("Four months for
	// an appointment?? My back aches daily. Ridiculous.").
	serviceJudged := strongNeg == 1 && topicSet&^bodyTopics != 0 && (sat || serviceHard || verdict)
	if question && strongNeg < 2 && (clinicalQ || mentionsCondition(d) || topicSet&clinicalBit != 0 || worried(d, topicSet)) && !serviceJudged {
		info.Negative = false
	}
	info.Personal = personal
	info.Opinion = info.Negative && !personal && topicSet&^bodyTopics == 0 && !d.Contains(care.Clinicians)
	for i := 0; info.Opinion && i < len(d.Words); i++ {
		// A word that speaks to or of the practice, or judges a visit.
		info.Opinion = !addressees.Has(&d.Words[i]) && !visitWords.Has(&d.Words[i])
	}
	info.Health = question && !clinicalQ && (mentionsCondition(d) || topicSet&clinicalBit != 0)
	switch {
	case clinicalQ && (question || topicSet&clinicalBit != 0) && !(info.Negative && (!question || serviceJudged)):
		info.Kind = Clinical
	case info.Negative:
		info.Kind = Complaint
	case billingQ:
		info.Kind = Billing
	case question:
		info.Kind = Question
	case strings.Contains(d.Lower, "http") || strings.Contains(d.Lower, "www."):
		info.Kind = Link
	case pos > 0:
		info.Kind = Compliment
	default:
		info.Kind = Other
	}
	if info.Negative {
		topicSet |= complaintBit
		topicSet &^= complimentBit
	} else if pos > 0 {
		// Complaint-only topics do not apply to praise ("the wait was short!").
		topicSet &^= praiseDropped
	}
	if info.Kind == Clinical {
		topicSet |= clinicalBit
	} else {
		topicSet &^= clinicalBit
	}
	if info.Kind == Billing {
		topicSet |= billingBit
	}
	if info.Kind == Compliment {
		topicSet |= complimentBit
	} else {
		topicSet &^= complimentBit
	}
	if topicSet == 0 {
		topicSet = generalBit
	}
	info.Service = topicSet&^bodyTopics != 0
	info.Topics = make([]string, 0, bits.OnesCount32(topicSet))
	for i, t := range topicNames {
		if topicSet&(1<<i) != 0 {
			info.Topics = append(info.Topics, t)
		}
	}
	return info
}

// shyFeelings are the writer's unease; read per word, by hash.
var shyFeelings = &wordSets[listShyFeelings]

// shy: the complaint word at m is the writer's own unease ("I'm 52 and
// kinda embarrassed. Is it too late?"), which, in a question, tells how
// they feel about asking; one with an object ("you embarrassed me") is
// aimed at someone.
func shy(d *lex.Doc, m lex.Match) bool {
	return m.To-m.From == 1 && shyFeelings.Has(&d.Words[m.From]) &&
		(m.To == len(d.Words) || !d.Is(m.To, words.FirstPerson) || d.Words[m.To].Lower == "i")
}

// bodyTopics are the topics of the writer's own body and care; any other
// names a grievance with the service (a bill, a wait, a phone, a manner).
var bodyTopics = clinicalBit | outcomeBit | painBit | generalBit | complimentBit | complaintBit

// worried: a question that asks whether something about the writer's own
// case is all right ("it went off twice last night, is that normal?",
// "still feel awful, should I go back in?", "what are we supposed to do?")
// about nothing but their body or care: a worry, not a complaint, even
// when the vocabulary knows no condition it names. A grievance topic ("it
// was supposed to be covered", "is it normal to wait two hours?") keeps it
// a complaint.
func worried(d *lex.Doc, topicSet uint32) bool {
	return topicSet&^bodyTopics == 0 && d.Contains(ownCaseAsks) && strings.Contains(d.Text, "?")
}

// ownCaseAsks ask whether the writer's own case is all right.
var ownCaseAsks = &cueLists[listOwnCaseAsks]

// grievancesCJK are words of grievance in Chinese, Japanese and Korean,
// matched as substrings (see the list).
var grievancesCJK = dataLists[listGrievancesCJK]

// cjkGrievance: the comment judges the care or service in one of those
// scripts ("前台态度太差", "불친절했어요"). Only a comment with a word
// outside ASCII is searched.
func cjkGrievance(d *lex.Doc) bool { return d.HasSubstring(grievancesCJK) }

var symptomWords = &vocabLists[listSymptomWords]

// symptomOnly counts negative matches that are symptoms, not grievances.
func symptomOnly(d *lex.Doc) int {
	n := 0
	for _, m := range d.Find(negativeGroup) {
		if d.Is(m.From, symptomWords) {
			n++
		}
	}
	return n
}

// Symptomatic: the writer names something of their own ("my", "mi") and
// a condition, symptom or medicine ("a mi hija le duele la panza").
func Symptomatic(d *lex.Doc) bool { return d != nil && possessive(d) && mentionsCondition(d) }

// mentionsCondition reports a condition, medication, symptom or procedure
// from the care vocabulary (not mere visits or bills).
func mentionsCondition(d *lex.Doc) bool {
	for i := range d.Words {
		if m, ok := d.LongestAt(i, care.All); ok {
			switch m.List {
			case care.Conditions.ID, care.Medications.ID:
				return true
			}
		}
		if d.Is(i, bodySymptoms) || d.Is(i, medicineWords) {
			return true
		}
	}
	return false
}

// generalAsks say a question is general.
var generalAsks = &vocabLists[listGeneralAsks]

// SaysGeneral: the writer says the question is general ("general
// question", "in general?", "not for me") and names nothing of their own
// ("my ..."): education answers it, as if nobody's case.
func SaysGeneral(d *lex.Doc) bool {
	if d == nil || !d.Contains(generalAsks) || possessive(d) {
		return false
	}
	// "General question, though I've ...": a turn after it makes the
	// question the writer's again.
	from := d.Find(generalAsks.Group)[0].To
	for k := from; k < len(d.Words); k++ {
		if generalTurns.Has(&d.Words[k]) {
			return false
		}
	}
	return true
}

// Function words of praise by contrast with others, compared directly.
var (
	othersWords  = dataLists[listOthersWords]
	soleWords    = &wordSets[listSoleWords] // (read per word: by hash first)
	soleArticles = dataLists[listSoleArticles]
	soleClauses  = dataLists[listSoleClauses]
)

// othersFailed: the complaint word of m ("nobody", "no one") is followed
// by "else": others failed the writer where the practice did not ("our
// new therapist got me walking when no one else could"), praise by
// contrast.
func othersFailed(d *lex.Doc, m lex.Match) bool {
	return m.To < len(d.Words) && d.Words[m.To].Sentence == d.Words[m.To-1].Sentence && slices.Contains(othersWords, d.Words[m.To].Lower)
}

// soleChoice: the comment singles someone out from all the others, "the
// only" followed within three words by what they alone did for the
// writer ("the only surgeon who answered my questions", "the only reason
// I drive an hour each way"): praise, even when the sentence names the
// writer's pain.
// "The only dentist in town and you can't get me in" names no such deed.
func soleChoice(d *lex.Doc) bool {
	for i := 1; i < len(d.Words); i++ {
		if !soleWords.Has(&d.Words[i]) || !slices.Contains(soleArticles, d.Words[i-1].Lower) {
			continue
		}
		for k := i + 1; k < len(d.Words) && k <= i+3 && d.Words[k].Sentence == d.Words[i].Sentence; k++ {
			if slices.Contains(soleClauses, d.Words[k].Lower) {
				return true
			}
		}
	}
	return false
}

// lossVerbs, mournerPossessives and lifeLosses are function words, read
// per word by hash first.
var (
	lossVerbs          = &wordSets[listLossVerbs]
	mournerPossessives = &wordSets[listMournerPossessives]
	lifeLosses         = &wordSets[listLifeLosses]
)

// bereaved: the negative match m reports the death of someone close to
// the writer ("Lost my brother to a stroke in May", "two years since we
// lost Grandpa", "we lost our son"), or a loss that befell them after a
// possessive ("lost my left leg in '69", "I lost my job"): a loss the
// writer tells, not a grievance with the practice. A possessive after the
// loss ("lost my aunt's walker") loses a thing, which still complains, and
// so does "lost my paperwork".
func bereaved(d *lex.Doc, m lex.Match) bool {
	if !lossVerbs.Has(&d.Words[m.From]) {
		return false
	}
	k := m.From + 1
	owned := k < len(d.Words) && mournerPossessives.Has(&d.Words[k])
	if owned {
		k++
	}
	if k >= len(d.Words) || d.Words[k].Sentence != d.Words[m.From].Sentence {
		return false
	}
	// A part of life lost, perhaps after one word that says which ("my
	// left leg"), is told only after a possessive: "lost a hand" plays cards.
	if owned && (lifeLosses.Has(&d.Words[k]) || k+1 < len(d.Words) && d.Words[k+1].Sentence == d.Words[k].Sentence && lifeLosses.Has(&d.Words[k+1])) {
		return true
	}
	if !d.Is(k, care.Family) {
		return false
	}
	w := d.Words[k].Lower
	return !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "s'") && !strings.HasSuffix(w, "’s")
}

// generalTurns are function words, read per word by hash first.
var generalTurns = &wordSets[listGeneralTurns]

// possessives are function words, read per word by hash first.
var possessives = &wordSets[listPossessives]

// possessive: the writer names something of their own ("my", "mi").
func possessive(d *lex.Doc) bool {
	for i := range d.Words {
		if possessives.Has(&d.Words[i]) {
			return true
		}
	}
	return false
}

var bodySymptoms = &vocabLists[listBodySymptoms]

// medicineWords are medicines WordNet's English vocabulary lacks.
var medicineWords = &vocabLists[listMedicineWords]

var (
	ownWords = &vocabLists[listOwnWords]
	careAsks = &vocabLists[listCareAsks]
	// visitPrep asks what to bring, wear or expect at a visit.
	visitPrep = &vocabLists[listVisitPrep]
)

// SpeaksOfSelf: the writer speaks of themselves or their family in the
// first person ("I", "my", "we"; Spanish "mi", "tengo"), not of "kids" or
// "you" in general.
func SpeaksOfSelf(d *lex.Doc) bool {
	return d != nil && (d.Contains(words.FirstPerson) || d.Contains(ownWords))
}

// ownCareAsk: asking what to do ("should I", "is that bad") about a body
// part or a treatment, not about booking or paying for one ("can I book my
// cleaning online?").
func ownCareAsk(d *lex.Doc) bool {
	if !d.Contains(careAsks) {
		return false
	}
	for i := range d.Words {
		if d.Is(i, care.Body) {
			return true
		}
		if m, ok := d.LongestAt(i, care.All); ok {
			switch m.List {
			case care.Procedures.ID, care.Colloquial.ID:
				return true
			}
		}
	}
	return false
}

// serviceAsks open a request for a service.
var serviceAsks = &vocabLists[listServiceAsks]

var (
	serviceQuestionVerbs    = &wordSets[listServiceQuestionVerbs]
	serviceQuestionSubjects = &wordSets[listServiceQuestionSubjects]
)

var (
	logisticsAsks = &vocabLists[listLogisticsAsks]
	worryAsks     = &vocabLists[listWorryAsks]
	useVerbs      = &wordSets[listUseVerbs]
	useSubjects   = &wordSets[listUseSubjects]
)

// serviceAsk: the comment asks about the practice's services, hours,
// coverage or paperwork (collecting a parent's pills, walk-ins for a
// rash), even naming a condition, and neither voices a worry nor asks
// about someone using a medicine or care (ibuprofen before the visit:
// a person, then a use verb).
func serviceAsk(d *lex.Doc) bool {
	if !d.Contains(logisticsAsks) || d.Contains(worryAsks) {
		return false
	}
	for i := 1; i < len(d.Words); i++ {
		if useVerbs.Has(&d.Words[i]) && (d.Is(i-1, words.FirstPerson) || d.Is(i-1, care.Family) ||
			useSubjects.Has(&d.Words[i-1])) {
			return false
		}
	}
	return true
}

// servicesQuestion: "Do you do COVID testing?" asks about the practice.
func servicesQuestion(d *lex.Doc) bool {
	for s := range d.Sentences {
		if ws := d.SentenceWords(s); len(ws) >= 2 {
			if serviceQuestionVerbs.Has(&ws[0]) && serviceQuestionSubjects.Has(&ws[1]) {
				return true
			}
		}
	}
	return false
}

// sameWords reports whether the words of match m are an entry of l.
func sameWords(d *lex.Doc, m lex.Match, l *lex.List) bool {
	for _, x := range d.At(m.From) {
		if x.List == l.ID && x.To == m.To {
			return true
		}
	}
	return false
}

// negatedBefore reports a negator among the two words before word i.
func negatedBefore(d *lex.Doc, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if d.Words[k].Sentence != d.Words[i].Sentence {
			break
		}
		if d.Is(k, words.Negators) {
			return true
		}
	}
	return false
}

// praisedPastWords: the negated praise at m is praise past words, "enough"
// later in its sentence ("can't recommend this office enough", "cannot
// thank the night nurses enough"), not praise denied ("not helpful").
func praisedPastWords(d *lex.Doc, m lex.Match) bool {
	s := d.Words[m.From].Sentence
	for k := m.To; k < len(d.Words) && k <= m.To+5 && d.Words[k].Sentence == s; k++ {
		if d.Words[k].Lower == "enough" {
			return true
		}
	}
	return false
}

// relief: "no more back pain", "the ache is gone" report the end of a
// complaint, which is praise.
func relief(d *lex.Doc, m lex.Match) bool {
	s := d.Words[m.From].Sentence
	for k := m.From - 1; k >= 0 && k >= m.From-3 && d.Words[k].Sentence == s; k-- {
		for _, x := range d.At(k) {
			if x.List == reliefBefore.ID && x.To <= m.From {
				return true
			}
		}
	}
	for k := m.To; k < len(d.Words) && k <= m.To+1 && d.Words[k].Sentence == s; k++ {
		if d.Is(k, reliefAfter) {
			return true
		}
	}
	return false
}

// thanksWithout: "couldn't have done it without you" is gratitude: a
// "could not" and "without" before whoever helped.
func thanksWithout(d *lex.Doc, m lex.Match) bool {
	if !strings.HasSuffix(d.Words[m.To-1].Lower, "n't") {
		return false
	}
	s := d.Words[m.From].Sentence
	for k := m.To; k+1 < len(d.Words) && d.Words[k+1].Sentence == s; k++ {
		if d.Words[k].Lower == "without" {
			// "without you", "without Marcus and Jen": a helper by name.
			return helpers.Has(&d.Words[k+1]) || text.IsCapitalized(d.Text, d.Words[k+1])
		}
	}
	return false
}

// deniesCare: "billed for a visit I never had", "a study I never agreed
// to": "never" and a care or consent verb ending the clause.
func deniesCare(d *lex.Doc) bool {
	for i := 0; i+1 < len(d.Words); i++ {
		if w := d.Words[i].Lower; w != "never" && w != "nunca" || !neverVerbs.Has(&d.Words[i+1]) {
			continue
		}
		next := i + 2
		if next < len(d.Words) && d.Words[next].Sentence == d.Words[i].Sentence && (d.Words[next].Lower == "to" || d.Words[next].Lower == "anything") {
			next++
		}
		if next >= len(d.Words) || d.Words[next].Sentence != d.Words[i].Sentence || clauseBreak(d, next) {
			return true
		}
	}
	return false
}

// clauseBreak reports punctuation between word i-1 and word i.
func clauseBreak(d *lex.Doc, i int) bool {
	return strings.ContainsAny(d.Text[d.Words[i-1].End:d.Words[i].Start], ",;:!?")
}

// paidSum: a sum of money with a paying word ("paid $800 for this",
// "spent $3k"): what the person paid, the start of most money complaints.
func paidSum(d *lex.Doc) bool {
	if !d.Contains(payWords) {
		return false
	}
	return d.HasByte('$') || d.Contains(moneyWords)
}

// waitedLong: a duration beside waiting, "waited 50 min", "a 4 hour
// wait", "taking 3 weeks", "sat in the lobby for 90 min" (up to six
// words before, three after), unless it was short ("only 5 minutes") or the
// waiting is praise ("can't wait", covered by a positive phrase). sat:
// a wait word other than a taking one ("took") is beside the duration.
func waitedLong(d *lex.Doc, covered []bool) (long, sat bool) {
	if !d.Contains(timeUnits) {
		return false, false
	}
	for i := 1; i < len(d.Words); i++ {
		if !d.Is(i, timeUnits) {
			continue
		}
		// "an hour", but not "a minute", which is short.
		n := d.Words[i-1].Lower
		if !isNumber(n) && (!in(durationArticles, n) || strings.HasPrefix(d.Words[i].Lower, "min")) {
			continue
		}
		if i >= 2 && briefWords.Has(&d.Words[i-2]) {
			continue
		}
		if strings.HasPrefix(d.Words[i].Lower, "min") && isNumber(n) && len(n) == 1 {
			continue // "in and out in 4 minutes!": a few minutes is quick, not a wait
		}
		s := d.Words[i].Sentence
		for k := max(0, i-6); k < len(d.Words) && k <= i+3; k++ {
			if d.Words[k].Sentence == s && waitWords.Has(&d.Words[k]) && (k >= len(covered) || !covered[k]) {
				if !takeWords.Has(&d.Words[k]) {
					return true, true
				}
				long = true
			}
		}
	}
	return long, false
}

// repeatCounts and repeatUnits are function words compared directly.
var (
	repeatCounts = dataLists[listRepeatCounts]
	repeatUnits  = &wordSets[listRepeatUnits] // (read per word: by hash first)
)

// rateWords and ratePeriods make a count a rate; compared directly.
var (
	rateWords   = dataLists[listRateWords]
	ratePeriods = dataLists[listRatePeriods]
)

// repeated: something kept happening, "called 6 times", "third time this
// month", but not "how many times a day".
func repeated(d *lex.Doc) bool {
	for i := 1; i < len(d.Words); i++ {
		if !repeatUnits.Has(&d.Words[i]) {
			continue
		}
		n := d.Words[i-1].Lower
		if !isNumber(n) && !in(repeatCounts, n) || d.Words[i-1].Sentence != d.Words[i].Sentence {
			continue
		}
		if i >= 2 && questionOpeners.Has(&d.Words[i-2]) {
			continue // "how many times"
		}
		if k := i + 2; k < len(d.Words) && in(rateWords, d.Words[i+1].Lower) && in(ratePeriods, d.Words[k].Lower) {
			continue // "4 times a night": a rate, not a failure repeated
		}
		return true
	}
	return false
}

// bodyMeasures are the units a weight or size loss is counted in.
var bodyMeasures = &wordSets[listBodyMeasures]

// measuredOrDelivered: a weak complaint word ("lost", "dropped") followed
// by a count in a body's units ("lost 40 lbs", "dropped 2 sizes") tells a
// milestone, and one followed by "off" and what was left ("dropped off a
// box of toys") tells a delivery: neither is a grievance. "Lost two hours"
// and "the call dropped off." still complain.
func measuredOrDelivered(d *lex.Doc, m lex.Match) bool {
	k := m.To
	if k+1 >= len(d.Words) || d.Words[k+1].Sentence != d.Words[m.From].Sentence {
		return false
	}
	if d.Words[k].Lower == "off" {
		return d.Words[m.To-1].Lower == "dropped"
	}
	return isNumber(d.Words[k].Lower) && bodyMeasures.Has(&d.Words[k+1])
}

// isNumber: digits, perhaps with "+" ("30+").
func isNumber(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9' && strings.TrimRight(w, "0123456789+") == ""
}

// brokenPromise: "I was told it was covered and now I owe $300".
func brokenPromise(d *lex.Doc) bool {
	if !d.Contains(toldWords) {
		return false
	}
	told := false
	for i := range d.Words {
		if told && turnWords.Has(&d.Words[i]) {
			return true
		}
		told = told || d.Is(i, toldWords)
	}
	return false
}

// in reports w in list: one out-of-line call for every function-word
// lookup, not slices.Contains inlined at each (engine.wasm size).
//
//go:noinline
func in(list []string, w string) bool { return slices.Contains(list, w) }

// reproachAsks ask for a reason.
var reproachAsks = &wordSets[listReproachAsks] // (read per word: by hash first)

// exasperated: a comment that asks why with doubled question marks or a
// question mark beside an exclamation mark ("why is the phone always
// busy??") reproaches; the same marks on a plain question ("is it too
// late to book??") are eagerness.
func exasperated(d *lex.Doc) bool {
	t, marks := d.Text, false
	for i := 1; i < len(t) && !marks; i++ {
		marks = t[i] == '?' && (t[i-1] == '?' || t[i-1] == '!') || t[i] == '!' && t[i-1] == '?'
	}
	for i := 0; marks && i < len(d.Words); i++ {
		if reproachAsks.Has(&d.Words[i]) {
			return true
		}
	}
	return false
}

// asksPastOneWord: a question whose only complaint signal (the caller
// counts one) is its one complaint word, inside the sentence that asks,
// with no exasperation, no doubled question mark and no upset emoji
// ("does the implant center see people whose implant failed elsewhere?",
// "what should I avoid on this medicine?"), asks about something bad; it
// does not complain. A judgement beside the question ("... 3 months??
// ridiculous") or a question that asks why ("why do fillings here take so
// long?") still complains.
func asksPastOneWord(d *lex.Doc, aside bool) bool {
	ms := d.Find(negativeGroup)
	if len(ms) != 1 || strings.Contains(d.Text, "??") {
		return false
	}
	sent := d.Words[ms[0].From].Sentence
	if aside {
		if q, ok := askedBeside(d, sent); ok {
			sent = q
		}
	}
	sw := d.SentWords[sent]
	if reproachAsks.Has(&d.Words[sw.Start]) {
		return false
	}
	end := len(d.Text)
	if sent+1 < len(d.Sentences) {
		end = d.Sentences[sent+1].Start
	}
	// Asked in a question's words ("is", "what", "¿": its last byte is
	// 0xBF), not a statement with a question mark ("left a message Monday
	// and still no call?").
	mark, asked := false, false
	for i := d.Sentences[sent].Start; i < end; i++ {
		mark = mark || d.Text[i] == '?'
		asked = asked || d.Text[i] == 0xBF
	}
	for k := sw.Start; k < sw.End && !asked; k++ {
		asked = questionOpeners.Has(&d.Words[k])
	}
	return mark && asked
}

// addressees speak to or of the practice; read per word, by hash.
var addressees = &wordSets[listAddressees]

// visitWords judge the writer's own time with the practice ("worst
// experience"); read per word, by hash.
var visitWords = &wordSets[listVisitWords]

// aimedFeelings are feelings aimed at someone; read per word, by hash.
var aimedFeelings = &wordSets[listAimedFeelings]

// askedBeside: the complaint word's sentence, sent, asks nothing and
// names neither the practice nor anyone in it, nor anger or a failure
// ("I'm so angry", "I never got a call"): it tells the writer's own state
// ("Kinda embarrassing", "Roads are terrible") beside a question in
// another sentence, which it returns, for the caller to judge as if the
// word were the question's own.
func askedBeside(d *lex.Doc, sent int) (int, bool) {
	if len(d.Sentences) < 2 || markedAsked(d, sent) {
		return 0, false
	}
	sw := d.SentWords[sent]
	for k := sw.Start; k < sw.End; k++ {
		if addressees.Has(&d.Words[k]) || aimedFeelings.Has(&d.Words[k]) || neverVerbs.Has(&d.Words[k]) && k > sw.Start && d.Is(k-1, words.Negators) {
			return 0, false
		}
	}
	for q := range d.Sentences {
		if q != sent && markedAsked(d, q) {
			return q, true
		}
	}
	return 0, false
}

// markedAsked: sentence s ends with, or holds, a question mark (up to the
// next sentence: the mark may follow its last word).
func markedAsked(d *lex.Doc, s int) bool {
	end := len(d.Text)
	if s+1 < len(d.Sentences) {
		end = d.Sentences[s+1].Start
	}
	return strings.IndexByte(d.Text[d.Sentences[s].Start:end], '?') >= 0
}

// The words feelsWell reads after a feeling frame, by hash.
var (
	liftedFeelings = &wordSets[listLiftedFeelings]
	badFeelings    = &wordSets[listBadFeelings]
)

// feelsWell: the complaint frame m ("made me feel") names a feeling, past
// degree words and fillers, that is praise the positive words lack ("made
// me feel right at home", "a lot better"), or is negated and names a bad
// one ("nobody made me feel silly": the lone "nobody" is one innocent
// word beside praise, which Classify lets pass).
func feelsWell(d *lex.Doc, m lex.Match) bool {
	k := m.To
	// A likeness frame ("treated me like") names its feeling after an
	// article: "like a human being", "like royalty", "like trash".
	likeness := d.Words[m.To-1].Lower == "like"
	for k < len(d.Words) && (intensifiers.Has(&d.Words[k]) || likeness && in(durationArticles, d.Words[k].Lower)) {
		k++
	}
	if k >= len(d.Words) || !likeness && !feelingVerbs.Has(&d.Words[m.To-1]) || d.Words[k].Sentence != d.Words[m.From].Sentence {
		return false
	}
	if negatedBefore(d, m.From) {
		return badFeelings.Has(&d.Words[k])
	}
	return liftedFeelings.Has(&d.Words[k])
}

// setApart: a word of contrast ("but", "though", "pero") in the comment
// sets a grievance apart from its praise.
func setApart(d *lex.Doc) bool {
	for i := range d.Words {
		if generalTurns.Has(&d.Words[i]) {
			return true
		}
	}
	return false
}

// moneyTimeTopics are the service matters counted in money or time.
var moneyTimeTopics = billingBit | costBit | insuranceBit | schedulingBit | topicBit("wait_time") | topicBit("phone") | topicBit("parking")

// servicePhrase: the complaint phrase m holds a phrase of a money or time
// topic ("overcharged", "no-show fee", "rip off").
func servicePhrase(d *lex.Doc, m lex.Match) bool {
	for k := m.From; k < m.To; k++ {
		for _, x := range d.At(k) {
			if int(x.List) < len(topicOf) && topicOf[x.List]&moneyTimeTopics != 0 && x.To <= m.To {
				return true
			}
		}
	}
	return false
}

// maxVerdictWords is the longest sentence read as a verdict ("This is
// ridiculous." is three words).
const maxVerdictWords = 4

// shortVerdict: the complaint phrase m stands in a short sentence that
// asks nothing ("Total ripoff.", "Disgusting."): a verdict of its own.
func shortVerdict(d *lex.Doc, m lex.Match) bool {
	s := d.Words[m.From].Sentence
	sw := d.SentWords[s]
	if sw.End-sw.Start > maxVerdictWords || markedAsked(d, s) {
		return false
	}
	// "I've called twice." tells what the writer did; it judges nothing.
	for k := sw.Start; k < sw.End; k++ {
		if d.Is(k, words.FirstPerson) {
			return false
		}
	}
	return true
}

// evenTurns make an "even" concessive or a degree; read per word, by hash.
var evenTurns = &wordSets[listEvenTurns]

// reproachAsked: a question that names a sum of money, or asks with an
// "even" that doubts the practice ("is the office even open??", "do you
// even check anything?"), reproaches; read only for a question whose one
// complaint word is weak.
func reproachAsked(d *lex.Doc) bool {
	if i := strings.IndexByte(d.Text, '$'); i >= 0 && i+1 < len(d.Text) && d.Text[i+1] >= '0' && d.Text[i+1] <= '9' {
		return true
	}
	for i := range d.Words {
		if d.Words[i].Lower != "even" || !markedAsked(d, d.Words[i].Sentence) {
			continue
		}
		if k := i + 1; k >= len(d.Words) || d.Words[k].Sentence != d.Words[i].Sentence || !evenTurns.Has(&d.Words[k]) {
			return true
		}
	}
	return false
}
