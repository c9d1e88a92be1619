package wasmhost

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/wasm/wasmhost/wasmtest"
)

// TestModuleLinksNoHeavyPackages keeps engine.wasm small: fmt,
// encoding/json and reflect together cost about 1.3 MB, regexp 0.5 MB, and
// embed (even for a string) links time, about 260 KB. Use strconv,
// internal/jsonlite and generated string literals (internal/gostr) instead.
func TestModuleLinksNoHeavyPackages(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "github.com/replyguard/replyguard/wasm")
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		switch pkg {
		case "fmt", "encoding/json", "reflect", "regexp", "embed", "time":
			t.Errorf("engine.wasm links %s", pkg)
		}
	}
}

// sizeBudget is the limit for engine.wasm: 3.5 MB.
const sizeBudget = 3_500_000

// TestModuleSizeBudget fails when engine.wasm outgrows its budget. Word
// lists are the usual cause: keep them as data (one string, or a []string
// variable) and keep helpers that build them out of line (go:noinline), or
// each call copies code into the package's init.
func TestModuleSizeBudget(t *testing.T) {
	path, err := wasmtest.ModulePath()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("engine.wasm: %d bytes (budget %d, %d to spare)", len(data), sizeBudget, sizeBudget-len(data))
	if len(data) > sizeBudget {
		t.Errorf("engine.wasm is %d bytes, over the %d-byte budget", len(data), sizeBudget)
	}
}
