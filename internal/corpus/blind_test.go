package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// The blind sets are frozen: their README lists each file's hash, and any
// edit (a corrected label, a dropped item) fails here, unless the set has
// moved to training and the README records the correction. Items are never
// printed.
func TestBlindSetsFrozen(t *testing.T) {
	dir := filepath.Join("..", "..", "core", "testdata", "blind")
	readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	rows := regexp.MustCompile(`(?m)^\| (\S+\.jsonl) \| ([0-9a-f]{64}) \|$`).FindAllStringSubmatch(string(readme), -1)
	if len(rows) < 2 {
		t.Fatalf("README lists %d frozen files, want at least 2", len(rows))
	}
	// A set that moved to training may have its labels corrected, but only
	// as the README records: the last correction row for a file names the
	// hash it must have now.
	corrected := map[string]string{}
	for _, row := range regexp.MustCompile(`(?m)^\| (\S+\.jsonl) \| ([0-9a-f]{64}) \| [^|\n]+ \|$`).FindAllStringSubmatch(string(readme), -1) {
		corrected[row[1]] = row[2]
	}
	listed := map[string]bool{}
	for _, row := range rows {
		name, want := row[1], row[2]
		listed[name] = true
		// A set that was scored and then given to training keeps its hash
		// in ../corpus/, so the figures recorded for it stay reproducible
		// from the commit that scored it.
		path := filepath.Join(dir, name)
		moved := false
		if _, err := os.Stat(path); err != nil {
			path, moved = filepath.Join(dir, "..", "corpus", name), true
		}
		if fix, ok := corrected[name]; ok {
			if !moved {
				t.Errorf("%s is still blind but README records a correction to it", name)
			}
			want = fix
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != want {
			t.Errorf("%s changed: sha256 %s, want %s", name, got, want)
		}
		items, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(items) < 200 {
			t.Errorf("%s has %d items, want at least 200", name, len(items))
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	for _, f := range files {
		if !listed[filepath.Base(f)] {
			t.Errorf("%s is in the blind folder but has no frozen hash in README.md", filepath.Base(f))
		}
	}
}

// No training item may repeat a blind item's reply: a blind set that leaks
// into training stops measuring anything. Short stock sentences ("Thank you
// for reaching out!") occur in both by nature, so only replies of 80 bytes
// or more count.
func TestTrainingDoesNotContainBlindReplies(t *testing.T) {
	blind := map[string]string{}
	bf, _ := filepath.Glob(filepath.Join("..", "..", "core", "testdata", "blind", "*.jsonl"))
	for _, f := range bf {
		items, err := Load(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if len(it.Text) >= 80 {
				blind[it.Text] = it.ID
			}
		}
	}
	tf, _ := filepath.Glob(filepath.Join("..", "..", "core", "testdata", "corpus", "*.jsonl"))
	if len(bf) == 0 || len(tf) == 0 {
		t.Fatalf("found %d blind and %d training files", len(bf), len(tf))
	}
	for _, f := range tf {
		items, err := Load(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if id, ok := blind[it.Text]; ok {
				t.Errorf("%s %s repeats blind item %s", filepath.Base(f), it.ID, id)
			}
		}
	}
}
