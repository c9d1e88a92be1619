// Package prune bounds the on-disk caches of compiled and built engine
// modules, which grow by megabytes with every change to the engine.
package prune

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Oldest removes all but the keep most recently written files under dir (a
// missing dir is fine). Files ending in .tmp are another process's write in
// progress (wazero and wasmtest write, then rename) and are left alone. An
// entry removed while another process reads it stays readable to that
// process; a later run just compiles again.
func Oldest(dir string, keep int) {
	type entry struct {
		path string
		mod  int64
	}
	var files []entry
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && !strings.HasSuffix(path, ".tmp") {
			if info, err := d.Info(); err == nil {
				files = append(files, entry{path, info.ModTime().UnixNano()})
			}
		}
		return nil
	})
	sort.Slice(files, func(i, j int) bool { return files[i].mod > files[j].mod })
	for i := keep; i < len(files); i++ {
		os.Remove(files[i].path)
	}
}
