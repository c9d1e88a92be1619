package core

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

// Check reuses tokeniser arrays between calls (see Engine.Check). A result
// must not depend on what was checked before, in any order or concurrently.
func TestCheckIndependentOfHistory(t *testing.T) {
	e := MustDefaultEngine()
	items := LoadCorpus(t, "dev")
	long := strings.Repeat("Hi Janet, sorry your root canal last Tuesday hurt. Call 555-0101. ", 300)
	want := make([]Result, len(items))
	for i, it := range items {
		want[i] = e.Check(Input{Text: it.Text, Comment: it.Comment, Platform: Platform(it.Platform)})
	}
	check := func(i int) {
		got := e.Check(Input{Text: items[i].Text, Comment: items[i].Comment, Platform: Platform(items[i].Platform)})
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("%s: result differs after other checks:\n got %+v\nwant %+v", items[i].ID, got, want[i])
		}
	}
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	slices.Reverse(order)
	for _, i := range order {
		e.Check(Input{Text: long, Comment: long})
		check(i)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(items); i += 4 {
				check(i)
			}
		})
	}
	wg.Wait()
}

// A pooled Doc keeps no text once the check is over.
func TestReleasedDocHoldsNoText(t *testing.T) {
	e := MustDefaultEngine()
	ld := e.index("Hi Janet, your crown is ready.")
	d := ld.Doc
	release(ld)
	if ld.Doc != nil {
		t.Fatal("released lex.Doc still holds its text")
	}
	if d.Text != "" || d.Lower != "" {
		t.Fatalf("released Doc still holds text %q", d.Text)
	}
	for _, w := range d.Words[:cap(d.Words)] {
		if w.Lower != "" {
			t.Fatalf("released Doc still holds word %q", w.Lower)
		}
	}
}

// CheckView hands fn what Check returns, and a Check after it is unchanged
// (the pooled findings it lent were cleared, not kept).
func TestCheckViewMatchesCheck(t *testing.T) {
	e := MustDefaultEngine()
	for _, it := range LoadCorpus(t, "dev") {
		in := Input{Text: it.Text, Comment: it.Comment, Platform: Platform(it.Platform)}
		want := e.Check(in)
		var got Result
		e.CheckView(in, func(res Result) {
			got = res
			got.Findings = nil // Check returns no findings as nil
			if len(res.Findings) > 0 {
				got.Findings = slices.Clone(res.Findings)
			}
		})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: CheckView gave\n %+v\nCheck gave\n %+v", it.ID, got, want)
		}
		if again := e.Check(in); !reflect.DeepEqual(again, want) {
			t.Fatalf("%s: Check after CheckView differs", it.ID)
		}
	}
}
