// Package conduct is the rule on negative comments: stay calm, never argue
// in public, and offer a private channel.
package conduct

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/replyguard/replyguard/core/analyses/comment"
	"github.com/replyguard/replyguard/core/analyses/complaint"
	"github.com/replyguard/replyguard/core/analyses/stock"
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/lex/words"
	"github.com/replyguard/replyguard/core/text"
)

// Rule covers the seed's advice on negative comments: stay calm, be
// genuine, and move the matter offline.
var Rule = &analysis.Rule{
	Name:     "negative-comments",
	Doc:      "replies to complaints must stay calm, never argue in public, and offer a private channel (unless the reply is one)",
	Category: analysis.Conduct,
	Requires: []*analysis.Analyzer{comment.Analyzer, complaint.Analyzer, stock.Analyzer},
	Run:      runConduct,
}

// defensivePhrases by kind; the tag picks the message.
var (
	dispute = &vocabLists[listDispute]
	blame   = &vocabLists[listBlame]
	sarcasm = &vocabLists[listSarcasm]
	cold    = &vocabLists[listColdAnswers]
	// PolicyPhrases holds the policy's own defensive phrases.
	PolicyPhrases = lex.New("conduct/defensive")

	// Phrases are every defensive phrase, in the order their messages win.
	Phrases = lex.NewGroup(dispute, blame, cold, sarcasm, PolicyPhrases)
)

// BuiltinPhrases are the built-in defensive lists, which a policy may reduce.
func BuiltinPhrases() []*lex.List {
	return []*lex.List{dispute, blame, cold, sarcasm}
}

var conductMessages = map[*lex.List]string{
	dispute:       "disputes the complaint in public",
	blame:         "blames the person who complained",
	cold:          "passes the complaint off, talks down or threatens",
	sarcasm:       "sounds sarcastic or dismissive",
	PolicyPhrases: "sounds defensive",
}

// apologyWords regret what happened; wishWords follow "if you'd" in an offer.
var (
	apologyWords = &vocabLists[listApologyWords]
	wishWords    = &vocabLists[listWishWords]
)

// contactPhrases offer a private channel.
var contactWords = &vocabLists[listContactWords]

// resolvedPhrases: the reply fixes a general practice matter in general terms.
var resolvedPhrases = &vocabLists[listResolvedPhrases]

// generalTopics are practice-wide matters that a public fix can resolve;
// thingTopics are too when the comment names nothing of the writer's own.
var (
	generalTopics = dataLists[listGeneralTopics]
	thingTopics   = dataLists[listThingTopics]
	// placeTopics name a place of the practice's (the garage); beside
	// one, placeCompanions (a fee, a broken machine) describe the place,
	// even in a comment about the writer's own trouble ("I had to pay $18
	// because the gate machine broke").
	placeTopics     = dataLists[listPlaceTopics]
	placeCompanions = dataLists[listPlaceCompanions]
	// placeWords name such a place in a reply.
	placeWords = dataLists[listPlaceWords]
)

// shoutingOK are all-caps words that are not shouting.
var shoutingOK = &vocabLists[listShoutingOK]

// talkPrivately is the fix for arguing in public, whatever form it takes.
const talkPrivately = "don't argue details in public: apologise generally and offer to talk privately"

func runConduct(p *analysis.Pass) {
	d := p.Reply
	answered, inferred := complaint.Answered(p), complaint.Inferred(p)
	// A taunt ("enjoy your flu") mocks whatever the comment.
	for _, sp := range taunts(d) {
		mocks(p, sp, "mocks the person")
	}
	// A cold answer (handing the matter to someone else, a threat to
	// remove the post, "as we already explained") to a comment that
	// speaks to the practice answers a complaint whatever the comment
	// reads as: a grievance read as a question or as praise ("…and your
	// office won't help. Fantastic.") gets one only when it complained.
	// Passing on news of a third person ("updates will come from the
	// school, not us") answers no one's grievance.
	c := comment.Of(p)
	if !answered && c.Kind != comment.Other && !complaint.GrievanceAsked(c) && !grievanceQuestion(c) && !(d.Contains(cold) && spokenTo(p.Comment)) || len(d.Words) == 0 {
		reportMockedQuotes(p, d)
		return
	}
	found := d.Find(Phrases)
	// cues counts the findings of manner: a calm reply (none) may settle
	// some comments in public (settledInPublic).
	cues := 0
	report := func(f analysis.Finding) { cues++; p.Report(f) }
	// A retort question ("Have you tried updating your app?") turns a
	// remark read as no complaint back on the person, as a blame phrase
	// does.
	if !answered && (!argues(d, found) && !handsOff(d, found) && !(grievanceQuestion(c) && rebuffs(d, found)) &&
		!(c.Kind == comment.Other && len(retorts(d)) > 0) || complaint.Thanked(d)) {
		reportMockedQuotes(p, d)
		return
	}
	// A remark the comment reading takes for no complaint ("Total
	// upsell.") is one when the reply argues with it: its dispute or
	// blame phrases show what it answers, as blaming the person does
	// (complaint.Inferred), and the guess is as weak.
	if !answered {
		inferred = true
	}
	// Under a complaint, a reply made mostly of stock phrases ("Thank you
	// for your feedback! Please DM us.") is the reply it would get under
	// anything: its DM line ignores the complaint rather than take it
	// offline (REPLY-RULES: boilerplate that ignores the complaint).
	channel := offersPrivateChannel(p, d) && !(comment.Of(p).Kind != comment.None && mostlyStock(p, d))
	for _, m := range found {
		if benign(d, found, m, channel) {
			continue
		}
		sp := d.WordSpan(m.From, m.To)
		msg, suggestion := conductMessages[lex.ByID(m.List)], talkPrivately
		if p.Input.Private { // the details may be discussed there, not argued
			suggestion = "stay calm: acknowledge how they feel before going into the details"
			if m.List == dispute.ID {
				msg = "argues with the person's account of what happened"
			}
		}
		// A manager's own phrase is policy; a built-in one is a word-level
		// cue the learned score may weigh (core/scorer.go).
		report(analysis.Finding{Start: sp.Start, End: sp.End, Message: msg, Suggestion: suggestion, Weak: m.List != PolicyPhrases.ID})
	}
	for _, sp := range rebuttedApologies(d) {
		if phrasedIn(d, found, sp) {
			continue // "sorry, but that's not what happened": one finding
		}
		msg, suggestion := conductMessages[dispute], "apologise without a \"but\": keep their details for a private call"
		if p.Input.Private {
			msg = "argues with the person's account of what happened"
		}
		report(analysis.Finding{Start: sp.Start, End: sp.End, Message: msg, Suggestion: suggestion, Weak: true})
	}
	// A bare order to go and read the sign is a reproach too (a sentence
	// opening with "maybe" is never one, so none is reported twice).
	for _, sp := range append(complaint.Reproaches(d), complaint.Orders(d)...) {
		if phrasedIn(d, found, sp) {
			continue // one finding per reproach
		}
		report(analysis.Finding{Start: sp.Start, End: sp.End, Message: conductMessages[blame],
			Suggestion: talkPrivately, Weak: true})
	}
	for _, sp := range retorts(d) {
		if phrasedIn(d, found, sp) {
			continue // one finding per retort
		}
		report(analysis.Finding{Start: sp.Start, End: sp.End, Message: conductMessages[blame],
			Suggestion: talkPrivately, Weak: true})
	}
	for _, sp := range complaint.ScareQuotes(d) {
		report(analysis.Finding{Start: sp.Start, End: sp.End, Message: "quotes the person's words back in scare quotes",
			Suggestion: talkPrivately, Weak: true})
	}
	// An eye-roll or shrug at a complaint is sarcasm, and a fix offered
	// with one is no fix ("We'll hire a mind reader 🙄").
	sneer, sneered := complaint.Sneer(d)
	sneered = sneered && !sheepish(p, d, sneer)
	if sneered && !phrasedIn(d, found, sneer) {
		report(analysis.Finding{Start: sneer.Start, End: sneer.End, Message: conductMessages[sarcasm],
			Suggestion: talkPrivately, Weak: true})
	}
	for _, sp := range shouting(d) {
		report(analysis.Finding{Start: sp.Start, End: sp.End, Message: "shouting (all caps or repeated exclamation marks)",
			Suggestion: "write in a calm, normal case", Weak: true})
	}
	// A private message already is the private channel. A public
	// complaint left with no way to follow up is structural, strong
	// evidence: the learned score never demotes it. When only the reply's
	// rebuttal shows the comment complained, the complaint is a guess the
	// score may weigh; so is the need for a channel when the complaint is
	// about a practice-wide matter and names nothing of the writer's own
	// (practiceWide): the reply may have settled it in words the rule does
	// not read as a fix.
	if !channel && !p.Input.Private && (sneered || !resolvesInGeneral(p, d)) && !(cues == 0 && len(found) == 0 && settledInPublic(p, d)) {
		last := d.Sentences[len(d.Sentences)-1]
		report(analysis.Finding{Start: 0, End: last.End, Message: "no private way to follow up on a complaint",
			Suggestion: "invite them to call or message the office so you can make it right privately", Weak: inferred || practiceWide(comment.Of(p))})
	}
}

