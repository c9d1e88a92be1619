package lex

import "slices"

// trie is a token trie: each edge is one word. Matching at a word costs one
// table probe per word matched, so a walk over a text stays linear.
type trie struct {
	nodes []node // nodes[0] is the root
	edges []edge
	slots []int32 // open addressing over edges, index plus one; 0 is empty
	// filter has a bit per hash of every first word, so most words are
	// rejected with one bit test before probing the table.
	filter []uint64
	fmask  uint64
}

// node ends the entries of lists (in registration order).
type node struct{ lists []ID }

type edge struct {
	parent, child int32
	hash          uint64 // text.Hash(word), as text.Word.Hash
	word          string
}

func newTrie() *trie { return &trie{nodes: make([]node, 1), filter: make([]uint64, 1), fmask: 63} }

func (t *trie) mayStart(h uint64) bool {
	f := h & t.fmask
	return t.filter[f>>6]&(1<<(f&63)) != 0
}

// add inserts the entry ws for list id and returns its end node.
func (t *trie) add(ws []string, id ID) int32 {
	if len(ws) == 0 {
		return -1
	}
	n := int32(0)
	for _, w := range ws {
		h := hashWord(w)
		next := t.child(n, h, w)
		if next < 0 {
			next = int32(len(t.nodes))
			t.nodes = append(t.nodes, node{})
			t.addEdge(edge{parent: n, child: next, hash: h, word: w})
		}
		n = next
	}
	if !slices.Contains(t.nodes[n].lists, id) {
		t.nodes[n].lists = append(t.nodes[n].lists, id)
	}
	return n
}

// find returns the end node of entry ws, or -1.
func (t *trie) find(ws []string) int32 {
	n := int32(0)
	for _, w := range ws {
		if n = t.child(n, hashWord(w), w); n < 0 {
			return -1
		}
	}
	return n
}

func edgeKey(parent int32, h uint64) uint64 { return h ^ uint64(parent)*0x9e3779b97f4a7c15 }

// addEdge indexes e, keeping the table at most half full and the first-word
// filter at 16+ bits per first word.
func (t *trie) addEdge(e edge) {
	t.edges = append(t.edges, e)
	if len(t.slots) < 2*len(t.edges) {
		size := 64
		for size < 4*len(t.edges) {
			size *= 2
		}
		t.slots = make([]int32, size)
		t.filter = make([]uint64, size/64*4)
		t.fmask = uint64(64*len(t.filter) - 1)
		for k := range t.edges[:len(t.edges)-1] {
			t.insert(k)
		}
	}
	t.insert(len(t.edges) - 1)
}

func (t *trie) insert(k int) {
	e := &t.edges[k]
	if e.parent == 0 {
		f := e.hash & t.fmask
		t.filter[f>>6] |= 1 << (f & 63)
	}
	mask := uint64(len(t.slots) - 1)
	for j := edgeKey(e.parent, e.hash) & mask; ; j = (j + 1) & mask {
		if t.slots[j] == 0 {
			t.slots[j] = int32(k + 1)
			return
		}
	}
}

// child returns the node reached from n on word w (hash h), or -1.
func (t *trie) child(n int32, h uint64, w string) int32 {
	if len(t.slots) == 0 || n == 0 && !t.mayStart(h) {
		return -1
	}
	mask := uint64(len(t.slots) - 1)
	for j := edgeKey(n, h) & mask; ; j = (j + 1) & mask {
		k := t.slots[j]
		if k == 0 {
			return -1
		}
		if e := &t.edges[k-1]; e.parent == n && e.hash == h && e.word == w {
			return e.child
		}
	}
}
