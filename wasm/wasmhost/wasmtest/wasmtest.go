// Package wasmtest finds the engine.wasm that ./build.sh produced, for tests,
// or builds one with the same command when that file is missing or older than
// the sources it is built from. Tests then run the very file the extension
// ships whenever it is current.
package wasmtest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/replyguard/replyguard/internal/modroot"
	"github.com/replyguard/replyguard/internal/wasmjump"
	"github.com/replyguard/replyguard/wasm/wasmhost/internal/prune"
)

var found struct {
	once sync.Once
	path string
	err  error
}

// ModulePath returns the path of a current engine.wasm: the repository's
// wasm/engine.wasm when it is newer than every source file, else a fresh
// build in the user cache directory, keyed by a hash of the sources.
func ModulePath() (string, error) {
	found.once.Do(func() { found.path, found.err = locate() })
	return found.path, found.err
}

func locate() (string, error) {
	root, err := modroot.Find()
	if err != nil {
		return "", err
	}
	sources, err := sourceFiles(root)
	if err != nil {
		return "", err
	}
	shipped := filepath.Join(root, "wasm", "engine.wasm")
	if st, err := os.Stat(shipped); err == nil && !newerThan(sources, st.ModTime()) {
		return shipped, nil
	}
	sum, err := hashFiles(sources)
	if err != nil {
		return "", err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "replyguard", "builds")
	out := filepath.Join(dir, "engine-"+sum[:16]+".wasm")
	if _, err := os.Stat(out); err == nil {
		return out, nil
	}
	if err := build(root, out); err != nil {
		return "", err
	}
	prune.Oldest(dir, 4) // a build per source change adds up
	return out, nil
}

// sourceFiles lists every non-standard-library file the module is built
// from (Go and embedded files), plus go.mod and go.sum.
func sourceFiles(root string) ([]string, error) {
	cmd := exec.Command("go", "list", "-deps", "-f",
		`{{if not .Standard}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}{{range .EmbedFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}{{end}}`,
		"./wasm")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list ./wasm: %w", err)
	}
	files := []string{filepath.Join(root, "go.mod"), filepath.Join(root, "go.sum"),
		filepath.Join(root, "wasm", "build-flags.txt"), filepath.Join(root, "wasm", "wasm-opt-flags.txt"),
		filepath.Join(root, "package-lock.json"), // pins wasm-opt's version
		filepath.Join(root, "scripts", "pack-data.mjs"),
		filepath.Join(root, "internal", "wasmjump", "wasmjump.go")}
	for _, f := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if f != "" {
			files = append(files, f)
		}
	}
	return files, nil
}

func newerThan(files []string, t time.Time) bool {
	for _, f := range files {
		if st, err := os.Stat(f); err == nil && st.ModTime().After(t) {
			return true
		}
	}
	return false
}

func hashFiles(files []string) (string, error) {
	h := sha256.New()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil && !os.IsNotExist(err) {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", f, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// build runs the same commands as build.sh's build_wasm: go build, then
// internal/wasmjump (direct jumps), then wasm-opt from node_modules (npm ci
// installs it), then scripts/pack-data.mjs.
func build(root, out string) error {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	tmp := fmt.Sprintf("%s.%d.tmp", out, os.Getpid()) // test binaries may build at once
	flags, err := readFlags(root, "build-flags.txt")
	if err != nil {
		return err
	}
	opt, err := readFlags(root, "wasm-opt-flags.txt")
	if err != nil {
		return err
	}
	wasmOpt := filepath.Join(root, "node_modules", "binaryen", "bin", "wasm-opt")
	if _, err := os.Stat(wasmOpt); err != nil {
		return fmt.Errorf("building engine.wasm needs wasm-opt from the npm package binaryen: run npm ci (%v)", err)
	}
	args := append([]string{"build", "-buildmode=c-shared", "-trimpath", "-ldflags=-s -w"}, flags...)
	cmd := exec.Command("go", append(args, "-o", tmp+".go", "./wasm")...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building engine.wasm: %v\n%s", err, msg)
	}
	defer os.Remove(tmp + ".go")
	defer os.Remove(tmp + ".jmp")
	defer os.Remove(tmp + ".opt")
	if err := directJumps(tmp+".go", tmp+".jmp"); err != nil {
		return err
	}
	cmd = exec.Command("node", append(append([]string{wasmOpt}, opt...), tmp+".jmp", "-o", tmp+".opt")...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("wasm-opt engine.wasm: %v\n%s", err, msg)
	}
	cmd = exec.Command("node", filepath.Join(root, "scripts", "pack-data.mjs"), tmp+".opt", tmp)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("pack-data engine.wasm: %v\n%s", err, msg)
	}
	return os.Rename(tmp, out)
}

// directJumps is build.sh's replyguard-wasmjump step, called directly.
func directJumps(in, out string) error {
	mod, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	mod, _, err = wasmjump.Rewrite(mod)
	if err != nil {
		return err
	}
	return os.WriteFile(out, mod, 0o644)
}

// readFlags reads one of wasm/*-flags.txt, which build.sh reads too.
func readFlags(root, name string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(root, "wasm", name))
	if err != nil {
		return nil, err
	}
	var flags []string
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			flags = append(flags, line)
		}
	}
	return flags, nil
}
