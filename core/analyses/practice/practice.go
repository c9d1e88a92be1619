// Package practice knows the practice's own identity (contacts, staff, page
// names from the policy) and finds, in a reply, the words that name its own
// people and the contacts that are its own: none of them is a patient's.
package practice

import (
	"strings"

	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
)

// Identity is the practice's own contacts and people, normalised once per policy.
type Identity struct {
	Phones     map[string]bool // last 7 and 10 digits of the practice's numbers
	Emails     map[string]bool
	Domains    map[string]bool
	StaffWords map[string]bool // lower-cased words of staff names and allowed names
	PageWords  map[string]bool
	Addresses  [][]string // tokens of each address
	// staffBits and pageBits have a bit per word of StaffWords and
	// PageWords, chosen by the top 6 bits of its text.Hash: most words of a
	// reply (whose Hash is text.Hash of its Lower) are ruled out by a bit
	// test, not a map lookup (StaffWord, PageWord).
	staffBits, pageBits uint64
	// Contact is the first phone or email, for suggested rewrites ("" if none).
	Contact string
}

// Facts are the analyzer's result for one reply.
type Facts struct {
	*Identity
	// Staff[i]: word i names the practice's own people or the practice.
	Staff []bool
}

// Analyzer finds the practice's own people in the reply.
var Analyzer = &analysis.Analyzer{
	Name:    "practice",
	Doc:     "the practice's own contacts and the words of a reply that name its staff",
	Prepare: func(c *analysis.Config) any { return NewIdentity(c) },
	Run: func(p *analysis.Pass) any {
		f := &factsBuf{Facts: Facts{Identity: p.Prepared.(*Identity)}}
		f.Staff = f.staffNames(p.Reply, f.buf[:])
		return &f.Facts
	},
}

// factsBuf is Facts with room for a short reply's Staff: one allocation
// per check instead of two.
type factsBuf struct {
	Facts
	buf [64]bool
}

// Of returns the analyzer's result in a pass that requires it.
func Of(p *analysis.Pass) *Facts { return p.ResultOf(Analyzer).(*Facts) }

// NewIdentity normalises the practice's contacts and names.
func NewIdentity(c *analysis.Config) *Identity {
	id := &Identity{Phones: map[string]bool{}, Emails: map[string]bool{}, Domains: map[string]bool{},
		StaffWords: map[string]bool{}, PageWords: map[string]bool{}}
	pr := c.Practice
	for _, ph := range pr.Phones {
		if d := text.DigitsOf(ph); len(d) >= 7 {
			id.Phones[d[len(d)-7:]] = true
			if len(d) >= 10 {
				id.Phones[d[len(d)-10:]] = true
			}
		}
	}
	for _, e := range pr.Emails {
		e = strings.ToLower(strings.TrimSpace(e))
		id.Emails[e] = true
		if at := strings.LastIndexByte(e, '@'); at >= 0 {
			id.Domains[e[at+1:]] = true
		}
	}
	for _, w := range pr.Websites {
		if h := hostOf(w); h != "" {
			id.Domains[h] = true
		}
	}
	for _, n := range append(append([]string{}, pr.StaffNames...), c.AllowNames...) {
		for _, w := range text.Tokens(n) {
			id.StaffWords[w] = true
			id.staffBits |= hashBit(text.Hash(w))
		}
	}
	for _, n := range append(append([]string{}, pr.PageNames...), pr.Name) {
		for _, w := range text.Tokens(n) {
			id.PageWords[w] = true
			id.pageBits |= hashBit(text.Hash(w))
		}
	}
	for _, a := range pr.Addresses {
		id.Addresses = append(id.Addresses, text.Tokens(a))
	}
	switch {
	case len(pr.Phones) > 0:
		id.Contact = pr.Phones[0]
	case len(pr.Emails) > 0:
		id.Contact = pr.Emails[0]
	}
	return id
}

// hashBit is a word hash's bit in staffBits and pageBits.
func hashBit(h uint64) uint64 { return 1 << (h >> 58) }

// StaffWord reports whether the reply word w (its Hash text.Hash of its
// Lower, as the tokenizer makes it) is in StaffWords: the hash's bit first.
func (id *Identity) StaffWord(w *text.Word) bool {
	return id.staffBits&hashBit(w.Hash) != 0 && in(id.StaffWords, w.Lower)
}

