package lex

import (
	"reflect"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core/text"
)

var (
	tFruit  = New("test/fruit", Data("apple\n# a comment\nRed Apple  # trailing comment\n\nkiwi")...)
	tColor  = New("test/color", Words("red green")...)
	tPhrase = New("test/phrase", "red apple pie", "green kiwi", "you're here")
	tEmpty  = New("test/empty")
	tBoth   = NewGroup(tFruit, tPhrase)
	// tFlags comes second: its bits sit above tFirst's in a word's flags.
	tFirst = NewFlags([]*List{tColor}, []uint32{1 << 2})
	tFlags = NewFlags([]*List{tFruit, tColor, tPhrase, tColor}, []uint32{1, 2, 4, 8})
)

func index(s string, x *Extension) *Doc { return Index(nil, text.Analyze(s), x) }

func TestData(t *testing.T) {
	if got := tFruit.Entries(); !reflect.DeepEqual(got, []string{"apple", "red apple", "kiwi"}) {
		t.Errorf("entries %q", got)
	}
	if _, ok := Lookup("test/color"); !ok {
		t.Error("lookup by name")
	}
}

func TestIsAndContains(t *testing.T) {
	d := index("A Red apple, GREEN kiwi", nil)
	if !d.Is(1, tColor) || !d.Is(2, tFruit) || d.Is(0, tColor) || d.Is(1, tFruit) {
		t.Error("single-word membership")
	}
	if !d.Contains(tPhrase) || d.Contains(tEmpty) {
		t.Error("contains")
	}
}

func TestFindLongestLeftToRight(t *testing.T) {
	d := index("red apple pie and red apple and green kiwi", nil)
	var got []string
	for _, m := range d.Find(tBoth) {
		sp := d.WordSpan(m.From, m.To)
		got = append(got, d.Text[sp.Start:sp.End]+"/"+ByID(m.List).Name)
	}
	want := []string{"red apple pie/test/phrase", "red apple/test/fruit", "green kiwi/test/phrase"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Find = %q, want %q", got, want)
	}
	// Starts keeps overlapping matches: one per start.
	var starts []int
	for _, m := range d.Starts(tBoth) {
		starts = append(starts, m.From)
	}
	if want := []int{0, 1, 4, 5, 7, 8}; !reflect.DeepEqual(starts, want) {
		t.Errorf("Starts at %v, want %v", starts, want)
	}
	if m, ok := d.LongestAt(0, tBoth); !ok || m.To != 3 {
		t.Errorf("LongestAt(0) = %v", m)
	}
}

func TestTypographicApostrophe(t *testing.T) {
	if d := index("You’re here!", nil); !d.Contains(tPhrase) || !tPhrase.Has("YOU'RE here") {
		t.Error("you’re should match you're")
	}
}

func TestExtension(t *testing.T) {
	x := Extend(map[*List][]string{tFruit: {"Dragon Fruit", "apple"}, tEmpty: {"zebra"}},
		map[*List][]string{tFruit: {"kiwi"}, tColor: {"green"}})
	d := index("dragon fruit, kiwi, green zebra apple", x)
	if !d.Contains(tEmpty) || !d.Is(4, tEmpty) {
		t.Error("an added entry matches, in an empty list too")
	}
	if d.Is(2, tFruit) || d.Is(3, tColor) {
		t.Error("removed entries no longer match")
	}
	if ms := d.Find(tFruit.Group); len(ms) != 2 || ms[0].To-ms[0].From != 2 {
		t.Errorf("find with the extension: %v", ms)
	}
	// The built-in vocabulary is unchanged for other policies.
	if d := index("kiwi", nil); !d.Is(0, tFruit) {
		t.Error("removal leaked into the shared vocabulary")
	}
	if (&Extension{}).Empty() != true || x.Empty() {
		t.Error("Empty")
	}
}

func TestRegisterAfterBuildPanics(t *testing.T) {
	Build()
	defer func() {
		if recover() == nil {
			t.Error("registering after the vocabulary is built must panic")
		}
	}()
	New("test/late", "x")
}

