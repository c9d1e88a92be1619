package core

import "strings"

// phraseSet matches multi-word phrases against a Doc's words in one pass.
// Phrases are tokenised with the same tokenizer as the text, so "x-ray",
// "you're" and "root canal" match however the text spaces or cases them.
// Cost per word is bounded by the longest phrase, so matching is linear.
type phraseSet struct {
	first  map[string][]phrase
	maxLen int
	// filter has a bit per hash of every first word, so most words are
	// rejected without a map lookup; it is rebuilt larger as the set grows
	// to keep false positives near 1 in 16.
	filter []uint64
}

type phrase struct {
	words []string
	tag   string // caller's label, e.g. the vocabulary it came from
}

// phraseMatch is one match: words [From, To) of the Doc.
type phraseMatch struct {
	From, To int
	Tag      string
}

func newPhraseSet() *phraseSet { return &phraseSet{first: map[string][]phrase{}} }

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
	for _, p := range ps.first[ws[0]] {
		if p.tag == tag && equalWords(p.words, ws) {
			return
		}
	}
	if _, ok := ps.first[ws[0]]; !ok {
		ps.first[ws[0]] = nil
		ps.growFilter()
		ps.setFilter(fnv64(ws[0]))
	}
	ps.first[ws[0]] = append(ps.first[ws[0]], phrase{words: ws, tag: tag})
	if len(ws) > ps.maxLen {
		ps.maxLen = len(ws)
	}
}

// growFilter keeps the filter at 16+ bits per first word.
func (ps *phraseSet) growFilter() {
	if bits := 64 * len(ps.filter); bits >= 16*len(ps.first) {
		return
	}
	size := 1
	for 64*size < 32*len(ps.first) {
		size *= 2
	}
	ps.filter = make([]uint64, size)
	for w := range ps.first {
		ps.setFilter(fnv64(w))
	}
}

func (ps *phraseSet) setFilter(h uint64) {
	k := h & uint64(64*len(ps.filter)-1)
	ps.filter[k>>6] |= 1 << (k & 63)
}

// mayStart reports whether word w could start a phrase of the set.
func (ps *phraseSet) mayStart(w *Word) bool {
	if len(ps.filter) == 0 {
		return false
	}
	k := w.hash & uint64(64*len(ps.filter)-1)
	return ps.filter[k>>6]&(1<<(k&63)) != 0
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

// matchAt returns the longest phrase starting at word i, if any.
func (ps *phraseSet) matchAt(d *Doc, i int) (phraseMatch, bool) {
	if !ps.mayStart(&d.Words[i]) {
		return phraseMatch{From: -1}, false
	}
	cands := ps.first[d.Words[i].Lower]
	best := phraseMatch{From: -1}
	bestLen := 0
	for _, p := range cands {
		if i+len(p.words) > len(d.Words) || len(p.words) <= bestLen {
			continue
		}
		ok := true
		for k := 1; k < len(p.words); k++ {
			if d.Words[i+k].Lower != p.words[k] {
				ok = false
				break
			}
		}
		if ok {
			best = phraseMatch{From: i, To: i + len(p.words), Tag: p.tag}
			bestLen = len(p.words)
		}
	}
	return best, best.From >= 0
}

// find returns all non-overlapping longest matches, left to right.
func (ps *phraseSet) find(d *Doc) []phraseMatch {
	var out []phraseMatch
	for i := 0; i < len(d.Words); {
		if m, ok := ps.matchAt(d, i); ok {
			out = append(out, m)
			i = m.To
			continue
		}
		i++
	}
	return out
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