// grievanceQuestion: comment c asks a question that carries a grievance
// ("Three weeks to see anyone?! Unreal.", "A second charge for one
// x-ray? Seriously?"): the reading takes it for a question, which a
// careless answer may answer, but an answer that rebuffs it (rebuffs)
// argues with the grievance. A question about health counts only when the
// writer speaks of their own case ("my stitches still hurt after a month,
// why will nobody see me?"): "is dizziness after a flu shot normal?" has
// only a symptom's words.
func grievanceQuestion(c *comment.Info) bool {
	return (c.Kind == comment.Question || c.Kind == comment.Billing) && c.Grievance && (!c.Health || c.Personal || c.Service)
}

// rebuffs: reply d meets a grievance with a cue of bad manner that a
// plain question would not draw: an apology taken back ("sorry, but that
// is our policy"), a reproach ("Maybe plan ahead next time"), shouting,
// an eye-roll, or a sarcastic phrase the rule does not excuse (found: d's
// defensive phrases). Scare quotes are left out: under a question they
// may only name a menu ("under 'Billing'"). Read only under a grievance
// question that nothing else showed to be a complaint, so the extra walks
// are rare.
func rebuffs(d *lex.Doc, found []lex.Match) bool {
	for _, m := range found {
		if m.List == sarcasm.ID && !benign(d, found, m, false) {
			return true
		}
	}
	_, sneered := complaint.Sneer(d)
	return sneered || len(shouting(d)) > 0 || len(rebuttedApologies(d)) > 0 || len(complaint.Reproaches(d)) > 0 || len(retorts(d)) > 0
}

// Retort words are compared directly: as vocabulary they would be scorer
// facts in most replies.
var (
	retortOpeners = dataLists[listRetortOpeners]
	retortLeadIns = dataLists[listRetortLeadIns]
)

// retorts finds questions that turn a complaint back on the person: a
// sentence ending in a question mark that opens, past any lead-in word,
// with one of retortOpeners ("Did you even read the form?", "lol have you
// tried turning it off?", "Why would you post this instead of calling?",
// "Would you rather we rushed her?"). Only read once a reply is past the
// rule's reading of the comment, so the walk is rare.
func retorts(d *lex.Doc) []text.Span {
	var out []text.Span
	for s, sent := range d.Sentences {
		if !strings.Contains(d.Text[sent.Start:sent.End], "?") {
			continue
		}
		k, to := d.SentWords[s].Start, d.SentWords[s].End
		for n := 0; n < 2 && k < to && in(retortLeadIns, d.Words[k].Lower); n++ {
			k++
		}
		for _, o := range retortOpeners {
			if opensWith(d, k, to, o) {
				out = append(out, sent)
				break
			}
		}
	}
	return out
}

// opensWith: words k… (before to) are the words of phrase, in order.
func opensWith(d *lex.Doc, k, to int, phrase string) bool {
	for w := range strings.FieldsSeq(phrase) {
		if k >= to || d.Words[k].Lower != w {
			return false
		}
		k++
	}
	return true
}

