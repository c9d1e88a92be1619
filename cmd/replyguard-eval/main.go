// Command replyguard-eval scores the engine on labelled reply sets.
//
//	go run ./cmd/replyguard-eval core/testdata/corpus/dev.jsonl ...
//	go run ./cmd/replyguard-eval -misses core/testdata/corpus/dev.jsonl
//	go run ./cmd/replyguard-eval -spans -rules core/testdata/corpus/*.jsonl
//
// Sets under a directory named "blind" are frozen evaluation sets: their
// disagreements are never printed, only the scores (see
// core/testdata/blind/README.md).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/replyguard/replyguard/core"
	"github.com/replyguard/replyguard/internal/corpus"
)

func main() {
	misses := flag.Bool("misses", false, "print each disagreement (refused for blind sets)")
	rulesOnly := flag.Bool("rules", false, "score the rules alone, without the learned scorer")
	spans := flag.Bool("spans", false, "print each labelled PHI phrase no PHI finding marks (refused for blind sets)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: replyguard-eval [-misses] [-spans] [-rules] FILE.jsonl ...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	e := core.MustDefaultEngine()
	if *rulesOnly {
		e = e.WithoutScorer()
	}
	for _, path := range flag.Args() {
		items, err := corpus.Load(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "replyguard-eval:", err)
			os.Exit(2)
		}
		rep := corpus.Score(e, items)
		fmt.Print(rep.Table(path))
		if (*misses || *spans) && isBlind(path) {
			fmt.Fprintln(os.Stderr, "replyguard-eval: -misses and -spans are refused for blind sets:", path)
			os.Exit(2)
		}
		if *spans {
			// "flagged": the reply has another PHI finding, so only this phrase is unmarked.
			for _, m := range rep.MissedSpans {
				state := "unflagged"
				if m.Flagged {
					state = "flagged"
				}
				fmt.Printf("SPAN %s %s %q in %q\n", state, m.Item.ID, m.Phrase, m.Item.Text)
			}
			// Underlines in labelled replies that no labelled phrase overlaps.
			for _, m := range rep.Unlabelled {
				fmt.Printf("EXTRA %s %q in %q\n", m.Item.ID, m.Phrase, m.Item.Text)
			}
		}
		if *misses {
			for _, m := range rep.Misses {
				kind := "FN"
				if m.FalsePos {
					kind = "FP"
				}
				fmt.Printf("%s %s %s: %q (comment %q) why: %s\n", kind, m.Category, m.Item.ID, m.Item.Text, m.Item.Comment, m.Item.Why)
			}
		}
		fmt.Println()
	}
}

func isBlind(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	for _, part := range strings.Split(filepath.ToSlash(abs), "/") {
		if part == "blind" {
			return true
		}
	}
	return false
}
