package core

import (
	"testing"

	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/ruletest/archive"
)

// Rule test data lives beside each rule (rules/*/testdata/*.txtar, see
// package ruletest/archive). Each rule's own test runs it alone; here every
// case runs through the whole engine, so a case without an expectation for
// a category must produce no warning of that category from any rule.

// LoadRuleCases reads every rule archive.
func LoadRuleCases(t testing.TB) []archive.Case {
	t.Helper()
	cases, err := archive.Glob("rules/*/testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	return cases
}

// TestRules pins the rules themselves; the learned scorer, which may add or
// demote findings, is measured by cross-validation (internal/train).
func TestRules(t *testing.T) {
	e := MustDefaultEngine().WithoutScorer()
	for _, rc := range LoadRuleCases(t) {
		t.Run(rc.File+"/"+rc.Name, func(t *testing.T) {
			res := e.Check(Input{Text: rc.Reply, Comment: rc.Comment, Platform: rc.Platform, Private: rc.Private})
			for _, msg := range archive.Compare(rc, res.Findings) {
				t.Error(msg)
			}
		})
	}
}

func TestRegistry(t *testing.T) {
	if err := ValidateRules(Rules); err != nil {
		t.Fatal(err)
	}
	bad := []*Rule{{Name: "x", Doc: "d", Category: PHI, Run: func(*analysis.Pass) {}}, {Name: "x", Doc: "d", Category: PHI, Run: func(*analysis.Pass) {}}}
	if err := ValidateRules(bad); err == nil {
		t.Fatal("duplicate names must fail validation")
	}
	if err := ValidateRules([]*Rule{{Name: "y", Category: PHI, Run: func(*analysis.Pass) {}}}); err == nil {
		t.Fatal("a rule without doc must fail validation")
	}
	seen := map[Category]bool{}
	for _, r := range Rules {
		seen[r.Category] = true
	}
	for _, c := range Categories {
		if !seen[c] {
			t.Errorf("no rule for category %s", c)
		}
	}
}
