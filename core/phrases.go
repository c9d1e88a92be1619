package core

import (
	"slices"
	"strings"
)

// phraseSet matches multi-word phrases against a Doc's words in one pass.
// Phrases are tokenised with the same tokenizer as the text, so "x-ray",
// "you're" and "root canal" match however the text spaces or cases them.
// Phrases form a trie walked word by word, so matching at a word costs one
// table probe per word matched, and the whole pass stays linear.
type phraseSet struct {
	nodes  []phraseNode // nodes[0] is the root
	edges  []phraseEdge
	slots  []int32 // open-addressing table over edges, index plus one; 0 is empty
	maxLen int
	// filter has a bit per hash of every first word, so most words are
	// rejected with one bit test before probing the table.
	filter []uint64
	fmask  uint64 // 64*len(filter) - 1
}

// phraseNode ends the phrases in tags (in the order they were added) when
// tags is not empty.
type phraseNode struct {
	tags []string
}

// phraseEdge leads from node parent to node child on word.
type phraseEdge struct {
	parent, child int32
	hash          uint64 // fnv64(word), as Word.hash
	word          string
}

// phraseMatch is one match: words [From, To) of the Doc.
type phraseMatch struct {
	From, To int
	Tag      string
}

func newPhraseSet() *phraseSet {
	return &phraseSet{nodes: make([]phraseNode, 1), filter: make([]uint64, 1), fmask: 63}
}

// mayStart reports whether a word with hash h may start a phrase.
func (ps *phraseSet) mayStart(h uint64) bool {
	f := h & ps.fmask
	return ps.filter[f>>6]&(1<<(f&63)) != 0
}

// normWord folds the typographic apostrophe so "you’re" matches "you're".
func normWord(s string) string {
	if strings.Contains(s, "’") {
		s = strings.ReplaceAll(s, "’", "'")
	}
	return s
}

// tokens splits a phrase into lower-cased word tokens.
func tokens(s string) []string {
	d := Analyze(s)
	out := make([]string, len(d.Words))
	for i, w := range d.Words {
		out[i] = w.Lower
	}
	return out
}

// add registers phrase s with tag; empty phrases are ignored.
func (ps *phraseSet) add(s, tag string) {
	ps.addWords(tokens(s), tag)
}

// addPlural registers s and its plural ("crown" → "crowns").
func (ps *phraseSet) addPlural(s, tag string) {
	ws := tokens(s)
	ps.addWords(ws, tag)
	if n := len(ws); n > 0 {
		last := ws[n-1]
		if !strings.HasSuffix(last, "s") && len(last) > 2 && last[len(last)-1] >= 'a' && last[len(last)-1] <= 'z' {
			pl := append(append([]string{}, ws[:n-1]...), last+"s")
			ps.addWords(pl, tag)
		}
	}
}

func (ps *phraseSet) addWords(ws []string, tag string) {
	if len(ws) == 0 {
		return
	}
	node := int32(0)
	for _, w := range ws {
		h := fnv64(w)
		next := ps.child(node, h, w)
		if next < 0 {
			next = int32(len(ps.nodes))
			ps.nodes = append(ps.nodes, phraseNode{})
			ps.addEdge(phraseEdge{parent: node, child: next, hash: h, word: w})
		}
		node = next
	}
	if slices.Contains(ps.nodes[node].tags, tag) {
		return
	}
	ps.nodes[node].tags = append(ps.nodes[node].tags, tag)
	if len(ws) > ps.maxLen {
		ps.maxLen = len(ws)
	}
}

// edgeKey spreads (parent, word hash) over the table.
func edgeKey(parent int32, h uint64) uint64 { return h ^ uint64(parent)*0x9e3779b97f4a7c15 }

// addEdge indexes e, growing the table to keep it at most half full and
// the first-word filter at 16+ bits per first word.
func (ps *phraseSet) addEdge(e phraseEdge) {
	ps.edges = append(ps.edges, e)
	if len(ps.slots) < 2*len(ps.edges) {
		size := 64
		for size < 4*len(ps.edges) {
			size *= 2
		}
		ps.slots = make([]int32, size)
		ps.filter = make([]uint64, size/64*4)
		ps.fmask = uint64(64*len(ps.filter) - 1)
		for k := range ps.edges[:len(ps.edges)-1] {
			ps.insert(k)
		}
	}
	ps.insert(len(ps.edges) - 1)
}

