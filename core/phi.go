package core

import (
	"sort"
	"strings"
	"sync"
)

// PHIRule is the seed rule "Don't forget about HIPAA": a public reply must
// never disclose protected health information. Confirming that someone is a
// patient is itself a disclosure, so the rule reads context, not keywords:
// "We offer Invisalign consults" is fine, "your Invisalign" is not.
var PHIRule = &Rule{
	Name:     "hipaa",
	Doc:      "public replies must not confirm care, mention care details or contain a patient's identifiers",
	Category: PHI,
	Run:      runPHI,
}

// sentFlags are per-sentence facts computed once per check.
type sentFlags struct {
	you       bool // addresses the reader ("you", "your"), not counting "thank you"
	empathy   bool // "sorry", "glad", "hope", "congrats"
	generic   bool // general education or an offer: "we offer", "if you", "most people"
	offer     bool // a service offer or call to action: "we offer", "ask us about"
	schedule  bool // about the practice's calendar
	pastVisit bool
	event     bool // a personal care event: "you had", "after your", "congrats on"
}

type phiPass struct {
	c       *Compiled
	d       *Doc
	comment *Doc
	flags   []sentFlags
	care    []phraseMatch // care[i] is the care match starting at word i (From = -1 if none)
	staff   []bool        // staff[i]: word i is a staff member's or the practice's own name
}

var youWords = newWordSet("you", "your", "you're", "you've", "you'll", "you'd", "yourself", "yours", "u", "ur", "y'all")
var empathyWords = newWordSet("sorry", "glad", "happy", "hope", "hoping", "congrats", "congratulations",
	"thrilled", "relieved", "wishing", "speedy", "heal", "healing", "recovery", "sad", "hear", "heard", "apologize")
var genericWords = newWordSet("if", "whether", "anyone", "anybody", "everyone", "everybody", "many", "most",
	"people", "patients", "adults", "typically", "usually", "generally", "often", "common", "commonly",
	"recommend", "recommends", "options", "option", "accepting", "learn", "consider", "discount", "free",
	"anyone's", "kids", "children", "teens", "seniors", "folks", "families", "whenever", "per", "average")
var offerWords = newWordSet("offer", "offers", "offering", "provide", "provides", "providing", "available",
	"accepting", "accept", "welcome", "specialize", "specializes", "perform", "performs", "ask", "learn",
	"book", "schedule", "consult", "consults", "consultation", "consultations", "special", "now")
var eventWords = newWordSet("had", "got", "received", "diagnosed", "taking", "took", "underwent",
	"recovering", "finished", "finishing", "completed", "completing", "prescribed", "placed", "removed",
	"extracted", "did", "went", "came", "congrats", "congratulations", "after", "since", "during",
	"healing", "healed", "today", "yesterday", "hurt", "hurts", "felt", "feels", "feeling", "sore",
	"painful", "bleeding", "swollen", "loose", "fell", "broke", "cracked", "off", "tightened", "adjusted")

func newPHIPass(p *Pass) *phiPass {
	d := p.Reply
	pp := &phiPass{c: p.Policy, d: d, flags: make([]sentFlags, len(d.Sentences))}
	for s := range d.Sentences {
		ws := d.sentenceWords(s)
		f := &pp.flags[s]
		for k, w := range ws {
			lw := w.Lower
			if youWords.has(lw) && !(lw == "you" && k > 0 && (ws[k-1].Lower == "thank" || ws[k-1].Lower == "to" || ws[k-1].Lower == "see")) {
				f.you = true
			}
			f.empathy = f.empathy || empathyWords.has(lw)
			f.generic = f.generic || genericWords.has(lw)
			f.offer = f.offer || offerWords.has(lw)
			f.schedule = f.schedule || scheduleWords.has(lw)
			f.pastVisit = f.pastVisit || pastVisitWords.has(lw)
			f.event = f.event || eventWords.has(lw)
		}
	}
	pp.care = make([]phraseMatch, len(d.Words))
	for i := range d.Words {
		if m, ok := pp.c.careAt(d, i); ok {
			pp.care[i] = m
		} else {
			pp.care[i] = phraseMatch{From: -1}
		}
	}
	pp.staff = pp.c.staffNames(d)
	if p.Input.Comment != "" {
		pp.comment = Analyze(p.Input.Comment)
	}
	return pp
}

