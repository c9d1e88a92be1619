package core

import (
	"slices"
	"strings"
	"sync"
)

// CommentKind is what the patient's comment is, as far as replying goes.
type CommentKind string

const (
	KindNone       CommentKind = "none" // no comment given
	KindComplaint  CommentKind = "complaint"
	KindCompliment CommentKind = "compliment"
	KindClinical   CommentKind = "clinical_question"
	KindBilling    CommentKind = "billing_question"
	KindQuestion   CommentKind = "question"
	KindLink       CommentKind = "link_share"
	KindOther      CommentKind = "other"
)

// CommentInfo is the engine's reading of the patient comment.
type CommentInfo struct {
	Kind     CommentKind
	Negative bool
	// Topics are tags from Topics, sorted.
	Topics []string
}

// Topics are the tags comments are sorted into for routing and for the
// popup's recurring-topics list; each has the words that signal it.
var Topics = map[string][]string{
	"wait_time":      {"wait", "waited", "waiting", "wait time", "hour late", "hours", "running late", "running behind", "on time", "late", "forever", "sat in the lobby", "waiting room", "45 minutes", "30 minutes", "an hour", "two hours", "delayed"},
	"billing":        {"bill", "billed", "billing", "charge", "charged", "overcharged", "invoice", "statement", "balance", "payment", "refund", "collections", "paid", "pay", "copay", "co-pay", "deductible", "surprise bill", "double charged"},
	"insurance":      {"insurance", "insurer", "covered", "coverage", "in network", "in-network", "out of network", "ppo", "hmo", "medicaid", "medicare", "delta dental", "cigna", "aetna", "metlife", "blue cross", "united healthcare", "claim", "claims", "benefits", "accept my plan", "take my insurance"},
	"cost":           {"price", "prices", "cost", "costs", "expensive", "pricey", "afford", "affordable", "cheap", "how much", "fee", "fees", "quote", "estimate", "rip off", "ripoff", "overpriced"},
	"phone":          {"phone", "call back", "called", "calls", "calling", "voicemail", "voice mail", "nobody answers", "no one answers", "no one picks up", "on hold", "hold", "answer the phone", "never answer", "busy signal", "returned my call", "return my call", "callback"},
	"scheduling":     {"appointment", "appointments", "schedule", "scheduling", "reschedule", "rescheduled", "cancel", "canceled", "cancelled", "booking", "book", "availability", "opening", "openings", "slot", "slots", "online booking", "weeks out", "months out", "no-show"},
	"parking":        {"parking", "park", "parked", "parking lot", "garage", "spot", "spots", "tow", "towed", "meter"},
	"staff_attitude": {"rude", "rudely", "attitude", "unprofessional", "dismissive", "condescending", "mean", "yelled", "snapped", "unfriendly", "disrespectful", "ignored", "receptionist", "front desk", "staff", "hygienist was", "nasty", "cold", "arrogant", "didn't listen", "did not listen"},
	"pain":           {"pain", "painful", "hurt", "hurts", "hurting", "ache", "aching", "sore", "throbbing", "swelling", "swollen", "numb", "numbing", "agony", "sensitive", "sensitivity", "bleeding"},
	"outcome":        {"fell out", "fell off", "came off", "came out", "broke", "broken", "cracked", "redo", "re-do", "botched", "messed up", "worse", "failed", "infection", "infected", "still hurts", "doesn't fit", "does not fit", "wrong tooth", "mistake", "results", "didn't work", "did not work", "loose"},
	"cleanliness":    {"dirty", "filthy", "clean", "unclean", "smell", "smelled", "smelly", "gross", "unsanitary", "hygiene", "gloves", "mask", "masks"},
	"privacy":        {"privacy", "private", "hipaa", "my information", "my info", "posted", "confidential", "overheard", "everyone heard", "shared my"},
	"clinical":       {"is it normal", "is this normal", "symptom", "symptoms", "fever", "infection", "swelling", "bleeding", "pain", "medication", "antibiotic", "antibiotics", "ibuprofen", "tylenol", "advil", "dosage", "dose", "side effect", "side effects", "rash", "allergic", "allergy", "stitches", "healing", "heal", "numb", "eat after", "drink after", "brush after", "dry socket", "sensitive", "throbbing", "pregnant", "safe to", "is it safe"},
	"compliment":     {"thank you", "thanks", "amazing", "awesome", "great", "best", "love", "loved", "wonderful", "fantastic", "excellent", "recommend", "highly recommend", "friendly", "gentle", "kind", "professional", "5 stars", "five stars", "painless", "the best", "so happy", "grateful", "appreciate"},
	"complaint":      nil, // set when the comment is negative
	"general":        nil, // set when nothing else fits
}

