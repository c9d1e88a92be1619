// Package workerd runs the policy server's Cloudflare Worker (cmd/worker)
// in workerd, Cloudflare's open-source Workers runtime from npm, on
// loopback: for the integration test and the load benchmark. Workers KV is
// served by an in-memory KV over workerd's KV binding protocol (a KV
// namespace binding turns each get/put into an HTTP request to a service:
// GET or PUT /<key>?urlencoded=true, 404 for a missing key).
package workerd

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/replyguard/replyguard/internal/modroot"
	"github.com/replyguard/replyguard/internal/policyserver"
)

// Worker is a running Worker.
type Worker struct {
	URL string                 // http://127.0.0.1:PORT
	KV  *policyserver.MemoryKV // the namespace behind the POLICIES binding
}

// Build writes the Worker (JS glue and app.wasm) to cmd/worker/build, as
// `./build.sh worker` does, unless it is already newer than every Go file.
func Build(root string) (string, error) {
	dir := filepath.Join(root, "cmd", "worker", "build")
	if fresh(root, filepath.Join(dir, "app.wasm")) {
		return dir, nil
	}
	gen := exec.Command("go", "run", "github.com/syumai/workers/cmd/workers-assets-gen", "-mode=go", "-o", dir)
	gen.Dir = root
	if out, err := gen.CombinedOutput(); err != nil {
		return "", fmt.Errorf("workers-assets-gen: %v\n%s", err, out)
	}
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(dir, "app.wasm"), "./cmd/worker")
	build.Dir = root
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building the Worker: %v\n%s", err, out)
	}
	return dir, nil
}

// fresh reports whether target is newer than the Go sources it is built from.
func fresh(root, target string) bool {
	st, err := os.Stat(target)
	if err != nil {
		return false
	}
	newer := false
	for _, sub := range []string{"cmd/worker", "internal/policyserver", "core", "policies", "go.mod"} {
		filepath.WalkDir(filepath.Join(root, sub), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".go") || strings.HasSuffix(p, ".mod")) && !strings.HasSuffix(p, "_test.go") {
				if info, err := d.Info(); err == nil && info.ModTime().After(st.ModTime()) {
					newer = true
				}
			}
			return nil
		})
	}
	return !newer
}

const config = `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .policyWorker),
    (name = "kv", external = (address = "%s", http = ())),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);

const policyWorker :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "%[2]s/worker.mjs"),
    (name = "wasm_exec.js", esModule = embed "%[2]s/wasm_exec.js"),
    (name = "runtime.mjs", esModule = embed "%[2]s/runtime.mjs"),
    (name = "app.wasm", wasm = embed "%[2]s/app.wasm"),
  ],
  compatibilityDate = "2024-09-23",
  bindings = [(name = "POLICIES", kvNamespace = "kv")],
);
`

// Start builds the Worker if needed and runs it under workerd until the test
// ends.
func Start(t testing.TB) *Worker {
	t.Helper()
	root, err := modroot.Find()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(root, "node_modules", ".bin", "workerd")
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("workerd is not installed (npm ci installs it from package.json): %v", err)
	}
	dir, err := Build(root)
	if err != nil {
		t.Fatal(err)
	}
	kv := policyserver.NewMemoryKV()
	kvServer := httptest.NewServer(KVHandler(kv))
	t.Cleanup(kvServer.Close)

	cfgDir := t.TempDir()
	cfg := filepath.Join(cfgDir, "config.capnp")
	// capnp reads an absolute embed path from its import path: go relative.
	rel, err := filepath.Rel(cfgDir, dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(config, strings.TrimPrefix(kvServer.URL, "http://"), rel)), 0o644); err != nil {
		t.Fatal(err)
	}
	// workerd listens on a socket opened here: no port race.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	lnFile, err := ln.(*net.TCPListener).File()
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	cmd := exec.Command(bin, "serve", cfg, "--socket-fd", "http=3")
	cmd.ExtraFiles = []*os.File{lnFile}
	logs := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lnFile.Close()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
		if t.Failed() {
			t.Logf("workerd output:\n%s", logs.String())
		}
	})
	w := &Worker{URL: "http://" + ln.Addr().String(), KV: kv}
	deadline := time.Now().Add(60 * time.Second)
	for {
		res, err := http.Get(w.URL + "/healthz")
		if err == nil {
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode == 200 {
				return w
			}
		}
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("workerd exited: %v\n%s", err, logs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the Worker did not answer /healthz: %v\n%s", err, logs.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// syncBuffer collects a process's output while tests read it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// KVHandler serves kv to workerd's KV binding.
func KVHandler(kv *policyserver.MemoryKV) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key, err := url.PathUnescape(strings.TrimPrefix(r.URL.EscapedPath(), "/"))
		if err != nil || key == "" {
			http.Error(w, "bad key", http.StatusBadRequest)
			return
		}
		ctx := context.Background()
		switch r.Method {
		case http.MethodGet:
			v, ok, _ := kv.Get(ctx, key)
			if !ok {
				http.NotFound(w, r)
				return
			}
			io.WriteString(w, v)
		case http.MethodPut:
			body, err := io.ReadAll(r.Body)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			kv.Put(ctx, key, string(body), 0)
		case http.MethodDelete:
			kv.Delete(key)
		default:
			http.Error(w, "method", http.StatusMethodNotAllowed)
		}
	})
}