// PageWord reports whether the reply word w is in PageWords, as StaffWord.
func (id *Identity) PageWord(w *text.Word) bool {
	return id.pageBits&hashBit(w.Hash) != 0 && in(id.PageWords, w.Lower)
}

// in is m[s]: the map lookup, which few words reach, is one shared call
// (inlined at every caller of StaffWord and PageWord it cost engine.wasm
// more than a kilobyte).
//
//go:noinline
func in(m map[string]bool, s string) bool { return m[s] }

// OwnPhone reports one of the practice's numbers (by its last 10 or 7 digits).
func (id *Identity) OwnPhone(digits string) bool {
	return id.Phones[lastN(digits, 10)] || id.Phones[lastN(digits, 7)]
}

// OwnAddress reports a street number and name of one of the practice's addresses.
func (id *Identity) OwnAddress(number, street string) bool {
	for _, ws := range id.Addresses {
		for i := 0; i+1 < len(ws); i++ {
			if ws[i] == number && ws[i+1] == street {
				return true
			}
		}
	}
	return false
}

func lastN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

// hostOf extracts a lower-cased host from a URL or bare domain, without "www.".
func hostOf(u string) string {
	u = strings.ToLower(strings.TrimSpace(u))
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		u = u[:i]
	}
	return strings.TrimPrefix(u, "www.")
}

var StaffTitles = &vocabLists[listStaffTitles]
var contactVerbs = &vocabLists[listContactVerbs]
var signoffWords = &vocabLists[listSignoffWords]
var roleWords = &vocabLists[listRoleWords]

// staffFlags reads a word's staff lists in one look at its bit set: most
// words are in none of them, and staffNames then skips them at once.
const (
	flagTitle = 1 << iota
	flagContact
	flagRole
)

var staffFlags = lex.NewFlags([]*lex.List{StaffTitles, contactVerbs, roleWords}, []uint32{flagTitle, flagContact, flagRole})

// Words that tie a name to a contact verb or a role: function words, so
// tags read off each word's id (lex.Tags), not lists (which the scorer
// would count).
const (
	tagParticle = 1 << iota
	tagRoleLink
	tagRoleLinkFar
)

var linkTags = func() *lex.Tags {
	var words []string
	var bits []uint64
	for _, l := range []struct {
		list int // index in listText
		bit  uint64
	}{{listContactParticles, tagParticle}, {listRoleLinks, tagRoleLink}, {listRoleLinksFar, tagRoleLinkFar}} {
		for _, w := range lex.Data(listText[l.list]) {
			words, bits = append(words, w), append(bits, l.bit)
		}
	}
	return lex.NewTags(words, bits)
}()

// selfIntroductions are compared with the text's words directly.
var selfIntroductions = phrases(dataLists[listSelfIntroductions])

// phraseSet is entries split into words, with the hash (text.Hash, as
// Word.Hash) of each entry's last word in a slice of its own: endsPhrase
// runs at every word, and the last word rules out nearly every entry.
type phraseSet struct {
	words [][]string
	last  []uint64
	// lastBits has bit h>>58 set for the hash h of every last word: most
	// words are ruled out by one bit test, before the loop over last.
	lastBits uint64
}

// phrases splits each entry into its words.
func phrases(entries []string) phraseSet {
	var ps phraseSet
	for _, e := range entries {
		if ws := strings.Fields(e); len(ws) > 0 {
			ps.words = append(ps.words, ws)
			h := text.Hash(ws[len(ws)-1])
			ps.last = append(ps.last, h)
			ps.lastBits |= 1 << (h >> 58)
		}
	}
	return ps
}

// mayEnd reports whether a word of hash h may be some entry's last word:
// inlined, so most words cost the caller no call of endsPhrase.
func (ps *phraseSet) mayEnd(h uint64) bool { return ps.lastBits&(1<<(h>>58)) != 0 }

