// Command replyguard-train fits the learned scorer's weights to the labelled
// corpus and writes them as Go source (core/score/weights_gen.go), printing
// the cross-validated figures. Run it through `./build.sh train`; the same
// corpus always gives the same file.
//
//	replyguard-train [-corpus core/testdata/corpus] [-out core/score/weights_gen.go]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/replyguard/replyguard/internal/train"
)

func main() {
	corpus := flag.String("corpus", "core/testdata/corpus", "directory of labelled *.jsonl files to train on")
	out := flag.String("out", "core/score/weights_gen.go", "generated Go file to write")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: replyguard-train [-corpus DIR] [-out FILE]")
		os.Exit(2)
	}
	items, err := train.LoadDir(*corpus)
	if err != nil {
		fmt.Fprintln(os.Stderr, "replyguard-train:", err)
		os.Exit(1)
	}
	res, err := train.Run(items, train.Defaults)
	if err != nil {
		fmt.Fprintln(os.Stderr, "replyguard-train:", err)
		os.Exit(1)
	}
	fmt.Print(res.Report)
	if err := os.WriteFile(*out, train.GoFile(res.Params.Encode(), res.Report), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "replyguard-train:", err)
		os.Exit(1)
	}
	fmt.Fprintln(os.Stderr, "wrote", *out)
}
