// Package lex holds every word and phrase list the rules read, and matches
// all of them against a text at once: the lists are registered at package
// init, one token trie is built over all of them on first use, and a
// document is walked through it once per check. Rules then ask questions by
// list ("is word i in the list of greetings?", "which care terms does the
// reply contain?") without scanning the text again, and nothing per check
// grows with the size of the vocabulary.
package lex

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/replyguard/replyguard/core/text"
)

// ID identifies a list; it indexes the registry.
type ID uint16

// A List is one named word or phrase list. Its entries are tokenised like
// the text, so "x-ray", "you're" and "root canal" match however the text
// spaces or cases them.
type List struct {
	ID   ID
	Name string
	// Group is the list alone, for Doc.Find.
	Group *Group
	// Cue marks a list of grammatical cues ("next", "you were"), not
	// vocabulary: the learned scorer takes no fact from it (see Cue).
	Cue bool
	// slot and bit place the list in a word's bit set (Doc.Is): set once
	// here, not worked out from ID at each of thousands of tests a check.
	slot uint8
	bit  uint64
}

// Cue marks l as a cue list and returns it: a rule's frame reads it, but
// its words say nothing about a reply on their own, and as scorer facts
// they only added noise.
func Cue(l *List) *List {
	l.Cue = true
	return l
}

var (
	registry []*List
	phrases  [][]string // phrases[id]: the list's entries, until the vocabulary is built
	joined   []string   // joined[id]: the entries, newline-separated, after
	byName   = map[string]*List{}
	frozen   bool
	mu       sync.Mutex
	// registered is len(registry) once the vocabulary is built: the lists
	// a Doc's head has a chain for.
	registered int
)

// rowWords is the size of a word's bit set (a row, one bit per list) in
// 64-bit words: a constant power of two, so Doc.Is indexes a row with a
// mask (no multiply, no bounds check). Eight words hold 512 lists: the
// engine registers about 256, and a list more costs a check nothing. Going
// from four words to eight cost ~+0.1% native instructions per check (a
// row is 64 bytes to clear per word, and link masks an ID to 9 bits
// instead of reading its low byte); Index and EachList touch only the
// lists registered.
const (
	rowWords = 8
	maxLists = 64 * rowWords
)

// A row's index is a mask only if rowWords is a power of two.
var _ [-(rowWords & (rowWords - 1))]struct{}

type row = [rowWords]uint64

// New registers a list. Call it only from package-level variable
// declarations: the trie is built over every list on first use, and a list
// registered after that panics.
//
//go:noinline
func New(name string, entries ...string) *List {
	l := new(List)
	register(l, name, entries)
	return l
}

// register fills l as a new list (New and Load).
//
//go:noinline
func register(l *List, name string, entries []string) {
	mu.Lock()
	defer mu.Unlock()
	if frozen {
		panic("lex: list " + strconv.Quote(name) + " registered after the vocabulary was built")
	}
	if _, dup := byName[name]; dup {
		panic("lex: duplicate list " + strconv.Quote(name))
	}
	if len(registry) == maxLists {
		panic("lex: list " + strconv.Quote(name) + " is one more than the " + strconv.Itoa(maxLists) + " a word's bit set holds: raise rowWords (core/lex/lex.go) to the next power of two")
	}
	id := ID(len(registry))
	*l = List{ID: id, Name: name, slot: uint8(id / 64 % rowWords), bit: 1 << (id % 64)}
	l.Group = NewGroup(l)
	registry = append(registry, l)
	phrases = append(phrases, entries)
	joined = append(joined, "")
	byName[name] = l
}

// A Spec is one list of a package's lists/*.txt that Load registers or
// makes a word set: Index is its index in the package's listText.
type Spec struct {
	Index uint16
	Kind  Kind
}

// Kind is what Load makes of a list.
type Kind uint8

const (
	Vocabulary Kind = iota // a registered list, vocab[Index]
	CueList                // a registered cue list (Cue), cues[Index]
	WordList               // a WordSet, sets[Index]
	DataList               // entries (Data), data[Index]
)

// Load makes a package's lists in the order of table (written by lexgen):
// each into the arrays the package's variables point at (&vocabLists[i],
// &cueLists[i], &wordSets[i]), which the compiler initialises with no code,
// or copy (dataLists[i], a list's entries: a copy is half the code of a
// call to Data). names holds a list file's stem per entry of table, each
// ended by "\n": the list is registered as pkg/stem ("hipaa/record_nouns").
// One loop instead of a call or two at every declaration took ~50 KB of
// package init code out of engine.wasm. It returns true, for a package
// variable to call it.
//
//go:noinline
func Load(pkg string, text []string, table []Spec, names string, vocab, cues []List, sets []WordSet, data [][]string) bool {
	for _, s := range table {
		var stem string
		stem, names, _ = strings.Cut(names, "\n")
		name := pkg + "/" + stem
		switch s.Kind {
		case Vocabulary:
			register(&vocab[s.Index], name, Data(text[s.Index]))
		case CueList:
			register(&cues[s.Index], name, Data(text[s.Index]))
			cues[s.Index].Cue = true
		case WordList:
			sets[s.Index].fill(Data(text[s.Index]))
		case DataList:
			data[s.Index] = Data(text[s.Index])
		}
	}
	return true
}

