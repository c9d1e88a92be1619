package core

import (
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
)

// RoutingRule is the seed rule "Let the experts handle it": clinical
// questions go to a clinician, billing to the billing team, complaints to the
// office manager, as the policy says. Clinical advice in public is a routing
// finding too.
var RoutingRule = &Rule{
	Name:     "let-the-experts-handle-it",
	Doc:      "comments on routed topics should be answered by the person the policy names",
	Category: Routing,
	Run:      runRouting,
}

// adviceWords mark a reply that gives clinical advice.
var advicePhrases = lex.New("routing/advice_phrases", lex.Data(listRoutingAdvicePhrases)...)

// deferWords show the reply hands the question to the right person.
var deferWords = lex.New("routing/defer_words", lex.Data(listRoutingDeferWords)...)

func runRouting(p *Pass) {
	d := p.Reply
	if len(d.Words) == 0 {
		return
	}
	// Routing is about the comment, not a phrase of the reply: anchor it on
	// the first sentence so the underline stays short.
	end := d.Sentences[0].End
	advice := d.Find(advicePhrases.Group)
	if p.Comment.Kind == KindClinical || (p.Comment.Kind != KindNone && hasTopic(p.Comment, "clinical")) {
		owner, sev := p.Policy.route("clinical")
		if len(advice) > 0 {
			sp := d.WordSpan(advice[0].From, advice[0].To)
			p.Report(Finding{Start: sp.Start, End: sp.End, Severity: maxSeverity(sev, Warning),
				Message:    "gives clinical advice in public",
				Suggestion: "let " + owner + " answer privately: invite them to call so they can be seen or advised"})
			return
		}
		if !defers(d) {
			p.Report(Finding{Start: 0, End: end, Severity: sev,
				Message:    "clinical question: " + owner + " should answer it",
				Suggestion: "route it to " + owner + " and invite the person to call"})
			return
		}
		p.Report(Finding{Start: 0, End: end, Severity: Info, Message: "clinical question: " + owner + " should answer it"})
		return
	}
	// The asker's own treatment or body ("Can I eat after my filling?")
	// answered with advice is a clinical answer in public too.
	if p.Comment.Kind == KindQuestion && len(advice) > 0 && p.Policy.ownCare(p.CommentDoc) {
		owner, sev := p.Policy.route("clinical")
		sp := d.WordSpan(advice[0].From, advice[0].To)
		p.Report(Finding{Start: sp.Start, End: sp.End, Severity: maxSeverity(sev, Warning),
			Message:    "gives clinical advice in public",
			Suggestion: "let " + owner + " answer privately: invite them to call so they can be seen or advised"})
		return
	}
	for _, t := range p.Comment.Topics {
		if t == "clinical" {
			continue
		}
		if r, ok := p.Policy.routes[t]; ok {
			sev := r.Severity
			if sev.Rank() < 0 {
				sev = p.Policy.Severity(Routing)
			}
			p.Report(Finding{Start: 0, End: end, Severity: sev,
				Message:    topicLabel(t) + " comment: " + r.Owner + " should answer it",
				Suggestion: "let " + r.Owner + " reply, or hand it over"})
			return
		}
	}
}

// route returns the owner and severity for a topic.
func (c *Compiled) route(topic string) (string, Severity) {
	r, ok := c.routes[topic]
	if !ok {
		return "a clinician", c.Severity(Routing)
	}
	if r.Severity.Rank() < 0 {
		return r.Owner, c.Severity(Routing)
	}
	return r.Owner, r.Severity
}

func defers(d *Doc) bool {
	return len(d.Words) > 0 && d.Contains(deferWords)
}

func hasTopic(ci *CommentInfo, t string) bool {
	for _, x := range ci.Topics {
		if x == t {
			return true
		}
	}
	return false
}

func maxSeverity(a, b Severity) Severity {
	if a.Rank() >= b.Rank() {
		return a
	}
	return b
}

func topicLabel(t string) string {
	switch t {
	case "wait_time":
		return "wait time"
	case "staff_attitude":
		return "staff attitude"
	}
	return t
}

// ownCare reports the writer's own treatment, condition, medicine or body
// part in d: "my filling", "my knee", "my son's tooth".
func (c *Compiled) ownCare(d *Doc) bool {
	if d == nil {
		return false
	}
	for i, w := range d.Words {
		if w.Lower != "my" {
			continue
		}
		for k := i + 1; k < len(d.Words) && k <= i+3 && d.Words[k].Sentence == w.Sentence; k++ {
			if d.Is(k, bodyNouns) {
				return true
			}
			if m, ok := careAt(d, k); ok {
				switch m.List {
				case care.Procedures.ID, care.Conditions.ID, care.Medications.ID, care.Colloquial.ID:
					return true
				}
			}
		}
	}
	return false
}
