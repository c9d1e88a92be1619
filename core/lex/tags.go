package lex

import "strconv"

// Tags gives single words a caller's bits (a uint64 each), read off the
// word ids the walk looks up anyway: a rule that classes every word of a
// reply (hipaa's closed-class words) then makes no lookup of its own.
// Register a Tags, like a List, in a package-level variable declaration.
type Tags struct {
	words []string // until the vocabulary is built
	bits  []uint64
	// idx[w] is where word id w's bits are in vals (0: none, vals[0] is 0);
	// most words have none, so an index, not the bits, per word id.
	idx  []uint16
	vals []uint64
}

var tagTables []*Tags

// NewTags gives each of words the bits of the same index; a word given
// twice has both ORed. A word is matched as a text's word is lowered (see
// text.Word.Lower), so entries are single lower-case tokens.
//
//go:noinline
func NewTags(words []string, bits []uint64) *Tags {
	mu.Lock()
	defer mu.Unlock()
	if frozen {
		panic("lex: tags registered after the vocabulary was built")
	}
	if len(words) != len(bits) {
		panic("lex: NewTags given " + strconv.Itoa(len(words)) + " words and " + strconv.Itoa(len(bits)) + " bit sets")
	}
	tg := &Tags{words: words, bits: bits}
	tagTables = append(tagTables, tg)
	return tg
}

// internTags adds every tag word to t, which is still being built.
func internTags(t *trie) {
	for _, tg := range tagTables {
		for _, w := range tg.words {
			t.intern(w)
		}
	}
}

// indexTags fills every table's idx once t holds all its words. A table's
// different bit sets are few: a search of vals finds a word's, with no map.
func indexTags(t *trie) {
	for _, tg := range tagTables {
		tg.idx, tg.vals = make([]uint16, len(t.first)), []uint64{0}
		for k, w := range tg.words {
			id := t.wordID(hashWord(w), w)
			b := tg.vals[tg.idx[id]] | tg.bits[k]
			j := 0
			for j < len(tg.vals) && tg.vals[j] != b {
				j++
			}
			if j == len(tg.vals) {
				if j > 0xffff {
					panic("lex: a Tags table has more than 65,535 different bit sets")
				}
				tg.vals = append(tg.vals, b)
			}
			tg.idx[id] = uint16(j)
		}
		tg.words, tg.bits = nil, nil
	}
}

// Tags returns the bits tg gives word i (0 out of range or for a word
// without any).
func (d *Doc) Tags(i int, tg *Tags) uint64 {
	if uint(i) >= uint(len(d.wid)) {
		return 0
	}
	w := d.wid[i]
	if w < 0 {
		return 0
	}
	return tg.vals[tg.idx[w]]
}
