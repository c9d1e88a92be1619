package hipaa

// The reader's relative tied to the practice's care: replies to families
// (home health, hospice, older adults) speak of "your mom", not "you". A
// relative alone is no disclosure ("sending love to your mom"), nor is a
// worker of the practice alone ("our nurses are wonderful"); the two in
// one clause say that the practice tends that relative: "our nurse
// charted that your father slept", "ask for your dad's care coordinator";
// so does the relative's visit told as done ("your niece was seen at
// noon"). Conditions, offers and guesses stay anyone's ("if your mom needs
// a nurse", "our aides can help your dad"). One function: in engine.wasm
// every function and call site costs bytes.

// kinVisits are a visit told as done ("was seen", "checked in").
var kinVisits = &cueLists[listKinVisits]

// kinCareHits finds the reader's relative ("your mom", "your dad's")
// tied within a clause to a worker of the practice or to a visit.
func (pp *phiPass) kinCareHits() []phiHit {
	d := pp.d
	if pp.clsAll&cOwnerYour == 0 || !d.Contains(familyNouns) {
		return nil // every frame starts at "your" before a family word
	}
	var hits []phiHit
	for i := 0; i+2 < len(d.Words); i++ {
		if !pp.is(i, cOwnerYour) || !d.Is(i+1, familyNouns) || pp.class2(i+1)&c2KinGroups != 0 || pp.conditional(i) {
			continue
		}
		to := i + 2 // the word after the relative
		f := &pp.flags[d.Words[i].Sentence]
		if f.ifYou || f.speculative {
			continue
		}
		from, end, msg := i, 0, confirmed
		// "your mom's nurse", "your dad's case manager": the relative has
		// a worker of the practice, even in an invitation ("call our
		// nurse line and ask for …"); under a question only when the
		// sentence says whose. "your aunt Rita checked in": a visit.
		for j := to; j <= to+1 && end == 0 && pp.sameClause(i, j); j++ {
			if pp.class2(j)&c2KinRoles != 0 &&
				(!pp.answersQuestion || pp.sentenceHas(d.Words[i].Sentence, cOurWords)) {
				end = j + 1
			} else if m, ok := d.LongestAt(j, kinVisits.Group); ok && m.From == j {
				end, msg = m.To, seen
			}
		}
		// "our nurse charted that your father …": a worker of the practice
		// earlier in the clause, no offer ("our aides can help …") and
		// no invitation ("call our nurse line about …") between.
		if end == 0 && !f.offer && !f.genericStatement && !f.standing && !pp.afterContactVerb(i) {
			for k := i - 1; k > 1 && pp.sameClause(k, i) && !pp.is(k, cOfferModals); k-- {
				if pp.class2(k)&c2KinRoles != 0 && (pp.is(k-1, cOurWords) || pp.is(k-2, cOurWords)) {
					from, end = k-1, to
					break
				}
			}
		}
		if end > 0 {
			hits = pp.hit(hits, from, end, msg, srcKinWorker)
		}
	}
	return hits
}
