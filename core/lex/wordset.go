package lex

import (
	"github.com/replyguard/replyguard/core/text"
)

// WordSet is a short list of words a rule compares a text's words with one
// at a time ("but", "however"): Has reads the word's hash before its text,
// so the many words in no set cost one bit test, not a string compare per
// entry. The answer is exactly slices.Contains(words, w.Lower).
type WordSet struct {
	words  []string
	hashes []uint64 // hashes[i] is text.Hash(words[i])
	bloom  uint64   // a bit per entry, chosen by the top 6 bits of its hash
	// filter has a bit per entry chosen by 8 other bits of its hash: a set
	// of more than a dozen words fills bloom, and filter then keeps most
	// words out of the scan.
	filter [4]uint64
}

// NewWordSet makes a set of words (lower-cased, as Word.Lower).
func NewWordSet(words []string) *WordSet {
	s := new(WordSet)
	s.fill(words)
	return s
}

func (s *WordSet) fill(words []string) {
	s.words, s.bloom, s.filter = words, 0, [4]uint64{}
	s.hashes = make([]uint64, len(words))
	for i, w := range words {
		h := text.Hash(w)
		s.hashes[i] = h
		s.bloom |= 1 << (h >> 58)
		s.filter[h>>50&3] |= 1 << (h >> 44 & 63)
	}
}

// Has reports whether w's lower-cased form is in the set. A word's Hash is
// text.Hash of its Lower, so a word in the set always passes the bit test.
// The bit test inlines where Has is called; the compare, which few words
// reach, is one shared call (inlined at every call site it cost
// engine.wasm tens of KB).
func (s *WordSet) Has(w *text.Word) bool {
	return s.bloom&(1<<(w.Hash>>58)) != 0 && s.contains(w)
}

// contains tests w's bit in filter, then compares hashes before text: a
// string compare per entry cost more than the 64-bit compare that rules
// nearly all of them out. An entry equal to w.Lower has w.Hash as its
// hash, so the answer is that of slices.Contains(s.words, w.Lower).
//
//go:noinline
func (s *WordSet) contains(w *text.Word) bool {
	h, lower := w.Hash, w.Lower
	if s.filter[h>>50&3]&(1<<(h>>44&63)) == 0 {
		return false
	}
	words := s.words[:len(s.hashes)]
	for i, x := range s.hashes {
		if x == h && words[i] == lower {
			return true
		}
	}
	return false
}
