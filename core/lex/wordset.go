package lex

import (
	"slices"

	"github.com/replyguard/replyguard/core/text"
)

// WordSet is a short list of words a rule compares a text's words with one
// at a time ("but", "however"): Has reads the word's hash before its text,
// so the many words in no set cost one bit test, not a string compare per
// entry. The answer is exactly slices.Contains(words, w.Lower).
type WordSet struct {
	words []string
	bloom uint64 // a bit per entry, chosen by the top 6 bits of its hash
}

// NewWordSet makes a set of words (lower-cased, as Word.Lower).
func NewWordSet(words []string) *WordSet {
	s := new(WordSet)
	s.fill(words)
	return s
}

func (s *WordSet) fill(words []string) {
	s.words, s.bloom = words, 0
	for _, w := range words {
		s.bloom |= 1 << (text.Hash(w) >> 58)
	}
}

// Has reports whether w's lower-cased form is in the set. A word's Hash is
// text.Hash of its Lower, so a word in the set always passes the bit test.
// The bit test inlines where Has is called; the compare, which few words
// reach, is one shared call (inlined at every call site it cost
// engine.wasm tens of KB).
func (s *WordSet) Has(w *text.Word) bool {
	return s.bloom&(1<<(w.Hash>>58)) != 0 && s.contains(w.Lower)
}

//go:noinline
func (s *WordSet) contains(lower string) bool { return slices.Contains(s.words, lower) }
