package core

import (
	"strings"
)

// CannedRule is the seed rule "Don't auto respond": patients recognise
// robotic replies, and the whole community sees them.
var CannedRule = &Rule{
	Name:     "no-auto-respond",
	Doc:      "replies must not read like templates, auto-responders or boilerplate",
	Category: Canned,
	Run:      runCanned,
}

// cannedStrong phrases are boilerplate on their own.
var cannedStrong = []string{
	"your satisfaction is our top priority", "your satisfaction is our priority", "customer satisfaction is our top priority",
	"patient satisfaction is our top priority", "we value your feedback and will review it", "we will review your feedback",
	"a member of our team will contact you", "a member of our team will be in touch", "a team member will contact you",
	"someone from our team will contact you", "someone will contact you shortly", "we will contact you shortly",
	"we will get back to you shortly", "we'll get back to you shortly", "will be in touch shortly",
	"this is an automated message", "this is an automated response", "this is an automated reply", "automated message",
	"automated response", "auto-reply", "autoreply", "do not reply", "please do not reply", "do not respond to this",
	"this mailbox is not monitored", "this inbox is not monitored", "dear valued customer", "dear valued patient",
	"dear valued client", "dear valued guest", "dear customer", "dear patient", "valued customer", "valued patient",
	"your feedback is important to us", "your feedback has been received", "your comment has been received",
	"your message has been received", "we have received your message", "we have received your feedback",
	"your comments have been forwarded", "has been forwarded to the appropriate department",
	"the appropriate department", "we take all feedback seriously", "we strive to provide the highest quality",
	"we strive to provide the best", "we are committed to providing", "we are committed to excellence",
	"we pride ourselves on", "thank you for your business", "we appreciate your business",
	"we look forward to serving you", "we look forward to serving you again", "thank you for being a valued",
	"we apologize for any inconvenience this may have caused", "we apologize for any inconvenience",
	"sorry for any inconvenience", "sorry for any inconvenience this may have caused",
	"please contact us at your earliest convenience", "at your earliest convenience", "we value your patronage",
	"your opinion matters to us", "thank you for bringing this to our attention", "we will look into this matter",
	"we will look into it", "we will review it", "will review it", "will be reviewed", "we value all feedback",
	"thank you for taking the time to share your feedback", "thank you for your valuable feedback",
	"quality of service", "high standards of care", "exceptional service", "best possible experience",
	"valued feedback", "this message was sent automatically", "your message is important to us",
	"is important to us", "your health is our priority", "is our priority", "is our top priority",
	"we value your business", "a team member will respond", "will respond shortly", "respond shortly",
	"always striving to improve", "striving to improve", "helps us improve", "your feedback helps us",
	"thank you for contacting", "thanks for contacting", "please rate us", "rate us on google",
	"we value all of our patients", "from our valued patients", "our valued patients", "valued patients",
	"thank you for taking the time to leave a review", "we appreciate all feedback", "we appreciate every review",
	"we appreciate all reviews", "patient experience", "your satisfaction is important", "satisfaction is important",
	"we value you as a patient", "strives to exceed", "exceed your expectations",
	"thank you for your message", "thanks for your message", "we will get back to you",
	"get back to you within", "leave us a 5-star review", "5-star review", "five-star review",
	"will contact you shortly", "contact you shortly", "will reach out shortly", "thank you for your review",
	"thanks for your review", "we value your input",
	"we appreciate your input", "every review", "all feedback", "we value your opinion", "we truly value",
	"we strive to", "like and share", "reviews help us", "thanks for following us", "thank you for following us",
	"thank you for following our page", "thanks for following our page", "be sure to like", "we appreciate you taking the time",
}

// cannedWeak phrases are boilerplate only when the reply says little else.
var cannedWeak = []string{
	"thank you for your feedback", "thanks for your feedback", "we appreciate your feedback",
	"we value your feedback", "thank you for reaching out", "thanks for reaching out", "thank you for your comment",
	"thanks for your comment", "thank you for the review", "thanks for the review", "thank you for your review",
	"thank you for sharing", "thanks for sharing", "we appreciate you", "we appreciate it", "thank you for your patience",
	"have a great day", "have a nice day", "have a wonderful day", "have a blessed day", "thank you for choosing us",
	"thanks for choosing us", "we hope to see you again", "we hope to see you soon", "we look forward to seeing you",
	"please reach out", "please contact us", "feel free to reach out", "feel free to contact us", "we're here to help",
	"we are here to help", "let us know if you have any questions", "if you have any questions",
	"please don't hesitate to contact us", "don't hesitate to reach out", "do not hesitate to contact us",
	"we're sorry to hear", "we are sorry to hear", "sorry to hear about your experience",
	"we apologize for your experience", "we care about our patients", "our patients are our priority",
	"thank you for taking the time to", "thanks for taking the time to", "don't forget to check out", "check out our",
	"every patient's feedback", "to every patient", "excellent care", "as soon as possible", "thank you for your interest",
	"thanks for your interest", "business days",
}

