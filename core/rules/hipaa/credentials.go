package hipaa

import "github.com/replyguard/replyguard/core/lex"

// credentialWords name a clinician's training or credential.
var credentialWords = &wordSets[listCredentialWords]

// credentialField reports care match m as the field of a staff member's
// training or credential: a credential word right after it or one word
// on ("her prenatal certification", "her pain medicine fellowship") or a few
// words before it in its clause ("certification in laser gum therapy",
// "board-certified in internal medicine", "our certified hand
// therapists"). What a clinician trained in is nobody's care.
func (pp *phiPass) credentialField(m lex.Match) bool {
	d := pp.d
	for k := m.To; k < len(d.Words) && k <= m.To+1 && pp.sameClause(m.From, k); k++ {
		if inSet(d, k, credentialWords) {
			return true
		}
	}
	for k := m.From - 1; k >= 0 && k >= m.From-3 && pp.sameClause(k, m.From); k-- {
		if inSet(d, k, credentialWords) {
			return true
		}
	}
	return false
}
