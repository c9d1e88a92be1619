package core

import (
	"strings"
	"unicode"
)

// ConductRule covers the seed's advice on negative comments: stay calm, be
// genuine, and move the matter offline.
var ConductRule = &Rule{
	Name:     "negative-comments",
	Doc:      "replies to complaints must stay calm, never argue in public, and offer a private channel",
	Category: Conduct,
	Run:      runConduct,
}

// defensivePhrases by kind; the tag picks the message.
var defensivePhrases = map[string][]string{
	"dispute": {"that's not what happened", "that is not what happened", "that's not true", "that is not true",
		"that's simply not true", "simply not true", "not accurate", "inaccurate", "that's false", "is false",
		"completely false", "that never happened", "did not happen", "didn't happen", "per our records",
		"per our sign-in log", "our sign-in log", "sign-in log", "our log shows", "our logs show", "our records show",
		"according to our records", "our system shows", "the facts are", "for the record", "to set the record straight",
		"set the record straight", "let's be clear", "let me be clear", "to be clear", "actually", "in fact",
		"contrary to", "you claim", "you claimed", "your claim that", "misrepresent", "misrepresenting",
		"we did nothing wrong", "we did everything right", "we followed protocol", "we followed policy",
		"we stand by", "we disagree", "you are mistaken", "you're mistaken", "you are wrong", "you're wrong",
		"we have no record", "there is no record", "camera footage", "security footage", "our cameras",
		"clearly said", "clearly stated", "clearly explained", "clearly", "known risk", "went over with you",
		"as discussed", "we discussed", "jump to conclusions", "not chatting", "not our fault", "not on us",
		"not arrival", "not the er", "however", "policy is", "our policy", "per our policy", "that's not on us"},
	"blame": {"you were late", "you arrived late", "you showed up late", "you came late", "you didn't", "you did not",
		"you failed to", "you never", "you should have", "you should've", "if you had", "if you'd", "it's your responsibility",
		"it is your responsibility", "your responsibility", "your fault", "you chose", "you refused", "you were told",
		"we told you", "you were informed", "you were warned", "you signed", "as stated in our policy", "as stated",
		"as our policy states", "you agreed", "you missed", "you no-showed", "you forgot", "you were rude", "you yelled",
		"your own fault", "you need to understand", "you must understand", "you have to understand"},
	"legal": {"lawyer", "lawyers", "attorney", "attorneys", "legal action", "legal counsel", "defamation",
		"defamatory", "slander", "slanderous", "libel", "libelous", "sue", "sue you", "lawsuit", "cease and desist",
		"take this down", "remove this review", "remove your review", "delete this review", "legal team", "in court", "to court", "small claims"},
	"sarcasm": {"sorry you feel that way", "sorry you feel", "sorry if you feel", "sorry that you feel", "must be nice",
		"good luck with that", "good luck finding", "thanks for the 1 star", "thanks for the one star", "oh well",
		"nice try", "bless your heart", "we'll be sure to", "wow", "interesting that", "funny how", "funny that",
		"we're so sorry you had to wait a whole", "sorry we're not perfect", "newsflash", "shocking"},
}

var conductMessages = map[string]string{
	"dispute":   "disputes the complaint in public",
	"blame":     "blames the person who complained",
	"legal":     "threatens or mentions legal action in public",
	"sarcasm":   "sounds sarcastic or dismissive",
	"defensive": "sounds defensive",
}

// contactPhrases offer a private channel.
var contactWords = newLexSet(fields(`call calling phone message messages dm dms pm inbox email
	e-mail contact reach text ring privately private offline directly speak talk chat connect visit
	stop ask messenger touch personally discuss`)...)

