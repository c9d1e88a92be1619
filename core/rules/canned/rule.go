// Package canned is the rule "No auto-respond": templates, auto-responder
// phrasing and the same stock reply again.
package canned

import (
	"math/bits"
	"strings"
	"unicode"

	"github.com/replyguard/replyguard/core/analyses/comment"
	"github.com/replyguard/replyguard/core/analyses/complaint"
	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/analyses/stock"
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/lex/words"
	"github.com/replyguard/replyguard/core/text"
)

// Rule is the seed rule "Don't auto respond": patients recognise
// robotic replies, and the whole community sees them.
var Rule = &analysis.Rule{
	Name:     "no-auto-respond",
	Doc:      "replies must not read like templates, auto-responders or boilerplate",
	Category: analysis.Canned,
	Requires: []*analysis.Analyzer{comment.Analyzer, stock.Analyzer},
	Run:      runCanned,
}

// praiseWords make a reply read as a thank-you for praise.
var praisePhrases = &vocabLists[listPraisePhrases]

// placeholderPrefixes are the opening markers of unfilled template fields.
var placeholderPairs = [][2]string{{"{{", "}}"}, {"{", "}"}, {"[", "]"}, {"<", ">"}, {"%", "%"}, {"$", "$"}}

var placeholderWords = dataLists[listPlaceholderWords]

// msgClientele names a line written for every patient in place of an
// answer to this one.
const msgClientele = "a line for every patient that ignores what this person wrote"

// msgAutoResponder names the stock phrases and notices of an auto-responder.
const msgAutoResponder = "reads like an auto-responder"

