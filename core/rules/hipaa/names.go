package hipaa

import (
	"strings"
	"unicode/utf8"

	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/text"
)

// People's names: addressing the commenter by the public name they posted
// under is fine; a name next to care details, a full name they did not use,
// or a family member's name is analysis.PHI. Staff signing their own name is not.

// notVocative are capitalised words that follow "Hi" or end a greeting but
// name no one ("Hi everyone!", "Thanks, Team!").
var notVocative = &vocabLists[listNotVocative]

// vocatives returns the words that address a person by name: "Hi Darnell",
// "Thanks, Mai!", "…after a root canal, Darnell!".
func (pp *phiPass) vocatives() []bool {
	d := pp.d
	out := zeroed(pp.vocative, len(d.Words))
	isName := func(i int) bool {
		w := &d.Words[i]
		return pp.is(i, cCapital) && !pp.staff[i] && !d.Is(i, notVocative) && !commonCapital(d, i) &&
			!pp.c.PageWord(w) && !d.Is(i, practice.StaffTitles) && !d.Is(i, months) && !text.IsDigit(d.Text[w.Start]) &&
			// ", RSV, COVID and shingles": initials in a list, unless the
			// words around are shouted too ("HAPPY BIRTHDAY, ANA")
			!(acronym(d.Text[w.Start:w.End]) && !(i > 0 && acronym(d.Text[d.Words[i-1].Start:d.Words[i-1].End]) && i+1 < len(d.Words) && acronym(d.Text[d.Words[i+1].Start:d.Words[i+1].End])))
	}
	greets := d.Contains(greetingWords)
	for i, c := range pp.cls {
		if c&(cCapital|cYouSubjects) == 0 && !(greets && d.Is(i, greetingWords)) {
			continue // most words: no greeting, no thanks, no name
		}
		w := &d.Words[i]
		// "Hi Darnell", "Thank you, Mai", "Congrats Ava".
		if greets && d.Is(i, greetingWords) || c&cYouSubjects != 0 && startsAt(d, i-1, thankYou) {
			k := i + 1
			if k < len(d.Words) && d.Words[k].Sentence == w.Sentence && isName(k) && pp.closesName(k) {
				out[k] = true
			}
			continue
		}
		if c&cCapital == 0 {
			continue
		}
		// ", Darnell!" closing a sentence.
		if i > 0 && d.Words[i-1].Sentence == w.Sentence && commaGap(d.Text[d.Words[i-1].End:w.Start]) && isName(i) && pp.closesName(i) {
			out[i] = true
		}
		// "Chioma!!" or "Mai, …" opening the reply, for names we know.
		if i == 0 && d.Is(i, firstNames) && isName(i) && pp.closesName(i) {
			out[i] = true
		}
	}
	return out
}

// closesName reports a name followed by punctuation, an emoji, a surname
// and punctuation, or the end of the text.
func (pp *phiPass) closesName(i int) bool {
	d := pp.d
	end := d.Words[i].End
	if i+1 < len(d.Words) && pp.is(i+1, cCapital) && d.Words[i+1].Sentence == d.Words[i].Sentence &&
		strings.TrimSpace(d.Text[end:d.Words[i+1].Start]) == "" {
		end = d.Words[i+1].End // "Hi Maria Lopez!"
	}
	rest := strings.TrimLeft(d.Text[end:], " ")
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return strings.ContainsRune(",!.?:;)…", r) || r > 0x2000
}

var honorifics = &vocabLists[listHonorifics]

// firstNameTitles go before a first name ("Doña Tere").
var firstNameTitles = &wordSets[listFirstNameTitles]

var thanksWords = &wordSets[listThanksWords]

// thanksIn reports a word of thanks in sentence s.
func (pp *phiPass) thanksIn(s int) bool {
	sw := pp.d.SentWords[s]
	for k := sw.Start; k < sw.End; k++ {
		if inSet(pp.d, k, thanksWords) {
			return true
		}
	}
	return false
}

var (
	kinTitles = &cueLists[listKinTitles]
	kinClergy = &cueLists[listKinClergy]
)

