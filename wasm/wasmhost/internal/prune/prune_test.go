package prune

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestOldestKeepsNewestAndTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "wazero-v1-amd64-linux")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	base := time.Now().Add(-time.Hour)
	names := []string{"a", "b", "c", "d", "e.123.tmp"}
	for i, n := range names {
		p := filepath.Join(sub, n)
		if err := os.WriteFile(p, []byte(n), 0o644); err != nil {
			t.Fatal(err)
		}
		mt := base.Add(time.Duration(i) * time.Minute) // a oldest ... e newest
		if n == "e.123.tmp" {
			mt = base.Add(-time.Hour) // oldest of all, still kept
		}
		if err := os.Chtimes(p, mt, mt); err != nil {
			t.Fatal(err)
		}
	}
	Oldest(dir, 2)
	for _, n := range names {
		_, err := os.Stat(filepath.Join(sub, n))
		kept := err == nil
		want := n == "c" || n == "d" || n == "e.123.tmp"
		if kept != want {
			t.Errorf("%s: kept=%v, want %v", n, kept, want)
		}
	}
	Oldest(filepath.Join(dir, "missing"), 2) // no panic, nothing to do
}
