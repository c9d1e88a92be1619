package hipaa

import "strings"

// Value frames: a measure of the person's own, read off their chart with
// its value: "since your sodium dipped to 129", "her ferritin sat at 11",
// "his dose went to 40 mg", "Theo's TSH came in at 6.4". The measure alone
// is anyone's ("a normal sodium runs 135 to 145"), and so is a value no
// one owns ("adults often begin at 5 mg").

// valueAt reads a value at the number word i: an owner ("your", "his",
// "Ana's", "your dad's", "su") up to four words before a measure noun, the
// measure up to six words before the number, all in one clause. It
// returns the owner word and the word after the value (and its unit), or
// 0, 0.
func (pp *phiPass) valueAt(i int) (from, to int) {
	d := pp.d
	w := d.Words[i].Lower
	// A phone number, a clock time or a day of the month is no value: a
	// 7-digit line, "at 3pm", "at 3 pm", "at 9", "on the 9th".
	if len(w) > 6 || pp.is(i+1, cClockWords) || w[len(w)-1] == 'm' || strings.IndexByte(w, ':') >= 0 || ordinalDay(w) ||
		len(w) <= 2 && i > 0 && d.Words[i-1].Lower == "at" {
		return 0, 0
	}
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if f.offer || f.genericStatement || f.ifYou || pp.conditional(i) {
		return 0, 0
	}
	for k := i - 1; k >= 0 && k >= i-8 && pp.sameClause(k, i); k-- {
		if !pp.measureNoun(k) && pp.class2(k)&c2ValueNouns == 0 {
			continue
		}
		for o := k - 1; o >= 0 && o >= k-4 && pp.sameClause(o, k); o-- {
			if pp.valueOwner(o) {
				// "raise your flow to 4", "drop your dose to 5": a
				// setting to try, told to anyone who asks.
				if pp.sameClause(o-1, o) && (d.Is(o-1, imperativeOpeners) || pp.class2(o-1)&c2ValueChanges != 0) {
					return 0, 0
				}
				to = i + 1
				if pp.sameClause(i, to) && (inSet(d, to, resultUnits) || inSet(d, to, doseUnits)) {
					to++
				}
				return o, to
			}
		}
		return 0, 0 // the nearest measure only
	}
	return 0, 0
}

// valueOwner reports an owner of a measure at word o: "your", "his",
// "her", a named person's ("Ana's"), "su"; not "their" of people in
// general ("most people keep their sodium near 140").
func (pp *phiPass) valueOwner(o int) bool {
	return pp.is(o, cIntlPossessives) || pp.isOwner(o) && !pp.is(o, cTheir) && !pp.staff[o]
}
