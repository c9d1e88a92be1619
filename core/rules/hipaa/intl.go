package hipaa

import (
	"strings"

	"github.com/replyguard/replyguard/core/lex"
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
var intlCare = lex.New("hipaa/intl_care", lex.Data(listIntlCare)...)

// intlCareCJK are care words in scripts written without spaces, found as
// substrings.
var intlCareCJK = lex.Data(listIntlCareCJK)

// intlYou address the reader; intlDays name a day or a time; intlMine in a
// comment means the writer speaks of their own care ("mi mamá", "mon fils").
var (
	intlYou   = lex.New("hipaa/intl_you", lex.Data(listIntlYou)...)
	intlDays  = lex.New("hipaa/intl_days", lex.Data(listIntlDays)...)
	intlMine  = lex.New("hipaa/intl_mine", lex.Data(listIntlMine)...)
	intlOffer = lex.New("hipaa/intl_offer", lex.Data(listIntlOffer)...)
)

var (
	intlYouCJK  = lex.Data(listIntlYouCJK)
	intlDaysCJK = lex.Data(listIntlDaysCJK)
	intlMineCJK = lex.Data(listIntlMineCJK)
)

// hasCJK reports Han, Hangul or kana text (UTF-8 lead bytes 0xE3–0xED).
func hasCJK(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0xE3 && c <= 0xED {
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
	cjk := hasCJK(d.Text)
	var spans []text.Span
	for _, m := range d.Find(intlCare.Group) {
		spans = append(spans, d.WordSpan(m.From, m.To))
	}
	if cjk {
		for _, t := range intlCareCJK {
			for off := 0; ; {
				i := strings.Index(d.Text[off:], t)
				if i < 0 {
					break
				}
				spans = append(spans, text.Span{Start: off + i, End: off + i + len(t)})
				off += i + len(t)
			}
		}
	}
	if len(spans) == 0 {
		return nil
	}
	if d.Contains(intlOffer) {
		return nil // "Ofrecemos limpiezas los sábados": a service, not a person's care
	}
	tied := d.Contains(intlYou) || d.Contains(intlDays) || (cjk && (containsAny(d.Text, intlYouCJK) || containsAny(d.Text, intlDaysCJK)))
	if !tied && pp.comment != nil {
		cd := pp.comment
		tied = cd.Contains(intlMine) || (hasCJK(cd.Text) && containsAny(cd.Text, intlMineCJK))
	}
	if !tied {
		return nil
	}
	hits := make([]phiHit, len(spans))
	for k, sp := range spans {
		hits[k] = phiHit{sp, "mentions the person's care details"}
	}
	return hits
}