func runCanned(p *analysis.Pass) {
	d := p.Reply
	if len(d.Words) == 0 {
		return
	}
	reported := false
	for _, sp := range placeholders(d.Doc) {
		p.Report(analysis.Finding{Start: sp.Start, End: sp.End, Message: "unfilled template placeholder",
			Suggestion: "write the person's reply by hand instead of a template"})
		reported = true
	}
	matches := stock.Of(p)
	covered := 0
	strongHit := false
	for _, m := range matches {
		covered += m.To - m.From
		if m.List == stock.Strong.ID && !personalPromise(d, m) && (m.To >= len(d.Words) || !turnWords.Has(&d.Words[m.To])) {
			strongHit = true
			sp := d.WordSpan(m.From, m.To)
			p.Report(analysis.Finding{Start: sp.Start, End: sp.End, Message: msgAutoResponder,
				Suggestion: "say something about what the person actually wrote"})
			reported = true
		}
	}
	// A complaint answered with praise boilerplate ignores what was written;
	// thanks beside an apology of the reply's own answer a comment that
	// praised one thing and complained of another ("thank you for the kind
	// words about Dr. Hale, and we're sorry about the hold time").
	sorry := ownApology(d, matches)
	clientele := clienteleLines(d) // read once; O(1) without a clientele noun
	if comment.Of(p).Negative && !sorry {
		for _, m := range d.Find(praisePhrases.Group) {
			sp := d.WordSpan(m.From, m.To)
			p.Report(analysis.Finding{Start: sp.Start, End: sp.End, Message: "thanks a complaint as if it were praise",
				Suggestion: "acknowledge the problem the person described and offer to make it right"})
			reported = true
		}
		if !reported {
			if sp, ok := thanksForPraise(d); ok {
				p.Report(analysis.Finding{Start: sp.Start, End: sp.End, Message: "thanks a complaint as if it were praise",
					Suggestion: "acknowledge the problem the person described and offer to make it right"})
				reported = true
			}
		}
		if !reported {
			if clientele != 0 && !echoesComment(p, d) {
				sp := d.Sentences[bits.TrailingZeros64(clientele)]
				p.Report(analysis.Finding{Start: sp.Start, End: sp.End, Message: msgClientele,
					Suggestion: "acknowledge the problem the person described and offer to make it right"})
				reported = true
			}
		}
	}
	// Mostly stock phrases and nothing specific: boilerplate.
	short := len(d.Words) <= 8 && p.Input.Comment != "" && len(matches) == 1 && matches[0].To-matches[0].From >= 3 &&
		!strings.Contains(d.Lower[d.Words[matches[0].From].Start:d.Words[matches[0].To-1].End], "sharing")
	if !reported && !strongHit && (len(matches) >= 2 || short) {
		content := specificWords(d, matches)
		if covered*2 >= len(d.Words) && content < 3 && !echoesComment(p, d) {
			p.Report(analysis.Finding{Start: 0, End: len(d.Text), Message: "generic reply that says nothing about the comment",
				Suggestion: "mention what the person wrote about, in your own words"})
			reported = true
		}
	}
	// Whole-reply signals of a template, in order; the first that fires
	// reports (one finding for one template).
	for _, sig := range templateSignals {
		if reported {
			break
		}
		if sorry && sig.personal {
			continue
		}
		if sp, ok := sig.find(d, matches); ok {
			p.Report(analysis.Finding{Start: sp.Start, End: sp.End, Message: sig.message, Suggestion: sig.suggestion})
			reported = true
		}
	}
	// A request for a rating: the closing line of review-request texts.
	if !reported && d.Contains(ratingAsks) {
		m := d.Find(ratingAsks.Group)[0]
		sp := d.WordSpan(m.From, m.To)
		p.Report(analysis.Finding{Start: sp.Start, End: sp.End, Message: "reads like an automated review request",
			Suggestion: "answer what the person wrote; ask for reviews elsewhere, never in a reply"})
		reported = true
	}
	// Thanks for a review or for feedback under a comment that is neither:
	// the same reply whatever was written. Praise is a review of sorts, so
	// under praise only a reply with nothing of its own is one.
	if !reported && p.Comment != nil && reviewReply(d, matches) && !reviewWords(p.Comment) && !echoesComment(p, d) &&
		(!praised(p) || specificWords(d, matches) < 4) && !(sorry && (redirects(d) || strings.ContainsAny(d.Text, "0123456789"))) {
		p.Report(analysis.Finding{Start: 0, End: len(strings.TrimRightFunc(d.Text, unicode.IsSpace)), Message: "thanks for a review or feedback the comment never gave",
			Suggestion: "reply to what the person wrote, in your own words"})
		reported = true
	}
	// Stock thanks, promotion and slogans and nothing else.
	if !reported && !sorry && templateReply(p, d) {
		p.Report(analysis.Finding{Start: 0, End: len(strings.TrimRightFunc(d.Text, unicode.IsSpace)), Message: "one-size-fits-all template reply",
			Suggestion: "reply to what the person wrote, in your own words"})
		reported = true
	}
	// A question answered with thanks for praise it never gave: the
	// praise template pasted under whatever was written.
	if !reported && askedNotPraised(p) && !echoesComment(p, d) {
		ms := d.Find(praisePhrases.Group)
		sp, ok := text.Span{}, len(ms) > 0
		if ok {
			sp = d.WordSpan(ms[0].From, ms[0].To)
		} else {
			sp, ok = thanksForPraise(d)
		}
		// Thanks after an answer of two words or more close it ("It's pinned
		// on our profile. Thanks for following along!"); opening the reply,
		// they are all it says.
		if at := d.WordBefore(sp.Start) + 1; ok && at >= 2 && at < len(d.Words) && thanksOpeners.Has(&d.Words[at]) {
			ok = false
		}
		if ok {
			p.Report(analysis.Finding{Start: sp.Start, End: sp.End, Message: "thanks for praise the comment never gave",
				Suggestion: "answer what the person asked, in your own words"})
			reported = true
		}
	}
	// A question answered with a line for every patient and little else:
	// "Thank you for your inquiry! Our team is here to serve all your
	// dental needs!"
	if !reported && askedNotPraised(p) && comment.Of(p).Kind != comment.Clinical {
		if clientele != 0 && ownWordsBeside(d, matches, clientele) <= ownWordsAllowed && !echoesComment(p, d) {
			sp := d.Sentences[bits.TrailingZeros64(clientele)]
			p.Report(analysis.Finding{Start: sp.Start, End: sp.End, Message: msgClientele,
				Suggestion: "answer what the person asked, in your own words"})
			reported = true
		}
	}
	// Stock thanks and lines for every patient, nothing else, whatever the
	// comment: "Thank you for your review! Our mission is to provide
	// excellent care to every patient."
	if !reported && len(matches) > 0 {
		if clientele != 0 && ownWordsBeside(d, matches, clientele) == 0 && !echoesComment(p, d) {
			p.Report(analysis.Finding{Start: 0, End: len(strings.TrimRightFunc(d.Text, unicode.IsSpace)), Message: msgClientele,
				Suggestion: "reply to what the person wrote, in your own words"})
			reported = true
		}
	}
	// Corporate vocabulary and nothing about the comment: "We truly value
	// every patient's input and strive for excellent service."
	if !reported && p.Input.Comment != "" && corporateReply(d) && !echoesComment(p, d) {
		p.Report(analysis.Finding{Start: 0, End: len(d.Text), Message: "generic reply that says nothing about the comment",
			Suggestion: "mention what the person wrote about, in your own words"})
		reported = true
	}
	// Thanks for the act of writing or waiting and customer-service words,
	// nothing else, under a question or a complaint: "Thanks for your
	// comment! We appreciate your engagement."
	if !reported && actReply(p, d, matches) {
		p.Report(analysis.Finding{Start: 0, End: len(strings.TrimRightFunc(d.Text, unicode.IsSpace)), Message: "generic reply that says nothing about the comment",
			Suggestion: "mention what the person wrote about, in your own words"})
		reported = true
	}
	// A promotion under a complaint it does not apologise for, or under
	// praise or a remark it never thanks and signs with a hashtag: the
	// marketing paste that ignores what was written (its words may echo
	// the comment's: "Teeth in a Day" under a post about teeth in a day).
	if !reported && promoIgnores(p, d, sorry) {
		if sp, ok := promotion(d); ok {
			p.Report(analysis.Finding{Start: sp.Start, End: sp.End, Message: "a promotion that ignores what the person wrote",
				Suggestion: "answer what the person wrote; keep promotions for the page's own posts"})
			reported = true
		}
	}
	// The same words twice in one reply: a template pasted twice or an
	// automation that fired twice.
	if !reported {
		if sp, ok := repeatedRun(d.Doc); ok {
			p.Report(analysis.Finding{Start: sp.Start, End: sp.End, Message: "says the same words twice, like a pasted template",
				Suggestion: "say it once, in your own words"})
			reported = true
		}
	}
	// The writer's own recent replies: the same stock sentence again.
	if !reported && p.Config.NearDuplicateBits > 0 && len(d.Words) >= 6 {
		fp := text.Fingerprint(d.Doc)
		for _, r := range p.Input.Recent {
			if r != 0 && text.FingerprintDistance(fp, r) <= p.Config.NearDuplicateBits {
				p.Report(analysis.Finding{Start: 0, End: len(d.Text), Message: "nearly the same as one of your recent replies",
					Suggestion: "write this one fresh so it doesn't read as copy-paste"})
				break
			}
		}
	}
}

