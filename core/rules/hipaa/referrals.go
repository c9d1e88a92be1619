package hipaa

import (
	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/words"
)

// referral reports a clinician the person owns (the possessive at word i,
// the clinician's words from word from) that the reply sends them to,
// not one it speaks for: "please call your family doctor today", "ask
// your own dentist". Their own clinician ("own", "specific") or one
// they are told to contact is someone else's care; when or whether they
// saw them is the reason to call, not a visit the practice confirms.
func (pp *phiPass) referral(i, from int) bool {
	if pp.genericOwnedIn(i+1, from) {
		return true
	}
	return i > 0 && pp.d.Is(i-1, practice.ContactVerbs)
}

// imperativeCareVerb reports a one-word care match m used as a verb in
// an instruction: at the start of its sentence or after "please", with
// an owner right after it ("please consult your dentist", "Visit your
// doctor first"). The care is an act the reader is told to take with
// their own clinician, not a visit the practice had with them; "your
// consult went well" keeps the noun.
func (pp *phiPass) imperativeCareVerb(m lex.Match) bool {
	d := pp.d
	if m.To-m.From != 1 || !d.Is(m.To, possessives) || !pp.sameClause(m.From, m.To) {
		return false
	}
	s := d.Words[m.From].Sentence
	return m.From == d.SentWords[s].Start || d.Is(m.From-1, words.Please) && d.Words[m.From-1].Sentence == s
}
