// Package routing is the rule "Let the experts handle it": who should answer
// a comment, and no clinical advice in public.
package routing

import (
	"slices"
	"strings"

	"github.com/replyguard/replyguard/core/analyses/comment"
	"github.com/replyguard/replyguard/core/analyses/complaint"
	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/analyses/stock"
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/text"
)

// Rule is the seed rule "Let the experts handle it": clinical
// questions go to a clinician, billing to the billing team, complaints to the
// office manager, as the policy says. Clinical advice in public is a routing
// finding too.
var Rule = &analysis.Rule{
	Name:     "let-the-experts-handle-it",
	Doc:      "comments on routed topics should be answered by the person the policy names",
	Category: analysis.Routing,
	Requires: []*analysis.Analyzer{comment.Analyzer, stock.Analyzer},
	Prepare:  prepare,
	Run:      runRouting,
}

// routed is what the rule says for a comment topic the policy routes,
// worded once per policy: a check then reports it without building strings.
type routed struct {
	severity            analysis.Severity
	message, suggestion string
}

// prepare words the finding for each routed topic but clinical (which has
// findings of its own).
func prepare(cfg *analysis.Config) any {
	out := map[string]routed{}
	for t, r := range cfg.Routes {
		if t == "clinical" {
			continue
		}
		sev := r.Severity
		if sev.Rank() < 0 {
			sev = cfg.Severity(analysis.Routing)
		}
		out[t] = routed{sev, topicLabel(t) + " comment: " + r.Owner + " should answer it", "let " + r.Owner + " reply, or hand it over"}
	}
	return out
}

// adviceWords mark a reply that gives clinical advice.
var advicePhrases = &vocabLists[listAdvicePhrases]

// worryAsks in a question ask whether something about the person is all
// right: a clinical question, whatever its words. worryAsksCJK are the
// same in scripts without spaces, matched as substrings.
var (
	worryAsks    = &vocabLists[listWorryAsks]
	worryAsksCJK = dataLists[listWorryAsksCJK]
)

// asksWorry: the comment asks whether something of the writer's is all
// right, in any language. A comment that asks in a script whose question
// mark is not "?" ("正常嗎？", "طبيعي؟") is read as a question here.
func asksWorry(p *analysis.Pass) bool {
	switch comment.Of(p).Kind {
	case comment.Question, comment.Other:
		return p.Comment.Contains(worryAsks) || p.Comment.HasSubstring(worryAsksCJK)
	}
	return false
}

// reassurancesCJK are verdicts in scripts without spaces ("很常見",
// "정상이에요"), matched as substrings.
var reassurancesCJK = dataLists[listReassurancesCJK]

// reassuranceCJK finds the word holding the first such verdict.
func reassuranceCJK(d *lex.Doc) (lex.Match, bool) {
	for _, r := range reassurancesCJK {
		if at := strings.Index(d.Lower, r); at >= 0 {
			k := 0
			for k+1 < len(d.Words) && d.Words[k+1].Start <= at {
				k++
			}
			return lex.Match{From: k, To: k + 1}, true
		}
	}
	return lex.Match{}, false
}

// generalFrames make an answer education for people in general.
var generalFrames = &vocabLists[listGeneralFrames]

// careImperatives open an instruction for the body or a treatment;
// softeners may come before them.
var (
	careImperatives = &vocabLists[listCareImperatives]
	softeners       = &wordSets[listSofteners] // (read per sentence: by hash first)
)

