package hipaa

import (
	"strings"

	"github.com/replyguard/replyguard/core/lex/care"
)

// A person's numbered place on the practice's list: "you're #4 in line",
// "your daughter is #12 on the feeding list", "she's #14 on the
// waitlist". Being on it confirms the care they are waiting for.
var queueWords = &wordSets[listQueueWords]

// queuedAt reads the frame at the number word i written after "#" and
// returns the span from the person to the list, or 0, 0.
func (pp *phiPass) queuedAt(i int) (from, to int) {
	d := pp.d
	if st := d.Words[i].Start; i == 0 || st == 0 || d.Text[st-1] != '#' || !pp.sameClause(i-1, i) || pp.conditional(i) {
		return 0, 0
	}
	// The list, a few words on: "#12 on the feeding list", "#4 in line".
	to = 0
	for k := i + 1; k <= i+4 && pp.sameClause(i, k); k++ {
		if inSet(d, k, queueWords) {
			to = k + 1
			break
		}
	}
	if to == 0 {
		return 0, 0
	}
	// The person before it: "you're", "she's", or "you", "he", a
	// relative owned or a name before "is" or "was".
	p := i - 1
	if inSet(d, p, stayBe) {
		k := p - 1
		switch {
		case k < 0 || !pp.sameClause(k, p):
			return 0, 0
		case (d.Is(k, youWords) || d.Is(k, thirdWords)) && !d.Is(k, possessives), pp.nameAt(k):
			return k, to
		case d.Is(k, care.Family) && k > 0 && d.Is(k-1, possessives) && pp.sameClause(k-1, k):
			return k - 1, to
		}
		return 0, 0
	}
	if w := d.Words[p].Lower; (strings.HasSuffix(w, "'re") || strings.HasSuffix(w, "'s")) && (d.Is(p, youWords) || d.Is(p, thirdWords)) && !d.Is(p, possessives) {
		return p, to
	}
	return 0, 0
}
