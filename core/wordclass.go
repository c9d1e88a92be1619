package core

import (
	"slices"
	"strings"
	"sync"
)

// Rules test each word against dozens of fixed word lists. Rather than one
// map lookup per list per word, every list gets a bit; a Doc looks each
// word up once in a process-wide table of those bits (classOf), and testing
// a list is then a bit test (lexSet.at).

// lexSet is a fixed word list with its own bit in the per-word class mask.
type lexSet struct {
	words wordSet
	idx   int    // which word of a classMask holds the bit
	mask  uint64 // the bit
}

// classMask has one bit per lexSet.
type classMask [2]uint64

var lexSets []*lexSet

// newLexSet registers a word list. Call it only from package-level variable
// declarations, so every list exists before the table is first built.
// Not inlined: ~80 lists would each copy its body into the package's init
// (about 100 KB of engine.wasm).
//
//go:noinline
func newLexSet(words ...string) *lexSet {
	n := len(lexSets)
	if n >= 64*len(classMask{}) {
		panic("core: too many word lists for classMask; make it wider")
	}
	s := &lexSet{words: newWordSet(words...), idx: n / 64, mask: 1 << (n % 64)}
	lexSets = append(lexSets, s)
	return s
}

// has reports whether w is in the list, for strings that are not Doc words.
func (s *lexSet) has(w string) bool { return s.words[w] }

// at reports whether word i of d is in the list.
func (s *lexSet) at(d *Doc, i int) bool {
	if !d.clsDone {
		d.classOf(i)
	}
	return d.cls[i][s.idx]&s.mask != 0
}

// in reports whether a word's class mask includes the list.
func (s *lexSet) in(m classMask) bool { return m[s.idx]&s.mask != 0 }

// lexTable maps a word to its class mask by open addressing on the hash the
// tokenizer already computed, so a lookup hashes nothing.
type lexTable struct {
	slots   []lexSlot // at most half full; small, so probes stay in cache
	entries []lexEntry
	mask    uint64
}

type lexSlot struct {
	hash  uint64
	entry int32 // index into entries plus one; 0 is empty
}

type lexEntry struct {
	word  string
	class classMask
}

var lexClasses = sync.OnceValue(func() *lexTable {
	all := map[string]classMask{}
	for _, s := range lexSets {
		for w := range s.words {
			m := all[w]
			m[s.idx] |= s.mask
			all[w] = m
		}
	}
	size := 1
	for size < 2*len(all) {
		size *= 2
	}
	t := &lexTable{slots: make([]lexSlot, size), mask: uint64(size - 1)}
	for w, m := range all {
		h := fnv64(w)
		k := h & t.mask
		for t.slots[k].entry != 0 {
			k = (k + 1) & t.mask
		}
		t.entries = append(t.entries, lexEntry{w, m})
		t.slots[k] = lexSlot{hash: h, entry: int32(len(t.entries))}
	}
	return t
})

func (t *lexTable) lookup(w *Word) classMask {
	for k := w.hash & t.mask; ; k = (k + 1) & t.mask {
		s := t.slots[k]
		if s.entry == 0 {
			return classMask{}
		}
		if e := &t.entries[s.entry-1]; s.hash == w.hash && e.word == w.Lower {
			return e.class
		}
	}
}

// classOf returns word i's class mask, looking every word up on first use.
func (d *Doc) classOf(i int) classMask {
	if !d.clsDone {
		t := lexClasses()
		d.cls = slices.Grow(d.cls[:0], len(d.Words))[:len(d.Words)]
		d.clsDone = true
		for k := range d.Words {
			d.cls[k] = t.lookup(&d.Words[k])
		}
	}
	return d.cls[i]
}

// anyClass returns the union of every word's class mask: "is any word of
// the text in this list" is then one bit test.
func (d *Doc) anyClass() classMask {
	if d.anyDone {
		return d.any // several rules ask, once per check
	}
	var all classMask
	for i := range d.Words {
		m := d.classOf(i)
		for k := range all {
			all[k] |= m[k]
		}
	}
	d.any, d.anyDone = all, true
	return all
}

// fields splits a word list written as one string: one string costs
// engine.wasm less than a long argument list.
//
//go:noinline
func fields(s string) []string { return strings.Fields(s) }
