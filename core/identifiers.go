package core

import (
	"strconv"
	"strings"
)

// Safe Harbor identifiers (45 CFR 164.514(b)(2)) found by shape: phone and
// fax numbers, emails, SSNs, record/account/claim numbers, dates, ages over
// 89, street addresses, URLs with identifiers and IP addresses. The
// practice's own contacts are never flagged: the policy lists them, and even
// without a policy "call us at" / "our billing team at" says whose they are.

type phiHit struct {
	Span
	msg  string
	kind string // "identifier", "relationship", "care", "date", "name"
}

var practiceMarkers = newLexSet(fields(`us our ours we we're we've we'll office desk team practice
	clinic billing manager reception fax main line hotline direct front offices location locations
	located department scheduling coordinator hours website site page portal online visit dm inbox`)...)

// recipientVerbs make what follows the reader's: "we sent it to jane@…".
var recipientVerbs = newLexSet(fields(`sent emailed mailed texted called forwarded faxed reached
	left calling emailing texting mailing`)...)

var personalMarkers = newLexSet(fields(`you your you're yours him her his them their son daughter
	husband wife mom dad patient patient's she he they`)...)

// owner reads up to six words before byte offset at (same sentence) and
// returns +1 when the nearest marker is the practice's ("call us at"),
// -1 when it is the reader's ("we'll call you at"), 0 when unknown.
func owner(d *Doc, at int) int {
	i := wordBefore(d, at)
	if i < 0 {
		return 0
	}
	sent := -1
	for k := i; k >= 0 && k > i-6; k-- {
		w := d.Words[k]
		if sent == -1 {
			sent = w.Sentence
		} else if w.Sentence != sent {
			break
		}
		if recipientVerbs.at(d, k) && k < i && !hasUsAfter(d, k, i) {
			return -1
		}
		if practiceMarkers.at(d, k) {
			return 1
		}
		if personalMarkers.at(d, k) {
			return -1
		}
	}
	return 0
}

var contactVerbsImperative = newLexSet(fields(`call text dial reach contact phone fax ring email
	e-mail message write`)...)
var firstPersonSubjects = newLexSet(fields("we we'll i i'll will we'd i'd we've i've we're")...)

// invitedContact reports "call (us|ahead|her directly) at NUMBER" or
// "email NAME@…": the reader is invited to reach the practice.
func invitedContact(d *Doc, at int) bool {
	i := wordBefore(d, at)
	for k := i; k >= 0 && k > i-6; k-- {
		if d.Words[k].Sentence != d.Words[i].Sentence {
			break
		}
		if contactVerbsImperative.at(d, k) {
			return k == 0 || !firstPersonSubjects.at(d, k-1)
		}
	}
	return false
}

// hasUsAfter reports "us"/"our" between words k and i ("email us at").
func hasUsAfter(d *Doc, k, i int) bool {
	for j := k + 1; j <= i; j++ {
		if l := d.Words[j].Lower; l == "us" || l == "our" {
			return true
		}
	}
	return false
}

