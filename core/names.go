package core

import (
	"strings"
	"unicode/utf8"
)

// People's names: addressing the commenter by the public name they posted
// under is fine; a name next to care details, a full name they did not use,
// or a family member's name is PHI. Staff signing their own name is not.

var staffTitles = newLexSet(fields(`dr dr. doctor nurse hygienist np pa assistant manager
	coordinator receptionist dentist orthodontist therapist provider`)...)
var contactVerbs = newLexSet(fields("ask speak talk contact reach call email message text see")...)
var signoffWords = newLexSet(fields("xoxo cheers best sincerely regards warmly thanks love team")...)
var roleWords = newLexSet(fields(`manager coordinator receptionist hygienist dentist doctor team
	office owner dds dmd md np pa rn lpn front desk billing assistant director administrator
	practice staff ortho orthodontist specialist marketing social media lead partner founder
	physician nurse therapist pt dpt`)...)

func isCapitalized(text string, w Word) bool {
	c := text[w.Start]
	if c >= 'A' && c <= 'Z' {
		return true
	}
	// Non-ASCII capitals (É, Ł, Ş): compare with the lower-cased token.
	return c >= 0x80 && text[w.Start:w.End] != w.Lower && !strings.HasPrefix(text[w.Start:w.End], w.Lower[:1])
}

// staffNames marks words that name the practice's own people: staff from the
// policy, titled clinicians ("Dr. Patel"), signatures ("— Maria, Office
// Manager"), self-introductions ("I'm Maria") and named contacts ("ask for Maria").
func (c *Compiled) staffNames(d *Doc) []bool {
	staff := make([]bool, len(d.Words))
	markFrom := func(i int) {
		for k := i; k < len(d.Words) && k < i+3 && isCapitalized(d.Text, d.Words[k]); k++ {
			staff[k] = true
		}
	}
	for i, w := range d.Words {
		if isCapitalized(d.Text, w) && (c.staffWords.has(w.Lower) || c.pageWords.has(w.Lower)) {
			staff[i] = true
		}
		if staffTitles.at(d, i) && i+1 < len(d.Words) {
			markFrom(i + 1)
		}
		if contactVerbs.at(d, i) && i+1 < len(d.Words) {
			k := i + 1
			if n := d.Words[k].Lower; (n == "with" || n == "to" || n == "for") && k+1 < len(d.Words) {
				k++
			}
			if isCapitalized(d.Text, d.Words[k]) {
				markFrom(k)
			}
		}
		// "I'm Maria", "this is Maria", "my name is Maria".
		if i+1 < len(d.Words) && (w.Lower == "i'm" || w.Lower == "im" ||
			(w.Lower == "is" && i > 0 && (d.Words[i-1].Lower == "this" || d.Words[i-1].Lower == "name"))) {
			markFrom(i + 1)
		}
		// "Maria, our office manager" / "Maria from the front desk" / "Maria here".
		if i+2 < len(d.Words) && isCapitalized(d.Text, w) {
			n1 := d.Words[i+1].Lower
			if (n1 == "our" || n1 == "the" || n1 == "from" || n1 == "in" || n1 == "at") && roleWords.at(d, i+2) {
				staff[i] = true
			}
			if i+3 < len(d.Words) && (n1 == "our" || n1 == "from" || n1 == "at") && roleWords.at(d, i+3) {
				staff[i] = true
			}
		}
		if i+1 < len(d.Words) && d.Words[i+1].Lower == "here" && isCapitalized(d.Text, w) {
			staff[i] = true
		}
		// "our billing manager, Luis," / "our clinic director, Ahmed".
		if roleWords.at(d, i) || staffTitles.at(d, i) || w.Lower == "director" || w.Lower == "advocate" || w.Lower == "lead" {
			k := i + 1
			if k < len(d.Words) && strings.TrimSpace(d.Text[w.End:d.Words[k].Start]) == "," && isCapitalized(d.Text, d.Words[k]) {
				markFrom(k)
			}
		}
	}
	c.markSignatures(d, staff)
	return staff
}