// imperativeAdvice finds a sentence or clause that opens with a care
// instruction: "Massage them gently twice a day", "Just soak it", "Tome
// ibuprofeno", "For a flare, ice it", "8 weeks is early, just stretch".
func imperativeAdvice(d *lex.Doc) (lex.Match, bool) {
	mid := d.Contains(careImperatives) // (a clause's verb: a cheap test first)
	for s := range d.Sentences {
		start, end := d.SentWords[s].Start, d.SentWords[s].End
		k := start
		for n := 0; n < 2 && k+1 < end && softeners.Has(&d.Words[k]); n++ {
			k++ // "yes, just finish the course"
		}
		if k < end && (d.Is(k, careImperatives) || guardedImperative(d, k, end)) {
			return lex.Match{From: k, To: k + 1}, true
		}
		// Mid-sentence, only a verb that is always an instruction:
		// "give", "keep" and "stop" there continue a list of what the
		// practice does ("we'll check it, give you a fee").
		for k := start + 1; mid && k < end; k++ {
			if !d.Is(k, careImperatives) {
				continue
			}
			j := k
			for n := 0; n < 2 && j-1 > start && softeners.Has(&d.Words[j-1]); n++ {
				j-- // ", then restart"
			}
			if clauseGap(d, j) && !listed(d, start, j) {
				return lex.Match{From: k, To: k + 1}, true
			}
		}
	}
	return lex.Match{}, false
}

// listed: the clause at word k continues what the practice does ("we can
// dim the lights, skip the polisher") or a list after a colon ("tips:
// chill it, drink it cold"), not an instruction of its own.
func listed(d *lex.Doc, start, k int) bool {
	if strings.IndexByte(d.Text[d.Words[start].Start:d.Words[k].Start], ':') >= 0 {
		return true
	}
	for j := start; j < k; j++ {
		if d.Is(j, practice.FirstPersonSubjects) {
			return true
		}
	}
	return false
}

// clauseGap: a comma, semicolon, dash or emoji stands before word k, so a
// new clause may open there (after a colon a list of things follows:
// "stock up on smoothies: ice packs, ...").
func clauseGap(d *lex.Doc, k int) bool {
	for _, r := range d.Text[d.Words[k-1].End:d.Words[k].Start] {
		if r == ',' || r == ';' || r == '—' || r == '–' || r == '-' || r >= 0x2600 {
			return true
		}
	}
	return false
}

// guardedImperatives and guardWords are function words compared directly,
// by hash first.
var (
	guardedImperatives = &wordSets[listGuardedImperatives]
	guardWords         = &wordSets[listGuardWords]
)

// guardedImperative: word k opens a care instruction with a verb that is
// one only in context: "give her …" and "stop the cream", not "give us a
// call" or "stop by"; "keep" only before a gerund ("keep icing it"), not
// "keep us posted".
func guardedImperative(d *lex.Doc, k, end int) bool {
	if !guardedImperatives.Has(&d.Words[k]) || k+1 >= end || guardWords.Has(&d.Words[k+1]) {
		return false
	}
	return d.Words[k].Lower != "keep" || strings.HasSuffix(d.Words[k+1].Lower, "ing")
}

// firstAdvice finds the reply's first piece of clinical advice: a phrase
// from the list outside a warning not to act alone, else a care
// instruction opening a sentence.
func firstAdvice(d *lex.Doc) (lex.Match, bool) {
	ms := d.Find(advicePhrases.Group)
	if v, ok := verdict(d); ok && (len(ms) == 0 || v.From < ms[0].From) {
		ms = append([]lex.Match{v}, ms...)
	}
	if v, ok := diagnosis(d); ok && (len(ms) == 0 || v.From < ms[0].From) {
		ms = append([]lex.Match{v}, ms...)
	}
	if d.HasSubstring(reassurancesCJK) {
		if v, ok := reassuranceCJK(d); ok && (len(ms) == 0 || v.From < ms[0].From) {
			ms = append([]lex.Match{v}, ms...)
		}
	}
	ms = calmedByService(d, handedOff(d, ms))
	// A dose is told whoever the sentence also names ("eat 20 grams now,
	// then call our nurse").
	if m, ok := dose(d); ok && (len(ms) == 0 || m.From < ms[0].From) {
		ms = append([]lex.Match{m}, ms...)
	}
	if ms := uncautioned(d, ms); len(ms) > 0 {
		return ms[0], true
	}
	return imperativeAdvice(d)
}

