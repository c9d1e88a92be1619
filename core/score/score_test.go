package score

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/replyguard/replyguard/core/text"
)

// hashes lists every feature hash of f in order.
func hashes(f *Features) []uint64 {
	out := append([]uint64(nil), f.text...)
	out = append(out, 0)
	out = append(out, f.comment...)
	out = append(out, 0)
	return append(out, f.fixed...)
}

func extract(in Input, facts *Facts) []uint64 {
	var f Features
	f.Extract(in, facts)
	return hashes(&f)
}

// TestHashesArePinned: a feature's row must not change between runs, Go
// versions or machines, or trained weights would silently stop matching.
// (Changing the features on purpose means updating these and retraining.)
func TestHashesArePinned(t *testing.T) {
	var facts Facts
	facts.Add("rule:phi")
	var f Features
	f.Extract(Input{Text: "Crowns", Comment: "hurts", Platform: "facebook"}, &facts)
	got := []uint32{}
	for _, h := range hashes(&f) {
		if h != 0 {
			got = append(got, Bucket(h, 14))
		}
	}
	want := []uint32{6710, 2021, 1960, 15171, 11149, 14223, 13079, 4862}
	if len(got) != len(want) {
		t.Fatalf("%d features, pinned %d: %v", len(got), len(want), got)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("feature %d: row %d, pinned %d (all: %v)", i, got[i], want[i], got)
		}
	}
}

// TestExtractIsDeterministicAndReusesBuffers: the same input gives the same
// features, whatever was extracted before into the same buffers.
func TestExtractIsDeterministicAndReusesBuffers(t *testing.T) {
	a := Input{Text: "Hi Ana, your crown is ready! Call 555-0142 😊", Comment: "When is my crown ready?", Platform: "facebook"}
	b := Input{Text: "Thanks so much for the kind words about Dr. Obi and the whole team, we love hearing this", Platform: "instagram"}
	first := extract(a, nil)
	var f Features
	f.Extract(b, nil)
	f.Extract(a, nil)
	if got := hashes(&f); !slices.Equal(got, first) {
		t.Fatal("features of a differ after extracting b into the same buffers")
	}
	if slices.Equal(first, extract(b, nil)) {
		t.Fatal("different inputs, same features")
	}
}

// TestNormalisation: digits, phones, emails, URLs and handles are classes,
// case and apostrophes do not matter.
func TestNormalisation(t *testing.T) {
	for _, c := range [][2]string{
		{"see you at 2pm", "see you at 3pm"},
		{"call 555-0142 today", "call 555-0199 today"},
		{"email ana.lopez@mail.example now", "email bo@x.org now"},
		{"book at brightsmiles.example/book", "book at https://other.example/x?y=1"},
		{"thanks @ana_b!", "thanks @zed!"},
		{"We're here", "we’re here"},
		{"On 03/14/2026", "On 1/2/2025"},
		{"ana.lopez@mail.example thanks", "bo@x.org thanks"}, // a class token first
		{"call (555) 010-2000.", "call (555) 444-9999."},
		{"call 555.010.2000 now", "call 555-444-9999 now"},
		{"Call 555-0142, Ana", "Call 555-0199, Ana"},
	} {
		if !slices.Equal(extract(Input{Text: c[0]}, nil), extract(Input{Text: c[1]}, nil)) {
			t.Errorf("%q and %q should have the same features", c[0], c[1])
		}
		// The comment's tokens are classes too.
		if !slices.Equal(extract(Input{Text: "ok", Comment: c[0]}, nil), extract(Input{Text: "ok", Comment: c[1]}, nil)) {
			t.Errorf("comments %q and %q should have the same features", c[0], c[1])
		}
	}
	for _, c := range [][2]string{
		{"your crown", "your filling"},
		{"call 555-0142", "call 5550"},
		{"great", "GREAT"}, // shouting is a shape feature
	} {
		if slices.Equal(extract(Input{Text: c[0]}, nil), extract(Input{Text: c[1]}, nil)) {
			t.Errorf("%q and %q should differ", c[0], c[1])
		}
	}
}

