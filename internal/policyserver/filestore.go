package policyserver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// FileStore keeps everything under one directory:
//
//	orgs/NAME/org.json                 the organisation (token hashes, public key)
//	orgs/NAME/current.json             the bundle being served, with its version record
//	orgs/NAME/versions/SERIAL.json     every bundle ever published
//
// Every file is written whole to a temporary file, synced and renamed into
// place (then the directory is synced), so a crash at any moment leaves the
// previous complete file or the new one, never a mix.
type FileStore struct {
	dir string
	mu  sync.Mutex // serialises publishes (the serial check and the write)

	cacheMu sync.Mutex
	cache   map[string]cachedCurrent
}

type cachedCurrent struct {
	stamp string // size and modification time of current.json
	p     *Published
}

// NewFileStore opens (creating) a data directory.
func NewFileStore(dir string) (*FileStore, error) {
	if err := os.MkdirAll(filepath.Join(dir, "orgs"), 0o700); err != nil {
		return nil, err
	}
	// Temporary files are writes a crash cut short: never read, so drop them.
	for _, pattern := range []string{"orgs/*/.*.tmp-*", "orgs/*/versions/.*.tmp-*"} {
		stale, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, f := range stale {
			os.Remove(f)
		}
	}
	return &FileStore{dir: dir, cache: map[string]cachedCurrent{}}, nil
}

func (s *FileStore) orgDir(name string) string { return filepath.Join(s.dir, "orgs", name) }

func (s *FileStore) Org(_ context.Context, name string) (*Org, error) {
	var o Org
	if err := readJSON(filepath.Join(s.orgDir(name), "org.json"), &o); err != nil {
		return nil, err
	}
	return &o, nil
}

func (s *FileStore) AddOrg(_ context.Context, o *Org) error {
	dir := s.orgDir(o.Name)
	if err := os.MkdirAll(filepath.Join(dir, "versions"), 0o700); err != nil {
		return err
	}
	data, err := json.MarshalIndent(o, "", "  ")
	if err != nil {
		return err
	}
	// Link fails when org.json exists: two registrations cannot both win.
	return writeAtomic(filepath.Join(dir, "org.json"), append(data, '\n'), true)
}

func (s *FileStore) Current(_ context.Context, org string) (*Published, error) {
	path := filepath.Join(s.orgDir(org), "current.json")
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	stamp := strconv.FormatInt(st.Size(), 10) + "@" + strconv.FormatInt(st.ModTime().UnixNano(), 10)
	s.cacheMu.Lock()
	c, ok := s.cache[org]
	s.cacheMu.Unlock()
	if ok && c.stamp == stamp {
		return c.p, nil
	}
	var p Published
	if err := readJSON(path, &p); err != nil {
		return nil, err
	}
	s.cacheMu.Lock()
	s.cache[org] = cachedCurrent{stamp, &p}
	s.cacheMu.Unlock()
	return &p, nil
}

func (s *FileStore) Publish(ctx context.Context, org string, p *Published) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, err := s.Current(ctx, org)
	if err == nil && p.Serial <= cur.Serial {
		return ErrStale
	}
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	data = append(data, '\n')
	dir := s.orgDir(org)
	if err := os.MkdirAll(filepath.Join(dir, "versions"), 0o700); err != nil {
		return err
	}
	// The history first: a crash between the two leaves the old bundle
	// current and the new one listed only as a version never served.
	if err := writeAtomic(filepath.Join(dir, "versions", fmt.Sprintf("%016d.json", p.Serial)), data, false); err != nil {
		return err
	}
	return writeAtomic(filepath.Join(dir, "current.json"), data, false)
}

func (s *FileStore) Versions(ctx context.Context, org string) ([]Version, error) {
	dir := filepath.Join(s.orgDir(org), "versions")
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Version
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		var p Published
		if err := readJSON(filepath.Join(dir, e.Name()), &p); err != nil {
			return nil, err
		}
		out = append(out, p.Version)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Serial < out[j].Serial })
	return out, nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// writeAtomic puts data at path through a synced temporary file. With
// exclusive it fails with ErrExists rather than replace an existing file.
func writeAtomic(path string, data []byte, exclusive bool) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // after a rename or link this removes nothing or the spare name
	if _, err = tmp.Write(data); err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if exclusive {
		if err := os.Link(name, path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return ErrExists
			}
			return err
		}
	} else if err := os.Rename(name, path); err != nil {
		return err
	}
	return syncDir(dir)
}

// syncDir makes a rename durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
