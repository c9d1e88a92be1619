// Package care holds the care vocabulary several analyses and rules share:
// treatments, conditions, medicines and everyday words for them, the nouns
// of the care relationship (visits, charts, results), billing, clinicians,
// family members and body parts. The broad vocabulary comes from WordNet
// (core/lex/wn); the hand lists (core/vocab, lists/) keep only what WordNet
// lacks or files elsewhere.
package care

import (
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/lex/wn"
	"github.com/replyguard/replyguard/core/vocab"
)

// wnSeen holds every WordNet term already given to a list: a term lands in
// the first list of care.All's order that takes its class, so no list
// shadows another.
var wnSeen = map[string]bool{}

// wnAdded are the WordNet terms the care lists took that WordNet also gives
// an everyday meaning ("ice" is a drug and frozen water, "retainer" a
// device and a fee): alone they need the stronger context hand-listed terms
// do not. Words with one, medical meaning ("inhaler") count as they are.
var wnAdded []string

// wnEveryday holds every class's everyday WordNet words (wn.Everyday).
var wnEveryday = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range wn.Classes() {
		for _, t := range wn.Everyday(c) {
			m[t] = true
		}
	}
	return m
}()

// withWN adds the WordNet terms of classes to hand entries, skipping terms
// the hand entries or an earlier list already have.
func withWN(hand []string, classes ...wn.Class) []string {
	have := map[string]bool{}
	for _, e := range hand {
		have[e] = true
		wnSeen[e] = true
	}
	out := hand
	for _, c := range classes {
		for _, t := range wn.Terms(c) {
			if !have[t] && !wnSeen[t] {
				have[t], wnSeen[t] = true, true
				out = append(out, t)
				if wnEveryday[t] {
					wnAdded = append(wnAdded, t)
				}
			}
		}
	}
	return out
}

var (
	// The order of these declarations is care.All's: withWN gives a
	// WordNet term to the first list that takes its class.
	Procedures = lex.New("care/procedures", withWN(lex.Plurals(vocab.List("procedures")), wn.Procedure, wn.Device)...)
	Colloquial = lex.New("care/colloquial", withWN(lex.Plurals(vocab.List("colloquial")))...)
	// Conditions take WordNet's symptoms too ("nausea", "earache"): a
	// symptom tied to the reader discloses as a diagnosis does, and as
	// WordNet terms their single words count only with context (Ambiguous).
	Conditions  = lex.New("care/conditions", withWN(lex.Plurals(vocab.List("conditions")), wn.Disorder, wn.Symptom)...)
	Medications = lex.New("care/medications", withWN(lex.Plurals(vocab.List("medications")), wn.Drug)...)

	// Nouns are words that, owned by the reader ("your chart"), disclose
	// that a care relationship exists even without naming a treatment.
	Nouns = lex.New("care/nouns", withWN(lex.Plurals(lex.Data(listText[listNouns])))...)
	// Billing words disclose payment or coverage details when owned by the reader.
	Billing = lex.New("care/billing", withWN(lex.Plurals(lex.Data(listText[listBilling])))...)
	// Clinicians: "your dentist" states who treats the reader.
	// WordNet's health professionals too ("your podiatrist"). Places of
	// care are no class: "our clinic", "urgent care is great for sprains"
	// name the practice or a service far more often than a person's stay.
	Clinicians = lex.New("care/clinicians", withWN(lex.Plurals(lex.Data(listText[listClinicians])), wn.Professional)...)

	// Body nouns are care nouns that are everyday words too ("your smile"):
	// they count only with an experience word in the same sentence.
	Body = lex.New("care/body", withWN(lex.Data(listText[listBody]), wn.BodyPart)...)
	// Family: "your son's braces" is the same disclosure as "your braces".
	Family = &vocabLists[listFamily]

	// Ambiguous are single-word care terms that are everyday words too
	// ("cap", "bridge"): the vocabulary files list them after "# ambiguous".
	Ambiguous = lex.New("care/ambiguous", singleWords(vocab.Ambiguous("procedures"), vocab.Ambiguous("colloquial"),
		vocab.Ambiguous("conditions"), vocab.Ambiguous("medications"), wnAdded)...)

	// All is every care class, in the order a tie between them is decided.
	All = lex.NewGroup(Procedures, Colloquial, Conditions, Medications, Nouns, Billing, Clinicians)
	// Terms are the classes a policy's "terms" extend.
	Terms = map[string]*lex.List{"procedures": Procedures, "colloquial": Colloquial, "conditions": Conditions, "medications": Medications}
)

func singleWords(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		for _, w := range l {
			if ws := lex.Words(w); len(ws) == 1 {
				out = append(out, ws[0])
			}
		}
	}
	return out
}
