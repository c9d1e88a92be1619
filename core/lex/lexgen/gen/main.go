// Command gen writes a_lists_gen.go for the package directories given as
// "dir=pkg" arguments; tests keep the files fresh afterwards (lexgen.Check).
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/replyguard/replyguard/core/lex/lexgen"
)

func main() {
	for _, arg := range os.Args[1:] {
		dir, pkg, ok := strings.Cut(arg, "=")
		if !ok {
			fmt.Fprintln(os.Stderr, "usage: gen dir=pkg ...")
			os.Exit(2)
		}
		out, err := lexgen.Generate(dir, pkg)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, "a_lists_gen.go"), out, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
