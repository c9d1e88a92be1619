package core_test

import (
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/replyguard/replyguard/core"
	"github.com/replyguard/replyguard/policies"
)

// replySentences mixes what staff really type: warm and clean, PHI-ish,
// canned, and conduct problems, with emoji and accented names.
var replySentences = []string{
	"Thank you so much for the kind words, Zoë! 😊",
	"We're so glad you had a great experience with our team.",
	"Hi Sarah, as your dentist I checked your chart and your crown looks great.",
	"See you at your next cleaning on March 4 at 3pm!",
	"Your satisfaction is our top priority.",
	"Please call us at (555) 010-2000 so we can help privately.",
	"José, hope you're healing well after the extraction 🦷",
	"That's not what happened, per our sign-in log you were late.",
	"Thank you for reaching out, a member of our team will contact you.",
	"Flu shots are available for everyone 6 months and older.",
	"We're sorry to hear about your wait today; please message us so we can make it right 🙏",
	"Dr. Patel is accepting new patients this spring.",
	"Your Delta Dental claim is still pending and your balance is $120.",
	"Siobhán, the rubber bands go on tomorrow — you've got this! 💪🏽",
	"Closed December 25, happy holidays from all of us ✨",
}

const benchComment = "I waited over an hour for my cleaning and then the bill was wrong. Nobody answers the phone!"

// replyOfLength builds a realistic reply of exactly n characters (runes).
func replyOfLength(n int) string {
	var b strings.Builder
	for i, count := 0, 0; count < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
			count++
		}
		sentence := replySentences[i%len(replySentences)]
		b.WriteString(sentence)
		count += utf8.RuneCountInString(sentence)
	}
	s := b.String()
	runes := 0
	for i := range s {
		if runes == n {
			return s[:i]
		}
		runes++
	}
	return s
}

func benchmarkCheck(b *testing.B, chars int) {
	e := core.MustDefaultEngine()
	in := core.Input{Text: replyOfLength(chars), Comment: benchComment, Platform: core.Facebook}
	b.SetBytes(int64(len(in.Text)))
	b.ReportAllocs()
	for b.Loop() {
		e.Check(in)
	}
	reportPerKchar(b, chars)
}

// reportPerKchar adds ns/kchar, so runs of different lengths compare directly.
func reportPerKchar(b *testing.B, chars int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(float64(chars)/1000), "ns/kchar")
}

