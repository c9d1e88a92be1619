package core

import "testing"

// Every extensible list is read from its policy field, and what a policy
// adds is matched like a built-in entry.
func TestPolicyLists(t *testing.T) {
	p := DefaultPolicy()
	p.Terms.Procedures = []string{"blorvak"}
	p.Terms.Colloquial = []string{"tooth jewel"}
	p.Terms.Conditions = []string{"bruxism flare"}
	p.Terms.Medications = []string{"fluoxamine"}
	p.Rules.Canned.Phrases = []string{"your smile is our business"}
	p.Rules.Manners.RudePhrases = []string{"go fly a kite"}
	p.Rules.Conduct.DefensivePhrases = []string{"we run a tight ship"}
	for path := range PolicyLists {
		if len(policyEntries(p, path)) == 0 {
			t.Errorf("%s: the policy's entries are not read", path)
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