// negativeWords and positiveWords score the comment's sentiment.
var negativeWords = []string{
	"terrible", "horrible", "awful", "worst", "bad", "rude", "unprofessional", "disappointed", "disappointing",
	"never again", "never going back", "won't be back", "will not be back", "not coming back", "waste", "wasted",
	"ridiculous", "unacceptable", "frustrated", "frustrating", "angry", "upset", "furious", "annoyed", "scam",
	"rip off", "ripoff", "overcharged", "double charged", "surprise bill", "still hurts", "still hurting", "hurt",
	"hurts", "painful", "pain", "botched", "messed up", "incompetent", "careless", "dirty", "filthy", "gross",
	"nobody answers", "no one answers", "never answer", "no one picks up", "on hold", "waited", "waiting for",
	"hour late", "an hour", "two hours", "45 minutes", "forever", "cancelled on me", "canceled on me", "no call",
	"never called", "didn't call", "never returned", "ignored", "dismissive", "condescending", "yelled", "snapped",
	"1 star", "one star", "zero stars", "0 stars", "avoid", "do not go", "don't go", "stay away", "beware",
	"lost my", "wrong", "mistake", "fell out", "fell off", "broke", "cracked", "infection", "infected", "swollen",
	"complain", "complaint", "not happy", "unhappy", "not impressed", "poor", "lousy", "sucks", "shady",
	"greedy", "lied", "lying", "liar", "hate", "hated", "not okay", "not ok", "so long", "too long", "late",
	"charged me", "billed me", "sent to collections", "collections", "overbooked", "rushed", "mean",
	"refund", "dismissed", "rough", "charged twice", "twice", "still waiting", "no response", "never heard back", "unprofessional", "hurting", "rude", "nightmare", "regret", "misdiagnosed", "not worth", "unfriendly", "disrespectful",
	"not listen", "didn't listen", "don't care", "doesn't care", "couldn't care", "no apology", "wtf", "smh",
	"pathetic", "humiliating", "humiliated", "embarrassing", "embarrassed", "barely", "upsold", "didn't need",
	"down the drain", "worse", "hung up", "never works", "doesn't work", "not working", "can't", "couldn't",
	"nobody", "no one", "still hasn't", "still haven't", "hasn't", "haven't heard", "why did",
	"why was", "why is", "why am", "should've", "should have", "supposed to", "no warning", "without warning",
	"dropped", "believed me", "stupid", "made me feel", "felt rushed", "surprise", "collection agency",
	"it's been a week", "been waiting", "been trying", "any update", "again", "in front of", "cancelled",
	"canceled", "come on", "seriously", "unbelievable", "ugh", "annoying", "terrible", "overpriced", "lost",
	"forgot", "forgotten", "never got", "never received", "still no", "no response", "no reply", "ignored",
	"disgusting", "shame", "shameful", "careless", "sloppy", "inappropriate", "uncomfortable", "insulted",
	"judged", "lecture", "lectured", "scared me", "not fair", "unfair", "billing me", "charged for",
	"i'm done", "im done", "fed up", "pushed me", "pushy", "pressured", "without asking", "without permission",
	"without my consent", "without my permission", "scar", "scarred",
	"where are they", "where is my", "left a scar", "shared my", "never told", "nobody told", "no one told",
	"useless", "mortifying", "refused", "dismissed", "rolled her eyes", "rolled his eyes", "rolled their eyes",
	"picks up", "nobody warned", "no one warned", "warned me", "turned out to be", "keep saying", "money back",
	"want my money", "burden", "loudly", "checking the clock", "kept checking", "past my appointment",
	"impossible", "can't get", "cannot get", "could not get", "couldn't get", "rescheduled me", "no-show fee",
}

