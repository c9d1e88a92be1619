package vocab

import _ "embed"

// The lists are embedded as strings rather than an embed.FS: the FS API
// links time formatting into the wasm module (~195 KB) for file metadata
// nobody reads. A new list needs a line here; TestEveryFileIsEmbedded
// fails until it has one.
var (
	//go:embed colloquial.txt
	colloquialTxt string
	//go:embed conditions.txt
	conditionsTxt string
	//go:embed first_names.txt
	firstNamesTxt string
	//go:embed first_names_ambiguous.txt
	firstNamesAmbiguousTxt string
	//go:embed first_names_more.txt
	firstNamesMoreTxt string
	//go:embed medications.txt
	medicationsTxt string
	//go:embed procedures.txt
	proceduresTxt string
	//go:embed relationship_phrases.txt
	relationshipPhrasesTxt string
	//go:embed surnames.txt
	surnamesTxt string
)

// files maps each list's base name (without ".txt") to its text.
var files = map[string]string{
	"colloquial":            colloquialTxt,
	"conditions":            conditionsTxt,
	"first_names":           firstNamesTxt,
	"first_names_ambiguous": firstNamesAmbiguousTxt,
	"first_names_more":      firstNamesMoreTxt,
	"medications":           medicationsTxt,
	"procedures":            proceduresTxt,
	"relationship_phrases":  relationshipPhrasesTxt,
	"surnames":              surnamesTxt,
}
