package lex

import (
	"math/bits"
	"strings"

	"github.com/replyguard/replyguard/core/text"
)

var hashWord = text.Hash

// Match is one entry of list List covering words [From, To).
type Match struct {
	From, To int
	List     ID
}

// Len is the number of words matched.
func (m Match) Len() int { return m.To - m.From }

// Doc is a tokenised text with every vocabulary match, found in one walk.
type Doc struct {
	*text.Doc
	// matches holds every match, by From and then by To; first[i] is the
	// index of the first match starting at word i (first[len(Words)] ends).
	matches []Match
	first   []int32
	found   []Match // backing array of Find results
	// one holds, per word, a bit per list the word alone is an entry of:
	// Is is then one bit test.
	one []row
	// head[id] and next chain each list's matches in text order (index
	// plus one; 0 ends), so finding one list's matches skips the others.
	head []int32
	next []int32
	cand []Match // scratch for Find
	kept []ID    // scratch for the walk: a node's lists the policy kept
	// wid and wid2 hold each word's id in the vocabulary and in the
	// policy's own trie (-1: none).
	wid, wid2 []int32
	// removes says the policy took entries out of the vocabulary for
	// this text's walk (see RemovesEntries).
	removes bool
	// fl holds each word's flags of every Flags (see Flags), found once
	// per word as the text is indexed.
	fl []uint64
}

// Index walks d through the vocabulary (and the policy's extension x, if
// any) once, reusing into's arrays when into is not nil.
func Index(into *Doc, d *text.Doc, x *Extension) *Doc {
	t := vocabulary()
	if into == nil {
		into = new(Doc)
	}
	into.Doc = d
	into.matches, into.found, into.next = into.matches[:0], into.found[:0], into.next[:0]
	into.first = grow(into.first, len(d.Words)+1)
	into.head = grow(into.head, maxLists) // (link indexes it without bounds checks)
	clear(into.head[:registered])         // (no list has an ID past these)
	into.one = growRows(into.one, len(d.Words))
	clear(into.one)
	var removed *Extension
	var added *trie
	if x != nil {
		added = x.added
		if len(x.removed) > 0 {
			removed = x
		}
	}
	into.removes = removed != nil
	into.wid = wordIDs(t, d.Words, into.wid)
	if added != nil {
		into.wid2 = wordIDs(added, d.Words, into.wid2)
	}
	if added == nil {
		into.walk(t, into.wid, 0, len(d.Words), removed, true)
	}
	for i := 0; added != nil && i < len(d.Words); i++ {
		from := len(into.matches)
		into.walk(t, into.wid, i, i+1, removed, true)
		into.walk(added, into.wid2, i, i+1, nil, false)
		// Both tries add in order of length; merge the two runs.
		ms := into.matches[from:]
		for i := 1; i < len(ms); i++ { // a stable insertion sort by end
			for j := i; j > 0 && ms[j].To < ms[j-1].To; j-- {
				ms[j], ms[j-1] = ms[j-1], ms[j]
			}
		}
	}
	into.first[len(d.Words)] = int32(len(into.matches))
	into.link()
	into.fl = into.flags(added == nil && removed == nil)
	return into
}

// flags finds every word's flags: off its word id when the policy changes
// no list (plain), else from its bit set.
func (d *Doc) flags(plain bool) []uint64 {
	fl := growFlags(d.fl, len(d.wid))
	if plain {
		byWord := flagsByWord
		for i, w := range d.wid {
			fl[i] = byWord[w+1]
		}
		return fl
	}
	for i := range fl {
		var v uint64
		for _, f := range flagTables {
			v |= uint64(f.ofRow(&d.one[i])) << f.shift
		}
		fl[i] = v
	}
	return fl
}

func growFlags(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n)
	}
	return s[:n]
}

