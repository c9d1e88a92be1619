package lex

import (
	"strconv"
	"strings"
)

// Extension is what a policy changes in the built-in lists: entries it adds
// and entries it removes. It is built once per policy; the built-in
// vocabulary is shared by every policy and never changes.
type Extension struct {
	added   *trie // nil when nothing is added
	removed map[removal]bool
	// removedNode has a bit per built-in node some removal names, so a
	// walk consults the map only there.
	removedNode []uint64
}

// removesAt reports whether the policy took some entry ending at built-in
// node n out (one bit test: most nodes have none).
func (x *Extension) removesAt(n int32) bool {
	return x.removedNode[n/64]&(1<<(n%64)) != 0
}

// kept returns the lists of ids whose entry ending at node n the policy
// kept, in *buf's array.
func (x *Extension) kept(n int32, ids []ID, buf *[]ID) []ID {
	out := (*buf)[:0]
	for _, id := range ids {
		if !x.removed[removal{n, id}] {
			out = append(out, id)
		}
	}
	*buf = out
	return out
}

type removal struct {
	node int32
	list ID
}

// Extend builds a policy's extension. Adding an entry a list already has
// and removing one it does not have are no-ops.
func Extend(add, remove map[*List][]string) *Extension {
	x := &Extension{removed: map[removal]bool{}}
	t := vocabulary()
	for l, es := range add {
		for _, e := range es {
			ws := tokens(normEntry(e))
			if n := t.find(ws); n >= 0 && hasList(t.lists(n), l.ID) {
				continue
			}
			if x.added == nil {
				x.added = newTrie()
			}
			x.added.add(ws, l.ID)
		}
	}
	for l, es := range remove {
		for _, e := range es {
			ws := tokens(normEntry(e))
			if n := t.find(ws); n >= 0 {
				x.removed[removal{n, l.ID}] = true
				if x.removedNode == nil {
					x.removedNode = make([]uint64, (len(t.nodes)+63)/64)
				}
				x.removedNode[n/64] |= 1 << (n % 64)
			}
			if x.added != nil {
				if n := x.added.find(ws); n >= 0 {
					x.added.setLists(n, without(x.added.lists(n), l.ID))
				}
			}
		}
	}
	if x.added != nil {
		x.added.freeze()
	}
	return x
}

// Empty reports an extension that changes nothing.
func (x *Extension) Empty() bool { return x == nil || x.added == nil && len(x.removed) == 0 }

func normEntry(e string) string { return strings.ToLower(strings.TrimSpace(e)) }

func hasList(ids []ID, id ID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func without(ids []ID, id ID) []ID {
	out := ids[:0]
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

// String names the list, for messages.
func (l *List) String() string { return l.Name + "#" + strconv.Itoa(int(l.ID)) }
