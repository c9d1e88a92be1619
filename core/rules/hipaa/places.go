package hipaa

// placeHeads end a place's proper name: "Cedar Hollow", "Willow Creek".
// A word set, not a vocabulary list: a word's bit set has no room left.
var placeHeads = &wordSets[listPlaceHeads]

// placeNamed reports the first name at i followed, in its sentence, by the
// kind of a road or a landform: "Harlan Road", "Oak Hollow", "Harlan Rd" name
// a branch, a neighbourhood or a street, not a patient. A known surname there
// ("Anna Hill", "Lois Lane") keeps the pair a person's. The caller asks only
// when the reply ties no care to anyone: beside care details a street may be
// where the person lives or fills a prescription, a place smaller than a
// state, and the pair stays marked.
func (pp *phiPass) placeNamed(i int) bool {
	d := pp.d
	k := i + 1
	return k < len(d.Words) && d.Words[k].Sentence == d.Words[i].Sentence && pp.is(k, cCapital) &&
		d.Text[d.Words[i].End] == ' ' && (inSet(d, k, placeHeads) || d.Is(k, streetSuffixes)) && !d.Is(k, surnames)
}
