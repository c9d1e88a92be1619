package hipaa

import (
	"strconv"
	"strings"

	"github.com/replyguard/replyguard/core/analyses/practice"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/lex/words"
	"github.com/replyguard/replyguard/core/text"
)

// Safe Harbor identifiers (45 CFR 164.514(b)(2)) found by shape: phone and
// fax numbers, emails, SSNs, record/account/claim numbers, dates, ages over
// 89, street addresses, URLs with identifiers and IP addresses. The
// practice's own contacts are never flagged: the policy lists them, and even
// without a policy "call us at" / "our billing team at" says whose they are.

type phiHit struct {
	text.Span
	msg string
	src source // the frame that made it (strength.go)
	// word is the index of the word at Start plus one, or 0 when the hit
	// was made from bytes: pp.wordOf reads it instead of searching for it.
	word int32
}

var idLabels = &vocabLists[listIdLabels]

// Words around identifiers.
var (
	partialNumberCues = &vocabLists[listPartialNumberCues]
	numberSuffixes    = dataLists[listNumberSuffixes]
	urlIDKeys         = dataLists[listUrlIdKeys]
)

// identifierHits finds number- and address-shaped identifiers.
func (pp *phiPass) identifierHits() []phiHit {
	c, d := pp.c, pp.d
	hits := pp.bufs[bufID][:0]
	for _, r := range d.NumberRuns() {
		digits := len(r.Digits)
		seg := d.Text[r.Start:r.End]
		msg := ""
		switch {
		case r.GroupsAre(3, 2, 4) && strings.Count(seg, "-") == 2:
			msg = "looks like a social security number"
		case len(r.Groups) == 4 && strings.Count(seg, ".") == 3 && allLE(seg, 255):
			msg = "contains an IP address"
		case r.IsPhone():
			if !c.OwnPhone(r.Digits) && ownedPhone(d, r.Start) {
				msg = msgPhone
				break
			}
			if c.OwnPhone(r.Digits) || practice.InvitedContact(d, r.Start) || pp.practiceNumber(r.Start, r.End) || pp.imperativeContact(r.Start) || pp.offeredLine(r.Start) {
				break
			}
			if o := practice.Owner(d, r.Start); o < 0 || o == 0 && (len(c.Phones) > 0 && labelledBefore(d, r.Start) || ownedAfter(d, r.End)) {
				msg = msgPhone
			}
		case isNumericDate(r):
			if pp.dateHit(r.Span) && !perfectScore(d, r) {
				msg = msgDate
			}
		case digits >= 5 && len(r.Groups) <= 3:
			if labelledBefore(d, r.Start) || practice.Owner(d, r.Start) < 0 || digits >= 8 {
				msg = "contains an identifying number (record, account or claim)"
			}
		}
		if msg != "" {
			hits = append(hits, phiHit{r.Span, msg, srcIdNumber, 0})
		} else if cur := currencyBefore(d.Text[:r.Start]); cur > 0 {
			// An amount is the person's bill once the reply discloses.
			if i := d.WordAt(r.Start); i >= 0 {
				pp.keep(i, text.Span{Start: r.Start - cur, End: r.End}, billing, false)
			}
		}
	}
	for _, m := range d.Find(partialNumberCues.Group) {
		if m.To < len(d.Words) && text.IsDigit(d.Text[d.Words[m.To].Start]) {
			hits = pp.hit(hits, m.From, m.To+1, "gives part of a phone or account number", srcIdPartial)
		}
	}
	hits = append(hits, codeHits(c, d)...)
	for _, h := range emailHits(c, d) {
		if !pp.imperativeContact(h.Start) {
			hits = append(hits, h)
		}
	}
	hits = append(hits, urlHits(c, d)...)
	for _, h := range addressHits(c, d) {
		if !pp.practiceAddress(h.Start) && !pp.invitedAddress(h.Start) && !pp.signedAddress(h.Start) && !pp.officeAddress(h.End) {
			hits = append(hits, h)
		}
	}
	hits = append(hits, ageHits(d)...)
	pp.bufs[bufID] = hits // the array is kept for the next check
	return hits
}

