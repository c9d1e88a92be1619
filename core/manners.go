package core

import "strings"

// MannersRule is the seed rule "Mind your manners": please and thank you go
// a long way, and a complaint deserves an apology.
var MannersRule = &Rule{
	Name:     "mind-your-manners",
	Doc:      "thank people for praise and links, apologise to complaints, say please, never be rude",
	Category: Manners,
	Run:      runManners,
}

var thanksWords = newLexSet(fields(`thank thanks thx ty appreciate appreciated appreciates grateful
	gracias merci kudos thankful`)...)
var apologyWords = newLexSet(fields(`sorry apologize apologise apologies apology apologizing regret
	regrets`)...)
var pleaseWords = newLexSet(fields("please pls plz kindly")...)

// rudePhrases are rude whatever the comment said.
var rudePhrases = []string{
	"read the sign", "whatever", "not our problem", "not our fault", "deal with it", "calm down", "get over it",
	"learn to read", "as we already said", "as we already told you", "like we said", "go somewhere else",
	"go elsewhere", "find another dentist", "find another doctor", "find another office", "take your business elsewhere",
	"don't come back", "do not come back", "you're not welcome", "stupid", "idiot", "ridiculous", "nonsense",
	"get a life", "grow up", "shut up", "be patient", "jump to conclusions", "before complaining", "give it time", "your problem", "too bad", "tough luck", "nobody cares", "who cares",
	"not our job", "figure it out", "obviously you", "clearly you didn't", "lol", "lmao", "smh", "ugh",
	"if you don't like it", "if you don't like", "cry about it", "entitled", "sorry not sorry",
}

// requestOpeners start a sentence that asks the community for a favour
// ("Fill out our survey."). Offers of help ("Call us at …") are not favours.
var requestOpeners = newLexSet(fields(`fill share leave tag vote complete follow like review
	subscribe rate sign click submit send tell nominate spread post`)...)

var greetWords = newLexSet(fields("hi hello hey yes sure absolutely definitely of great good")...)

// warmWords show a reply engages warmly with a kind comment.
var warmWords = newLexSet(fields(`welcome pleasure glad happy love loved yay congrats
	congratulations proud grateful anytime excited thrilled aww awesome amazing wonderful sweet joy
	privilege honored honoured delighted woohoo yes yesss`)...)

// warmText: exclamation, an emoji, or thanks in another language.
func warmText(t string) bool {
	if strings.Contains(t, "!") {
		return true
	}
	for _, r := range t {
		if r >= 0x1F300 || (r >= 0x2600 && r <= 0x27BF) {
			return true
		}
	}
	for _, s := range []string{"谢谢", "感谢", "ありがとう", "cảm ơn", "Cảm ơn", "gracias", "dziękuj", "Dziękuj", "merci", "danke", "obrigad"} {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

func runManners(p *Pass) {
	d := p.Reply
	if len(d.Words) == 0 {
		return
	}
	all := d.anyClass()
	has := func(set *lexSet) bool { return set.in(all) }
	for _, m := range p.Policy.rudePhrases.find(d) {
		if describedNotTold(d, m) {
			continue
		}
		sp := d.span(m.From, m.To)
		p.Report(Finding{Start: sp.Start, End: sp.End, Message: "comes across as rude",
			Suggestion: "stay warm: thank them, acknowledge the point, offer help"})
	}
	first := d.Sentences[0]
	switch p.Comment.Kind {
	case KindCompliment, KindLink:
		// A warm reply ("Yay!! So proud of you 💪") is fine without the word
		// "thanks"; a flat one that ignores the kindness is not.
		if !has(thanksWords) && !has(warmWords) && !warmText(d.Text) {
			p.Report(Finding{Start: first.Start, End: first.End, Message: "no thank-you for a kind comment or shared link",
				Suggestion: "start with a thank-you: \"Thank you so much for sharing this!\""})
		}
	case KindComplaint:
		if !has(apologyWords) {
			p.Report(Finding{Start: first.Start, End: first.End, Message: "no apology to a complaint",
				Suggestion: "open with a sincere, general apology: \"We're sorry to hear about this.\""})
		}
	}
	// A curt non-answer ("Check the website.") to someone who asked.
	if p.Comment.Kind != KindNone && len(d.Words) <= 6 && !has(thanksWords) && !has(pleaseWords) && !has(apologyWords) &&
		!has(warmWords) && !warmText(d.Text) && !has(greetWords) {
		p.Report(Finding{Start: first.Start, End: d.Sentences[len(d.Sentences)-1].End, Message: "curt reply",
			Suggestion: "answer warmly and fully: a greeting, the answer, and a thank-you"})
		return
	}
	// A bare imperative request without please, thanks or a softener.
	// Answering kindness, "Tell your grandpa happy birthday!" and "Tag us in
	// the wedding photos!" are warmth, not demands.
	warm := (p.Comment.Kind == KindCompliment || !p.Comment.Negative && p.Comment.Kind != KindNone) && (has(warmWords) || warmText(d.Text))
	if !has(pleaseWords) && !has(thanksWords) && !has(apologyWords) {
		for s := range d.Sentences {
			ws := d.sentenceWords(s)
			start := d.sentWords[s].Start
			if len(ws) >= 3 && requestOpeners.at(d, start) && !(warm && friendlyAsks.at(d, start)) && !subjectPronouns.at(d, start+1) {
				sp := d.Sentences[s]
				p.Report(Finding{Start: sp.Start, End: sp.End, Message: "asks for something without a please",
					Suggestion: "add \"please\": people respond to being asked politely"})
				break
			}
		}
	}
}

// subjectPronouns after an opener make it a clause, not a request: "Like we
// always say, …", "Share you must!" is rare enough to miss.
var subjectPronouns = newLexSet(fields("we i you they he she it we've we're i've i'm")...)

var friendlyAsks = newLexSet(fields("tell tag send share")...)

// rudeWhenTold are rude phrases that describe rather than order when a
// subject comes first: "it should calm down in a day", "we'll figure it
// out", "watching you grow up".
var rudeWhenTold = newLexSet(fields("calm figure grow give deal get")...)

var describingSubjects = newLexSet(fields(`it it'll we we'll we're they they'll should will can
	could would may might watching watch seeing see helping help let to gonna`)...)

func describedNotTold(d *Doc, m phraseMatch) bool {
	if !rudeWhenTold.at(d, m.From) || m.From == 0 || d.Words[m.From-1].Sentence != d.Words[m.From].Sentence {
		return false
	}
	prev := m.From - 1
	if d.Words[prev].Lower == "you" && prev > 0 {
		prev-- // "watching you grow up": the verb before "you" decides
	}
	if d.Words[prev].Lower == "to" && prev > 0 {
		switch d.Words[prev-1].Lower {
		case "need", "have", "got", "just":
			return false // "you need to calm down"
		}
	}
	return describingSubjects.at(d, prev)
}
