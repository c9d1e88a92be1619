// Package vocab holds the curated word lists the PHI rule uses to recognise
// care details and people's names by context. The lists are data, compiled
// in from the .txt files (after editing or adding one, run
// go test ./core/vocab -update to regenerate files_gen.go); the rule code
// decides what context makes a match count.
package vocab
