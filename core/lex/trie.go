package lex

import "math/bits"

// trie is a token trie: each edge is one word. Every word of every entry
// is interned once, as the trie is built, so a text is matched by looking
// each of its words up once (by hash, then its text) and then following
// edges by word id: the first level is an array indexed by word id, deeper
// edges a table keyed by (node, word id). A walk compares no strings.
//
// It holds no pointers but its few top-level arrays, so the garbage
// collector never walks the vocabulary, however large.
type trie struct {
	nodes []node // nodes[0] is the root
	ids   []ID   // the lists of every node, node by node, once frozen

	// dict finds a word's id: open addressing on the word's hash, each
	// slot the hash's top 32 bits and the id plus one (0 is empty). Word
	// id w is wtext[woff[w]:woff[w+1]].
	dict  []dictSlot
	wtext []byte
	woff  []int32
	// first[w] is the node entries starting with word w reach (0: none).
	first []int32
	// kids holds every deeper edge, open addressing on (parent, word).
	kids  []kidSlot
	nkids int
	// kidShift is kidSlot's shift for len(kids), kept for deeper.
	kidShift uint8

	// pending lists, per node, and the words' hashes (to grow dict),
	// while the trie is being built.
	pending map[int32][]ID
	hashes  []uint64
}

type dictSlot struct {
	tag uint32
	id  int32 // word id plus one; 0 is an empty slot
	// The word's text is wtext[off:end], kept in the slot: a lookup
	// compares it with no load from woff.
	off, end uint32
}

type kidSlot struct {
	parent, word, child int32 // child 0 is an empty slot
}

// node ends the entries of lists ids[off:off+n] (in registration order);
// kids has bit w%64 set for every word id w an entry goes on from it with
// (0: none goes on): most words after a node with kids go on with no
// entry, and the walk then stops without probing the kids table.
type node struct {
	off, n int32
	kids   uint64
}

func newTrie() *trie {
	return &trie{nodes: make([]node, 1), woff: []int32{0}, dict: make([]dictSlot, 64),
		kids: make([]kidSlot, 64), kidShift: 64 - 6, pending: map[int32][]ID{}}
}

// add inserts the entry ws for list id and returns its end node.
func (t *trie) add(ws []string, id ID) int32 {
	if len(ws) == 0 {
		return -1
	}
	n := int32(0)
	for _, w := range ws {
		wid := t.intern(w)
		next := t.kid(n, wid)
		if next < 0 {
			next = int32(len(t.nodes))
			t.nodes = append(t.nodes, node{})
			t.nodes[n].kids |= 1 << (uint32(wid) % 64)
			t.link(n, wid, next)
		}
		n = next
	}
	if !hasList(t.pending[n], id) {
		t.pending[n] = append(t.pending[n], id)
	}
	return n
}

// intern returns w's word id, adding the word when it is new.
func (t *trie) intern(w string) int32 {
	h := hashWord(w)
	if id := t.wordID(h, w); id >= 0 {
		return id
	}
	id := int32(len(t.first))
	t.first = append(t.first, 0)
	t.wtext = append(t.wtext, w...)
	t.woff = append(t.woff, int32(len(t.wtext)))
	t.hashes = append(t.hashes, h)
	if 2*len(t.first) > len(t.dict) {
		t.dict = make([]dictSlot, 2*len(t.dict))
		for k, h := range t.hashes[:id] {
			t.putWord(h, int32(k))
		}
	}
	t.putWord(h, id)
	return id
}

func (t *trie) putWord(h uint64, id int32) {
	mask := uint64(len(t.dict) - 1)
	j := h & mask
	for t.dict[j].id != 0 {
		j = (j + 1) & mask
	}
	t.dict[j] = dictSlot{uint32(h >> 32), id + 1, uint32(t.woff[id]), uint32(t.woff[id+1])}
}

// link adds the edge from node parent on word w to node child.
func (t *trie) link(parent, w, child int32) {
	if parent == 0 {
		t.first[w] = child
		return
	}
	t.nkids++
	if 2*t.nkids > len(t.kids) {
		old := t.kids
		t.kids = make([]kidSlot, 2*len(old))
		t.kidShift = uint8(64 - bits.TrailingZeros(uint(len(t.kids))))
		for _, s := range old {
			if s.child != 0 {
				t.putKid(s)
			}
		}
	}
	t.putKid(kidSlot{parent, w, child})
}

func (t *trie) putKid(s kidSlot) {
	mask := len(t.kids) - 1
	j := t.kidSlot(s.parent, s.word)
	for t.kids[j].child != 0 {
		j = (j + 1) & mask
	}
	t.kids[j] = s
}

// freeze moves the pending lists into the flat array; add may not follow.
func (t *trie) freeze() *trie {
	for k := range t.nodes {
		ids := t.pending[int32(k)]
		t.nodes[k].off, t.nodes[k].n = int32(len(t.ids)), int32(len(ids))
		t.ids = append(t.ids, ids...)
	}
	t.pending, t.hashes = nil, nil
	return t
}

func (t *trie) kidSlot(parent, word int32) int {
	shift := 64 - bits.TrailingZeros(uint(len(t.kids)))
	return int((uint64(uint32(parent))<<32 | uint64(uint32(word))) * 0x9e3779b97f4a7c15 >> shift)
}

// wordID returns the id of word w (hash h, as text.Hash), or -1 when no
// entry has it.
func (t *trie) wordID(h uint64, w string) int32 {
	mask := uint64(len(t.dict) - 1)
	tag := uint32(h >> 32)
	for j := h & mask; ; j = (j + 1) & mask {
		s := t.dict[j]
		if s.id == 0 {
			return -1
		}
		if s.tag == tag && sameText(t.wtext[s.off:s.end], w) {
			return s.id - 1
		}
	}
}

// sameText reports whether v holds the bytes of w: compared in place, as
// words are short, with no call (in engine.wasm a call to the runtime's
// memequal costs more than the few bytes it compares).
func sameText(v []byte, w string) bool {
	if len(v) != len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if v[i] != w[i] {
			return false
		}
	}
	return true
}

// kid returns the node reached from node n on word id w, or -1.
func (t *trie) kid(n, w int32) int32 {
	if w < 0 {
		return -1
	}
	if n == 0 {
		if c := t.first[w]; c != 0 {
			return c
		}
		return -1
	}
	mask := len(t.kids) - 1
	for j := t.kidSlot(n, w); ; j = (j + 1) & mask {
		s := &t.kids[j]
		if s.child == 0 {
			return -1
		}
		if s.parent == n && s.word == w {
			return s.child
		}
	}
}

// deeper is kid for a node below the root (n > 0) and a word id w >= 0,
// as the walk asks: small enough to inline in its loop.
func (t *trie) deeper(n, w int32) int32 {
	mask := len(t.kids) - 1
	for j := int((uint64(uint32(n))<<32 | uint64(uint32(w))) * 0x9e3779b97f4a7c15 >> t.kidShift); ; j = (j + 1) & mask {
		s := &t.kids[j]
		if s.child == 0 {
			return -1
		}
		if s.parent == n && s.word == w {
			return s.child
		}
	}
}

// child returns the node reached from n on word w (hash h), or -1.
func (t *trie) child(n int32, h uint64, w string) int32 { return t.kid(n, t.wordID(h, w)) }

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
