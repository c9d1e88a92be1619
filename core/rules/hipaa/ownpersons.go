package hipaa

import "strings"

// One person the practice names as its own: "our longtime patient
// Gloria", "our bravest patient, Owen", "Bev, our most loyal regular",
// "you're our favorite regular", "she's still our sweetest patient".
// "Our patients" are everyone, and "our patient coordinator" or "our
// new patient forms" go on past the noun: the noun is singular and ends
// its clause or comes before a name.
var ourRegulars = &cueLists[listOurRegulars]

// ownPersonAt reads the frame at the person noun i ("patient",
// "regular") and returns its span, or 0, 0.
func (pp *phiPass) ownPersonAt(i int) (from, to int) {
	d := pp.d
	w := d.Words[i].Lower
	if strings.HasSuffix(w, "s") || pp.conditional(i) {
		return 0, 0
	}
	// "our" before it, over up to three modifiers ("our favorite Monday
	// patient"); "our valued patient" is a template's.
	o := -1
	for k := i - 1; k >= 0 && k >= i-4 && pp.sameClause(k, i); k-- {
		if pp.is(k, cOurWords) {
			o = k
			break
		}
		if pp.is(k, cBoilerplateAdjectives) || pp.is(k, cDeterminers) || d.Is(k, possessives) || pp.is(k, cWriterSelf) {
			return 0, 0
		}
	}
	if o < 0 {
		return 0, 0
	}
	s := d.Words[i].Sentence
	if j := i + 1; j < len(d.Words) && d.Words[j].Sentence == s && pp.nameAt(j) &&
		(pp.sameClause(i, j) || commaGap(d.Text[d.Words[i].End:d.Words[j].Start])) {
		return o, j + 1
	}
	if pp.sameClause(i, i+1) {
		return 0, 0
	}
	// Who it is, before "our": "you're", "she's", "Harold is", or a name
	// in apposition ("Bev, our most loyal regular").
	p := o - 1
	if p < 0 || d.Words[p].Sentence != s {
		return 0, 0
	}
	if pp.nameAt(p) && commaGap(d.Text[d.Words[p].End:d.Words[o].Start]) {
		return p, i + 1
	}
	for p > 0 && pp.sameClause(p, o) && d.Is(p, historyFillers) {
		p-- // "she's still our"
	}
	if !pp.sameClause(p, o) {
		return 0, 0
	}
	subject := func(k int) bool {
		return k >= 0 && pp.sameClause(k, o) && (d.Is(k, youWords) || d.Is(k, thirdWords)) && !d.Is(k, possessives)
	}
	pw := d.Words[p].Lower
	switch {
	case (strings.HasSuffix(pw, "'re") || strings.HasSuffix(pw, "'s")) && subject(p):
		return p, i + 1
	case inSet(d, p, stayBe) && p > 0 && (subject(p-1) || pp.sameClause(p-1, p) && pp.namedSubject(p-1)):
		return p - 1, i + 1
	}
	return 0, 0
}
