// Package manners is the rule "Mind your manners": thanks for kindness,
// an apology to a complaint, please, and no rudeness.
package manners

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"

	"github.com/replyguard/replyguard/core/analyses/comment"
	"github.com/replyguard/replyguard/core/analyses/complaint"
	"github.com/replyguard/replyguard/core/analyses/stock"
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/words"
	"github.com/replyguard/replyguard/core/text"
)

// Rule is the seed rule "Mind your manners": please and thank you go
// a long way, and a complaint deserves an apology.
var Rule = &analysis.Rule{
	Name:     "mind-your-manners",
	Doc:      "thank people for praise and links, apologise to complaints, say please, never be rude",
	Category: analysis.Manners,
	Requires: []*analysis.Analyzer{comment.Analyzer, complaint.Analyzer, stock.Analyzer},
	Run:      runManners,
}

var thanksWords = &vocabLists[listThanksWords]

// courtesies are "please" in other languages.
var courtesies = &vocabLists[listCourtesies]

// polite: the reply says please, in any language.
func polite(d *lex.Doc) bool { return d.Contains(words.Please) || d.Contains(courtesies) }

// apologyWords include regret in other words ("saddened to hear this").
var apologyWords = &vocabLists[listApologyWords]

// rudePhrases are rude whatever the comment said.
// RudePhrases are rude on their own; a policy may add to them.
var RudePhrases = &vocabLists[listRudePhrases]

// requestOpeners start a sentence that asks the community for a favour
// ("Fill out our survey."). Offers of help ("Call us at …") are not favours.
var requestOpeners = &vocabLists[listRequestOpeners]

var greetWords = &vocabLists[listGreetWords]

// warmWords show a reply engages warmly with a kind comment.
var warmWords = &vocabLists[listWarmWords]

// foreignThanks are thanks in other languages, matched as substrings.
var foreignThanks = dataLists[listForeignThanks]

var (
	sarcasmEmoji = dataLists[listSarcasmEmoji]
	promoAsks    = &vocabLists[listPromoAsks]
)

// warmToPerson: exclamation, emoji or thanks in another language, and not
// a sales push ("Book now! Link in bio").
func warmToPerson(d *lex.Doc) bool {
	return warmText(d) && !d.Contains(promoAsks)
}

// apologises reports an apology that no eye-roll takes back ("so sorry
// our free coffee isn't up to your standards 🙄", "Our apologies! We'll
// hire a mind reader next 🙄") and that regrets more than the person's
// own view ("sorry you disagree"). "Sorry you feel that way" is read as
// an apology here: the corpus's manners labels take it as one, and the
// conduct rule flags it as dismissive.
//
// Beside a rude phrase (softening), an apology to the person's feeling
// followed by a "but" ("sorry you feel that way, but ...") regrets how
// they took it before arguing, and does not count.
func apologises(d *lex.Doc, softening bool) bool {
	if sarcasmIn(d) {
		return false // an eye-roll anywhere in the reply takes it back
	}
	for _, m := range d.Find(apologyWords.Group) {
		i := m.From
		if regretsView(d, m) || softening && m.To < len(d.Words) && in(opinionHolders, d.Words[m.To].Lower) && butAfter(d, m.To) {
			continue
		}
		// The sentence's span ends at its last word: an emoji after it
		// belongs to it.
		sent := d.Sentences[d.Words[i].Sentence]
		end := len(d.Text)
		if next := d.Words[i].Sentence + 1; next < len(d.Sentences) {
			end = d.Sentences[next].Start
		}
		rolled := false
		for _, e := range sarcasmEmoji {
			rolled = rolled || strings.Contains(d.Text[sent.Start:max(end, sent.End)], e)
		}
		if !rolled {
			return true
		}
	}
	return foreignSorry(d)
}

// butAfter: a "but" follows word i in its sentence.
func butAfter(d *lex.Doc, i int) bool {
	for k := i + 1; k < len(d.Words) && d.Words[k].Sentence == d.Words[i].Sentence; k++ {
		if d.Words[k].Lower == "but" {
			return true
		}
	}
	return false
}

// opinionVerbs and opinionHolders are function words compared directly.
var (
	opinionVerbs   = dataLists[listOpinionVerbs]
	opinionHolders = dataLists[listOpinionHolders]
)

// regretsView: the apology at m regrets the person's view or feeling, a
// person word and a verb of opinion within a few words after it, in its
// sentence ("sorry you feel that way", "sorry if you think so", "sorry
// you misunderstood", "lo siento si le parece caro").
func regretsView(d *lex.Doc, m lex.Match) bool {
	s := d.Words[m.From].Sentence
	for k := m.To + 1; k < len(d.Words) && k <= m.To+3 && d.Words[k].Sentence == s; k++ {
		if in(opinionVerbs, d.Words[k].Lower) && in(opinionHolders, d.Words[k-1].Lower) {
			return true
		}
	}
	return false
}

// laughs are the rude phrases that are laughter; practicePraise aims a
// kind comment at the practice. Both are function words compared directly.
var (
	laughs         = dataLists[listLaughs]
	practicePraise = dataLists[listPracticePraise]
)

