package hipaa

import (
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/care"
	"github.com/replyguard/replyguard/core/vocab"
)

// Names of people, from core/vocab: ambiguous first names ("Will", "Grace")
// need a name context.
var (
	firstNames    = lex.New("names/first", append(vocab.List("first_names"), vocab.List("first_names_more")...)...)
	ambiguousName = lex.New("names/ambiguous", append(append(vocab.Ambiguous("first_names"), vocab.Ambiguous("first_names_more")...), vocab.List("first_names_ambiguous")...)...)
	surnames      = lex.New("names/surnames", vocab.List("surnames")...)
)

// Shared care vocabulary (core/lex/care).
var (
	familyNouns = care.Family
	bodyNouns   = care.Body
)
