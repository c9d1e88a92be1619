// Package words holds closed-class word lists several analyses and rules
// read: the writer speaking of themselves, negation, politeness.
package words

var (
	// FirstPerson: "I", "my", "we", "our".
	FirstPerson = &vocabLists[listFirstPerson]
	// Negators turn what follows around: "not", "never", "nobody".
	Negators = &vocabLists[listNegators]
	// Please softens a request.
	Please = &vocabLists[listPlease]
)