// wordBefore returns the index of the last word ending at or before byte at.
func wordBefore(d *Doc, at int) int {
	lo, hi := 0, len(d.Words)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Words[m].End <= at {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// wordAt returns the index of the word containing or starting at byte at, or -1.
func wordAt(d *Doc, at int) int {
	i := wordBefore(d, at+1)
	if i >= 0 && d.Words[i].Start <= at && at < d.Words[i].End {
		return i
	}
	if i+1 < len(d.Words) && d.Words[i+1].Start >= at {
		return i + 1
	}
	return -1
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// atoi is strconv.Atoi without the error value: a failed parse allocates a
// *NumError, and most words fail, so reject what cannot parse first.
func atoi(s string) (int, bool) {
	if s == "" || !(isDigit(s[0]) || ((s[0] == '+' || s[0] == '-') && len(s) > 1 && isDigit(s[1]))) {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	return v, err == nil
}

// numberRun is a run of digits and separators such as "(555) 010-2000".
type numberRun struct {
	Span
	digits string
	groups []int  // digit counts per group
	seps   string // the separators between groups, in order
}

// maxNumberRun bounds a run: no identifier is longer, and unbounded runs of
// "555 555 555 …" would otherwise make one giant run.
const maxNumberRun = 32

// numberRuns returns scanNumberRuns(d.Text), scanned once per Doc.
func (d *Doc) numberRuns() []numberRun {
	if !d.runsDone {
		d.runs, d.runsDone = scanNumberRuns(d.Text), true
	}
	return d.runs
}

// scanNumberRuns finds runs that start and end with a digit (or "(" / "+")
// and contain only digits, spaces, and ()-./+ separators.
func scanNumberRuns(text string) []numberRun {
	var out []numberRun
	// Every run's groups share one backing array: one allocation, not one per run.
	var groups []int
	var seps []byte
	for i := 0; i < len(text); {
		if !(isDigit(text[i]) || ((text[i] == '(' || text[i] == '+') && i+1 < len(text) && isDigit(text[i+1]))) {
			i++
			continue
		}
		// A digit glued to letters before it ("A123") is a code, not a number run.
		if i > 0 && isAlnumASCII(text[i-1]) {
			i++
			for i < len(text) && isAlnumASCII(text[i]) {
				i++
			}
			continue
		}
		start, j := i, i
		lastDigit := -1
		if !isDigit(text[i]) {
			j = i + 1 // the opening "(" or "+"
			lastDigit = i
		}
		for j < len(text) {
			c := text[j]
			if isDigit(c) {
				lastDigit = j
				j++
				continue
			}
			if numberSep[c] && j+1 < len(text) && j-lastDigit <= 2 && j-start < maxNumberRun {
				j++
				continue
			}
			break
		}
		if lastDigit < 0 || !isDigit(text[lastDigit]) {
			i = max(j, i+1)
			continue
		}
		end := lastDigit + 1
		if end < len(text) && text[end] == ')' {
			end++
		}
		run := numberRun{Span: Span{start, end}}
		n, g0, lastSep := 0, len(groups), -1
		seps = seps[:0]
		for k := start; k < end; k++ {
			if isDigit(text[k]) {
				n++
				continue
			}
			if n > 0 {
				groups = append(groups, n)
				seps, lastSep = append(seps, text[k]), k
				n = 0
			} else if len(seps) > 0 || k > start {
				seps, lastSep = append(seps, text[k]), k
			}
		}
		// Most runs have at most one separator: slice it from the text.
		if len(seps) == 1 {
			run.seps = text[lastSep : lastSep+1]
		} else if len(seps) > 1 {
			run.seps = string(seps)
		}
		if n > 0 {
			groups = append(groups, n)
		}
		if len(groups) > g0 {
			run.groups = groups[g0:len(groups):len(groups)]
		}
		if total := sumInts(run.groups); total == end-start {
			run.digits = text[start:end] // all digits: no copy needed
		} else {
			run.digits = digitsOf(text[start:end])
		}
		out = append(out, run)
		i = end
		if i == start {
			i++
		}
	}
	return out
}

// numberSep marks the bytes "()-./+ " that may sit inside a number run.
var numberSep = func() (t [256]bool) {
	for _, c := range []byte("()-./+ ") {
		t[c] = true
	}
	return t
}()

func sumInts(v []int) int {
	n := 0
	for _, x := range v {
		n += x
	}
	return n
}

func isAlnumASCII(c byte) bool {
	return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func groupsAre(g []int, want ...int) bool {
	if len(g) != len(want) {
		return false
	}
	for i := range g {
		if g[i] != want[i] {
			return false
		}
	}
	return true
}

var idLabels = newLexSet(fields(`account acct claim mrn record chart member id policy invoice case
	ticket reference ref confirmation no number license plate vin serial device ssn social patient
	group subscriber medicaid medicare beneficiary certificate lot order rx prescription tracking`)...)

// identifierHits finds number- and address-shaped identifiers.
func (pp *phiPass) identifierHits() []phiHit {
	c, d := pp.c, pp.d
	var hits []phiHit
	text := d.Text
	for _, r := range d.numberRuns() {
		digits := len(r.digits)
		seg := text[r.Start:r.End]
		switch {
		case groupsAre(r.groups, 3, 2, 4) && strings.Count(seg, "-") == 2:
			hits = append(hits, phiHit{r.Span, "looks like a social security number", "identifier"})
		case len(r.groups) == 4 && strings.Count(seg, ".") == 3 && allLE(seg, 255):
			hits = append(hits, phiHit{r.Span, "contains an IP address", "identifier"})
		case isPhone(r):
			if c.ownPhones[lastN(r.digits, 10)] || c.ownPhones[lastN(r.digits, 7)] {
				continue
			}
			if invitedContact(d, r.Start) {
				continue
			}
			if owner(d, r.Start) < 0 || (len(c.ownPhones) > 0 && owner(d, r.Start) == 0 && labelledBefore(d, r.Start)) {
				hits = append(hits, phiHit{r.Span, "phone number that is not the practice's", "identifier"})
			}
		case isNumericDate(r):
			if h, ok := pp.dateHit(r.Span, "mentions a specific date"); ok {
				hits = append(hits, h)
			}
		case digits >= 5 && len(r.groups) <= 3:
			if labelledBefore(d, r.Start) || owner(d, r.Start) < 0 || digits >= 8 {
				hits = append(hits, phiHit{r.Span, "contains an identifying number (record, account or claim)", "identifier"})
			}
		}
	}
	for i := 0; i+2 < len(d.Words); i++ {
		if d.Words[i].Lower == "ending" && (d.Words[i+1].Lower == "in" || d.Words[i+1].Lower == "with") && isDigit(d.Text[d.Words[i+2].Start]) {
			hits = append(hits, phiHit{d.span(i, i+3), "gives part of a phone or account number", "identifier"})
		}
	}
	hits = append(hits, c.codeHits(d)...)
	hits = append(hits, c.emailHits(d)...)
	hits = append(hits, c.urlHits(d)...)
	hits = append(hits, c.addressHits(d)...)
	hits = append(hits, ageHits(d)...)
	return hits
}

func lastN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

func allLE(seg string, max int) bool {
	for _, p := range strings.Split(seg, ".") {
		v, err := strconv.Atoi(p)
		if err != nil || v > max {
			return false
		}
	}
	return true
}

func isPhone(r numberRun) bool {
	n := len(r.digits)
	switch {
	case n == 10 || (n == 11 && r.digits[0] == '1'):
		return len(r.groups) == 1 || len(r.groups) >= 3 || groupsAre(r.groups, 3, 7) || groupsAre(r.groups, 1, 10)
	case n == 7:
		return groupsAre(r.groups, 3, 4)
	}
	return false
}

func isNumericDate(r numberRun) bool {
	if len(r.groups) < 2 || len(r.groups) > 3 || strings.ContainsAny(r.seps, " ()+") {
		return false
	}
	sep := r.seps[0]
	if sep != '/' && sep != '-' && sep != '.' {
		return false
	}
	if sep == '.' && len(r.groups) == 2 {
		return false // "3.5" is a decimal
	}
	if sep == '-' && len(r.groups) == 2 {
		return false // "2-3" is a range
	}
	if r.groups[0] > 2 && !(len(r.groups) == 3 && r.groups[0] == 4) {
		return false
	}
	if !(r.groups[1] <= 2 || (len(r.groups) == 3 && r.groups[0] == 4)) {
		return false
	}
	// Month and day must be plausible: "24/7" is not a date.
	nums := splitNums(r)
	if len(r.groups) == 3 && r.groups[0] == 4 {
		return nums[1] >= 1 && nums[1] <= 12 && nums[2] >= 1 && nums[2] <= 31
	}
	return nums[0] >= 1 && nums[0] <= 12 && nums[1] >= 1 && nums[1] <= 31
}

// splitNums returns the numeric value of each digit group.
func splitNums(r numberRun) []int {
	out := make([]int, 0, len(r.groups))
	pos := 0
	for _, g := range r.groups {
		v, _ := strconv.Atoi(r.digits[pos : pos+g])
		out = append(out, v)
		pos += g
	}
	return out
}

// labelledBefore reports an identifier label ("account #", "claim no.")
// among the three words before byte at.
func labelledBefore(d *Doc, at int) bool {
	i := wordBefore(d, at)
	for k := i; k >= 0 && k > i-3; k-- {
		if idLabels.at(d, k) {
			return true
		}
	}
	// "#12345"
	return at > 0 && d.Text[at-1] == '#'
}

// codeHits finds alphanumeric codes ("MRN A12345", "XJ-4421-88") after a label.
func (c *Compiled) codeHits(d *Doc) []phiHit {
	var hits []phiHit
	for i, w := range d.Words {
		s := d.Text[w.Start:w.End]
		if len(s) < 5 {
			continue
		}
		// One pass counts letters and digits and rejects emails and domains.
		letters, digits, dotted := 0, 0, false
		for k := 0; k < len(s); k++ {
			switch c := s[k]; {
			case isDigit(c):
				digits++
			case (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'):
				letters++
			case c == '@' || c == '.':
				dotted = true
			}
		}
		if dotted {
			continue
		}
		if letters == 0 || digits < 3 || (digits < 4 && !labelledBefore(d, w.Start)) {
			continue
		}
		if i > 0 && !labelledBefore(d, w.Start) && owner(d, w.Start) >= 0 {
			continue
		}
		if looksLikeTimeOrOrdinal(w.Lower) {
			continue
		}
		hits = append(hits, phiHit{Span{w.Start, w.End}, "contains an identifying code (record, member or account)", "identifier"})
	}
	return hits
}

func looksLikeTimeOrOrdinal(s string) bool {
	for _, suf := range []string{"am", "pm", "st", "nd", "rd", "th", "yo", "yrs", "mg", "ml", "s"} {
		if strings.HasSuffix(s, suf) {
			if _, ok := atoi(strings.TrimSuffix(s, suf)); ok {
				return true
			}
		}
	}
	return false
}

var roleLocalParts = []string{"info", "office", "frontdesk", "front.desk", "front-desk", "hello", "contact",
	"billing", "appointments", "appts", "admin", "reception", "support", "care", "team", "smile", "smiles",
	"dental", "clinic", "scheduling", "schedule", "help", "feedback", "manager", "office.manager", "hr",
	"referrals", "records", "ortho", "practice", "patientcare", "patient.care", "questions", "desk", "social",
	"jobs", "careers", "hiring", "marketing", "press", "media", "events", "news", "hr", "payments", "accounts",
	"insurance", "frontoffice", "front", "nurse", "nurses", "triage", "portal", "noreply", "no-reply", "dr", "doctor"}

var freeMail = newLexSet(fields(`gmail.com yahoo.com hotmail.com outlook.com aol.com icloud.com
	live.com msn.com me.com comcast.net proton.me protonmail.com ymail.com`)...)

func (c *Compiled) emailHits(d *Doc) []phiHit {
	var hits []phiHit
	for _, w := range d.Words {
		at := strings.IndexByte(w.Lower, '@')
		if at <= 0 || !strings.Contains(w.Lower[at:], ".") {
			continue
		}
		addr := w.Lower
		local, domain := addr[:at], addr[at+1:]
		if c.ownEmails[addr] || c.ownDomains[domain] {
			continue
		}
		role := false
		for _, r := range roleLocalParts {
			if local == r || strings.HasPrefix(local, r) {
				role = true
				break
			}
		}
		if role || invitedContact(d, w.Start) {
			continue
		}
		o := owner(d, w.Start)
		if o < 0 || (o == 0 && freeMail.has(domain)) {
			hits = append(hits, phiHit{Span{w.Start, w.End}, "email address that is not the practice's", "identifier"})
		}
	}
	return hits
}

// urlHits flags links that carry an identifier (a patient id, a record
// number, a token); the practice's plain website is fine.
func (c *Compiled) urlHits(d *Doc) []phiHit {
	var hits []phiHit
	text := d.Lower
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], "http")
		k := strings.Index(text[i:], "www.")
		if j < 0 || (k >= 0 && k < j) {
			j = k
		}
		if j < 0 {
			break
		}
		start := i + j
		end := start
		for end < len(text) && text[end] > ' ' {
			end++
		}
		for end > start && strings.IndexByte(".,!?)\"'", text[end-1]) >= 0 {
			end--
		}
		u := text[start:end]
		if urlHasIdentifier(u) {
			hits = append(hits, phiHit{Span{start, end}, "link contains an identifier", "identifier"})
		}
		i = end + 1
	}
	return hits
}

func urlHasIdentifier(u string) bool {
	rest := u
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	slash := strings.IndexAny(rest, "/?")
	if slash < 0 {
		return false
	}
	path := rest[slash:]
	for _, k := range []string{"patient", "mrn", "record", "chart", "token=", "id=", "member", "claim", "account"} {
		if strings.Contains(path, k) {
			return true
		}
	}
	run := 0
	for i := 0; i < len(path); i++ {
		if isDigit(path[i]) {
			run++
			if run >= 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

var streetSuffixes = newLexSet(fields(`st street ave avenue rd road blvd boulevard ln lane way ct
	court pl place drive pkwy parkway hwy highway cir circle terrace ter trail trl sq square loop
	row pike`)...)

// addressHits finds "123 Elm Street" shapes that are not the practice's.
func (c *Compiled) addressHits(d *Doc) []phiHit {
	var hits []phiHit
	for i := 0; i+2 < len(d.Words); i++ {
		w := d.Words[i]
		if _, ok := atoi(w.Lower); !ok || len(w.Lower) > 6 {
			continue
		}
		for k := i + 2; k <= i+4 && k < len(d.Words); k++ {
			if !streetSuffixes.at(d, k) {
				continue
			}
			name := d.Text[d.Words[i+1].Start]
			if name < 'A' || name > 'Z' {
				break
			}
			if c.ownAddress(w.Lower, d.Words[i+1].Lower) || owner(d, w.Start) > 0 {
				break
			}
			hits = append(hits, phiHit{Span{w.Start, d.Words[k].End}, "contains a street address that is not the practice's", "identifier"})
			break
		}
	}
	return hits
}

func (c *Compiled) ownAddress(number, street string) bool {
	for _, a := range c.Policy.Practice.Addresses {
		ws := tokens(a)
		for i := 0; i+1 < len(ws); i++ {
			if ws[i] == number && ws[i+1] == street {
				return true
			}
		}
	}
	return false
}

// ageHits finds ages over 89, which Safe Harbor treats as identifiers.
func ageHits(d *Doc) []phiHit {
	var hits []phiHit
	for i, w := range d.Words {
		if !isDigit(w.Lower[0]) {
			continue
		}
		num := w.Lower
		if k := strings.IndexByte(num, '-'); k > 0 {
			num = num[:k]
		}
		ordinal := false
		for _, suf := range []string{"st", "nd", "rd", "th"} {
			if strings.HasSuffix(num, suf) {
				num, ordinal = strings.TrimSuffix(num, suf), true
				break
			}
		}
		num = strings.TrimSuffix(num, "yo")
		v, ok := atoi(num)
		if !ok || v < 90 || v > 130 {
			continue
		}
		ageish := strings.Contains(w.Lower, "year") || ordinal || strings.HasSuffix(w.Lower, "yo")
		if i+1 < len(d.Words) {
			n := d.Words[i+1].Lower
			ageish = ageish || n == "years" || n == "year" || n == "yrs" || n == "birthday" || strings.HasPrefix(n, "year-old")
		}
		if i > 0 {
			p := d.Words[i-1].Lower
			ageish = ageish || p == "age" || p == "aged" || p == "turning" || p == "turned" || p == "turns"
			// "at 94 she still has most of her teeth"
			if p == "at" && i+1 < len(d.Words) {
				switch d.Words[i+1].Lower {
				case "she", "he", "you", "she's", "he's", "you're":
					ageish = true
				}
			}
		}
		if ageish {
			hits = append(hits, phiHit{Span{w.Start, w.End}, "mentions an age over 89", "identifier"})
		}
	}
	return hits
}