// positiveOverrides are positive phrases built from negative words ("can't
// wait", "no pain"): words they cover do not count as negative.
var positiveOverrides = []string{"can't wait", "cannot wait", "can't thank", "can't stop smiling", "can't recommend",
	"couldn't be happier", "couldn't ask for", "no pain", "didn't hurt", "did not hurt", "never felt", "nothing but",
	"not a single", "no wait", "didn't wait", "barely waited", "never been happier", "can't believe how",
	"worst year", "worst time", "so nervous", "not scared", "wasn't scared", "no complaints", "again and again",
	"come back again", "back again", "see you again", "again!", "no issues", "no problems", "never had"}

// negatedComplaints complain after a negation: "nobody believed me" is no
// compliment.
var negatedComplaints = newLexSet("believed me", "made me feel", "supposed to", "should have", "should've")

// weakNegatives are complaint words that are often innocent ("can't wait",
// "I forgot", "nobody judged me"): two are needed, or one strong word.
var weakNegatives = newLexSet("can't", "couldn't", "nobody", "no one", "forgot", "forgotten", "again", "lost",
	"surprise", "hasn't", "should've", "should have", "supposed to", "dropped", "worse", "cancelled", "canceled",
	"in front of", "it's been a week", "been waiting", "been trying", "any update", "barely", "why did", "why was",
	"why is", "why am", "come on", "seriously", "late", "hurt", "hurts", "pain", "painful", "wrong", "forever",
	"an hour", "two hours", "waiting for", "wait", "waited", "still hurts", "still hurting", "swollen", "cracked",
	"broke", "fell out", "fell off", "infection", "infected", "refund", "complain", "hate", "mistake", "so long",
	"too long", "cold", "mean", "impossible", "bad", "poor", "ugh", "smh", "no response", "no reply")

var positiveWords = []string{
	"thank", "thanks", "thank you", "amazing", "awesome", "great", "best", "love", "loved", "loving",
	"wonderful", "fantastic", "excellent", "recommend", "highly recommend", "friendly", "gentle", "kind",
	"professional", "5 stars", "five stars", "painless", "so happy", "grateful", "appreciate", "appreciated",
	"perfect", "beautiful", "incredible", "outstanding", "superb", "caring", "sweet", "helpful", "the best",
	"shoutout", "shout out", "shout-out", "kudos", "blessed", "lucky", "favorite", "favourite", "❤", "❤️",
	"😍", "🥰", "🙏", "👏", "😊", "💕", "💙", "⭐", "nice", "comfortable", "easy", "smooth", "on time",
	"love my", "loving my", "happy with", "pleased", "impressed", "rock", "rocks", "angels", "angel",
}

var negators = newLexSet(fields(`not no never don't didn't isn't wasn't won't can't cannot nobody
	hardly barely without`)...)

var clinicalQuestionWords = []string{
	"is it normal", "is this normal", "normal to", "should i", "can i", "how long", "is it safe", "safe to",
	"what should", "what can i", "do i need", "do i have", "should it", "when can i", "how often",
	"is it okay", "is it ok", "ok to", "okay to", "what do i do", "what do you recommend", "what can i take",
	"how much ibuprofen", "how many", "supposed to",
}
var billingQuestionWords = []string{
	"do you take", "do you accept", "accept my", "take my", "is it covered", "covered by", "how much",
	"cost", "price", "payment plan", "financing", "in network", "in-network", "insurance", "bill", "billing",
	"charge", "charged", "copay", "deductible", "refund", "balance", "statement",
}

type commentLexicon struct {
	topics              *phraseSet
	negative, positive  *phraseSet
	clinicalQ, billingQ *phraseSet
}