// friendly: laughter beside thanks, warmth or an apology, or answering a
// laughing comment, is shared fun, not mockery; so is an exclamation with
// no eye-roll.
func friendly(p *analysis.Pass, d *lex.Doc) bool {
	if d.Contains(thanksWords) || d.Contains(warmWords) || d.Contains(apologyWords) || polite(d) {
		return true
	}
	if p.Comment != nil {
		for i := range p.Comment.Words {
			if in(laughs, p.Comment.Words[i].Lower) {
				return true
			}
		}
	}
	if !strings.Contains(d.Text, "!") {
		return false
	}
	return !sarcasmIn(d)
}

// sarcasmIn reports a sarcasm emoji anywhere in the reply. Emoji are in no
// word: one starts where the tokenizer noted a rune outside ASCII that is
// in no word (text.Doc.Symbols), so only those few offsets are tried, not
// the text searched once per emoji (TestSarcasmEmojiAreSymbols keeps the
// list to such runes). The answer is that of strings.Contains per emoji.
// One copy of its loops in engine.wasm, not one per call.
//
//go:noinline
func sarcasmIn(d *lex.Doc) bool {
	for _, at := range d.Symbols() {
		rest := d.Text[at:]
		for _, e := range sarcasmEmoji {
			if strings.HasPrefix(rest, e) {
				return true
			}
		}
	}
	return false
}

// praisesPractice: the kind comment is aimed at the practice or its
// staff, and does not thank them itself.
func praisesPractice(p *analysis.Pass) bool {
	if p.Comment == nil || p.Comment.Contains(thanksWords) || foreignThanked(p.Comment) {
		return false
	}
	// The surface form: "ya" is read as "you" elsewhere, but in Spanish
	// it is "already".
	for _, w := range p.Comment.Words {
		if in(practicePraise, strings.ToLower(p.Comment.Text[w.Start:w.End])) {
			return true
		}
	}
	return false
}

// kindToPractice: the comment thanks or praises the practice, not only
// shares the person's own good news ("ran my first 10k!").
func kindToPractice(p *analysis.Pass) bool {
	c := p.Comment
	if c == nil || len(c.Words) == 0 {
		return false // emoji answering emoji is a reaction in kind
	}
	if !comment.Of(p).Personal || c.Contains(thanksWords) || foreignThanked(c) || praisesPractice(p) {
		return true
	}
	// The surface form: "ya" is read as "you" elsewhere.
	for _, w := range c.Words {
		if in(personWords, strings.ToLower(c.Text[w.Start:w.End])) {
			return true // "your hygienists are so gentle with my kids"
		}
	}
	return false
}

// personWords, returnedPraise and shareWords are function words compared
// directly.
var (
	personWords    = dataLists[listPersonWords]
	returnedPraise = dataLists[listReturnedPraise]
	shareWords     = dataLists[listShareWords]
	likingVerbs    = dataLists[listLikingVerbs]
)

// passedOn: the comment says the writer shared the practice's post or
// tagged someone ("sharing with my mom group"), or tags a friend and speaks
// to them ("@dana you need to come here"). A handle in a comment that
// thanks is the practice's own ("@brightsmiles thank you!").
func passedOn(c *lex.Doc) bool {
	if c == nil {
		return false
	}
	thanks := c.Contains(thanksWords) || foreignThanked(c)
	for i := range c.Words {
		w := c.Words[i].Lower
		if in(shareWords, w) {
			return true
		}
		if at := c.Words[i].Start; thanks || at == 0 || c.Text[at-1] != '@' {
			continue // a handle: the tokenizer leaves its "@" out
		}
		for k := i + 1; k < len(c.Words) && c.Words[k].Sentence == c.Words[i].Sentence; k++ {
			if in(personWords, c.Words[k].Lower) {
				return true
			}
		}
	}
	return false
}

// returnsWarmth: a sentence aims warmth back at the person, a warm word or
// returned praise beside "you" or "too" ("love you back!", "you rock"), so
// praise of the practice is answered in kind, not by more self-praise.
func returnsWarmth(d *lex.Doc) bool {
	warm, person, sent := false, false, -1
	for i := range d.Words {
		if s := d.Words[i].Sentence; s != sent {
			warm, person, sent = false, false, s
		}
		w := d.Words[i].Lower
		warm = warm || d.Is(i, warmWords) || in(returnedPraise, w)
		// "glad you liked it" takes the praise in: the person's liking
		// is no warmth aimed at them.
		person = person || in(personWords, w) && !(i+1 < len(d.Words) && in(likingVerbs, d.Words[i+1].Lower))
		if warm && person {
			return true
		}
	}
	return false
}

// foreignApologies are apologies in scripts written without spaces
// between words (Chinese, Japanese) or with particles glued on (Korean,
// Arabic), matched as substrings: no word of the reply equals them.
var foreignApologies = dataLists[listForeignApologies]

// foreignSorry: the reply apologises in one of those scripts. Only a
// reply with a word outside ASCII is searched.
func foreignSorry(d *lex.Doc) bool { return d.HasSubstring(foreignApologies) }