func runPHI(p *Pass) {
	pp := newPHIPass(p)
	var hits []phiHit
	hits = append(hits, pp.identifierHits()...)
	hits = append(hits, pp.dateWordHits()...)
	hits = append(hits, pp.relationshipHits()...)
	hits = append(hits, pp.careHits()...)
	hits = append(hits, pp.nameHits(len(hits) > 0)...)
	if len(hits) == 0 {
		return
	}
	hits = mergeHits(hits)
	rewrite := safeRewrite(p)
	firstSentence := -1
	for _, h := range hits {
		f := Finding{Start: h.Start, End: h.End, Message: h.msg,
			Suggestion: "keep care details off the public page and invite them to contact you privately: \"" + rewrite + "\""}
		if i := wordAt(pp.d, h.Start); i >= 0 {
			s := pp.d.Words[i].Sentence
			sp := pp.d.Sentences[s]
			newText := rewrite
			if firstSentence >= 0 && firstSentence != s {
				newText = ""
			}
			if firstSentence < 0 {
				firstSentence = s
			}
			f.Edits = []Edit{{Start: sp.Start, End: sp.End, NewText: newText}}
		}
		p.Report(f)
	}
}

// mergeHits sorts hits and merges overlapping ones, keeping the first message.
func mergeHits(hits []phiHit) []phiHit {
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Start != hits[j].Start {
			return hits[i].Start < hits[j].Start
		}
		return hits[i].End > hits[j].End
	})
	out := hits[:0]
	for _, h := range hits {
		if n := len(out); n > 0 && h.Start < out[n-1].End {
			if h.End > out[n-1].End {
				out[n-1].End = h.End
			}
			continue
		}
		out = append(out, h)
	}
	return out
}

// safeRewrite is the reply a careful manager would post instead: generic,
// warm, and moving the conversation to the practice's own private channel.
func safeRewrite(p *Pass) string {
	contact := "our office"
	pr := p.Policy.Policy.Practice
	switch {
	case len(pr.Phones) > 0:
		contact = "us at " + pr.Phones[0]
	case len(pr.Emails) > 0:
		contact = "us at " + pr.Emails[0]
	}
	switch {
	case p.Comment.Negative:
		return "We're sorry to hear this. Please call " + contact + " so we can help privately."
	case p.Comment.Kind == KindCompliment:
		return "Thank you so much for the kind words! We're always here if you need anything."
	}
	return "Thanks for reaching out! Please call " + contact + " so we can help privately."
}

// relationshipPhrases confirm that the reader is a patient.
var relationshipPhrases = []string{
	"when you came in", "when you were in", "when you were here", "when you visited", "while you were in",
	"while you were here", "when you stopped by", "since you became a patient", "since you became our patient",
	"our records show", "our records indicate", "our records", "according to our records", "per our records",
	"in our system", "on file", "in your chart", "on your chart", "in your file", "we checked your",
	"we reviewed your", "we looked at your", "we pulled up your", "we looked into your", "i checked your",
	"i reviewed your", "i looked at your", "see you at your", "see you next", "see you on", "see you tomorrow",
	"see you in", "see you back", "see you again", "see you then", "see you at the", "seeing you", "to see you again",
	"great to see you", "nice to see you", "good to see you", "loved seeing", "pleasure to see you",
	"pleasure treating", "treating you", "treated you", "treat you", "take care of you", "taking care of you",
	"took care of you", "taken care of you", "caring for you", "cared for you", "worked on you", "working on you",
	"work on you", "patient of ours", "one of our patients", "one of our favorite patients", "our patient",
	"our favorite patient", "our favourite patient", "welcome to the practice", "welcome to our practice",
	"welcome to the family", "thanks for coming in", "thank you for coming in", "for coming in",
	"you came in", "you come in", "you stopped by", "you were seen", "we saw you", "saw you",
	"you've been coming", "you have been coming", "been coming to us", "been coming here", "been with us",
	"been seeing us", "you've been a patient", "you have been a patient", "your last visit",
	"your recent visit", "your next visit", "your next appointment", "your upcoming appointment",
	"your last appointment", "your recent appointment", "your first visit with us", "back in the chair",
	"in the chair", "trusting us with your", "trust us with your", "trusted us with your",
	"for choosing us for your", "choosing us for your", "thanks for trusting us", "thank you for trusting us",
	"we'll see you", "we will see you", "see you soon for", "your hygienist", "your dentist", "your doctor",
	"your provider", "your surgeon", "your orthodontist", "your therapist", "did great today", "did so well",
	"did amazing", "did so great", "such a trooper", "was a trooper", "so brave today", "was so brave",
	"checked you in", "check you in", "your care team", "with your care", "reschedule your",
	"rescheduled your", "moved your", "confirmed your", "cancelled your", "canceled your",
}

