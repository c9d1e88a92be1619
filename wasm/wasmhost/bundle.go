package wasmhost

import "errors"

// VerifyBundle passes a verify_bundle request (see core/bundle.Request) to the
// module and returns its JSON answer.
func (e *Engine) VerifyBundle(req []byte) ([]byte, error) {
	fn := e.mod.ExportedFunction("verify_bundle")
	if fn == nil {
		return nil, errors.New(`engine.wasm does not export "verify_bundle" (rebuild with ./build.sh)`)
	}
	return e.callWithInput(fn, req)
}