// kinNamed reports a family word at i titling the known first name after
// it in one space ("grandpa Joe", "baby Nora"), not after the writer's
// "my" or "our"; capitalised clergy titles ("Brother Tom") are no family,
// and a baby named beside staff is the staff's ("Dr. Allen is home with
// baby Noah").
func (pp *phiPass) kinNamed(i int) bool {
	d := pp.d
	baby := d.Is(i, newborns)
	if !baby && !d.Is(i, kinTitles) || i+1 >= len(d.Words) || d.Words[i+1].Sentence != d.Words[i].Sentence {
		return false
	}
	k := i + 1
	if d.Text[d.Words[i].End:d.Words[k].Start] != " " || !pp.is(k, cCapital) || pp.staff[k] || !d.Is(k, firstNames) || d.Is(k, months) || d.Is(k, weekdays) {
		return false
	}
	if pp.is(i, cCapital) && d.Is(i, kinClergy) || i > 0 && (pp.is(i-1, cWriterSelf) || pp.is(i-1, cOurWords)) {
		return false
	}
	if baby {
		s := d.SentWords[d.Words[i].Sentence]
		for j := s.Start; j < s.End; j++ {
			if pp.staff[j] {
				return false
			}
		}
	}
	return true
}

var greetingWords = &vocabLists[listGreetingWords]

// feastNames head a season's greeting; feastBlessings close it.
var feastNames, feastBlessings = &cueLists[listFeastNames], &cueLists[listFeastBlessings]
var thankYou = &vocabLists[listThankYou]

// nameHits flags people's names. With other analysis.PHI in the reply, any name ties
// those details to a person; on its own, only a full or formal name the
// commenter did not post under is flagged.
func (pp *phiPass) nameHits(otherPHI bool) []phiHit {
	d := pp.d
	hits := pp.bufs[bufName][:0]
	titles := d.Contains(honorifics)
	kin := d.Contains(kinTitles) || d.Contains(newborns)
	capsOnly, next := !titles && !kin, 0 // next: the first of pp.caps not yet passed
	for i := 0; i < len(d.Words); i++ {
		// No title or kin word: a name starts only at a capital, so go
		// on at the next one (the body may have moved i past some).
		if capsOnly {
			if i = pp.capFrom(i, &next); i == len(d.Words) {
				break
			}
		}
		if pp.cls[i]&cCapital == 0 && !(titles && d.Is(i, honorifics)) && !(kin && (d.Is(i, kinTitles) || d.Is(i, newborns))) || pp.staff[i] {
			continue // most words: no name and no title
		}
		w := &d.Words[i]
		// "baby Nora", "your grandma Ruth": a relative named by a family
		// word, not the writer's own ("my son Leo").
		if kin && pp.kinNamed(i) {
			if !pp.inComment(d.Words[i+1].Lower) || otherPHI {
				hits = pp.hit(hits, i, i+2, "names a patient's family member in public", srcNamePatient)
			}
			i++
			continue
		}
		// "Mrs. Duarte", "señora Castañeda": a title, capitalised or not.
		if d.Is(i, honorifics) && i+1 < len(d.Words) && pp.is(i+1, cCapital) && !pp.staff[i+1] && titleGap(d.Text[w.End:d.Words[i+1].Start], pp.is(i, cCapital)) {
			// "¡Gracias, Don Luis!": a title of respect before a first
			// name greets the reader by the name they go by, as "Thanks,
			// Luis!" does; not a formal name on its own.
			byFirstName := inSet(d, i, firstNameTitles) && d.Is(i+1, firstNames) && (pp.vocative[i] || pp.vocative[i+1]) && pp.thanksIn(w.Sentence)
			if !pp.inComment(d.Words[i+1].Lower) && !byFirstName || otherPHI {
				hits = pp.hit(hits, i, i+2, "names a patient in public", srcNamePatient)
			}
			i++
			continue
		}
		// "tell Maddie we said hi": a name no list knows, passed a message.
		if otherPHI && pp.relayedName(i) {
			hits = append(hits, phiHit{text.Span{Start: w.Start, End: w.End}, msgNameNearCare, srcNameNearCare, 0})
			continue
		}
		// "every Tuesday": a weekday is a name only when addressed.
		if !pp.is(i, cCapital) || !d.Is(i, firstNames) || pp.spanishImperative(i) || d.Is(i, weekdays) && !pp.vocative[i] {
			continue
		}
		// "Tu primera consulta": a possessive of another language, not "Tu".
		if isClass(d, i, cIntlPossessives) && i+1 < len(d.Words) && !pp.is(i+1, cCapital) {
			continue
		}
		// An ambiguous name ("Lily", "Mason") is a name by its context, or
		// capitalised mid-sentence in a reply that discloses care.
		// "Tell Frank", "Keep Lily home": after the sentence's first word,
		// capitalised only because it opens the sentence.
		start := d.SentWords[w.Sentence].Start
		afterOpener := i == start+1 && !d.Is(start, firstNames) && !pp.staff[start]
		midSentence := otherPHI && i > start && !d.Is(i, months) && !d.Is(i, weekdays) && (!pp.is(i-1, cCapital) || afterOpener) &&
			!(w.End-w.Start > 1 && d.Text[w.Start+1] >= 'A' && d.Text[w.Start+1] <= 'Z') // not "CHIP"
		if d.Is(i, ambiguousName) && !pp.nameContext(i) && !midSentence {
			continue
		}
		// "Martin Luther King Jr. Day": a name at the head of a holiday or
		// an event names no patient.
		if k := pp.eventNamedAfter(i); k > 0 {
			i = k
			continue
		}
		// "<feast> Mubarak": a season's greeting formula, no person.
		if i+1 < len(d.Words) && d.Is(i, feastNames) && d.Is(i+1, feastBlessings) {
			i++
			continue
		}
		// "Harlan Road", "Oak Hollow": a branch or road named after someone.
		if !otherPHI && pp.placeNamed(i) {
			i++
			continue
		}
		// A surname after the first name makes a full name; a medicine does
		// not ("Dele Tylenol": "give him Tylenol"). The two stand side by
		// side: an emoji, "&" or "(" between them ("Hi Chris 👋 So sorry",
		// "Jess & Mike", "Denise (Office Manager)") parts two words.
		if i+1 < len(d.Words) && d.Words[i+1].Sentence == w.Sentence && pp.is(i+1, cCapital) && pp.care(i+1).From < 0 &&
			!pp.staff[i+1] && !d.Is(i+1, orgWords) && (d.Is(i+1, surnames) || !commonCapital(d, i+1) && !shouted(d, i+1)) &&
			onlySpaces(d.Text[w.End:d.Words[i+1].Start]) {
			full := d.WordSpan(i, i+2)
			if !(pp.inComment(w.Lower) && pp.inComment(d.Words[i+1].Lower)) || otherPHI {
				hits = append(hits, phiHit{full, "gives a patient's full name", srcFullName, 0})
			}
			i++
			continue
		}
		if otherPHI {
			hits = append(hits, phiHit{text.Span{Start: w.Start, End: w.End}, msgNameNearCare, srcNameNearCare2, 0})
		}
	}
	pp.bufs[bufName] = hits // the array is kept for the next check
	return hits
}

