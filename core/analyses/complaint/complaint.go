// Package complaint decides whether a reply answers a complaint. With the
// comment, that is the comment's reading; without it (a reply typed before
// the thread loads, a review answered elsewhere, a reply pasted into the
// CLI), REPLY-RULES.md says to judge from the reply itself: "your review",
// "these accusations", "your experience" show what it answers.
package complaint

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/replyguard/replyguard/core/analyses/comment"
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/lex/words"
	"github.com/replyguard/replyguard/core/text"
)

var (
	markers = &vocabLists[listMarkers]
	// reviews mention a review, which may be praise: "thanks for your
	// review, see you soon" answers no complaint, "sorry to read your
	// review" does, and so does one that does not thank them for it.
	reviews = &vocabLists[listReviews]
	// Apologies regret what happened; the canned rule reads them too (a
	// reply that apologises in its own words answers someone).
	Apologies = &vocabLists[listApologies]
	thanks    = &vocabLists[listThanks]
	// An apology alone shows the reply answers a complaint ("sorry about
	// the wait"), unless it is a condolence or a form letter's.
	notComplaints = &vocabLists[listNotComplaints]
	// recordsCited: the practice's records of the person cited to them,
	// read when there is no comment.
	recordsCited = &vocabLists[listRecordsCited]
)

// Analyzer's result is a reading: whether the reply answers a complaint,
// and whether only the reply's own rebuttal shows it.
var Analyzer = &analysis.Analyzer{
	Name:     "complaint",
	Doc:      "whether the reply answers a complaint: from the comment, or from the reply when there is no comment",
	Requires: []*analysis.Analyzer{comment.Analyzer},
	Run: func(p *analysis.Pass) any {
		c := comment.Of(p)
		d := p.Reply
		// A rebuttal in the reply shows the comment complained, whatever
		// the comment's reading ("Why is my bill so high?" "Not true …").
		if c.Kind != comment.None {
			if c.Negative || d.Contains(markers) || shoutedDenial(d) {
				return answered
			}
			// A remark may complain in words the reading misses ("Invisalign
			// fail.", "Total upsell."): a reply that recounts what the
			// person did wrong, rolls its eyes, quotes them back or only
			// orders them to go and read the sign argues with a complaint
			// all the same. Under a plain question the same
			// reply is a rude or careless answer ("you still owe $75",
			// "read our bio 🙄": manners and phi matters), and under praise
			// no rebuttal; under a question that carries a grievance it
			// argues with the grievance (quotes there may only name a
			// menu, "under 'Billing'"). The reading is the reply's, not
			// the comment's: weaker evidence.
			other := c.Kind == comment.Other
			if (other || GrievanceAsked(c)) && !d.Contains(thanks) &&
				(blamesPerson(d) || sneersAt(d, p.Comment) || other && len(ScareQuotes(d)) > 0 || len(Orders(d)) > 0) {
				return answered | inferred
			}
			// Sympathy with the body regrets no grievance, but a body's
			// complaint that also names a service matter (an insurer's
			// denial, a bill, a wait: c.Service) complains of the service.
			if regretted(c, d) && (!bodyOnly(p.Comment) || c.Service) {
				return answered | inferred
			}
			return reading(0)
		}
		sorry := d.Contains(Apologies)
		if d.Contains(markers) || d.Contains(recordsCited) || sorry && !d.Contains(notComplaints) || d.Contains(reviews) && (sorry || !d.Contains(thanks)) ||
			!d.Contains(thanks) && (blamesPerson(d) || len(ScareQuotes(d)) > 0 || sneers(d)) || shoutedDenial(d) || len(Reproaches(d)) > 0 || disputesPost(d) {
			return answered
		}
		return reading(0)
	},
}

