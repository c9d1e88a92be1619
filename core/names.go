package core

import (
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
	"strings"
	"unicode/utf8"
)

// People's names: addressing the commenter by the public name they posted
// under is fine; a name next to care details, a full name they did not use,
// or a family member's name is PHI. Staff signing their own name is not.

var staffTitles = lex.New("hipaa/staff_titles", lex.Data(listHipaaStaffTitles)...)
var contactVerbs = lex.New("hipaa/contact_verbs", lex.Data(listHipaaContactVerbs)...)
var signoffWords = lex.New("hipaa/signoff_words", lex.Data(listHipaaSignoffWords)...)
var roleWords = lex.New("hipaa/role_words", lex.Data(listHipaaRoleWords)...)

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
		if isCapitalized(d.Text, w) && (c.staffWords[w.Lower] || c.pageWords[w.Lower]) {
			staff[i] = true
		}
		if d.Is(i, staffTitles) && i+1 < len(d.Words) {
			markFrom(i + 1)
		}
		if d.Is(i, contactVerbs) && i+1 < len(d.Words) {
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
			if (n1 == "our" || n1 == "the" || n1 == "from" || n1 == "in" || n1 == "at") && d.Is(i+2, roleWords) {
				staff[i] = true
			}
			if i+3 < len(d.Words) && (n1 == "our" || n1 == "from" || n1 == "at") && d.Is(i+3, roleWords) {
				staff[i] = true
			}
		}
		if i+1 < len(d.Words) && d.Words[i+1].Lower == "here" && isCapitalized(d.Text, w) {
			staff[i] = true
		}
		// "our billing manager, Luis," / "our clinic director, Ahmed".
		if d.Is(i, roleWords) || d.Is(i, staffTitles) || w.Lower == "director" || w.Lower == "advocate" || w.Lower == "lead" {
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
					if roleWords.Has(strings.ToLower(strings.Trim(f, ",.!"))) || signoffWords.Has(strings.ToLower(strings.Trim(f, ",.!"))) {
						isSig = true
					}
				}
			}
		}
		if isSig {
			for i := d.WordBefore(sigFrom) + 1; i >= 0 && i < len(d.Words) && d.Words[i].End <= end; i++ {
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
var notVocative = lex.New("hipaa/not_vocative", lex.Data(listHipaaNotVocative)...)

// vocatives returns the words that address a person by name: "Hi Darnell",
// "Thanks, Mai!", "…after a root canal, Darnell!".
func (pp *phiPass) vocatives() []bool {
	d := pp.d
	out := make([]bool, len(d.Words))
	isName := func(i int) bool {
		w := d.Words[i]
		return isCapitalized(d.Text, w) && !pp.staff[i] && !d.Is(i, notVocative) && !commonCapital(w.Lower) &&
			!pp.c.pageWords[w.Lower] && !d.Is(i, staffTitles) && !d.Is(i, months) && !text.IsDigit(d.Text[w.Start])
	}
	for i, w := range d.Words {
		// "Hi Darnell", "Thank you, Mai", "Congrats Ava".
		if d.Is(i, greetingWords) || (w.Lower == "you" && i > 0 && d.Words[i-1].Lower == "thank") {
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
		if i == 0 && d.Is(i, firstNames) && isName(i) && closesName(d, i) {
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

var honorifics = lex.New("hipaa/honorifics", lex.Data(listHipaaHonorifics)...)
var greetingWords = lex.New("hipaa/greeting_words", lex.Data(listHipaaGreetingWords)...)

// nameHits flags people's names. With other PHI in the reply, any name ties
// those details to a person; on its own, only a full or formal name the
// commenter did not post under is flagged.
func (pp *phiPass) nameHits(otherPHI bool) []phiHit {
	d := pp.d
	var hits []phiHit
	for i := 0; i < len(d.Words); i++ {
		w := d.Words[i]
		if pp.staff[i] || !isCapitalized(d.Text, w) {
			continue
		}
		if honorifics.Has(strings.TrimSuffix(w.Lower, ".")) && i+1 < len(d.Words) && isCapitalized(d.Text, d.Words[i+1]) && !pp.staff[i+1] {
			if !pp.inComment(d.Words[i+1].Lower) || otherPHI {
				hits = append(hits, phiHit{d.WordSpan(i, i+2), "names a patient in public", "name"})
			}
			i++
			continue
		}
		if !d.Is(i, firstNames) {
			continue
		}
		if d.Is(i, ambiguousName) && !pp.nameContext(i) {
			continue
		}
		// A surname after the first name makes a full name.
		if i+1 < len(d.Words) && d.Words[i+1].Sentence == w.Sentence && isCapitalized(d.Text, d.Words[i+1]) &&
			!pp.staff[i+1] && !orgWords.Has(d.Words[i+1].Lower) && (d.Is(i+1, surnames) || !commonCapital(d.Words[i+1].Lower)) &&
			d.Text[w.End] == ' ' {
			full := d.WordSpan(i, i+2)
			if !(pp.inComment(w.Lower) && pp.inComment(d.Words[i+1].Lower)) || otherPHI {
				hits = append(hits, phiHit{full, "gives a patient's full name", "name"})
			}
			i++
			continue
		}
		if otherPHI {
			hits = append(hits, phiHit{Span{Start: w.Start, End: w.End}, "names the person next to care details", "name"})
		}
	}
	return hits
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
func commonCapital(s string) bool {
	switch s {
	case "and", "i", "we", "our", "the", "thank", "thanks", "please", "so", "we're", "we'll", "it", "it's",
		"you", "your", "dr", "hope", "sorry", "glad", "happy", "welcome", "congrats", "great", "love",
		"that", "this", "what", "how", "wow", "oh", "yes", "no", "hi", "hey", "hello", "dear":
		return true
	}
	return months.Has(s) || weekdays.Has(s) || youWords.Has(s)
}

// orgWords after a given name make an organisation, not a person: "Davis
// Vision", "Watson Dental", "Grace Family Medicine".
var orgWords = lex.New("hipaa/org_words", lex.Data(listHipaaOrgWords)...)
