// Command replyguard-eval scores the engine on labelled reply sets.
//
//	go run ./cmd/replyguard-eval core/testdata/corpus/dev.jsonl ...
//	go run ./cmd/replyguard-eval -misses core/testdata/corpus/dev.jsonl
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
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: replyguard-eval [-misses] [-rules] FILE.jsonl ...")
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
		if *misses {
			if isBlind(path) {
				fmt.Fprintln(os.Stderr, "replyguard-eval: -misses is refused for blind sets:", path)
				os.Exit(2)
			}
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