// endsPhrase reports whether words ..i of d are one of ps.
func endsPhrase(d *lex.Doc, i int, ps *phraseSet) bool {
	h := d.Words[i].Hash
	for j, x := range ps.last {
		if x != h {
			continue
		}
		p := ps.words[j]
		if i+1 < len(p) {
			continue
		}
		ok := true
		for k, w := range p {
			if d.Words[i+1-len(p)+k].Lower != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// staffNames marks words that name the practice's own people: staff from the
// policy, titled clinicians ("Dr. Patel"), signatures ("— Maria, Office
// Manager"), self-introductions ("I'm Maria") and named contacts ("ask for Maria").
// into is used for the result when it is long enough.
func (id *Identity) staffNames(d *lex.Doc, into []bool) []bool {
	var staff []bool
	if len(d.Words) <= cap(into) {
		staff = into[:len(d.Words)]
		clear(staff)
	} else {
		staff = make([]bool, len(d.Words))
	}
	words := d.Words
	// A word of the reply always has its Shape: capitals are one bit test.
	capital := func(k int) bool { return words[k].Shape&text.Capitalized != 0 }
	markFrom := func(i int) {
		for k := i; k < len(words) && k < i+3 && capital(k); k++ {
			staff[k] = true
		}
	}
	names := len(id.StaffWords) > 0 || len(id.PageWords) > 0
	for i := range words {
		w := &words[i]
		capd := w.Shape&text.Capitalized != 0
		fl := d.Flags(i, staffFlags)
		if !capd && fl == 0 && !selfIntroductions.mayEnd(w.Hash) && w.Lower != "advocate" {
			continue // nothing below starts at this word
		}
		if capd && names && (id.StaffWord(w) || id.PageWord(w)) {
			staff[i] = true
		}
		if fl&flagTitle != 0 && i+1 < len(words) {
			markFrom(i + 1)
		}
		if fl&flagContact != 0 && i+1 < len(words) {
			k := i + 1
			if d.Tags(k, linkTags)&tagParticle != 0 && k+1 < len(words) {
				k++
			}
			// "I see Emily's refill": the contact is with what is hers,
			// not with her.
			if capital(k) && !possessiveWord(&words[k]) {
				markFrom(k)
			}
		}
		// "I'm Maria", "this is Maria", "my name is Maria"; not a
		// possessive ("this is Emma's third cold"), which introduces
		// something of hers, not the writer.
		if i+1 < len(words) && selfIntroductions.mayEnd(w.Hash) && endsPhrase(d, i, &selfIntroductions) && !possessiveWord(&words[i+1]) {
			markFrom(i + 1)
		}
		if capd && i+2 < len(words) {
			// "Maria, our office manager" / "Maria from the front desk" / "Maria here".
			n1 := d.Tags(i+1, linkTags)
			if n1&tagRoleLink != 0 && d.Is(i+2, roleWords) {
				staff[i] = true
			}
			if i+3 < len(words) && n1&tagRoleLinkFar != 0 && d.Is(i+3, roleWords) {
				staff[i] = true
			}
		}
		if capd && i+1 < len(words) && words[i+1].Lower == "here" {
			staff[i] = true
		}
		// "our billing manager, Luis," / "our clinic director, Ahmed".
		if fl&(flagRole|flagTitle) != 0 || w.Lower == "advocate" {
			k := i + 1
			if k < len(words) && strings.TrimSpace(d.Text[w.End:words[k].Start]) == "," && capital(k) {
				markFrom(k)
			}
		}
	}
	markSignatures(d, staff)
	return staff
}

// sigDashes returns the sign-off dashes to look for in a window: none when it
// has no dash byte ("-", "~", or the lead byte of "—" and "–"), which is
// most lines, so they cost three byte scans instead of seven searches.
func sigDashes(window string) []string {
	if strings.IndexByte(window, '-') < 0 && strings.IndexByte(window, '~') < 0 && strings.IndexByte(window, 0xe2) < 0 {
		return nil
	}
	return signatureDashes
}

// countFields is len(strings.Fields(s)) without the slice.
func countFields(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}

// signatureOpeners start a sign-off line: matched on the line's start.
var signatureOpeners = dataLists[listSignatureOpeners]

var signatureDashes = []string{" - ", " — ", " – ", " ~", " -", " —", " –"}

// markSignatures marks names on a sign-off line: one that starts with a dash
// or tilde, or a short last line with a role word or sign-off.
func markSignatures(d *lex.Doc, staff []bool) {
	t := d.Text
	lines := d.HasByte('\n') // else one line, found with no scan
	lineStart := 0
	for lineStart <= len(t) {
		end := -1
		if lines {
			end = strings.IndexByte(t[lineStart:], '\n')
		}
		if end < 0 {
			end = len(t)
		} else {
			end += lineStart
		}
		line := strings.TrimSpace(t[lineStart:end])
		isSig := false
		for _, p := range signatureOpeners {
			if text.HasPrefixFold(line, p) {
				isSig = true
			}
		}
		// Also a trailing " - Maria" / " — Maria, Office Manager" inside a line.
		sigFrom := lineStart
		if !isSig {
			// Only a dash in the line's last 60 bytes counts, so search just
			// there: the last match in the window is the line's last match.
			from := max(lineStart, end-60)
			for _, p := range sigDashes(t[from:end]) {
				if k := strings.LastIndex(t[from:end], p); k >= 0 {
					tail := strings.TrimSpace(t[from+k+len(p) : end])
					if n := countFields(tail); n >= 1 && n <= 6 && tail != "" && tail[0] >= 'A' && tail[0] <= 'Z' {
						isSig, sigFrom = true, from+k
					}
				}
			}
		}
		if !isSig && end == len(t) && len(line) <= 80 {
			if n := countFields(line); n > 0 && n <= 5 {
				for f := range strings.FieldsSeq(line) {
					// HasAny lowers by itself, and looks the field up once
					// for both lists.
					if lex.HasAny(strings.Trim(f, ",.!"), roleWords, signoffWords) {
						isSig = true
						break
					}
				}
			}
		}
		if isSig {
			for i := d.WordBefore(sigFrom) + 1; i >= 0 && i < len(d.Words) && d.Words[i].End <= end; i++ {
				if d.Words[i].Start >= sigFrom && d.Words[i].Shape&text.Capitalized != 0 {
					staff[i] = true
				}
			}
		}
		if end == len(t) {
			break
		}
		lineStart = end + 1
	}
}

var practiceMarkers = &vocabLists[listPracticeMarkers]

// RecipientVerbs make what follows the reader's: "we sent it to jane@…".
var RecipientVerbs = &vocabLists[listRecipientVerbs]

// PersonalMarkers make what follows the reader's: "we'll call you at".
var PersonalMarkers = &vocabLists[listPersonalMarkers]

// Owner reads up to six words before byte offset at (same sentence) and
// returns +1 when the nearest marker is the practice's ("call us at"),
// -1 when it is the reader's ("we'll call you at"), 0 when unknown.
func Owner(d *lex.Doc, at int) int {
	i := d.WordBefore(at)
	if i < 0 {
		return 0
	}
	sent := -1
	for k := i; k >= 0 && k > i-6; k-- {
		w := &d.Words[k]
		if sent == -1 {
			sent = w.Sentence
		} else if w.Sentence != sent {
			break
		}
		if d.Is(k, RecipientVerbs) && k < i && !hasUsAfter(d, k, i) {
			return -1
		}
		if d.Is(k, practiceMarkers) {
			return 1
		}
		if d.Is(k, PersonalMarkers) {
			return -1
		}
	}
	return 0
}

var ContactVerbs = &vocabLists[listContactVerbsImperative]
var FirstPersonSubjects = &vocabLists[listFirstPersonSubjects]

// InvitedContact reports "call (us|ahead|her directly) at NUMBER" or
// "email NAME@…": the reader is invited to reach the practice.
func InvitedContact(d *lex.Doc, at int) bool {
	i := d.WordBefore(at)
	for k := i; k >= 0 && k > i-6; k-- {
		if d.Words[k].Sentence != d.Words[i].Sentence {
			break
		}
		if d.Is(k, ContactVerbs) {
			return k == 0 || !d.Is(k-1, FirstPersonSubjects)
		}
	}
	return false
}

// hasUsAfter reports "us"/"our" between words k and i ("email us at").
func hasUsAfter(d *lex.Doc, k, i int) bool {
	for j := k + 1; j <= i; j++ {
		if l := d.Words[j].Lower; l == "us" || l == "our" {
			return true
		}
	}
	return false
}

// possessiveWord reports a word ending in "'s" (the shape bit first: only
// a word with an apostrophe can).
func possessiveWord(w *text.Word) bool {
	return w.Shape&text.HasApostrophe != 0 && strings.HasSuffix(w.Lower, "'s")
}