// FromData registers a list from a generated lists/*.txt constant. A
// package declares its own lists through lexgen's arrays instead
// (&vocabLists[listX], filled by Load), which cost no code per declaration.
//
//go:noinline
func FromData(name, data string) *List { return New(name, Data(data)...) }

// Data parses list data as checked into lists/*.txt: one entry per line,
// "#" starts a comment (whole line or after the entry), blank lines are
// skipped, entries are lower-cased.
//
//go:noinline
func Data(data string) []string {
	var out []string
	for line := range strings.SplitSeq(data, "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, strings.ToLower(line))
		}
	}
	return out
}

// Lookup returns the list registered under name.
func Lookup(name string) (*List, bool) {
	l, ok := byName[name]
	return l, ok
}

// Lists returns every registered list, in registration order.
func Lists() []*List { return slices.Clone(registry) }

// Entries returns the entries list l was registered with.
func (l *List) Entries() []string {
	vocabulary()
	if joined[l.ID] == "" {
		return nil
	}
	return strings.Split(joined[l.ID], "\n")
}

// Plurals returns entries with a plural of the last word added: "crown"
// also matches "crowns". Words already ending in s are left alone.
//
//go:noinline
func Plurals(entries []string) []string {
	out := make([]string, 0, 2*len(entries))
	for _, e := range entries {
		out = append(out, e)
		last := e
		if i := strings.LastIndexAny(e, " -"); i >= 0 {
			last = e[i+1:]
		}
		if c := last[len(last)-1]; len(last) > 2 && c != 's' && c >= 'a' && c <= 'z' {
			out = append(out, e+"s")
		}
	}
	return out
}

// Words splits a list written as one string.
//
//go:noinline
func Words(s string) []string { return strings.Fields(s) }

// vocabulary is the trie over every registered list, built once.
var vocabulary = sync.OnceValue(func() *trie {
	mu.Lock()
	frozen = true
	registered = len(registry)
	mu.Unlock()
	t := newTrie()
	for id, ps := range phrases {
		for _, p := range ps {
			t.add(tokens(p), ID(id))
		}
		// Keep each list as one string: thousands of strings would be
		// thousands of pointers for the garbage collector to walk.
		joined[id] = strings.Join(ps, "\n")
		phrases[id] = nil
	}
	internTags(t)
	t.freeze()
	indexTags(t)
	indexFlags(t)
	return t
})

// Build builds the vocabulary now, rather than on the first check.
func Build() { vocabulary() }

// tokens splits an entry into word tokens, skipping the tokenizer for the
// common plain lower-case word.
func tokens(p string) []string {
	if plainWord(p) {
		return []string{p}
	}
	return text.Tokens(p)
}

// Key is an entry as the vocabulary matches it: its tokens, lower-cased,
// joined by single spaces (so "Root  Canal" and "root canal" are one entry).
func Key(entry string) string { return strings.Join(tokens(normEntry(entry)), " ") }

// plainWord reports a word the tokenizer would keep as it is.
func plainWord(p string) bool {
	if p == "" || len(p) <= 5 && text.TextingForm(p) != "" {
		return false // "u" reads "you"
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// Has reports whether s (a word or a phrase, any case) is an entry of l.
func (l *List) Has(s string) bool {
	if s == "" {
		return false
	}
	t := vocabulary()
	s = strings.ToLower(s)
	var node int32
	if !strings.ContainsAny(s, " \t\n") {
		s = text.NormWord(s)
		node = t.child(0, text.Hash(s), s) // one word: no tokenising, no allocation
	} else {
		node = t.find(text.Tokens(s))
	}
	return node >= 0 && slices.Contains(t.lists(node), l.ID)
}

// HasAny reports whether s is an entry of any of ls, as l.Has(s) for each
// would, with s lowered and looked up once. A short ASCII s is lowered in
// a buffer on the stack, not a new string.
func HasAny(s string, ls ...*List) bool {
	if s == "" {
		return false
	}
	t := vocabulary()
	var buf [32]byte
	if len(s) <= len(buf) && asciiOnly(s) {
		b := buf[:len(s)]
		for i := range len(s) {
			c := s[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		s = string(b)
	} else {
		s = strings.ToLower(s)
	}
	var node int32
	if !strings.ContainsAny(s, " \t\n") {
		s = text.NormWord(s)
		node = t.child(0, text.Hash(s), s)
	} else {
		node = t.find(text.Tokens(s))
	}
	if node < 0 {
		return false
	}
	for _, l := range ls {
		if slices.Contains(t.lists(node), l.ID) {
			return true
		}
	}
	return false
}

func asciiOnly(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// ByID returns the list with id.
func ByID(id ID) *List { return registry[id] }