// benign: the defensive phrase m of found is no bad manner in reply d
// (channel: d offers a private channel).
func benign(d *lex.Doc, found []lex.Match, m lex.Match, channel bool) bool {
	switch m.List {
	case dispute.ID:
		// "we actually added hours" is not a dispute.
		return d.Words[m.From].Lower == "actually" && m.To-m.From == 1 && !d.StartsSentence(m.From) ||
			m.To-m.From == 1 && in(ownedAdverbs, d.Words[m.From].Lower) && (owned(d, m.From) || channel && regretsAlong(d, m.From) && !in(rebuttedPersons, d.Words[m.From-1].Lower)) ||
			statesPolicy(d, m) || ownedDenial(d, m)
	case sarcasm.ID:
		// "We're sorry you feel that way … please call Rosa" is clumsy but
		// not dismissive; with a "but" or no way to follow up, it is.
		// What follows it must turn to the person: "Sorry you feel that
		// way. Our surgeons are the best in the state. DM us" speaks up
		// for the practice instead.
		return len(found) == 1 && channel && d.Words[m.From].Lower == "sorry" && !butAfter(d, m.To) && (turnsToPerson(d, m) || sincere(d, m.From))
	case blame.ID:
		return apologisedFor(d, m.From) || complaint.Welcomed(d, m.From) || offered(d, m) || owedToThem(d, m) ||
			channel && regretsAlong(d, m.From)
	case cold.ID:
		return excused(d, m)
	}
	return false
}

// excused: the cold answer at m explains or jokes: "Sorry! The landlord
// sets it, not us, but we just added free hours" turns to a fix, "Not us
// celebrating 1,000 smiles!" jokes about the practice, and "that was not
// us" denies a scam call was the practice.
func excused(d *lex.Doc, m lex.Match) bool {
	return butAfter(d, m.To) && d.Contains(apologyWords) || handsNothing(d, m.From)
}

// spokenTo: comment c addresses the practice ("your office", "you guys").
func spokenTo(c *lex.Doc) bool {
	if c == nil {
		return false
	}
	for i := range c.Words {
		if in(rebuttedPersons, c.Words[i].Lower) {
			return true
		}
	}
	return false
}

// handsOff: one of the cold answers found stands.
func handsOff(d *lex.Doc, found []lex.Match) bool {
	for _, m := range found {
		if m.List == cold.ID && !excused(d, m) {
			return true
		}
	}
	return false
}

// turnsToPerson: after the non-apology at m, the reply turns to the
// person: its sentence goes on, or the next one invites, offers or
// wishes (a non-apology, then "Do ring Rosa at the front desk"), rather
// than speaking up for the practice.
func turnsToPerson(d *lex.Doc, m lex.Match) bool {
	s := d.Words[m.From].Sentence
	if m.To < len(d.Words) && d.Words[m.To].Sentence == s || s+1 >= len(d.Sentences) {
		return true
	}
	for k := d.SentWords[s+1].Start; k < d.SentWords[s+1].End; k++ {
		if in(offerWords, d.Words[k].Lower) || d.Is(k, contactWords) {
			return true
		}
	}
	return false
}

// sincereIntensifiers make a non-apology sincere ("truly sorry").
var sincereIntensifiers = &wordSets[listSincereIntensifiers] // (read per word: by hash first)

// sincere: the "sorry" at word i is intensified ("we're deeply sorry you
// felt that way"): with a way to follow up and no "but", it apologises,
// even when a sentence about the practice's values comes before the
// invitation ("Nobody should feel small asking. Please ring Marisol").
//
// One that goes on to explain the complaint away ("… Dr. Lee only raised
// it because of your readings") defends the practice instead.
func sincere(d *lex.Doc, i int) bool {
	if i == 0 || d.Words[i-1].Sentence != d.Words[i].Sentence || !sincereIntensifiers.Has(&d.Words[i-1]) {
		return false
	}
	for k := i + 1; k < len(d.Words); k++ {
		if excuseWords.Has(&d.Words[k]) {
			return false
		}
	}
	return true
}

// excuseWords explain a complaint away.
var excuseWords = &wordSets[listExcuseWords] // (read per word: by hash first)

// owedParticiples are irregular past participles ("told", "shown");
// receivedVerbs say what the person should have had ("heard back").
var (
	owedParticiples = dataLists[listOwedParticiples]
	receivedVerbs   = dataLists[listReceivedVerbs]
)

// owedToThem: "you should have been told" and "you should have had a
// call" say what the practice owed the person, not what they did wrong
// ("you should have been on time"). Only "should have" says it: "you
// chose to delay" blames.
func owedToThem(d *lex.Doc, m lex.Match) bool {
	k := m.To
	if last := d.Words[k-1].Lower; last != "have" && last != "should've" {
		return false
	}
	if k < len(d.Words) && d.Words[k].Sentence == d.Words[m.From].Sentence && in(receivedVerbs, d.Words[k].Lower) {
		return true // "you should have had a call"
	}
	if k+1 >= len(d.Words) || d.Words[k].Lower != "been" || d.Words[k+1].Sentence != d.Words[m.From].Sentence {
		return false
	}
	w := d.Words[k+1].Lower
	return strings.HasSuffix(w, "ed") || in(owedParticiples, w)
}

// ownedAdverbs ("clearly") dispute before what the person got wrong ("the
// form clearly states"); feelingWords name how the person feels;
// owningSubjects and failureWords frame a failure the practice owns.
var (
	ownedAdverbs   = dataLists[listOwnedAdverbs]
	feelingWords   = dataLists[listFeelingWords]
	owningSubjects = dataLists[listOwningSubjects]
	failureWords   = dataLists[listFailureWords]
)

// owned: the adverb at word i grants the person's point instead of
// disputing it: it rates their feeling ("that's clearly frustrating"),
// owns the practice's failure ("we clearly didn't communicate well"), or
// says how something should be done ("pricing should be explained clearly
// up front", "we've fixed the signs to say so clearly").
func owned(d *lex.Doc, i int) bool {
	s := d.Words[i].Sentence
	next := i+1 < len(d.Words) && d.Words[i+1].Sentence == s
	if !next || i == 0 || d.Words[i-1].Sentence != s {
		return true
	}
	prev, after := d.Words[i-1].Lower, d.Words[i+1].Lower
	return in(feelingWords, after) ||
		d.Is(i-1, words.FirstPerson) && d.Is(i+1, words.Negators) ||
		strings.HasSuffix(prev, "ed") || prev == "so" || ownsFailure(d, i)
}

