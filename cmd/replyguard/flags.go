package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("replyguard "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors and usage are printed by parseFlags
	fs.Usage = func() {}
	return fs
}

// parseFlags parses flags wherever they appear among the arguments (Go's
// flag package stops at the first non-flag; "reply.txt --platform
// instagram" should work too). Everything after "--" is positional.
// When done is true the command must return code: help was printed (0) or
// the flags were bad (2, with the error and usage on stderr).
func parseFlags(fs *flag.FlagSet, args []string, usage string, stdout, stderr io.Writer) (pos []string, code int, done bool) {
	var tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stdout, usage)
				return nil, exitOK, true
			}
			fmt.Fprintf(stderr, "%s: %v\n\n%s", fs.Name(), err, usage)
			return nil, exitUsage, true
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	return append(pos, tail...), exitOK, false
}

// usageError prints a command's usage error and returns the usage status.
func usageError(stderr io.Writer, cmd, usage, format string, args ...any) int {
	fmt.Fprintf(stderr, "replyguard %s: %s\n\n%s", cmd, fmt.Sprintf(format, args...), usage)
	return exitUsage
}

// commandError prints what stopped a command (an unreadable or invalid
// file, a failed write) and returns the usage status.
func commandError(stderr io.Writer, cmd string, err error) int {
	fmt.Fprintf(stderr, "replyguard %s: %v\n", cmd, err)
	return exitUsage
}
