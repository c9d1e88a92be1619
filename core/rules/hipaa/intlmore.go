package hipaa

import (
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/text"
)

// Care in Tagalog, Haitian Creole, French, Portuguese and Arabic. intl.go
// reads Spanish-like frames; here, as cjk.go does for scripts without
// spaces, a sentence is read whole: a care word (multi_care, or an Arabic
// care noun) in a sentence that also names a person (the reader, a
// relative, an honorific: "ninyo", "manman w", "votre", "sua", "ابنك") or
// a day ("sa Huwebes", "lendi") is a disclosure as plain as "your root
// canal", and firm. Arabic attaches "your" to the noun itself ("موعدك",
// "ركبتك"): such a noun needs nothing else in its sentence. A sentence
// that offers, invites, calls or states a condition ("rele", "kung",
// "يرجى", "si") ties no one, and neither do two days in it (opening
// hours). Haitian "ou" is French "or", so the Haitian person words count
// only in a reply with a word of Haitian Creole.
// The Arabic lists are stems (arRead).
var (
	careAR    = &wordSets[listMultiCareAR]
	kinAR     = &wordSets[listMultiKinAR]
	youAR     = &wordSets[listMultiYouAR]
	generalAR = &wordSets[listMultiGeneralAR]
)

// intlMoreHits finds care in these languages tied to a person in its
// sentence (see the comment at the top of this file). The Latin-script
// lists are class words (classes2: one look per word); an Arabic word is
// read with its prefixes and attached pronoun taken off (arRead). A
// general word in Latin script frees its sentence; an Arabic one its
// clause: "نتائج فحصك مرتفعة، نرجو الاتصال" still discloses.
func (pp *phiPass) intlMoreHits() []phiHit {
	d := pp.d
	arabic, all := pp.arabic, pp.cls2All // (newPHIPass's word loop)
	if !arabic && all&(c2MultiCare|c2MultiPerson) == 0 {
		return nil
	}
	// Haitian "ou" and "w" are the reader only in Haitian Creole ("ou" is
	// French "or").
	personBits := c2MultiPerson
	if all&c2MultiHaitian != 0 {
		personBits |= c2MultiPersonHT
	}
	var hits []phiHit
	var buf [64]byte
	for s, r := range d.SentWords {
		// owner: a person word that is no English word ("a ton of"),
		// which ties the shared vocabulary too.
		person, owner, general, days := false, false, false, 0
		// Arabic: the hits from where the clause began, and the clause
		// a general word freed.
		first, clauseFirst, cl, freed := len(hits), len(hits), int32(-1), int32(-1)
		for k := r.Start; k < r.End; k++ {
			w := &d.Words[k]
			c := pp.class2(k)
			if pp.clause[k] != cl {
				cl, clauseFirst = pp.clause[k], len(hits)
			}
			kind, yours := 0, false
			if arabic && w.Shape&text.NonASCII != 0 && w.Lower[0] >= 0xD8 && w.Lower[0] <= 0xDB {
				kind, yours = arRead(string(arNormalize(buf[:0], w.Lower)))
			}
			switch {
			case kind == arGeneral:
				hits, freed = hits[:clauseFirst], cl
			case c&c2MultiGeneral != 0 || pp.conditional(k):
				general = true
			case kind == arYou || kind == arKin && yours:
				person = true
			case c&personBits != 0 && !(k > 0 && text.IsDigit(d.Words[k-1].Lower[0])):
				// after a number, "mo" is a month ("$249/mo")
				person = true
				owner = owner || !intlOwnerLookalikes.Has(w)
			case c&c2MultiDays != 0 || d.Is(k, intlDays):
				days++
			case (kind == arCare || c&c2MultiCare != 0) && cl != freed:
				person = person || yours
				hits = append(hits, phiHit{d.WordSpan(k, k+1), details, srcIntlMore, 0})
			}
		}
		// Advice on what the commenter asked about their own body ("porte
		// ton attelle") is routing's concern, as in intl.go.
		if general || !person && days != 1 || pp.advises(s) {
			hits = hits[:first]
			continue
		}
		for k := r.Start; owner && k < r.End; k++ {
			if pp.class2(k)&c2MultiCare == 0 {
				if to := pp.moreSharedCare(k); to > 0 {
					hits = append(hits, phiHit{d.WordSpan(k, to), details, srcIntlMore, 0})
					k = to - 1
				}
			}
		}
	}
	return hits
}