// ownsFailure: the adverb at word i opens a clause about the practice or
// what happened, and a negator or a word of failure follows within three
// words, with no "you" among them: "we clearly missed some", "and clearly
// something slipped", "that clearly didn't happen for you". "You clearly
// didn't read the form" and "someone who clearly never opened a book"
// still dispute.
func ownsFailure(d *lex.Doc, i int) bool {
	if !d.Is(i-1, words.FirstPerson) && !in(owningSubjects, d.Words[i-1].Lower) {
		return false
	}
	failed := false
	for k := i + 1; k < len(d.Words) && k <= i+3 && d.Words[k].Sentence == d.Words[i].Sentence; k++ {
		if in(rebuttedPersons, d.Words[k].Lower) {
			return false
		}
		failed = failed || d.Is(k, words.Negators) || in(failureWords, d.Words[k].Lower)
	}
	return failed
}

// ownedDenialCues around "didn't happen" own a failure (a list of the
// few words before and after it).
var ownedDenialCues = dataLists[listOwnedDenialCues]

// ownedDenial: the dispute phrase m ends in "happen" and says that what
// should have happened did not: "it sounds like that didn't happen for
// you", "that clearly didn't happen here". A cue word is read two words
// before it or one after, in its sentence; "That didn't happen. Our
// nurses are professionals" denies.
func ownedDenial(d *lex.Doc, m lex.Match) bool {
	if d.Words[m.To-1].Lower != "happen" {
		return false
	}
	s := d.Words[m.From].Sentence
	for _, k := range [...]int{m.From - 2, m.From - 1, m.To} {
		if k >= 0 && k < len(d.Words) && d.Words[k].Sentence == s && in(ownedDenialCues, d.Words[k].Lower) {
			return true
		}
	}
	return false
}

// identityWords before "not us" deny it was the practice at all.
var identityWords = dataLists[listIdentityWords]

// handsNothing: the "not us" at word i opens its sentence (a joke about
// the practice) or follows a copula ("that was not us"): nobody else is
// handed the matter.
func handsNothing(d *lex.Doc, i int) bool {
	return d.Words[i].Lower == "not" && (d.StartsSentence(i) || in(identityWords, d.Words[i-1].Lower))
}

// policyWords name the practice's rules ("our policy is").
var policyWords = dataLists[listPolicyWords]

// statesPolicy: the dispute phrase at m only names the practice's policy
// ("our policy is", "policy is") in a reply that apologises, with no
// contrast before it in its sentence: "We're sorry you weren't feeling
// well. Our policy charges a fee, but we waive it for illness" tells a
// general rule; it does not argue with what happened to them ("sorry, but
// per our policy you owe it" does, and "per our policy" always cites it
// against them).
func statesPolicy(d *lex.Doc, m lex.Match) bool {
	if d.Words[m.From].Lower == "per" || !d.Contains(apologyWords) {
		return false
	}
	policy := false
	for k := m.From; k < m.To; k++ {
		policy = policy || in(policyWords, d.Words[k].Lower)
	}
	if !policy || m.To-m.From > 3 {
		return false
	}
	s := d.Words[m.From].Sentence
	for k := m.From - 1; k >= 0 && d.Words[k].Sentence == s; k-- {
		if contrasts.Has(&d.Words[k]) {
			return false
		}
	}
	return true
}

// argues: a dispute or blame phrase was found in reply d, other than a
// choice it welcomes ("so glad you chose us") or a dispute word the reply
// does not dispute with ("I remember that day so clearly", "we actually
// added hours"). Sarcasm's phrases ("things happen") are kind under a
// remark that is no complaint.
func argues(d *lex.Doc, found []lex.Match) bool {
	for _, m := range found {
		if m.List == dispute.ID && !grants(d, m) || m.List == blame.ID && !complaint.Welcomed(d, m.From) {
			return true
		}
	}
	return false
}

// grants: the dispute match m is an adverb inside a clause that grants
// the point or tells how well something is recalled or said ("I remember
// that day so clearly", "that's clearly frustrating"); one alone or
// opening its sentence ("Clearly you do.") still argues.
func grants(d *lex.Doc, m lex.Match) bool {
	i := m.From
	return m.To-i == 1 && i > 0 && i+1 < len(d.Words) && !d.StartsSentence(i) &&
		d.Words[i+1].Sentence == d.Words[i].Sentence && in(ownedAdverbs, d.Words[i].Lower) && owned(d, i)
}

// sheepish: the face at sp ("Sorry about that! 🙃") follows an apology
// and echoes the comment's own ("took me 15 minutes 🙃"): mirrored after
// "sorry", it owns the trouble with the person rather than mocking them.
func sheepish(p *analysis.Pass, d *lex.Doc, sp text.Span) bool {
	if p.Comment == nil || !strings.Contains(p.Comment.Text, d.Text[sp.Start:sp.End]) {
		return false
	}
	for k := range d.Words {
		if d.Words[k].Start >= sp.Start {
			break
		}
		if d.Is(k, apologyWords) {
			return true
		}
	}
	return false
}

// apologisedFor: "sorry you didn't have a great experience" regrets what
// happened to them; it does not blame them.
func apologisedFor(d *lex.Doc, i int) bool {
	k := i - 1
	if k > 0 && d.Words[k].Lower == "that" {
		k-- // "sorry that you didn't"
	}
	return k >= 0 && d.Words[k].Sentence == d.Words[i].Sentence && d.Is(k, apologyWords)
}

// regretsAlong: the blame phrase or the "clearly" at word i follows an
// apology in its own sentence with no "but" between ("I'm sorry, a charge
// you didn't expect is upsetting", "sorry, this clearly hurt"): it names
// what the apology regrets. Read only when the reply offers a private
// channel: with one, the sentence sympathises rather than argues ("sorry,
// and you clearly didn't read it" still disputes: its caller reads the
// person before "clearly").
func regretsAlong(d *lex.Doc, i int) bool {
	for k := i - 1; k >= 0 && d.Words[k].Sentence == d.Words[i].Sentence; k-- {
		if contrasts.Has(&d.Words[k]) {
			return false
		}
		if d.Is(k, apologyWords) {
			return true
		}
	}
	return false
}

// phrasedIn: a defensive phrase already found starts inside sp.
func phrasedIn(d *lex.Doc, found []lex.Match, sp text.Span) bool {
	for _, m := range found {
		if at := d.Words[m.From].Start; at >= sp.Start && at < sp.End {
			return true
		}
	}
	return false
}

