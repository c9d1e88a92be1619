package wasmhost

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/replyguard/replyguard/core"
	"github.com/replyguard/replyguard/wasm/wasmhost/wasmtest"
)

// newTestEngine instantiates the current engine.wasm (compiled once per test
// binary) with its own memory and the default policy.
func newTestEngine(t testing.TB) *Engine {
	t.Helper()
	path, err := wasmtest.ModulePath()
	if err != nil {
		t.Fatal(err)
	}
	e, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// namedRequest is one check request from the test data, named by where it
// came from ("core/testdata/corpus/x.jsonl:12").
type namedRequest struct {
	Name string
	Req  core.Request
}

// corpusRequests reads every request-like JSONL line (one with "text") under
// core/testdata: the labelled corpus and any rule test data in JSONL.
func corpusRequests(t testing.TB) []namedRequest {
	t.Helper()
	root := filepath.Join("..", "..", "core", "testdata")
	var out []namedRequest
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".jsonl") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		for n := 1; sc.Scan(); n++ {
			line := bytes.TrimSpace(sc.Bytes())
			if len(line) == 0 || line[0] != '{' {
				continue
			}
			var probe map[string]json.RawMessage
			if json.Unmarshal(line, &probe) != nil || probe["text"] == nil {
				continue
			}
			var req core.Request
			if err := json.Unmarshal(line, &req); err != nil {
				// Lines whose fields are not request-shaped are labels or
				// fixtures of another kind; parity only needs requests.
				continue
			}
			rel, _ := filepath.Rel(filepath.Join("..", ".."), path)
			out = append(out, namedRequest{Name: rel + ":" + strconv.Itoa(n), Req: req})
		}
		return sc.Err()
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return out
}

// mustJSON encodes v compactly; results are compared as JSON so that every
// field counts and nil and empty slices cannot differ silently.
func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func utf16Units(s string) []uint16 { return utf16.Encode([]rune(s)) }
