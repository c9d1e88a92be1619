package hipaa

import (
	"github.com/replyguard/replyguard/core/lex"
)

var addressInvites = lex.Cue(lex.FromData("hipaa/address_invites", listAddressInvites))

// invitedAddress reports a street address (at byte start) whose sentence
// asks everyone to come to it or says it opens ("stop by … at 220 Main
// Street", "Lakeview opens June 3 at …", "doors open … at …, come
// visit"), and gives nothing to the reader or a third person ("your",
// "her"): a place open to all is the practice's or an event's. A home the
// reply names ("delivery to 48 Birch Lane on Thursday", "we mailed your
// refund to …") has no such invitation.
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