// contrasts turn an apology around; rebuttedPersons are whom the rebuttal
// after them is about; offerWords after the person make it an offer.
// Function words compared directly: as vocabulary they would be scorer
// facts in most replies.
var (
	contrasts       = &wordSets[listContrasts] // (read per word: by hash first)
	rebuttedPersons = dataLists[listRebuttedPersons]
	offerWords      = dataLists[listOfferWords]
)

// rebuttedApologies finds an apology taken back by what the person did or
// has: "sorry you're upset, but your X-ray was read as negative", "We
// apologize for the delay. However, you missed three visits". The span
// runs from the contrast to the end of its sentence.
func rebuttedApologies(d *lex.Doc) []text.Span {
	if !d.Contains(apologyWords) {
		return nil
	}
	var out []text.Span
	for c := range d.Words {
		if !contrasts.Has(&d.Words[c]) {
			continue
		}
		s := d.Words[c].Sentence
		// The apology is in the same sentence, or the contrast opens the
		// sentence right after it.
		apology := false
		for k := c - 1; k >= 0 && !apology; k-- {
			if ws := d.Words[k].Sentence; ws != s && !(ws == s-1 && d.StartsSentence(c)) {
				break
			}
			apology = d.Is(k, apologyWords)
		}
		if !apology {
			continue
		}
		// The person is the subject within two words ("but you", "however,
		// your", "but then you"), and no offer follows ("but you can call").
		person := func(k int) bool {
			return k < len(d.Words) && d.Words[k].Sentence == s && in(rebuttedPersons, d.Words[k].Lower)
		}
		offer := func(k int) bool {
			return k < len(d.Words) && d.Words[k].Sentence == s && in(offerWords, d.Words[k].Lower)
		}
		k := c + 1
		for n := 0; n < 2 && k < len(d.Words) && !person(k); n++ {
			k++
		}
		if !person(k) || offer(k+1) || offer(k+2) {
			// Any other "but" in the apology's own sentence argues too
			// ("sorry for the wait, but we triage by severity"), unless
			// it turns to help ("but please call", "but we'd love to").
			same := d.Words[c-1].Sentence == s
			help := false
			for j := c + 1; j < len(d.Words) && j <= c+4 && d.Words[j].Sentence == s; j++ {
				help = help || in(offerWords, d.Words[j].Lower)
			}
			if !same || help || person(k) {
				continue
			}
		}
		out = append(out, text.Span{Start: d.Words[c].Start, End: d.Sentences[s].End})
	}
	return out
}

// offerFillers may stand between "if you'd" and its wish ("if you'd ever
// like to talk"); possessionArticles follow an "if you had" that asks
// about something they have ("if you had an appointment to move"), not
// what they should have done. Function words compared directly.
var (
	offerFillers       = dataLists[listOfferFillers]
	possessionArticles = dataLists[listPossessionArticles]
)

// offered: "if you'd like to talk" is an offer, not "if you'd come on time".
func offered(d *lex.Doc, m lex.Match) bool {
	if d.Words[m.From].Lower != "if" || m.To >= len(d.Words) {
		return false
	}
	k := m.To
	if in(possessionArticles, d.Words[k].Lower) {
		return d.Words[m.To-1].Lower == "had"
	}
	if in(offerFillers, d.Words[k].Lower) && k+1 < len(d.Words) {
		k++
	}
	return d.Is(k, wishWords)
}

// butAfter reports "but"/"however" within four words after word i. Not
// inlined: its callers are many and rare (engine.wasm size).
//
//go:noinline
func butAfter(d *lex.Doc, i int) bool {
	for k := i; k < len(d.Words) && k < i+4; k++ {
		if w := d.Words[k].Lower; w == "but" || w == "however" {
			return true
		}
	}
	return false
}

func startsSentence(d *lex.Doc, i int) bool {
	return i == 0 || d.Words[i-1].Sentence != d.Words[i].Sentence
}

// channelPhrases invite the person to continue privately, or promise to
// reach them ("we'll call you"). "We'll talk to the team" is not one.
var channelPhrases = &vocabLists[listChannelPhrases]

// elsewhereNouns after "your" send the person to someone else ("call your
// insurer").
var elsewhereNouns = dataLists[listElsewhereNouns]

// channelCJK are the same in Chinese, Japanese and Korean, matched as
// substrings.
var channelCJK = dataLists[listChannelCJK]

// offersPrivateChannel: an invitation to call or message, a promise to
// reach the person, a phone number or an email address.
func offersPrivateChannel(p *analysis.Pass, d *lex.Doc) bool {
	// "A member of our team will contact you" is boilerplate, not a channel.
	// (Both lists are short: a scan, not a per-word array to allocate.)
	stockMatches := stock.Of(p)
	boiler := func(i int) bool {
		for _, m := range stockMatches {
			if m.List == stock.Strong.ID && m.From <= i && i < m.To {
				return true
			}
		}
		return false
	}
	for _, m := range d.Find(channelPhrases.Group) {
		if boiler(m.From) {
			continue
		}
		w := d.Words[m.From].Lower
		// A bare "call" counts only as an invitation, not "a call from you".
		if w == "call" && m.To-m.From == 1 && m.From > 0 && !d.Is(m.From-1, words.Please) && d.Words[m.From].Sentence == d.Words[m.From-1].Sentence {
			continue
		}
		// "ask for Dana" names a contact; "we ask for patience" does not.
		if w == "ask" && m.From > 0 && d.Is(m.From-1, words.FirstPerson) {
			continue
		}
		// "Call your insurer" points somewhere else.
		if k := m.To; k+1 < len(d.Words) && d.Words[k].Lower == "your" && in(elsewhereNouns, d.Words[k+1].Lower) {
			continue
		}
		// "leave your number" asks for a way to reach them; "no call
		// from your number 555-0198" quotes theirs back.
		if numberFollows(d, m.To-1) {
			continue
		}
		return true
	}
	for _, w := range d.Words {
		if strings.Contains(w.Lower, "@") {
			return true
		}
	}
	if d.HasSubstring(channelCJK) {
		return true
	}
	for _, r := range d.NumberRuns() {
		if r.IsPhone() && !personsNumber(d, r.Start) {
			return true
		}
	}
	return false
}

// numberFollows: a phone number of the person's comes right after word i.
func numberFollows(d *lex.Doc, i int) bool {
	if !in(phoneNouns, d.Words[i].Lower) {
		return false
	}
	for _, r := range d.NumberRuns() {
		if r.Start >= d.Words[i].End && r.Start <= d.Words[i].End+2 {
			return r.IsPhone() && personsNumber(d, r.Start)
		}
	}
	return false
}