// templateSignals are the template shapes found on the whole reply, each
// with what to tell the writer.
var templateSignals = []struct {
	find                func(*lex.Doc, []lex.Match) (text.Span, bool)
	message, suggestion string
	// personal: an apology of the reply's own shows a person answering
	// ("Sorry! Reply STOP to 555-0187 and we'll take you off the list"):
	// machines send menus, they do not apologise.
	personal bool
}{
	// Thanks that name the practice as a form letter does, with little
	// else of its own: "Thank you for choosing Maple Grove Pediatric Dentistry!".
	{formLetterThanks, "reads like a form letter",
		"thank them in your own words and say something about what they wrote", false},
	// A notice that nobody reads the channel: "this account is not monitored".
	{ignoreStock(unwatchedNotice), msgAutoResponder,
		"answer in your own words, or leave the notice for the page's About section", false},
	// An automatic promise: nobody in particular will reply, some time.
	{ignoreStock(vaguePromise), msgAutoResponder,
		"answer now in your own words, or name who will follow up", false},
	// An automated menu or reminder: "Reply C to confirm", "press 1".
	{ignoreStock(replyCodeMenu), "reads like an automated reminder or menu",
		"answer in your own words; send reminders privately, never as a public reply", true},
}

// ignoreStock adapts a signal that reads the words only.
func ignoreStock(f func(*lex.Doc) (text.Span, bool)) func(*lex.Doc, []lex.Match) (text.Span, bool) {
	return func(d *lex.Doc, _ []lex.Match) (text.Span, bool) { return f(d) }
}

// ratingAsks ask the person to rate the practice.
var ratingAsks = &vocabLists[listRatingAsks]

// reviewWordList makes a stock thank-you a review reply.
var reviewWordList = &vocabLists[listReviewWords]

// reviewReply: a stock phrase or a stock thanks for praise that names a
// review, stars or feedback.
func reviewReply(d *lex.Doc, matches []lex.Match) bool {
	if !d.Contains(reviewWordList) {
		return false
	}
	for _, ms := range [][]lex.Match{matches, d.Find(praisePhrases.Group)} {
		for _, m := range ms {
			if personalPromise(d, m) {
				continue // "Tom will review it": a person's promise, no thanks
			}
			for k := m.From; k < m.To; k++ {
				if d.Is(k, reviewWordList) {
					return true
				}
			}
		}
	}
	return false
}

// askedNotPraised: the comment asks something and neither praises nor
// thanks the practice, so thanks for praise answers nothing it said.
func askedNotPraised(p *analysis.Pass) bool {
	switch comment.Of(p).Kind {
	case comment.Question, comment.Billing, comment.Clinical:
	default:
		return false
	}
	c := p.Comment
	if c == nil || c.Contains(praiseObjects) || c.Contains(praisePhrases) || reviewWords(c) {
		return false
	}
	for i := range c.Words {
		if thanksOpeners.Has(&c.Words[i]) {
			return false
		}
	}
	return true
}

// praised: the comment is praise or a shared link.
func praised(p *analysis.Pass) bool {
	k := comment.Of(p).Kind
	return k == comment.Compliment || k == comment.Link
}

// reviewWords: the comment speaks of a review, stars or feedback itself.
func reviewWords(c *lex.Doc) bool {
	return c.Contains(reviewWordList) || strings.Contains(c.Text, "⭐") || strings.Contains(c.Text, "/10") || strings.Contains(c.Text, "/5")
}

// stopWords carry no content of their own.
var stopWords = &vocabLists[listStopWords]

// specificWords counts content words outside stock phrases.
func specificWords(d *lex.Doc, matches []lex.Match) int {
	in := make([]bool, len(d.Words))
	for _, m := range matches {
		for k := m.From; k < m.To; k++ {
			in[k] = true
		}
	}
	n := 0
	for i := range d.Words {
		w := &d.Words[i]
		if !in[i] && !d.Is(i, stopWords) && len(w.Lower) > 2 {
			n++
		}
	}
	return n
}

// echoesComment reports whether the reply picks up content words of the comment.
func echoesComment(p *analysis.Pass, d *lex.Doc) bool {
	cd := p.Comment
	if cd == nil {
		return false
	}
	seen := map[string]bool{}
	for i := range cd.Words {
		w := &cd.Words[i]
		if !cd.Is(i, stopWords) && len(w.Lower) > 3 {
			seen[w.Lower] = true
		}
	}
	for _, w := range d.Words {
		if seen[w.Lower] {
			return true
		}
	}
	return false
}

// placeholders finds unfilled template fields: {first_name}, [Patient Name],
// <NAME>, %name%, {{name}}.
func placeholders(d *text.Doc) []text.Span {
	var out []text.Span
	var opens nextOpen
	t := d.Text
	for c := range len(placeholderOpens) {
		opens.ended[c] = !d.HasByte(placeholderOpens[c]) // no scan for a mark the text lacks
	}
	for i := 0; i < len(t); i++ {
		if i = opens.next(t, i); i < 0 {
			break
		}
		for _, pair := range placeholderPairs {
			if !strings.HasPrefix(t[i:], pair[0]) {
				continue
			}
			rest := t[i+len(pair[0]):]
			limit := len(rest)
			if limit > 40 {
				limit = 40
			}
			j := strings.Index(rest[:limit], pair[1])
			if j <= 0 {
				continue
			}
			inner := text.ASCIILower(t[i+len(pair[0]) : i+len(pair[0])+j])
			if strings.ContainsAny(inner, "\n{}[]<>") {
				continue
			}
			if isPlaceholder(inner, t[i+len(pair[0]):i+len(pair[0])+j], pair[0]) {
				end := i + len(pair[0]) + j + len(pair[1])
				out = append(out, text.Span{Start: i, End: end})
				i = end - 1
				break
			}
		}
	}
	return out
}