var commentLex = sync.OnceValue(func() *commentLexicon {
	l := &commentLexicon{topics: newPhraseSet(), negative: newPhraseSet(), positive: newPhraseSet(),
		clinicalQ: newPhraseSet(), billingQ: newPhraseSet()}
	for tag, words := range Topics {
		l.topics.addAll(words, tag)
	}
	l.negative.addAll(negativeWords, "neg")
	l.positive.addAll(positiveWords, "pos")
	l.positive.addAll(positiveOverrides, "override")
	l.clinicalQ.addAll(clinicalQuestionWords, "q")
	l.billingQ.addAll(billingQuestionWords, "q")
	return l
})

// ClassifyComment reads a patient comment. Exported because the extension's
// popup tags comments with it for recurring topics and routing.
func (c *Compiled) ClassifyComment(text string) CommentInfo {
	if strings.TrimSpace(text) == "" {
		return CommentInfo{Kind: KindNone, Topics: []string{}}
	}
	return classify(Analyze(text))
}

func classify(d *Doc) CommentInfo {
	l := commentLex()
	topicSet := map[string]bool{}
	// Topic tags: the same phrase may belong to several topics.
	for i := range d.Words {
		l.topics.walk(d, i, func(_ int, tags []string) {
			for _, t := range tags {
				topicSet[t] = true
			}
		})
	}
	neg, pos, grateful, strongNeg, weakNeg := 0, 0, false, 0, 0
	covered := make([]bool, len(d.Words))
	for _, m := range l.positive.find(d) {
		for k := m.From; k < m.To; k++ {
			covered[k] = true
		}
		if m.Tag == "override" {
			continue
		}
		if negatedBefore(d, m.From) {
			neg++
			continue
		}
		pos++
		switch d.Words[m.From].Lower {
		case "thank", "thanks", "grateful", "appreciate", "appreciated", "love", "loved", "blessed":
			grateful = true
		}
	}
	for _, m := range l.negative.find(d) {
		if covered[m.From] {
			continue
		}
		phrase := d.Text[d.Words[m.From].Start:d.Words[m.To-1].End]
		if negatedBefore(d, m.From) && !negatedComplaints.has(strings.ToLower(phrase)) {
			pos++
			continue
		}
		neg++
		if weakNegatives.has(strings.ToLower(phrase)) {
			weakNeg++
		} else {
			strongNeg++
		}
	}
	for _, e := range []string{"😡", "😠", "🤬", "👎", "😤", "😞", "😢", "🙄", "😩", "😣", "😒"} {
		if strings.Contains(d.Text, e) {
			neg++
		}
	}
	for _, e := range []string{"❤", "😍", "🥰", "🙏", "👏", "😊", "💕", "💙", "⭐", "😁", "🤩"} {
		if strings.Contains(d.Text, e) {
			pos++
		}
	}
	question := strings.Contains(d.Text, "?")
	info := CommentInfo{}
	// Negative: more complaint signal than praise. Praise with a complaint
	// ("love the staff but waited 2 hours") still counts as a complaint.
	// "Does Invisalign hurt?" asks; it does not complain.
	if question && neg > 0 && neg == symptomOnly(d, l) {
		neg = 0
	}
	// Gratitude outweighs a single hard word ("worst year of my life, forever grateful").
	if grateful {
		info.Negative = neg > 0 && neg >= pos+2
	} else {
		info.Negative = neg > 0 && (neg >= pos || neg >= 2)
	}
	// One innocent word in a question or a happy comment ("I forgot lol",
	// "nobody judged me 💙") is not a complaint.
	if strongNeg == 0 && weakNeg == 1 && (question || pos > 0) {
		info.Negative = false
	}
	// A clinical question is about the asker's own body or medicine, not
	// "how long do braces take?" in general.
	personal := false
	for i, w := range d.Words {
		if firstPerson.at(d, i) || familyNouns.at(d, i) && w.Lower != "one" && w.Lower != "little" {
			personal = true
			break
		}
	}
	clinicalQ := (question || len(l.clinicalQ.find(d)) > 0) && (mentionsCondition(d) || (personal && topicSet["clinical"])) &&
		!(servicesQuestion(d) && !personal)
	billingQ := question && (len(l.billingQ.find(d)) > 0 || topicSet["billing"] || topicSet["insurance"])
	if clinicalQ && question && strongNeg < 2 {
		info.Negative = false
	}
	switch {
	case clinicalQ && (question || topicSet["clinical"]) && !(info.Negative && !question):
		info.Kind = KindClinical
	case info.Negative:
		info.Kind = KindComplaint
	case billingQ:
		info.Kind = KindBilling
	case question:
		info.Kind = KindQuestion
	case strings.Contains(d.Lower, "http") || strings.Contains(d.Lower, "www."):
		info.Kind = KindLink
	case pos > 0:
		info.Kind = KindCompliment
	default:
		info.Kind = KindOther
	}
	if info.Negative {
		topicSet["complaint"] = true
		delete(topicSet, "compliment")
	} else {
		// Complaint-only topics do not apply to praise ("the wait was short!").
		if pos > 0 {
			for _, t := range []string{"wait_time", "pain", "outcome", "staff_attitude", "cleanliness", "phone"} {
				delete(topicSet, t)
			}
		}
	}
	if info.Kind == KindClinical {
		topicSet["clinical"] = true
	} else {
		delete(topicSet, "clinical")
	}
	if info.Kind == KindBilling {
		topicSet["billing"] = true
	}
	if info.Kind == KindCompliment {
		topicSet["compliment"] = true
	} else if info.Kind != KindCompliment {
		delete(topicSet, "compliment")
	}
	if len(topicSet) == 0 {
		topicSet["general"] = true
	}
	info.Topics = make([]string, 0, len(topicSet))
	for t := range topicSet {
		info.Topics = append(info.Topics, t)
	}
	slices.Sort(info.Topics)
	return info
}

