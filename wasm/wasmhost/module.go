package wasmhost

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/replyguard/replyguard/wasm/wasmhost/internal/prune"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

// Module is a compiled engine.wasm; instantiate it with NewEngine. Compiling
// costs about a second, so a process compiles each module file once.
type Module struct {
	rt       wazero.Runtime
	compiled wazero.CompiledModule
}

// runtime is shared by every Module in the process: one WASI host module and
// one compilation cache.
var runtime struct {
	once sync.Once
	rt   wazero.Runtime
	err  error

	mu       sync.Mutex
	compiled map[[32]byte]*Module
}

// CacheDir is where compiled machine code is kept between processes, so that
// later runs skip most of the compile.
func CacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "replyguard", "wazero")
}

// cacheKeep bounds the compilation cache: every rebuilt engine.wasm adds
// ~15 MB of machine code, and wazero never removes any.
const cacheKeep = 4

// NewRuntime creates a wazero runtime with WASI preview 1, using the
// compilation cache in cacheDir (none when cacheDir is empty).
func NewRuntime(ctx context.Context, cacheDir string) (wazero.Runtime, error) {
	cfg := wazero.NewRuntimeConfig()
	if cacheDir != "" {
		cache, err := wazero.NewCompilationCacheWithDir(cacheDir)
		if err != nil {
			return nil, fmt.Errorf("wazero compilation cache %s: %w", cacheDir, err)
		}
		cfg = cfg.WithCompilationCache(cache)
	}
	rt := wazero.NewRuntimeWithConfig(ctx, cfg)
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, rt); err != nil {
		rt.Close(ctx)
		return nil, fmt.Errorf("instantiating WASI: %w", err)
	}
	return rt, nil
}

// Compile compiles module bytes in rt.
func Compile(ctx context.Context, rt wazero.Runtime, wasm []byte) (*Module, error) {
	c, err := rt.CompileModule(ctx, wasm)
	if err != nil {
		return nil, fmt.Errorf("compiling engine.wasm: %w", err)
	}
	return &Module{rt: rt, compiled: c}, nil
}

// LoadModule reads and compiles the module at path, once per process for
// each distinct file content, in the shared runtime.
func LoadModule(path string) (*Module, error) {
	wasm, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	runtime.once.Do(func() {
		prune.Oldest(CacheDir(), cacheKeep)
		runtime.rt, runtime.err = NewRuntime(ctx, CacheDir())
		if runtime.err != nil {
			// An unusable cache directory only costs speed.
			runtime.rt, runtime.err = NewRuntime(ctx, "")
		}
		runtime.compiled = map[[32]byte]*Module{}
	})
	if runtime.err != nil {
		return nil, runtime.err
	}
	key := sha256.Sum256(wasm)
	runtime.mu.Lock()
	defer runtime.mu.Unlock()
	if m := runtime.compiled[key]; m != nil {
		return m, nil
	}
	m, err := Compile(ctx, runtime.rt, wasm)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	runtime.compiled[key] = m
	return m, nil
}

// Load compiles (once per process) and instantiates the module at path.
func Load(path string) (*Engine, error) {
	m, err := LoadModule(path)
	if err != nil {
		return nil, err
	}
	return m.NewEngine(context.Background())
}

// NewEngine instantiates the module: its own memory and the default policy.
// The module sees no files or arguments; only clocks and randomness from the
// host, and the GC settings wasm/doc.go asks hosts for (as engine.js does).
func (m *Module) NewEngine(ctx context.Context) (*Engine, error) {
	cfg := wazero.NewModuleConfig().
		WithName(""). // anonymous, so a runtime can hold many instances
		WithStartFunctions("_initialize").
		WithEnv("GOGC", "200").
		WithEnv("GOMEMLIMIT", "24MiB").
		WithEnv("GODEBUG", "gcstoptheworld=1").
		WithSysWalltime().
		WithSysNanotime().
		WithRandSource(rand.Reader)
	mod, err := m.rt.InstantiateModule(ctx, m.compiled, cfg)
	if err != nil {
		return nil, fmt.Errorf("instantiating engine.wasm: %w", err)
	}
	return newEngine(mod)
}
