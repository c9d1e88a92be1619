package policyserver

import (
	"context"
	"sync"
	"time"
)

// Limiter counts recent authentication failures per client address.
type Limiter interface {
	Failures(ctx context.Context, addr string) int
	Fail(ctx context.Context, addr string)
}

// Free failures before slowing down, the first delay, and the cap.
const (
	freeFailures = 3
	firstDelay   = 250 * time.Millisecond
	maxDelay     = 8 * time.Second
	// failureWindow is how long a failure is remembered.
	failureWindow = 10 * time.Minute
)

// SlowDown is the wait imposed on an address with n recent failures: none
// for the first few, then doubling up to maxDelay.
func SlowDown(n int) time.Duration {
	if n < freeFailures {
		return 0
	}
	d := firstDelay
	for i := freeFailures; i < n && d < maxDelay; i++ {
		d *= 2
	}
	return min(d, maxDelay)
}

// memoryLimiter keeps counts in memory, forgetting an address once its last
// failure is older than the window, and bounded in size.
type memoryLimiter struct {
	mu      sync.Mutex
	now     func() time.Time
	entries map[string]*failures
}

type failures struct {
	n    int
	last time.Time
}

const maxTracked = 10000

// NewMemoryLimiter returns the local server's limiter.
func NewMemoryLimiter() Limiter {
	return &memoryLimiter{now: time.Now, entries: map[string]*failures{}}
}

func (l *memoryLimiter) Failures(_ context.Context, addr string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	e := l.entries[addr]
	if e == nil || l.now().Sub(e.last) > failureWindow {
		return 0
	}
	return e.n
}

func (l *memoryLimiter) Fail(_ context.Context, addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	e := l.entries[addr]
	if e == nil || now.Sub(e.last) > failureWindow {
		if len(l.entries) >= maxTracked {
			l.prune(now)
		}
		e = &failures{}
		l.entries[addr] = e
	}
	e.n++
	e.last = now
}

// prune drops expired entries, or everything when all are fresh (an attack
// from very many addresses then costs it its memory, not ours).
func (l *memoryLimiter) prune(now time.Time) {
	for k, e := range l.entries {
		if now.Sub(e.last) > failureWindow {
			delete(l.entries, k)
		}
	}
	if len(l.entries) >= maxTracked {
		clear(l.entries)
	}
}
