package lex

import (
	"slices"
	"testing"

	"github.com/replyguard/replyguard/core/text"
)

// TestWordSet: Has agrees with slices.Contains on Lower for every word of
// some texts, including words whose Lower the tokenizer rewrote (texting
// forms, non-ASCII, apostrophes), with sets small and large.
func TestWordSet(t *testing.T) {
	texts := []string{
		"But you said u would call, tho. HOWEVER: José’s x-ray isn't done!",
		"Sorry for the wait, but we triage by severity; though we'd love to help.",
		"Ça va? Naïve café — ÉCOLE. o'brien drew.harris@example.com 3.5 2024",
	}
	sets := [][]string{
		{"but", "however", "though", "tho"},
		{"you", "josé's", "isn't", "x-ray", "café", "école", "o'brien", "3.5"},
		{},
	}
	for _, s := range texts {
		d := text.Analyze(s)
		for _, words := range sets {
			set := NewWordSet(words)
			for i := range d.Words {
				w := &d.Words[i]
				if got, want := set.Has(w), slices.Contains(words, w.Lower); got != want {
					t.Errorf("%q in %q: Has = %v, want %v", w.Lower, words, got, want)
				}
				if w.Hash != text.Hash(w.Lower) {
					t.Errorf("%q: Hash is not text.Hash(Lower): WordSet relies on it", w.Lower)
				}
			}
		}
	}
}
