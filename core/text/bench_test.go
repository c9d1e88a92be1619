package text

import (
	"strings"
	"testing"
)

// benchText is 1,000 bytes of reply: capitals, accents, emoji, numbers.
var benchText = strings.Repeat("Hi Sarah, as your dentist I checked your chart and your crown looks great. "+
	"See you at your next cleaning on March 4 at 3pm! José, hope you're healing well 🦷 "+
	"Please call us at (555) 010-2000 so we can help privately. ", 5)[:1000]

// BenchmarkReset is the tokenizer: words, sentences, lowered text, shapes.
func BenchmarkReset(b *testing.B) {
	var d Doc
	for b.Loop() {
		d.Reset(benchText)
	}
}

// BenchmarkFingerprint is the reply's SimHash over its words.
func BenchmarkFingerprint(b *testing.B) {
	var d Doc
	d.Reset(benchText)
	for b.Loop() {
		d.fpDone = false
		Fingerprint(&d)
	}
}

// BenchmarkNumberRuns is the scan for phone-like number runs.
func BenchmarkNumberRuns(b *testing.B) {
	var d Doc
	d.Reset(benchText)
	for b.Loop() {
		d.runsDone = false
		d.NumberRuns()
	}
}

// BenchmarkUTF16 converts every word's span of a non-ASCII text to
// UTF-16 offsets, as the JSON API does for findings.
func BenchmarkUTF16(b *testing.B) {
	var d Doc
	d.Reset(benchText)
	for b.Loop() {
		x := NewUTF16Index(benchText)
		for _, w := range d.Words {
			x.At(w.Start)
			x.At(w.End)
		}
	}
}