// eventNamedAfter returns the event word (cEventNames: "Day", "Walk")
// that ends a run of capitalised words from name i, two to four words on
// in its clause, or 0: a holiday or a memorial event named after someone.
// One word on is a surname ("Emma Day").
func (pp *phiPass) eventNamedAfter(i int) int {
	for k := i + 1; k <= i+4 && pp.is(k, cCapital) && pp.sameClause(i, k); k++ {
		if k > i+1 && pp.is(k, cEventNames) {
			return k
		}
	}
	return 0
}

// relayVerbs pass a message to the name after them.
var relayVerbs = &cueLists[listRelayVerbs]

// relayedName reports a capitalised word after a relay verb ("tell Maddie")
// that is no name list's but no other capitalised word either: not staff,
// the practice, a title, a month or a weekday.
func (pp *phiPass) relayedName(i int) bool {
	d := pp.d
	return i > 0 && pp.is(i, cCapital) && d.Is(i-1, relayVerbs) && d.Text[d.Words[i-1].End:d.Words[i].Start] == " " &&
		!d.Is(i, firstNames) && !commonCapital(d, i) && !pp.c.PageWord(&d.Words[i]) && !d.Is(i, practice.StaffTitles) &&
		!d.Is(i, honorifics) && !text.IsDigit(d.Words[i].Lower[0]) && pp.care(i).From < 0
}

// titleGap reports the gap after a title that leads to a name: "Mrs.
// Duarte", "señora Castañeda", not "miss! The".
func titleGap(gap string, capital bool) bool {
	return gap == " " || capital && gap == ". "
}

// nameContext reports name-like use of an ambiguous name ("Hi Grace,").
func (pp *phiPass) nameContext(i int) bool { return pp.nameContextAt(i) }

func (pp *phiPass) nameContextAt(i int) bool {
	d := pp.d
	if i > 0 && d.Is(i-1, greetingWords) {
		return true
	}
	end := d.Words[i].End
	return end < len(d.Text) && (d.Text[end] == ',' || d.Text[end] == '!') && (i == 0 || d.Words[i-1].Sentence != d.Words[i].Sentence)
}

