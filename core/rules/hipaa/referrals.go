package hipaa

import (
	"strings"

	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
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
	return i > 0 && pp.d.Is(i-1, practice.ContactVerbs) || pp.referredBy(i)
}

// referralVerbs send the person to a clinician of their own ("talk to",
// "check with"), ending right before the possessive. Plain words, not
// vocabulary, so they are no fact for the learned score.
var referralVerbs = dataLists[listReferralVerbs]

// referredBy reports a referral verb ending right before word i, in its
// sentence.
func (pp *phiPass) referredBy(i int) bool {
	d := pp.d
	for _, v := range referralVerbs {
		k := i
		for rest := v; rest != "" && k >= 0; {
			j := strings.LastIndexByte(rest, ' ')
			w := rest[j+1:]
			rest = rest[:max(j, 0)]
			k--
			if k < 0 || d.Words[k].Sentence != d.Words[i].Sentence || d.Words[k].Lower != w {
				k = -1
			}
		}
		if k >= 0 {
			return true
		}
	}
	return false
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

// Words of a clause that names a clinician by what they ordered for the
// person (orderedBy).
var (
	ordererVerbs     = &wordSets[listOrdererVerbs]
	ordererRelatives = &wordSets[listOrdererRelatives]
	ordererNouns     = &wordSets[listOrdererNouns]
)

// orderedBy reports a possessive at word i that only says which clinician
// to ask: "the doctor who ordered your MRI", "the office that ordered your
// labs", "whoever prescribes your blood pressure medicine". A clinician by
// role or "whoever" comes before the relative; "Dr. Lee, who ordered your
// MRI" names one, and a name or a time in the sentence is left to the
// other frames.
func (pp *phiPass) orderedBy(i int) bool {
	d := pp.d
	if i < 2 || !inSet(d, i-1, ordererVerbs) || !inSet(d, i-2, ordererRelatives) || !pp.sameClause(i-2, i) {
		return false
	}
	if d.Words[i-2].Lower == "whoever" {
		return true
	}
	k := i - 3
	return k >= 0 && pp.sameClause(k, i-2) && (inSet(d, k, ordererNouns) || d.Is(k, care.Clinicians))
}
