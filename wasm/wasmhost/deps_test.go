package wasmhost

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestModuleLinksNoHeavyPackages keeps engine.wasm small: fmt,
// encoding/json and reflect together cost about 1.3 MB, regexp 0.5 MB, and
// embed (even for a string) links time, about 260 KB. Use strconv,
// internal/jsonx and generated string literals (internal/gostr) instead.
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