// praiseWords make a reply read as a thank-you for praise.
var praisePhrases = []string{
	"thanks for the great review", "thank you for the great review", "thanks for the kind words",
	"thank you for the kind words", "thank you for the wonderful review", "thanks for the wonderful review",
	"thank you for the 5 stars", "thanks for the 5 stars", "thank you for the five stars", "glad you had a great experience",
	"glad you had a wonderful experience", "so glad you enjoyed", "we're so glad you enjoyed", "glad you enjoyed",
	"happy you had a great experience", "thrilled you had", "thanks for the love", "thank you for the love",
	"we love hearing", "so happy to hear", "glad to hear you had", "thank you for the awesome review",
	"thank you for the amazing review", "thanks for the shout out", "thank you for the shout out", "appreciate the kind words",
	"we appreciate the kind words", "thank you for your kind words", "thanks for your kind words",
	"thank you for the glowing review", "glad you loved", "so glad you loved", "we're glad you loved",
	"happy to hear you loved", "glad you're happy", "so glad you're happy", "we're thrilled",
	"thank you for choosing", "thanks for choosing", "hope to see you again", "we hope to see you",
	"have a great day", "have a wonderful day", "have a nice day", "see you next time", "come back soon",
}

var praiseSet = func() *phraseSet { ps := newPhraseSet(); ps.addAll(praisePhrases, "praise"); return ps }()

// placeholderPrefixes are the opening markers of unfilled template fields.
var placeholderPairs = [][2]string{{"{{", "}}"}, {"{", "}"}, {"[", "]"}, {"<", ">"}, {"%", "%"}, {"$", "$"}}

var placeholderWords = []string{"name", "first", "last", "patient", "customer", "client", "practice", "doctor",
	"provider", "date", "time", "phone", "insert", "location", "office", "user", "fname", "lname", "firstname",
	"first_name", "last_name", "full_name", "staff", "agent", "company", "business", "clinic", "number"}

func runCanned(p *Pass) {
	d := p.Reply
	if len(d.Words) == 0 {
		return
	}
	reported := false
	for _, sp := range placeholders(d.Text) {
		p.Report(Finding{Start: sp.Start, End: sp.End, Message: "unfilled template placeholder",
			Suggestion: "write the person's reply by hand instead of a template"})
		reported = true
	}
	matches := p.Policy.cannedPhrases.find(d)
	covered := 0
	strongHit := false
	for _, m := range matches {
		covered += m.To - m.From
		if m.Tag == "strong" {
			strongHit = true
			sp := d.span(m.From, m.To)
			p.Report(Finding{Start: sp.Start, End: sp.End, Message: "reads like an auto-responder",
				Suggestion: "say something about what the person actually wrote"})
			reported = true
		}
	}
	// A complaint answered with praise boilerplate ignores what was written.
	if p.Comment.Negative {
		for _, m := range praiseSet.find(d) {
			sp := d.span(m.From, m.To)
			p.Report(Finding{Start: sp.Start, End: sp.End, Message: "thanks a complaint as if it were praise",
				Suggestion: "acknowledge the problem the person described and offer to make it right"})
			reported = true
		}
	}
	// Mostly stock phrases and nothing specific: boilerplate.
	short := len(d.Words) <= 8 && p.Input.Comment != "" && len(matches) == 1 && matches[0].To-matches[0].From >= 3 &&
		!strings.Contains(d.Lower[d.Words[matches[0].From].Start:d.Words[matches[0].To-1].End], "sharing")
	if !reported && !strongHit && (len(matches) >= 2 || short) {
		content := specificWords(d, matches)
		if covered*2 >= len(d.Words) && content < 3 && !echoesComment(p, d) {
			p.Report(Finding{Start: 0, End: len(d.Text), Message: "generic reply that says nothing about the comment",
				Suggestion: "mention what the person wrote about, in your own words"})
			reported = true
		}
	}
	// Corporate vocabulary and nothing about the comment: "We truly value
	// every patient's input and strive for excellent service."
	if !reported && p.Input.Comment != "" && corporateReply(d) && !echoesComment(p, d) {
		p.Report(Finding{Start: 0, End: len(d.Text), Message: "generic reply that says nothing about the comment",
			Suggestion: "mention what the person wrote about, in your own words"})
		reported = true
	}
	// The writer's own recent replies: the same stock sentence again.
	if !reported && p.Policy.Policy.Rules.Canned.NearDuplicateBits > 0 && len(d.Words) >= 6 {
		fp := FingerprintDoc(d)
		for _, r := range p.Input.Recent {
			if r != 0 && FingerprintDistance(fp, r) <= p.Policy.Policy.Rules.Canned.NearDuplicateBits {
				p.Report(Finding{Start: 0, End: len(d.Text), Message: "nearly the same as one of your recent replies",
					Suggestion: "write this one fresh so it doesn't read as copy-paste"})
				break
			}
		}
	}
}

