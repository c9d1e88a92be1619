package policyserver

import (
	"context"
	"encoding/json"
	"strconv"
	"sync"
)

// KV is the little a key-value store must offer (Workers KV does).
type KV interface {
	// Get returns the value and whether the key exists.
	Get(ctx context.Context, key string) (string, bool, error)
	// Put stores a value; ttlSeconds > 0 lets it expire (Workers KV needs
	// at least 60).
	Put(ctx context.Context, key, value string, ttlSeconds int) error
}

// KVStore keeps the server's data in a KV:
//
//	org/NAME       the organisation (JSON, as in FileStore's org.json)
//	policy/NAME    the current bundle with its version record
//	versions/NAME  the version records, oldest first
//
// Workers KV has no transactions: two publishes racing for one organisation
// may both pass the serial check (the higher serial still wins at the
// browsers, which refuse lower ones).
type KVStore struct{ kv KV }

// NewKVStore returns a Store over kv.
func NewKVStore(kv KV) *KVStore { return &KVStore{kv} }

// OrgKey is the KV key of an organisation's record (for seeding KV with
// `wrangler kv key put`).
func OrgKey(name string) string { return "org/" + name }

func (s *KVStore) getJSON(ctx context.Context, key string, v any) error {
	val, ok, err := s.kv.Get(ctx, key)
	if err != nil {
		return err
	}
	if !ok {
		return ErrNotFound
	}
	return json.Unmarshal([]byte(val), v)
}

func (s *KVStore) putJSON(ctx context.Context, key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return s.kv.Put(ctx, key, string(data), 0)
}

func (s *KVStore) Org(ctx context.Context, name string) (*Org, error) {
	var o Org
	if err := s.getJSON(ctx, OrgKey(name), &o); err != nil {
		return nil, err
	}
	return &o, nil
}

func (s *KVStore) AddOrg(ctx context.Context, o *Org) error {
	if _, ok, err := s.kv.Get(ctx, OrgKey(o.Name)); err != nil {
		return err
	} else if ok {
		return ErrExists
	}
	return s.putJSON(ctx, OrgKey(o.Name), o)
}

func (s *KVStore) Current(ctx context.Context, org string) (*Published, error) {
	var p Published
	if err := s.getJSON(ctx, "policy/"+org, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

func (s *KVStore) Publish(ctx context.Context, org string, p *Published) error {
	cur, err := s.Current(ctx, org)
	if err == nil && p.Serial <= cur.Serial {
		return ErrStale
	}
	if err != nil && err != ErrNotFound {
		return err
	}
	vs, err := s.Versions(ctx, org)
	if err != nil {
		return err
	}
	if err := s.putJSON(ctx, "versions/"+org, append(vs, p.Version)); err != nil {
		return err
	}
	return s.putJSON(ctx, "policy/"+org, p)
}

func (s *KVStore) Versions(ctx context.Context, org string) ([]Version, error) {
	var vs []Version
	if err := s.getJSON(ctx, "versions/"+org, &vs); err != nil && err != ErrNotFound {
		return nil, err
	}
	return vs, nil
}

// KVLimiter keeps failure counts in KV, so they hold across Worker
// instances (a Worker starts a fresh Go instance per request). Counts are
// approximate: KV is eventually consistent.
type KVLimiter struct{ kv KV }

// NewKVLimiter returns a Limiter over kv.
func NewKVLimiter(kv KV) *KVLimiter { return &KVLimiter{kv} }

func (l *KVLimiter) Failures(ctx context.Context, addr string) int {
	v, ok, err := l.kv.Get(ctx, "fail/"+addr)
	if err != nil || !ok {
		return 0
	}
	n, _ := strconv.Atoi(v)
	return n
}

func (l *KVLimiter) Fail(ctx context.Context, addr string) {
	n := l.Failures(ctx, addr) + 1
	l.kv.Put(ctx, "fail/"+addr, strconv.Itoa(n), int(failureWindow.Seconds()))
}

// MemoryKV is a KV in memory, for tests and the load benchmark's KV service.
type MemoryKV struct {
	mu sync.Mutex
	m  map[string]string
}

// NewMemoryKV returns an empty MemoryKV.
func NewMemoryKV() *MemoryKV { return &MemoryKV{m: map[string]string{}} }

func (m *MemoryKV) Get(_ context.Context, key string) (string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.m[key]
	return v, ok, nil
}

func (m *MemoryKV) Put(_ context.Context, key, value string, _ int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[key] = value
	return nil
}

// Delete removes a key.
func (m *MemoryKV) Delete(key string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.m, key)
}
