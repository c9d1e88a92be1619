package lex

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// engineLists is about how many lists the engine registers; the ceiling
// leaves room for at least 64 more.
const engineLists = 256

var _ [maxLists - engineLists - 64]struct{} // (a negative length fails the build)

// TestListCeiling registers lists up to maxLists in a test binary of its
// own (the registry is global and freezes when the vocabulary is built):
// one more must panic, and every list up to the last must match, be a
// word's bit, chain its matches, and give its flags, with and without a
// policy's extension.
func TestListCeiling(t *testing.T) {
	if os.Getenv("LEX_CEILING_CHILD") == "1" {
		ceilingChild(t)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestListCeiling$", "-test.count=1")
	cmd.Env = append(os.Environ(), "LEX_CEILING_CHILD=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

// ceilingWord is a made-up word, letters only, for list n.
func ceilingWord(n int) string {
	return "qz" + string(rune('a'+n/26/26%26)) + string(rune('a'+n/26%26)) + string(rune('a'+n%26))
}

func ceilingChild(t *testing.T) {
	first := len(registry)
	var ls []*List
	for n := first; n < maxLists; n++ {
		ls = append(ls, New("ceiling/"+ceilingWord(n), ceilingWord(n)))
	}
	func() {
		defer func() {
			if r, _ := recover().(string); !strings.Contains(r, "raise rowWords") {
				t.Errorf("list %d: panic %q, want the ceiling's", maxLists+1, r)
			}
		}()
		New("ceiling/one-more", "qzone")
	}()
	if len(registry) != maxLists {
		t.Fatalf("%d lists registered, want %d", len(registry), maxLists)
	}
	last := ls[len(ls)-1]
	if last.ID != maxLists-1 {
		t.Fatalf("last list ID %d", last.ID)
	}
	f := NewFlags([]*List{ls[0], last}, []uint32{1, 2})
	Build()
	words := make([]string, len(ls))
	for i, l := range ls {
		words[i] = l.Entries()[0]
	}
	extra := ceilingWord(maxLists)
	x := Extend(map[*List][]string{last: {extra}}, nil)
	for _, ext := range []*Extension{nil, x} {
		d := index(strings.Join(words, " ")+" "+extra, ext)
		for i, l := range ls {
			want := 1
			if l == last && ext != nil {
				want = 2 // and the policy's own word
			}
			if !d.Is(i, l) || d.Is(i, ls[(i+1)%len(ls)]) || !d.Contains(l) || len(d.Find(l.Group)) != want {
				t.Fatalf("ext %v: list %v at word %d", ext != nil, l, i)
			}
		}
		var seen int
		d.EachList(func(id ID) {
			if id >= ID(first) {
				seen++
			}
		})
		if seen != len(ls) {
			t.Errorf("ext %v: EachList saw %d of %d lists", ext != nil, seen, len(ls))
		}
		if got := d.Flags(0, f); got != 1 {
			t.Errorf("ext %v: flags of the first list's word %d", ext != nil, got)
		}
		if got := d.Flags(len(ls)-1, f); got != 2 {
			t.Errorf("ext %v: flags of the last list's word %d", ext != nil, got)
		}
		if got, want := d.Is(len(ls), last), ext != nil; got != want || d.Flags(len(ls), f) == 0 != !want {
			t.Errorf("ext %v: the policy's own word in the last list: %v", ext != nil, got)
		}
	}
}