var symptomWords = newLexSet("hurt", "hurts", "painful", "pain", "swollen", "infection", "infected", "sore",
	"bleeding", "cracked", "broke", "loose", "fell", "worse", "can't", "couldn't", "should've", "should have", "again")

// symptomOnly counts negative matches that are symptoms, not grievances.
func symptomOnly(d *Doc, l *commentLexicon) int {
	n := 0
	for _, m := range l.negative.find(d) {
		if symptomWords.at(d, m.From) {
			n++
		}
	}
	return n
}

// mentionsCondition reports a condition, medication, symptom or procedure
// from the care vocabulary (not mere visits or bills).
func mentionsCondition(d *Doc) bool {
	care := builtins().care
	for i := range d.Words {
		if m, ok := care.matchAt(d, i); ok {
			switch m.Tag {
			case tagCondition, tagMedication:
				return true
			}
		}
		if bodySymptoms.at(d, i) {
			return true
		}
	}
	return false
}

var bodySymptoms = newLexSet(fields(`pain hurt hurts hurting sore swollen swelling bleeding bleed
	bleeds fever rash itchy itching cramps cramping infection infected throbbing numb numbness dizzy
	nausea nauseous ache aching pus lump bump chipped cracked sensitive sensitivity red redness
	discharge spotting vomiting cough coughing headache headaches floaters blurry stiff pregnant
	breastfeeding`)...)

// servicesQuestion: "Do you do COVID testing?" asks about the practice.
func servicesQuestion(d *Doc) bool {
	for s := range d.Sentences {
		ws := d.sentenceWords(s)
		if len(ws) >= 2 {
			a, b := ws[0].Lower, ws[1].Lower
			if (a == "do" || a == "does" || a == "are" || a == "can" || a == "is" || a == "will") &&
				(b == "you" || b == "your" || b == "y'all" || b == "u" || b == "there" || b == "ya") {
				return true
			}
		}
	}
	return false
}

// negatedBefore reports a negator among the two words before word i.
func negatedBefore(d *Doc, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if d.Words[k].Sentence != d.Words[i].Sentence {
			break
		}
		if negators.at(d, k) {
			return true
		}
	}
	return false
}
