package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/replyguard/replyguard/core"
)

const checkUsage = `Usage:
  replyguard check [--policy FILE] [--platform facebook|instagram] [--private]
                   [--comment TEXT] [--format text|json] [--engine NAME] [FILE|-]
  replyguard check --jsonl [--policy FILE] [--platform P] [--private] [--engine NAME] [FILE|-]

Checks the reply in FILE (or standard input, for "-" or no FILE). One final
newline is dropped. Text output shows each finding as FILE:LINE:COL (columns
count characters), the line with the span underlined, and the suggestion.
--format json prints {"findings":[...]} with start/end in UTF-16 code units.

With --jsonl, each input line is a request
  {"id": ANY, "text": "...", "comment": "...", "platform": "facebook"|"instagram",
   "private": true|false}
(only text is required; blank lines are skipped) and each output line, in
input order, is {"id": ANY, "findings": [...]}. A bad line gives
{"line": N, "error": "..."} and checking continues. --platform and --private
set the platform and channel for lines that have none.

Flags:
  --policy FILE     practice policy (default: the built-in default policy)
  --platform P      facebook or instagram (default facebook)
  --private         the reply is a private message (Messenger or Instagram DM),
                    not a public comment: no private channel is asked for, only
                    care, billing and record-number details count as PHI, and
                    the policy's composers.private_messages.severity applies
  --comment TEXT    the patient comment being answered
  --format F        text or json (default text)
  --engine NAME     engine to run: %s (default native)
  --jsonl           batch mode, see above

Exit status: 0 no finding at warning or above, 1 such findings,
2 usage or input error (bad flag, unreadable file, invalid policy, bad JSONL line).

Examples:
  echo "Hi Ana, great to see you at your 3pm cleaning!" | replyguard check
  replyguard check --platform instagram --comment "Waited 2 hours!!" reply.txt
  replyguard check --format json --policy practice.json reply.txt
  replyguard check --jsonl --policy practice.json replies.jsonl > findings.jsonl
`

type checkOptions struct {
	policy, platform, comment, format, engine string
	jsonl, private                            bool
}

func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	usage := fmt.Sprintf(checkUsage, engineNames())
	var o checkOptions
	fs := newFlagSet("check")
	fs.StringVar(&o.policy, "policy", "", "")
	fs.StringVar(&o.platform, "platform", "", "")
	fs.StringVar(&o.comment, "comment", "", "")
	fs.StringVar(&o.format, "format", "text", "")
	fs.StringVar(&o.engine, "engine", "native", "")
	fs.BoolVar(&o.jsonl, "jsonl", false, "")
	fs.BoolVar(&o.private, "private", false, "")
	pos, code, done := parseFlags(fs, args, usage, stdout, stderr)
	if done {
		return code
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case len(pos) > 1:
		return usageError(stderr, "check", usage, "too many arguments: %q (give one FILE, or - for standard input)", pos)
	case o.platform != "" && !core.Platform(o.platform).Valid():
		return usageError(stderr, "check", usage, "--platform must be facebook or instagram, got %q", o.platform)
	case o.format != "text" && o.format != "json":
		return usageError(stderr, "check", usage, "--format must be text or json, got %q", o.format)
	case o.jsonl && (set["comment"] || set["format"]):
		return usageError(stderr, "check", usage, "--comment and --format do not apply to --jsonl (each line carries its comment; output is JSONL)")
	}
	if engines[o.engine] == nil {
		fmt.Fprintf(stderr, "replyguard check: unknown engine %q (available: %s)\n", o.engine, engineNames())
		return exitUsage
	}

	ck, ok := loadChecker(o, stderr)
	if !ok {
		return exitUsage
	}
	name, in, closeIn, err := openInput(pos, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "replyguard check: %v\n", err)
		return exitUsage
	}
	defer closeIn()
	if o.jsonl {
		return runJSONL(ck, in, stdout, stderr, core.Request{Platform: o.platform, Private: o.private})
	}
	return checkOne(ck, o, name, in, stdout, stderr)
}

// loadChecker builds the chosen engine with the policy file, printing policy
// problems as FILE: path: message.
func loadChecker(o checkOptions, stderr io.Writer) (checker, bool) {
	var policyJSON []byte
	if o.policy != "" {
		b, err := os.ReadFile(o.policy)
		if err != nil {
			fmt.Fprintf(stderr, "replyguard check: cannot read policy: %v\n", err)
			return nil, false
		}
		policyJSON = b
	}
	ck, err := engines[o.engine](policyJSON)
	if err != nil {
		var pe core.PolicyErrors
		if errors.As(err, &pe) {
			fmt.Fprintf(stderr, "replyguard check: invalid policy %s:\n", o.policy)
			for _, e := range pe {
				fmt.Fprintf(stderr, "%s: %s\n", o.policy, e.Error())
			}
		} else {
			fmt.Fprintf(stderr, "replyguard check: %s engine: %v\n", o.engine, err)
		}
		return nil, false
	}
	return ck, true
}

// openInput opens FILE, or standard input for "-" or no argument. name is
// what messages call it.
func openInput(pos []string, stdin io.Reader) (name string, r io.Reader, closeFn func(), err error) {
	if len(pos) == 0 || pos[0] == "-" {
		return "<stdin>", stdin, func() {}, nil
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return "", nil, nil, err
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return "", nil, nil, fmt.Errorf("%s is a directory", pos[0])
	}
	return pos[0], f, func() { f.Close() }, nil
}

func checkOne(ck checker, o checkOptions, name string, in io.Reader, stdout, stderr io.Writer) int {
	data, err := io.ReadAll(in)
	if err != nil {
		fmt.Fprintf(stderr, "replyguard check: read %s: %v\n", name, err)
		return exitUsage
	}
	text := strings.TrimSuffix(strings.TrimSuffix(string(data), "\n"), "\r")
	resp, err := ck.Check(&core.Request{Text: text, Comment: o.comment, Platform: o.platform, Private: o.private})
	if err != nil {
		fmt.Fprintf(stderr, "replyguard check: %s: %v\n", name, err)
		return exitUsage
	}
	w := bufio.NewWriter(stdout)
	if o.format == "json" {
		b, _ := marshalNoEscape(struct {
			Findings []outFinding `json:"findings"`
		}{toOutFindings(resp.Findings)})
		w.Write(b)
		w.WriteByte('\n')
	} else {
		writeText(w, name, text, resp.Findings)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "replyguard check: write: %v\n", err)
		return exitUsage
	}
	return exitStatus(resp.Findings)
}

// exitStatus is 1 when any finding is at warning or above: info is a hint.
func exitStatus(fs []core.JSONFinding) int {
	for _, f := range fs {
		if f.Severity.Rank() >= core.Warning.Rank() {
			return exitFindings
		}
	}
	return exitOK
}

// outFinding is a finding as the CLI prints it: exactly these keys.
type outFinding struct {
	Rule       string `json:"rule"`
	Category   string `json:"category"`
	Severity   string `json:"severity"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Message    string `json:"message"`
	Suggestion string `json:"suggestion,omitempty"`
}

func toOutFindings(fs []core.JSONFinding) []outFinding {
	out := make([]outFinding, len(fs))
	for i, f := range fs {
		out[i] = outFinding{f.Rule, string(f.Category), string(f.Severity), f.Start, f.End, f.Message, f.Suggestion}
	}
	return out
}

// marshalNoEscape is json.Marshal without HTML escaping ("<" stays "<"),
// since the output is read by people and tools, not browsers.
func marshalNoEscape(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}
