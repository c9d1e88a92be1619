package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// classes names each class as the lists spell it and as package wn's
// constant does, in the constants' order.
var classes = []struct{ list, goName string }{
	{"body-part", "BodyPart"},
	{"disorder", "Disorder"},
	{"symptom", "Symptom"},
	{"procedure", "Procedure"},
	{"drug", "Drug"},
	{"device", "Device"},
	{"professional", "Professional"},
}

const (
	// everydayMin is how many SemCor tags a lemma's non-medical senses need
	// before they can outvote its medical ones: below it the counts are
	// noise (most medical senses are never tagged at all).
	everydayMin = 3
	// verbBody is WordNet's lexicographer file of body verbs ("cough",
	// "ache", "bruise"): such a verb sense is medical, not everyday.
	verbBody = 29
	// glossMin is how often a word must appear in WordNet's definitions to
	// count as familiar in a multiword lemma ("socket" 26, "jugular" 13,
	// "mesenteric" 6, "chorionic" 3).
	glossMin = 10
)

// Generate returns the source of terms_gen.go, built from the WordNet
// dictionary in dict and the hand lists in lists.
func Generate(dict, lists string) ([]byte, error) {
	wn, err := loadWordNet(dict)
	if err != nil {
		return nil, err
	}
	hand, err := loadLists(lists)
	if err != nil {
		return nil, err
	}
	sets, err := select_(wn, hand)
	if err != nil {
		return nil, err
	}
	everyday := func(c int, term string) bool {
		_, isHand := hand.extra[c][term]
		return hand.general[term] != "" || wn.everyday(term, isHand)
	}
	// A general.txt entry must be a kept single word WordNet gives one
	// meaning: otherwise it changes nothing.
	var errs []error
	for term := range hand.general {
		kept := slices.ContainsFunc(sets, func(set map[string]bool) bool { return set[term] })
		if !kept || wn.everyday(term, false) || strings.Contains(term, " ") {
			errs = append(errs, fmt.Errorf("general.txt: %q is no single-word term with one meaning: remove it", term))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return render(sets, wn.plurals, everyday)
}

// synset is one noun synset of data.noun.
type synset struct {
	lemmas []string // as spelled in the file ("X-ray", "wisdom_tooth")
	keys   []string // each lemma's sense key
	hypo   []int    // hyponyms, as indexes into wordNet.synsets
}

type wordNet struct {
	synsets []synset
	byKey   map[string]int      // sense key -> synset
	counts  map[string]int      // sense key -> SemCor tag count
	senses  map[string][]string // lemma (lower case, "_") -> its tagged sense keys, every part of speech
	plurals map[string][]string // noun -> irregular plurals (noun.exc)
	glossed map[string]int      // word -> uses in the glosses of every part of speech
	// meanings counts each lemma's synsets in every part of speech
	// (index.*): one noun synset and nothing else is a word with a single
	// meaning ("inhaler"); more is a word with an everyday sense too
	// ("retainer" is also a fee, "lunge" a fencing thrust).
	meanings map[string]int
}

func loadWordNet(dict string) (*wordNet, error) {
	w := &wordNet{byKey: map[string]int{}, counts: map[string]int{}, senses: map[string][]string{}, plurals: map[string][]string{}, glossed: map[string]int{}, meanings: map[string]int{}}
	if err := w.readData(filepath.Join(dict, "data.noun")); err != nil {
		return nil, err
	}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		if err := w.countGlossWords(filepath.Join(dict, "data."+pos)); err != nil {
			return nil, err
		}
		// index.*: "lemma pos synset_cnt ..."
		err := eachLine(filepath.Join(dict, "index."+pos), func(f []string) error {
			if len(f) < 3 {
				return errors.New("want: lemma pos synset_cnt ...")
			}
			n, err := strconv.Atoi(f[2])
			w.meanings[f[0]] += n
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	err := eachLine(filepath.Join(dict, "cntlist.rev"), func(f []string) error {
		if len(f) != 3 {
			return errors.New("want: sense_key sense_number tag_count")
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			return err
		}
		w.counts[f[0]] = n
		lemma, _, _ := strings.Cut(f[0], "%")
		w.senses[lemma] = append(w.senses[lemma], f[0])
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine(filepath.Join(dict, "noun.exc"), func(f []string) error {
		if len(f) < 2 {
			return errors.New("want: inflected_form base_form...")
		}
		for _, base := range f[1:] {
			w.plurals[base] = append(w.plurals[base], f[0])
		}
		return nil
	})
	return w, err
}

// readData parses data.noun: "offset lex_filenum n w_cnt (word lex_id)...
// p_cnt (pointer offset pos source/target)... | gloss".
func (w *wordNet) readData(path string) error {
	index := map[string]int{} // offset -> synset
	var hypo [][]string       // per synset, its hyponyms' offsets
	err := eachLine(path, func(f []string) error {
		if len(f) < 4 || f[2] != "n" {
			return errors.New("not a noun synset line")
		}
		lexFile, err1 := strconv.Atoi(f[1])
		nWords, err2 := strconv.ParseUint(f[3], 16, 8)
		if err := errors.Join(err1, err2); err != nil || len(f) < 5+2*int(nWords) {
			return fmt.Errorf("bad synset header: %v", err)
		}
		s := synset{}
		i := 4
		for range nWords {
			lexID, err := strconv.ParseUint(f[i+1], 16, 8)
			if err != nil {
				return err
			}
			s.lemmas = append(s.lemmas, f[i])
			s.keys = append(s.keys, fmt.Sprintf("%s%%1:%02d:%02d::", strings.ToLower(f[i]), lexFile, lexID))
			i += 2
		}
		nPtrs, err := strconv.Atoi(f[i])
		if err != nil || len(f) < i+1+4*nPtrs {
			return fmt.Errorf("bad pointer count %q", f[i])
		}
		var h []string
		for p := i + 1; p < i+1+4*nPtrs; p += 4 {
			// "~" is a hyponym; "~i" (instances: named people, places) is left out.
			if f[p] == "~" && f[p+2] == "n" {
				h = append(h, f[p+1])
			}
		}
		index[f[0]] = len(w.synsets)
		for _, k := range s.keys {
			w.byKey[k] = len(w.synsets)
		}
		w.synsets = append(w.synsets, s)
		hypo = append(hypo, h)
		return nil
	})
	if err != nil {
		return err
	}
	for i, offs := range hypo {
		for _, o := range offs {
			j, ok := index[o]
			if !ok {
				return fmt.Errorf("%s: hyponym %s of synset %d not found", path, o, i)
			}
			w.synsets[i].hypo = append(w.synsets[i].hypo, j)
		}
	}
	return nil
}

// everyday reports a single-word term that also means something else in
// WordNet: a word with more than one meaning ("retainer" is also a fee,
// "ice" is frozen water), or a hand term WordNet knows only in another
// sense ("lunge", a fencing thrust). Words WordNet lacks ("invisalign")
// and WordNet terms with a single meaning ("inhaler") are care words alone.
func (w *wordNet) everyday(term string, hand bool) bool {
	if strings.Contains(term, " ") {
		return false // phrases are never read as everyday single words
	}
	lemma := strings.ReplaceAll(term, " ", "_")
	return w.meanings[lemma] > 1 || hand && w.meanings[lemma] > 0
}

// countGlossWords counts the words of each synset's gloss: the definitions
// are written in plain English, so a word they use often is a familiar one.
func (w *wordNet) countGlossWords(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(data), "\n") {
		_, gloss, ok := strings.Cut(line, " | ")
		if !ok || strings.HasPrefix(line, "  ") {
			continue
		}
		for _, word := range strings.FieldsFunc(strings.ToLower(gloss), func(r rune) bool {
			return (r < 'a' || r > 'z') && r != '\'' && r != '-'
		}) {
			w.glossed[strings.Trim(word, "'-")]++
		}
	}
	return nil
}

// eachLine calls fn with the fields of each line of path, skipping the
// licence lines (they start with spaces) and blank lines; errors name the line.
func eachLine(path string, fn func([]string) error) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") || strings.TrimSpace(line) == "" {
			continue
		}
		if before, _, ok := strings.Cut(line, " | "); ok {
			line = before // a synset's gloss
		}
		if err := fn(strings.Fields(line)); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}

// closure returns the synsets at and below roots, not descending into cut:
// a synset below a cut one stays when another path reaches it ("morphine"
// is a drug of abuse and a medicine).
func (w *wordNet) closure(roots, cut []int) map[int]bool {
	seen := map[int]bool{}
	for _, c := range cut {
		seen[c] = true
	}
	stack := slices.Clone(roots)
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !seen[s] {
			seen[s] = true
			stack = append(stack, w.synsets[s].hypo...)
		}
	}
	for _, c := range cut {
		delete(seen, c)
	}
	return seen
}

// handLists are the files of lists/, each entry with its reason.
type handLists struct {
	roots []classRoots        // per class
	stop  map[string]string   // term -> reason
	keep  map[string]string   // term -> reason
	extra []map[string]string // per class: term -> reason
	// general: single words with one WordNet meaning that a reply still
	// uses of anyone ("a staff illness"): term -> reason
	general map[string]string
}

// readReasons reads a "term | reason" list into m.
func readReasons(dir, file string, m map[string]string) error {
	return eachEntry(filepath.Join(dir, file), 2, func(f []string, where string) error {
		if _, dup := m[f[0]]; dup {
			return errors.New("listed twice")
		}
		m[f[0]] = f[1]
		return nil
	})
}

// classRoots are sense keys, each with the line that names it.
type classRoots struct{ in, cut [][2]string }

func loadLists(dir string) (*handLists, error) {
	h := &handLists{roots: make([]classRoots, len(classes)), stop: map[string]string{}, keep: map[string]string{}, general: map[string]string{}}
	for range classes {
		h.extra = append(h.extra, map[string]string{})
	}
	err := eachEntry(filepath.Join(dir, "roots.txt"), 3, func(f []string, where string) error {
		c := classIndex(f[0])
		if c < 0 {
			return fmt.Errorf("unknown class %q", f[0])
		}
		if key, ok := strings.CutPrefix(f[1], "-"); ok {
			h.roots[c].cut = append(h.roots[c].cut, [2]string{key, where})
		} else {
			h.roots[c].in = append(h.roots[c].in, [2]string{key, where})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := errors.Join(readReasons(dir, "stop.txt", h.stop), readReasons(dir, "keep.txt", h.keep),
		readReasons(dir, "general.txt", h.general)); err != nil {
		return nil, err
	}
	err = eachEntry(filepath.Join(dir, "extra.txt"), 3, func(f []string, where string) error {
		c := classIndex(f[0])
		if c < 0 {
			return fmt.Errorf("unknown class %q", f[0])
		}
		if _, dup := h.extra[c][f[1]]; dup {
			return errors.New("listed twice")
		}
		h.extra[c][f[1]] = f[2]
		return nil
	})
	return h, err
}

func classIndex(name string) int {
	return slices.IndexFunc(classes, func(c struct{ list, goName string }) bool { return c.list == name })
}

// eachEntry reads a hand list: "#" comments, entries of n fields separated
// by " | ", the last one a reason that may not be empty.
func eachEntry(path string, n int, fn func(f []string, where string) error) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for i, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		where := fmt.Sprintf("%s:%d", path, i+1)
		f := strings.Split(line, " | ")
		for j := range f {
			f[j] = strings.TrimSpace(f[j])
		}
		if len(f) != n || f[n-1] == "" {
			return fmt.Errorf("%s: want %d fields separated by \" | \", the last a reason", where, n)
		}
		if f[n-2] != strings.ToLower(f[n-2]) {
			return fmt.Errorf("%s: %q: write terms in lower case", where, f[n-2])
		}
		if err := fn(f, where); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
	}
	return nil
}
