package lex

import "strings"

// trie is a token trie: each edge is one word. Matching at a word costs one
// table probe per word matched, so a walk over a text stays linear.
//
// It holds no pointers but its few top-level arrays (list ids and edge
// words live in flat arrays, found by offset), so the garbage collector
// never walks the vocabulary, however large, during a check.
type trie struct {
	nodes []node // nodes[0] is the root
	ids   []ID   // the lists of every node, node by node
	edges []edge
	words strings.Builder // every edge word, end to end
	text  string          // words.String(), once built
	slots []int32         // open addressing over edges, index plus one; 0 is empty
	// filter has a bit per hash of every first word, so most words are
	// rejected with one bit test before probing the table.
	filter []uint64
	fmask  uint64
	// pending lists, per node, while the trie is being built.
	pending map[int32][]ID
}

// node ends the entries of lists ids[off:off+n] (in registration order);
// kids says whether any entry goes on from it.
type node struct {
	off, n int32
	kids   bool
}

type edge struct {
	parent, child int32
	hash          uint64 // text.Hash(word), as text.Word.Hash
	woff, wlen    int32  // the word, in trie.text
}

func newTrie() *trie {
	return &trie{nodes: make([]node, 1), filter: make([]uint64, 1), fmask: 63, pending: map[int32][]ID{}}
}

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
			t.addEdge(edge{parent: n, child: next, hash: h, woff: int32(t.words.Len()), wlen: int32(len(w))})
			t.nodes[n].kids = true
			t.words.WriteString(w)
			t.text = ""
		}
		n = next
	}
	if !hasList(t.pending[n], id) {
		t.pending[n] = append(t.pending[n], id)
	}
	return n
}

// freeze moves the pending lists into the flat array; add may not follow.
func (t *trie) freeze() *trie {
	for k := range t.nodes {
		ids := t.pending[int32(k)]
		t.nodes[k].off, t.nodes[k].n = int32(len(t.ids)), int32(len(ids))
		t.ids = append(t.ids, ids...)
	}
	t.pending = nil
	t.text = t.words.String()
	return t
}

// lists returns the lists ending at node n.
func (t *trie) lists(n int32) []ID {
	if t.pending != nil {
		return t.pending[n]
	}
	nd := t.nodes[n]
	return t.ids[nd.off : nd.off+nd.n]
}

// setLists replaces the lists ending at node n (only before freeze).
func (t *trie) setLists(n int32, ids []ID) { t.pending[n] = ids }

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

// word returns edge e's word.
func (t *trie) word(e *edge) string {
	if t.text == "" && t.words.Len() > 0 {
		t.text = t.words.String()
	}
	return t.text[e.woff : e.woff+e.wlen]
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
		if e := &t.edges[k-1]; e.parent == n && e.hash == h && int(e.wlen) == len(w) {
			// t.text is set once frozen; word builds it while adding.
			if t.text != "" && t.text[e.woff:e.woff+e.wlen] == w || t.text == "" && t.word(e) == w {
				return e.child
			}
		}
	}
}
