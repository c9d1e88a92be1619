package hipaa

import (
	"strings"

	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/lex/words"
	"github.com/replyguard/replyguard/core/text"
)

// Replies in other languages. Practices answer patients in Spanish, French,
// Portuguese, Vietnamese, Chinese, Korean, Polish and Tagalog every day, and
// a care detail leaks in any of them. The English frames read grammar; here
// a small vocabulary is enough: a care word counts when the reply also speaks
// to the person ("su", "votre", "chị", "您"), names a day ("el martes",
// "thứ Sáu", "周四") or answers someone who wrote about their own care.
// Words that are English too ("implant", "infection") are left to the
// English vocabulary.

// intlCare are care words in scripts with spaces between words.
var intlCare = &vocabLists[listIntlCare]

var intlServiceHeads = &vocabLists[listIntlServiceHeads]

// intlCareCJK are care words in scripts written without spaces, found as
// substrings.
var intlCareCJK = dataLists[listIntlCareCJK]

// intlYou address the reader; intlDays name a day or a time; intlMine in a
// comment means the writer speaks of their own care ("mi mamá", "mon fils").
var (
	intlYou   = &vocabLists[listIntlYou]
	intlDays  = &vocabLists[listIntlDays]
	intlMine  = &vocabLists[listIntlMine]
	intlOffer = &vocabLists[listIntlOffer]
	// intlPrescribed: care already given to someone ("le recetó").
	intlPrescribed = &vocabLists[listIntlPrescribed]
	// intlPersonTies tie a care word to a person within its sentence.
	intlPersonTies = &vocabLists[listIntlPersonTies]
)

// Possessives own the care word after them (class_intl_possessives);
// class_intl_owned_care are care words only when owned; class_intl_cta_verbs
// invite anyone ("para hacer su cita").
var (
	intlTimeCues = &vocabLists[listIntlTimeCues]
)

// intlNewcomer reports an offer to any newcomer around words [from, to):
// "tu consulta gratis", "su primera cita".
func (pp *phiPass) intlNewcomer(from, to int) bool {
	for k := from - 1; k <= to; k++ {
		if pp.is(k, cIntlGenericOwned) {
			return true
		}
	}
	return false
}

// hasCJK reports Han, Hangul or kana text (UTF-8 lead bytes 0xE3–0xED).
func hasCJK(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0xE3 && c <= 0xED {
			return true
		}
	}
	return false
}