func (pp *phiPass) inComment(lower string) bool {
	if pp.comment == nil {
		return false
	}
	for _, w := range pp.comment.Words {
		if w.Lower == lower {
			return true
		}
	}
	return false
}

// commonCapital: capitalised words after a name that are not surnames.
// shouted reports word i written all in capitals ("TORI IS CRYING"): its
// capitals say nothing of a name, so only a known surname makes one.
func shouted(d *lex.Doc, i int) bool {
	w := d.Words[i]
	return w.Shape&text.HasUpper != 0 && w.Shape&text.HasLower == 0 && w.End-w.Start > 1
}

func commonCapital(d *lex.Doc, i int) bool {
	return isClass(d, i, cCommonCapitals) || d.Is(i, months) || d.Is(i, weekdays) || d.Is(i, youWords)
}

// markOrganisations marks the capitalised names of organisations and places
// ("Morgan Smith Orthodontics", "Madison High School", "the Smile Direct
// app") as no one's name, in staff, which the name and care checks skip: a
// run of capitalised words ending in, or followed by, an organisation word.
func (pp *phiPass) markOrganisations() {
	d, staff := pp.d, pp.staff
	if !d.Contains(orgWords) && !d.HasByte('\'') && !d.Contains(saintTitles) {
		return // the frames need an organisation word, a possessive or a saint
	}
	// "St. Luke's", "Saint Jude": an institution named for a saint.
	if d.Contains(saintTitles) {
		for i := 0; i+1 < len(d.Words); i++ {
			if d.Is(i, saintTitles) && pp.is(i, cCapital) && pp.is(i+1, cCapital) && titleGap(d.Text[d.Words[i].End:d.Words[i+1].Start], true) {
				staff[i], staff[i+1] = true, true
			}
		}
	}
	next := 0 // the first of pp.caps not yet passed
	for i := 0; i < len(d.Words); {
		if i = pp.capFrom(i, &next); i == len(d.Words) {
			break // most words: no name starts here
		}
		j := i
		for j < len(d.Words) && pp.is(j, cCapital) && d.Words[j].Sentence == d.Words[i].Sentence &&
			(j == i || d.Text[d.Words[j-1].End:d.Words[j].Start] == " ") {
			j++
		}
		// "the Smile Direct app": a capitalised name before an organisation word.
		if j > i && j < len(d.Words) && d.Words[j].Sentence == d.Words[i].Sentence && d.Is(j, orgWords) && !pp.is(j, cCapital) {
			for x := i; x < j; x++ {
				staff[x] = true
			}
		}
		if j-i >= 2 {
			for k := i + 1; k < j; k++ {
				// "Lincoln High's art club": the organisation's possessive.
				// orgWords.Has looks the word up again: only a possessive, a
				// word outside ASCII or a policy that took entries out can
				// answer other than d.Is (lex.Doc.RemovesEntries).
				w := &d.Words[k]
				if d.Is(k, orgWords) || (w.Shape&(text.HasApostrophe|text.NonASCII) != 0 || d.RemovesEntries()) && orgWords.Has(strings.TrimSuffix(w.Lower, "'s")) {
					for x := i; x <= k; x++ {
						staff[x] = true
					}
				}
			}
		}
		i = max(j, i+1)
	}
}

// saintTitles before a capitalised name make an institution's name.
var saintTitles = &cueLists[listSaintTitles]

// occupations before a name introduce someone in their public role.
var occupations = &cueLists[listOccupations]

// orgWords after a given name make an organisation, not a person: "Davis
// Vision", "Watson Dental", "Grace Family Medicine".
var orgWords = &vocabLists[listOrgWords]

// commaGap reports a gap between two words that is a comma with spaces.
func commaGap(gap string) bool {
	if len(gap) <= 1 {
		return gap == "," // most gaps are one space: no search
	}
	if gap == ", " {
		return true // the common case, without trimming
	}
	return strings.IndexByte(gap, ',') >= 0 && strings.TrimSpace(gap) == ","
}

