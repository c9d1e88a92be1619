// Package ruletest checks one rule against the test data beside it, in the
// spirit of golang.org/x/tools/go/analysis/analysistest: a rule folder's
// testdata/*.txtar cases carry their expectations inline (see package
// archive), and a case without an expectation for the rule's category must
// produce no finding of it.
package ruletest

import (
	"testing"

	"github.com/replyguard/replyguard/core"
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/ruletest/archive"
)

// Run checks rule r, alone under the default policy, against
// testdata/*.txtar in the calling test's directory.
func Run(t *testing.T, r *analysis.Rule) {
	t.Helper()
	e, err := core.NewEngineWith(nil, r)
	if err != nil {
		t.Fatal(err)
	}
	cases, err := archive.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.File+"/"+c.Name, func(t *testing.T) {
			res := e.Check(core.Input{Text: c.Reply, Comment: c.Comment, Platform: c.Platform, Private: c.Private})
			for _, msg := range archive.Compare(c, res.Findings, r.Category) {
				t.Error(msg)
			}
		})
	}
}
