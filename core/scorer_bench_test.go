package core_test

import (
	"testing"

	"github.com/replyguard/replyguard/core"
)

// BenchmarkCheck1000WithoutScorer is BenchmarkCheck1000 on an engine
// without the learned scorer: the difference between the two is what the
// scorer costs a check (facts, features and scores).
func BenchmarkCheck1000WithoutScorer(b *testing.B) {
	e := core.MustDefaultEngine().WithoutScorer()
	in := core.Input{Text: replyOfLength(1000), Comment: benchComment, Platform: core.Facebook}
	b.SetBytes(int64(len(in.Text)))
	b.ReportAllocs()
	for b.Loop() {
		e.Check(in)
	}
	reportPerKchar(b, 1000)
}