// readWords is the reply's length in words as a reader counts them. The
// tokenizer makes one word of a run of Chinese or Japanese characters,
// or of a Korean phrase (their lead bytes 0xE3 to 0xED), which a reader
// counts as a word about every two characters (six bytes): a clause of
// twenty characters is no one-word reply.
func readWords(d *lex.Doc) int {
	n := len(d.Words)
	if d.Shapes&text.NonASCII == 0 {
		return n
	}
	for i := range d.Words {
		w := &d.Words[i]
		if w.Shape&text.NonASCII != 0 && d.Text[w.Start] >= 0xE3 && d.Text[w.Start] <= 0xED {
			n += max((w.End-w.Start)/6, 1) - 1
		}
	}
	return n
}

// foreignThanked: thanks in another language, matched as a substring.
// The list puts the entries written in ASCII first: the rest can only be
// in a text with a word outside ASCII, and are not searched for in others.
// The ASCII entries are searched for together, in one pass over the text:
// only at a byte that starts one of them (thanksFirst) are they compared.
// The answer is that of strings.Contains per entry, which took a pass of
// the text per entry (a byte loop in WebAssembly), several times a check.
func foreignThanked(d *lex.Doc) bool {
	t := d.Lower
	for i := 0; i < len(t); i++ {
		for bs := thanksFirst[t[i]]; bs != 0; bs &= bs - 1 {
			if strings.HasPrefix(t[i:], foreignThanks[bits.TrailingZeros64(bs)]) {
				return true
			}
		}
	}
	if d.Shapes&text.NonASCII == 0 {
		return false
	}
	for _, s := range foreignThanks[asciiThanks:] {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// asciiThanks is how many entries of foreignThanks, from the first, are
// written in ASCII.
var asciiThanks = asciiPrefix(foreignThanks)

// thanksFirst has, per byte, a bit for every ASCII entry of foreignThanks
// (at most the first 64) that starts with it.
var thanksFirst = firstBytes(foreignThanks[:min(asciiThanks, 64)])

func firstBytes(list []string) *[256]uint64 {
	var first [256]uint64
	for k, s := range list {
		if s != "" {
			first[s[0]] |= 1 << k
		}
	}
	return &first
}

func asciiPrefix(list []string) int {
	for i, s := range list {
		for k := 0; k < len(s); k++ {
			if s[k] >= 0x80 {
				return i
			}
		}
	}
	return len(list)
}

// obligationWords before "to" make a rude phrase an order.
var obligationWords = dataLists[listObligationWords]

// warmText: exclamation, an emoji, or thanks in another language.
func warmText(d *lex.Doc) bool {
	t := d.Lower
	if strings.Contains(t, "!") {
		return true
	}
	for _, r := range t {
		if r >= 0x1F300 || (r >= 0x2600 && r <= 0x27BF) {
			return true
		}
	}
	return foreignThanked(d)
}

// affirmations are function words compared directly.
var affirmations = dataLists[listAffirmations]

// warmBeyondYes: a warm word or greeting other than a flat "yes" or "sure",
// which without an exclamation is only an answer ("Yes. Bring the
// paperwork.").
func warmBeyondYes(d *lex.Doc) bool {
	for _, g := range [...]*lex.List{warmWords, greetWords} {
		if !d.Contains(g) {
			continue
		}
		for _, m := range d.Find(g.Group) {
			if m.To-m.From > 1 || !in(affirmations, d.Words[m.From].Lower) {
				return true
			}
		}
	}
	return false
}

// flatThanksWords is the most words a reply to thanks may have and be
// flat: longer, it has room to show warmth in words of its own ("it was a
// privilege to care for her, we all loved his stories").
const flatThanksWords = 20

// flatToThanks: the comment thanks the practice and the short reply
// answers with no thanks back and no warmth, no exclamation, emoji or
// warmth aimed at the person ("Glad to hear it.", "Happy to help.", "Next
// screening is in May."): the person's gratitude is taken, not returned.
func flatToThanks(p *analysis.Pass, d *lex.Doc) bool {
	return readWords(d) <= flatThanksWords && thankedFirst(p.Comment) && !warmText(d) && !returnsWarmth(d)
}

// acknowledgments answer thanks or good news graciously in a few words.
var acknowledgments = &vocabLists[listAcknowledgments]

// thanksEmoji thank without a word, matched as substrings.
var thanksEmoji = dataLists[listThanksEmoji]

// curtWords is the most words a cold reply may have and be curt whatever
// it says; up to brushOffWords, clipped into two or more sentences ("Posted
// on the door. Same as always."), it is curt unless it opens with an answer
// ("Sure. Just bring your card.") or is a form letter, the canned rule's.
// One plain sentence of that length is an answer.
const (
	curtWords     = 6
	brushOffWords = 10
)

// curtLength: the reply is short enough that, with no warmth, it brushes
// the person off.
func curtLength(p *analysis.Pass, d *lex.Doc, owed bool) bool {
	if len(d.Words) > brushOffWords {
		return false // readWords is never fewer
	}
	n := readWords(d)
	if n <= curtWords {
		return true
	}
	return n <= brushOffWords && len(d.Sentences) >= 2 && !owed && !in(affirmations, d.Words[0].Lower) && len(stock.Of(p)) == 0
}

// refusalWords is the most words a reply may have and be a cold refusal.
const refusalWords = 25

// contactVerbs open an order to take the question elsewhere.
var contactVerbs = &wordSets[listContactVerbs]

// coldRefusal: a short reply that turns the person away, a sentence that
// declines ("we don't discuss that here") and another that sends them off
// with a bare order ("Call the office."). A refusal that goes on to offer
// something ("we don't do that, but our team can refer you") is an answer.
// The caller checks that nothing in the reply is warm.
func coldRefusal(d *lex.Doc) bool {
	if len(d.Words) > refusalWords || readWords(d) > refusalWords {
		return false
	}
	order, refusal, offered := -1, -1, -1
	for i := range d.Words {
		s := d.Words[i].Sentence
		switch {
		case d.StartsSentence(i) && contactVerbs.Has(&d.Words[i]):
			order = s
		case d.Words[i].Lower == "but":
			offered = s
		case d.Is(i, words.Negators):
			refusal = s
		}
	}
	return order >= 0 && refusal >= 0 && refusal != order && refusal != offered
}

// tooShortToThank is the most words a reply to kindness may have and still
// be a bare reaction ("👍", "Great!", "Happy holidays!").
const tooShortToThank = 4

// bareReaction: a reply of a few words or only emoji, with no thanks, no
// gracious answer and no warmth aimed back at the person.
func bareReaction(d *lex.Doc) bool {
	if len(d.Words) > tooShortToThank || readWords(d) > tooShortToThank {
		return false
	}
	for _, e := range thanksEmoji {
		if strings.Contains(d.Text, e) {
			return false
		}
	}
	if len(d.Words) == 0 {
		return strings.TrimSpace(d.Text) != ""
	}
	return !d.Contains(thanksWords) && !foreignThanked(d) && !d.Contains(acknowledgments) && !returnsWarmth(d)
}

// The messages and fix several checks share.
const (
	msgRude      = "comes across as rude"
	fixRude      = "stay warm: thank them, acknowledge the point, offer help"
	msgUnthanked = "no thank-you for a kind comment or shared link"
)

func runManners(p *analysis.Pass) {
	d := p.Reply
	if len(d.Words) == 0 {
		// Only emoji: under kindness, a reaction where thanks belong.
		// Emoji answering emoji is a reaction in kind.
		end := len(strings.TrimRightFunc(d.Text, unicode.IsSpace))
		switch k := comment.Of(p).Kind; {
		case !bareReaction(d) || p.Comment == nil || len(p.Comment.Words) == 0:
		case (k == comment.Compliment || k == comment.Link) && !kindToPractice(p):
		case k == comment.Compliment || k == comment.Link:
			weakly(p, analysis.Finding{Start: 0, End: end, Message: msgUnthanked,
				Suggestion: "start with a thank-you: \"Thank you so much for sharing this!\""})
		case k == comment.Question || k == comment.Billing || k == comment.Clinical:
			weakly(p, analysis.Finding{Start: 0, End: end, Message: "curt reply",
				Suggestion: "answer warmly and fully: a greeting, the answer, and a thank-you"})
		}
		return
	}
	has := d.Contains
	// owed: a rude phrase, or thanks or an apology owed, was reported.
	owed := false
	report := func(f analysis.Finding) { owed = true; weakly(p, f) }
	// A rude phrase beside a sincere apology ("So sorry about the wait.
	// Please be patient with us.") is conduct's to weigh; "sorry not
	// sorry" is no apology.
	rudeMatches := d.Find(RudePhrases.Group)
	apologised := len(rudeMatches) > 0 && apologises(d, true)
	for _, m := range rudeMatches {
		if apologised && !d.Is(m.From, apologyWords) || describedNotTold(d, m) || opensClause(d, m) || negatedAt(d, m.From) || m.To-m.From == 1 && in(laughs, d.Words[m.From].Lower) && friendly(p, d) {
			continue
		}
		sp := d.WordSpan(m.From, m.To)
		report(analysis.Finding{Start: sp.Start, End: sp.End, Message: msgRude,
			Suggestion: fixRude})
	}
	// The checks below each find at most one span that comes across as
	// rude, in this order; the first found is reported, once (one Finding
	// built for them all keeps engine.wasm small).
	var rude text.Span
	found := owed
	// A word that runs the person down ("what an ignorant take", "stop
	// spreading misinformation") in a reply that does not thank, or an
	// order to stop speaking up ("just quit complaining"); beside an
	// apology, conduct's to weigh.
	// thanked: searched for once (foreignThanked reads the whole reply).
	thanked := has(thanksWords) || foreignThanked(d)
	sorry := has(apologyWords) || foreignSorry(d)
	if !found && !sorry {
		rude, found = runsDown(d, thanked)
	}
	// A knock at another provider ("unlike the clinic across town") is
	// rude in public, beside thanks or not; pointing out that the answer
	// was there all along ("as the menu page plainly says", "Yes,
	// obviously.") talks down, unless the reply thanks or apologises.
	if !found {
		rude, found = slights(d, sorry || has(thanksWords))
	}
	// A reproach ("Maybe read up before posting", "maybe look at
	// the website first") tells the person off, whatever the comment
	// said; not beside thanks, an apology or an exclamation ("Good luck!
	// Maybe this one will be yours 😉").
	if !found && !has(thanksWords) && !sorry && !strings.Contains(d.Text, "!") {
		for _, r := range complaint.Reproaches(d) {
			if strings.Contains(d.Text[r.Start:min(r.End+1, len(d.Text))], "?") {
				continue // a suggestion asked: "Maybe see your own doctor first?"
			}
			rude, found = r, true
			break
		}
	}
	// An eye-roll at the person ("We're a clinic, not a hotel 🙄")
	// mocks them, unless it answers the comment's own ("Mondays 🙄"); a
	// shrug beside an apology or an exclamation ("Sorry, that happens 🤷")
	// is offhand, conduct's to judge.
	if !found {
		if sp, ok := complaint.Sneer(d); ok && !has(thanksWords) && !sneeredFirst(p.Comment) &&
			(in(sarcasmEmoji, d.Text[sp.Start:sp.End]) || !sorry && !strings.Contains(d.Text, "!")) {
			rude, found = sp, true
		}
	}
	if found && !owed {
		report(analysis.Finding{Start: rude.Start, End: rude.End, Message: msgRude,
			Suggestion: fixRude})
	}
	first := d.Sentences[0]
	switch kind := comment.Of(p).Kind; {
	case (kind == comment.Compliment || kind == comment.Link || kind == comment.Other) && passedOn(p.Comment):
		// Sharing the practice's post or tagging a friend is a favour:
		// answering only the friend ("We'd love to help, Mandy!") or with
		// facts ("Screenings run 10 to 2") leaves the sharer unthanked.
		if !thanked && !returnsWarmth(d) {
			report(analysis.Finding{Start: first.Start, End: first.End, Message: msgUnthanked,
				Suggestion: "start with a thank-you: \"Thank you so much for sharing this!\""})
		}
	case kind == comment.Compliment || kind == comment.Link:
		// A warm reply to good news ("Yay!! So proud of you 💪") is fine
		// without the word "thanks"; praise of the practice needs one, and
		// a flat reply, or a sales push, ignores the kindness. A sincere
		// apology answers what the praise reading missed: a word of
		// grievance ("it was lovely once, now it's all rushed"), thanks
		// in irony ("closed an hour early. Thanks a lot.") or in grief
		// ("he passed last week, the nurses were so kind"): no thanks are
		// owed. Only a stock apology pasted under plain praise still owes
		// them (a sincere apology under a compliment reading, outside the
		// stock ones, was labelled fine 18 times in 19 by 14 authors).
		if !thanked && !(apologises(d, false) && (comment.Of(p).Grievance || len(stock.Of(p)) == 0)) && (praisesPractice(p) && !returnsWarmth(d) || flatToThanks(p, d) || !has(warmWords) && !warmToPerson(d) || kindToPractice(p) && bareReaction(d)) {
			report(analysis.Finding{Start: first.Start, End: first.End, Message: msgUnthanked,
				Suggestion: "start with a thank-you: \"Thank you so much for sharing this!\""})
		}
	case (kind == comment.Question || kind == comment.Clinical || kind == comment.Billing) && !comment.Of(p).Negative && praisedBeforeAsking(p.Comment):
		// "Your hygienists are wonderful! Can I bring my own floss?": the question
		// comes after kindness, and an answer alone leaves it unthanked.
		if !thanked && !returnsWarmth(d) {
			report(analysis.Finding{Start: first.Start, End: first.End, Message: msgUnthanked,
				Suggestion: "start with a thank-you: \"Thank you so much for the kind words!\""})
		}
	case kind == comment.Complaint && !thankedFirst(p.Comment),
		// A rebuttal in the reply shows the comment complained ("Why is my
		// bill so high?" "Not true …").
		kind != comment.None && complaint.Answered(p) && !(thankedFirst(p.Comment) && comment.Of(p).Negative),
		// No comment, but the reply shows it answers a complaint or review
		// and thanks no one.
		kind == comment.None && complaint.Answered(p) && !has(thanksWords):
		// A criticism that names no service matter of the person's own
		// (a cost, a wait, a bill, a manner) is a view of the practice or
		// its field ("chiropractic is quackery", "your ads are annoying"):
		// a reply that thanks them for raising it, in its own words, takes
		// it as a point made and owes no apology. So does a reply that
		// takes in, in its own words, a complaint naming nothing of the
		// writer's own ("therapy is a scam", "your prices are a joke"):
		// "we hear you", "that sounds frustrating".
		if !apologises(d, false) && !(kind == comment.Complaint && !comment.Of(p).Service && thanksForRaising(d) && len(stock.Of(p)) == 0) &&
			!(kind == comment.Complaint && !comment.Of(p).Personal && heard(d)) {
			owed = true
			p.Report(analysis.Finding{Start: first.Start, End: first.End, Message: "no apology to a complaint",
				Suggestion: "open with a sincere, general apology: \"We're sorry to hear about this.\"",
				Weak:       !unapologised(p, d, kind)})
		}
	}
	// A curt non-answer ("See the website.", "Posted on the door. Same
	// as always.") to someone who asked.
	if comment.Of(p).Kind != comment.None && (curtLength(p, d, owed) || coldRefusal(d)) && !has(thanksWords) && !polite(d) && !sorry &&
		!warmText(d) && !warmBeyondYes(d) {
		weakly(p, analysis.Finding{Start: first.Start, End: d.Sentences[len(d.Sentences)-1].End, Message: "curt reply",
			Suggestion: "answer warmly and fully: a greeting, the answer, and a thank-you"})
		return
	}
	// A bare imperative request without please, thanks or a softener.
	// Answering kindness, "Tell your grandpa happy birthday!" and "Tag us in
	// the wedding photos!" are warmth, not demands.
	warm := (comment.Of(p).Kind == comment.Compliment || !comment.Of(p).Negative) && (has(warmWords) || warmText(d))
	if !polite(d) && !has(thanksWords) && !sorry && !askedOrPosted(p, warm) {
		for s := range d.Sentences {
			ws := d.SentenceWords(s)
			start := d.SentWords[s].Start
			if len(ws) >= 3 && d.Is(start, requestOpeners) && !(warm && d.Is(start, friendlyAsks) && !relaysOrder(d, start)) && !d.Is(start+1, subjectPronouns) {
				sp := d.Sentences[s]
				weakly(p, analysis.Finding{Start: sp.Start, End: sp.End, Message: "asks for something without a please",
					Suggestion: "add \"please\": people respond to being asked politely"})
				break
			}
		}
	}
}

// weakly reports f as weak evidence (analysis.Finding.Weak): where all of
// a reply's manners findings are, the learned score may demote them. Only
// unapologised's frame is firm.
func weakly(p *analysis.Pass, f analysis.Finding) {
	f.Weak = true
	p.Report(f)
}

// acknowledged are words that take in the person's experience without
// "sorry" ("we hear you", "that sounds frustrating", "that's not okay"):
// some writers read them as the apology a complaint is owed, some not.
var acknowledged = &cueLists[listAcknowledged]

// unapologised: the reply that owes an apology answers a complaint the
// comment itself makes about a service matter of the person's own (a
// wait, a bill, a manner: comment.Info.Service, with a word of grievance),
// and nothing in it apologises or acknowledges the experience. Across
// authors such replies are labelled manners however long, warm and
// thankful they are (a linear score over their words cannot hold that, and
// demoted them), so the rules decide them. A complaint the reply alone
// shows, or one about the body or the field, stays weak.
func unapologised(p *analysis.Pass, d *lex.Doc, kind comment.Kind) bool {
	c := comment.Of(p)
	return kind == comment.Complaint && c.Service && c.Grievance && !complaint.Inferred(p) && !d.Contains(acknowledged)
}

// heard: the reply takes in the person's experience in its own words
// ("we hear you", "that sounds frustrating"), not denied ("not our
// fault", "no entendemos").
func heard(d *lex.Doc) bool {
	for _, m := range d.Find(acknowledged.Group) {
		if m.From == 0 || !d.Is(m.From-1, words.Negators) {
			return true
		}
	}
	return false
}

// raisedWords name the act of speaking up; compared directly.
var raisedWords = dataLists[listRaisedWords]

// thanksForRaising: the reply thanks the person for speaking up, a thanks
// word, then "for" or "por" within two words, then a word of raising the
// matter ("thanks so much for asking", "thank you for raising it",
// "gracias por avisar").
func thanksForRaising(d *lex.Doc) bool {
	for _, m := range d.Find(thanksWords.Group) {
		for k := m.To; k < len(d.Words)-1 && k <= m.To+2; k++ {
			if w := d.Words[k].Lower; (w == "for" || w == "por") && in(raisedWords, d.Words[k+1].Lower) {
				return true
			}
		}
	}
	return false
}

// clauseOpeners are rude phrases that may open a clause; compared
// directly.
var clauseOpeners = dataLists[listClauseOpeners]

// opensClause: the one-word rude phrase at m opens a clause, a word of its
// sentence straight after it with only a space between ("whatever works
// for you", "support whatever each family decides"), not a shrug ("Whatever.",
// "Whatever, post what you want").
func opensClause(d *lex.Doc, m lex.Match) bool {
	if m.To-m.From != 1 || m.To >= len(d.Words) || !in(clauseOpeners, d.Words[m.From].Lower) {
		return false
	}
	w, next := &d.Words[m.From], &d.Words[m.To]
	return next.Sentence == w.Sentence && strings.TrimSpace(d.Text[w.End:next.Start]) == ""
}

// denials deny what follows, deniedFillers may stand between; compared
// directly.
var (
	denials       = dataLists[listDenials]
	deniedFillers = dataLists[listDeniedFillers]
)

// negatedAt: the phrase at word i is denied, a denial right before it in
// its sentence ("which isn't your problem", "the prep wasn't too bad"), or
// two words before with an article or "so" between ("never a stupid
// question", "not a dumb question"). Only "not" denies from the start of
// a sentence ("Not dumb at all!"); "Never X" there is an order.
func negatedAt(d *lex.Doc, i int) bool {
	k := i - 1
	if k >= 1 && in(deniedFillers, d.Words[k].Lower) {
		k--
	}
	if k < 0 || d.Words[k].Sentence != d.Words[i].Sentence || !in(denials, d.Words[k].Lower) {
		return false
	}
	return !d.StartsSentence(k) || d.Words[k].Lower == "not"
}

// relaysOrder: "tell him to keep the bandage dry" passes an instruction
// on; "tell your mom happy birthday" passes on warmth.
func relaysOrder(d *lex.Doc, start int) bool {
	for k := start + 2; k <= start+3 && k < len(d.Words) && d.Words[k].Sentence == d.Words[start].Sentence; k++ {
		if d.Words[k].Lower == "to" {
			return true
		}
	}
	return false
}

// askedOrPosted: the reply answers a question, or, warmly, no comment is
// known (a post, or a reply typed before the thread loads). Steps in an
// answer ("Sign up at the link", "Send your resume to jobs@…") answer what
// was asked, and a cheerful post's call to the public ("We're hiring! Send
// your resume …", "Vote for the theme 🎃") asks no one person a favour:
// neither owes a please (labelled fine 46 times in 49, by 38 authors). A
// cold order with no comment ("Refund questions? Send them to legal.")
// still does.
func askedOrPosted(p *analysis.Pass, warm bool) bool {
	k := comment.Of(p).Kind
	return k == comment.None && warm || k == comment.Question || k == comment.Billing || k == comment.Clinical
}

// subjectPronouns after an opener make it a clause, not a request: "Like we
// always say, …", "Share you must!" is rare enough to miss.
var subjectPronouns = &vocabLists[listSubjectPronouns]

var friendlyAsks = &vocabLists[listFriendlyAsks]

// rudeWhenTold are rude phrases that describe rather than order when a
// subject comes first: "it should calm down in a day", "we'll figure it
// out", "watching you grow up".
var rudeWhenTold = &vocabLists[listRudeWhenTold]

var describingSubjects = &vocabLists[listDescribingSubjects]

func describedNotTold(d *lex.Doc, m lex.Match) bool {
	if !d.Is(m.From, rudeWhenTold) || m.From == 0 || d.Words[m.From-1].Sentence != d.Words[m.From].Sentence {
		return false
	}
	prev := m.From - 1
	if d.Words[prev].Lower == "you" && prev > 0 {
		prev-- // "watching you grow up": the verb before "you" decides
	}
	if d.Words[prev].Lower == "to" && prev > 0 {
		if in(obligationWords, d.Words[prev-1].Lower) {
			return false // "you need to calm down"
		}
	}
	return d.Is(prev, describingSubjects) || watched(d, m.From)
}

// watchVerbs take an object that then does something; compared directly.
var watchVerbs = dataLists[listWatchVerbs]

// watched: a verb of watching two to six words before word i, in its
// sentence, with the people it watches between ("loved watching Ben, Lily
// and Sam grow up", "watching your three grow up"): the phrase at i says
// what they did.
func watched(d *lex.Doc, i int) bool {
	for k := i - 2; k >= 0 && k >= i-6 && d.Words[k].Sentence == d.Words[i].Sentence; k-- {
		if in(watchVerbs, d.Words[k].Lower) {
			return true
		}
	}
	return false
}

// praisedBeforeAsking: a question whose comment opens with thanks or
// praise, a first sentence that asks nothing ("Thanks for the workshop
// on Saturday!! One question, ..."). Thanks after the question ("can I
// bring my own forms? thanks!") is thanks in advance, not kindness.
func praisedBeforeAsking(c *lex.Doc) bool {
	if c == nil || len(c.Sentences) < 2 {
		return false
	}
	first := c.Sentences[0]
	if strings.Contains(c.Text[first.Start:first.End], "?") {
		return false
	}
	for i := range c.Words {
		if c.Words[i].Sentence != 0 {
			break
		}
		if c.Is(i, thanksWords) {
			return true
		}
	}
	// Praise must be aimed at the practice, a positive word within two
	// words of "you" or the practice ("love your office", "love this
	// team"), not a word of the question's story ("a bit swollen").
	if !c.Any(comment.PositiveGroup) {
		return false
	}
	for _, m := range c.Find(comment.PositiveGroup) {
		if c.Words[m.From].Sentence != 0 {
			break
		}
		for k := max(m.From-2, 0); k < min(m.To+2, c.SentWords[0].End); k++ {
			w := strings.ToLower(c.Text[c.Words[k].Start:c.Words[k].End])
			if w != "too" && in(personWords, w) || in(practicePraise, w) {
				return true
			}
		}
	}
	return false
}

// ironicTails, one of the two words after thanks and ending its
// sentence, make it sarcasm.
var ironicTails = dataLists[listIronicTails]

// thankedFirst: the comment thanks the practice, and not in irony
// ("thanks for nothing", "thanks a lot"): a complaint that thanks is
// gratitude for hard times ("you held our family up"), owed thanks back,
// not an apology.
func thankedFirst(c *lex.Doc) bool {
	if c == nil || !c.Contains(thanksWords) && !foreignThanked(c) {
		return false
	}
	for _, m := range c.Find(thanksWords.Group) {
		for k := m.To; k < m.To+2 && k < len(c.Words); k++ {
			last := k+1 == len(c.Words) || c.Words[k+1].Sentence != c.Words[k].Sentence
			if last && in(ironicTails, c.Words[k].Lower) {
				return false
			}
		}
	}
	return true
}

// stopVerbs and speechGerunds are compared directly.
var (
	stopVerbs      = dataLists[listStopVerbs]
	speechGerunds  = dataLists[listSpeechGerunds]
	orderSofteners = dataLists[listOrderSofteners]
)

// sneeredFirst: the comment rolls its own eyes, so one back is shared.
func sneeredFirst(c *lex.Doc) bool {
	if c == nil {
		return false
	}
	_, ok := complaint.Sneer(c)
	return ok
}

// disparaging words run the person down.
var disparaging = dataLists[listDisparagingWords]

// runsDown finds a word that runs the person down, not negated ("you're
// not ignorant for asking"), not quoted (a word the practice was called)
// and not the practice's own stance ("we stand against racism": a
// first-person word before it in a sentence that speaks to no one),
// unless the reply thanks; or an order to stop speaking
// up: a stop verb opening its sentence, after "please" or "just" at most,
// then a gerund of speech.
func runsDown(d *lex.Doc, thanked bool) (text.Span, bool) {
	for i := range d.Words {
		w := &d.Words[i]
		if i+1 < len(d.Words) && in(stopVerbs, w.Lower) && in(speechGerunds, d.Words[i+1].Lower) &&
			(d.StartsSentence(i) || i > 0 && d.StartsSentence(i-1) && (d.Is(i-1, words.Please) || in(orderSofteners, d.Words[i-1].Lower))) {
			return d.WordSpan(i, i+2), true
		}
		if thanked || !in(disparaging, w.Lower) || w.Start > 0 && (d.Text[w.Start-1] == '\'' || d.Text[w.Start-1] == '"') {
			continue
		}
		negated, stance, addressed := false, false, false
		for k := d.SentWords[w.Sentence].Start; k < d.SentWords[w.Sentence].End; k++ {
			// "not ignorant", "not an ignorant question"; not "don't
			// spread misinformation" (the verb is negated) nor an order
			// opening the sentence ("don't be a hypocrite").
			negated = negated || (k == i-1 || k == i-2 && len(d.Words[i-1].Lower) <= 4) &&
				d.Is(k, words.Negators) && !d.StartsSentence(k) || k == i-1 && negatedAt(d, i)
			stance = stance || k < i && d.Is(k, words.FirstPerson)
			addressed = addressed || in(personWords, d.Words[k].Lower)
		}
		if !negated && (!stance || addressed) {
			return d.WordSpan(i, i+1), true
		}
	}
	return text.Span{}, false
}

// slights' word sets: a word's hash turns most words away before any
// string is compared.
var (
	rivalMarks     = &wordSets[listRivalMarks]
	obviousAdverbs = &wordSets[listObviousAdverbs]
	rivalPlaces    = &wordSets[listRivalPlaces]
	toldWords      = &wordSets[listToldWords]
	ownWords       = &wordSets[listOwnWords]
)

// slights finds, in one pass, a sentence that sets the practice against
// another provider: a rival mark ("unlike", "than") and, within six words
// after it, a word for another provider, with no word of the practice's
// own, its past or all comers between ("than our old office"); or, unless
// warm (the reply thanks or apologises), a sentence with an obvious
// adverb and a word of telling or a place the facts were given ("the fee
// is clearly printed on the form"). It returns the whole sentence. Kept
// this lean for engine.wasm's size: no negation test (an apology covers
// most self-blame: "sorry, we clearly did not update the page").
func slights(d *lex.Doc, warm bool) (text.Span, bool) {
	ws := d.Words
	for i := range ws {
		rival := rivalMarks.Has(&ws[i])
		if !rival && (warm || !obviousAdverbs.Has(&ws[i])) {
			continue
		}
		sw := d.SentWords[ws[i].Sentence]
		from, to, want := sw.Start, sw.End, toldWords
		if rival {
			from, to, want = i+1, min(i+7, sw.End), rivalPlaces
		}
		for k := from; k < to; k++ {
			if rival && ownWords.Has(&ws[k]) {
				break
			}
			if want.Has(&ws[k]) {
				return d.Sentences[ws[i].Sentence], true
			}
		}
	}
	return text.Span{}, false
}

// in reports w in list: one out-of-line call for every function-word
// lookup, not slices.Contains inlined at each (engine.wasm size).
//
//go:noinline
func in(list []string, w string) bool { return slices.Contains(list, w) }
