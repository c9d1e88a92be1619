package lex_test

import (
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core/lex"
	_ "github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/text"
)

var sample = strings.Repeat("Hi Sarah, as your dentist I checked your chart and your crown looks great. See you at your next cleaning on March 4 at 3pm! ", 10)[:1000]

// BenchmarkTokenize is the tokeniser alone, per 1,000 characters.
func BenchmarkTokenize(b *testing.B) {
	var d text.Doc
	for b.Loop() {
		d.Reset(sample)
	}
}

// BenchmarkIndex is tokenising plus the one walk through the vocabulary.
func BenchmarkIndex(b *testing.B) {
	var d text.Doc
	var x lex.Doc
	for b.Loop() {
		lex.Index(&x, d.Reset(sample), nil)
	}
}

// BenchmarkWalk is the walk alone, over a tokenised text.
func BenchmarkWalk(b *testing.B) {
	var x lex.Doc
	d := text.Analyze(sample)
	for b.Loop() {
		lex.Index(&x, d, nil)
	}
}