// moreSharedCare reads care of the shared vocabulary at word k, in a
// sentence one of these languages ties to a person: "seu raio-x", "sua
// mãe com a varfarina", "yung thyroid panel ninyo", and a Spanish-French
// word of intl_care ("votre vaccin"). It returns the word after the term,
// or 0. Clinicians, everyday and ambiguous words and feelings are left
// out, as intlOwnedCareTerm leaves them.
func (pp *phiPass) moreSharedCare(k int) int {
	d := pp.d
	if d.Is(k, intlCare) {
		return k + 1
	}
	m := pp.care(k)
	if m.From != k || m.List == care.Clinicians.ID || pp.ambiguousCare(m) || d.Is(k, everydayCare) || d.Is(k, feelings) {
		return 0
	}
	return m.To
}

// Arabic letters, in UTF-8.
const (
	arAlef = "\u0627"
	arTeh  = "\u062a"
	arLam  = "\u0644"
	arKaf  = "\u0643"
)

// arNormalize writes w into buf without its short vowels and tatweel, with
// أ إ آ as ا and ة as ت (as it is written before a pronoun: "ركبتك").
func arNormalize(buf []byte, w string) []byte {
	buf = buf[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == 0xD9 && i+1 < len(w) && (w[i+1] >= 0x8B && w[i+1] <= 0x92 || w[i+1] == 0x80) {
			i++ // a short vowel or tatweel
			continue
		}
		if c == 0xD8 && i+1 < len(w) && (w[i+1] == 0xA2 || w[i+1] == 0xA3 || w[i+1] == 0xA5) {
			buf = append(buf, arAlef...)
			i++
			continue
		}
		if c == 0xD8 && i+1 < len(w) && w[i+1] == 0xA9 {
			buf = append(buf, arTeh...)
			i++
			continue
		}
		buf = append(buf, c)
	}
	return buf
}

// arSuffixes are the pronouns attached to a noun ("your" begins with ك);
// arPrefixes are conjunctions, prepositions and the article, in the order
// they stack.
var (
	arSuffixes = dataLists[listMultiSuffixesAR]
	arPrefixes = dataLists[listMultiPrefixesAR]
)

// What an Arabic stem is (arRead): a word of an offer or condition, a
// word for the reader, a relative, a care noun.
const (
	arGeneral = 1 + iota
	arYou
	arKin
	arCare
)

// arRead tells what Arabic word w is (arGeneral…arCare, or 0) once its
// prefixes and an attached pronoun are taken off, and whether the pronoun
// was "your".
func arRead(w string) (kind int, yours bool) {
	for p := 0; ; p++ {
		// The word as it stands (j = -1), then without each pronoun.
		for j := -1; j < len(arSuffixes); j++ {
			stem := w
			yours = false
			if j >= 0 {
				x := arSuffixes[j]
				if len(w) <= len(x) || w[len(w)-len(x):] != x {
					continue
				}
				stem, yours = w[:len(w)-len(x)], x[:2] == arKaf
			}
			sw := text.Word{Lower: stem, Hash: text.Hash(stem)}
			switch {
			case generalAR.Has(&sw):
				return arGeneral, yours
			case youAR.Has(&sw):
				return arYou, yours
			case kinAR.Has(&sw):
				return arKin, yours
			case careAR.Has(&sw):
				return arCare, yours
			}
		}
		// Take off the next prefix that fits, in stacking order.
		for p < len(arPrefixes) && !(len(w) > len(arPrefixes[p])+2 && w[:len(arPrefixes[p])] == arPrefixes[p]) {
			p++
		}
		if p == len(arPrefixes) {
			return 0, false
		}
		w = w[len(arPrefixes[p]):]
		if arPrefixes[p] == arLam && len(w) > 4 && w[:2] == arLam {
			w = w[2:] // "لل": the article after ل, its alif dropped
		}
	}
}