// phoneNouns name a phone number ("your number", "su celular").
var phoneNouns = dataLists[listPhoneNouns]

// personsNumber: the phone number at byte at is the person's, not the
// practice's: "no call from your number 555-0198", "su número 555-0193".
// Quoting it back is no way to reach the practice.
func personsNumber(d *lex.Doc, at int) bool {
	k := d.WordBefore(at)
	return k >= 1 && d.Words[k-1].Sentence == d.Words[k].Sentence &&
		in(phoneNouns, d.Words[k].Lower) && in(rebuttedPersons, d.Words[k-1].Lower)
}

// practiceWide: comment c complains only about practice-wide matters
// (parking, the phone line, prices), or about nothing the reading tags
// ("acupuncture is all hype", a script it cannot read), and names nothing of the
// writer's own: whether it needs a private channel is a guess. In
// leave-one-author-out cross-validation the score demoted 23 such
// findings alone, every one a false alarm.
func practiceWide(c *comment.Info) bool {
	if c.Kind == comment.None || c.Personal {
		return false
	}
	for _, t := range c.Topics {
		if !in(generalTopics, t) {
			return false
		}
	}
	return true
}

// resolvesInGeneral: a complaint about a practice-wide matter that the reply
// fixes in general terms needs no private channel.
//
// A comment that names nothing of the writer's own ("the ER was so cold",
// "the garage pay machine is out of order again") is about a thing, not
// their care, even when its words are tagged outcome or staff attitude;
// one that speaks of their own case ("the receptionist was rude to me")
// is not.
func resolvesInGeneral(p *analysis.Pass, d *lex.Doc) bool {
	c := comment.Of(p)
	// With no comment, the reply's own words of the place show what it
	// answers (placeAnswered reads them).
	place := c.Kind == comment.None || slices.ContainsFunc(c.Topics, func(t string) bool { return in(placeTopics, t) })
	for _, t := range c.Topics {
		if !in(generalTopics, t) && (c.Personal || !in(thingTopics, t)) && !(place && in(placeCompanions, t)) {
			return false
		}
	}
	if d.Contains(resolvedPhrases) {
		for _, m := range d.Find(resolvedPhrases.Group) {
			if !personal(d, d.Words[m.From].Sentence) {
				return true
			}
		}
	}
	return practiceFixed(d) || announcesChange(d) || place && placeAnswered(p, d)
}

// placeAnswered: reply d to a complaint about a place of the practice's
// (the lot, the garage), or to no comment at all (a notice: "the lot is
// repaved Saturday, sorry for the hassle"), apologises and speaks of the
// place, not the person's own case: "Sorry! Overflow parking is behind
// the pharmacy this week" answers a full lot in general terms, as the
// authors of the corpus judge it, though it fixes nothing the rule reads
// as a fix. It must name the place: "Sorry! Mondays are busy" under a
// comment tagged parking for a place name ("Elm Park") speaks of no lot.
// A reply that names the person's care or booking ("sorry, we'll validate
// your stub at your visit on the 18th") is their case, and stock lines
// ("We're sorry for any inconvenience") ignore the complaint, as one that
// hands the lot to someone else ("it's out of our hands") leaves it.
func placeAnswered(p *analysis.Pass, d *lex.Doc) bool {
	if !d.Contains(apologyWords) || mostlyStock(p, d) || d.Contains(cold) && handsOff(d, d.Find(Phrases)) ||
		!namesPlace(d) {
		return false
	}
	for s := range d.Sentences {
		if personal(d, s) {
			return false
		}
	}
	return true
}

// namesPlace: reply d has a word of placeWords that names a place, not a
// quantity ("a lot of sick kids").
func namesPlace(d *lex.Doc) bool {
	for k := range d.Words {
		if in(placeWords, d.Words[k].Lower) && (k+1 >= len(d.Words) || d.Words[k+1].Lower != "of") {
			return true
		}
	}
	return false
}

// Change words are compared directly, like the fix lists: futureAnchors
// date a practice-wide change alone ("starting Monday", "until the garage
// reopens", "a partir del lunes"); calendarWords ("Thursday", "this
// month") only beside a changeWord ("new machine arrives Thursday").
var (
	futureAnchors = dataLists[listFutureAnchors]
	calendarWords = dataLists[listCalendarWords]
	changeWords   = dataLists[listChangeWords]
	// nextWords date a change only before a calendar word.
	nextWords = dataLists[listNextWords]
	// untilObjects follow an "until" that dates a change.
	untilObjects = dataLists[listUntilObjects]
	// changePersons make a dated sentence someone's case, not a fix.
	changePersons = dataLists[listChangePersons]
)

// announcesChange: a sentence about no one in particular dates a change
// the practice made or is making: "Starting in January, the clinic will
// be open until 7pm", "New lights go in next week", "desde este mes
// tenemos dos recepcionistas". A sentence that speaks to the person ("we
// moved you to Thursday") or names their care is their case, not a fix.
func announcesChange(d *lex.Doc) bool {
	for s := range d.Sentences {
		if personal(d, s) {
			continue
		}
		anchor, calendar, change, person := false, false, false, false
		for k := d.SentWords[s].Start; k < d.SentWords[s].End; k++ {
			w := strings.ToLower(d.Text[d.Words[k].Start:d.Words[k].End]) // surface: Spanish "ya" is read as "you"
			switch {
			case in(changePersons, w):
				person = true
			case in(futureAnchors, w):
				// "next week" dates a change; "bring a book next time" and
				// "your next session" speak to the person. "Until the
				// garage reopens" dates one; "open until six" tells hours.
				anchor = !in(nextWords, w) ||
					k+1 < d.SentWords[s].End && (in(calendarWords, d.Words[k+1].Lower) ||
						w == "until" && in(untilObjects, d.Words[k+1].Lower))
			case in(calendarWords, w):
				calendar = true
			case in(changeWords, w) || fixVerbs.Has(&d.Words[k]):
				change = true
			}
		}
		if !person && (anchor || calendar && change) {
			return true
		}
	}
	return false
}

// careOwners and bookingVerbs are function words compared directly.
var (
	careOwners   = dataLists[listCareOwners]
	bookingVerbs = dataLists[listBookingVerbs]
)

