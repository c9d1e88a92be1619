// Package train fits the scorer's weights (core/score) to the labelled
// corpus, picks its thresholds by cross-validation and writes the weights
// as a Go file. Everything is deterministic: files and items are read in
// order, folds come from item ids, shuffles from a fixed seed, and no map is
// iterated, so the same corpus gives the same bytes.
package train

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Item is one labelled reply of the corpus (see core/testdata/corpus/README.md).
type Item struct {
	ID       string   `json:"id"`
	Platform string   `json:"platform"`
	Comment  string   `json:"comment"`
	Text     string   `json:"text"`
	Expect   []string `json:"expect"`
	// PhiSpans are the reply's disclosing phrases (train-* sets), for the
	// cross-validated span recall.
	PhiSpans []string `json:"phi_spans"`
	// Set is the file the item came from, without .jsonl (LoadDir sets
	// it): the grouped cross-validation holds out one author's sets at a
	// time (see authorOf).
	Set string `json:"-"`
}

// LoadDir reads every *.jsonl file of dir, in name order.
func LoadDir(dir string) ([]Item, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no *.jsonl files", dir)
	}
	var items []Item
	seen := map[string]string{}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for line := 1; sc.Scan(); line++ {
			if len(bytes.TrimSpace(sc.Bytes())) == 0 {
				continue
			}
			var it Item
			if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, line, err)
			}
			if it.ID == "" {
				return nil, fmt.Errorf("%s:%d: item has no id", name, line)
			}
			if prev, dup := seen[it.ID]; dup {
				return nil, fmt.Errorf("%s:%d: id %q already used in %s", name, line, it.ID, prev)
			}
			seen[it.ID] = filepath.Base(name)
			it.Set = strings.TrimSuffix(filepath.Base(name), ".jsonl")
			items = append(items, it)
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
	}
	return items, nil
}

// authorOf names the author of a corpus set: each file was written by its
// own author, except that an author's file split in halves (-tune and
// -check) is one author, and holdout was written with dev.
func authorOf(set string) string {
	set = strings.TrimSuffix(strings.TrimSuffix(set, "-tune"), "-check")
	if set == "holdout" {
		return "dev"
	}
	return set
}