// stopWords carry no content of their own.
var stopWords = newLexSet(fields(`a an the and or but to of for in on at with we we're we've we'll
	our us you your you're i it it's is are was be this that so very much all any again soon please
	hi hello hey dear team just really will would can could if have has had do did from as by about
	there here too also always more best great good day time know let get make sure help hear sorry
	thank thanks office practice patients patient care experience feedback review comment message`)...)

// specificWords counts content words outside stock phrases.
func specificWords(d *Doc, matches []phraseMatch) int {
	in := make([]bool, len(d.Words))
	for _, m := range matches {
		for k := m.From; k < m.To; k++ {
			in[k] = true
		}
	}
	n := 0
	for i, w := range d.Words {
		if !in[i] && !stopWords.at(d, i) && len(w.Lower) > 2 {
			n++
		}
	}
	return n
}

// echoesComment reports whether the reply picks up content words of the comment.
func echoesComment(p *Pass, d *Doc) bool {
	cd := p.CommentDoc
	if cd == nil {
		return false
	}
	seen := wordSet{}
	for i, w := range cd.Words {
		if !stopWords.at(cd, i) && len(w.Lower) > 3 {
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
func placeholders(text string) []Span {
	var out []Span
	for i := 0; i < len(text); i++ {
		if c := text[i]; c != '{' && c != '[' && c != '<' && c != '%' && c != '$' {
			continue
		}
		for _, pair := range placeholderPairs {
			if !strings.HasPrefix(text[i:], pair[0]) {
				continue
			}
			rest := text[i+len(pair[0]):]
			limit := len(rest)
			if limit > 40 {
				limit = 40
			}
			j := strings.Index(rest[:limit], pair[1])
			if j <= 0 {
				continue
			}
			inner := asciiLower(text[i+len(pair[0]) : i+len(pair[0])+j])
			if strings.ContainsAny(inner, "\n{}[]<>") {
				continue
			}
			if isPlaceholder(inner, text[i+len(pair[0]):i+len(pair[0])+j]) {
				end := i + len(pair[0]) + j + len(pair[1])
				out = append(out, Span{i, end})
				i = end - 1
				break
			}
		}
	}
	return out
}

func isPlaceholder(lower, orig string) bool {
	for _, w := range placeholderWords {
		if strings.Contains(lower, w) {
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

// corporateWords are the vocabulary of customer-service boilerplate.
var corporateWords = newLexSet(fields(`value values valued feedback strive strives striving provide
	providing excellent exceptional quality highest experience experiences satisfaction priority
	committed commitment appreciate appreciated service services review reviews opinion input
	comments concerns standards important patients patient customer customers care team ensure
	dedicated continue improve improvement community thank thanks taking share sharing business
	matters every possible taken seriously forward serving choosing family members staff goal
	mission strive exceed expectations level levels professional`)...)

// corporateReply reports a reply whose content words are mostly boilerplate
// vocabulary, with enough of them to be more than a quick thank-you.
func corporateReply(d *Doc) bool {
	content, corporate := 0, 0
	for i, w := range d.Words {
		if len(w.Lower) <= 2 {
			continue
		}
		if corporateWords.at(d, i) {
			corporate++
			content++
		} else if !stopWords.at(d, i) {
			content++
		}
	}
	return corporate >= 5 && corporate*10 >= content*7
}