func (ps *phraseSet) insert(k int) {
	e := &ps.edges[k]
	if e.parent == 0 {
		f := e.hash & ps.fmask
		ps.filter[f>>6] |= 1 << (f & 63)
	}
	mask := uint64(len(ps.slots) - 1)
	for j := edgeKey(e.parent, e.hash) & mask; ; j = (j + 1) & mask {
		if ps.slots[j] == 0 {
			ps.slots[j] = int32(k + 1)
			return
		}
	}
}

// child returns the node reached from node on word (hash h), or -1.
func (ps *phraseSet) child(node int32, h uint64, word string) int32 {
	if len(ps.slots) == 0 {
		return -1
	}
	if node == 0 && !ps.mayStart(h) {
		return -1
	}
	mask := uint64(len(ps.slots) - 1)
	for j := edgeKey(node, h) & mask; ; j = (j + 1) & mask {
		k := ps.slots[j]
		if k == 0 {
			return -1
		}
		if e := &ps.edges[k-1]; e.parent == node && e.hash == h && e.word == word {
			return e.child
		}
	}
}

func (ps *phraseSet) addAll(list []string, tag string) {
	for _, s := range list {
		ps.add(s, tag)
	}
}

// walk calls fn for every phrase end reached from word i, shortest first,
// with the end word index and the node's tags.
func (ps *phraseSet) walk(d *Doc, i int, fn func(to int, tags []string)) {
	node := int32(0)
	for k := i; k < len(d.Words); k++ {
		w := &d.Words[k]
		if node = ps.child(node, w.hash, w.Lower); node < 0 {
			return
		}
		if tags := ps.nodes[node].tags; len(tags) > 0 {
			fn(k+1, tags)
		}
	}
}

// matchAt returns the longest phrase starting at word i, if any. Of phrases
// with the same words, the first added gives the tag. It is small enough to
// inline, so the common miss costs a bit test and no call.
func (ps *phraseSet) matchAt(d *Doc, i int) (phraseMatch, bool) {
	if !ps.mayStart(d.Words[i].hash) {
		return phraseMatch{From: -1}, false
	}
	return ps.matchFrom(d, i)
}

func (ps *phraseSet) matchFrom(d *Doc, i int) (phraseMatch, bool) {
	best := phraseMatch{From: -1}
	node := int32(0)
	for k := i; k < len(d.Words); k++ {
		w := &d.Words[k]
		if node = ps.child(node, w.hash, w.Lower); node < 0 {
			break
		}
		if tags := ps.nodes[node].tags; len(tags) > 0 {
			best = phraseMatch{From: i, To: k + 1, Tag: tags[0]}
		}
	}
	return best, best.From >= 0
}

// find returns all non-overlapping longest matches, left to right. Results
// are cached on the Doc, since several rules search for the same set; the
// returned slice is clipped so a caller's append cannot touch the cache.
func (ps *phraseSet) find(d *Doc) []phraseMatch {
	for _, f := range d.found {
		if f.set == ps {
			return f.matches
		}
	}
	// Every set's matches go into one growing array per Doc, so a check
	// allocates a few times in all rather than a few times per set.
	if cap(d.matchBuf) == 0 {
		d.matchBuf = make([]phraseMatch, 0, len(d.Words)/4+8) // a typical check's matches
	}
	from := len(d.matchBuf)
	for i := 0; i < len(d.Words); {
		if !ps.mayStart(d.Words[i].hash) {
			i++ // the common case, without a call
			continue
		}
		if m, ok := ps.matchFrom(d, i); ok {
			d.matchBuf = append(d.matchBuf, m)
			i = m.To
			continue
		}
		i++
	}
	var out []phraseMatch
	if len(d.matchBuf) > from {
		out = d.matchBuf[from:len(d.matchBuf):len(d.matchBuf)]
	}
	d.found = append(d.found, foundPhrases{ps, out})
	return out
}

// foundPhrases is one cached find result.
type foundPhrases struct {
	set     *phraseSet
	matches []phraseMatch
}

// span returns the byte span of words [from, to).
func (d *Doc) span(from, to int) Span {
	return Span{d.Words[from].Start, d.Words[to-1].End}
}

// wordSet is a set of single lower-case words.
type wordSet map[string]bool

//go:noinline
func newWordSet(words ...string) wordSet {
	s := wordSet{}
	for _, w := range words {
		s[w] = true
	}
	return s
}

func (s wordSet) has(w string) bool { return s[w] }