// nextOpen finds the next byte that may open a placeholder. Each opening
// byte is searched for on its own (IndexByte is fast) and its position kept
// until passed, so the text is scanned once per byte, not once per find.
type nextOpen struct {
	at    [len(placeholderOpens)]int // index plus one of the next one; 0 unknown
	ended [len(placeholderOpens)]bool
}

const placeholderOpens = "{[<%$"

// next returns the first index >= i of an opening byte in t, or -1.
func (o *nextOpen) next(t string, i int) int {
	best := -1
	for c := range len(placeholderOpens) {
		if o.ended[c] {
			continue
		}
		if o.at[c] == 0 || o.at[c]-1 < i {
			k := strings.IndexByte(t[i:], placeholderOpens[c])
			if k < 0 {
				o.ended[c] = true
				continue
			}
			o.at[c] = i + k + 1
		}
		if best < 0 || o.at[c]-1 < best {
			best = o.at[c] - 1
		}
	}
	return best
}

// isPlaceholder judges a bracketed field by its words (name, date...),
// then by its shape, in any language: prose never puts one bare identifier
// in braces or between percent signs ({nombre}, %fecha%), nor a title-case
// label in brackets ([Nombre], <Nom>).
func isPlaceholder(lower, orig, open string) bool {
	for _, w := range placeholderWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	switch open {
	case "{", "{{", "%":
		if identifier(orig) {
			return true
		}
	case "[", "<":
		if titleLabel(orig) {
			return true
		}
	}
	// <NAME>, [FIRST]: an all-caps token.
	letters := 0
	for i := 0; i < len(orig); i++ {
		c := orig[i]
		if c >= 'a' && c <= 'z' {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			letters++
		}
	}
	return letters >= 3
}

var (
	menuVerbs     = &vocabLists[listMenuVerbs]
	keypadVerbs   = &vocabLists[listKeypadVerbs]
	menuLinks     = &wordSets[listMenuLinks] // (read per word: by hash first)
	templateWords = &vocabLists[listTemplateWords]
	promoCalls    = &vocabLists[listPromoCalls]
)

// replyCodeMenu finds a verb, a reply code and what the code does: "Reply
// C to confirm", "Reply HOURS, BOOK, or BILLING to continue", or two
// keypad options ("press 1 for hours … press 2 for billing"). People do not
// ask each other for codes in public.
func replyCodeMenu(d *lex.Doc) (text.Span, bool) {
	keypad, first, last := 0, 0, 0
	for i := range d.Words {
		reply, pad := d.Is(i, menuVerbs), d.Is(i, keypadVerbs)
		if !reply && !pad || i+1 >= len(d.Words) || !replyCode(d, i+1) {
			continue
		}
		k := i + 2
		for k < len(d.Words) && k < i+6 && replyCode(d, k) {
			k++
		}
		sameSentence := k < len(d.Words) && d.Words[k].Sentence == d.Words[i].Sentence
		linked := sameSentence && menuLinks.Has(&d.Words[k])
		if reply && linked {
			return d.WordSpan(i, k+1), true
		}
		// "For billing press 2." names the option before the code.
		if pad && (linked || !sameSentence) {
			if keypad == 0 {
				first = d.Words[i].Start
			}
			keypad, last = keypad+1, d.Words[k-1].End
		}
	}
	return text.Span{Start: first, End: last}, keypad >= 2
}

// replyCode: a one- or two-digit number, or a capital letter or an
// all-capital word of up to ten letters ("C", "HOURS", "SÍ": bytes of
// non-ASCII letters count for neither case).
func replyCode(d *lex.Doc, i int) bool {
	w := d.Text[d.Words[i].Start:d.Words[i].End]
	digits, upper := 0, 0
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'A' && c <= 'Z':
			upper++
		case c < 0x80:
			return false
		}
	}
	return upper == 0 && digits >= 1 && digits <= 2 || digits == 0 && upper >= 1 && upper <= 10
}

// hashtagContent is how many content words a reply signed with several
// hashtags may carry and still be a template.
const hashtagContent = 8

// templateReply reports a reply made only of stock parts (thanks, a
// promotion, a slogan, greetings, names, emoji, hashtags) that is
// one-size-fits-all: it carries a template's marks (a hashtag or a
// promotional call to action), or it answers a complaint or question it
// ignores.
func templateReply(p *analysis.Pass, d *lex.Doc) bool {
	stock, content, hashtags := 0, 0, 0
	for i := range d.Words {
		w := &d.Words[i]
		if hashtag(d, i) {
			hashtags++
			continue
		}
		switch {
		case d.Is(i, templateWords) || bookingWords.Has(w):
			stock++
		case d.Is(i, stopWords) || len(w.Lower) <= 2 && !isDigits(w.Lower):
		case !d.StartsSentence(i) && text.IsCapitalized(d.Text, *w):
			// a name: the practice's or the person's
		default:
			content++
		}
	}
	// A hashtag or a promotion marks a template; emoji decoration is a
	// softer mark. Each lets a little more content through.
	marked, decorated := hashtags > 0 || d.Contains(promoCalls), hasEmoji(d.Text)
	// Several hashtags are a marketing template's signature: they let a
	// slogan's worth of content through ("we're on a mission to help our
	// community live pain-free #SummitChiro #PainFreeLiving").
	allowed := 2
	if hashtags >= 2 {
		allowed = hashtagContent
	}
	kind := comment.Of(p).Kind
	// A lone decorated redirect ("DM us!! 💕") under a question it could
	// have answered.
	loneRedirect := stock <= 1 && decorated && content == 0 && redirects(d) &&
		(kind == comment.Question || kind == comment.Billing)
	switch {
	case loneRedirect:
		return !echoesComment(p, d)
	case stock < 2 || stock == 2 && !decorated:
		return false
	case marked && content > allowed, !marked && decorated && content > 1, !marked && !decorated && content > 0:
		return false
	case echoesComment(p, d):
		return false
	case marked:
		return true
	}
	// Under anything but praise (or no comment), stock lines ignore it; a
	// clinical question sent on to call or message is routed, not ignored.
	switch kind {
	case comment.Complaint, comment.Question, comment.Billing:
		return true
	case comment.None:
		// With no comment to judge by, stock thanks for a review or
		// feedback and nothing else is the review template.
		// Thanks that name the reviewer ("Thanks for the 5 stars, Deb!")
		// were written to one person.
		// A warm word for the review or what it did to the team ("the
		// sweet review", "it made our week") is a person's.
		return content <= 1 && d.Contains(reviewWordList) && !thankedByName(d) && !d.Contains(warmThanks)
	case comment.Clinical:
		return !redirects(d)
	}
	return false
}

