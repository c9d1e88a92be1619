package main

import (
	"sort"
	"strings"

	"github.com/replyguard/replyguard/core"
)

// checker runs one JSON check request.
type checker interface {
	Check(req *core.Request) (*core.Response, error)
}

// engines maps --engine names to constructors; wasm_engine.go adds "wasm".
var engines = map[string]func(policyJSON []byte) (checker, error){"native": newNativeChecker}

// newNativeChecker runs the Go engine in-process. policyJSON is the raw
// policy file (nil for the default policy).
func newNativeChecker(policyJSON []byte) (checker, error) {
	var p *core.Policy
	if policyJSON != nil {
		var err error
		if p, err = core.ParsePolicy(policyJSON); err != nil {
			return nil, err
		}
	}
	e, err := core.NewEngine(p)
	if err != nil {
		return nil, err
	}
	return nativeChecker{e}, nil
}

type nativeChecker struct{ e *core.Engine }

func (n nativeChecker) Check(req *core.Request) (*core.Response, error) {
	return n.e.CheckRequest(req)
}

// engineNames lists the registered engines for messages and usage.
func engineNames() string {
	names := make([]string, 0, len(engines))
	for n := range engines {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
