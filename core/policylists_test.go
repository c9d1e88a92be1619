package core

import "testing"

// Every extensible list is read from its policy field, and what a policy
// adds is matched like a built-in entry.
func TestPolicyLists(t *testing.T) {
	p := DefaultPolicy()
	p.Terms.Procedures = ListEdit{Add: []string{"blorvak"}}
	p.Terms.Colloquial = ListEdit{Add: []string{"tooth jewel"}}
	p.Terms.Conditions = ListEdit{Add: []string{"bruxism flare"}}
	p.Terms.Medications = ListEdit{Add: []string{"fluoxamine"}}
	p.Rules.Canned.Phrases = ListEdit{Add: []string{"your smile is our business"}}
	p.Rules.Manners.RudePhrases = ListEdit{Add: []string{"go fly a kite"}}
	p.Rules.Conduct.DefensivePhrases = ListEdit{Add: []string{"we run a tight ship"}}
	for _, l := range policyLists {
		if len(l.edit(p).Add) == 0 {
			t.Errorf("%s: the policy's entries are not read", l.path)
		}
		if len(l.builtin()) == 0 && l.path != "terms.colloquial" {
			t.Errorf("%s: no built-in entries a removal could name", l.path)
		}
	}
	e, err := NewEngine(p)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ text, comment string }{
		{"Glad the blorvak feels good!", ""},
		{"Your smile is our business.", "Thanks!"},
		{"Thanks for asking! Go fly a kite in the lot, please.", "Where do I park?"},
		{"We run a tight ship here. Call us at 555-201-3344.", "Rude staff and a long wait."},
	}
	want := []Category{PHI, Canned, Manners, Conduct}
	for k, c := range cases {
		found := false
		for _, f := range e.Check(Input{Text: c.text, Comment: c.comment}).Findings {
			found = found || f.Category == want[k]
		}
		if !found {
			t.Errorf("%q: no %s finding from the policy's own list", c.text, want[k])
		}
	}
}