// handedOff drops advice matches in sentences that hand the question to
// a clinician ("since that depends on the brand, ask your pharmacist
// first"): their care words are the reason for the call, not advice.
// It reuses the array.
func handedOff(d *lex.Doc, ms []lex.Match) []lex.Match {
	if len(ms) == 0 || !d.Contains(care.Clinicians) {
		return ms
	}
	var handed uint64 // hand-off sentences, the first 64
	for i := range d.Words {
		if s := d.Words[i].Sentence; s < 64 && handOffVerbs.Has(&d.Words[i]) && clinicianAfter(d, i, care.Clinicians) {
			handed |= 1 << s
		}
	}
	// A reply that hands the question to a clinician and invites a call
	// ("some swelling can be normal ... please call and ask for the
	// nurse") educates where it pronounces: its verdicts go too, wherever
	// they stand. Instructions and doses stay advice.
	// So does its comfort ("don't panic, but call and ask for the
	// nurse").
	called := handed != 0 && d.Contains(practice.ContactVerbs)
	out := ms[:0]
	for _, m := range ms {
		last := d.Words[m.To-1].Lower
		if s := d.Words[m.From].Sentence; (s >= 64 || handed&(1<<s) == 0) && !(called && (in(verdicts, last) || in(calmWords, last))) {
			out = append(out, m)
		}
	}
	return out
}

// calmedByService drops comfort that the practice's own deed answers
// ("don't worry, we'll hold your slot", "don't worry, our team will see
// him"): a promise about the service, not a verdict on a body. It reuses
// the array.
func calmedByService(d *lex.Doc, ms []lex.Match) []lex.Match {
	out := ms[:0]
	for _, m := range ms {
		if !in(calmWords, d.Words[m.To-1].Lower) || !deedAfter(d, m.To) {
			out = append(out, m)
		}
	}
	return out
}

// deedAfter: the practice speaks of what it does ("we", "we'll", "I'll",
// "will") in the sentence of word k, from k on.
func deedAfter(d *lex.Doc, k int) bool {
	if k >= len(d.Words) {
		return false
	}
	s := d.Words[k-1].Sentence
	for j := k; j < d.SentWords[s].End; j++ {
		if d.Is(j, practice.FirstPersonSubjects) {
			return true
		}
	}
	return false
}

// calmWords end a phrase that tells the person not to fear; compared
// directly.
var calmWords = dataLists[listCalmWords]

// Dose words are function words compared directly (the shifts and links
// by hash first).
var (
	doseUnits  = dataLists[listDoseUnits]
	doseShifts = &wordSets[listDoseShifts] // (read per word: by hash first)
	doseLinks  = &wordSets[listDoseLinks]
)

// dose finds the first dose the reply tells: a number and a unit ("20
// grams", "400mg"), a small percentage strength ("0.5%"), or a dose
// moved or held ("go down to 12", "stay on 75", "step you down to 0.5").
// Telling someone how much of a medicine to take is a prescriber's call,
// whoever the reply also names.
func dose(d *lex.Doc) (lex.Match, bool) {
	for i := range d.Words {
		w := d.Words[i].Lower
		if doseShifts.Has(&d.Words[i]) {
			s := d.Words[i].Sentence
			for k := i + 1; k+1 < len(d.Words) && k <= i+3 && d.Words[k+1].Sentence == s; k++ {
				if doseLinks.Has(&d.Words[k]) && amount(d.Words[k+1].Lower) {
					return lex.Match{From: i, To: k + 2}, true
				}
			}
			continue
		}
		if !amount(w) {
			if n := strings.TrimRight(w, "abcdefghijklmnopqrstuvwxyzµ"); n != w && amount(n) && in(doseUnits, w[len(n):]) && !ownedDose(d, i) {
				return lex.Match{From: i, To: i + 1}, true // "400mg"
			}
			continue
		}
		if i+1 < len(d.Words) && d.Words[i+1].Sentence == d.Words[i].Sentence && in(doseUnits, d.Words[i+1].Lower) && !ownedDose(d, i) {
			return lex.Match{From: i, To: i + 2}, true
		}
		if end := d.Words[i].End; end < len(d.Text) && d.Text[end] == '%' && (strings.Contains(w, ".") || len(w) == 1) {
			return lex.Match{From: i, To: i + 1}, true // a strength, not a share ("40% of cases")
		}
	}
	return lex.Match{}, false
}