// markIntroducedStaff marks, in staff, the names the reply introduces as
// the practice's own people: "Hannah Cole, LCSW", "our privacy officer,
// Janet Cole", "our dentists Amani Said and Paula Lucero", "la Dra. Hale".
func (pp *phiPass) markIntroducedStaff() {
	d := pp.d
	for _, c := range pp.caps { // (a name starts at a capital)
		i := int(c)
		if pp.staff[i] || !d.Is(i, firstNames) && !pp.is(i-1, cIntlTitles) {
			continue
		}
		last := i // the name's last word
		if i+1 < len(d.Words) && d.Words[i+1].Sentence == d.Words[i].Sentence && pp.is(i+1, cCapital) {
			last = i + 1
		}
		staff := pp.is(i-1, cIntlTitles) ||
			// "local artist Jada Cole", "an artist, Jada Cole": someone
			// introduced in public, not a patient
			pp.is(i-1, cPublicRoles) ||
			// ", LCSW"
			pp.is(last+1, cCredentials) && commaGap(d.Text[d.Words[last].End:d.Words[last+1].Start]) ||
			// "and Paula Lucero" after a staff name
			i >= 2 && d.Words[i-1].Lower == "and" && pp.staff[i-2] ||
			// "local artist Jada Cole", "an artist, Ken Obi"
			d.Is(i-1, occupations)
		// "our privacy officer, Janet Cole", "our dentists Amani Said"
		// "our patient experience lead, Tanya": a role just before the
		// name may take two words after "our"
		for k := i - 1; !staff && k >= 1 && k >= i-4 && d.Words[k].Sentence == d.Words[i].Sentence; k-- {
			if (pp.is(k, cStaffRoles) || d.Is(k, care.Clinicians)) && (pp.is(k-1, cOurWords) || k >= 2 && pp.is(k-2, cOurWords) || k == i-1 && k >= 3 && pp.is(k-3, cOurWords)) {
				staff = true
			}
		}
		// "we partner with a licensed dietitian, Ana Ruiz": a role set
		// off by a comma before the name introduces a colleague, with
		// "a" as well as "our".
		if !staff && i >= 3 && d.Words[i-1].Sentence == d.Words[i].Sentence && commaGap(d.Text[d.Words[i-1].End:d.Words[i].Start]) &&
			(pp.is(i-1, cStaffRoles) || d.Is(i-1, care.Clinicians)) {
			for k := i - 2; k >= i-3; k-- {
				if inSet(d, k, knowerArticles) && d.Words[k].Sentence == d.Words[i].Sentence {
					staff = true
				}
			}
		}
		staff = staff || pp.staffAppositionAfter(last) || pp.offersReader(last)
		if staff {
			for x := i; x <= last; x++ {
				pp.staff[x] = true
			}
		}
	}
}

// offersReader reports a name ending at word last that offers the reader
// help: "Nadia can take you through the costs", "Omar is glad to help you
// choose".
// Only the practice's people offer the reader their time; a patient named
// in a reply is told about, not offering ("Ava will need new bands").
func (pp *phiPass) offersReader(last int) bool {
	d := pp.d
	k := last + 1
	if k < len(d.Words) && d.Words[k].Lower == "is" {
		k++
	}
	if k >= len(d.Words) || d.Text[d.Words[k-1].End:d.Words[k].Start] != " " || !pp.is(k, cOfferModals) {
		return false
	}
	for r := k + 1; r < len(d.Words) && r <= k+4 && d.Words[r].Sentence == d.Words[k].Sentence; r++ {
		if pp.is(r, cYouSubjects) {
			return true
		}
	}
	// "Omar is glad to take questions at 555-0101": the line the offer gives.
	end := d.SentWords[d.Words[k].Sentence].End
	for _, r := range d.NumberRuns() {
		if r.Start > d.Words[k].End && r.Start < d.Words[end-1].End+1 && r.IsPhone() {
			return true
		}
	}
	return false
}

// staffAppositionAfter reports a name ending at word last followed by ",
// our (new) <role>": "Priya Shah, our new hygienist", "say hi to Theo,
// our billing coordinator". The practice's own people.
func (pp *phiPass) staffAppositionAfter(last int) bool {
	d := pp.d
	k := last + 1
	if k >= len(d.Words) || d.Words[k].Sentence != d.Words[last].Sentence || !commaGap(d.Text[d.Words[last].End:d.Words[k].Start]) || !pp.is(k, cOurWords) {
		return false
	}
	for r := k + 1; r < len(d.Words) && r <= k+4 && d.Words[r].Sentence == d.Words[k].Sentence; r++ {
		if pp.is(r, cStaffRoles) || d.Is(r, care.Clinicians) || d.Is(r, occupations) {
			return true
		}
	}
	return false
}

// onlySpaces reports a gap of one or more spaces and nothing else.
func onlySpaces(s string) bool {
	return s != "" && strings.Trim(s, " ") == ""
}