// personal: sentence s fixes the person's own case, not a practice-wide
// matter: it books them in ("we've booked Leo in for Friday") or names
// their care ("we've extended your next session", "your crown is
// remade").
func personal(d *lex.Doc, s int) bool {
	from, to := d.SentWords[s].Start, d.SentWords[s].End
	for k := from; k < to; k++ {
		w := d.Words[k].Lower
		if in(bookingVerbs, w) {
			return true
		}
		// A deed or a fix with the person as its object ("we've moved you
		// to 7:30", "we'll remind you") is their own case.
		if (strings.HasSuffix(w, "ed") || fixVerbs.Has(&d.Words[k])) && k+1 < to && in(changePersons, d.Words[k+1].Lower) {
			return true
		}
		if !in(careOwners, w) {
			continue
		}
		for j := k + 1; j < to && j <= k+3; j++ {
			if _, ok := d.LongestAt(j, care.All); ok || d.Is(j, care.Body) {
				return true
			}
		}
	}
	return false
}

// fixVerbs and fixSubjects are function words compared directly.
var (
	fixVerbs    = &wordSets[listFixVerbs]
	fixSubjects = dataLists[listFixSubjects]
)

// practiceFixed: the practice, or a change already made, just before a
// fix: "we just added 12 spots", "our IT team fixed it", "the website
// has been updated", "ya están resueltos".
func practiceFixed(d *lex.Doc) bool {
	for i := range d.Words {
		if !fixVerbs.Has(&d.Words[i]) {
			continue
		}
		if personal(d, d.Words[i].Sentence) {
			continue
		}
		if headline(d, i) {
			return true
		}
		if k := i + 1; k < len(d.Words) && d.Words[k].Sentence == d.Words[i].Sentence && in(changePersons, d.Words[k].Lower) {
			continue // "we'll remind you", "we fixed your …": their case
		}
		for k := i - 1; k >= 0 && k >= i-3 && d.Words[k].Sentence == d.Words[i].Sentence; k-- {
			// The surface form: Spanish "ya" (already) is read as "you".
			if in(fixSubjects, strings.ToLower(d.Text[d.Words[k].Start:d.Words[k].End])) {
				return true
			}
		}
	}
	return false
}

// maxHeadlineWords is the longest sentence read as a headline ("Fresh
// magazines restocked." is three words, "Heater repaired this morning."
// four).
const maxHeadlineWords = 5

// headline: the fix verb at word i, a participle, reports a fix in a
// short sentence that drops its subject, as a notice does ("Online
// booking fixed.", "Website is updated now."): something was done, by
// nobody but the practice. "The website is correct" describes; it fixes
// nothing. A verb opening its sentence, or after "please", orders
// instead ("Update the app."), a negation denies ("don't post", "not
// bait and switch"), one beside a person is their case, and a sentence
// with "we" has its subject ("we consider this matter resolved" closes a
// dispute; it fixes nothing).
func headline(d *lex.Doc, i int) bool {
	sw := d.SentWords[d.Words[i].Sentence]
	if i == sw.Start || sw.End-sw.Start > maxHeadlineWords || d.Is(i-1, words.Please) || !strings.HasSuffix(d.Words[i].Lower, "ed") {
		return false
	}
	for k := sw.Start; k < sw.End; k++ {
		if in(changePersons, d.Words[k].Lower) || d.Is(k, words.FirstPerson) || d.Is(k, words.Negators) {
			return false
		}
	}
	return true
}

