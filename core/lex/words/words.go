// Package words holds closed-class word lists several analyses and rules
// read: the writer speaking of themselves, negation, politeness.
package words

import "github.com/replyguard/replyguard/core/lex"

var (
	// FirstPerson: "I", "my", "we", "our".
	FirstPerson = lex.New("words/first_person", lex.Data(listFirstPerson)...)
	// Negators turn what follows around: "not", "never", "nobody".
	Negators = lex.New("words/negators", lex.Data(listNegators)...)
	// Please softens a request.
	Please = lex.New("words/please", lex.Data(listPlease)...)
)
