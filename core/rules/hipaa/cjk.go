package hipaa

import (
	"strings"

	"github.com/replyguard/replyguard/core/text"
)

// Care in Chinese, Japanese and Korean. These scripts put no spaces
// between words (Korean puts them between phrases, with particles glued
// on), so the word classes that find care, a person and a time in other
// languages see one long "word" per clause. Here the text itself is read,
// a sentence (ended by 。！？ or . ! ?) at a time: care words, references
// to a person (the reader, a relative, a title after a name: "王阿姨",
// "박지훈님", "ゆいちゃん") and times (a day, "上次", "下午3點", "15日",
// "3시") are found as runs of characters, and a sentence that ties a
// person to care is a disclosure as plain as "your root canal": a firm
// one, which the score may not demote; the care words are its spans.
// Care tied only by a time in its sentence, by a name elsewhere in the
// reply or by a comment in which the writer speaks of their own care
// stays weak ("您" in another sentence ties nothing:
// "部分保險有針灸給付。…幫您查詢" is general). A sentence that offers,
// gives hours or states a condition ("歡迎", "부터", "如果") ties no one.

// The lists that are read once per check are indexed where they are read
// (dataLists[listIntlGeneralCJK]): a variable for each costs wasm init
// code.
var (
	intlYouCJK  = dataLists[listIntlYouCJK]
	intlDaysCJK = dataLists[listIntlDaysCJK]
	intlMineCJK = dataLists[listIntlMineCJK]
)

// cjkTimed reports digits followed by a unit of date or clock time in s:
// "15日", "3點", "3시".
func cjkTimed(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		// Each unit is one character, three bytes.
		if text.IsDigit(s[i]) && !text.IsDigit(s[i+1]) && containsAny(s[i+1:i+4], dataLists[listIntlTimeUnitsCJK]) {
			return true
		}
	}
	return false
}

// cjkTitled reports a title in s ("王阿姨", "박지훈님"). In Japanese (kana)
// "先生" is a doctor, one of the staff (intl_staff_titles_c_j_k).
func cjkTitled(s string, kana bool) bool {
	for _, e := range dataLists[listIntlTitlesCJK] {
		if strings.Contains(s, e) && !(kana && containsAny(e, dataLists[listIntlStaffTitlesCJK])) {
			return true
		}
	}
	return false
}

// hasKana reports hiragana or katakana (U+3040–U+30FF): Japanese text.
func hasKana(t string) bool {
	for i := 0; i+1 < len(t); i++ {
		if t[i] == 0xE3 && t[i+1] >= 0x81 && t[i+1] <= 0x83 {
			return true
		}
	}
	return false
}

// cjkSentenceEnd is the end of the sentence of t that starts at byte i:
// after 。！？ or . ! ? or a newline.
func cjkSentenceEnd(t string, i int) int {
	j := strings.IndexAny(t[i:], "。！？.!?\n")
	if j < 0 {
		return len(t)
	}
	if t[i+j] >= 0x80 {
		return i + j + 3 // 。！？ are three bytes each
	}
	return i + j + 1
}

// cjkHits finds care in Chinese, Japanese and Korean tied to a person (see
// the comment at the top of this file).
func (pp *phiPass) cjkHits() []phiHit {
	d := pp.d
	if !wordsHaveCJK(d) {
		return nil
	}
	t := d.Text
	kana := hasKana(t)
	// A name with its title anywhere ("谢谢李先生！拔牙后…") addresses the
	// reply to someone; "您" alone ("幫您查詢") does not. So does a comment
	// in which the writer speaks of their own care ("我").
	weakTie := cjkTitled(t, kana) || pp.comment != nil && pp.comment.HasSubstring(intlMineCJK)
	var hits []phiHit
	for from, to := 0, 0; from < len(t); from = to {
		to = cjkSentenceEnd(t, from)
		s := t[from:to]
		if containsAny(s, dataLists[listIntlGeneralCJK]) {
			continue
		}
		src := srcIntlCJK
		if !containsAny(s, intlYouCJK) && !cjkTitled(s, kana) {
			src = srcIntl // weak: tied by a time, a name elsewhere or the comment
			if !weakTie && !containsAny(s, intlDaysCJK) && !cjkTimed(s) {
				continue
			}
		}
		for _, e := range intlCareCJK {
			for off := 0; ; {
				i := strings.Index(s[off:], e)
				if i < 0 {
					break
				}
				off += i + len(e)
				hits = append(hits, phiHit{text.Span{Start: from + off - len(e), End: from + off}, details, src, 0})
			}
		}
	}
	return hits
}
