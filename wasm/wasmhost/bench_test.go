package wasmhost

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core"
	"github.com/replyguard/replyguard/wasm/wasmhost/wasmtest"
)

// benchParagraph is the reply text extension/engine/bench-core.js uses, so
// the Go and JavaScript figures compare.
const benchParagraph = "Thank you so much for reaching out, Maria! We're sorry to hear about the wait at your last visit. " +
	"Dr. Lopez and our team would love to help — please call our office at 555-0100 so we can look into " +
	"your appointment and your insurance questions. 😊 "

// benchText returns n UTF-16 code units of benchParagraph, like benchText in
// bench-core.js.
func benchText(n int) string {
	var b strings.Builder
	units := 0
	for units < n {
		for _, r := range benchParagraph {
			w := 1
			if r >= 0x10000 {
				w = 2
			}
			if units+w > n {
				if units < n {
					b.WriteByte(' ')
					units++
				}
				break
			}
			b.WriteRune(r)
			units += w
		}
	}
	return b.String()
}

func benchWasm(b *testing.B) []byte {
	b.Helper()
	path, err := wasmtest.ModulePath()
	if err != nil {
		b.Fatal(err)
	}
	wasm, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return wasm
}

// BenchmarkModuleSize reports engine.wasm's size and gzip -9 size (the
// budget is 3.5 MB); the loop itself measures nothing.
func BenchmarkModuleSize(b *testing.B) {
	wasm := benchWasm(b)
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	w.Write(wasm)
	w.Close()
	for b.Loop() {
	}
	b.ReportMetric(float64(len(wasm)), "bytes")
	b.ReportMetric(float64(gz.Len()), "gzip-bytes")
}

// BenchmarkCompileCold compiles engine.wasm with no compilation cache.
func BenchmarkCompileCold(b *testing.B) {
	ctx := context.Background()
	wasm := benchWasm(b)
	b.SetBytes(int64(len(wasm)))
	for b.Loop() {
		rt, err := NewRuntime(ctx, "")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Compile(ctx, rt, wasm); err != nil {
			b.Fatal(err)
		}
		rt.Close(ctx)
	}
}

// BenchmarkCompileCached compiles with a warm on-disk compilation cache, as
// every test binary after the first does.
func BenchmarkCompileCached(b *testing.B) {
	ctx := context.Background()
	wasm := benchWasm(b)
	b.SetBytes(int64(len(wasm)))
	dir := b.TempDir()
	compileIn := func() {
		rt, err := NewRuntime(ctx, dir)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Compile(ctx, rt, wasm); err != nil {
			b.Fatal(err)
		}
		rt.Close(ctx)
	}
	compileIn() // fill the cache
	for b.Loop() {
		compileIn()
	}
}

// BenchmarkInstantiate creates an instance (memory, _initialize) from a
// compiled module.
func BenchmarkInstantiate(b *testing.B) {
	path, err := wasmtest.ModulePath()
	if err != nil {
		b.Fatal(err)
	}
	m, err := LoadModule(path)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for b.Loop() {
		e, err := m.NewEngine(ctx)
		if err != nil {
			b.Fatal(err)
		}
		e.Close()
	}
}

// BenchmarkCheck times one check through wazero, JSON both ways included,
// for replies of 150, 1,000 and 20,000 UTF-16 code units.
func BenchmarkCheck(b *testing.B) {
	for _, n := range []int{150, 1000, 20000} {
		b.Run(strconv.Itoa(n)+"chars", func(b *testing.B) {
			e := newTestEngine(b)
			req := &core.Request{Text: benchText(n), Comment: "I waited an hour and nobody told me anything.", Platform: "facebook"}
			b.SetBytes(int64(len(req.Text)))
			for b.Loop() {
				if _, err := e.Check(req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCheckNative is the same work in the native engine, for comparison.
func BenchmarkCheckNative(b *testing.B) {
	eng := core.MustDefaultEngine()
	for _, n := range []int{150, 1000, 20000} {
		b.Run(strconv.Itoa(n)+"chars", func(b *testing.B) {
			req := &core.Request{Text: benchText(n), Comment: "I waited an hour and nobody told me anything.", Platform: "facebook"}
			b.SetBytes(int64(len(req.Text)))
			for b.Loop() {
				if _, err := eng.CheckRequest(req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestBenchTextLength(t *testing.T) {
	for _, n := range []int{1, 150, 1000, 20000} {
		got := benchText(n)
		if units := len(utf16Units(got)); units != n {
			t.Errorf("benchText(%d) has %d UTF-16 code units", n, units)
		}
	}
}