// TestFlags: a word's flags are those of the lists it alone is an entry of,
// the same as reading its one-word matches; phrases and other lists add none.
func TestFlags(t *testing.T) {
	f := tFlags
	d := index("A Red apple, GREEN kiwi pie", nil)
	if d.Flags(1, tFirst) != 1<<2 || d.Flags(2, tFirst) != 0 {
		t.Error("another Flags' bits")
	}
	for i, want := range []uint32{0, 2 | 8, 1, 2 | 8, 1, 0} {
		if got := d.Flags(i, f); got != want {
			t.Errorf("Flags(%d) = %b, want %b", i, got, want)
		}
		var viaAt uint32
		for _, m := range d.At(i) {
			for k, l := range []*List{tFruit, tColor, tPhrase, tColor} {
				if m.To == i+1 && m.List == l.ID {
					viaAt |= []uint32{1, 2, 4, 8}[k]
				}
			}
		}
		if viaAt != want {
			t.Errorf("word %d: one-word matches give %b, want %b", i, viaAt, want)
		}
	}
	if d.Flags(-1, f) != 0 || d.Flags(6, f) != 0 {
		t.Error("flags out of range")
	}
	defer func() {
		if recover() == nil {
			t.Error("flags registered after the vocabulary is built must panic")
		}
	}()
	NewFlags([]*List{tFruit}, []uint32{1})
}

// TestFlagsExtended: with a policy that adds and removes entries, a
// word's flags follow its lists as the policy left them.
func TestFlagsExtended(t *testing.T) {
	x := Extend(map[*List][]string{tColor: {"kiwi"}}, map[*List][]string{tFruit: {"apple"}})
	d := index("A Red apple, GREEN kiwi pie", x)
	for i, want := range []uint32{0, 2 | 8, 0, 2 | 8, 1 | 2 | 8, 0} {
		if got := d.Flags(i, tFlags); got != want {
			t.Errorf("Flags(%d) = %b, want %b", i, got, want)
		}
	}
	if d.Flags(4, tFirst) != 1<<2 {
		t.Error("an added entry's flags of another Flags")
	}
}

// TestExtensionMerge: the policy's own entries merge into the built-in
// matches by start and length, built-in first between equals, and every
// list's chain sees them.
func TestExtensionMerge(t *testing.T) {
	x := Extend(map[*List][]string{tFruit: {"red apple pie", "apple pie", "pie"}, tColor: {"apple"}}, nil)
	d := index("red apple pie and apple, pie", x)
	type m struct{ to, list int }
	fruit, color, phrase := int(tFruit.ID), int(tColor.ID), int(tPhrase.ID)
	want := [][]m{
		{{1, color}, {2, fruit}, {3, phrase}, {3, fruit}}, // red, red apple, red apple pie twice
		{{2, fruit}, {2, color}, {3, fruit}},              // apple, apple (added), apple pie (added)
		{{3, fruit}},                                      // pie (added)
		nil,
		{{5, fruit}, {5, color}, {6, fruit}},
		{{6, fruit}},
	}
	for i := range d.Words {
		var got []m
		for _, x := range d.At(i) {
			if x.From != i {
				t.Fatalf("At(%d) holds %v", i, x)
			}
			got = append(got, m{x.To, int(x.List)})
		}
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("At(%d) = %v, want %v", i, got, want[i])
		}
	}
	if ms := d.Find(tFruit.Group); len(ms) != 2 || ms[0].To != 3 || ms[1].From != 4 || ms[1].To != 6 {
		t.Errorf("Find(fruit) = %v, want red apple pie and apple pie", ms)
	}
	if !d.Is(1, tColor) || !d.Is(5, tFruit) {
		t.Error("added one-word entries are in the words' bit sets")
	}
}

// TestIsAnswersAsHas: with no entry taken out, Is for a word whose Lower
// is plain ASCII without an apostrophe answers as the list's Has of that
// Lower (callers skip Has then, see RemovesEntries); a policy that takes
// entries out says so.
func TestIsAnswersAsHas(t *testing.T) {
	d := index("Kiwi and RED apples, a green KIWI, apple red pie", nil)
	if d.RemovesEntries() {
		t.Error("no extension: nothing taken out")
	}
	for i := range d.Words {
		w := &d.Words[i]
		if w.Shape&(text.HasApostrophe|text.NonASCII) != 0 {
			continue
		}
		for _, l := range []*List{tFruit, tColor, tPhrase, tEmpty} {
			if d.Is(i, l) != l.Has(w.Lower) {
				t.Errorf("word %q: Is %v, Has %v", w.Lower, d.Is(i, l), l.Has(w.Lower))
			}
		}
	}
	x := Extend(map[*List][]string{tEmpty: {"zebra"}}, map[*List][]string{tFruit: {"kiwi"}})
	if e := index("kiwi zebra", x); !e.RemovesEntries() || e.Is(0, tFruit) == tFruit.Has("kiwi") {
		t.Error("a removed entry: RemovesEntries, and Is no longer answers as Has")
	}
	if e := index("kiwi zebra", Extend(map[*List][]string{tEmpty: {"zebra"}}, nil)); e.RemovesEntries() {
		t.Error("an extension that only adds takes nothing out")
	}
}

