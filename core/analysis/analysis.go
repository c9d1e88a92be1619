// Package analysis defines the interface between the engine and what it
// runs, in the manner of golang.org/x/tools/go/analysis: an Analyzer
// computes a fact several rules need (what the comment is, who the practice
// is, which words refer to the person); a Rule reports findings. Both
// declare the analyzers they require, and the engine runs everything once
// per check in dependency order. Neither knows which driver runs it.
package analysis

import (
	"errors"
	"strconv"

	"github.com/replyguard/replyguard/core/lex"
)

// An Analyzer computes one fact per check for the rules that require it.
type Analyzer struct {
	Name     string
	Doc      string
	Requires []*Analyzer
	// Prepare, when set, runs once per policy; its result is Pass.Prepared.
	Prepare func(*Config) any
	Run     func(*Pass) any
}

// A Rule is one check, as a value: a name, a one-line doc, the category its
// findings belong to, the analyzers it reads and a run function that
// reports through the Pass.
type Rule struct {
	Name     string
	Doc      string
	Category Category
	Requires []*Analyzer
	// Prepare, when set, runs once per policy; its result is Pass.Prepared.
	Prepare func(*Config) any
	Run     func(*Pass)
}

// Pass is what an analyzer or rule sees in one check.
type Pass struct {
	Reply *lex.Doc
	// Comment is the patient's comment, nil when there is none.
	Comment *lex.Doc
	Input   *Input
	Config  *Config
	// Prepared is this analyzer's or rule's Prepare result for the policy.
	Prepared any

	// ResultOf returns a required analyzer's result for this check.
	ResultOf func(*Analyzer) any
	// Report records a finding (rules only).
	Report func(Finding)
}

// Validate checks a registry: names unique and present, docs present,
// categories known, run functions set, requirements acyclic.
func Validate(rules []*Rule) error {
	seen := map[string]bool{}
	for i, r := range rules {
		switch {
		case r == nil:
			return errors.New("rule " + strconv.Itoa(i) + " is nil")
		case r.Name == "":
			return errors.New("rule " + strconv.Itoa(i) + " has no name")
		case seen[r.Name]:
			return errors.New("duplicate rule name " + strconv.Quote(r.Name))
		case r.Doc == "":
			return errors.New("rule " + strconv.Quote(r.Name) + " has no doc")
		case !r.Category.Valid():
			return errors.New("rule " + strconv.Quote(r.Name) + " has unknown category " + strconv.Quote(string(r.Category)))
		case r.Run == nil:
			return errors.New("rule " + strconv.Quote(r.Name) + " has no run function")
		}
		seen[r.Name] = true
		if _, err := Order(r.Requires); err != nil {
			return errors.New("rule " + strconv.Quote(r.Name) + ": " + err.Error())
		}
	}
	return nil
}

// Order returns the analyzers roots need, each after its requirements.
func Order(roots []*Analyzer) ([]*Analyzer, error) {
	var out []*Analyzer
	state := map[*Analyzer]int{} // 1 visiting, 2 done
	var visit func(a *Analyzer) error
	visit = func(a *Analyzer) error {
		switch state[a] {
		case 1:
			return errors.New("analyzer " + strconv.Quote(a.Name) + " requires itself")
		case 2:
			return nil
		}
		if a.Name == "" || a.Doc == "" || a.Run == nil {
			return errors.New("analyzer " + strconv.Quote(a.Name) + " needs a name, a doc and a run function")
		}
		state[a] = 1
		for _, r := range a.Requires {
			if err := visit(r); err != nil {
				return err
			}
		}
		state[a] = 2
		out = append(out, a)
		return nil
	}
	for _, a := range roots {
		if err := visit(a); err != nil {
			return nil, err
		}
	}
	return out, nil
}
