//go:build wasip1

package main

import (
	"encoding/json"
	"runtime"

	"github.com/replyguard/replyguard/core"
)

// abiVersion changes whenever an export's meaning changes (see doc.go).
const abiVersion = 1

// engine is the active engine; nil until the first call needs it, so that
// _initialize stays cheap.
var engine *core.Engine

// reactors have no main; the toolchain still wants one.
func main() {}

func activeEngine() *core.Engine {
	if engine == nil {
		engine = core.MustDefaultEngine()
	}
	return engine
}

// checkJSON runs one request through the active engine.
func checkJSON(in []byte) any {
	var req core.Request
	if err := json.Unmarshal(in, &req); err != nil {
		return errorResult{"request: " + err.Error()}
	}
	resp, err := activeEngine().CheckRequest(&req)
	if err != nil {
		return errorResult{err.Error()} // already names the field, as natively
	}
	return resp
}

type policyResult struct {
	OK      bool               `json:"ok"`
	Name    string             `json:"name,omitempty"`
	Version string             `json:"version,omitempty"`
	Errors  []core.PolicyError `json:"errors,omitempty"`
}

// setPolicyJSON compiles a policy and makes it active only if it is valid.
func setPolicyJSON(in []byte) any {
	p, err := core.ParsePolicy(in)
	if err != nil {
		return policyFailure(err)
	}
	e, err := core.NewEngine(p)
	if err != nil {
		return policyFailure(err)
	}
	engine = e
	return policyResult{OK: true, Name: p.Name, Version: p.Version}
}

func policyFailure(err error) policyResult {
	if pe, ok := err.(core.PolicyErrors); ok && len(pe) > 0 {
		return policyResult{Errors: pe}
	}
	return policyResult{Errors: []core.PolicyError{{Message: err.Error()}}}
}

type versionResult struct {
	ABI    int    `json:"abi"`
	Go     string `json:"go"`
	Policy struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"policy"`
}

func versionInfo() any {
	v := versionResult{ABI: abiVersion, Go: runtime.Version()}
	p := activeEngine().Policy()
	v.Policy.Name, v.Policy.Version = p.Name, p.Version
	return v
}
