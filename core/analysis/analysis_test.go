package analysis

import "testing"

func TestOrder(t *testing.T) {
	run := func(*Pass) any { return nil }
	a := &Analyzer{Name: "a", Doc: "a", Run: run}
	b := &Analyzer{Name: "b", Doc: "b", Run: run, Requires: []*Analyzer{a}}
	c := &Analyzer{Name: "c", Doc: "c", Run: run, Requires: []*Analyzer{b, a}}
	got, err := Order([]*Analyzer{c, b})
	if err != nil || len(got) != 3 || got[0] != a || got[1] != b || got[2] != c {
		t.Fatalf("Order = %v, %v; want a, b, c", got, err)
	}
	a.Requires = []*Analyzer{c}
	if _, err := Order([]*Analyzer{c}); err == nil {
		t.Error("a cycle must fail")
	}
	a.Requires = nil
	if _, err := Order([]*Analyzer{{Name: "x", Run: run}}); err == nil {
		t.Error("an analyzer without a doc must fail")
	}
}

func TestValidate(t *testing.T) {
	run := func(*Pass) {}
	ok := &Rule{Name: "r", Doc: "d", Category: PHI, Run: run}
	if err := Validate([]*Rule{ok}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][]*Rule{
		{ok, ok},
		{{Name: "r", Doc: "d", Category: "nope", Run: run}},
		{{Name: "r", Doc: "d", Category: PHI}},
		{nil},
	} {
		if Validate(bad) == nil {
			t.Errorf("%v should not validate", bad)
		}
	}
}