func grow(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

func growRows(s []row, n int) []row {
	if cap(s) < n {
		return make([]row, n)
	}
	return s[:n]
}

// wordIDs looks every word up in t once: the walk then compares no text.
func wordIDs(t *trie, words []text.Word, into []int32) []int32 {
	into = grow(into, len(words))
	// trie.wordID, inline: no call per word.
	dict, wtext := t.dict, t.wtext
	mask := uint64(len(dict) - 1)
	for i := range words {
		h, w := words[i].Hash, words[i].Lower
		tag, id := uint32(h>>32), int32(-1)
		for j := h & mask; ; j = (j + 1) & mask {
			s := &dict[j]
			if s.id == 0 {
				break
			}
			if s.tag == tag && sameText(wtext[s.off:s.end], w) {
				id = s.id - 1
				break
			}
		}
		into[i] = id
	}
	return into
}

// walk adds the matches of t starting at words lo to hi, each word's
// shortest first, given the words' ids in t, and with setFirst records
// where each word's matches start; x, when not nil, holds entries the
// policy took out.
func (d *Doc) walk(t *trie, wid []int32, lo, hi int, x *Extension, setFirst bool) {
	// The matches are appended to a local slice, stored back once: an
	// append to d.matches would store its length on every match.
	ms := d.matches
	for i := lo; i < hi; i++ {
		w := wid[i]
		if setFirst {
			d.first[i] = int32(len(ms))
		}
		if w < 0 {
			continue // a word no entry has
		}
		n := t.first[w] // the first level, inline: one load
		if n == 0 {
			continue
		}
		// The word alone: its lists also go in the word's bit set. Nodes
		// the policy removed entries at are rare: the loops make no call.
		nd := t.nodes[n]
		one := &d.one[i]
		ids := t.ids[nd.off : nd.off+nd.n]
		if x != nil && x.removesAt(n) {
			ids = x.kept(n, ids, &d.kept)
		}
		for _, id := range ids {
			ms = append(ms, Match{i, i + 1, id})
			one[id/64%rowWords] |= 1 << (id % 64)
		}
		// Deeper: most words after a word with kids go on no entry from
		// it, which the node's kid words tell without a probe.
		for k := i + 1; nd.kids != 0 && k < len(wid); k++ {
			wk := wid[k]
			if wk < 0 || nd.kids>>(uint32(wk)%64)&1 == 0 {
				break
			}
			if n = t.deeper(n, wk); n < 0 {
				break
			}
			nd = t.nodes[n]
			ids = t.ids[nd.off : nd.off+nd.n]
			if x != nil && x.removesAt(n) {
				ids = x.kept(n, ids, &d.kept)
			}
			for _, id := range ids {
				ms = append(ms, Match{i, k + 1, id})
			}
		}
	}
	d.matches = ms
}

// link chains every list's matches in text order, in one pass once the
// walk is done: from the last match back, each becomes its list's head, so
// no tail is kept and every next is written (nothing to clear).
func (d *Doc) link() {
	head, ms := (*[maxLists]int32)(d.head), d.matches
	next := grow(d.next, len(ms))[:len(ms)]
	d.next = next
	for k := len(ms) - 1; k >= 0; k-- { // by index: only the list is read
		id := ms[k].List % maxLists
		next[k] = head[id]
		head[id] = int32(k + 1)
	}
}

// Release drops the text; the arrays stay for the next check.
func (d *Doc) Release() { d.Doc = nil }

// At returns every match starting at word i, shortest first.
func (d *Doc) At(i int) []Match {
	if i < 0 || i >= len(d.first)-1 {
		return nil
	}
	return d.matches[d.first[i]:d.first[i+1]]
}

// RemovesEntries reports whether the policy took entries out of the
// vocabulary this document was walked with. When it did not, Is(i, l) for a
// word whose Lower is plain ASCII (no apostrophe) answers as l.Has of that
// Lower does, so a caller may skip l.Has, which hashes and looks the word up
// again.
func (d *Doc) RemovesEntries() bool { return d.removes }

// Is reports whether word i alone is an entry of l.
func (d *Doc) Is(i int, l *List) bool {
	// One unsigned test covers both ends of i, and a row has a word for
	// every list (maxLists): rules call this in their inner loops,
	// thousands of times per check.
	return uint(i) < uint(len(d.one)) && d.one[i][l.slot%rowWords]&l.bit != 0
}

// IsAny reports whether word i alone is an entry of any of ls.
func (d *Doc) IsAny(i int, ls ...*List) bool {
	for _, l := range ls {
		if d.Is(i, l) {
			return true
		}
	}
	return false
}

// HasSubstring reports whether the lower-cased text holds any of subs:
// for scripts written without spaces between words or with particles
// glued on (Chinese, Japanese, Korean, Arabic), where no word equals a
// list entry. All-ASCII text is not searched.
func (d *Doc) HasSubstring(subs []string) bool {
	if d.Shapes&text.NonASCII == 0 {
		return false
	}
	for _, s := range subs {
		if strings.Contains(d.Lower, s) {
			return true
		}
	}
	return false
}

// Contains reports whether any entry of l occurs in the text.
func (d *Doc) Contains(l *List) bool { return d.head[l.ID] != 0 }

// EachList calls fn with the ID of every list with an entry in the text, in
// ID order: one pass over the lists' chains, no list looked up by ID.
func (d *Doc) EachList(fn func(ID)) {
	for id, h := range d.head[:registered] {
		if h != 0 {
			fn(ID(id))
		}
	}
}

// FewLists returns, for a text with fewer matches than half the lists
// (most replies, which are short), a bit per list with a match (list ID
// id is bit id%64 of word id/64), read off the matches: a caller loops
// over the bits for the lists in ID order, a few dozen steps where
// EachList takes one per list. For a text with more matches ok is false,
// and EachList is the cheaper.
func (d *Doc) FewLists() (set [rowWords]uint64, ok bool) {
	if len(d.matches) >= registered/2 {
		return set, false
	}
	for k := range d.matches {
		id := d.matches[k].List % maxLists
		set[id/64%rowWords] |= 1 << (id % 64)
	}
	return set, true
}

// LongestAt returns the longest match of a list of g starting at word i;
// between lists matching the same words, the earlier list in g wins.
func (d *Doc) LongestAt(i int, g *Group) (Match, bool) {
	best, bestRank := Match{From: -1}, int8(127)
	if i < 0 || i >= len(d.first)-1 {
		return best, false
	}
	if len(g.lists) == 1 {
		// A list's own group, as most callers pass: its matches by ID,
		// with no rank to look up (a list matches a span once).
		id := g.lists[0].ID
		for _, m := range d.matches[d.first[i]:d.first[i+1]] {
			if m.List == id && m.To > best.To {
				best = m
			}
		}
		return best, best.From >= 0
	}
	for _, m := range d.matches[d.first[i]:d.first[i+1]] {
		r := g.rank(m.List)
		if r < 0 {
			continue
		}
		if m.To > best.To || m.To == best.To && r < bestRank {
			best, bestRank = m, r
		}
	}
	return best, best.From >= 0
}

// Find returns the longest matches of g's lists, left to right, without
// overlaps. The slice is valid until the Doc is indexed again.
func (d *Doc) Find(g *Group) []Match {
	if !d.Any(g) {
		return nil
	}
	from := len(d.found)
	if len(g.lists) == 1 {
		// One list: walk its own matches, keeping the longest per start.
		next := 0
		for k := d.head[g.lists[0].ID]; k > 0; k = d.next[k-1] {
			m := d.matches[k-1]
			switch {
			case m.From < next:
			case len(d.found) > from && d.found[len(d.found)-1].From == m.From:
				d.found[len(d.found)-1] = m // a longer match at the same start
			default:
				if len(d.found) > from {
					next = d.found[len(d.found)-1].To
				}
				if m.From < next {
					continue
				}
				d.found = append(d.found, m)
			}
		}
		return d.found[from:len(d.found):len(d.found)]
	}
	// Several lists: gather their matches from the chains (few), order them
	// by start and length, then keep the longest at each start, left to right.
	cand := d.cand[:0]
	for _, l := range g.lists {
		for k := d.head[l.ID]; k > 0; k = d.next[k-1] {
			cand = append(cand, d.matches[k-1])
		}
	}
	d.cand = g.order(cand)
	next := 0 // the first word a match may start at
	for _, m := range cand {
		if m.From < next {
			continue
		}
		d.found = append(d.found, m)
		next = m.To
	}
	return d.found[from:len(d.found):len(d.found)]
}

// Starts returns, for every word where an entry of g starts, the longest
// such match (earlier lists in g win ties), in text order; unlike Find,
// matches may overlap. The slice is valid until the Doc is indexed again.
func (d *Doc) Starts(g *Group) []Match {
	if !d.Any(g) {
		return nil
	}
	cand := d.cand[:0]
	for _, l := range g.lists {
		for k := d.head[l.ID]; k > 0; k = d.next[k-1] {
			cand = append(cand, d.matches[k-1])
		}
	}
	d.cand = g.order(cand)
	from := len(d.found)
	for k, m := range cand {
		if k == 0 || cand[k-1].From != m.From {
			d.found = append(d.found, m)
		}
	}
	return d.found[from:len(d.found):len(d.found)]
}

// Any reports whether some entry of g occurs in the text.
func (d *Doc) Any(g *Group) bool {
	for _, l := range g.lists {
		if d.Contains(l) {
			return true
		}
	}
	return false
}

// Group is an ordered set of lists searched together.
type Group struct {
	lists []*List
	ranks []int8 // ranks[id]: the list's place in the group, or -1
}

// NewGroup makes a group; earlier lists win ties. Groups are made at
// package init, where inlined it cost ~1 KB of engine.wasm at each call.
//
//go:noinline
func NewGroup(lists ...*List) *Group {
	g := &Group{lists: lists}
	for k, l := range lists {
		for int(l.ID) >= len(g.ranks) {
			g.ranks = append(g.ranks, -1)
		}
		g.ranks[l.ID] = int8(k)
	}
	return g
}

// Lists returns the group's lists.
func (g *Group) Lists() []*List { return g.lists }

func (g *Group) rank(id ID) int8 {
	if int(id) < len(g.ranks) {
		return g.ranks[id]
	}
	return -1
}

// order sorts matches by start, longest first, then by the list's place in
// g. The matches of a group are few and mostly in order already: an
// insertion sort, which also keeps engine.wasm free of another sort.
func (g *Group) order(ms []Match) []Match {
	less := func(a, b Match) bool {
		if a.From != b.From {
			return a.From < b.From
		}
		if a.To != b.To {
			return a.To > b.To
		}
		return g.rank(a.List) < g.rank(b.List)
	}
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0; j-- {
			// The starts, which decide most pairs, compared in place.
			if a, b := &ms[j], &ms[j-1]; a.From > b.From || a.From == b.From && !less(*a, *b) {
				break
			}
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
	return ms
}

// Flags gives some lists bit flags; Doc.Flags ORs the flags of the lists a
// word alone is an entry of. Every Flags has its own bits of one 64-bit
// word per word of a text, found as the text is indexed (off a table by
// word id, built with the vocabulary), so reading a word's flags is a load
// and a shift, inlined, however many rules read them. Register a Flags,
// like a List, in a package-level variable declaration.
type Flags struct {
	shift uint8  // where its bits start in a word's flags
	mask  uint32 // its bits, from bit 0
	any   row    // its lists: most words are in none of them
	flag  [maxLists]uint32
	_     [0]func() // not comparable: no equality function in engine.wasm
}

var (
	flagTables []*Flags
	flagBits   int // the bits of a word's flags taken
	// flagsByWord[w+1] is word id w's flags (flagsByWord[0], none, for a
	// word no entry has), set with the vocabulary.
	flagsByWord []uint64
)

// NewFlags gives each of lists the flags of the same index (flags of a list
// named twice are ORed).
//
//go:noinline
func NewFlags(lists []*List, flags []uint32) *Flags {
	f := &Flags{}
	for n, l := range lists {
		f.flag[l.ID] |= flags[n]
		f.any[l.slot%rowWords] |= l.bit
		f.mask |= flags[n]
	}
	width := bits.Len32(f.mask)
	f.mask = uint32(1<<width - 1)
	mu.Lock()
	if frozen || flagBits+width > 64 {
		mu.Unlock()
		panic("lex: flags registered after the vocabulary was built, or more than the 64 bits a word's flags hold")
	}
	f.shift = uint8(flagBits)
	flagBits += width
	flagTables = append(flagTables, f)
	mu.Unlock()
	return f
}

// indexFlags sets flagsByWord from the lists each word id of t is an entry
// of alone.
func indexFlags(t *trie) {
	flagsByWord = make([]uint64, len(t.first)+1)
	for w, n := range t.first {
		for _, id := range t.lists(n) { // (node 0, the root, ends no entry)
			for _, f := range flagTables {
				flagsByWord[w+1] |= uint64(f.flag[id]) << f.shift
			}
		}
	}
}

// ofRow returns the flags of the lists in bit set r.
func (f *Flags) ofRow(r *row) uint32 {
	var out uint32
	for k := range rowWords {
		for bs := r[k] & f.any[k]; bs != 0; bs &= bs - 1 {
			out |= f.flag[(64*k+bits.TrailingZeros64(bs))%maxLists]
		}
	}
	return out
}

// Flags returns the flags of the lists word i alone is an entry of.
func (d *Doc) Flags(i int, f *Flags) uint32 {
	if uint(i) >= uint(len(d.fl)) { // (fl has a word per word)
		return 0
	}
	return uint32(d.fl[i]>>f.shift) & f.mask
}
