package hipaa

// bringVerbs say what to have along: "bring your shot card".
var bringVerbs = &wordSets[listBringVerbs]

// carriedAlong reports the possessive at i as the object of a verb that
// tells what to have along ("bring your inhaler", "pack your glasses"), in a
// sentence with no name, no time and nothing past: what anyone who comes
// brings, not care the practice confirms. The caller keeps it as later
// care, the person's once the reply discloses something else ("Bring your
// brace" after "your knee recheck moved to Monday").
func (pp *phiPass) carriedAlong(i int, f *sentFlags) bool {
	return i > 0 && inSet(pp.d, i-1, bringVerbs) && pp.d.Words[i-1].Sentence == pp.d.Words[i].Sentence &&
		!f.time && !f.name && !f.pastTense && !f.third && !pp.addressed
}

// determinedAt reports a determiner one or two words before word i in its
// sentence: "the crown", "your new crown".
func (pp *phiPass) determinedAt(i int) bool {
	s := pp.d.Words[i].Sentence
	return i > 0 && pp.d.Words[i-1].Sentence == s && pp.is(i-1, cDeterminers) || i > 1 && pp.d.Words[i-2].Sentence == s && pp.is(i-2, cDeterminers)
}

// ownedHits adds to hits, what is left of a reply that discloses, a body
// part or relative after a determiner in its clause ("the ankle", "his
// finger", "your husband"; not "the one", "this one", "the family"): a
// disclosure goes on beyond the words its frames read. Only after the
// advice reading (dropAdvice) has kept something, so they never make a
// reply disclose.
func (pp *phiPass) ownedHits(hits []phiHit) []phiHit {
	d := pp.d
	for i := 1; i < len(d.Words); i++ {
		if !pp.is(i-1, cDeterminers) || !pp.sameClause(i-1, i) {
			continue
		}
		msg := details
		if !d.Is(i, bodyNouns) {
			if !d.Is(i, familyNouns) || d.Words[i-1].Lower == "the" || pp.is(i-1, cDemonstratives) || pp.is(i-1, cDeictics) {
				continue
			}
			msg = "names a family member of the person"
		}
		hits = pp.hit(hits, i-1, i+1, msg, srcSweep)
	}
	return hits
}