// currencyBefore returns the length of the currency sign ending s, or 0.
func currencyBefore(s string) int {
	for _, c := range [...]string{"$", "€", "£"} {
		if strings.HasSuffix(s, c) {
			return len(c)
		}
	}
	return 0
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

func isNumericDate(r text.NumberRun) bool {
	if len(r.Groups) < 2 || len(r.Groups) > 3 || strings.ContainsAny(r.Seps, " ()+") {
		return false
	}
	sep := r.Seps[0]
	if sep != '/' && sep != '-' && sep != '.' {
		return false
	}
	if sep == '.' && len(r.Groups) == 2 {
		return false // "3.5" is a decimal
	}
	if sep == '-' && len(r.Groups) == 2 {
		return false // "2-3" is a range
	}
	if r.Groups[0] > 2 && !(len(r.Groups) == 3 && r.Groups[0] == 4) {
		return false
	}
	if !(r.Groups[1] <= 2 || (len(r.Groups) == 3 && r.Groups[0] == 4)) {
		return false
	}
	// Month and day must be plausible: "24/7" is not a date.
	nums := splitNums(r)
	if len(r.Groups) == 3 && r.Groups[0] == 4 {
		return nums[1] >= 1 && nums[1] <= 12 && nums[2] >= 1 && nums[2] <= 31
	}
	return nums[0] >= 1 && nums[0] <= 12 && nums[1] >= 1 && nums[1] <= 31
}

// perfectScore reports "10/10" read as a score ("10/10 back at you",
// "thanks for the 10/10"), not October 10: a date on its own is "on 10/10".
func perfectScore(d *lex.Doc, r text.NumberRun) bool {
	if len(r.Groups) != 2 || r.Seps[0] != '/' || r.Digits != "1010" {
		return false
	}
	i := d.WordBefore(r.Start)
	return i < 0 || d.Words[i].Lower != "on"
}

// splitNums returns the numeric value of each digit group.
func splitNums(r text.NumberRun) []int {
	out := make([]int, 0, len(r.Groups))
	pos := 0
	for _, g := range r.Groups {
		v, _ := strconv.Atoi(r.Digits[pos : pos+g])
		out = append(out, v)
		pos += g
	}
	return out
}

// labelledBefore reports an identifier label ("account #", "claim no.")
// among the three words before byte at.
func labelledBefore(d *lex.Doc, at int) bool {
	i := d.WordBefore(at)
	for k := i; k >= 0 && k > i-3; k-- {
		if d.Is(k, idLabels) {
			return true
		}
	}
	// "#12345"
	return at > 0 && d.Text[at-1] == '#'
}

// codeHits finds alphanumeric codes ("MRN A12345", "XJ-4421-88") after a label.
func codeHits(c *practice.Facts, d *lex.Doc) []phiHit {
	var hits []phiHit
	for _, i := range d.Digits { // most words: no digit, no code
		i := int(i)
		w := &d.Words[i]
		if w.End-w.Start < 5 {
			continue
		}
		s := d.Text[w.Start:w.End]
		// One pass counts letters and digits and rejects emails and domains.
		letters, digits, dotted := 0, 0, false
		for k := 0; k < len(s); k++ {
			switch c := s[k]; {
			case text.IsDigit(c):
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
		if i > 0 && !labelledBefore(d, w.Start) && practice.Owner(d, w.Start) >= 0 {
			continue
		}
		if looksLikeTimeOrOrdinal(w.Lower) {
			continue
		}
		hits = append(hits, phiHit{text.Span{Start: w.Start, End: w.End}, "contains an identifying code (record, member or account)", srcIdCode, 0})
	}
	return hits
}

func looksLikeTimeOrOrdinal(s string) bool {
	for _, suf := range numberSuffixes {
		if strings.HasSuffix(s, suf) {
			if _, ok := text.Atoi(strings.TrimSuffix(s, suf)); ok {
				return true
			}
		}
	}
	return false
}

// roleLocalParts are the local parts of an office's own addresses
// ("frontdesk@", "billing.team@"); "drew.harris@" is a person's.
var roleLocalParts = dataLists[listRoleLocalParts]

var (
	freeMail  = &vocabLists[listFreeMail]
	mailHosts = &cueLists[listMailHosts]
)

// freeMailDomain reports a mailbox provider's domain: a listed one, or one
// whose first label names a mail host ("mailbox.org").
func freeMailDomain(domain string) bool {
	host, _, _ := strings.Cut(domain, ".")
	return freeMail.Has(domain) || mailHosts.Has(host)
}

var mailOwnedBy = &cueLists[listMailOwnedBy]

// practiceMailbox reports an address at a mailbox provider (at byte at)
// given as the practice's: a word of mailOwnedBy among the six before it in
// its sentence ("email us at", "our gmail is"), or a request opening the
// sentence to write to it ("Email Dr. Kim at"), before any writer's "we" or
// "I" takes the address as where they send ("we'll reply to …").
func practiceMailbox(d *lex.Doc, at int) bool {
	i := d.WordBefore(at)
	for k := i; k >= 0 && k > i-6 && d.Words[k].Sentence == d.Words[i].Sentence; k-- {
		switch {
		case d.Is(k, mailOwnedBy):
			return true
		case d.Is(k, practice.FirstPersonSubjects), d.Is(k, practice.RecipientVerbs):
			return false
		case d.Is(k, practice.ContactVerbs):
			return k == d.SentWords[d.Words[k].Sentence].Start || d.Is(k-1, words.Please)
		}
	}
	return false
}

func emailHits(c *practice.Facts, d *lex.Doc) []phiHit {
	if !d.HasByte('@') {
		return nil // no word has one: one scan instead of one per word
	}
	var hits []phiHit
	for _, w := range d.Words {
		at := strings.IndexByte(w.Lower, '@')
		if at <= 0 || !strings.Contains(w.Lower[at:], ".") {
			continue
		}
		addr := w.Lower
		local, domain := addr[:at], addr[at+1:]
		if c.Emails[addr] || c.Domains[domain] {
			continue
		}
		role := false
		for _, r := range roleLocalParts {
			if local == r || strings.HasPrefix(local, r) && strings.ContainsRune(".-_+0123456789", rune(local[len(r)])) {
				role = true
				break
			}
		}
		if role {
			continue
		}
		if freeMailDomain(domain) {
			// A mailbox at a provider is a person's unless the words
			// before it give it as the practice's.
			if !practiceMailbox(d, w.Start) {
				hits = append(hits, phiHit{text.Span{Start: w.Start, End: w.End}, msgEmail, srcIdEmail, 0})
			}
			continue
		}
		if practice.InvitedContact(d, w.Start) {
			continue
		}
		o := practice.Owner(d, w.Start)
		if o < 0 || (o == 0 && freeMail.Has(domain)) {
			hits = append(hits, phiHit{text.Span{Start: w.Start, End: w.End}, msgEmail, srcIdEmail, 0})
		}
	}
	return hits
}

// urlHits flags links that carry an identifier (a patient id, a record
// number, a token); the practice's plain website is fine.
func urlHits(c *practice.Facts, d *lex.Doc) []phiHit {
	// urlHasIdentifier reads only a path or query, which starts at "/" or
	// "?": a reply with neither (most) has no link to flag, and is not
	// searched twice over for "http" and "www.".
	if !d.HasByte('/') && !d.HasByte('?') {
		return nil
	}
	var hits []phiHit
	t := d.Lower
	for i := 0; i < len(t); {
		j := strings.Index(t[i:], "http")
		k := strings.Index(t[i:], "www.")
		if j < 0 || (k >= 0 && k < j) {
			j = k
		}
		if j < 0 {
			break
		}
		start := i + j
		end := start
		for end < len(t) && t[end] > ' ' {
			end++
		}
		for end > start && strings.IndexByte(".,!?)\"'", t[end-1]) >= 0 {
			end--
		}
		u := t[start:end]
		if urlHasIdentifier(u) {
			hits = append(hits, phiHit{text.Span{Start: start, End: end}, "link contains an identifier", srcIdLink, 0})
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
	for _, k := range urlIDKeys {
		if strings.Contains(path, k) {
			return true
		}
	}
	run := 0
	for i := 0; i < len(path); i++ {
		if text.IsDigit(path[i]) {
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

var streetSuffixes = &vocabLists[listStreetSuffixes]

// streetPrefixes name a street's kind before its name ("Calle Nogal").
var streetPrefixes = &vocabLists[listStreetPrefixes]

// addressHits finds "123 Elm Street" shapes that are not the practice's.
func addressHits(c *practice.Facts, d *lex.Doc) []phiHit {
	var hits []phiHit
	for _, i := range d.Digits { // a house number has one
		i := int(i)
		if i+2 >= len(d.Words) {
			break
		}
		w := &d.Words[i]
		if _, ok := text.Atoi(w.Lower); !ok || len(w.Lower) > 6 {
			continue
		}
		for k := i + 1; k <= i+4 && k < len(d.Words); k++ {
			// "4512 Calle Nogal": Spanish names the street's kind first.
			if k == i+1 && d.Is(k, streetPrefixes) {
				k++
			} else if k == i+1 || !d.Is(k, streetSuffixes) {
				continue
			}
			name := d.Text[d.Words[i+1].Start]
			if name < 'A' || name > 'Z' {
				break
			}
			if c.OwnAddress(w.Lower, d.Words[i+1].Lower) || practice.Owner(d, w.Start) > 0 && !sentToAddress(d, i) {
				break
			}
			hits = append(hits, phiHit{text.Span{Start: w.Start, End: d.Words[k].End}, msgAddress, srcIdAddress, 0})
			break
		}
	}
	return hits
}

var sentToVerbs = &cueLists[listSentToVerbs]

// sentToAddress reports a house number at word i right after "to" that a
// sending verb leads to ("we'll mail it to 1423 …", "it shipped to 418
// …"), the verb not opening its sentence as a request ("Mail payments to
// …", "Please send it to …") and no "us" between.
func sentToAddress(d *lex.Doc, i int) bool {
	if i < 2 || d.Words[i-1].Lower != "to" {
		return false
	}
	s := d.Words[i].Sentence
	for k := i - 2; k >= 0 && k >= i-4 && d.Words[k].Sentence == s; k-- {
		switch {
		case d.Words[k].Lower == "us":
			return false
		case d.Is(k, sentToVerbs):
			return k > d.SentWords[s].Start && !d.Is(k-1, words.Please)
		}
	}
	return false
}

// pharmacies are where a prescription is sent for someone (sentToPharmacyAt).
var pharmacies = &cueLists[listPharmacies]

// sentToPharmacyAt reads a prescription sent for the person, at the
// sending verb i: "we sent the script to your pharmacy", "resent the refill to
// the Walgreens on Elm", "we'll send it to CVS". The sending is done or
// promised: a past form, or a present one after "we'll"; "we send
// prescriptions to any pharmacy" and "can send one to your pharmacy"
// describe or offer, and "Send it to …" opening a sentence asks.
func (pp *phiPass) sentToPharmacyAt(i int) (from, to int) {
	d := pp.d
	s := d.Words[i].Sentence
	f := &pp.flags[s]
	if pp.conditional(i) || pp.unrealised(i) || f.offer || f.generic || f.genericStatement || pp.standingOffer(s) || d.Is(i-1, words.Please) {
		return 0, 0
	}
	w := d.Words[i].Lower
	if !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "sent") &&
		!(i > d.SentWords[s].Start && strings.HasSuffix(d.Words[i-1].Lower, "'ll")) {
		return 0, 0
	}
	for k := i + 1; k <= i+4 && pp.sameClause(i, k); k++ {
		if d.Words[k].Lower != "to" {
			continue
		}
		j := k + 1
		if pp.is(j, cDeterminers) && pp.sameClause(k, j+1) {
			j++ // "your", "the"
		}
		if m, ok := d.LongestAt(j, pharmacies.Group); ok && pp.sameClause(i, m.To-1) {
			return i, m.To
		}
		return 0, 0
	}
	return 0, 0
}

// ageHits finds ages over 89, which Safe Harbor treats as identifiers.
func ageHits(d *lex.Doc) []phiHit {
	var hits []phiHit
	for _, i := range d.Digits {
		i := int(i)
		w := &d.Words[i]
		if !text.IsDigit(w.Lower[0]) {
			continue
		}
		num := w.Lower
		if k := strings.IndexByte(num, '-'); k > 0 {
			num = num[:k]
		}
		ordinal := false
		for _, suf := range ordinalSuffixes {
			if strings.HasSuffix(num, suf) {
				num, ordinal = strings.TrimSuffix(num, suf), true
				break
			}
		}
		num = strings.TrimSuffix(num, "yo")
		v, ok := text.Atoi(num)
		if !ok || v < 90 || v > 130 {
			continue
		}
		ageish := strings.Contains(w.Lower, "year") || ordinal || strings.HasSuffix(w.Lower, "yo")
		ageish = ageish || isClass(d, i+1, cAgeAfter) || i+1 < len(d.Words) && strings.HasPrefix(d.Words[i+1].Lower, "year-old") || isClass(d, i-1, cAgeBefore)
		// "at 94 she still has most of her teeth"
		ageish = ageish || i > 0 && d.Words[i-1].Lower == "at" && isClass(d, i+1, cAgeSubjects)
		// "92 and still driving", "Grandma Edith — 94 and sharp": a number
		// opening its clause and joined to what the person still does.
		ageish = ageish || i+1 < len(d.Words) && d.Words[i+1].Lower == "and" && clauseOpens(d, i)
		if ageish {
			hits = append(hits, phiHit{text.Span{Start: w.Start, End: w.End}, msgAge, srcIdAge, 0})
		}
	}
	return hits
}

// clauseOpens reports word i first in its sentence or after a comma or a
// dash ("Edith — 94 and", "our favorite, 92 and"): not "between 90 and"
// or "$95 and".
func clauseOpens(d *lex.Doc, i int) bool {
	return i == 0 || d.Words[i-1].Sentence != d.Words[i].Sentence || strings.ContainsAny(d.Text[d.Words[i-1].End:d.Words[i].Start], ",;:—–")
}

// ownedAfter lists words after a number that make it the person's.
var ownedAfterWords = &vocabLists[listOwnedAfter]

var ownedPhones = &cueLists[listOwnedPhones]

// ownedPhone reports a number (at byte start) right after the reader's
// phone noun ("your cell 555-…", "su número 555-…").
func ownedPhone(d *lex.Doc, start int) bool {
	n := d.WordAt(start)
	for k := n - 1; k >= 0 && k >= n-4; k-- {
		if m, ok := d.LongestAt(k, ownedPhones.Group); ok && m.To == n {
			return true
		}
	}
	return false
}

// ownedAfter reports "… for you", "… on file" within four words after byte
// end, in the same sentence: "is 555-201-3344 still the best number for you?"
func ownedAfter(d *lex.Doc, end int) bool {
	i := d.WordBefore(end) + 1
	if i >= len(d.Words) {
		return false
	}
	s := d.Words[i].Sentence
	for k := i; k < len(d.Words) && k < i+6 && d.Words[k].Sentence == s; k++ {
		if m, ok := d.LongestAt(k, ownedAfterWords.Group); ok && m.To <= len(d.Words) {
			return true
		}
	}
	return false
}

// practiceNumber reports a phone number the reply gives as the practice's
// though no "call us" precedes it: one standing alone as its own sentence
// ("… check your benefits for you! 555-0117"), one after "our", a staff
// role and an offer ("our nurses can tell you at 555-0112"), or after an invitation in
// another language ("llámanos al 555-0196").
func (pp *phiPass) practiceNumber(start, end int) bool {
	d := pp.d
	n := d.WordAt(start)
	if n < 0 {
		return false
	}
	sp := d.SentWords[d.Words[n].Sentence]
	if n == sp.Start && d.Words[sp.End-1].End <= end {
		return true
	}
	if pp.readerLine(sp.Start, n, start) {
		return true
	}
	for k := sp.Start; k < n; k++ {
		if (pp.is(k, cIntlInvites) || pp.is(k, cIntlCallVerbs)) && k >= n-3 {
			return true
		}
		if pp.is(k, cOurWords) && (pp.is(k+1, cStaffRoles) || pp.is(k+2, cStaffRoles) || d.Is(k+1, care.Clinicians) || d.Is(k+2, care.Clinicians)) &&
			(pp.is(k+2, cOfferModals) || pp.is(k+3, cOfferModals) || pp.is(k+4, cOfferModals)) {
			return true
		}
	}
	return false
}

// readerLine reports a number (at byte start, word n, its sentence from
// word from) that a "you" near it does not own: one set off by a colon or
// a dash after the sentence ("… can explain the options: 555-0100"), one where
// the practice acts with or for the reader ("talk it over with you at …",
// "look into coverage for you at …") or where the reader may act ("you can set up a
// visit at …"). A contact verb aimed at the reader ("we called you at",
// "follow up with you at", "check in with you at") still makes the
// number theirs.
func (pp *phiPass) readerLine(from, n, start int) bool {
	d := pp.d
	if n > from && !labelledBefore(d, start) && strings.ContainsAny(d.Text[d.Words[n-1].End:start], ":—–") {
		return true
	}
	for k := from; k < n; k++ {
		if d.Is(k, practice.ContactVerbs) || d.Is(k, practice.RecipientVerbs) {
			return false
		}
	}
	for k := n - 1; k >= from && k >= n-6; k-- {
		if !pp.is(k, cYouSubjects) && !d.Is(k, possessives) {
			continue
		}
		if k > from && pp.is(k-1, cLineLinks) && !(pp.is(k-1, cVerbParticles) && (pp.is(k-2, cCareVerbs) || pp.is(k-3, cCareVerbs))) {
			return true
		}
		if pp.is(k+1, cOfferModals) {
			return true
		}
		// "the front desk can settle it with you at …", "Nadia can take
		// you through it at …": staff offering the reader their time give
		// their own line.
		for j := k - 1; j >= from && j >= k-5; j-- {
			if !pp.is(j, cOfferModals) {
				continue
			}
			// "Glad to go over the plans with you at …": the writer's
			// own offer opens the sentence ("Can you …" asks the reader).
			if j == from {
				return !pp.is(j+1, cYouSubjects)
			}
			s := j - 1
			if d.Words[s].Lower == "is" && s > from {
				s-- // "Lupe is happy to …"
			}
			// "our clinicians can talk it over with you at …"
			if pp.is(s, cStaffRoles) || pp.staff[s] || d.Is(s, care.Clinicians) {
				return true
			}
		}
	}
	return false
}

// imperativeContact reports a phone number or address (at byte start) in a
// sentence that asks the reader to get in touch ("Please reach
// our liaison, Ari, at … or …", "Email your résumé to …"): whatever
// contact follows is where the reader writes or calls, never their own.
// "Call you at …" is no request to the reader.
func (pp *phiPass) imperativeContact(start int) bool {
	d := pp.d
	n := d.WordAt(start)
	if n < 0 {
		n = d.WordBefore(start)
	}
	if n < 0 {
		return false
	}
	sp := d.SentWords[d.Words[n].Sentence]
	for k := sp.Start; k < n; k++ {
		if d.Is(k, practice.ContactVerbs) && (k == sp.Start || d.Is(k-1, words.Please)) && !pp.is(k+1, cYouSubjects) {
			return true
		}
	}
	// The nearest contact verb aims at the writer's side ("text us or
	// ring Ruth, who runs our front desk, at …", "get in touch with our
	// nurses … at …"): the reader calls the practice there. "We'll call
	// you at …" aims at the reader.
	for k := n - 1; k >= sp.Start; k-- {
		if !d.Is(k, practice.ContactVerbs) {
			continue
		}
		for j := k + 1; j < n && j <= k+3; j++ {
			if pp.is(j, cYouSubjects) || d.Is(j, possessives) && !pp.is(j, cWriterSelf) {
				return false
			}
			if pp.is(j, cWriterSelf) {
				return true
			}
		}
		return false
	}
	return false
}

var lineMeans = &wordSets[listLineMeans]

// offeredLine reports a number (at byte start) that a verb of reaching
// someone offers as a way in, not as where the practice reached the
// reader: passive or as a means, with no person between the verb and the
// number ("the on-call nurse can be reached at", "book by calling the
// front desk at", "referrals can be faxed to", "Calling ahead at … is
// best"). "We tried calling your mom at" and "we reached you at" stay
// the reader's: a person stands between, or the practice did it.
func (pp *phiPass) offeredLine(start int) bool {
	d := pp.d
	i := d.WordBefore(start)
	if i < 0 {
		return false
	}
	s := d.Words[i].Sentence
	for k := i; k >= 0 && k > i-6 && d.Words[k].Sentence == s; k-- {
		if d.Is(k, practice.PersonalMarkers) || d.Is(k, practice.FirstPersonSubjects) {
			return false
		}
		if d.Is(k, practice.RecipientVerbs) {
			return k == d.SentWords[s].Start || inSet(d, k-1, lineMeans)
		}
	}
	return false
}

// practiceAddress reports a street address (at byte start) that no word
// near it gives to the reader and that the reply gives as the practice's
// or an event's: the writer speaks of themselves earlier in its sentence
// ("come celebrate with us … at 48 Linden Street"), or it answers a question that is not
// about the commenter ("Where are you located?").
func (pp *phiPass) practiceAddress(start int) bool {
	d := pp.d
	if practice.Owner(d, start) < 0 {
		return false
	}
	if n := d.WordAt(start); n >= 0 && sentToAddress(d, n) {
		return false // "we'll mail it to …": where the reader gets it
	}
	if pp.answersQuestion && !pp.personal {
		return true
	}
	n := d.WordAt(start)
	if n < 0 {
		return false
	}
	for k := d.SentWords[d.Words[n].Sentence].Start; k < n; k++ {
		if pp.is(k, cWriterSelf) {
			return true
		}
	}
	return false
}

// hit appends a hit over words [from, to): one call where each frame would
// make two (engine.wasm is built without inlining here, and every call site
// costs bytes).
func (pp *phiPass) hit(hits []phiHit, from, to int, msg string, src source) []phiHit {
	return append(hits, phiHit{pp.d.WordSpan(from, to), msg, src, int32(from) + 1})
}

// wordOf returns the index of the word at h's start, or of the first
// word after it, or -1 (text.Doc.WordAt): a hit made from words knows it.
func (pp *phiPass) wordOf(h *phiHit) int {
	if h.word > 0 {
		return int(h.word) - 1
	}
	return pp.d.WordAt(h.Start)
}
