package hipaa

// billingLookup reports a billing word the person owns (the possessive at
// word i of sentence s) that the practice offers to look into privately:
// "please call us to go through your statement", "call us and we'll look
// at your claim", "our billing staff can find your account by phone". The sentence names no amount, day, name or feeling and
// tells nothing that already happened, so it says only that the reader
// may have a bill; "we'll refund your $84 balance" or "your claim was
// denied in March", "go over your EOB" still disclose.
func (pp *phiPass) billingLookup(i, to, s int) bool {
	f := &pp.flags[s]
	if pp.hasAmount(s) || f.pastTense || f.time || f.name || f.empathy || f.third || f.event {
		return false
	}
	// "your Aetna claim", "your EOB": an insurer or a document names
	// what the person has; "your account is past due" tells its state.
	d := pp.d
	for k := i + 1; k < to; k++ {
		if pp.is(k, cCapital) || acronym(d.Text[d.Words[k].Start:d.Words[k].End]) {
			return false
		}
	}
	for k := d.SentWords[s].Start; k < d.SentWords[s].End; k++ {
		if d.Is(k, billingEvents) {
			return false
		}
	}
	return (pp.afterContactVerb(i) && pp.imperative(s)) || pp.modalInClause(i)
}