// GrievanceAsked: a question that carries a grievance ("Why does it take
// you two days to call back?? Ridiculous.", "why is there never any
// coffee anymore?"): the reading takes it for a question, but a rebuttal
// in the reply answers the grievance, as it would a remark's.
//
// A question about health in general ("tips to avoid knee pain?") has only
// a symptom's words, no grievance.
func GrievanceAsked(c *comment.Info) bool {
	return (c.Kind == comment.Question || c.Kind == comment.Billing) && c.Grievance && (!c.Health || c.Service)
}

// regretted: a reply that apologises to a comment the reading takes for
// no complaint shows the comment complained all the same ("Cobraram 2x no
// meu cartão" "Sentimos muito! …", "my refill is late again, help??" "So
// sorry! …"): the practice itself read it as one. Praise and shared links
// get no apology that regrets a grievance, and a condolence regrets none:
// "I'm so sorry" under a loss the writer tells ("we lost our son in
// March") is one, in whatever words. The reading is the reply's, as with
// a rebuttal: weaker evidence.
func regretted(c *comment.Info, d *lex.Doc) bool {
	return c.Kind == comment.Other && !c.Bereaved && d.Contains(Apologies) && !d.Contains(notComplaints)
}

// painWords report how the writer's body feels ("me duele", "sore"). Read
// per word, by hash: as vocabulary they would be scorer facts in every
// comment that mentions them.
var painWords = &wordSets[listPainWords] // (read per word: by hash first)

// bodyOnly: comment c speaks only of the writer's own body or symptoms
// ("me duele la muela desde ayer", "my daughter has a rash since the
// antibiotic"), naming no clinician and not speaking to the practice:
// sympathy with it ("sorry she's uncomfortable") regrets a symptom, not a
// grievance. "You sent my son home and he had pneumonia" blames someone.
// Only read under a reply that apologises to a comment read as neither
// complaint, praise nor question, so the scan is rare.
func bodyOnly(c *lex.Doc) bool {
	body := comment.Symptomatic(c) || c.Contains(care.Body)
	for i := range c.Words {
		if in(quotePersons, c.Words[i].Lower) {
			return false
		}
		body = body || painWords.Has(&c.Words[i])
	}
	return body && !c.Contains(care.Clinicians)
}

// reading is the analyzer's result: one byte, so boxing it allocates
// nothing.
type reading uint8

const (
	answered reading = 1 << iota
	inferred         // under a comment not read as a complaint, from the reply's rebuttal alone
)

// Function words compared directly: as vocabulary they would be scorer
// facts in most replies.
var (
	faultSubjects  = &wordSets[listFaultSubjects] // (read per word: by hash first)
	faultFillers   = dataLists[listFaultFillers]
	faultVerbs     = dataLists[listFaultVerbs]
	quotePersons   = dataLists[listQuotePersons]
	irregularPast  = dataLists[listIrregularPast]
	visitParticles = dataLists[listVisitParticles]
	conditions     = dataLists[listFaultConditions]
)

// blamesPerson: a reply that recounts what the person (or their child or
// spouse) did wrong, "you missed three visits", "your husband stopped his
// medicine", answers a complaint, whatever else it says.
func blamesPerson(d *lex.Doc) bool {
	for i := range d.Words {
		k := i + 1
		switch w := d.Words[i].Lower; {
		case faultSubjects.Has(&d.Words[i]):
		case (w == "your" || w == "su") && k < len(d.Words) && d.Is(k, care.Family):
			k++
		default:
			continue
		}
		if i > 0 && d.Words[i-1].Sentence == d.Words[i].Sentence && in(conditions, d.Words[i-1].Lower) || Welcomed(d, i) {
			continue // "if you missed a call, no worries", "so glad you chose us"
		}
		for n := 0; n < 2 && k < len(d.Words) && in(faultFillers, d.Words[k].Lower); n++ {
			k++
		}
		if k < len(d.Words) && d.Words[k].Sentence == d.Words[i].Sentence && in(faultVerbs, d.Words[k].Lower) && fault(d, k) {
			return true
		}
	}
	return false
}

// gladWords welcome what follows them (compared directly: as vocabulary
// they would be scorer facts in most thank-you replies).
var (
	gladWords = dataLists[listGladWords]
	gladLinks = dataLists[listGladLinks]
)

