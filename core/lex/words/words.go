// Package words holds closed-class word lists several analyses and rules
// read: the writer speaking of themselves, negation, politeness.
package words

import "github.com/replyguard/replyguard/core/lex"

var (
	// FirstPerson: "I", "my", "we", "our".
	FirstPerson = lex.FromData("words/first_person", listText[listFirstPerson])
	// Negators turn what follows around: "not", "never", "nobody".
	Negators = lex.FromData("words/negators", listText[listNegators])
	// Please softens a request.
	Please = lex.FromData("words/please", listText[listPlease])
)
