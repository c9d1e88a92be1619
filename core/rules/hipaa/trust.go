package hipaa

import "github.com/replyguard/replyguard/core/lex"

var trustedWith = lex.Cue(lex.FromData("hipaa/trusted_with", listTrustedWith))

// trustedQuestion reports a relationship phrase m ("thank you for
// trusting us") whose object is the comment itself ("… with this", "…
// with the question"): the reader trusted the practice with what they
// asked here, which says nothing about care; "trusting us with your
// knee" still confirms it.
func (pp *phiPass) trustedQuestion(m lex.Match) bool {
	for k := m.From; k <= m.To; k++ {
		if startsAt(pp.d, k, trustedWith) {
			return true
		}
	}
	return false
}
