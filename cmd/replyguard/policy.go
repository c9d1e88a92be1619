package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/replyguard/replyguard/core"
	"github.com/replyguard/replyguard/policies"
)

const policyUsage = `Usage:
  replyguard policy check FILE...   validate policy files ("-" reads standard input)
  replyguard policy schema          print the policy JSON Schema
  replyguard policy default         print the default policy
  replyguard policy keygen --private FILE --public FILE
                                    make an Ed25519 key pair for signing
  replyguard policy sign --key FILE [--serial N] [-o FILE] POLICY
                                    validate and sign a policy into a bundle
  replyguard policy verify --public FILE BUNDLE
                                    check a signed bundle

policy check prints "FILE: ok (NAME, VERSION)" for a valid file, or every
problem as "FILE: PATH: MESSAGE" (syntax errors as "FILE: line L, column C:
MESSAGE"). Exit status: 0 all valid, 1 some invalid, 2 usage error or
unreadable file.

Examples:
  replyguard policy check practice.json
  replyguard policy default > practice.json
  replyguard policy schema > policy.schema.json
`

func runPolicy(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return usageError(stderr, "policy", policyUsage, "missing subcommand (check, schema or default)")
	}
	sub, rest := args[0], args[1:]
	switch sub {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, policyUsage)
		return exitOK
	case "check":
		return runPolicyCheck(rest, stdin, stdout, stderr)
	case "keygen":
		return runPolicyKeygen(rest, stdout, stderr)
	case "sign":
		return runPolicySign(rest, stdin, stdout, stderr)
	case "verify":
		return runPolicyVerify(rest, stdin, stdout, stderr)
	case "schema", "default":
		fs := newFlagSet("policy " + sub)
		pos, code, done := parseFlags(fs, rest, policyUsage, stdout, stderr)
		if done {
			return code
		}
		if len(pos) > 0 {
			return usageError(stderr, "policy "+sub, policyUsage, "unexpected arguments %q", pos)
		}
		doc := policies.Schema
		if sub == "default" {
			doc = policies.Default
		}
		stdout.Write(doc)
		return exitOK
	}
	return usageError(stderr, "policy", policyUsage, "unknown subcommand %q", sub)
}

func runPolicyCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("policy check")
	files, code, done := parseFlags(fs, args, policyUsage, stdout, stderr)
	if done {
		return code
	}
	if len(files) == 0 {
		return usageError(stderr, "policy check", policyUsage, "missing FILE")
	}
	status := exitOK
	for _, name := range files {
		data, err := readNamed(name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "replyguard policy check: %v\n", err)
			status = exitUsage
			continue
		}
		if !checkPolicyFile(name, data, stdout) && status == exitOK {
			status = exitFindings
		}
	}
	return status
}

// checkPolicyFile prints the verdict on one policy file; false when invalid.
func checkPolicyFile(name string, data []byte, stdout io.Writer) bool {
	p, err := core.ParsePolicy(data)
	if err == nil {
		_, err = core.NewEngine(p)
	}
	if err != nil {
		var pe core.PolicyErrors
		if !errors.As(err, &pe) {
			pe = core.PolicyErrors{{Message: err.Error()}}
		}
		for _, e := range pe {
			fmt.Fprintf(stdout, "%s: %s\n", name, e.Error())
		}
		return false
	}
	fmt.Fprintf(stdout, "%s: ok (%s, %s)\n", name, p.Name, p.Version)
	return true
}

func readNamed(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(name)
}
