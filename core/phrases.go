package core

import (
	"slices"
	"strings"
)

// phraseSet matches multi-word phrases against a Doc's words in one pass.
// Phrases are tokenised with the same tokenizer as the text, so "x-ray",
// "you're" and "root canal" match however the text spaces or cases them.
// Cost per word is bounded by the longest phrase, so matching is linear.
type phraseSet struct {
	first  map[string]int // first word → index into heads
	heads  []phraseHead
	maxLen int
	// filter has a bit per hash of every first word, so most words are
	// rejected with one bit test; it is rebuilt larger as the set grows to
	// keep false positives near 1 in 16.
	filter []uint64
	// slots is an open-addressing table over heads keyed by the word hash
	// the tokenizer computed: a lookup hashes no string.
	slots []headSlot
}

// phraseHead holds every phrase that starts with one word.
type phraseHead struct {
	word    string
	phrases []phrase
}

type headSlot struct {
	hash uint64
	head int32 // index into heads plus one; 0 is empty
}

type phrase struct {
	words  []string
	hashes []uint64 // fnv64 of each word, compared before the words
	tag    string   // caller's label, e.g. the vocabulary it came from
}

// phraseMatch is one match: words [From, To) of the Doc.
type phraseMatch struct {
	From, To int
	Tag      string
}

func newPhraseSet() *phraseSet { return &phraseSet{first: map[string]int{}} }

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
	idx, ok := ps.first[ws[0]]
	if ok {
		for _, p := range ps.heads[idx].phrases {
			if p.tag == tag && equalWords(p.words, ws) {
				return
			}
		}
	} else {
		idx = len(ps.heads)
		ps.first[ws[0]] = idx
		ps.heads = append(ps.heads, phraseHead{word: ws[0]})
		ps.index(idx)
	}
	hs := make([]uint64, len(ws))
	for k, w := range ws {
		hs[k] = fnv64(w)
	}
	ps.heads[idx].phrases = append(ps.heads[idx].phrases, phrase{words: ws, hashes: hs, tag: tag})
	if len(ws) > ps.maxLen {
		ps.maxLen = len(ws)
	}
}

// index adds head idx to the filter and the table, growing both so the
// filter has 16+ bits and the table 2+ slots per head.
func (ps *phraseSet) index(idx int) {
	n := len(ps.heads)
	if 64*len(ps.filter) < 16*n || len(ps.slots) < 2*n {
		size := 64
		for size < 32*n {
			size *= 2
		}
		ps.filter = make([]uint64, size/64)
		ps.slots = make([]headSlot, size/8)
		for k := range ps.heads[:idx] {
			ps.insert(k)
		}
	}
	ps.insert(idx)
}

func (ps *phraseSet) insert(idx int) {
	h := fnv64(ps.heads[idx].word)
	k := h & uint64(64*len(ps.filter)-1)
	ps.filter[k>>6] |= 1 << (k & 63)
	mask := uint64(len(ps.slots) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		if ps.slots[k].head == 0 {
			ps.slots[k] = headSlot{hash: h, head: int32(idx + 1)}
			return
		}
	}
}

// candidates returns the phrases that start with word w.
func (ps *phraseSet) candidates(w *Word) []phrase {
	if len(ps.filter) == 0 {
		return nil
	}
	k := w.hash & uint64(64*len(ps.filter)-1)
	if ps.filter[k>>6]&(1<<(k&63)) == 0 {
		return nil
	}
	mask := uint64(len(ps.slots) - 1)
	for k := w.hash & mask; ; k = (k + 1) & mask {
		s := ps.slots[k]
		if s.head == 0 {
			return nil
		}
		if s.hash == w.hash && ps.heads[s.head-1].word == w.Lower {
			return ps.heads[s.head-1].phrases
		}
	}
}

func (ps *phraseSet) addAll(list []string, tag string) {
	for _, s := range list {
		ps.add(s, tag)
	}
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// matchesAt reports whether phrase p occurs at word i (first word aside,
// which candidates already matched).
func (p *phrase) matchesAt(d *Doc, i int) bool {
	if i+len(p.words) > len(d.Words) {
		return false
	}
	for k := 1; k < len(p.words); k++ {
		w := &d.Words[i+k]
		if w.hash != p.hashes[k] || w.Lower != p.words[k] {
			return false
		}
	}
	return true
}

// matchAt returns the longest phrase starting at word i, if any.
func (ps *phraseSet) matchAt(d *Doc, i int) (phraseMatch, bool) {
	cands := ps.candidates(&d.Words[i])
	best := phraseMatch{From: -1}
	bestLen := 0
	for k := range cands {
		p := &cands[k]
		if len(p.words) <= bestLen {
			continue
		}
		if p.matchesAt(d, i) {
			best = phraseMatch{From: i, To: i + len(p.words), Tag: p.tag}
			bestLen = len(p.words)
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
	var out []phraseMatch
	for i := 0; i < len(d.Words); {
		if m, ok := ps.matchAt(d, i); ok {
			out = append(out, m)
			i = m.To
			continue
		}
		i++
	}
	out = slices.Clip(out)
	d.found = append(d.found, foundPhrases{ps, out})
	return out
}

// foundPhrases is one cached find result.
type foundPhrases struct {
	set     *phraseSet
	matches []phraseMatch
}

// any reports whether any phrase occurs in words [from, to).
func (ps *phraseSet) anyIn(d *Doc, from, to int) bool {
	for i := from; i < to && i < len(d.Words); i++ {
		if m, ok := ps.matchAt(d, i); ok && m.To <= to {
			return true
		}
	}
	return false
}

// span returns the byte span of words [from, to).
func (d *Doc) span(from, to int) Span {
	return Span{d.Words[from].Start, d.Words[to-1].End}
}

// wordSet is a set of single lower-case words.
type wordSet map[string]bool

func newWordSet(words ...string) wordSet {
	s := wordSet{}
	for _, w := range words {
		s[w] = true
	}
	return s
}

func (s wordSet) has(w string) bool { return s[w] }