// patientNouns in "you're (a|our) [adj] patient" shapes.
var patientNouns = newWordSet("patient", "patients", "client", "member")

func (pp *phiPass) relationshipHits() []phiHit {
	d := pp.d
	var hits []phiHit
	for _, m := range relationshipSet().find(d) {
		s := d.Words[m.From].Sentence
		if pp.conditional(m.From) {
			continue
		}
		// "see you on Monday" in a schedule sentence without "your" is still a visit,
		// but "hope to see you soon" is not in the list at all.
		_ = s
		hits = append(hits, phiHit{d.span(m.From, m.To), "confirms this person is a patient", "relationship"})
	}
	// "you're a (loyal) patient", "being our patient", "as a new patient".
	for i, w := range d.Words {
		if !patientNouns.has(w.Lower) || i < 2 {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			lk := d.Words[k].Lower
			if lk == "a" || lk == "an" || lk == "our" {
				if k > 0 {
					prev := d.Words[k-1].Lower
					if prev == "you're" || prev == "you" || prev == "are" || prev == "being" || prev == "as" || prev == "were" || prev == "been" || prev == "become" || prev == "became" {
						if !pp.conditional(k) {
							hits = append(hits, phiHit{d.span(k-1, i+1), "confirms this person is a patient", "relationship"})
						}
					}
				}
				break
			}
		}
	}
	return hits
}

// relationshipSet is built once per process.
var relationshipSet = sync.OnceValue(func() *phraseSet {
	ps := newPhraseSet()
	ps.addAll(relationshipPhrases, "rel")
	ps.addAll(safeList("relationship_phrases"), "rel")
	return ps
})

// conditional reports a generic condition before word i in its sentence:
// "if your crown feels loose", "whether you need a cleaning".
func (pp *phiPass) conditional(i int) bool {
	d := pp.d
	s := d.Words[i].Sentence
	for k := i - 1; k >= 0 && k >= i-6 && d.Words[k].Sentence == s; k-- {
		switch d.Words[k].Lower {
		case "if", "whether", "unless", "anyone", "everyone", "anybody", "whenever", "once":
			return true
		}
	}
	return false
}

var possessives = newWordSet("your", "ur", "yours", "his", "her", "their")

// gapBreakers end the look-ahead from "your" to a care term.
var gapBreakers = newWordSet("is", "are", "was", "were", "be", "been", "to", "for", "with", "and", "or",
	"but", "so", "that", "which", "who", "at", "in", "on", "from", "by", "about", "if", "as", "than",
	"because", "you", "we", "our", "us", "it", "they", "i", "can", "will", "should", "may", "might")

var ctaVerbs = newWordSet("schedule", "book", "booking", "make", "request", "reserve", "plan", "start",
	"begin", "bring", "fill", "complete", "submit", "upload", "set", "claim", "get", "grab", "redeem")
var ctaNouns = newWordSet("appointment", "appt", "consultation", "consult", "visit", "exam", "checkup",
	"check-up", "forms", "paperwork", "insurance", "card", "cleaning", "smile", "free")
var timeQualifiers = newWordSet("next", "last", "recent", "upcoming", "previous", "follow-up", "followup", "second", "third")