// Welcomed: the person's choice at word i (its subject, or a phrase it
// opens) follows a word of gladness in its sentence, "so glad you chose
// us", "happy that you chose Dr. Lee": it welcomes the choice, as an
// apology before it would regret what happened; it blames no one.
func Welcomed(d *lex.Doc, i int) bool {
	k := i - 1
	if k > 0 && in(gladLinks, d.Words[k].Lower) {
		k--
	}
	return k >= 0 && d.Words[k].Sentence == d.Words[i].Sentence && in(gladWords, d.Words[k].Lower)
}

// Reproach words are compared directly, like the fault lists.
var (
	reproachOpeners       = &wordSets[listReproachOpeners]
	reproachLeadIns       = &wordSets[listReproachLeadIns]
	counterfactualResults = dataLists[listCounterfactualResults]
	counterfactualOpeners = &vocabLists[listCounterfactualOpeners]
)

// Reproaches finds sentences that tell the person what they should have
// done: one opening with "maybe" ("Maybe leave earlier next time", "lol ok
// maybe try reading the sign"), and a counterfactual about them ("if you
// had read the paperwork you would know who to call").
func Reproaches(d *lex.Doc) []text.Span {
	var out []text.Span
	for s := range d.Sentences {
		from, to := d.SentWords[s].Start, d.SentWords[s].End
		k := from
		for k < to && reproachLeadIns.Has(&d.Words[k]) {
			k++
		}
		opens := k+1 < to && reproachOpeners.Has(&d.Words[k]) && !d.Is(k+1, words.FirstPerson)
		if !opens && !counterfactual(d, from, to) {
			continue
		}
		out = append(out, d.Sentences[s])
	}
	return out
}

// Orders compared directly, like the reproach openers.
var (
	orderVerbs  = &wordSets[listOrderVerbs]
	orderBreaks = dataLists[listOrderBreaks]
)

// maxOrderWords is the longest sentence read as a bare order ("Read the
// sign on the door." is five words); a longer one explains something.
const maxOrderWords = 5

// curtOrder: the sentence from word k to word to is nothing but an order
// to go and read or check ("Read the sign.", "Check your voicemail.",
// "Try again."): the whole answer sends the person away to find out for
// themselves, which reproaches them for not having done so.
func curtOrder(d *lex.Doc, k, to int) bool {
	if k >= to || to-k > maxOrderWords || !orderVerbs.Has(&d.Words[k]) {
		return false
	}
	return k+1 == to || !in(orderBreaks, d.Words[k+1].Lower) && !d.Is(k+1, words.FirstPerson)
}

// Orders finds sentences that only order the person to go and read or
// check for themselves ("Look again.", "Check your voicemail."). Under a
// complaint they reproach the person; alone they show no complaint ("Check
// the website." answers a question as often), and under a question they
// are only curt, the manners rule's matter.
func Orders(d *lex.Doc) []text.Span {
	var out []text.Span
	for s := range d.Sentences {
		k, to := d.SentWords[s].Start, d.SentWords[s].End
		for k < to && reproachLeadIns.Has(&d.Words[k]) {
			k++
		}
		if curtOrder(d, k, to) {
			out = append(out, d.Sentences[s])
		}
	}
	return out
}

// counterfactual: "if you had" (or "if you'd") and, later in the
// sentence, what would have followed ("you would know", "wouldn't").
func counterfactual(d *lex.Doc, from, to int) bool {
	if !d.Contains(counterfactualOpeners) {
		return false
	}
	for _, m := range d.Find(counterfactualOpeners.Group) {
		if m.From < from || m.From >= to {
			continue
		}
		for j := m.To; j < to; j++ {
			if in(counterfactualResults, d.Words[j].Lower) {
				return true
			}
		}
	}
	return false
}

// sneerEmoji roll their eyes or shrug, matched as substrings.
var sneerEmoji = dataLists[listSneerEmoji]

