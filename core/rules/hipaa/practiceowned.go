package hipaa

import (
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
)

// ourService reports a care match m owned by the practice: "our" up to
// three words before it in its clause with only modifiers between ("our
// new speech therapist", "our pediatric therapy program"). What the
// practice owns is its staff or a service it offers everyone, not a
// person's care; a person's care in the same reply ("proud of your
// progress since your stroke") is read by its own frame.
func (pp *phiPass) ourService(m lex.Match) bool {
	d := pp.d
	for k := m.From - 1; k >= 0 && k >= m.From-3 && pp.sameClause(k, m.From); k-- {
		if pp.is(k, cOurWords) {
			return true
		}
		// "our surgeon recommended physical therapy": the practice owns
		// the clinician, and the care is someone's.
		if pp.is(k, cDeterminers) || d.Is(k, possessives) || pp.is(k, cCapital) || pp.is(k, cStaffRoles) || d.Is(k, care.Clinicians) {
			return false
		}
	}
	return false
}
