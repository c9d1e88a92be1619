package core

import (
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
	"slices"
	"strings"
	"sync"
)

// Engine checks replies against one compiled policy. It is safe for
// concurrent use: Check does not mutate the engine.
type Engine struct {
	c *Compiled
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
	reply := e.index(in.Text)
	defer e.release(reply)
	// The comment is tokenised once and shared by the classifier and rules.
	var commentDoc *Doc
	comment := CommentInfo{Kind: KindNone, Topics: []string{}}
	if strings.TrimSpace(in.Comment) != "" {
		commentDoc = e.index(in.Comment)
		defer e.release(commentDoc)
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
	sortFindings(findings)
	var out []Finding
	if len(findings) > 0 {
		out = slices.Clone(findings)
	}
	clear(findings)
	*buf = findings[:0]
	findingsPool.Put(buf)
	return Result{Findings: out, Comment: comment, Fingerprint: text.Fingerprint(reply.Doc)}
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
	textPool     freeList[text.Doc]
	docPool      freeList[Doc]
	findingsPool freeList[[]Finding]
)

// index tokenises s and walks it through the vocabulary once, with pooled
// arrays.
func (e *Engine) index(s string) *Doc {
	return lex.Index(docPool.Get(), textPool.Get().Reset(s), e.c.ext)
}

// release returns d's arrays to the pools without its text.
func (e *Engine) release(d *Doc) {
	t := d.Doc
	t.Release()
	textPool.Put(t)
	d.Release()
	docPool.Put(d)
}
