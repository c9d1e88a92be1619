// Command replyguard-train fits the learned scorer's weights to the labelled
// corpus and writes them as Go source (core/score/weights_gen.go), printing
// the cross-validated figures. Run it through `./build.sh train`; the same
// corpus always gives the same file. The other flags try settings other
// than the shipped ones (train.Defaults) and only print their figures.
//
//	replyguard-train [-corpus core/testdata/corpus] [-out core/score/weights_gen.go]
//	replyguard-train -try [-demoted FILE] [-added FILE] [-epochs N] [-l2 X] [-bits N] [-levels N] [-average=false] ...
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/replyguard/replyguard/internal/train"
)

func main() {
	corpus := flag.String("corpus", "core/testdata/corpus", "directory of labelled *.jsonl files to train on")
	out := flag.String("out", "core/score/weights_gen.go", "generated Go file to write")
	try := flag.Bool("try", false, "print the cross-validated figures of the settings below; write nothing")
	cfg := train.Defaults
	flag.UintVar(&cfg.Bits, "bits", cfg.Bits, "log2 of the table's rows")
	flag.IntVar(&cfg.Epochs, "epochs", cfg.Epochs, "passes over the training items")
	flag.Float64Var(&cfg.Rate, "rate", cfg.Rate, "initial learning rate")
	flag.Float64Var(&cfg.Decay, "decay", cfg.Decay, "learning rate decay per step")
	flag.Float64Var(&cfg.L2, "l2", cfg.L2, "weight decay per update")
	flag.IntVar(&cfg.Levels, "levels", cfg.Levels, "quantisation levels each side of zero")
	flag.BoolVar(&cfg.Average, "average", cfg.Average, "average the weights over every step")
	flag.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "shuffle seed")
	flag.IntVar(&cfg.MinAuthors, "min-authors", cfg.MinAuthors, "train only features at least this many authors use")
	demoted := flag.String("demoted", "", "write the replies PHI's gate demotes in cross-validation to this file")
	vetoed := flag.String("vetoed", "", "write the replies with PHI findings the score keeps, and what the span veto did with them, in cross-validation to this file")
	added := flag.String("added", "", "write the replies the scorer adds PHI or conduct to, or demotes conduct of, and every manners disagreement, in cross-validation to this file")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: replyguard-train [-corpus DIR] [-out FILE] [-try and settings]")
		os.Exit(2)
	}
	if !*try && !cfg.Same(train.Defaults) {
		fmt.Fprintln(os.Stderr, "replyguard-train: settings other than the shipped ones need -try (they would not reproduce the checked-in weights)")
		os.Exit(2)
	}
	items, err := train.LoadDir(*corpus)
	if err != nil {
		fmt.Fprintln(os.Stderr, "replyguard-train:", err)
		os.Exit(1)
	}
	// The report-only files, each opened only when its flag names one.
	var reports []*os.File
	defer func() {
		for _, f := range reports {
			f.Close()
		}
	}()
	report := func(path string) io.Writer {
		if path == "" {
			return nil
		}
		f, err := os.Create(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "replyguard-train:", err)
			os.Exit(1)
		}
		reports = append(reports, f)
		return f
	}
	cfg.Demoted, cfg.Added, cfg.Vetoed = report(*demoted), report(*added), report(*vetoed)
	res, err := train.Run(items, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "replyguard-train:", err)
		os.Exit(1)
	}
	fmt.Print(res.Report)
	if *try {
		return
	}
	if err := os.WriteFile(*out, train.GoFile(res.Params.Encode(), res.Report), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "replyguard-train:", err)
		os.Exit(1)
	}
	fmt.Fprintln(os.Stderr, "wrote", *out)
}
