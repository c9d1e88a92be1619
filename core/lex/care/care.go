// Package care holds the care vocabulary several analyses and rules share:
// treatments, conditions, medicines and everyday words for them (from
// core/vocab), the nouns of the care relationship (visits, charts,
// results), billing, clinicians, family members and body parts.
package care

import (
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/vocab"
)

var (
	Procedures  = lex.New("care/procedures", lex.Plurals(vocab.List("procedures"))...)
	Colloquial  = lex.New("care/colloquial", lex.Plurals(vocab.List("colloquial"))...)
	Conditions  = lex.New("care/conditions", lex.Plurals(vocab.List("conditions"))...)
	Medications = lex.New("care/medications", lex.Plurals(vocab.List("medications"))...)

	// Nouns are words that, owned by the reader ("your chart"), disclose
	// that a care relationship exists even without naming a treatment.
	Nouns = lex.New("care/nouns", lex.Plurals(lex.Data(listNouns))...)
	// Billing words disclose payment or coverage details when owned by the reader.
	Billing = lex.New("care/billing", lex.Plurals(lex.Data(listBilling))...)
	// Clinicians: "your dentist" states who treats the reader.
	Clinicians = lex.New("care/clinicians", lex.Plurals(lex.Data(listClinicians))...)

	// Body nouns are care nouns that are everyday words too ("your smile"):
	// they count only with an experience word in the same sentence.
	Body = lex.New("care/body", lex.Data(listBody)...)
	// Family: "your son's braces" is the same disclosure as "your braces".
	Family = lex.New("care/family", lex.Data(listFamily)...)

	// Ambiguous are single-word care terms that are everyday words too
	// ("cap", "bridge"): the vocabulary files list them after "# ambiguous".
	Ambiguous = lex.New("care/ambiguous", singleWords(vocab.Ambiguous("procedures"), vocab.Ambiguous("colloquial"),
		vocab.Ambiguous("conditions"), vocab.Ambiguous("medications"))...)

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