// redirectWords send the person elsewhere: "DM us", "see our website".
// Compared directly: registered, such common words would be matched in
// every reply.
var redirectWords = &wordSets[listRedirectWords] // (read per word: by hash first)

func redirects(d *lex.Doc) bool {
	for i := range d.Words {
		if redirectWords.Has(&d.Words[i]) {
			return true
		}
	}
	return false
}

// hasEmoji reports a pictograph (U+1F000 and up: UTF-8 F0 9F), a symbol
// or dingbat (U+2600-U+27BF: E2 98 to E2 9E) or a star (U+2B00-U+2B7F:
// E2 AC and E2 AD, "⭐") in t.
func hasEmoji(t string) bool {
	for i := 0; i+1 < len(t); i++ {
		if t[i] == 0xf0 && t[i+1] == 0x9f || t[i] == 0xe2 && (t[i+1] >= 0x98 && t[i+1] <= 0x9e || t[i+1] == 0xac || t[i+1] == 0xad) {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// identifier reports a template field name: a letter, then letters,
// digits, "_" or "." only, 2 to 30 bytes.
func identifier(s string) bool {
	if len(s) < 2 || len(s) > 30 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !letterByte(c) && (i == 0 || c != '_' && c != '.' && !(c >= '0' && c <= '9')) {
			return false
		}
	}
	return true
}

// letterByte: an ASCII letter or a byte of a non-ASCII character (in
// field names, an accented letter: "teléfono"). Bytes, not runes, keep
// these checks small in engine.wasm.
func letterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

// titleLabel reports one to three title-case words of letters only:
// "Nombre", "Patient Name".
func titleLabel(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 3 || len(s) < 3 {
		return false
	}
	for _, w := range ws {
		if w[0] < 'A' || w[0] > 'Z' {
			return false
		}
		for i := 1; i < len(w); i++ {
			if !letterByte(w[i]) {
				return false
			}
		}
	}
	return true
}

// corporateWords are the vocabulary of customer-service boilerplate.
var corporateWords = &vocabLists[listCorporateWords]

// corporateReply reports a reply whose content words are mostly boilerplate
// vocabulary, with enough of them to be more than a quick thank-you.
func corporateReply(d *lex.Doc) bool {
	content, corporate := 0, 0
	for i := range d.Words {
		w := &d.Words[i]
		if len(w.Lower) <= 2 {
			continue
		}
		if d.Is(i, corporateWords) {
			corporate++
			content++
		} else if !d.Is(i, stopWords) {
			content++
		}
	}
	return corporate >= 5 && corporate*10 >= content*7
}

var (
	promiseAgents = &vocabLists[listPromiseAgents]
	promiseVerbs  = &vocabLists[listPromiseVerbs]
	promiseTimes  = &vocabLists[listPromiseTimes]
)

// vaguePromise finds a sentence in which nobody in particular will reply
// at some vague time: "a representative will respond within 24 hours",
// "alguien se comunicará con usted pronto".
func vaguePromise(d *lex.Doc) (text.Span, bool) {
	if !d.Contains(promiseAgents) || !d.Contains(promiseVerbs) || !d.Contains(promiseTimes) {
		return text.Span{}, false
	}
	all := ^uint64(0)
	for _, l := range []*lex.List{promiseAgents, promiseVerbs, promiseTimes} {
		var in uint64 // sentences with an entry of l, the first 64
		for _, m := range d.Find(l.Group) {
			if s := d.Words[m.From].Sentence; s < 64 {
				in |= 1 << s
			}
		}
		all &= in
	}
	if all == 0 {
		return text.Span{}, false
	}
	return d.Sentences[bits.TrailingZeros64(all)], true
}

var (
	praiseObjects = &vocabLists[listPraiseObjects]
	thanksOpeners = &wordSets[listThanksOpeners] // (read per word: by hash first)
)

// thanksForPraise finds a thank-you for praise, in any words: "thanks" and,
// within five words of the same clause, what praise gives ("thank you so
// much for all the love", "thanks for following us").
func thanksForPraise(d *lex.Doc) (text.Span, bool) {
	if !d.Contains(praiseObjects) {
		return text.Span{}, false
	}
	for _, m := range d.Find(praiseObjects.Group) {
		s := d.Words[m.From].Sentence
		for k := m.From - 1; k >= 0 && k >= m.From-5 && d.Words[k].Sentence == s; k-- {
			if clauseBreak(d.Text[d.Words[k].End:d.Words[k+1].Start]) {
				break // "thanks for telling us, we'd love to fix it"
			}
			if thanksOpeners.Has(&d.Words[k]) {
				return d.WordSpan(k, m.To), true
			}
		}
	}
	return text.Span{}, false
}

// clauseBreak reports clause punctuation in the gap between two words.
func clauseBreak(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case ',', ';', ':', '!', '?':
			return true
		}
	}
	return false
}