// sneers: the reply rolls its eyes or shrugs at someone.
func sneers(d *lex.Doc) bool {
	_, ok := Sneer(d)
	return ok
}

// sneersAt: the reply rolls its eyes or shrugs, and not back at a comment
// that made the same face ("back in the chair again lol 🙃" "Welcome
// back!! 🙃"): mirrored, the face is play.
func sneersAt(d, c *lex.Doc) bool {
	sp, ok := Sneer(d)
	return ok && (c == nil || !strings.Contains(c.Text, d.Text[sp.Start:sp.End]))
}

// Sneer finds the first emoji in the reply that rolls its eyes or shrugs
// at someone ("so sorry our chairs are too hard for you 🙄"): under a
// complaint it is sarcasm, whatever the words say.
//
// Emoji are in no word: one starts where the tokenizer noted such a rune
// (text.Doc.Symbols), so only those few offsets are tried, not the text
// searched once per emoji; at each, an emoji is compared only when the
// text's byte where the emoji would end is the emoji's last byte (emoji
// share their first bytes, rarely their last). Rules call it from several
// places: one copy of its loops in engine.wasm, not one per call.
//
//go:noinline
func Sneer(d *lex.Doc) (text.Span, bool) {
	for _, at := range d.Symbols() {
		rest := d.Text[at:]
		for _, e := range sneerEmoji {
			if n := len(e); n <= len(rest) && (n == 0 || rest[n-1] == e[n-1]) && rest[:n] == e {
				return text.Span{Start: int(at), End: int(at) + len(e)}, true
			}
		}
	}
	return text.Span{Start: -1}, false
}

// denialSubjects are compared directly, like the fault lists.
var denialSubjects = dataLists[listDenialSubjects]

// shoutedDenial: a sentence written all in capitals that denies something
// of the practice or the person ("WE HAVE NEVER LOST A FILE", "YOU WERE NOT
// CHARGED TWICE"): shouting "no" at someone answers their complaint.
func shoutedDenial(d *lex.Doc) bool {
	if d.Shapes&text.AllCaps == 0 {
		return false
	}
	for s := range d.Sentences {
		from, to := d.SentWords[s].Start, d.SentWords[s].End
		caps, subject := 0, -1
		denies := false
		for k := from; k < to; k++ {
			w := &d.Words[k]
			if strings.ToUpper(d.Text[w.Start:w.End]) != d.Text[w.Start:w.End] {
				caps = -1 // a lower-case word: not a shouted sentence
				break
			}
			if w.Shape&text.AllCaps != 0 {
				caps++
			}
			switch {
			case in(denialSubjects, w.Lower):
				subject = k
			case subject >= 0 && k-subject <= 3 && d.Is(k, words.Negators):
				denies = true
			}
		}
		if caps >= 3 && denies {
			return true
		}
	}
	return false
}

// Published and falsity words are compared directly, like the fault lists.
var (
	publishedWords = &wordSets[listPublishedWords] // (read per word: by hash first)
	falsityWords   = dataLists[listFalsityWords]
)

// disputesPost: the reply names what the person published and calls it
// untrue, right before it ("false reviews") or within two words after it
// ("the review is fake", "posting lies online"): it argues with a
// complaint. A post about fake news says nothing of theirs.
func disputesPost(d *lex.Doc) bool {
	for i := range d.Words {
		if !publishedWords.Has(&d.Words[i]) {
			continue
		}
		for k := i - 1; k <= i+2 && k < len(d.Words); k++ {
			if k >= 0 && k != i && d.Words[k].Sentence == d.Words[i].Sentence && in(falsityWords, d.Words[k].Lower) {
				return true
			}
		}
	}
	return false
}

// Thanked reports whether reply d thanks someone ("thank you", "we
// appreciate", "gracias").
func Thanked(d *lex.Doc) bool { return d.Contains(thanks) }

// Answered reports whether the reply answers a complaint.
func Answered(p *analysis.Pass) bool { return p.ResultOf(Analyzer).(reading)&answered != 0 }

