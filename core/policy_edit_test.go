package core

import (
	"reflect"
	"slices"
	"testing"
)

// checkWith runs text through an engine built from a policy file, rules
// only: the lists a policy edits are the rules' (the scorer judges apart).
func checkWith(t *testing.T, policy, text string) []Finding {
	t.Helper()
	p, err := ParsePolicy([]byte(policy))
	if err != nil {
		t.Fatalf("%s: %v", policy, err)
	}
	e, err := NewEngine(p)
	if err != nil {
		t.Fatal(err)
	}
	return e.WithoutScorer().Check(Input{Text: text}).Findings
}

func categories(fs []Finding) []Category {
	var out []Category
	for _, f := range fs {
		if !slices.Contains(out, f.Category) {
			out = append(out, f.Category)
		}
	}
	return out
}

func TestPolicyListEditForms(t *testing.T) {
	p, err := ParsePolicy([]byte(`{"terms":{"procedures":["Invisalign"],"conditions":{"add":["TMJ"],"remove":["gingivitis"]},"medications":{"remove":["amoxicillin"]}},
		"rules":{"canned":{"phrases":{"add":["we strive for excellence"]}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	want := Terms{
		Procedures:  ListEdit{Add: []string{"Invisalign"}},
		Conditions:  ListEdit{Add: []string{"TMJ"}, Remove: []string{"gingivitis"}},
		Medications: ListEdit{Remove: []string{"amoxicillin"}},
		Colloquial:  ListEdit{Add: []string{}},
	}
	if !reflect.DeepEqual(p.Terms, want) {
		t.Errorf("terms = %+v, want %+v", p.Terms, want)
	}
	if got := p.Rules.Canned.Phrases; !reflect.DeepEqual(got, ListEdit{Add: []string{"we strive for excellence"}}) {
		t.Errorf("canned phrases = %+v", got)
	}
	// Both forms write back as they read: an array without removals.
	for _, l := range []ListEdit{{Add: []string{"a"}}, {Add: []string{"a"}, Remove: []string{"<b>"}}, {}} {
		b, err := l.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var back ListEdit
		if err := back.UnmarshalJSON(b); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if len(l.Add) == 0 {
			l.Add = []string{} // [] reads back as an empty list
		}
		if !reflect.DeepEqual(back, l) {
			t.Errorf("%s read back as %+v, want %+v", b, back, l)
		}
	}
}

// TestPolicyRemovesBuiltins: a removed built-in entry no longer produces its
// finding, and the rest of the list still does.
func TestPolicyRemovesBuiltins(t *testing.T) {
	tests := []struct {
		name, policy, text string
		gone               Category
	}{
		{"canned phrase", `{"rules":{"canned":{"phrases":{"remove":["dear valued patient","valued patient"]}}}}`,
			"Dear valued patient, thanks for the note.", Canned},
		{"rude phrase", `{"rules":{"manners":{"rude_phrases":{"remove":["calm down"]}}}}`,
			"Please calm down, we are looking into it.", Manners},
		{"care term", `{"terms":{"conditions":{"remove":["gingivitis"]}}}`,
			"Maria, your gingivitis is much better now.", PHI},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if before := categories(checkWith(t, `{}`, tt.text)); !slices.Contains(before, tt.gone) {
				t.Fatalf("default policy: %v, want a %s finding to remove", before, tt.gone)
			}
			if after := categories(checkWith(t, tt.policy, tt.text)); slices.Contains(after, tt.gone) {
				t.Errorf("after removal: still %v", after)
			}
		})
	}
	// Removing one care term leaves the others.
	if got := categories(checkWith(t, `{"terms":{"conditions":{"remove":["gingivitis"]}}}`, "Maria, your periodontitis is much better now.")); !slices.Contains(got, PHI) {
		t.Errorf("periodontitis no longer flagged: %v", got)
	}
}

func TestPolicyRuleOff(t *testing.T) {
	text := "Dear valued patient, calm down."
	if got := categories(checkWith(t, `{}`, text)); !slices.Contains(got, Canned) || !slices.Contains(got, Manners) {
		t.Fatalf("default: %v", got)
	}
	got := categories(checkWith(t, `{"rules":{"canned":{"disabled_rules":["no-auto-respond"]}}}`, text))
	if slices.Contains(got, Canned) || !slices.Contains(got, Manners) {
		t.Errorf("canned rule off: %v, want manners only", got)
	}
	p, _ := ParsePolicy([]byte(`{"rules":{"canned":{"disabled_rules":["no-auto-respond"]},"length":{"enabled":false}}}`))
	c, err := Compile(p)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"no-auto-respond": false, "keep-it-short": false, "hipaa": true, "no-such-rule": false} {
		if c.RuleEnabled(name) != want {
			t.Errorf("RuleEnabled(%q) = %v, want %v", name, !want, want)
		}
	}
}

func TestPolicySensitivity(t *testing.T) {
	p, err := ParsePolicy([]byte(`{"rules":{"phi":{"sensitivity":"high"},"conduct":{"sensitivity":"low"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Compile(p)
	if err != nil {
		t.Fatal(err)
	}
	for cat, want := range map[Category]string{PHI: "high", Conduct: "low", Canned: "normal", Routing: "normal"} {
		if got := c.Sensitivity(cat); got != want {
			t.Errorf("Sensitivity(%s) = %q, want %q", cat, got, want)
		}
	}
}

func TestPolicyEditErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"rules":{"phi":{"sensitivity":"extreme"}}}`, `rules.phi.sensitivity: must be one of "low", "normal", "high"`},
		{`{"rules":{"phi":{"sensitivity":2}}}`, `rules.phi.sensitivity: must be a string`},
		{`{"terms":{"colloquial":{"add":["a"],"delete":["b"]}}}`, `terms.colloquial.delete: unknown field`},
		{`{"terms":{"colloquial":{"remov":["b"]}}}`, `terms.colloquial.remov: unknown field (did you mean "remove"?)`},
		{`{"terms":{"procedures":{"remove":["root canal","teleportation"]}}}`, `terms.procedures.remove[1]: "teleportation" is not a built-in procedure`},
		{`{"terms":{"medications":{"remove":[""]}}}`, `terms.medications.remove[0]: must not be empty`},
		{`{"rules":{"canned":{"phrases":{"add":["Dear Patient"],"remove":["dear  patient"]}}}}`, `rules.canned.phrases.remove[0]: "dear  patient" is also in add`},
		{`{"rules":{"manners":{"rude_phrases":{"remove":["be nice"]}}}}`, `rules.manners.rude_phrases.remove[0]: "be nice" is not a built-in rude phrase`},
		{`{"rules":{"conduct":{"defensive_phrases":{"remove":["we are always right"]}}}}`, `rules.conduct.defensive_phrases.remove[0]: "we are always right" is not a built-in defensive phrase`},
		{`{"rules":{"phi":{"disabled_rules":["hipa"]}}}`, `rules.phi.disabled_rules[0]: unknown rule "hipa" (did you mean "hipaa"?)`},
		{`{"rules":{"phi":{"disabled_rules":["negative-comments"]}}}`, `rules.phi.disabled_rules[0]: rule "negative-comments" belongs to rules.conduct`},
		{`{"rules":{"routing":{"disabled_rules":["zzz"]}}}`, `rules.routing.disabled_rules[0]: unknown rule "zzz" (rules of routing: let-the-experts-handle-it)`},
		{`{"rules":{"phi":{"disabled_rules":["hipaa","hipaa"]}}}`, `rules.phi.disabled_rules[1]: duplicate of disabled_rules[0]`},
		{`{"rules":{"phi":{"disabled_rules":"hipaa"}}}`, `rules.phi.disabled_rules: must be an array`},
	}
	for _, tt := range tests {
		if got := policyErrs(t, tt.in); !reflect.DeepEqual(got, []string{tt.want}) {
			t.Errorf("%s:\n got  %q\n want %q", tt.in, got, tt.want)
		}
	}
}