// markSignatures marks names on a sign-off line: one that starts with a dash
// or tilde, or a short last line with a role word or sign-off.
func (c *Compiled) markSignatures(d *Doc, staff []bool) {
	text := d.Text
	lineStart := 0
	for lineStart <= len(text) {
		end := strings.IndexByte(text[lineStart:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += lineStart
		}
		line := strings.TrimSpace(text[lineStart:end])
		isSig := false
		for _, p := range []string{"-", "—", "–", "~", "xo", "Xo", "XO"} {
			if strings.HasPrefix(line, p) {
				isSig = true
			}
		}
		// Also a trailing " - Maria" / " — Maria, Office Manager" inside a line.
		sigFrom := lineStart
		if !isSig {
			// Only a dash in the line's last 60 bytes counts, so search just
			// there: the last match in the window is the line's last match.
			from := max(lineStart, end-60)
			for _, p := range []string{" - ", " — ", " – ", " ~", " -", " —", " –"} {
				if k := strings.LastIndex(text[from:end], p); k >= 0 {
					tail := strings.TrimSpace(text[from+k+len(p) : end])
					if n := len(strings.Fields(tail)); n >= 1 && n <= 6 && tail != "" && tail[0] >= 'A' && tail[0] <= 'Z' {
						isSig, sigFrom = true, from+k
					}
				}
			}
		}
		if !isSig && end == len(text) && len(line) <= 80 {
			fields := strings.Fields(line)
			if len(fields) > 0 && len(fields) <= 5 {
				for _, f := range fields {
					if roleWords.has(strings.ToLower(strings.Trim(f, ",.!"))) || signoffWords.has(strings.ToLower(strings.Trim(f, ",.!"))) {
						isSig = true
					}
				}
			}
		}
		if isSig {
			for i := wordBefore(d, sigFrom) + 1; i >= 0 && i < len(d.Words) && d.Words[i].End <= end; i++ {
				if d.Words[i].Start >= sigFrom && isCapitalized(text, d.Words[i]) {
					staff[i] = true
				}
			}
		}
		if end == len(text) {
			break
		}
		lineStart = end + 1
	}
}

// notVocative are capitalised words that follow "Hi" or end a greeting but
// name no one ("Hi everyone!", "Thanks, Team!").
var notVocative = newLexSet(fields(`team everyone all friends folks guys y'all family mama momma doc
	dr god lord jesus instagram facebook neighbor neighbors there again so much you yes no ok okay
	too sir ma'am maam love friend hun hon dear sweetie buddy champ superstar rockstar girl mom dad
	all both community fam crew ladies everybody anyone guys again and for`)...)

// vocatives returns the words that address a person by name: "Hi Darnell",
// "Thanks, Mai!", "…after a root canal, Darnell!".
func (pp *phiPass) vocatives() []bool {
	d := pp.d
	out := make([]bool, len(d.Words))
	isName := func(i int) bool {
		w := d.Words[i]
		return isCapitalized(d.Text, w) && !pp.staff[i] && !notVocative.at(d, i) && !commonCapital(w.Lower) &&
			!pp.c.pageWords.has(w.Lower) && !staffTitles.at(d, i) && !months.at(d, i) && !isDigit(d.Text[w.Start])
	}
	for i, w := range d.Words {
		// "Hi Darnell", "Thank you, Mai", "Congrats Ava".
		if greetingWords.at(d, i) || (w.Lower == "you" && i > 0 && d.Words[i-1].Lower == "thank") {
			k := i + 1
			if k < len(d.Words) && d.Words[k].Sentence == w.Sentence && isName(k) && closesName(d, k) {
				out[k] = true
			}
			continue
		}
		// ", Darnell!" closing a sentence.
		if i > 0 && isName(i) && d.Words[i-1].Sentence == w.Sentence && strings.TrimSpace(d.Text[d.Words[i-1].End:w.Start]) == "," && closesName(d, i) {
			out[i] = true
		}
		// "Chioma!!" or "Mai, …" opening the reply, for names we know.
		if i == 0 && pp.c.lex.firstNames.has(w.Lower) && isName(i) && closesName(d, i) {
			out[i] = true
		}
	}
	return out
}

// closesName reports a name followed by punctuation, an emoji, a surname
// and punctuation, or the end of the text.
func closesName(d *Doc, i int) bool {
	end := d.Words[i].End
	if i+1 < len(d.Words) && isCapitalized(d.Text, d.Words[i+1]) && d.Words[i+1].Sentence == d.Words[i].Sentence &&
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

var honorifics = newLexSet(fields("mr mrs ms miss mx sr sra srta pani pan señor señora senor senora")...)
var greetingWords = newLexSet(fields(`hi hey hello dear thanks thank congrats congratulations
	welcome aw aww oh`)...)

// nameHits flags people's names. With other PHI in the reply, any name ties
// those details to a person; on its own, only a full or formal name the
// commenter did not post under is flagged.
func (pp *phiPass) nameHits(otherPHI bool) []phiHit {
	d, lex := pp.d, pp.c.lex
	var hits []phiHit
	for i := 0; i < len(d.Words); i++ {
		w := d.Words[i]
		if pp.staff[i] || !isCapitalized(d.Text, w) {
			continue
		}
		if honorifics.has(strings.TrimSuffix(w.Lower, ".")) && i+1 < len(d.Words) && isCapitalized(d.Text, d.Words[i+1]) && !pp.staff[i+1] {
			if !pp.inComment(d.Words[i+1].Lower) || otherPHI {
				hits = append(hits, phiHit{d.span(i, i+2), "names a patient in public", "name"})
			}
			i++
			continue
		}
		if !lex.firstNames.has(w.Lower) {
			continue
		}
		if lex.ambiguousName.has(w.Lower) && !pp.nameContext(i) {
			continue
		}
		// A surname after the first name makes a full name.
		if i+1 < len(d.Words) && d.Words[i+1].Sentence == w.Sentence && isCapitalized(d.Text, d.Words[i+1]) &&
			!pp.staff[i+1] && !orgWords.has(d.Words[i+1].Lower) && (lex.surnames.has(d.Words[i+1].Lower) || !commonCapital(d.Words[i+1].Lower)) &&
			d.Text[w.End] == ' ' {
			full := d.span(i, i+2)
			if !(pp.inComment(w.Lower) && pp.inComment(d.Words[i+1].Lower)) || otherPHI {
				hits = append(hits, phiHit{full, "gives a patient's full name", "name"})
			}
			i++
			continue
		}
		if otherPHI {
			hits = append(hits, phiHit{Span{w.Start, w.End}, "names the person next to care details", "name"})
		}
	}
	return hits
}

// nameContext reports name-like use of an ambiguous name ("Hi Grace,").
func (pp *phiPass) nameContext(i int) bool { return pp.nameContextAt(i) }

func (pp *phiPass) nameContextAt(i int) bool {
	d := pp.d
	if i > 0 && greetingWords.at(d, i-1) {
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
func commonCapital(s string) bool {
	switch s {
	case "and", "i", "we", "our", "the", "thank", "thanks", "please", "so", "we're", "we'll", "it", "it's",
		"you", "your", "dr", "hope", "sorry", "glad", "happy", "welcome", "congrats", "great", "love",
		"that", "this", "what", "how", "wow", "oh", "yes", "no", "hi", "hey", "hello", "dear":
		return true
	}
	return months.has(s) || weekdays.has(s) || youWords.has(s)
}

// orgWords after a given name make an organisation, not a person: "Davis
// Vision", "Watson Dental", "Grace Family Medicine".
var orgWords = newLexSet(fields(`vision dental health healthcare medical medicine family clinic
	clinics care insurance plan plans network pharmacy hospital center centre group associates
	orthodontics pediatrics smiles eye eyecare optical labs lab imaging therapy rehab wellness
	partners institute foundation university`)...)
