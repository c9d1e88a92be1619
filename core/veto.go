package core

import (
	"strings"

	"github.com/replyguard/replyguard/core/analyses/comment"
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
	learned "github.com/replyguard/replyguard/core/score"
	"github.com/replyguard/replyguard/core/text"
)

// The PHI span veto (core/score/veto.go) scores each PHI finding of the
// rules from its local context; when every PHI finding of a reply scores
// under the policy's threshold they all become info (never deleted,
// strong or weak alike), and when one scores at or over it the reply
// keeps them all, so every underline stays. It
// runs after the reply-level score is taken (whose facts are the rules'
// own findings, as the trainer saw them) and before the score settles or
// adds PHI, and only where the score keeps the rules' PHI findings and
// would not flag PHI itself, so a reply whose findings are all vetoed is
// one the engine leaves unflagged. Not in a DM: there the rules alone judge PHI (see judge).

// vetoWindow is how many words either side of a finding the veto reads,
// within the finding's sentence.
const vetoWindow = 3

// vetoSpanWords is how many of a span's words the veto reads.
const vetoSpanWords = 6

// The veto's positions and facts, hashed once.
var (
	vetoSpan       = learned.VetoFact("span")
	vetoLeft       = learned.VetoFact("left")
	vetoRight      = learned.VetoFact("right")
	vetoLeft1      = learned.VetoFact("left1")
	vetoRight1     = learned.VetoFact("right1")
	vetoKind       = learned.VetoFact("comment-kind")
	vetoNoComment  = learned.VetoFact("no-comment")
	vetoEcho       = learned.VetoFact("echo")
	vetoEchoCare   = learned.VetoFact("echo-care")
	vetoChannel    = learned.VetoFact("channel")
	vetoStart      = learned.VetoFact("sentence-start")
	vetoEnd        = learned.VetoFact("sentence-end")
	vetoCount      = [3]learned.Fact{learned.VetoFact("phi:1"), learned.VetoFact("phi:2"), learned.VetoFact("phi:3+")}
	vetoOtherFirm  = learned.VetoFact("other-firm")
	vetoCareListOf = func() []bool {
		lists := lex.Lists()
		out := make([]bool, len(lists))
		for _, l := range lists {
			out[l.ID] = strings.HasPrefix(l.Name, "care/")
		}
		return out
	}()
	vetoChannelList = func() *lex.List {
		for _, l := range lex.Lists() {
			if l.Name == "conduct/channel_phrases" {
				return l
			}
		}
		return nil
	}()
)

// VetoFeatures computes into v the span veto's features of finding k of
// fs, a PHI finding at warning or above of the pass p's reply: its rule
// and frame (Finding.Kind, Weak), the words of its span and of up to
// vetoWindow words either side in its sentence (position-tagged) with
// their word classes, whether a care word of the span (or any of its
// words) is in the comment too, whether there is a comment and its kind,
// whether the reply offers a private channel, and how many PHI findings
// the reply has. The engine calls it at check time and the trainer from
// Inspect, so both see the same features.
func VetoFeatures(v *learned.SpanFeatures, p *analysis.Pass, fs []Finding, k int) {
	n, firm := vetoCounts(fs)
	vetoFeatures(v, p, &fs[k], n, firm)
}

// vetoCounts counts the PHI findings of fs at warning or above, and the
// firm ones (not Weak).
func vetoCounts(fs []Finding) (n, firm int) {
	for i := range fs {
		if fs[i].Category == PHI && fs[i].Severity.Rank() >= Warning.Rank() {
			n++
			if !fs[i].Weak {
				firm++
			}
		}
	}
	return n, firm
}

