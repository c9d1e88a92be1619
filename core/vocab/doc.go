// Package vocab holds the curated word lists the PHI rule uses to recognise
// care details and people's names by context. The lists are data, embedded at
// build time; the rule code decides what context makes a match count.
package vocab