// resolvedPhrases: the reply fixes a general practice matter in general terms.
var resolvedPhrases = []string{"we've updated", "we have updated", "we updated", "we've fixed", "we have fixed",
	"we fixed", "has been fixed", "have been fixed", "is fixed", "we stopped", "we no longer", "we're fixing",
	"we are fixing", "we're working on", "we are working on", "we're updating", "we are updating", "we've added",
	"we have added", "we added", "we've changed", "we have changed", "we changed", "we now", "we've hired",
	"we have hired", "we hired", "we're adding", "we are adding", "we've extended", "we extended", "is now",
	"are now", "starting next", "starting monday", "new phone system", "we've corrected", "we corrected",
	"has been corrected", "we've removed", "we removed", "we've switched", "we switched", "we ordered", "we've ordered",
	"we have ordered", "have been ordered", "we replaced", "we've replaced", "has been replaced", "have been replaced",
	"retired", "upgraded", "installed", "we've hired", "officially"}

var resolvedSet = func() *phraseSet { ps := newPhraseSet(); ps.addAll(resolvedPhrases, "resolved"); return ps }()

// generalTopics are practice-wide matters that a public fix can resolve.
var generalTopics = map[string]bool{"parking": true, "insurance": true, "phone": true, "scheduling": true,
	"cleanliness": true, "general": true, "cost": true, "complaint": true, "wait_time": true}

// shoutingOK are all-caps words that are not shouting.
var shoutingOK = newLexSet(fields(`hipaa ppo hmo ada dds dmd md cpr asap faq usa covid tmj mri ct ok
	np pa rn ob gyn er icu eob fsa hsa pt dpt od ent adhd ptsd std hiv uti ivf iud otc rx pcp llc
	pllc pc am pm est pst cst mst usd id dm pm tv ceo vip nyc la ny`)...)

func runConduct(p *Pass) {
	if !p.Comment.Negative {
		return
	}
	d := p.Reply
	if len(d.Words) == 0 {
		return
	}
	found := p.Policy.defensivePhrases.find(d)
	channel := offersPrivateChannel(p, d)
	for _, m := range found {
		if m.Tag == "dispute" && d.Words[m.From].Lower == "actually" && m.To-m.From == 1 && !startsSentence(d, m.From) {
			continue // "we actually added hours" is not a dispute
		}
		// "We're sorry you feel that way … please call Rosa" is clumsy but
		// not dismissive; with a "but" or no way to follow up, it is.
		if m.Tag == "sarcasm" && len(found) == 1 && channel && d.Words[m.From].Lower == "sorry" && !butAfter(d, m.To) {
			continue
		}
		sp := d.span(m.From, m.To)
		p.Report(Finding{Start: sp.Start, End: sp.End, Message: conductMessages[m.Tag],
			Suggestion: "don't argue details in public: apologise generally and offer to talk privately"})
	}
	for _, sp := range shouting(d) {
		p.Report(Finding{Start: sp.Start, End: sp.End, Message: "shouting (all caps or repeated exclamation marks)",
			Suggestion: "write in a calm, normal case"})
	}
	if !channel && !resolvesInGeneral(p, d) {
		last := d.Sentences[len(d.Sentences)-1]
		p.Report(Finding{Start: 0, End: last.End, Message: "no private way to follow up on a complaint",
			Suggestion: "invite them to call or message the office so you can make it right privately"})
	}
}

// butAfter reports "but"/"however" within four words after word i.
func butAfter(d *Doc, i int) bool {
	for k := i; k < len(d.Words) && k < i+4; k++ {
		if w := d.Words[k].Lower; w == "but" || w == "however" {
			return true
		}
	}
	return false
}

func startsSentence(d *Doc, i int) bool {
	return i == 0 || d.Words[i-1].Sentence != d.Words[i].Sentence
}