// BenchmarkCheckView1000 is the wasm binding's path (Engine.CheckView): the
// result is read in place, the findings are not copied out.
func BenchmarkCheckView1000(b *testing.B) {
	e := core.MustDefaultEngine()
	in := core.Input{Text: replyOfLength(1000), Comment: benchComment, Platform: core.Facebook}
	b.SetBytes(int64(len(in.Text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		e.CheckView(in, func(res core.Result) { n += len(res.Findings) })
	}
	if n == 0 {
		b.Fatal("no findings: the benchmark reply should have some")
	}
	reportPerKchar(b, 1000)
}

func BenchmarkCheck150(b *testing.B)   { benchmarkCheck(b, 150) }
func BenchmarkCheck1000(b *testing.B)  { benchmarkCheck(b, 1000) }
func BenchmarkCheck20000(b *testing.B) { benchmarkCheck(b, 20000) }

// BenchmarkCheckShort is a typical short reply with its comment: what it
// costs is mostly the fixed per-check work, not the per-character work.
func BenchmarkCheckShort(b *testing.B) {
	e := core.MustDefaultEngine()
	in := core.Input{Text: "Thanks Maria, please call us so we can help!", Comment: benchComment, Platform: core.Facebook}
	b.ReportAllocs()
	for b.Loop() {
		e.Check(in)
	}
}

// BenchmarkCompileDefault is the cost of building an engine, paid once per
// policy load in the extension's service worker.
func BenchmarkCompileDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		p, err := core.ParsePolicy(policies.Default)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := core.NewEngine(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckRequest1000 is the JSON path the wasm module takes,
// including the conversion of spans to UTF-16.
func BenchmarkCheckRequest1000(b *testing.B) {
	e := core.MustDefaultEngine()
	req := &core.Request{Text: replyOfLength(1000), Comment: benchComment, Platform: "instagram"}
	b.SetBytes(int64(len(req.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.CheckRequest(req); err != nil {
			b.Fatal(err)
		}
	}
	reportPerKchar(b, 1000)
}

func TestReplyOfLength(t *testing.T) {
	for _, n := range []int{0, 1, 150, 1000, 20000} {
		if got := utf8.RuneCountInString(replyOfLength(n)); got != n {
			t.Errorf("replyOfLength(%d) has %d characters", n, got)
		}
	}
}

// allocCost reports allocations and bytes allocated by one Check of text.
// Allocation growth stands in for time: it is deterministic, so the test
// needs no timers and cannot flake on a busy machine.
func allocCost(e *core.Engine, text string) (allocs, bytes float64) {
	in := core.Input{Text: text, Comment: benchComment}
	const runs = 5
	allocs = testing.AllocsPerRun(runs, func() { e.Check(in) }) // warms up first
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range runs {
		e.Check(in)
	}
	runtime.ReadMemStats(&after)
	return allocs, float64(after.TotalAlloc-before.TotalAlloc) / runs
}

// TestCheckLinear: 20× the text may cost at most 25× the allocations and
// bytes, so nothing in the engine grows quadratically with reply length.
func TestCheckLinear(t *testing.T) {
	e := core.MustDefaultEngine()
	a1, b1 := allocCost(e, replyOfLength(1000))
	a20, b20 := allocCost(e, replyOfLength(20000))
	if a1 <= 0 || b1 <= 0 {
		t.Fatalf("no allocations measured (allocs %v, bytes %v); the proxy is broken", a1, b1)
	}
	t.Logf("1k chars: %.0f allocs, %.0f bytes; 20k chars: %.0f allocs, %.0f bytes", a1, b1, a20, b20)
	if r := a20 / a1; r > 25 {
		t.Errorf("allocations grow %.1f× for 20× the text (%.0f → %.0f), want ≤ 25×", r, a1, a20)
	}
	if r := b20 / b1; r > 25 {
		t.Errorf("bytes allocated grow %.1f× for 20× the text (%.0f → %.0f), want ≤ 25×", r, b1, b20)
	}
}

// TestPathologicalInputs: hostile or absurd replies must finish (the
// `go test -timeout` is the guard) and return well-formed spans.
func TestPathologicalInputs(t *testing.T) {
	megabyte := replyOfLength(1 << 20)
	invalid := strings.Repeat("\xff\xfe\xc3(\xe2\x82\xf0\x9f\x98 your chart ", 20000)
	cases := []struct{ name, text, comment string }{
		{"long words", strings.Repeat(strings.Repeat("x", 5000)+" ", 20) + strings.Repeat("o'brien-x.ray@a_b", 2000), ""},
		{"200k a", strings.Repeat("a", 200_000), ""},
		{"100k dots", strings.Repeat(".", 100_000), ""},
		{"50k emoji", strings.Repeat("😀", 50_000), ""},
		{"your 20k times", strings.Repeat("your ", 20_000), ""},
		{"1 MB text", megabyte, ""},
		{"1 MB comment", "Thanks for reaching out, please call us.", megabyte},
		{"invalid UTF-8", invalid, invalid},
		{"100k digits", strings.Repeat("5", 100_000), ""},
		{"phone-like runs", strings.Repeat("(555) 010-2000 ", 10_000), ""},
		{"100k newlines", strings.Repeat("\n", 100_000), ""},
		{"capitals and bangs", strings.Repeat("NO!!! ", 20_000), ""},
		{"template braces", strings.Repeat("{first_name} [", 10_000), ""},
		{"titles", strings.Repeat("Dr. Mr. Mrs. ", 10_000), ""},
	}
	e := core.MustDefaultEngine()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := e.Check(core.Input{Text: c.text, Comment: c.comment, Platform: core.Instagram})
			checkFindings(t, c.text, res.Findings)
			resp, err := e.CheckRequest(&core.Request{Text: c.text, Comment: c.comment, Platform: string(core.Instagram)})
			if err != nil {
				t.Fatal(err)
			}
			checkResponse(t, c.text, resp, len(res.Findings))
			t.Logf("%d bytes, %d findings", len(c.text), len(res.Findings))
		})
	}
}

// nodeParagraph is bench-core.js's PARAGRAPH: BenchmarkCheckNode1000 checks
// the reply and comment extension/engine/bench-count.mjs checks in V8, so
// native and V8 instruction counts compare the same work.
const nodeParagraph = "Thank you so much for reaching out, Maria! We're sorry to hear about the wait at your last visit. " +
	"Dr. Lopez and our team would love to help — please call our office at 555-0100 so we can look into " +
	"your appointment and your insurance questions. 😊 "

// nodeText is bench-core.js's benchText(n): the paragraph repeated and cut
// at n UTF-16 code units, a split surrogate pair replaced by a space.
func nodeText(n int) string {
	s := strings.Repeat(nodeParagraph, n/len(nodeParagraph)+2)
	units := 0
	for i, r := range s {
		w := 1
		if r > 0xffff {
			w = 2
		}
		if units+w > n {
			if units < n {
				return s[:i] + " "
			}
			return s[:i]
		}
		units += w
	}
	return s
}

func BenchmarkCheckNode1000(b *testing.B) {
	e := core.MustDefaultEngine()
	in := core.Input{Text: nodeText(1000), Comment: "I waited an hour and nobody told me anything.", Platform: core.Facebook}
	b.ReportAllocs()
	for b.Loop() {
		e.Check(in)
	}
}
