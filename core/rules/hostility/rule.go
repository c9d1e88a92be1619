// Package hostility flags hostility toward the person in a public reply:
// insults, mockery, calling them a liar or ignorant, threats of legal
// action. REPLY-RULES.md: these are conduct findings with or without the
// comment, so the rule needs no comment at all; it is only phrase lists,
// built with the existence rule kind.
package hostility

import (
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/rules/existence"
)

var (
	insults  = &vocabLists[listInsults]
	liar     = &vocabLists[listLiar]
	ignorant = &vocabLists[listIgnorant]
	mockery  = &vocabLists[listMockery]
	// retorts mock only as a clause of their own closing a sentence
	// ("Be serious."), like the curt orders.
	retorts = &vocabLists[listMockingRetorts]
	legal   = &vocabLists[listLegal]
	// dismissive is what a complaint hears as "your problem, not ours".
	dismissive = &vocabLists[listDismissive]
	// curt are orders and shrugs that brush the person off when they are
	// a clause of their own closing a sentence ("Grow up.", "fine, relax").
	curt = &vocabLists[listCurtOrders]
	// orders turn a denial opening a sentence into an order ("don't be").
	orders = &wordSets[listOrderVerbs]
)

const calm = "stay calm and kind in public: apologise generally and offer to talk privately"

// calmInPrivate is calm for a private message, which already is private.
const calmInPrivate = "stay calm and kind: apologise and offer to make it right"

// brushOff is the message of the dismissive phrases and the curt orders
// alike: the person hears the same thing.
const brushOff = "brushes the person off"

// mocks is the message of mockery anywhere and of the retorts that mock only
// when they close a sentence ("Get real."): the same jab either way.
const mocks = "mocks the person"

// Rule is the hostility rule.
var Rule = existence.New(existence.Spec{
	Name:     "no-hostility",
	Doc:      "public replies must never insult, mock, call the person a liar or threaten legal action, whatever the comment",
	Category: analysis.Conduct,
	Checks: []existence.Check{
		{List: legal, Message: "threatens or mentions legal action in public", Suggestion: calm, PrivateMessage: "threatens or mentions legal action", PrivateSuggestion: calmInPrivate},
		{List: liar, Message: "calls the person a liar", Suggestion: calm, PrivateSuggestion: calmInPrivate},
		{List: ignorant, Message: "talks down to the person", Suggestion: calm, PrivateSuggestion: calmInPrivate, Orders: orders},
		{List: insults, Message: "insults the person", Suggestion: calm, PrivateSuggestion: calmInPrivate, Orders: orders},
		{List: mockery, Message: mocks, Suggestion: calm, PrivateSuggestion: calmInPrivate},
		{List: retorts, Message: mocks, Suggestion: calm, PrivateSuggestion: calmInPrivate, Closing: true},
		{List: dismissive, Message: brushOff, Suggestion: calm, PrivateSuggestion: calmInPrivate},
		{List: curt, Message: brushOff, Suggestion: calm, PrivateSuggestion: calmInPrivate, Closing: true},
	},
})

// cues are every list of the rule.
var cues = lex.NewGroup(legal, liar, ignorant, insults, mockery, dismissive)

// Cue reports whether reply d matches any of the rule's lists, whether or
// not the rule let the match stand (a negated insult): hostility the
// definition flags with or without a comment (core/scorer.go reads it).
func Cue(d *lex.Doc) bool { return d.Any(cues) }
