package hipaa

var addressInvites = &cueLists[listAddressInvites]

// officeUnits after a street address make it a business's premises.
var officeUnits = &cueLists[listOfficeUnits]

// officeAddress reports a street address (ending at byte end) followed
// by an office suite: "200 Harbor Way, Suite 4".
func (pp *phiPass) officeAddress(end int) bool {
	d := pp.d
	n := d.WordAt(end - 1)
	return n >= 0 && n+1 < len(d.Words) && d.Words[n+1].Sentence == d.Words[n].Sentence && d.Is(n+1, officeUnits)
}

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

// signedAddress reports a street address in the reply's sign-off: its
// sentence opens with a business's name ("Harbor Family Dental, 12 Elm
// St") or the sentence before it is only that name (a line "Harbor Family
// Dental" over "12 Elm St, Suite 2"): a few capitalised words, one an
// organisation word, name a business, not a person.
func (pp *phiPass) signedAddress(start int) bool {
	d := pp.d
	n := d.WordAt(start)
	if n < 0 {
		return false
	}
	s := d.Words[n].Sentence
	from := d.SentWords[s].Start
	if n == from && s > 0 {
		from = d.SentWords[s-1].Start
	}
	org := false
	for k := from; k < n; k++ {
		if !pp.is(k, cCapital) || n-from > 6 {
			return false
		}
		org = org || d.Is(k, orgWords)
	}
	return org
}
