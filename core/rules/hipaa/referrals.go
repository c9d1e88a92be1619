package hipaa

import "github.com/replyguard/replyguard/core/analyses/practice"

// referral reports a clinician the person owns (the possessive at word i,
// the clinician's words from word from) that the reply sends them to,
// not one it speaks for: "call your primary care doctor today", "check
// with your own doctor". Their own clinician ("own", "specific") or one
// they are told to contact is someone else's care; when or whether they
// saw them is the reason to call, not a visit the practice confirms.
func (pp *phiPass) referral(i, from int) bool {
	if pp.genericOwnedIn(i+1, from) {
		return true
	}
	return i > 0 && pp.d.Is(i-1, practice.ContactVerbs)
}
