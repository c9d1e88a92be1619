package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/replyguard/replyguard/wasm/wasmhost"
)

// --engine wasm runs the checks through wasm/engine.wasm in wazero: the very
// module the browser extension ships, to reproduce a browser result exactly.
func init() { engines["wasm"] = newWasmChecker }

// wasmEnv names the module file explicitly.
const wasmEnv = "REPLYGUARD_WASM"

func newWasmChecker(policyJSON []byte) (checker, error) {
	exe, _ := os.Executable()
	path, err := findWasmModule(os.Getenv(wasmEnv), exe)
	if err != nil {
		return nil, err
	}
	e, err := wasmhost.Load(path)
	if err != nil {
		return nil, err
	}
	if policyJSON != nil {
		if err := e.SetPolicy(policyJSON); err != nil {
			e.Close()
			return nil, err
		}
	}
	return e, nil
}

// findWasmModule looks for engine.wasm: the file named by $REPLYGUARD_WASM,
// else wasm/engine.wasm under the working directory, else ../wasm/engine.wasm
// beside the executable (bin/replyguard in a built checkout).
func findWasmModule(env, exe string) (string, error) {
	if env != "" {
		if _, err := os.Stat(env); err != nil {
			return "", fmt.Errorf("engine.wasm: $%s: %w", wasmEnv, err)
		}
		return env, nil
	}
	tried := []string{filepath.Join("wasm", "engine.wasm")}
	if exe != "" {
		tried = append(tried, filepath.Join(filepath.Dir(exe), "..", "wasm", "engine.wasm"))
	}
	for _, p := range tried {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", fmt.Errorf("engine.wasm not found (tried %s); build it with ./build.sh or set $%s",
		strings.Join(tried, ", "), wasmEnv)
}