// TestTokenSpans: spans are on rune boundaries and cover what was read,
// for accents, emoji and invalid UTF-8 alike.
func TestTokenSpans(t *testing.T) {
	text := "Siobhán's crown 🦷!! José\xff\xfe café, call (555) 010-2000."
	var f Features
	f.Extract(Input{Text: text}, nil)
	var got []string
	for _, tk := range f.tokens {
		if tk.start < 0 || tk.end > int32(len(text)) || tk.start >= tk.end {
			t.Fatalf("bad span %d:%d", tk.start, tk.end)
		}
		s := text[tk.start:tk.end]
		if !utf8.ValidString(s) {
			t.Errorf("span %d:%d is not valid UTF-8: %q", tk.start, tk.end, s)
		}
		got = append(got, s)
	}
	want := "Siobhán's|crown|🦷|!!|José|café|call|555|010-2000"
	if strings.Join(got, "|") != want {
		t.Errorf("tokens %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestFactsNaming: the engine's and trainer's facts are the named features.
func TestFactsNaming(t *testing.T) {
	var a, b Facts
	a.Finding("phi", true)
	a.Finding("phi", true) // a second finding adds nothing
	a.Finding("routing", false)
	a.Comment("complaint", true, []string{"pain", "billing"})
	for _, n := range []string{"rule:phi", "sev:phi:flag", "rule:routing", "sev:routing:info", "comment:complaint", "comment:negative", "topic:pain", "topic:billing"} {
		b.Add(n)
	}
	if !slices.Equal(a.h, b.h) {
		t.Errorf("facts %v, named %v", a.h, b.h)
	}
	a.Reset()
	if a.Len() != 0 {
		t.Errorf("reset left %d facts", a.Len())
	}
}

// model builds a model whose only weights are on the features of word, for
// category c.
func model(t *testing.T, word string, c Cat, weight int8) *Model {
	t.Helper()
	p := &Params{Bits: 12, Weights: make([]int8, (1<<12)*NumCats)}
	var f Features
	f.Extract(Input{Text: word}, nil)
	for _, h := range f.text {
		p.Weights[int(Bucket(h, 12))*NumCats+int(c)] = weight
	}
	for k := range NumCats {
		p.Scale[k] = 0.1
		p.Thresholds[k] = [3]float32{2, 1, 0.5}
		p.Keep[k] = [3]float32{float32(math.Inf(-1)), float32(math.Inf(-1)), float32(math.Inf(-1))}
		p.WeakKeep[k] = p.Keep[k]
	}
	m, err := Parse(string(p.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSpanIsTheHeaviestWord: the span points at the word that carried the
// score, in the reply's own bytes.
func TestSpanIsTheHeaviestWord(t *testing.T) {
	m := model(t, "extraction", PHI, 100)
	var f Features
	text := "Hi Zoë 😊 hope the extraction went well"
	s := m.Score(&f, Input{Text: text, Platform: "facebook"}, nil)
	if sp := m.Span(&f, PHI); text[sp.Start:sp.End] != "extraction" {
		got := text[sp.Start:sp.End]
		t.Errorf("span %q, want extraction", got)
	}
	if s.Logit[PHI] <= 0 || s.Prob(PHI) <= 0.5 {
		t.Errorf("phi logit %.2f: the weighted word should push it up", s.Logit[PHI])
	}
	if !m.Flags(&s, PHI, Normal) || m.Flags(&s, Canned, Normal) {
		t.Error("flags: want phi only")
	}
	if sp := m.Span(&f, Canned); sp != (Span{}) {
		t.Errorf("canned has no weights but a span %v", sp)
	}
	s = m.Score(&f, Input{Text: "hello world", Platform: "facebook"}, nil)
	if sp := m.Span(&f, PHI); s.Logit[PHI] != 0 || sp != (Span{}) {
		t.Errorf("no weighted word: logit %.2f span %v", s.Logit[PHI], sp)
	}
}

// TestKeepsBySensitivity: a rule's finding stays a warning when the score
// reaches the keep threshold of the policy's sensitivity, and the
// thresholds survive encoding.
func TestKeepsBySensitivity(t *testing.T) {
	p := &Params{Bits: 2, Weights: make([]int8, 4*NumCats)}
	p.Keep[Conduct] = [3]float32{1, 0, -1}
	p.WeakKeep[Conduct] = [3]float32{3, 2, 1}
	for k := range NumCats {
		if k != int(Conduct) {
			p.Keep[k] = [3]float32{float32(math.Inf(-1)), float32(math.Inf(-1)), float32(math.Inf(-1))}
			p.WeakKeep[k] = p.Keep[k]
		}
	}
	m, err := Parse(string(p.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	var s Scores
	s.Logit[Conduct], s.Logit[PHI] = -0.5, -100
	if m.Keeps(&s, Conduct, Low, false) || m.Keeps(&s, Conduct, Normal, false) || !m.Keeps(&s, Conduct, High, false) {
		t.Errorf("score -0.5 against keep thresholds 1, 0, -1: want demoted at low and normal only")
	}
	if !m.Keeps(&s, PHI, Low, false) || !m.Keeps(&s, PHI, Low, true) {
		t.Error("a -Inf keep threshold demoted a finding")
	}
	if !m.Decides(Conduct) || m.Decides(PHI) {
		t.Errorf("Decides: conduct %v, phi %v; want true, false", m.Decides(Conduct), m.Decides(PHI))
	}
	// Weak findings have thresholds of their own.
	if m.Keeps(&s, Conduct, High, true) || !m.Keeps(&s, Conduct, High, false) {
		t.Error("score -0.5 at high: want weak findings demoted (weak keep 1), others kept (keep -1)")
	}
	s.Logit[Conduct] = 1.5
	if m.Keeps(&s, Conduct, Normal, true) || !m.Keeps(&s, Conduct, High, true) {
		t.Error("score 1.5 against weak keep thresholds 3, 2, 1: want kept at high only")
	}
	if !m.Gates(Conduct) || m.Gates(PHI) {
		t.Errorf("Gates: conduct %v, phi %v; want true, false", m.Gates(Conduct), m.Gates(PHI))
	}
}

// TestSensitivityOrder: high flags at least as much as normal, normal as
// low, for the scorer's own findings and for rule findings kept; a rule's
// finding never needs a higher score to stay than no rule needs to add one.
func TestSensitivityOrder(t *testing.T) {
	m := Default()
	for c := range Cat(NumCats) {
		for _, k := range [][3]float64{m.keep[c], m.weakKeep[c]} {
			if !(k[0] >= k[1] && k[1] >= k[2]) {
				t.Errorf("%s keep thresholds %v are not ordered", c, k)
			}
			for s := range 3 {
				if k[s] > m.thr[c][s] {
					t.Errorf("%s: keep %.3f over add %.3f at sensitivity %d", c, k[s], m.thr[c][s], s)
				}
			}
		}
		lo, no, hi := m.Threshold(c, Low), m.Threshold(c, Normal), m.Threshold(c, High)
		if !(lo >= no && no >= hi) {
			t.Errorf("%s thresholds low %.3f normal %.3f high %.3f are not ordered", c, lo, no, hi)
		}
		if m.Threshold(c, "") != no || m.Threshold(c, "bogus") != no {
			t.Errorf("%s: unknown sensitivity is not normal", c)
		}
	}
}

func TestParseRejectsBadData(t *testing.T) {
	good := (&Params{Bits: 2, Weights: make([]int8, 4*NumCats)}).Encode()
	if _, err := Parse(string(good)); err != nil {
		t.Fatalf("good data: %v", err)
	}
	for name, data := range map[string]string{
		"empty":     "",
		"magic":     "XXXX" + string(good[4:]),
		"truncated": string(good[:len(good)-1]),
		"bits":      string(good[:4]) + "\x30" + string(good[5:]),
	} {
		if _, err := Parse(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestCatNames(t *testing.T) {
	for c := range Cat(NumCats) {
		if got, ok := CatOf(c.String()); !ok || got != c {
			t.Errorf("CatOf(%q) = %v, %v", c.String(), got, ok)
		}
	}
	if _, ok := CatOf("length"); ok {
		t.Error("length has no model")
	}
}

// scoreSetup is a 1,000-byte reply with a complaint and rule facts, and
// the buffers to score it with.
func scoreSetup() (*Model, Input, *Features, *Facts) {
	in := Input{Text: reply(1000), Comment: "I waited over an hour for my cleaning and the bill was wrong.", Platform: "facebook"}
	facts := new(Facts)
	facts.Finding("phi", true)
	facts.Comment("complaint", true, []string{"wait_time", "billing"})
	return Default(), in, new(Features), facts
}

// TestScoreDoesNotAllocate once the caller's buffers have grown: the
// engine's path, features of the documents the rules read, then the score.
func TestScoreDoesNotAllocate(t *testing.T) {
	m, in, f, facts := scoreSetup()
	reply, comment := text.Analyze(in.Text), text.Analyze(in.Comment)
	score := func() {
		f.ExtractDocs(reply, comment, in.Platform, facts)
		m.ScoreFeatures(f)
	}
	score()
	if n := testing.AllocsPerRun(20, score); n != 0 {
		t.Errorf("%.0f allocations per score, want 0", n)
	}
}

// TestExtractReadsTheDocuments: Extract, which tokenises, and ExtractDocs
// on the engine's documents give the same features; a blank comment is no
// comment.
func TestExtractReadsTheDocuments(t *testing.T) {
	in := Input{Text: "Hi Ana, your crown is READY! Call 555-0142 😊 or email ana@x.org", Comment: "When is my crown ready??", Platform: "facebook"}
	var a, b Features
	a.Extract(in, nil)
	b.ExtractDocs(text.Analyze(in.Text), text.Analyze(in.Comment), in.Platform, nil)
	if !slices.Equal(hashes(&a), hashes(&b)) {
		t.Error("Extract and ExtractDocs differ")
	}
	in.Comment = " \n\t"
	a.Extract(in, nil)
	b.ExtractDocs(text.Analyze(in.Text), nil, in.Platform, nil)
	if !slices.Equal(hashes(&a), hashes(&b)) || len(a.comment) != 0 {
		t.Errorf("a blank comment gave %d comment features", len(a.comment))
	}
}

// reply is about n bytes of varied reply text.
func reply(n int) string {
	parts := []string{"Thank you so much for the kind words, Zoë! 😊", "Hi Sarah, your crown looks great and we'll see you on March 4 at 3pm.",
		"Your satisfaction is our top priority.", "Please call us at (555) 010-2000 so we can help privately.",
		"That's NOT what happened, per our sign-in log you were late!!", "Flu shots are available for everyone 6 months and older."}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(parts[i%len(parts)])
		b.WriteByte(' ')
	}
	return b.String()[:n]
}

// BenchmarkScore1000 scores a 1,000-byte reply as the engine does, from
// the documents the rules read (budget: 5 µs natively).
func BenchmarkScore1000(b *testing.B) {
	m, in, f, facts := scoreSetup()
	reply, comment := text.Analyze(in.Text), text.Analyze(in.Comment)
	b.SetBytes(int64(len(in.Text)))
	b.ReportAllocs()
	for b.Loop() {
		f.ExtractDocs(reply, comment, in.Platform, facts)
		m.ScoreFeatures(f)
	}
}

// FuzzExtract: any text, valid UTF-8 or not, gives token spans inside it,
// in order, on rune boundaries, and a span per category inside it too.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"", "Hi Zoë 😊!!", "okʼ ʼ0 ʼ", "\xff\xfe(555) 010-2000", "a@b.co www.x.example/y", "WE'RE   ‘here’\n\nok?", strings.Repeat("x", 40), "fin.é a.\u00a0b ok.\xff"} {
		f.Add(s, "comment")
	}
	m := Default()
	f.Fuzz(func(t *testing.T, text, comment string) {
		var feats Features
		m.Score(&feats, Input{Text: text, Comment: comment, Platform: "facebook"}, nil)
		// Rune boundaries as range decodes them (an invalid byte is one rune).
		boundary := make([]bool, len(text)+1)
		for i := range text {
			boundary[i] = true
		}
		boundary[len(text)] = true
		last := int32(0)
		for _, tk := range feats.tokens {
			if tk.start < last || tk.end <= tk.start || tk.end > int32(len(text)) {
				t.Fatalf("token %d:%d out of order or outside %d bytes", tk.start, tk.end, len(text))
			}
			if !boundary[tk.start] || !boundary[tk.end] {
				t.Fatalf("token %d:%d splits a rune", tk.start, tk.end)
			}
			last = tk.end
		}
		for c := range Cat(NumCats) {
			if sp := m.Span(&feats, c); sp.Start < 0 || sp.End > len(text) || sp.End < sp.Start {
				t.Fatalf("%s span %v outside %d bytes", c, sp, len(text))
			}
		}
	})
}

// TestFactsReuse: facts are kept once, and a reset forgets all of them,
// however many checks have used the same buffers.
func TestFactsReuse(t *testing.T) {
	var f Facts
	for round := range 5 {
		f.Reset()
		n := 10 + 200*round%700
		for i := range n {
			f.Add("fact" + string(rune('a'+round)) + strings.Repeat("x", i%7) + string(rune('0'+i%10)) + string(rune(i)))
			f.Add("fact" + string(rune('a'+round)) + strings.Repeat("x", i%7) + string(rune('0'+i%10)) + string(rune(i))) // again
		}
		if f.Len() != n {
			t.Fatalf("round %d: %d facts, want %d", round, f.Len(), n)
		}
		if round > 0 && f.Has("fact"+string(rune('a'+round-1))+"0"+string(rune(0))) {
			t.Fatalf("round %d: a fact of the round before survived the reset", round)
		}
		if !f.Has("fact" + string(rune('a'+round)) + "0" + string(rune(0))) {
			t.Fatalf("round %d: first fact missing", round)
		}
	}
}

// TestSumRowsPaths: the shipped table's loop and the general one add the
// same lanes.
func TestSumRowsPaths(t *testing.T) {
	rows := make([]uint64, 1<<shippedBits+1) // one too many: the general loop
	hs := make([]uint64, laneRows)
	x := uint64(1)
	for i := range rows {
		x = step(x, uint64(i))
		rows[i] = x & (laneMask | laneMask<<laneBits)
	}
	for i := range hs {
		x = step(x, 7)
		hs[i] = x
	}
	fast, general := sumRows(rows[:1<<shippedBits], 64-shippedBits, hs), sumRows(rows, 64-shippedBits, hs)
	if fast != general {
		t.Errorf("shipped-size loop %x, general loop %x", fast, general)
	}
	var want uint64
	for _, h := range hs {
		want += rows[Bucket(h, shippedBits)]
	}
	if fast != want {
		t.Errorf("lanes %x, want %x (Bucket's rows)", fast, want)
	}
}

// TestLoneModifierApostrophe: ʼ (U+02BC) is a letter, but with no letter
// after it no word; the tokeniser before the one-pass scan looped forever
// on it.
func TestLoneModifierApostrophe(t *testing.T) {
	done := make(chan []string, 1)
	text := "okʼ ʼ0 ʼ weʼre ʼ"
	go func() {
		var f Features
		f.Extract(Input{Text: text, Comment: "ʼ"}, nil)
		var got []string
		for _, tk := range f.tokens {
			got = append(got, text[tk.start:tk.end])
		}
		done <- got
	}()
	select {
	case got := <-done:
		if want := "okʼ|ʼ0|ʼ|weʼre|ʼ"; strings.Join(got, "|") != want { // the words core/text reads
			t.Errorf("tokens %q, want %q", strings.Join(got, "|"), want)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Extract did not return")
	}
}