// formThanks is what a form letter thanks for before the business's name.
var formThanks = &vocabLists[listFormThanks]

// formLetterContent is the most content words, outside stock phrases and
// names, that a reply thanking in a form letter's words may have: more
// is a person writing.
const formLetterContent = 4

// formLetterThanks finds thanks for choosing, contacting or visiting the
// practice by its name, two or more capitalised words that are not a
// clinician ("Thank you for choosing Maple Grove Pediatric Dentistry"), in a reply with
// little content of its own. The span runs from the thanks to the name's
// end.
func formLetterThanks(d *lex.Doc, matches []lex.Match) (text.Span, bool) {
	if !d.Contains(formThanks) {
		return text.Span{}, false
	}
	for _, m := range d.Find(formThanks.Group) {
		s := d.Words[m.From].Sentence
		thanked := -1
		for k := m.From - 1; k >= 0 && k >= m.From-4 && d.Words[k].Sentence == s; k-- {
			if thanksOpeners.Has(&d.Words[k]) {
				thanked = k
			}
		}
		if thanked < 0 {
			continue
		}
		end := m.To
		for end < len(d.Words) && d.Words[end].Sentence == s && capitalWord(d, end) {
			end++
		}
		if end-m.To < 2 || d.Is(m.To, practice.StaffTitles) {
			continue
		}
		content, stocked := 0, false
		for _, sm := range matches {
			stocked = stocked || sm.To <= thanked || sm.From >= end // stock words of its own
		}
		for i := range d.Words {
			if i >= thanked && i < end || capitalWord(d, i) || d.Is(i, stopWords) || len(d.Words[i].Lower) <= 2 {
				continue
			}
			if !inStock(matches, i) {
				content++
			}
		}
		// Stock phrases beside it make it a form letter whatever else it
		// says; otherwise the person's own care ("for your new crown")
		// is something of the reply's own.
		if stocked || content <= formLetterContent && !ownedCare(d) {
			return text.Span{Start: d.Words[thanked].Start, End: d.Words[end-1].End}, true
		}
	}
	return text.Span{}, false
}

// capitalWord: word i is capitalised or in capitals and not the sentence's
// first word.
func capitalWord(d *lex.Doc, i int) bool {
	w := d.Words[i]
	return !d.StartsSentence(i) && (text.IsCapitalized(d.Text, w) || w.Shape&text.AllCaps != 0)
}

// ownedCare: "your" (or "tu", "su") a few words before a care word: the
// reply speaks of the person's own care.
func ownedCare(d *lex.Doc) bool {
	for i := range d.Words {
		if !careOwners.Has(&d.Words[i]) {
			continue
		}
		for j := i + 1; j < len(d.Words) && j <= i+3 && d.Words[j].Sentence == d.Words[i].Sentence; j++ {
			if _, ok := d.LongestAt(j, care.All); ok {
				return true
			}
		}
	}
	return false
}

// careOwners are read per word, by hash first.
var careOwners = &wordSets[listCareOwners]

// channelNouns and unwatchedWords are read per word, by hash first.
var (
	channelNouns   = &wordSets[listChannelNouns]
	unwatchedWords = &wordSets[listUnwatchedWords]
)

// unwatchedNotice finds a sentence saying a channel is not read: a channel
// noun, then a negation right before "monitored" or "checked" ("this
// account is not monitored", "comments on this page aren't monitored").
// The span runs from the channel noun to the participle.
func unwatchedNotice(d *lex.Doc) (text.Span, bool) {
	for i := 1; i < len(d.Words); i++ {
		if !unwatchedWords.Has(&d.Words[i]) || !d.Is(i-1, words.Negators) {
			continue
		}
		s := d.Words[i].Sentence
		for k := i - 2; k >= 0 && d.Words[k].Sentence == s; k-- {
			if channelNouns.Has(&d.Words[k]) {
				return text.Span{Start: d.Words[k].Start, End: d.Words[i].End}, true
			}
		}
	}
	return text.Span{}, false
}

// actNouns name what the person did, wrote or waited, not what they said;
// actOwners before one make it theirs ("your comment", "su mensaje"),
// not an order ("read the post"). Both compared directly.
var (
	actNouns  = &wordSets[listActNouns] // (read per word: by hash first)
	actOwners = &wordSets[listActOwners]
)

// ownWordsAllowed is how many words of its own, outside stock phrases and
// customer-service vocabulary, a reply thanking for the act may carry and
// still say nothing.
const ownWordsAllowed = 2

// actReply: under a question or a complaint, a reply that thanks for
// only the act of writing or waiting ("your comment", "your patience"),
// whose other words are customer-service vocabulary,
// names and emoji, with no number or address of its own (a phone number
// or an email is something to act on) and nothing of the comment's.
// With no comment, the review reply of the same words ("Thank you for
// your feedback. We take all concerns seriously."): it names a review or
// feedback, and no person shows (an apology of its own, thanks by name).
// A staff member's "happy to help with your question" is no review reply.
func actReply(p *analysis.Pass, d *lex.Doc, matches []lex.Match) bool {
	switch comment.Of(p).Kind {
	case comment.Question, comment.Billing, comment.Clinical, comment.Complaint:
	case comment.None:
		if !d.Contains(reviewWordList) || ownApology(d, matches) || thankedByName(d) {
			return false
		}
	default:
		return false
	}
	if strings.ContainsAny(d.Text, "0123456789@") {
		return false
	}
	act, own := false, 0
	for i := range d.Words {
		w := &d.Words[i]
		switch {
		case actNouns.Has(w):
			// "your comment", "your wonderful feedback", not "read the post"
			act = act || i > 0 && actOwners.Has(&d.Words[i-1]) ||
				i > 1 && actOwners.Has(&d.Words[i-2])
		case inStock(matches, i), len(w.Lower) <= 2, d.Is(i, stopWords), d.Is(i, corporateWords), d.Is(i, templateWords):
		case text.IsCapitalized(d.Text, *w) && (!d.StartsSentence(i) || i+1 < len(d.Words) && text.IsCapitalized(d.Text, d.Words[i+1])):
			// a name, the practice's, also opening a sentence ("Harbor
			// Family Care is …")
		default:
			own++
		}
	}
	// Last, as it builds a set of the comment's words: most replies are
	// out before.
	return act && own <= ownWordsAllowed && !echoesComment(p, d)
}