// shouting finds runs of two or more all-caps words and "!!!" runs.
func shouting(d *lex.Doc) []text.Span {
	var out []text.Span
	runStart, runLen := -1, 0
	flush := func(end int) {
		if runLen >= 2 {
			out = append(out, text.Span{Start: d.Words[runStart].Start, End: d.Words[end].End})
		}
		runStart, runLen = -1, 0
	}
	caps := d.Shapes&text.AllCaps != 0 // most replies have no word in capitals
	for i := 0; caps && i < len(d.Words); i++ {
		w := &d.Words[i]
		if w.Shape&text.AllCaps != 0 && utf8.RuneCountInString(d.Text[w.Start:w.End]) >= 3 && !d.Is(i, shoutingOK) {
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
	// "Thank you!!" is warmth; "!!!" and more is raising one's voice.
	for i := 0; i+2 < len(d.Text); {
		k := strings.Index(d.Text[i:], "!!!")
		if k < 0 {
			break
		}
		i += k
		j := i
		for j < len(d.Text) && (d.Text[j] == '!' || d.Text[j] == '?' || d.Text[j] == '1') {
			j++
		}
		out = append(out, text.Span{Start: i, End: j})
		i = j + 1
	}
	return out
}

// mostlyStock: stock phrases cover at least half of the reply's words.
func mostlyStock(p *analysis.Pass, d *lex.Doc) bool {
	covered := 0
	for _, m := range stock.Of(p) {
		covered += m.To - m.From
	}
	return covered > 0 && covered*2 >= len(d.Words)
}

// in reports whether w is one of list's function words: one shared call,
// not a loop inlined at every lookup (engine.wasm size).
//
//go:noinline
func in(list []string, w string) bool { return slices.Contains(list, w) }

// Reading is what REPLY-RULES.md's conduct definition turns on in a reply,
// besides whether it answers a complaint (complaint.Answered): the learned
// scorer may add a conduct finding only where the definition lets one
// hold (core/scorer.go).
type Reading struct {
	// Channel: the reply offers a private channel, as this rule counts
	// one (a line of boilerplate under a comment is none).
	Channel bool
	// Apology: the reply apologises.
	Apology bool
	// Manner: a cue of bad manner, whether or not the comment let this
	// rule report it: a defensive phrase the rule does not excuse (an
	// offer, "sorry you feel that way" turned to the person), an apology
	// taken back, a reproach or a bare order, scare quotes, an eye-roll,
	// shouting, a retort question.
	Manner bool
}

// Read reads the reply of p as Reading says. It walks the reply again, so
// the engine calls it only when the scorer would add a conduct finding.
func Read(p *analysis.Pass) Reading {
	d := p.Reply
	r := Reading{
		Channel: offersPrivateChannel(p, d) && !(comment.Of(p).Kind != comment.None && mostlyStock(p, d)),
		Apology: d.Contains(apologyWords),
	}
	_, sneered := complaint.Sneer(d)
	r.Manner = sneered || len(shouting(d)) > 0 || len(rebuttedApologies(d)) > 0 ||
		len(complaint.Reproaches(d)) > 0 || len(complaint.Orders(d)) > 0 || len(complaint.ScareQuotes(d)) > 0 || len(retorts(d)) > 0
	if !r.Manner && d.Any(Phrases) {
		found := d.Find(Phrases)
		for _, m := range found {
			r.Manner = r.Manner || !benign(d, found, m, r.Channel)
		}
	}
	return r
}

// laughs are the words and emoji that laugh or smirk at someone ("lol",
// "haha", a tears-of-joy face): compared directly, and only the first word
// of a sentence and the text at each symbol the tokenizer noted, so they
// are no scorer facts and cost a few comparisons per sentence.
var laughs = dataLists[listLaughs]

// settledInPublic: calm reply d (no cue of manner, no defensive phrase)
// meets its comment in public, as the corpus's authors judge it, with no
// private channel:
//   - a comment that laughs at itself or its grumble ("the tooth fairy
//     owes me $40 😂", "your hats are overpriced lol"): a joke, or a
//     grumble told lightly;
//   - a point granted with an apology ("You're right, and we're sorry.
//     The lot is being repaved on the 14th."), which owns the matter; "You're
//     right, but …" takes it back, and a point granted on the person's bill
//     or plan (a sum, a money topic) settles their account;
//   - an opinion of a kind of care (comment.Info.Opinion) thanked for and
//     answered in the reply's own words, no stock phrase.
//
// A reply that names the person's own care (personal) answers their case,
// which still asks for a channel.
func settledInPublic(p *analysis.Pass, d *lex.Doc) bool {
	c, settled := comment.Of(p), false
	if t := p.Comment; t != nil {
		for i := range t.Words {
			settled = settled || in(commentLaughs, t.Words[i].Lower)
		}
		for _, l := range commentLaughs {
			settled = settled || l[0] >= utf8.RuneSelf && strings.Contains(t.Text, l)
		}
	}
	if !settled && d.Contains(concessions) && d.Contains(apologyWords) && !d.HasByte('$') {
		for _, m := range d.Find(concessions.Group) {
			settled = settled || !butAfter(d, m.To)
		}
		for _, t := range c.Topics {
			settled = settled && !in(moneyTopics, t)
		}
	}
	settled = settled || c.Opinion && complaint.Thanked(d) && len(stock.Of(p)) == 0
	for s := 0; settled && s < len(d.Sentences); s++ {
		settled = !personal(d, s)
	}
	return settled
}

// commentLaughs are the words and emoji with which a comment laughs
// ("lol", "😂"): compared directly, the emoji as substrings. concessions
// grant the person's point ("you're right"); moneyTopics are the comment
// topics of the person's own account.
var (
	commentLaughs = dataLists[listCommentLaughs]
	concessions   = &vocabLists[listConceded]
	moneyTopics   = dataLists[listMoneyTopics]
)

// reportMockedQuotes reports the comment's own words quoted back at the
// person in scare quotes by a reply that laughs or rolls its eyes ("lol,
// your 'expert' again 😂"): mockery, which REPLY-RULES flags whatever the
// comment, so it is read where the rest of the rule has no complaint to
// answer (under one, the scare quotes are reported anyway). The laugh is
// looked for first: it is rare, and the quotes' search is not cheap.
func reportMockedQuotes(p *analysis.Pass, d *lex.Doc) {
	c := p.Comment
	if c == nil || len(c.Words) == 0 || len(d.Words) == 0 || !laughsAt(d) {
		return
	}
	for _, sp := range complaint.ScareQuotes(d) {
		if echoes(d, c, sp) {
			mocks(p, sp, "mocks the person by quoting their words back")
		}
	}
}

// mocks reports mockery at sp: one call for both kinds, one finding
// literal in engine.wasm.
func mocks(p *analysis.Pass, sp text.Span, msg string) {
	p.Report(analysis.Finding{Start: sp.Start, End: sp.End, Message: msg,
		Suggestion: "stay calm and kind in public: answer without making fun of the person", Weak: true})
}

// laughsAt: reply d laughs, smirks or rolls its eyes: a sentence opening
// with a laughing word ("lol", "Haha sure"), a laughing emoji, or a sneer
// (complaint.Sneer).
func laughsAt(d *lex.Doc) bool {
	for s := range d.SentWords {
		if i := d.SentWords[s].Start; i < d.SentWords[s].End && in(laughs, d.Words[i].Lower) {
			return true
		}
	}
	for _, at := range d.Symbols() {
		rest := d.Text[at:]
		for _, l := range laughs {
			if l[0] >= utf8.RuneSelf && strings.HasPrefix(rest, l) {
				return true
			}
		}
	}
	_, ok := complaint.Sneer(d)
	return ok
}

// echoes: every word of the quotation sp in reply d is a word of comment c.
func echoes(d, c *lex.Doc, sp text.Span) bool {
	n := 0
	for i := range d.Words {
		w := &d.Words[i]
		if w.Start < sp.Start || w.End > sp.End {
			continue
		}
		found := false
		for k := range c.Words {
			if c.Words[k].Lower == w.Lower {
				found = true
				break
			}
		}
		if !found {
			return false
		}
		n++
	}
	return n > 0
}

// A taunt's words (see the lists for examples), compared directly: as
// vocabulary they would be scorer facts in many replies.
var (
	tauntVerbs   = dataLists[listTauntVerbs]
	tauntFillers = dataLists[listTauntFillers]
)

// taunts finds the sentences of reply d that wish the person an illness
// as a parting shot: a wish verb opening the sentence whose object is an
// illness or symptom ("Enjoy your flu.", "lol ok. enjoy measles").
// "Enjoy the long weekend!" wishes well. Only each sentence's first word
// is compared.
func taunts(d *lex.Doc) []text.Span {
	var out []text.Span
	for s := range d.SentWords {
		i, end := d.SentWords[s].Start, d.SentWords[s].End
		if i >= end || !in(tauntVerbs, d.Words[i].Lower) {
			continue
		}
		k := i + 1
		for k < end && in(tauntFillers, d.Words[k].Lower) {
			k++
		}
		if k < end && d.Is(k, care.Conditions) {
			out = append(out, d.WordSpan(i, end))
		}
	}
	return out
}