// channelPhrases invite the person to continue privately, or promise to
// reach them ("we'll call you"). "We'll talk to the team" is not one.
var channelPhrases = []string{"call us", "call our", "call me", "call the office", "call the front desk",
	"call directly", "give us a call", "give us a ring", "give me a call", "message us", "message me",
	"message our", "dm us", "dm me", "pm us", "inbox us", "email us", "email me", "email our", "text us",
	"contact us", "contact our", "contact me", "reach out", "reach us", "reach me", "get in touch",
	"send us a message", "send us a dm", "send us a note", "send us an email", "send me a message",
	"we'll call you", "we will call you", "we'd like to call you", "we'll reach out", "we will reach out",
	"we'll contact you", "we will contact you", "we'll be in touch", "will give you a call", "we'll give you a call",
	"ask for", "speak with", "speak to", "talk with", "talk to you", "talk with you", "chat with you",
	"stop by the front desk", "privately", "private message", "direct message", "offline", "by phone",
	"over the phone", "on the phone", "messenger", "call", "please call", "call 555", "reach our",
	"connect with you", "follow up with you", "follow up directly", "contact you directly", "call you directly",
	"come in so we can", "let us know how to reach you", "your number", "will call you", "call you",
	"reach you", "contact you", "email you", "text you", "message you"}

var channelSet = func() *phraseSet { ps := newPhraseSet(); ps.addAll(channelPhrases, "channel"); return ps }()

// offersPrivateChannel: an invitation to call or message, a promise to
// reach the person, a phone number or an email address.
func offersPrivateChannel(p *Pass, d *Doc) bool {
	// "A member of our team will contact you" is boilerplate, not a channel.
	boiler := make([]bool, len(d.Words))
	for _, m := range p.Policy.cannedPhrases.find(d) {
		if m.Tag == "strong" {
			for k := m.From; k < m.To; k++ {
				boiler[k] = true
			}
		}
	}
	for _, m := range channelSet.find(d) {
		if boiler[m.From] {
			continue
		}
		w := d.Words[m.From].Lower
		// A bare "call" counts only as an invitation, not "a call from you".
		if w == "call" && m.To-m.From == 1 && m.From > 0 && !pleaseWords.at(d, m.From-1) && d.Words[m.From].Sentence == d.Words[m.From-1].Sentence {
			continue
		}
		// "ask for Dana" names a contact; "we ask for patience" does not.
		if w == "ask" && m.From > 0 && firstPerson.at(d, m.From-1) {
			continue
		}
		return true
	}
	for _, w := range d.Words {
		if strings.Contains(w.Lower, "@") {
			return true
		}
	}
	for _, r := range d.numberRuns() {
		if isPhone(r) {
			return true
		}
	}
	return false
}

// resolvesInGeneral: a complaint about a practice-wide matter that the reply
// fixes in general terms needs no private channel.
func resolvesInGeneral(p *Pass, d *Doc) bool {
	for _, t := range p.Comment.Topics {
		if !generalTopics[t] {
			return false
		}
	}
	return len(resolvedSet.find(d)) > 0
}

// shouting finds runs of two or more all-caps words and "!!" runs.
func shouting(d *Doc) []Span {
	var out []Span
	runStart, runLen := -1, 0
	flush := func(end int) {
		if runLen >= 2 {
			out = append(out, Span{d.Words[runStart].Start, d.Words[end].End})
		}
		runStart, runLen = -1, 0
	}
	for i, w := range d.Words {
		s := d.Text[w.Start:w.End]
		if isAllCaps(s) && len([]rune(s)) >= 3 && !shoutingOK.has(w.Lower) {
			if runStart < 0 {
				runStart = i
			}
			runLen++
			continue
		}
		if runStart >= 0 {
			flush(i - 1)
		}
	}
	if runStart >= 0 {
		flush(len(d.Words) - 1)
	}
	for i := 0; i+1 < len(d.Text); i++ {
		if d.Text[i] == '!' && d.Text[i+1] == '!' {
			j := i
			for j < len(d.Text) && (d.Text[j] == '!' || d.Text[j] == '?' || d.Text[j] == '1') {
				j++
			}
			out = append(out, Span{i, j})
			i = j
		}
	}
	return out
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 2
}
