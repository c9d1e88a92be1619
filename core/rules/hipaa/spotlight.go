package hipaa

import "github.com/replyguard/replyguard/core/lex/care"

// spotlightOpeners open a post introducing someone (staffSpotlight).
var spotlightOpeners = &cueLists[listSpotlightOpeners]

// staffSpotlight reports a post with no comment that introduces one of
// the practice's own people: "Meet Dana, our front desk lead!", "Welcome
// to our newest nurse practitioner, Luis Ortega!", "Meet Renée! Our
// newest nurse has 15 years in home health". Its names, years and care
// words are the staff member's ("15 years in home health", "she loves
// travel medicine") and its "your" invites the reader ("say hi at your
// next checkup"): no one's care. The opener is among the first three
// words and a role after "our" or a credential after a staff name is in
// the first two sentences. A patient counted in the first sentence ("our
// newest patient"), anyone named by title or by another first name after
// it ("she's the reason Mr. Diaz…") or a condition that is not a role's
// field ("our asthma educator"; not "she's been fighting breast cancer")
// keeps the post to the frames.
func (pp *phiPass) staffSpotlight() bool {
	d := pp.d
	if pp.comment != nil && len(pp.comment.Words) > 0 {
		return false
	}
	opener, role, intro := false, false, ""
	for k := range d.Words {
		s, w := d.Words[k].Sentence, d.Words[k].Lower
		opener = opener || k < 3 && d.Is(k, spotlightOpeners)
		switch {
		case s == 0 && d.Is(k, patientNouns), s > 0 && d.Is(k, honorifics):
			return false
		case s == 0 && intro == "" && pp.is(k, cCapital) && d.Is(k, firstNames):
			intro = w // the one introduced
		case s > 0 && w != intro && pp.is(k, cCapital) && d.Is(k, firstNames) && !pp.staff[k]:
			return false // someone else named
		}
		role = role || s <= 1 && pp.staffRoleAt(k)
	}
	if !opener || !role {
		return false
	}
	for _, m := range pp.careList {
		if m.List == care.Conditions.ID && !pp.staffRoleAt(m.To) && !pp.staffRoleAt(m.To+1) {
			return false
		}
	}
	return true
}

// staffRoleAt reports word k as a staff member's role or credential in
// a spotlight: a role after "our" a few words back in its clause ("our
// front desk superstar", "one of our certified hand therapists", "our
// asthma educator") or a credential after a staff name ("Jasmine, RD").
// A role in an organisation's name ("the Motion Lab family") or after
// "the" ("the headache clinic") introduces no one.
func (pp *phiPass) staffRoleAt(k int) bool {
	d := pp.d
	if pp.is(k, cCredentials) && k > 0 && pp.staff[k-1] {
		return true
	}
	if uint(k) >= uint(len(d.Words)) || pp.staff[k] || !pp.is(k, cStaffRoles) && !d.Is(k, care.Clinicians) {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-4 && pp.sameClause(j, k); j-- {
		if pp.is(j, cOurWords) {
			return true
		}
	}
	return false
}