// bookingWords are read per word, by hash first.
var bookingWords = &wordSets[listBookingWords]

// repeatRun is how many words in a row make a repeat; repeatMaxWords
// bounds the replies searched (the search compares every pair of
// places): templates pasted twice are short.
const repeatRun, repeatMaxWords = 5, 60

// repeatedRun finds the second copy of five words in a row that the
// reply already said, none with a digit: "thank you for your feedback"
// twice. An address given in two languages repeats its numbers, not its
// words.
func repeatedRun(d *text.Doc) (text.Span, bool) {
	ws := d.Words
	n := len(ws)
	if n > repeatMaxWords {
		return text.Span{}, false
	}
	for j := repeatRun; j+repeatRun <= n; j++ {
		for i := 0; i+repeatRun <= j; i++ {
			if ws[i].Hash != ws[j].Hash {
				continue
			}
			k := 0
			for k < repeatRun && ws[i+k].Hash == ws[j+k].Hash && ws[j+k].Shape&text.HasDigit == 0 {
				k++
			}
			if k == repeatRun {
				return d.WordSpan(j, j+repeatRun), true
			}
		}
	}
	return text.Span{}, false
}

// warmThanks are a person's thanks for a review.
var warmThanks = &vocabLists[listWarmThanks]

// turnWords right after a strong stock phrase make it a rebuttal's
// preface ("We appreciate all reviews. However, ..."), not an auto-responder.
var turnWords = &wordSets[listTurnWords] // (read per word: by hash first)

// ownApology: the reply apologises outside its stock phrases ("So sorry
// about the wait", not "we apologize for any inconvenience"): a person
// regretting what happened, which no template, menu or praise
// boilerplate does.
func ownApology(d *lex.Doc, matches []lex.Match) bool {
	if !d.Contains(complaint.Apologies) {
		return false
	}
	for _, a := range d.Find(complaint.Apologies.Group) {
		inStock := false
		for _, m := range matches {
			inStock = inStock || m.From <= a.From && a.To <= m.To
		}
		if !inStock {
			return true
		}
	}
	return false
}

// thankedByName: a sentence that thanks someone also calls them by one
// capitalised name set off as an address is ("Thanks for the 5 stars,
// Deb!", "Thank you, Ana, for the review", "thank u for the stars Jess!!"):
// one word, not opening the sentence, with a comma before it or a word
// that is no preposition ("at Crestline," is a place), and clause
// punctuation or the end after it.
func thankedByName(d *lex.Doc) bool {
	for i := 1; i < len(d.Words); i++ {
		w := &d.Words[i]
		if d.StartsSentence(i) || !text.IsCapitalized(d.Text, *w) || w.Shape&text.AllCaps != 0 || len(w.Lower) < 2 {
			continue
		}
		prev := &d.Words[i-1]
		if text.IsCapitalized(d.Text, *prev) && !d.StartsSentence(i-1) || i+1 < len(d.Words) && !d.StartsSentence(i+1) && text.IsCapitalized(d.Text, d.Words[i+1]) {
			continue // part of a longer name: the practice's, a team's
		}
		after := d.Text[w.End:]
		if i+1 < len(d.Words) {
			after = d.Text[w.End:d.Words[i+1].Start]
		}
		if after != "" && !clauseBreak(after) && !strings.ContainsAny(after, ".") {
			continue
		}
		if !clauseBreak(d.Text[prev.End:w.Start]) && d.Is(i-1, stopWords) && (i < 2 || !thanksOpeners.Has(&d.Words[i-2])) { // "thank you Priya!" is an address
			continue
		}
		for k := i - 1; k >= 0 && d.Words[k].Sentence == w.Sentence; k-- {
			if thanksOpeners.Has(&d.Words[k]) {
				return true
			}
		}
	}
	return false
}

var (
	promoVerbs = &cueLists[listPromoVerbs]
	promoMarks = &cueLists[listPromoMarks]
	bioLinks   = &cueLists[listBioLinks]
)

// promoIgnores: the comment is a complaint the reply does not apologise
// for, or praise or a remark it never thanks and signs with a hashtag as
// marketing posts do, so a promotion in the reply answers none of it.
// Under a question a booking link may be the answer, and under a tag a
// bare "book through the link in our bio" answers the friend who tagged.
func promoIgnores(p *analysis.Pass, d *lex.Doc, sorry bool) bool {
	c := comment.Of(p)
	switch {
	case c.Negative:
		return !sorry
	case c.Kind != comment.Compliment && c.Kind != comment.Link && c.Kind != comment.Other || !hashtagged(d):
		return false
	}
	for i := range d.Words {
		if thanksOpeners.Has(&d.Words[i]) {
			return false
		}
	}
	return !d.Contains(praisePhrases)
}

