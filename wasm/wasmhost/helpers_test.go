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

// corpusRequests reads every request in core's testdata directories: each
// JSONL line with "text" (the labelled corpus) and each case of the rule
// archives (core/rules/*/testdata).
func corpusRequests(t testing.TB) []namedRequest {
	t.Helper()
	root := filepath.Join("..", "..", "core")
	var out []namedRequest
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !strings.Contains(filepath.ToSlash(path), "/testdata/") {
			return nil
		}
		rel, _ := filepath.Rel(filepath.Join("..", ".."), path)
		if strings.HasSuffix(path, ".txtar") {
			reqs, err := ruleArchiveRequests(path, rel)
			out = append(out, reqs...)
			return err
		}
		if !strings.HasSuffix(path, ".jsonl") {
			return nil
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

// ruleArchiveRequests reads the requests of a rule archive
// (core/rules/*/testdata/*.txtar): "-- name --" starts a case, "comment:" and
// "platform:" lines set its fields, and the reply follows ">>>" up to the
// next case. Expectation lines are core's business and skipped here.
func ruleArchiveRequests(path, rel string) ([]namedRequest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []namedRequest
	var cur *namedRequest
	var reply []string
	inReply := false
	flush := func() {
		if cur != nil {
			cur.Req.Text = strings.TrimRight(strings.Join(reply, "\n"), "\n")
			out = append(out, *cur)
		}
	}
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --"):
			flush()
			cur = &namedRequest{Name: rel + " " + strings.TrimSuffix(strings.TrimPrefix(line, "-- "), " --")}
			reply, inReply = nil, false
		case cur == nil:
		case inReply:
			reply = append(reply, line)
		case line == ">>>":
			inReply = true
		case strings.HasPrefix(line, "comment: "):
			cur.Req.Comment = strings.TrimPrefix(line, "comment: ")
		case strings.HasPrefix(line, "platform: "):
			cur.Req.Platform = strings.TrimPrefix(line, "platform: ")
		case line == "private: true":
			cur.Req.Private = true
		}
	}
	flush()
	return out, nil
}
