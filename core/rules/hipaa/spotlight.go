package hipaa

import "github.com/replyguard/replyguard/core/lex/care"

// Lists the staff spotlight reads.
var (
	spotlightOpeners = &wordSets[listSpotlightOpeners]
	spotlightFields  = &wordSets[listSpotlightFields]
)

// staffSpotlight reports a post with no comment that introduces one of
// the practice's own people: "Meet Dana, our front desk lead!", "Welcome
// to our newest nurse practitioner, Luis Ortega!", "Meet Priya! She's
// been a hygienist with us for 8 years". Its names, years and care words
// are the staff member's ("15 years in home health", "she loves travel
// medicine") and its "your" invites the reader ("say hi at your next
// checkup"): no one's care. The opener is among the first three words
// and a staff role is in the first two sentences. A patient counted in
// the first sentence ("our newest patient"), a name of anyone else
// ("she's the reason Mr. Diaz…") or a condition that is not the staff
// member's field ("she's been fighting breast cancer") keeps the post
// to the frames.
func (pp *phiPass) staffSpotlight() bool {
	d := pp.d
	if pp.comment != nil && len(pp.comment.Words) > 0 || len(d.Words) == 0 {
		return false
	}
	opener := false
	for k := 0; k < len(d.Words) && k < 3; k++ {
		opener = opener || inSet(d, k, spotlightOpeners)
	}
	if !opener {
		return false
	}
	role := false
	for k := 0; k < len(d.Words) && d.Words[k].Sentence <= 1; k++ {
		if d.Words[k].Sentence == 0 && d.Is(k, patientNouns) {
			return false
		}
		role = role || pp.staffRoleAt(k)
	}
	if !role {
		return false
	}
	// Every name after the first sentence is staff or the one introduced,
	// and no one is named by title there ("Mr. Diaz").
	for k := range d.Words {
		if d.Words[k].Sentence > 0 && d.Is(k, honorifics) {
			return false
		}
	}
	for _, c := range pp.caps {
		i := int(c)
		if d.Words[i].Sentence == 0 || pp.staff[i] || !pp.knownName(i) {
			continue
		}
		introduced := false
		for k := 0; k < len(d.Words) && d.Words[k].Sentence == 0; k++ {
			introduced = introduced || d.Words[k].Lower == d.Words[i].Lower
		}
		if !introduced {
			return false
		}
	}
	for _, m := range pp.careList {
		if m.List == care.Conditions.ID && !pp.staffField(m.From, m.To) {
			return false
		}
	}
	return true
}

// staffRoleAt reports word k as a staff member's role or credential in
// a spotlight: a role after "our" or "a" ("our front desk superstar",
// "one of our certified hand therapists", "she's been a hygienist"), a
// credential ("Jasmine, RD"). A role in an organisation's name ("the Motion Lab family") or
// after "the" ("the headache clinic") introduces no one.
func (pp *phiPass) staffRoleAt(k int) bool {
	d := pp.d
	if pp.is(k, cCredentials) && k > 0 && pp.staff[k-1] {
		return true
	}
	if pp.staff[k] || !pp.is(k, cStaffRoles) && !d.Is(k, care.Clinicians) {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-4 && pp.sameClause(j, k); j-- {
		if pp.is(j, cOurWords) || inSet(d, j, indefiniteArticles) {
			return true
		}
	}
	return false
}

// staffField reports the condition at words from..to as a staff member's
// field: a field word a few words before it in its clause ("specializes
// in hereditary cancer") or a role right after it ("our asthma
// educator").
func (pp *phiPass) staffField(from, to int) bool {
	d := pp.d
	for k := from - 1; k >= 0 && k >= from-4 && pp.sameClause(k, from); k-- {
		if inSet(d, k, spotlightFields) {
			return true
		}
	}
	for k := to; k < len(d.Words) && k <= to+1 && pp.sameClause(from, k); k++ {
		if pp.is(k, cStaffRoles) || d.Is(k, care.Clinicians) {
			return true
		}
	}
	return false
}
