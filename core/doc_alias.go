package core

import (
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
)

// The engine's documents are core/text tokens with every core/lex match.
type (
	Doc  = lex.Doc
	Word = text.Word
	Span = text.Span
)

// Analyze tokenises text and finds its vocabulary (built-in lists only).
func Analyze(s string) *Doc { return lex.Index(nil, text.Analyze(s), nil) }