// vetoFeatures is VetoFeatures for finding f of a reply with n PHI
// findings at warning or above, firm of them firm (vetoCounts).
func vetoFeatures(v *learned.SpanFeatures, p *analysis.Pass, f *Finding, n, firm int) {
	v.Reset()
	v.Identity(f.Rule, f.Kind, f.Weak)
	d := p.Reply
	if !f.Weak {
		firm-- // another firm finding
	}
	v.Add(vetoCount[min(max(n, 1), 3)-1])
	if firm > 0 {
		v.Add(vetoOtherFirm)
	}
	ci := comment.Of(p)
	v.Word(vetoKind, string(ci.Kind))
	if p.Comment == nil {
		v.Add(vetoNoComment)
	}
	if vetoChannelList != nil && d.Contains(vetoChannelList) {
		v.Add(vetoChannel)
	}
	first := d.WordAt(f.Start)
	if first < 0 {
		return
	}
	last := first
	for last+1 < len(d.Words) && d.Words[last+1].Start < f.End {
		last++
	}
	sent := d.Words[first].Sentence
	var cd *text.Doc
	if p.Comment != nil {
		cd = p.Comment.Doc
	}
	echo, echoCare := false, false
	for i := first; i <= last && i < first+vetoSpanWords; i++ {
		w := d.Words[i].Lower
		v.Word(vetoSpan, w)
		care := vetoClasses(v, d, i, vetoSpan)
		if cd != nil && len(w) >= 3 && inDoc(cd, w, d.Words[i].Hash) {
			echo = true
			echoCare = echoCare || care
		}
	}
	if echo {
		v.Add(vetoEcho)
	}
	if echoCare {
		v.Add(vetoEchoCare)
	}
	vetoSide(v, d, first, -1, sent, vetoLeft, vetoLeft1, vetoStart)
	vetoSide(v, d, last, 1, sent, vetoRight, vetoRight1, vetoEnd)
}

// vetoSide records up to vetoWindow words of d's sentence sent from word
// at, one step (-1 left, 1 right) at a time, at position side (the nearest
// also at near), or edge when at is the sentence's first or last word.
func vetoSide(v *learned.SpanFeatures, d *lex.Doc, at, step, sent int, side, near, edge learned.Fact) {
	for j := 1; j <= vetoWindow; j++ {
		i := at + j*step
		if i < 0 || i >= len(d.Words) || d.Words[i].Sentence != sent {
			if j == 1 {
				v.Add(edge)
			}
			return
		}
		if j == 1 {
			v.Word(near, d.Words[i].Lower)
		}
		v.Word(side, d.Words[i].Lower)
		vetoClasses(v, d, i, side)
	}
}

// vetoClasses records the vocabulary lists with an entry starting at word
// i of d, at position pos, and reports whether one is a care list.
func vetoClasses(v *learned.SpanFeatures, d *lex.Doc, i int, pos learned.Fact) (care bool) {
	for _, m := range d.At(i) {
		if int(m.List) < len(listFacts) && listFacts[m.List] != 0 {
			v.Class(pos, listFacts[m.List])
		}
		care = care || int(m.List) < len(vetoCareListOf) && vetoCareListOf[m.List]
	}
	return care
}

// inDoc reports whether d has the word w (lower-cased), whose hash is h
// (text.Word.Hash): the hashes are compared first.
func inDoc(d *text.Doc, w string, h uint64) bool {
	for i := range d.Words {
		if d.Words[i].Hash == h && d.Words[i].Lower == w {
			return true
		}
	}
	return false
}

// veto demotes the PHI findings of fs at warning or above to info when
// model's span veto scores every one of them under the policy's
// threshold, and leaves them all when one scores at or over it: it
// scores them in order and stops at the first that stays. A sure finding
// (analysis.Finding.Sure: a record check; the rules find one in 44
// training replies by 41 authors, every one labelled PHI) stays
// unscored, and so does its reply; the trainer counts it the same way
// (internal/train, trainVeto). It runs only when the veto can change
// what the reply shows: the reply's score s
// keeps the findings (else settle demotes them anyway) and would not flag
// PHI on its own (else a vetoed reply would be flagged all the same, by
// the scorer's one span instead of the rules' underlines).
func (e *Engine) veto(p *analysis.Pass, fs []Finding, model *learned.Model, s *learned.Scores, mem *scratch) {
	v := model.Veto()
	if !v.On() || p.Input.Private || !e.c.Enabled(PHI) {
		return
	}
	sens := e.c.sensitivity(PHI)
	n, firm := vetoCounts(fs)
	if n == 0 || model.Flags(s, learned.PHI, sens) || !model.Keeps(s, learned.PHI, sens, firm == 0) {
		return
	}
	for k := range fs {
		if vetoable(&fs[k]) {
			if fs[k].Sure {
				return
			}
			vetoFeatures(&mem.span, p, &fs[k], n, firm)
			if v.Keeps(&mem.span, sens) {
				return
			}
		}
	}
	for k := range fs {
		if vetoable(&fs[k]) {
			fs[k].Severity = Info
		}
	}
}

// vetoable reports whether f is a finding the veto judges: PHI, of a rule,
// at warning or above.
func vetoable(f *Finding) bool {
	return f.Category == PHI && f.Rule != ScorerRule && f.Severity.Rank() >= Warning.Rank()
}