// promotion finds a promotion's call to action: a sentence that opens
// with a promo imperative and then says act now, online or at a web
// address ("Book your consult today at example.com"), or a pointer to
// the profile's link ("link in bio"). The span is that sentence, or the
// pointer.
func promotion(d *lex.Doc) (text.Span, bool) {
	if d.Contains(bioLinks) {
		m := d.Find(bioLinks.Group)[0]
		return d.WordSpan(m.From, m.To), true
	}
	if !d.Contains(promoVerbs) {
		return text.Span{}, false
	}
	marks := d.Find(promoMarks.Group)
	for _, m := range d.Find(promoVerbs.Group) {
		if !d.StartsSentence(m.From) {
			continue
		}
		s := d.Words[m.From].Sentence
		for _, k := range marks {
			if k.From >= m.To && d.Words[k.From].Sentence == s {
				return d.Sentences[s], true
			}
		}
		for k := m.To; k < len(d.Words) && d.Words[k].Sentence == s; k++ {
			if webAddress(d, k) {
				return d.Sentences[s], true
			}
		}
	}
	return text.Span{}, false
}

// webAddress: word i is a web address, a dot between letters and no "@"
// ("example.com/book"), not an email or a price.
func webAddress(d *lex.Doc, i int) bool {
	w := &d.Words[i]
	if w.Shape&text.HasDot == 0 || w.Shape&text.HasAt != 0 {
		return false
	}
	l := w.Lower
	for k := 1; k+1 < len(l); k++ {
		if l[k] == '.' && l[k-1] >= 'a' && l[k-1] <= 'z' && l[k+1] >= 'a' && l[k+1] <= 'z' {
			return true
		}
	}
	return false
}

// hashtagged: the reply has a hashtag ("#SmileGoals"), a marketing post's
// signature.
func hashtagged(d *lex.Doc) bool {
	for i := range d.Words {
		if hashtag(d, i) {
			return true
		}
	}
	return false
}

// hashtag: word i follows a "#" and is no number ("#SmileGoals", not "#2").
func hashtag(d *lex.Doc, i int) bool {
	w := &d.Words[i]
	return w.Start > 0 && d.Text[w.Start-1] == '#' && !isDigits(w.Lower)
}

var (
	clienteleNouns  = &cueLists[listClienteleNouns]
	clienteleWholes = &wordSets[listClienteleWholes] // (read per word: by hash first)
	clienteleVerbs  = &wordSets[listClienteleVerbs]  // (read per word: by hash first)
)

// clienteleLines reports the sentences (of the first 64) written for the
// practice's whole clientele: a verb of loving, valuing or serving, then
// in the same clause a clientele noun that "our", "every" or "all" within
// three words before makes everyone's ("We love hearing from our amazing
// community", "Our mission is to provide great care to every patient",
// "here to serve all your dental needs"; not "Love this tip, thanks for
// sharing it with our community").
func clienteleLines(d *lex.Doc) uint64 {
	if !d.Contains(clienteleNouns) {
		return 0
	}
	var lines uint64
	verb := -1 // the sentence's last clientele verb
	for i := range d.Words {
		w := &d.Words[i]
		s := w.Sentence
		if s >= 64 {
			break
		}
		if verb >= 0 && d.Words[verb].Sentence != s {
			verb = -1
		}
		if clienteleVerbs.Has(w) {
			verb = i
			continue
		}
		// The clause break is read only here, between the verb and a
		// noun, not after every word: this runs on every reply.
		if verb < 0 || !d.Is(i, clienteleNouns) || clauseBreak(d.Text[d.Words[verb].End:w.Start]) {
			continue
		}
		for k := i - 1; k > verb && k >= i-3; k-- {
			if clienteleWholes.Has(&d.Words[k]) {
				lines |= 1 << s
				break
			}
		}
	}
	return lines
}

// inStock reports whether word i is inside one of the stock phrases.
func inStock(matches []lex.Match, i int) bool {
	for _, m := range matches {
		if m.From <= i && i < m.To {
			return true
		}
	}
	return false
}

// ownWordsBeside counts the content words outside stock phrases and the
// sentences in lines: what the reply says besides its stock.
func ownWordsBeside(d *lex.Doc, matches []lex.Match, lines uint64) int {
	n := 0
	for i := range d.Words {
		w := &d.Words[i]
		if s := w.Sentence; s < 64 && lines&(1<<s) != 0 || len(w.Lower) <= 2 || d.Is(i, stopWords) || d.Is(i, templateWords) || d.Is(i, corporateWords) {
			continue
		}
		if !inStock(matches, i) {
			n++
		}
	}
	return n
}

var (
	personalTails  = &cueLists[listPersonalTails]
	personalAgents = &wordSets[listPersonalAgents] // (read per word: by hash first)
)

// personalPromise: the stock promise at m is one staff member's ("Tom will
// review it", "she'll get back to you within a day") or made with the
// person ("our billing team will review it with you"): a hand-off to
// someone the reply names, which no form letter does.
func personalPromise(d *lex.Doc, m lex.Match) bool {
	if d.Contains(personalTails) {
		for _, t := range d.Find(personalTails.Group) {
			if t.From == m.To {
				return true
			}
		}
	}
	k := m.From - 1
	if k < 0 || d.Words[k].Sentence != d.Words[m.From].Sentence {
		return false
	}
	// One capitalised word right before, a first name: "Health" in "At
	// Riverbend Health, we strive to" is set off by a comma, and
	// "Riverbend Health strives to" is the practice's longer name.
	w := &d.Words[k]
	if personalAgents.Has(w) {
		return true
	}
	return !d.StartsSentence(k) && text.IsCapitalized(d.Text, *w) && w.Shape&text.AllCaps == 0 &&
		strings.TrimSpace(d.Text[w.End:d.Words[m.From].Start]) == "" && !text.IsCapitalized(d.Text, d.Words[k-1])
}
