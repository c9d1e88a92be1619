package core

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// CorpusItem is one labelled reply of testdata/corpus, for the tests inside
// package core (the golden, pool, JSON and scorer tests). Scoring the
// corpus is internal/corpus's job (TestCorpus, in package core_test).
type CorpusItem struct {
	ID       string     `json:"id"`
	Platform string     `json:"platform"`
	Comment  string     `json:"comment"`
	Text     string     `json:"text"`
	Expect   []Category `json:"expect"`
	Why      string     `json:"why"`
}

// CorpusNames lists testdata/corpus/*.jsonl without the extension, sorted.
func CorpusNames() []string {
	files, _ := filepath.Glob(filepath.Join("testdata", "corpus", "*.jsonl"))
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(filepath.Base(f), ".jsonl")
	}
	return names
}

// LoadCorpus reads testdata/corpus/NAME.jsonl.
func LoadCorpus(t testing.TB, name string) []CorpusItem {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "corpus", name+".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var items []CorpusItem
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var it CorpusItem
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatalf("%s.jsonl:%d: %v", name, n, err)
		}
		items = append(items, it)
	}
	return items
}
