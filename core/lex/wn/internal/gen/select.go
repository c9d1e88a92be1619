package main

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// select_ returns each class's terms (lower case, words separated by
// spaces), unsorted: the data rules applied to the closures, then the hand lists.
func select_(w *wordNet, h *handLists) ([]map[string]bool, error) {
	members := make([]map[string][]string, len(classes)) // lemma -> its sense keys in the class
	medical := map[string]bool{}                         // every sense key of every class
	for c, r := range h.roots {
		in, err := w.resolve(r.in)
		if err != nil {
			return nil, err
		}
		cut, err := w.resolve(r.cut)
		if err != nil {
			return nil, err
		}
		if len(in) == 0 {
			return nil, fmt.Errorf("roots.txt: class %s has no root", classes[c].list)
		}
		members[c] = map[string][]string{}
		for s := range w.closure(in, cut) {
			for i, l := range w.synsets[s].lemmas {
				if short(l) {
					continue
				}
				k := w.synsets[s].keys[i]
				members[c][strings.ToLower(l)] = append(members[c][strings.ToLower(l)], k)
				medical[k] = true
			}
		}
	}

	best := func(c int, lemma string) int {
		n := -1
		for _, k := range members[c][lemma] {
			n = max(n, w.counts[k])
		}
		return n
	}
	// inClass: the lemma's senses in c are tagged at least as often as its
	// senses in any other class ("leg" is a body part, not a device).
	inClass := func(c int, lemma string) bool {
		if _, ok := members[c][lemma]; !ok {
			return false
		}
		for o := range classes {
			if best(o, lemma) > best(c, lemma) {
				return false
			}
		}
		return true
	}
	everyday := func(lemma string) bool {
		med, other := 0, 0
		for _, k := range w.senses[lemma] {
			if medical[k] || isBodyVerb(k) {
				med += w.counts[k]
			} else {
				other += w.counts[k]
			}
		}
		return other >= everydayMin && other > med
	}
	tagged := func(word string) bool {
		return slices.ContainsFunc(w.senses[word], func(k string) bool { return w.counts[k] > 0 })
	}
	// familiar: tagged in SemCor (as itself or with an -s, -es, -ed or -ing
	// taken off), or used often in WordNet's own definitions.
	familiar := func(word string) bool {
		if tagged(word) || w.glossed[word] >= glossMin || strings.HasSuffix(word, "'s") {
			return true
		}
		for _, suffix := range []string{"s", "es", "ed", "ing"} {
			if stem, ok := strings.CutSuffix(word, suffix); ok && (tagged(stem) || tagged(stem+"e")) {
				return true
			}
		}
		return false
	}

	out := make([]map[string]bool, len(classes))
	for c := range out {
		out[c] = map[string]bool{}
	}
	stopUsed, keepUsed := map[string]bool{}, map[string]bool{}
	single := map[string]bool{} // kept single-word terms, for familiar()
	decide := func(c int, lemma string, dataKeeps bool) {
		term := strings.ReplaceAll(lemma, "_", " ")
		keep := dataKeeps
		switch {
		case dataKeeps && h.stop[term] != "":
			stopUsed[term], keep = true, false
		case !dataKeeps && h.keep[term] != "":
			keepUsed[term], keep = true, true
		}
		if keep {
			out[c][term] = true
			if !strings.Contains(lemma, "_") {
				single[lemma] = true
			}
		}
	}
	// Single words first: multiword lemmas made of them count as familiar.
	for _, multi := range []bool{false, true} {
		for c := range classes {
			for _, lemma := range slices.Sorted(maps.Keys(members[c])) {
				if strings.Contains(lemma, "_") != multi || !inClass(c, lemma) {
					continue
				}
				known := true // a single word is its own judge
				if multi {
					for _, word := range strings.FieldsFunc(lemma, func(r rune) bool { return r == '_' || r == '-' }) {
						known = known && (single[word] || familiar(word))
					}
				}
				decide(c, lemma, known && !everyday(lemma))
			}
		}
	}

	var errs []error
	for term := range h.stop {
		if h.keep[term] != "" {
			errs = append(errs, fmt.Errorf("%q is in both stop.txt and keep.txt", term))
		} else if !stopUsed[term] {
			errs = append(errs, fmt.Errorf("stop.txt: %q is in no class or is already dropped by the data rules: remove it", term))
		}
	}
	for term := range h.keep {
		if !keepUsed[term] && h.stop[term] == "" {
			errs = append(errs, fmt.Errorf("keep.txt: %q is in no class or is already kept by the data rules: remove it", term))
		}
	}
	for c, terms := range h.extra {
		for term := range terms {
			if out[c][term] {
				errs = append(errs, fmt.Errorf("extra.txt: %q is already a %s term from WordNet: remove it", term, classes[c].list))
			}
			out[c][term] = true
		}
	}
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return out, errors.Join(errs...)
}

// short reports a lemma of one or two letters, mostly abbreviations ("MS",
// "ED", "Dr.", "os"): lower case, as Terms gives them, they are everyday
// words or parts of them.
func short(lemma string) bool {
	return len(strings.TrimSuffix(lemma, ".")) <= 2
}

// isBodyVerb reports whether a sense key is a verb of WordNet's verb.body
// file ("cough%2:29:00::").
func isBodyVerb(key string) bool {
	_, sense, _ := strings.Cut(key, "%")
	return strings.HasPrefix(sense, fmt.Sprintf("2:%02d:", verbBody))
}

// resolve maps sense keys to synsets; an unknown key is an error naming its line.
func (w *wordNet) resolve(keys [][2]string) ([]int, error) {
	var out []int
	for _, k := range keys {
		s, ok := w.byKey[k[0]]
		if !ok {
			return nil, fmt.Errorf("%s: no noun sense %q in WordNet", k[1], k[0])
		}
		out = append(out, s)
	}
	return out, nil
}
