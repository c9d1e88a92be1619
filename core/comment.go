package core

import (
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/text"
	"maps"
	"slices"
	"strings"
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
	"wait_time":      lex.Data(listCommentTopicWaitTime),
	"billing":        lex.Data(listCommentTopicBilling),
	"insurance":      lex.Data(listCommentTopicInsurance),
	"cost":           lex.Data(listCommentTopicCost),
	"phone":          lex.Data(listCommentTopicPhone),
	"scheduling":     lex.Data(listCommentTopicScheduling),
	"parking":        lex.Data(listCommentTopicParking),
	"staff_attitude": lex.Data(listCommentTopicStaffAttitude),
	"pain":           lex.Data(listCommentTopicPain),
	"outcome":        lex.Data(listCommentTopicOutcome),
	"cleanliness":    lex.Data(listCommentTopicCleanliness),
	"privacy":        lex.Data(listCommentTopicPrivacy),
	"clinical":       lex.Data(listCommentTopicClinical),
	"compliment":     lex.Data(listCommentTopicCompliment),
	"complaint":      nil, // set when the comment is negative
	"general":        nil, // set when the comment is nothing else fits
}

// topicLists are Topics as vocabulary, one list per topic.
var topicLists = func() map[string]*lex.List {
	m := map[string]*lex.List{}
	for _, t := range slices.Sorted(maps.Keys(Topics)) {
		if ws := Topics[t]; ws != nil {
			m[t] = lex.New("comment/topic_"+t, ws...)
		}
	}
	return m
}()

// topicOf maps a list back to its topic.
var topicOf = func() map[lex.ID]string {
	m := map[lex.ID]string{}
	for t, l := range topicLists {
		m[l.ID] = t
	}
	return m
}()

// negativeWords and positiveWords score the comment's sentiment.
var negativeWords = lex.New("comment/negative_words", lex.Data(listCommentNegativeWords)...)

// positiveOverrides are positive phrases built from negative words ("can't
// wait", "no pain"): words they cover do not count as negative.
var positiveOverrides = lex.New("comment/positive_overrides", lex.Data(listCommentPositiveOverrides)...)

// negatedComplaints complain after a negation: "nobody believed me" is no
// compliment.
var negatedComplaints = lex.New("comment/negated_complaints", lex.Data(listCommentNegatedComplaints)...)

// weakNegatives are complaint words that are often innocent ("can't wait",
// "I forgot", "nobody judged me"): two are needed, or one strong word.
var weakNegatives = lex.New("comment/weak_negatives", lex.Data(listCommentWeakNegatives)...)

var positiveWords = lex.New("comment/positive_words", lex.Data(listCommentPositiveWords)...)

var negators = lex.New("comment/negators", lex.Data(listCommentNegators)...)

var clinicalQuestionWords = lex.New("comment/clinical_question_words", lex.Data(listCommentClinicalQuestionWords)...)
var billingQuestionWords = lex.New("comment/billing_question_words", lex.Data(listCommentBillingQuestionWords)...)

var (
	negativeGroup = negativeWords.Group
	positiveGroup = lex.NewGroup(positiveWords, positiveOverrides)
)

// ClassifyComment reads a patient comment. Exported because the extension's
// popup tags comments with it for recurring topics and routing.
func (c *Compiled) ClassifyComment(s string) CommentInfo {
	if strings.TrimSpace(s) == "" {
		return CommentInfo{Kind: KindNone, Topics: []string{}}
	}
	return classify(lex.Index(nil, text.Analyze(s), c.ext))
}

func classify(d *Doc) CommentInfo {
	topicSet := map[string]bool{}
	// Topic tags: the same phrase may belong to several topics.
	for i := range d.Words {
		for _, m := range d.At(i) {
			if t, ok := topicOf[m.List]; ok {
				topicSet[t] = true
			}
		}
	}
	neg, pos, grateful, strongNeg, weakNeg := 0, 0, false, 0, 0
	covered := make([]bool, len(d.Words))
	for _, m := range d.Find(positiveGroup) {
		for k := m.From; k < m.To; k++ {
			covered[k] = true
		}
		if m.List == positiveOverrides.ID {
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
	for _, m := range d.Find(negativeGroup) {
		if covered[m.From] {
			continue
		}
		phrase := d.Text[d.Words[m.From].Start:d.Words[m.To-1].End]
		if negatedBefore(d, m.From) && !negatedComplaints.Has(strings.ToLower(phrase)) {
			pos++
			continue
		}
		neg++
		if weakNegatives.Has(strings.ToLower(phrase)) {
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
	if question && neg > 0 && neg == symptomOnly(d) {
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
		if d.Is(i, firstPerson) || d.Is(i, familyNouns) && w.Lower != "one" && w.Lower != "little" {
			personal = true
			break
		}
	}
	clinicalQ := (question || d.Contains(clinicalQuestionWords)) && (mentionsCondition(d) || (personal && topicSet["clinical"])) &&
		!(servicesQuestion(d) && !personal)
	billingQ := question && (d.Contains(billingQuestionWords) || topicSet["billing"] || topicSet["insurance"])
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

var symptomWords = lex.New("comment/symptom_words", lex.Data(listCommentSymptomWords)...)

// symptomOnly counts negative matches that are symptoms, not grievances.
func symptomOnly(d *Doc) int {
	n := 0
	for _, m := range d.Find(negativeGroup) {
		if d.Is(m.From, symptomWords) {
			n++
		}
	}
	return n
}

// mentionsCondition reports a condition, medication, symptom or procedure
// from the care vocabulary (not mere visits or bills).
func mentionsCondition(d *Doc) bool {
	for i := range d.Words {
		if m, ok := careAt(d, i); ok {
			switch m.List {
			case care.Conditions.ID, care.Medications.ID:
				return true
			}
		}
		if d.Is(i, bodySymptoms) {
			return true
		}
	}
	return false
}

var bodySymptoms = lex.New("comment/body_symptoms", lex.Data(listCommentBodySymptoms)...)

// servicesQuestion: "Do you do COVID testing?" asks about the practice.
func servicesQuestion(d *Doc) bool {
	for s := range d.Sentences {
		ws := d.SentenceWords(s)
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
		if d.Is(k, negators) {
			return true
		}
	}
	return false
}
