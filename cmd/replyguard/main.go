// Command replyguard checks a practice's replies to patients against a
// ReplyGuard policy, from the shell or in batch (JSONL), and validates
// policy files. See README.md in this directory.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/replyguard/replyguard/core"
)

// version is set at build time with -ldflags "-X main.version=1.2.3".
var version = "0.1.0-dev"

// Exit statuses shared by every command.
const (
	exitOK       = 0 // nothing at warning or above; policy valid
	exitFindings = 1 // findings at warning or above; policy invalid
	exitUsage    = 2 // bad flags, unreadable input, invalid policy for check
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const mainUsage = `replyguard checks replies to patients for PHI, canned tone, length,
manners, conduct and routing, using a practice's ReplyGuard policy.

Usage:
  replyguard check [flags] [FILE|-]          check one reply
  replyguard check --jsonl [flags] [FILE|-]  check one JSON request per line
  replyguard policy check FILE...            validate policy files
  replyguard policy schema                   print the policy JSON Schema
  replyguard policy default                  print the default policy
  replyguard policy keygen/sign/verify       sign policies for distribution
  replyguard serve --addr ADDR --data DIR    run the policy server
  replyguard version                         print versions
  replyguard help [COMMAND]                  show help for a command

Examples:
  echo "Thanks Ana, see you at your next cleaning!" | replyguard check
  replyguard check --policy practice.json --platform instagram reply.txt
  replyguard check --jsonl replies.jsonl > findings.jsonl
  replyguard policy check practice.json

Run "replyguard COMMAND --help" for a command's flags.
`

// run is the whole CLI: main only wires it to the process, so tests drive it
// in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, mainUsage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "check":
		return runCheck(rest, stdin, stdout, stderr)
	case "policy":
		return runPolicy(rest, stdin, stdout, stderr)
	case "serve":
		return runServe(rest, stdout, stderr)
	case "version", "--version":
		return runVersion(rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		return runHelp(rest, stdin, stdout, stderr)
	}
	fmt.Fprintf(stderr, "replyguard: unknown command %q\n\n%s", cmd, mainUsage)
	return exitUsage
}

func runHelp(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, mainUsage)
		return exitOK
	}
	switch args[0] {
	case "check", "policy", "serve", "version":
		return run(append(args[:1:1], append(args[1:], "--help")...), stdin, stdout, stderr)
	}
	fmt.Fprintf(stderr, "replyguard help: unknown command %q\n\n%s", args[0], mainUsage)
	return exitUsage
}

const versionUsage = `Usage: replyguard version

Prints the replyguard version and the name and version of the default policy
built into the engine.

Example:
  replyguard version
`

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("version")
	if _, code, done := parseFlags(fs, args, versionUsage, stdout, stderr); done {
		return code
	}
	p := core.DefaultPolicy()
	fmt.Fprintf(stdout, "replyguard %s\ndefault policy: %s %s\n", version, p.Name, p.Version)
	return exitOK
}