// Inferred reports whether the reply answers a comment that does not read
// as a complaint, and only its own rebuttal (blaming the person, an
// eye-roll) shows the comment complained.
func Inferred(p *analysis.Pass) bool { return p.ResultOf(Analyzer).(reading)&inferred != 0 }

// fault: the fault verb at word k is one in context: "never" before a
// past tense, "stopped" not before "by".
func fault(d *lex.Doc, k int) bool {
	next := ""
	if k+1 < len(d.Words) && d.Words[k+1].Sentence == d.Words[k].Sentence {
		next = d.Words[k+1].Lower
	}
	switch d.Words[k].Lower {
	case "never":
		return strings.HasSuffix(next, "ed") || in(irregularPast, next)
	case "stopped":
		return !in(visitParticles, next)
	}
	return true
}

// quoteMarks open and close a quotation.
const quoteMarks = "'\"‘’“”"

// ScareQuotes finds the person's words quoted back at them: one to four
// words in quotes inside a sentence that speaks to the person or for the
// practice ("we 'forced' you", "your 'botched' nose").
func ScareQuotes(d *lex.Doc) []text.Span {
	var out []text.Span
	// Quote marks are rare but for apostrophes, which follow a letter:
	// search for each opening mark's bytes rather than walk every word.
	curly := strings.IndexByte(d.Text, 0xe2) >= 0
	for _, open := range [...]string{"'", "\"", "\u2018", "\u201c"} {
		if len(open) == 1 && !d.HasByte(open[0]) || len(open) > 1 && !curly {
			continue
		}
		w := 0
		for off := 0; ; {
			k := strings.Index(d.Text[off:], open)
			if k < 0 {
				break
			}
			at := off + k + len(open) // where the quoted word would start
			off = at
			if at-len(open) > 0 && !quoteSpace(d.Text[at-len(open)-1]) {
				continue
			}
			for w < len(d.Words) && d.Words[w].Start < at {
				w++
			}
			if w == 0 || w == len(d.Words) || d.Words[w].Start != at {
				continue
			}
			s := d.Words[w].Sentence
			if d.Words[w-1].Sentence != s || !speaksToPerson(d, s) {
				continue
			}
			for j := w; j < len(d.Words) && j < w+4 && d.Words[j].Sentence == s; j++ {
				if closesQuote(d.Text, d.Words[j].End) {
					out = insertSpan(out, d.WordSpan(w, j+1))
					break
				}
			}
		}
	}
	return out
}

// insertSpan adds sp to spans kept in order of start (the marks are
// searched one kind at a time; there are seldom more than two).
func insertSpan(spans []text.Span, sp text.Span) []text.Span {
	i := len(spans)
	for i > 0 && spans[i-1].Start > sp.Start {
		i--
	}
	return slices.Insert(spans, i, sp)
}

// quoteSpace: the byte before an opening quote mark.
func quoteSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '(' }

// closesQuote: a quote mark starts at byte i and no letter follows it: '
// and " or a curly ’ or ” (E2 80 99/9D).
func closesQuote(t string, i int) bool {
	n := 0
	switch {
	case i < len(t) && (t[i] == '\'' || t[i] == '"'):
		n = 1
	case i+2 < len(t) && t[i] == 0xe2 && t[i+1] == 0x80 && (t[i+2] == 0x99 || t[i+2] == 0x9d):
		n = 3
	default:
		return false
	}
	next, _ := utf8.DecodeRuneInString(t[i+n:])
	return !unicode.IsLetter(next)
}

func speaksToPerson(d *lex.Doc, s int) bool {
	for k := d.SentWords[s].Start; k < d.SentWords[s].End; k++ {
		if in(quotePersons, d.Words[k].Lower) {
			return true
		}
	}
	return false
}

// in reports whether w is one of list's function words: one shared call,
// not a loop inlined at every lookup (engine.wasm size).
//
//go:noinline
func in(list []string, w string) bool { return slices.Contains(list, w) }
