package archive

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/core/analysis"
)

// TestClean: a "clean:" phrase fails the case when a finding of its
// category overlaps it, and only then.
func TestClean(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.txtar")
	data := "-- staff stays clean --\nwant: phi \"crown\"\nclean: phi \"Dr\\\\. Patel\"\n>>>\nDr. Patel says your crown is ready.\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	cs, err := Parse(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || len(cs[0].Cleans) != 1 || len(cs[0].Wants) != 1 {
		t.Fatalf("parsed %+v", cs)
	}
	c := cs[0]
	crown := strings.Index(c.Reply, "crown")
	ok := []analysis.Finding{{Category: analysis.PHI, Severity: analysis.Error, Start: crown, End: crown + 5}}
	if errs := Compare(c, ok); len(errs) != 0 {
		t.Errorf("crown alone: %v", errs)
	}
	bad := append(ok, analysis.Finding{Category: analysis.PHI, Severity: analysis.Error, Start: 0, End: 9})
	if errs := Compare(c, bad); len(errs) != 1 || !strings.Contains(errs[0], "is marked by") {
		t.Errorf("staff name marked: got %v, want one error", errs)
	}
	// An info finding on the phrase does not count.
	info := append(ok, analysis.Finding{Category: analysis.PHI, Severity: analysis.Info, Start: 0, End: 9})
	if errs := Compare(c, info); len(errs) != 0 {
		t.Errorf("info finding: %v", errs)
	}
}

func TestCleanNeedsPattern(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.txtar")
	if err := os.WriteFile(path, []byte("-- c --\nclean: phi\n>>>\nhi\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(path); err == nil || !strings.Contains(err.Error(), "clean: needs a quoted pattern") {
		t.Errorf("err = %v", err)
	}
}
