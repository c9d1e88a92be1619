package wasmhost

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/replyguard/replyguard/core"
	"github.com/tetratelabs/wazero/api"
)

// Engine is one instance of engine.wasm. Its methods are safe for concurrent
// use (calls are serialised: a module instance runs one call at a time).
type Engine struct {
	mu  sync.Mutex
	mod api.Module
	fn  struct{ alloc, free, check, setPolicy, version, liveBuffers api.Function }
}

func newEngine(mod api.Module) (*Engine, error) {
	e := &Engine{mod: mod}
	for name, dst := range map[string]*api.Function{
		"alloc": &e.fn.alloc, "free": &e.fn.free, "check": &e.fn.check,
		"set_policy": &e.fn.setPolicy, "version": &e.fn.version, "live_buffers": &e.fn.liveBuffers,
	} {
		if *dst = mod.ExportedFunction(name); *dst == nil {
			mod.Close(context.Background())
			return nil, fmt.Errorf("engine.wasm does not export %q (ABI mismatch: rebuild with ./build.sh)", name)
		}
	}
	return e, nil
}

// Close releases the instance.
func (e *Engine) Close() error {
	return e.mod.Close(context.Background())
}

// Check runs one request, like (*core.Engine).CheckRequest.
func (e *Engine) Check(req *core.Request) (*core.Response, error) {
	in, err := json.Marshal(req)
	if err != nil {
		return nil, fmt.Errorf("encoding request: %w", err)
	}
	out, err := e.CheckJSON(in)
	if err != nil {
		return nil, err
	}
	var res struct {
		core.Response
		Error string `json:"error"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return nil, fmt.Errorf("engine.wasm check result: %w", err)
	}
	if res.Error != "" {
		return nil, errors.New(res.Error)
	}
	return &res.Response, nil
}

// CheckJSON passes a JSON request through unchanged and returns the module's
// JSON result, which may be {"error": "..."}.
func (e *Engine) CheckJSON(req []byte) ([]byte, error) {
	return e.callWithInput(e.fn.check, req)
}

// SetPolicy makes policyJSON the active policy. On failure the error is a
// core.PolicyErrors and the previous policy stays active.
func (e *Engine) SetPolicy(policyJSON []byte) error {
	out, err := e.callWithInput(e.fn.setPolicy, policyJSON)
	if err != nil {
		return err
	}
	var res struct {
		OK     bool              `json:"ok"`
		Errors core.PolicyErrors `json:"errors"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return fmt.Errorf("engine.wasm set_policy result: %w", err)
	}
	if !res.OK {
		if len(res.Errors) == 0 {
			return core.PolicyErrors{{Message: "policy rejected without a reason"}}
		}
		return res.Errors
	}
	return nil
}

// Version describes the module and its active policy.
type Version struct {
	ABI    int    `json:"abi"`
	Go     string `json:"go"`
	Policy struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"policy"`
}

// Version asks the module what it is.
func (e *Engine) Version() (Version, error) {
	var v Version
	e.mu.Lock()
	out, err := e.takeResult(e.fn.version.Call(context.Background()))
	e.mu.Unlock()
	if err != nil {
		return v, err
	}
	if err := json.Unmarshal(out, &v); err != nil {
		return v, fmt.Errorf("engine.wasm version result: %w", err)
	}
	return v, nil
}

// MemoryBytes is the size of the instance's linear memory.
func (e *Engine) MemoryBytes() uint32 {
	return e.mod.Memory().Size()
}

// LiveBuffers is how many module buffers are allocated and not yet freed.
func (e *Engine) LiveBuffers() (uint32, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	r, err := e.fn.liveBuffers.Call(context.Background())
	if err != nil {
		return 0, fmt.Errorf("engine.wasm live_buffers: %w", err)
	}
	return uint32(r[0]), nil
}

// callWithInput copies in into a module buffer, calls fn(ptr, len), which
// consumes the buffer, and returns a copy of the result.
func (e *Engine) callWithInput(fn api.Function, in []byte) ([]byte, error) {
	if len(in) == 0 {
		return nil, errors.New("engine.wasm: empty input")
	}
	ctx := context.Background()
	e.mu.Lock()
	defer e.mu.Unlock()
	r, err := e.fn.alloc.Call(ctx, uint64(len(in)))
	if err != nil {
		return nil, fmt.Errorf("engine.wasm alloc: %w", err)
	}
	ptr := uint32(r[0])
	if ptr == 0 {
		return nil, fmt.Errorf("engine.wasm: cannot allocate %d bytes", len(in))
	}
	if !e.mod.Memory().Write(ptr, in) {
		e.fn.free.Call(ctx, uint64(ptr))
		return nil, fmt.Errorf("engine.wasm: buffer %#x+%d outside memory", ptr, len(in))
	}
	return e.takeResult(fn.Call(ctx, uint64(ptr), uint64(len(in))))
}

// takeResult copies out a packed ptr<<32|len result and frees it.
func (e *Engine) takeResult(r []uint64, err error) ([]byte, error) {
	if err != nil {
		return nil, fmt.Errorf("engine.wasm: %w", err)
	}
	ptr, n := uint32(r[0]>>32), uint32(r[0])
	view, ok := e.mod.Memory().Read(ptr, n)
	if !ok {
		return nil, fmt.Errorf("engine.wasm: result %#x+%d outside memory", ptr, n)
	}
	out := append([]byte(nil), view...)
	if _, err := e.fn.free.Call(context.Background(), uint64(ptr)); err != nil {
		return nil, fmt.Errorf("engine.wasm free: %w", err)
	}
	return out, nil
}