// wordsHaveCJK is hasCJK over d's words, reading the first and the last
// character of each: CJK runs are words of their own ("周四", "拍x光片").
func wordsHaveCJK(d *lex.Doc) bool {
	if d.Shapes&text.NonASCII == 0 {
		return false // all ASCII: no word to read
	}
	for i := range d.Words {
		if d.Words[i].Shape&text.NonASCII == 0 {
			continue // most words
		}
		w := d.Words[i].Lower
		if c := w[0]; c >= 0xE3 && c <= 0xED {
			return true
		}
		if n := len(w); n >= 3 && w[n-3] >= 0xE3 && w[n-3] <= 0xED {
			return true
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// intlHits finds care words of other languages tied to the reader.
func (pp *phiPass) intlHits() []phiHit {
	d := pp.d
	var spans []text.Span
	ms := d.Find(intlCare.Group)
	// "Vacunas sin cita de lunes a viernes": one care word taken without
	// an appointment makes its sentence a walk-in offer.
	walkIn := -1
	for _, m := range ms {
		if pp.is(m.From-1, cIntlWithout) {
			walkIn = d.Words[m.From].Sentence
		}
	}
	for _, m := range ms {
		s := d.Words[m.From].Sentence
		// "para hacer su cita": an invitation anyone may take.
		// So is "trae todo a tu cita", and "acompañan a las familias a sus
		// citas" is every family's.
		invited := pp.is(m.From-1, cIntlPossessives) && (pp.is(m.From-2, cIntlCtaVerbs) || pp.is(m.From-3, cIntlCtaVerbs))
		for o := m.From - 2; !invited && o < m.From; o++ { // "tu cita", "tu próxima cita"
			invited = pp.is(o, cIntlPossessives) && (pp.intlInvitedBefore(o) || pp.generalAntecedent(o) || pp.topicOwner(o) || pp.knownElsewhere(o))
		}
		// "tenemos citas en julio", "sin cita", "no necesita cita": a
		// service anyone may use.
		anyone := pp.is(m.From-1, cIntlAnyBefore) || pp.sentenceHas(s, cIntlInvites) || s == walkIn ||
			pp.is(m.From-1, cIntlNeedVerbs) && (d.Is(m.From-2, words.Negators) || d.Is(m.From-3, words.Negators))
		// "el centro de infusión", "nuestra línea de farmacia": the care
		// names a place or service of the practice.
		service := pp.is(m.From-1, cIntlDateLinks) && d.Is(m.From-2, intlServiceHeads)
		if !pp.intlNewcomer(m.From, m.To) && !invited && !anyone && !service && !pp.inProperName(m) && !pp.conditional(m.From) && !pp.intlGeneralSubject(m) && !pp.withheld(m) {
			spans = append(spans, d.WordSpan(m.From, m.To))
		}
	}
	if len(spans) == 0 {
		return nil
	}
	if d.Contains(intlOffer) {
		return nil // "Ofrecemos limpiezas los sábados": a service, not a person's care
	}
	tied := false
	if pp.comment != nil {
		cd := pp.comment
		tied = cd.Contains(intlMine) || cd.HasSubstring(intlMineCJK)
	}
	// A reply tied only by an in-sentence tie ("le", "recuerde") counts
	// care in those sentences, even when it names someone.
	tiedDoc := d.Contains(intlYou) || d.Contains(intlDays) || d.Contains(intlPrescribed) || pp.intlDated()
	if !tied && !tiedDoc && !d.Contains(intlPersonTies) {
		return nil
	}
	// An answer to the commenter's question that repeats the care they
	// named ("es común con el asma en invierno" under "mi hija tiene
	// asma") tells nothing they did not: only a day, a date or a
	// prescription ties those words to care given here.
	echoOnly := pp.answersQuestion && pp.comment != nil && !d.Contains(intlDays) && !d.Contains(intlPrescribed) && !pp.intlDated()
	// An answer to a general question ("¿para qué sirve una
	// resonancia?") explains care to anyone who asks.
	educates := echoOnly && pp.generalQuestion && !pp.comment.Contains(intlMine) && !pp.named
	// Advice on what the commenter asked about their own body ("eso es
	// fascitis plantar, use hielo") names care they asked about, as in
	// English (pp.advises): routing's concern unless a day, a date or a
	// prescription ties it to care given here.
	adviceOnly := echoOnly && pp.adviceOnly
	hits := make([]phiHit, 0, len(spans))
	for _, sp := range spans {
		if educates || echoOnly && pp.spanInComment(sp) || adviceOnly && pp.advisesAt(sp) || !tied && !(pp.addressed && tiedDoc) && !pp.intlTiedSentence(sp) {
			continue
		}
		hits = append(hits, phiHit{sp, details, srcIntl, 0})
	}
	return hits
}

// intlDefinite are definite articles: "el inhalador" in advice is one the
// person already has.
var intlDefinite = &wordSets[listIntlDefiniteArticles]

// intlGeneralSubject reports care words m in the plural opening their
// sentence, bare or after a plural article, with no word of the sentence
// tying them to a person ("Las limpiezas infantiles no tienen costo",
// "Radiografías a mitad de precio el jueves"): a statement about the
// service, whoever asked. A day in the sentence dates an offer or an
// event here, not a visit; "Los análisis de su papá", "Las cremas que le
// dimos" stay tied.
func (pp *phiPass) intlGeneralSubject(m lex.Match) bool {
	d := pp.d
	r := d.SentWords[d.Words[m.From].Sentence]
	head := m.From
	if head > r.Start && inSet(d, head-1, intlDefinite) && strings.HasSuffix(d.Words[head-1].Lower, "s") {
		head--
	}
	if head != r.Start || !strings.HasSuffix(d.Words[m.From].Lower, "s") {
		return false
	}
	for k := m.To; k < r.End; k++ {
		if d.IsAny(k, intlYou, intlPrescribed) || d.Is(k, intlPersonTies) {
			return false
		}
	}
	return true
}

// advisesAt reports span sp in a sentence pp.advises, not owned by an
// article or a possessive before it.
func (pp *phiPass) advisesAt(sp text.Span) bool {
	i := pp.d.WordAt(sp.Start)
	if i < 0 || !pp.advises(pp.d.Words[i].Sentence) {
		return false
	}
	return !(pp.sameClause(i-1, i) && (inSet(pp.d, i-1, intlDefinite) || pp.is(i-1, cIntlPossessives)))
}

// spanInComment reports every word of span sp in the comment too (also as
// a near form: "vacuna" / "vacunas").
func (pp *phiPass) spanInComment(sp text.Span) bool {
	d := pp.d
	i := d.WordAt(sp.Start)
	if i < 0 {
		return false
	}
	j := d.WordAt(sp.End - 1)
	return pp.careInComment(lex.Match{From: i, To: j + 1})
}

// intlDated reports a day of a month ("el 2 de junio", "le 3 juin"): a
// reply that dates something happened to someone.
func (pp *phiPass) intlDated() bool { return pp.intlDatedIn(0, len(pp.d.Words)) }

// intlDatedIn is intlDated over words [from, to).
func (pp *phiPass) intlDatedIn(from, to int) bool {
	if pp.clsAll&cIntlMonths == 0 {
		return false
	}
	d := pp.d
	for i := from; i < to; i++ {
		if pp.is(i, cIntlMonths) && (i >= 1 && text.IsDigit(d.Words[i-1].Lower[0]) ||
			i >= 2 && pp.is(i-1, cIntlDateLinks) && text.IsDigit(d.Words[i-2].Lower[0])) {
			return true
		}
	}
	return false
}

// intlOwnedHits reads "su saldo", "tus nuevos lentes", "votre détartrage":
// a care word owned by the reader. Dates and times in the same languages
// ("el 12 de mayo", "a las 3:30", "el martes") are kept for when the reply
// discloses something else.
func (pp *phiPass) intlOwnedHits() []phiHit {
	d := pp.d
	if pp.clsAll&(cIntlPossessives|cIntlMonths) == 0 && !d.Contains(intlTimeCues) && !d.Contains(intlDays) {
		return nil
	}
	if d.Contains(intlOffer) {
		return nil
	}
	hits := pp.bufs[bufIntlOwned][:0]
	for i := range d.Words {
		s := d.Words[i].Sentence
		switch {
		case pp.is(i, cIntlPossessives):
			// "para hacer su cita" invites; "si su hijo tiene fiebre" is advice.
			// "llevamos a las familias a sus citas": every family's.
			if pp.intlInvitedBefore(i) || pp.conditional(i) || pp.generalAntecedent(i) || pp.topicOwner(i) || pp.knownElsewhere(i) {
				continue
			}
			owned := false
			for k := i + 1; k <= i+3 && k < len(d.Words) && d.Words[k].Sentence == s; k++ {
				if pp.is(k, cIntlOwnedCare) || d.Is(k, intlCare) {
					owned = true
					if pp.intlNewcomer(i+1, k+1) || pp.intlJudgedVisit(i, k) {
						break
					}
					hits = pp.hit(hits, i, k+1, details, srcIntlOwned)
					break
				}
				if to := pp.intlOwnedCareTerm(i, k); to > 0 {
					owned = true
					hits = pp.hit(hits, i, to, details, srcIntlOwned)
					break
				}
			}
			// "su póliza", "tus plantillas", "su córnea": what the reader
			// owns, no care word of ours, is theirs once the reply
			// discloses (laterOwned), unless it is thanked for or
			// regretted ("su reseña"), a relative (intlRelativeCareHits) or
			// a capital, a name after a title ("Seu Antônio");
			// "por su cuenta", "por su seguridad": on their own, for their
			// sake, said to anyone.
			if !owned && i+1 < len(d.Words) && (i == 0 || d.Words[i-1].Lower != "por") && d.Words[i+1].Sentence == s && pp.sameClause(i, i+1) &&
				!inSet(d, i+1, intlOwnedOthers) && !inSet(d, i+1, intlRelatives) && !pp.is(i+1, cIntlGenericOwned|cCapital) {
				pp.laterOwned(i, i+2)
			}
		case pp.is(i, cIntlMonths):
			// "el 12 de mayo", "le 3 juin"
			from := -1
			if i >= 2 && d.Words[i-2].Sentence == s && text.IsDigit(d.Words[i-2].Lower[0]) && pp.is(i-1, cIntlDateLinks) {
				from = i - 2
			} else if i >= 1 && text.IsDigit(d.Words[i-1].Lower[0]) {
				from = i - 1
			}
			if from >= 0 {
				pp.later = pp.hit(pp.later, from, i+1, seen, srcIntlSeen)
			}
		case d.Is(i, intlDays) && pp.is(i-1, cIntlArticles):
			pp.later = pp.hit(pp.later, i-1, i+1, seen, srcIntlSeen)
		}
	}
	for _, m := range d.Find(intlTimeCues.Group) {
		if m.To < len(d.Words) && text.IsDigit(d.Words[m.To].Lower[0]) {
			pp.later = pp.hit(pp.later, m.From, m.To+1, seen, srcIntlSeen)
		}
	}
	pp.bufs[bufIntlOwned] = hits // the array is kept for the next check
	return hits
}

var intlRegrets = &wordSets[listIntlRegrets]

// intlJudgedVisit reports the visit word k right after the possessive i
// in a sentence of regret ("Lamentamos que su visita no fue lo que
// esperaba") in a reply that offers a private line: the Spanish form of
// judgedVisit's generic apology moved offline, which regrets how the
// visit went without telling anything of it. A number, a day or another
// care word in the sentence tells more ("lamentamos que su cita del
// martes"); regret with no private line stays a confirmation.
func (pp *phiPass) intlJudgedVisit(i, k int) bool {
	d := pp.d
	if k != i+1 || !inSet(d, k, judgedVisits) {
		return false
	}
	sw := d.SentWords[d.Words[i].Sentence]
	regret := false
	for j := sw.Start; j < i; j++ {
		regret = regret || inSet(d, j, intlRegrets)
	}
	if !regret {
		return false
	}
	for j := sw.Start; j < sw.End; j++ {
		if j != k && (text.IsDigit(d.Words[j].Lower[0]) || d.Is(j, intlDays) || d.Is(j, intlCare) || pp.is(j, cIntlOwnedCare)) {
			return false
		}
	}
	return pp.privateLine()
}

var intlOwnerLookalikes = &wordSets[listIntlOwnerLookalikes]

// intlOwnedOthers are what follows "su" and is no care of the reader's: a
// review thanked for, a neighbour.
var intlOwnedOthers = &wordSets[listIntlOwnedOthers]

// intlRelatives are the reader's relatives in Spanish ("su mamá").
var intlRelatives = &wordSets[listIntlRelatives]

// intlRelativeCareHits reads a relative of the reader tied within a
// clause to a care term: "ver a su mamá caminando tan bien después del
// bypass", "a su hija le va muy bien con la isotretinoína". The span runs
// from the possessive to the care term. Conditions ("si su hijo tiene
// fiebre"), invitations ("traiga a su hijo para su vacuna") and offers are
// anyone's; "saludos a su mamá" names no care.
func (pp *phiPass) intlRelativeCareHits() []phiHit {
	d := pp.d
	if pp.clsAll&cIntlPossessives == 0 || d.Contains(intlOffer) {
		return nil
	}
	var hits []phiHit
	for i := 0; i+2 < len(d.Words); i++ {
		if !pp.is(i, cIntlPossessives) || !inSet(d, i+1, intlRelatives) || pp.conditional(i) || pp.intlInvitedBefore(i) {
			continue
		}
		for k := i + 2; k <= i+10 && pp.sameClause(i, k); k++ {
			if pp.is(k, cIntlPossessives) && inSet(d, k+1, intlRelatives) {
				break // the next relative's own frame
			}
			to := 0
			if pp.is(k, cIntlOwnedCare) || d.Is(k, intlCare) {
				to = k + 1
			} else if m := pp.care(k); m.From >= 0 && m.List != care.Clinicians.ID && !d.Is(m.From, everydayCare) && !d.Is(m.From, feelings) {
				to = m.To // the relative is the context an ambiguous word needs
			}
			if to > 0 {
				hits = pp.hit(hits, i, to, details, srcIntlOwned)
				break
			}
		}
	}
	return hits
}

// intlOwnedCareTerm reads a care term of the shared vocabulary owned by a
// possessive of another language at word i: "sus clases de diabetes",
// "su Metformin", "tu Medicaid" (words the languages share, or a brand).
// It returns the word after the term, or 0. Clinicians, everyday and
// ambiguous words are left out ("su doctora" is no disclosure), and so are
// possessives that are English words too ("a ton of fillings").
func (pp *phiPass) intlOwnedCareTerm(i, k int) int {
	d := pp.d
	m := pp.care(k)
	if m.From < 0 || inSet(d, i, intlOwnerLookalikes) || m.List == care.Clinicians.ID || pp.ambiguousCare(m) ||
		d.Is(m.From, everydayCare) || d.Is(m.From, feelings) || pp.intlNewcomer(i+1, m.To) {
		return 0
	}
	return m.To
}

// inProperName reports a capitalised care word inside a run of capitalised
// words mid-sentence: the practice's name ("en Sculpt Cirugía Plástica"),
// not someone's care.
func (pp *phiPass) inProperName(m lex.Match) bool {
	d := pp.d
	if !pp.is(m.From, cCapital) || m.From == d.SentWords[d.Words[m.From].Sentence].Start {
		return false
	}
	return pp.is(m.From-1, cCapital) || pp.is(m.To, cCapital)
}

// sentenceHas reports a word of class c in sentence s.
func (pp *phiPass) sentenceHas(s int, c wordClass) bool {
	sp := pp.d.SentWords[s]
	for k := sp.Start; k < sp.End; k++ {
		if pp.cls[k]&c != 0 {
			return true
		}
	}
	return false
}

// intlInvitedBefore reports a booking or call verb earlier in word i's
// clause: "para hacer su cita", "llame al 555-0162 para su cita" invite
// anyone to book; they own no one's visit.
func (pp *phiPass) intlInvitedBefore(i int) bool {
	for k := i - 1; k >= 0 && pp.sameClause(k, i); k-- {
		if pp.is(k, cIntlCallVerbs|cIntlCtaVerbs) {
			return true
		}
	}
	return false
}

// intlTiedSentence reports a tie to a person in the sentence of span sp: a
// word for the reader ("su", "usted"), a day, a prescription, a date or
// another tie to a person (intl_person_ties).
// Care words in a sentence with none of these ("vacunas contra la gripe
// gratis", "los selladores protegen las muelitas") speak of care in
// general, even when another sentence addresses the reader.
func (pp *phiPass) intlTiedSentence(sp text.Span) bool {
	d := pp.d
	i := d.WordAt(sp.Start)
	if i < 0 {
		return true
	}
	r := d.SentWords[d.Words[i].Sentence]
	// "¡Felicidades a todos los graduados de rehabilitación!": a tie to
	// people in general ties the care to no one.
	group := false
	for k := r.Start; k < r.End && !group; k++ {
		group = d.Is(k, peopleInGeneral) && !d.Is(k-1, possessives) && !pp.is(k-1, cIntlPossessives)
	}
	for k := r.Start; k < r.End; k++ {
		if d.IsAny(k, intlYou, intlPrescribed) || !group && d.Is(k, intlPersonTies) {
			return true
		}
		// "el martes" dates a visit; "de lunes a viernes" gives hours.
		if d.Is(k, intlDays) && !(k+2 < r.End && d.Is(k+2, intlDays)) && !(k >= r.Start+2 && d.Is(k-2, intlDays)) {
			return true
		}
	}
	return pp.intlDatedIn(r.Start, r.End)
}

// intlResultVerbs report how a test came out (intlResultAt).
var intlResultVerbs = &cueLists[listIntlResultVerbs]

var (
	intlResultOutcomes = newWordSet(listText[listIntlResultOutcomes])
	intlResultOwners   = newWordSet(listText[listIntlResultOwners])
)

// intlResultAt reads a result the person owns, at the result verb i:
// "su cultivo salió negativo", "la suya salió alta", "seu exame deu
// normal". The owner, a possessive of another language or
// a named person, stands at most four words before the verb in its
// clause, and an outcome follows it. "Si sale positiva…" is a policy and
// "todas las muestras salieron negativas" no one's.
func (pp *phiPass) intlResultAt(i int) (from, to int) {
	d := pp.d
	if !pp.sameClause(i, i+1) || !inSet(d, i+1, intlResultOutcomes) || pp.conditional(i) {
		return 0, 0
	}
	for k := i - 1; k >= 0 && k >= i-4 && pp.sameClause(k, i); k-- {
		if pp.is(k, cIntlPossessives) && !inSet(d, k, intlOwnerLookalikes) || inSet(d, k, intlResultOwners) || pp.is(k, cCapital) && pp.namedSubject(k) {
			return k, i + 2
		}
	}
	return 0, 0
}

// intlOfWords own the care before them by a name after them (intlOfNamedAt).
var intlOfWords = &cueLists[listIntlOfWords]

// intlBringVerbs ask anyone to bring a document (intlOfNamedAt).
var intlBringVerbs = newWordSet(listText[listIntlBringVerbs])

// intlOfNamedAt reads care owned by a named person or a relative in
// Spanish or Portuguese, at "de"/"da"/"do" (word i): "la cirugía de Ana",
// "el asma de Leo", "las vacunas de su hija". The care term ends right
// before "de"; clinicians, everyday words and feelings are no one's care,
// and a sentence that invites ("para la cita de su hijo, llame al…") or
// asks anyone to bring a document ("traiga la cartilla de vacunas de su
// hijo"), conditions and offers are anyone's.
func (pp *phiPass) intlOfNamedAt(i int) (from, to int) {
	d := pp.d
	j := i + 1
	if !pp.sameClause(i, j) || pp.conditional(i) || d.Contains(intlOffer) || pp.sentenceHas(d.Words[i].Sentence, cIntlCallVerbs|cIntlCtaVerbs|cIntlImperatives) {
		return 0, 0
	}
	for k, sp := i-1, d.SentWords[d.Words[i].Sentence]; k >= sp.Start; k-- {
		if inSet(d, k, intlBringVerbs) {
			return 0, 0
		}
	}
	switch {
	case pp.is(j, cCapital) && (pp.namedSubject(j) || d.Is(j, firstNames)) && !pp.staff[j]:
		to = j + 1
	case pp.is(j, cIntlPossessives) && inSet(d, j+1, intlRelatives) && pp.sameClause(i, j+1):
		to = j + 2
	default:
		return 0, 0
	}
	k := i - 1
	if k < 0 || !pp.sameClause(k, i) {
		return 0, 0
	}
	if pp.is(k, cIntlOwnedCare) || d.Is(k, intlCare) {
		return k, to
	}
	for c := k; c >= 0 && c >= k-2 && pp.sameClause(c, i); c-- {
		if m := pp.care(c); m.From >= 0 && m.To == i {
			if m.List == care.Clinicians.ID || d.Is(m.From, everydayCare) || d.Is(m.From, feelings) {
				return 0, 0
			}
			return m.From, to
		}
	}
	return 0, 0
}