// HasSubstring finds entries inside a run no word boundary splits, reads
// the lower-cased text, and leaves all-ASCII text unsearched.
func TestHasSubstring(t *testing.T) {
	subs := []string{"抱歉", "죄송", "désolé"}
	for s, want := range map[string]bool{
		"非常抱歉让您久等了":             true,
		"정말 죄송합니다":              true,
		"Désolé pour l'attente": true,
		"sorry for the wait":    false,
		"谢谢您的耐心":                false,
	} {
		if got := index(s, nil).HasSubstring(subs); got != want {
			t.Errorf("HasSubstring(%q) = %v, want %v", s, got, want)
		}
	}
	if index("desole", nil).HasSubstring([]string{"desole"}) {
		t.Error("all-ASCII text was searched")
	}
}

// HasAny answers as Has per list: lowered once (in a stack buffer for a
// short ASCII string), looked up once.
func TestHasAnyAsHas(t *testing.T) {
	ins := []string{"", "apple", "Apple", "APPLE", "kiwi", "Red", "red apple", "Red Apple", "RED APPLE PIE",
		"You’re here", "YOU'RE HERE", "green kiwi", "pear", "Kiwi,", "Ápple", "ÁPPLE", strings.Repeat("Kiwi", 9),
		"red\tapple", "red\napple"}
	groups := [][]*List{{tFruit}, {tColor}, {tFruit, tColor}, {tColor, tPhrase}, {tEmpty}, {}}
	for _, s := range ins {
		for _, ls := range groups {
			want := false
			for _, l := range ls {
				want = want || l.Has(s)
			}
			if got := HasAny(s, ls...); got != want {
				t.Errorf("HasAny(%q, %d lists) = %v, want %v", s, len(ls), got, want)
			}
		}
	}
}

// EachList, and FewLists for a text with few matches, give every list
// with a match, in ID order.
func TestEachListAsContains(t *testing.T) {
	short := "Kiwi and RED apples, a green KIWI, apple red pie, you're here"
	for _, s := range []string{"", "zebra", short, strings.Repeat(short+" ", 40), "red", "kiwi"} {
		d := index(s, nil)
		var want []ID
		var set [rowWords]uint64
		for id := range registered {
			if d.Contains(ByID(ID(id))) {
				want = append(want, ID(id))
				set[id/64] |= 1 << (id % 64)
			}
		}
		if s == short && len(want) < 3 {
			t.Fatalf("%q: lists %v, want several", s, want)
		}
		var got []ID
		d.EachList(func(id ID) { got = append(got, id) })
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: EachList %v, want %v", s, got, want)
		}
		few, ok := d.FewLists()
		if ok != (len(d.matches) < registered/2) || ok && few != set || !ok && few != ([rowWords]uint64{}) {
			t.Errorf("%q (%d matches): FewLists %x %v, want %x", s, len(d.matches), few, ok, set)
		}
		// The bits, whatever the count: as many lists as this text has.
		n := registered
		registered = 2*len(d.matches) + 2
		few, ok = d.FewLists()
		registered = n
		if !ok || few != set {
			t.Errorf("%q: FewLists of all %d matches %x, want %x", s, len(d.matches), few, set)
		}
	}
}

// TestRowsAsMatches: a word's bit set (Is) holds exactly the lists it alone
// matches (At), with or without the policy's added or removed entries, and
// in a Doc a longer text left rows in.
func TestRowsAsMatches(t *testing.T) {
	added := Extend(map[*List][]string{tColor: {"kiwi"}, tEmpty: {"pie"}}, nil)
	removed := Extend(nil, map[*List][]string{tFruit: {"kiwi"}})
	both := Extend(map[*List][]string{tEmpty: {"apple"}}, map[*List][]string{tColor: {"red"}})
	long := "green kiwi, red apple pie and a RED Apple; kiwi, green, red, apple"
	short := "pie kiwi red apple"
	for _, x := range []*Extension{nil, added, removed, both} {
		var d *Doc
		for _, s := range []string{long, short, "", "zebra kiwi"} {
			d = Index(d, text.Analyze(s), x)
			for i := range d.Words {
				alone := map[ID]bool{}
				for _, m := range d.At(i) {
					if m.Len() == 1 {
						alone[m.List] = true
					}
				}
				for _, l := range []*List{tFruit, tColor, tPhrase, tEmpty} {
					if d.Is(i, l) != alone[l.ID] {
						t.Errorf("%q word %d (%q), list %s: Is %v, a one-word match %v", s, i, d.Words[i].Lower, l.Name, d.Is(i, l), alone[l.ID])
					}
				}
			}
		}
	}
}
