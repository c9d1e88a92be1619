package hipaa

// In a private message (analysis.Input.Private: a Messenger or Instagram DM)
// the reply is read by the person who wrote, about themself. Telling them
// they are a patient, when they were seen, their name, or the phone, email,
// address or date they gave is no disclosure to anyone else, and is what a
// DM is for ("see you Tuesday at 3"). Their care details, bills and record
// numbers still are a risk there: Messenger and Instagram are no secure
// channel, anyone with the account may read the chat, and a message sent to
// the wrong thread reaches a stranger. So a DM keeps only those findings.

// The identifier messages that are the person's own contacts and dates.
const (
	msgPhone   = "phone number that is not the practice's"
	msgDate    = "mentions a specific date"
	msgEmail   = "email address that is not the practice's"
	msgAddress = "contains a street address that is not the practice's"
	msgAge     = "mentions an age over 89"
)

// privateSuggestion opens the suggestion of a finding in a DM (the safe
// rewrite and a closing quote follow).
const privateSuggestion = "keep care details out of the chat (Messenger and Instagram are not a secure channel, and you cannot be sure who reads it): \""

// keepPrivate empties runPHI's parts, and the care details kept for later,
// of what is no disclosure in a private message, keeping care details,
// billing, results and the course of care, and identifiers that are not the
// person's own contacts or dates (record, member and account numbers,
// social security numbers, identifying links). Dates of visits (parts[1])
// and the care relationship (parts[2] and parts[6]) go whole.
func (pp *phiPass) keepPrivate(parts [][]phiHit) {
	parts[1], parts[2], parts[6] = nil, nil, nil
	for k, part := range parts {
		parts[k] = privateOnly(part)
	}
	pp.later = privateOnly(pp.later)
}

// notPrivate are the messages of hits that are no disclosure in a DM.
var notPrivate = [...]string{msgPhone, msgDate, msgEmail, msgAddress, msgAge, confirmed, seen}

// privateOnly filters hits in place.
func privateOnly(hits []phiHit) []phiHit {
	kept := hits[:0]
next:
	for _, h := range hits {
		for _, m := range notPrivate {
			if h.msg == m {
				continue next
			}
		}
		kept = append(kept, h)
	}
	return kept
}
