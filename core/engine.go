package core

import (
	"slices"
	"strings"
	"sync"
)

// Engine checks replies against one compiled policy. It is safe for
// concurrent use: Check does not mutate the engine.
type Engine struct {
	c        *Compiled
	noScorer bool // rules only (what the scorer's trainer learns from)
}

// NewEngine compiles p once; every Check reuses the compiled form.
// A nil policy means the embedded default.
func NewEngine(p *Policy) (*Engine, error) {
	if p == nil {
		p = DefaultPolicy()
	}
	c, err := Compile(p)
	if err != nil {
		return nil, err
	}
	return &Engine{c: c}, nil
}

// MustDefaultEngine returns an engine for the embedded default policy.
func MustDefaultEngine() *Engine {
	e, err := NewEngine(nil)
	if err != nil {
		panic("default policy does not compile: " + err.Error())
	}
	return e
}

// Policy returns the policy the engine was built from.
func (e *Engine) Policy() *Policy { return e.c.Policy }

// Check runs every enabled rule over the input.
func (e *Engine) Check(in Input) Result {
	if !in.Platform.Valid() {
		in.Platform = Facebook
	}
	// Docs and the findings buffer are pooled: nothing of them outlives the
	// check (findings are copied out), and release drops the text itself.
	reply := analyzeInto(docPool.Get(), in.Text)
	defer docPool.Put(reply)
	defer reply.release()
	// The comment is tokenised once and shared by the classifier and rules.
	var commentDoc *Doc
	comment := CommentInfo{Kind: KindNone, Topics: []string{}}
	if strings.TrimSpace(in.Comment) != "" {
		commentDoc = analyzeInto(docPool.Get(), in.Comment)
		defer docPool.Put(commentDoc)
		defer commentDoc.release()
		comment = classify(commentDoc)
	}
	buf := findingsPool.Get()
	findings := (*buf)[:0]
	for _, r := range Rules {
		if !e.c.Enabled(r.Category) {
			continue
		}
		p := &Pass{Rule: r, Policy: e.c, Reply: reply, Comment: &comment, CommentDoc: commentDoc, Input: &in, findings: &findings}
		r.Run(p)
	}
	if !e.noScorer {
		findings = e.judge(findings, &in, &comment)
	}
	sortFindings(findings)
	var out []Finding
	if len(findings) > 0 {
		out = slices.Clone(findings)
	}
	clear(findings)
	*buf = findings[:0]
	findingsPool.Put(buf)
	return Result{Findings: out, Comment: comment, Fingerprint: FingerprintDoc(reply)}
}

// freeList is a small pool: a few concurrent checks' worth of buffers.
// (sync.Pool would add another ~20 KB to engine.wasm, for no gain there.)
type freeList[T any] struct {
	mu   sync.Mutex
	free []*T
}

func (l *freeList[T]) Get() *T {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.free); n > 0 {
		x := l.free[n-1]
		l.free = l.free[:n-1]
		return x
	}
	return new(T)
}

func (l *freeList[T]) Put(x *T) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.free) < 8 {
		l.free = append(l.free, x)
	}
}

var (
	docPool      freeList[Doc]
	findingsPool freeList[[]Finding]
)
