package inflate

import (
	"bytes"
	"compress/flate"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

func deflate(t testing.TB, data []byte, level int) string {
	var b bytes.Buffer
	w, err := flate.NewWriter(&b, level)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	w.Close()
	return b.String()
}

// TestRoundTrip decodes what compress/flate writes, at every level (stored,
// fixed and dynamic blocks), for the repository's list files and for
// random and repetitive data.
func TestRoundTrip(t *testing.T) {
	var inputs [][]byte
	files, _ := filepath.Glob("../../core/vocab/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, data)
	}
	if len(inputs) == 0 {
		t.Fatal("no list files found")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 100000)
	for i := range noise {
		noise[i] = byte(rng.UintN(256))
	}
	inputs = append(inputs, nil, []byte("a"), noise, bytes.Repeat([]byte("abcab"), 20000))
	for i, in := range inputs {
		for _, level := range []int{flate.NoCompression, flate.HuffmanOnly, flate.BestSpeed, flate.BestCompression} {
			got, err := String(deflate(t, in, level))
			if err != nil {
				t.Fatalf("input %d level %d: %v", i, level, err)
			}
			if got != string(in) {
				t.Fatalf("input %d level %d: decoded %d bytes, want %d", i, level, len(got), len(in))
			}
		}
	}
}

// TestCorruptData: truncated or damaged streams are errors, not panics.
func TestCorruptData(t *testing.T) {
	z := deflate(t, bytes.Repeat([]byte("root canal, crown, filling\n"), 200), flate.BestCompression)
	for n := 0; n < len(z); n++ {
		if _, err := String(z[:n]); err == nil {
			t.Errorf("truncated to %d bytes: no error", n)
		}
	}
	if _, err := String("\x07"); err == nil {
		t.Error("block type 3: no error")
	}
}

func FuzzString(f *testing.F) {
	f.Add(deflate(f, []byte("hello hello hello"), flate.BestCompression))
	f.Fuzz(func(t *testing.T, s string) { String(s) })
}
