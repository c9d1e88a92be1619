//go:build wasip1

package main

import (
	"runtime"
	"strconv"

	"github.com/replyguard/replyguard/core"
	"github.com/replyguard/replyguard/internal/jsonlite"
)

// abiVersion changes whenever an export is added or changes meaning (see
// doc.go).
const abiVersion = 2

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
func checkJSON(in []byte) result {
	req, err := core.DecodeRequest(in)
	if err != nil {
		return errorResult{"request: " + err.Error()}
	}
	resp, err := activeEngine().CheckRequest(req)
	if err != nil {
		return errorResult{err.Error()} // already names the field, as natively
	}
	return resp
}

type policyResult struct {
	OK      bool
	Name    string
	Version string
	Errors  []core.PolicyError
}

// AppendJSON writes the fields as json.Marshal would with the tags
// ok, name,omitempty, version,omitempty and errors,omitempty.
func (r policyResult) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"ok":`...)
	b = strconv.AppendBool(b, r.OK)
	if r.Name != "" {
		b = append(b, `,"name":`...)
		b = jsonlite.AppendString(b, r.Name)
	}
	if r.Version != "" {
		b = append(b, `,"version":`...)
		b = jsonlite.AppendString(b, r.Version)
	}
	if len(r.Errors) > 0 {
		b = append(b, `,"errors":[`...)
		for i, e := range r.Errors {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"path":`...)
			b = jsonlite.AppendString(b, e.Path)
			b = append(b, `,"message":`...)
			b = jsonlite.AppendString(b, e.Message)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}'), nil
}

// setPolicyJSON compiles a policy and makes it active only if it is valid.
func setPolicyJSON(in []byte) result {
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
	ABI                       int
	Go                        string
	PolicyName, PolicyVersion string
}

// AppendJSON writes {"abi", "go", "policy": {"name", "version"}}.
func (v versionResult) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"abi":`...)
	b = strconv.AppendInt(b, int64(v.ABI), 10)
	b = append(b, `,"go":`...)
	b = jsonlite.AppendString(b, v.Go)
	b = append(b, `,"policy":{"name":`...)
	b = jsonlite.AppendString(b, v.PolicyName)
	b = append(b, `,"version":`...)
	b = jsonlite.AppendString(b, v.PolicyVersion)
	return append(b, "}}"...), nil
}

func versionInfo() result {
	p := activeEngine().Policy()
	return versionResult{ABI: abiVersion, Go: runtime.Version(), PolicyName: p.Name, PolicyVersion: p.Version}
}
