package hipaa

var addressInvites = &cueLists[listAddressInvites]

// invitedAddress reports a street address (at byte start) whose sentence
// asks everyone to come to it or says it opens ("drop by 9 Oak Road any
// morning", "our new site opens in May at 9 Oak Road"), and gives nothing
// to the reader or a third person ("your", "her"): a place open to all is
// the practice's or an event's. A home the reply names ("the walker goes
// to 9 Oak Road on Friday", "we sent your refund to …") has no such
// invitation.
func (pp *phiPass) invitedAddress(start int) bool {
	d := pp.d
	n := d.WordAt(start)
	if n < 0 {
		return false
	}
	sp := d.SentWords[d.Words[n].Sentence]
	invited := false
	for k := sp.Start; k < sp.End; k++ {
		if d.Is(k, possessives) {
			return false
		}
		if startsAt(d, k, addressInvites) {
			invited = true
		}
	}
	return invited
}
