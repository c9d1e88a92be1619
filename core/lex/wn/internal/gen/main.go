// Command gen writes core/lex/wn/terms_gen.go: the medical vocabulary of
// package wn, taken from WordNet 3.0 (Debian's wordnet-base) and the hand
// lists in core/lex/wn/lists.
//
//	go run ./core/lex/wn/internal/gen            # from the repository root
//	go generate ./core/lex/wn                     # the same
//
// A class is the hyponym closure of its root synsets (lists/roots.txt). Two
// rules, both from WordNet's own data, decide which lemmas of the closure
// are kept:
//
//   - everyday: a lemma whose other senses (outside every class, and not a
//     body verb like "cough") are tagged at least 3 times in the SemCor
//     counts (cntlist.rev) and more often than its medical senses is an
//     everyday word ("back", "cold", "shot", "bridge") and is dropped;
//   - familiar: a multiword lemma is kept only when each of its words is
//     tagged in SemCor or is itself a kept single-word term, so "wisdom
//     tooth" stays and "vena thyroidea" goes.
//
// lists/stop.txt drops what these rules keep but a reply uses as an everyday
// word ("hand", "face"); lists/keep.txt keeps what they drop but a reply
// means medically ("appendix", "x-ray"); lists/extra.txt adds what WordNet
// lacks. A kept single word with more than one WordNet meaning ("retainer",
// also a fee) is marked everyday, as are hand terms WordNet knows in another
// sense and lists/general.txt's words of one meaning used of anyone
// ("illness"): the care lists give them only with care context. Every entry of those lists carries its reason, and an entry that
// no longer changes the output is an error, so the lists stay minimal.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	dict := flag.String("dict", "/usr/share/wordnet", "WordNet 3.0 dictionary directory (data.*, index.*, cntlist.rev, noun.exc)")
	lists := flag.String("lists", "core/lex/wn/lists", "directory of roots.txt, stop.txt, keep.txt, extra.txt, general.txt")
	out := flag.String("out", "core/lex/wn/terms_gen.go", "file to write")
	flag.Parse()
	if err := run(*dict, *lists, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dict, lists, out string) error {
	src, err := Generate(dict, lists)
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}
