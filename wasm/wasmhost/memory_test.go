package wasmhost

import (
	"testing"

	"github.com/replyguard/replyguard/core"
)

// TestMemoryStaysFlat runs 100,000 checks through one instance: after a
// warm-up the module's linear memory must stay flat, and no buffer may
// outlive its call.
func TestMemoryStaysFlat(t *testing.T) {
	const warmup, total = 5_000, 100_000
	e := newTestEngine(t)
	// Short replies keep the test quick; together they take every path that
	// allocates: findings with edits, emoji spans, comments and fingerprints.
	reqs := []*core.Request{
		{Text: "Thanks so much for the kind words, Maria! 😊 See you at your next cleaning."},
		{Text: "Calm down. Your root canal on March 3rd went fine, call 555-0100.",
			Comment: "I waited two hours and nobody told me anything!", Platform: "instagram"},
		{Text: "Café crème résumé — naïve façade. 👍🏽", Comment: "How much is a crown?", Recent: []string{"00ff00ff00ff00ff"}},
	}
	var base uint32
	for i := 0; i < total; i++ {
		if _, err := e.Check(reqs[i%len(reqs)]); err != nil {
			t.Fatalf("check %d: %v", i, err)
		}
		if n, err := e.LiveBuffers(); err != nil || n != 0 {
			t.Fatalf("after check %d: %d live buffers (%v), want 0", i, n, err)
		}
		if i == warmup {
			base = e.MemoryBytes()
		}
	}
	// The Go heap may still settle a page or two as its GC paces itself; a
	// leak of even 20 bytes per check would add 1.9 MB over these checks.
	if got := e.MemoryBytes(); got > base+1<<20 {
		t.Fatalf("linear memory grew from %d to %d bytes between check %d and %d", base, got, warmup, total)
	}
	t.Logf("linear memory %d bytes after %d checks", base, total)
}