// doseOwners are possessives and doseTakes verbs that take a dose,
// compared directly, by hash first.
var (
	doseOwners = &wordSets[listDoseOwners]
	doseTakes  = &wordSets[listDoseTakes]
)

// ownedDose: the dose at word i is the person's own, an owner up to
// three words before it in its sentence ("your 10 mg box", "your
// Wegovy 1.7 mg", "su dosis de 1 mg"): a prescription told as a fact,
// which the phi rule reads, not one the reply tells them to take
// ("take your 10 mg at night" is still advice: it opens with an
// instruction).
func ownedDose(d *lex.Doc, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3 && d.Words[k].Sentence == d.Words[i].Sentence; k-- {
		if doseOwners.Has(&d.Words[k]) {
			// "take your 10 mg", "stay on your 75": told to take it.
			for j := k - 1; j >= 0 && j >= k-2 && d.Words[j].Sentence == d.Words[k].Sentence; j-- {
				if doseTakes.Has(&d.Words[j]) || doseShifts.Has(&d.Words[j]) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// hedges guess at what the person has ("probably", "sounds", "suena") or
// name it ("that's", "eso es"): read per word, by hash first, and only
// near a condition.
var (
	hedges      = &wordSets[listHedges]
	modalHedges = &wordSets[listModalHedges]
)

// conditions finds the reply's conditions, one list walked.
var conditions = lex.NewGroup(care.Conditions)

// hedgeWindow is how many words before a condition the hedge that guesses
// at it may come ("sounds as if it might be an ear infection").
const hedgeWindow = 5

// diagnosis finds the first condition named for the person's case, a
// hedge or a naming word a few words before it in its sentence ("sounds
// like plantar fasciitis", "probably a sprain", "that's shingles", "eso
// es una otitis"): a guess at a diagnosis is a clinician's to make, and
// only in private. The match runs from the nearest such word to the
// condition's first word. It reads only the few words before each
// condition.
func diagnosis(d *lex.Doc) (lex.Match, bool) {
	for _, c := range d.Find(conditions) {
		for j := c.From - 1; j >= 0 && j >= c.From-hedgeWindow && d.Words[j].Sentence == d.Words[c.From].Sentence; j-- {
			if hedges.Has(&d.Words[j]) || modalHedges.Has(&d.Words[j]) && d.Words[j+1].Lower == "be" {
				return lex.Match{From: j, To: c.From + 1}, true
			}
		}
	}
	return lex.Match{}, false
}

// amount: a number, perhaps with a decimal point ("12", "0.5").
func amount(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9' && strings.Trim(w, "0123456789.") == "" && !strings.HasSuffix(w, ".")
}

// Verdict words are function words compared directly.
var (
	verdictCopulas   = &wordSets[listVerdictCopulas] // (read per word: by hash first)
	verdictModifiers = dataLists[listVerdictModifiers]
	verdicts         = dataLists[listVerdicts]
	verdictNouns     = dataLists[listVerdictNouns]
	articles         = dataLists[listArticles]
)

// verdict finds the first sentence that pronounces on a symptom, result
// or medicine: a link, up to four modifiers, then a verdict ("halos are
// normal", "spotting is a common side effect", "a drink or two is usually
// fine"). The match runs from the link to the verdict.
func verdict(d *lex.Doc) (lex.Match, bool) {
	if m, ok := bareVerdict(d); ok {
		return m, true
	}
	for i := range d.Words {
		if !verdictCopulas.Has(&d.Words[i]) {
			continue
		}
		article := false
		for k := i + 1; k <= i+5 && k < len(d.Words) && d.Words[k].Sentence == d.Words[i].Sentence; k++ {
			// After an article a noun must follow: "a common side effect"
			// is a verdict, "a really common question" is not.
			if in(verdicts, d.Words[k].Lower) && (!article || in(verdictNouns, d.Words[k].Lower)) {
				return lex.Match{From: i, To: k + 1}, true
			}
			article = article || in(articles, d.Words[k].Lower)
			if !in(verdictModifiers, d.Words[k].Lower) {
				break
			}
		}
	}
	return lex.Match{}, false
}

// bareVerdictWords is the most words a sentence may have and be a bare
// verdict ("Totally normal!", "Yes, perfectly safe.", "Super seguro!").
const bareVerdictWords = 4

// bareVerdict finds a short sentence that is a verdict without a link:
// answer words, modifiers, then the verdict last ("Yep, totally
// normal!"). A verdict word with words after it names something else
// ("Safe travels!", "Normal hours resume Monday").
func bareVerdict(d *lex.Doc) (lex.Match, bool) {
	for s := range d.Sentences {
		k, end := d.SentWords[s].Start, d.SentWords[s].End
		if end-k > bareVerdictWords {
			continue
		}
		for k < end && softeners.Has(&d.Words[k]) {
			k++
		}
		from := k
		for k < end && in(verdictModifiers, d.Words[k].Lower) {
			k++
		}
		if k == end-1 && in(verdicts, d.Words[k].Lower) {
			return lex.Match{From: from, To: end}, true
		}
	}
	return lex.Match{}, false
}

// cautions make a sentence a warning to wait for a clinician.
var cautions = &vocabLists[listCautions]

// feelings make a sentence comfort for a feeling ("nerves are completely
// normal"), not advice on a body.
var feelings = &vocabLists[listFeelings]

// uncautioned drops advice matches in sentences that warn against acting
// alone ("don't change her dose on your own") or that speak of a feeling
// ("it's totally normal to be nervous"), reusing the array.
func uncautioned(d *lex.Doc, ms []lex.Match) []lex.Match {
	if len(ms) == 0 || !d.Contains(cautions) && !d.Contains(feelings) {
		return ms
	}
	var warned uint64 // sentences with a caution or a feeling, the first 64
	for _, c := range d.Find(cautions.Group) {
		if s := d.Words[c.From].Sentence; s < 64 {
			warned |= 1 << s
		}
	}
	for i := 0; d.Contains(feelings) && i < len(d.Words); i++ {
		if s := d.Words[i].Sentence; s < 64 && d.Is(i, feelings) {
			warned |= 1 << s
		}
	}
	out := ms[:0]
	for _, m := range ms {
		if s := d.Words[m.From].Sentence; s >= 64 || warned&(1<<s) == 0 {
			out = append(out, m)
		}
	}
	return out
}

// handOffVerbs hand a question to someone; compared directly, by hash
// first.
var handOffVerbs = &wordSets[listHandOffVerbs] // (read per word: by hash first)

// clinicianAfter reports a word of l after word i in its sentence: the
// question handed to them ("ask your pharmacist"), not a clinician
// who decided ("the doctor says restart it and call us").
func clinicianAfter(d *lex.Doc, i int, l *lex.List) bool {
	s := d.Words[i].Sentence
	for k := i + 1; k < d.SentWords[s].End; k++ {
		if d.Is(k, l) {
			return true
		}
	}
	return false
}

// deferWords show the reply hands the question to the right person;
// deferCJK are the same in scripts without spaces, matched as substrings.
var (
	deferWords = &vocabLists[listDeferWords]
	deferCJK   = dataLists[listDeferCJK]
)

// adviceFinding reports clinical advice at m, for owner to give instead. In
// a private message the advice is not public, but still the clinician's.
func adviceFinding(p *analysis.Pass, m lex.Match, owner string, sev analysis.Severity) analysis.Finding {
	sp := p.Reply.WordSpan(m.From, m.To)
	f := analysis.Finding{Start: sp.Start, End: sp.End, Severity: maxSeverity(sev, analysis.Warning),
		Message:    "gives clinical advice in public",
		Suggestion: "let " + owner + " answer privately: invite them to call so they can be seen or advised"}
	if p.Input.Private {
		f.Message = "gives clinical advice that " + owner + " should give"
		f.Suggestion = "let " + owner + " answer: invite them to call so they can be seen or advised"
	}
	return f
}

// reportAdvice reports clinical advice at m for the clinician the policy
// names: one out-of-line call for every place advice is found
// (engine.wasm size).
//
//go:noinline
func reportAdvice(p *analysis.Pass, m lex.Match) {
	owner, sev := route(p, "clinical")
	p.Report(adviceFinding(p, m, owner, sev))
}

func runRouting(p *analysis.Pass) {
	d := p.Reply
	if len(d.Words) == 0 {
		return
	}
	// analysis.Routing is about the comment, not a phrase of the reply: anchor it on
	// the first sentence so the underline stays short.
	end := d.Sentences[0].End
	if kind := comment.Of(p).Kind; kind == comment.Clinical || (kind != comment.None && hasTopic(comment.Of(p), "clinical")) ||
		// A question about the schedule is no worry about health ("is it
		// normal to wait three weeks?"); money questions read as billing.
		asksWorry(p) && !hasTopic(comment.Of(p), "scheduling") && !comment.SaysGeneral(p.Comment) {
		owner, sev := route(p, "clinical")
		if m, ok := firstAdvice(d); ok {
			p.Report(adviceFinding(p, m, owner, sev))
			return
		}
		// A question that is also about money ("do we have to pay again?",
		// "will my insurance cover it?") is the billing team's to answer
		// when the reply gives no advice: the clinician is owed the advice,
		// not the bill.
		if !defers(p, d) && !moneyAsk(comment.Of(p)) {
			p.Report(analysis.Finding{Start: 0, End: end, Severity: sev,
				Message:    "clinical question: " + owner + " should answer it",
				Suggestion: "route it to " + owner + " and invite the person to call"})
			return
		}
		p.Report(analysis.Finding{Start: 0, End: end, Severity: analysis.Info, Message: "clinical question: " + owner + " should answer it"})
		return
	}
	// The asker's own treatment or body ("Can I eat after my filling?")
	// answered with advice is a clinical answer in public too.
	// So is advice that no clinician stands behind, given to a question
	// about health in general: "yes, it's safe while breastfeeding".
	kind := comment.Of(p).Kind
	// A question its writer calls general ("general question", "in
	// general?") is education's, however the answer is worded.
	// A question the writer asks about themselves or their family in the
	// first person ("I'm 16 weeks, is it too late?", "my toddler only says
	// three words, should I worry?") is theirs even when it names nothing
	// the vocabulary knows as care: an answer with advice or a verdict,
	// nobody handed it and no general frame, is the clinical answer in
	// public. "Kids" or "your" alone make no question personal ("what's
	// your top tip for kids' teeth?").
	ci := comment.Of(p)
	if kind == comment.Question && (ownCare(p.Comment) || (ci.Health && !comment.SaysGeneral(p.Comment) || ci.Personal && comment.SpeaksOfSelf(p.Comment)) && !defers(p, d) && !d.Contains(generalFrames)) {
		if m, ok := firstAdvice(d); ok {
			reportAdvice(p, m)
			return
		}
	}
	// A complaint about one's own outcome ("my filler is lumpy") answered
	// with an instruction for it ("Massage them gently") is advice too;
	// facts told to rebut it are conduct's.
	if kind == comment.Complaint && ownCare(p.Comment) {
		if m, ok := imperativeAdvice(d); ok {
			reportAdvice(p, m)
			return
		}
	}
	// A complaint that names one's own symptom ("my neck hurts since the
	// adjustment") answered with a verdict on it ("some soreness is
	// normal") reassures about the person's body in public: only the
	// verdict, not every advice phrase, as a rebuttal names care too
	// ("antibiotics don't treat viruses" is conduct's), and not one
	// handed to a clinician or warned against.
	if kind == comment.Complaint && comment.Symptomatic(p.Comment) {
		if m, ok := verdict(d); ok {
			if ms := uncautioned(d, handedOff(d, []lex.Match{m})); len(ms) > 0 {
				reportAdvice(p, m)
				return
			}
		}
	}
	// So is a remark about one's own body or treatment that names a
	// condition or symptom and asks nothing ("my knee aches whenever I
	// climb stairs") answered with advice or a verdict on it: the
	// person brought a symptom, and the reply treats it. Not good news
	// ("first week with my new hearing aids"), praise, or a remark the
	// reply thanks for ("thank you! keep wearing that retainer"): there
	// a care instruction is a care detail, the phi rule's.
	if kind == comment.Other && (ownCare(p.Comment) && p.Comment.Contains(care.Conditions) || comment.Symptomatic(p.Comment)) && !p.Comment.Any(comment.PositiveGroup) && !complaint.Thanked(d) {
		if m, ok := firstAdvice(d); ok {
			reportAdvice(p, m)
			return
		}
	}
	// Whatever the comment asked or praised, a guess at what the writer
	// or their family has ("sounds like sleep apnea", "probably a
	// sprain") diagnoses them in public, unless the reply hands the
	// question on.
	if kind != comment.None && ci.Personal {
		if m, ok := diagnosis(d); ok && !defers(p, d) {
			reportAdvice(p, m)
			return
		}
	}
	routes, _ := p.Prepared.(map[string]routed)
	for _, t := range comment.Of(p).Topics {
		if t == "clinical" {
			continue
		}
		if r, ok := routes[t]; ok {
			p.Report(analysis.Finding{Start: 0, End: end, Severity: r.severity, Message: r.message, Suggestion: r.suggestion})
			return
		}
	}
}

// route returns the owner and severity for a topic.
func route(p *analysis.Pass, topic string) (string, analysis.Severity) {
	r, ok := p.Config.Routes[topic]
	if !ok {
		return "a clinician", p.Config.Severity(analysis.Routing)
	}
	if r.Severity.Rank() < 0 {
		return r.Owner, p.Config.Severity(analysis.Routing)
	}
	return r.Owner, r.Severity
}

// initialisms are clinician titles that are words of other languages in
// lower case ("pa"); compared directly, by hash first.
var initialisms = &wordSets[listInitialisms]

// lowerInitialism: match m is one such title written in lower case, the
// Haitian or Tagalog word, not "our PA".
func lowerInitialism(d *lex.Doc, m lex.Match) bool {
	return m.Len() == 1 && d.Words[m.From].Shape&text.HasUpper == 0 && initialisms.Has(&d.Words[m.From])
}

// defers: the reply hands the question on, in its own words: "our team"
// inside an auto-responder's "a member of our team will contact you" hands
// nothing on, nor does a lower-case "pa" ("pa enkyete w").
func defers(p *analysis.Pass, d *lex.Doc) bool {
	if d.HasSubstring(deferCJK) {
		return true // stock replies are not written in those scripts
	}
	if len(d.Words) == 0 || !d.Contains(deferWords) && !d.Contains(care.Clinicians) {
		return false
	}
	stockMatches := stock.Of(p)
	for _, g := range [...]*lex.List{deferWords, care.Clinicians} {
		if !d.Contains(g) {
			continue
		}
		for _, m := range d.Find(g.Group) {
			if lowerInitialism(d, m) {
				continue
			}
			inStock := false
			for _, sm := range stockMatches {
				inStock = inStock || sm.From <= m.From && m.From < sm.To
			}
			if !inStock {
				return true
			}
		}
	}
	return false
}

// moneyAsk: the comment's topics include a bill, a price or coverage.
func moneyAsk(ci *comment.Info) bool {
	return hasTopic(ci, "billing") || hasTopic(ci, "cost") || hasTopic(ci, "insurance")
}

func hasTopic(ci *comment.Info, t string) bool {
	for _, x := range ci.Topics {
		if x == t {
			return true
		}
	}
	return false
}

func maxSeverity(a, b analysis.Severity) analysis.Severity {
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
func ownCare(d *lex.Doc) bool {
	if d == nil {
		return false
	}
	for i := range d.Words {
		w := &d.Words[i]
		if w.Lower != "my" {
			continue
		}
		for k := i + 1; k < len(d.Words) && k <= i+3 && d.Words[k].Sentence == w.Sentence; k++ {
			if d.Is(k, care.Body) {
				return true
			}
			if m, ok := d.LongestAt(k, care.All); ok {
				switch m.List {
				case care.Procedures.ID, care.Conditions.ID, care.Medications.ID, care.Colloquial.ID:
					return true
				}
			}
		}
	}
	return false
}

// in reports w in list: one out-of-line call for every function-word
// lookup, not slices.Contains inlined at each (engine.wasm size).
//
//go:noinline
func in(list []string, w string) bool { return slices.Contains(list, w) }