// careHits finds care details tied to the reader.
func (pp *phiPass) careHits() []phiHit {
	d := pp.d
	var hits []phiHit
	lastCare := -1
	for i, w := range d.Words {
		// Frame A: "your (new|son's|...) crown".
		if possessives.has(w.Lower) {
			if h, ok := pp.possessiveHit(i); ok {
				hits = append(hits, h)
				continue
			}
		}
		m := pp.care[i]
		if m.From < 0 || i < lastCare {
			continue
		}
		lastCare = m.To
		if m.Tag == tagCareNoun || m.Tag == tagBilling || m.Tag == tagClinician {
			continue // nouns need an owner ("your chart"): frame A
		}
		if pp.ambiguousCare(m) {
			continue
		}
		s := w.Sentence
		f := pp.flags[s]
		sp := d.span(m.From, m.To)
		// Frame B: a personal care event ("sorry the extraction hurt",
		// "congrats on finishing treatment", "glad the crown feels better").
		determined := i > 0 && d.Words[i-1].Sentence == s && isDeterminer(d.Words[i-1].Lower)
		if i > 1 && !determined && d.Words[i-2].Sentence == s && isDeterminer(d.Words[i-2].Lower) {
			determined = true
		}
		personal := (f.empathy || f.you) && f.event && !f.offer && !pp.conditional(i)
		if personal && (determined || f.you) && !(f.generic && !f.empathy) {
			hits = append(hits, phiHit{sp, "mentions the person's care details", "care"})
			continue
		}
		// Frame C: the comment described the commenter's own care, and the
		// reply repeats it ("My crown fell off!" → "sorry the crown came loose").
		if pp.comment != nil && pp.commentOwnCare(m) && !f.offer && !(f.generic && !f.empathy) && !pp.conditional(i) {
			hits = append(hits, phiHit{sp, "repeats the person's care details in public", "care"})
		}
	}
	return hits
}

func isDeterminer(s string) bool {
	switch s {
	case "the", "that", "this", "those", "these", "his", "her", "their", "your", "ur":
		return true
	}
	return false
}

// possessiveHit reads "your ... <care term>" starting at word i.
func (pp *phiPass) possessiveHit(i int) (phiHit, bool) {
	d := pp.d
	s := d.Words[i].Sentence
	if pp.conditional(i) {
		return phiHit{}, false
	}
	qualified := false
	for k := i + 1; k < len(d.Words) && k <= i+4 && d.Words[k].Sentence == s; k++ {
		lk := d.Words[k].Lower
		if timeQualifiers.has(lk) {
			qualified = true
		}
		if m := pp.care[k]; m.From >= 0 {
			if pp.ambiguousCare(m) && !qualified && !pp.flags[s].event {
				return phiHit{}, false
			}
			head := d.Words[m.To-1].Lower
			// "schedule your first appointment", "bring your insurance card".
			if i > 0 && ctaVerbs.has(d.Words[i-1].Lower) && ctaNouns.has(head) && !qualified {
				return phiHit{}, false
			}
			if bodyNouns.has(head) && m.To-m.From == 1 && !pp.flags[s].event {
				return phiHit{}, false
			}
			if (m.Tag == tagBilling) && pp.flags[s].generic && !pp.flags[s].event {
				return phiHit{}, false
			}
			msg := "mentions the person's care details"
			switch m.Tag {
			case tagCareNoun, tagClinician:
				msg = "confirms this person is a patient"
			case tagBilling:
				msg = "mentions the person's billing or insurance details"
			}
			return phiHit{Span{d.Words[i].Start, d.Words[m.To-1].End}, msg, "care"}, true
		}
		if gapBreakers.has(lk) {
			return phiHit{}, false
		}
		if familyNouns.has(lk) {
			continue
		}
	}
	return phiHit{}, false
}

// ambiguousCare reports a single-word care term that is an everyday word too
// ("cap", "bridge", "crown"?): it needs a determiner or owner nearby.
func (pp *phiPass) ambiguousCare(m phraseMatch) bool {
	if m.To-m.From != 1 {
		return false
	}
	return pp.c.lex.ambiguousCare.has(pp.d.Words[m.From].Lower)
}

var firstPerson = newWordSet("i", "my", "me", "i'm", "i've", "i'd", "mine", "myself", "we", "our", "my son's", "im", "ive")

// commentOwnCare reports whether the comment mentions the same care term in
// a first-person sentence ("my crown", "I had a filling").
func (pp *phiPass) commentOwnCare(m phraseMatch) bool {
	cd := pp.comment
	want := pp.d.Words[m.From].Lower
	for i, w := range cd.Words {
		if w.Lower != want && !(strings.TrimSuffix(w.Lower, "s") == strings.TrimSuffix(want, "s")) {
			continue
		}
		for _, sw := range cd.sentenceWords(cd.Words[i].Sentence) {
			if firstPerson.has(sw.Lower) || familyNouns.has(sw.Lower) && sw.Lower != "one" && sw.Lower != "little" {
				return true
			}
		}
	}
	return false
}
