package modroot

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFindFromSubdirectory(t *testing.T) {
	root, err := Find()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "internal", "modroot", "modroot.go")); err != nil {
		t.Fatalf("Find() = %s, which does not hold this package: %v", root, err)
	}
}

func TestFindWithoutModule(t *testing.T) {
	t.Chdir(t.TempDir())
	if root, err := Find(); err == nil {
		t.Fatalf("Find() outside any module = %s, want an error", root)
	}
}
