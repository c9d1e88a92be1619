package core

import (
	"strings"
	"sync"

	commentpkg "github.com/replyguard/replyguard/core/analyses/comment"
	"github.com/replyguard/replyguard/core/analysis"
	"github.com/replyguard/replyguard/core/lex"
	learned "github.com/replyguard/replyguard/core/score"
	"github.com/replyguard/replyguard/core/text"
)

// Engine checks replies against one compiled policy. It is safe for
// concurrent use: Check does not mutate the engine.
type Engine struct {
	c        *Compiled
	noScorer bool // rules only (what the scorer's trainer learns from)
	// model is the scorer's model; nil: learned.Default (tests set others).
	model *learned.Model
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

// NewEngineWith is NewEngine running only the given rules (for rule tests
// and tools); the analyzers they require run too, the learned scorer does
// not (it was trained on what every rule finds).
func NewEngineWith(p *Policy, rules ...*Rule) (*Engine, error) {
	if p == nil {
		p = DefaultPolicy()
	}
	c, err := compileFor(p, rules)
	if err != nil {
		return nil, err
	}
	return &Engine{c: c, noScorer: true}, nil
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
	st := e.run(in)
	res := st.result()
	if len(st.sorted) > 0 {
		res.Findings = append([]Finding(nil), st.sorted...)
	}
	st.finish()
	return res
}

// CheckView is Check for a caller that is done with the result when fn
// returns (the wasm binding encodes it there): its findings are the pooled
// ones, not a copy, which in the wasm build saves the largest allocation of
// a check. Nothing fn receives may be kept after it returns.
func (e *Engine) CheckView(in Input, fn func(res Result)) {
	st := e.run(in)
	res := st.result()
	res.Findings = st.sorted
	fn(res)
	st.finish()
}

// result is the check's result without its findings.
func (st *checkState) result() Result {
	return Result{Comment: *commentpkg.Of(&st.pass), Fingerprint: text.Fingerprint(st.reply.Doc)}
}

// Inspect runs the check and hands fn the pass, after every analyzer and
// rule (and the scorer, unless WithoutScorer) ran, with the findings in
// position order. It is how tools
// (the learned scorer) read what the analyzers found: pass.ResultOf, the
// reply's vocabulary matches (pass.Reply.At, Contains), the comment. Nothing
// fn receives may be kept after it returns: the documents are reused.
func (e *Engine) Inspect(in Input, fn func(pass *analysis.Pass, findings []Finding)) {
	st := e.run(in)
	fn(&st.pass, st.sorted)
	st.finish()
}

// checkState is what one check needs besides the documents, pooled so a
// check allocates none of it: the pass and its callbacks (bound once, when
// the state is made), the analyzers' results and the findings.
type checkState struct {
	e        *Engine
	in       Input
	pass     analysis.Pass
	reply    *Doc
	rule     *Rule // the rule running, for Report
	results  []any // by the analyzer's place in the plan
	findings []Finding
	sorted   []Finding // findings in order: findings itself or order's copy
	order    orderBuf
	scorer   scratch
}

func (st *checkState) resultOf(a *analysis.Analyzer) any {
	for k, x := range st.e.c.plan {
		if x == a {
			return st.results[k]
		}
	}
	panic("core: analyzer " + a.Name + " was not required")
}

func (st *checkState) report(f Finding) {
	// Completed where it lies: a finding is ~120 bytes, copied once.
	st.findings = append(st.findings, f)
	st.e.c.complete(st.rule, st.reply, &st.findings[len(st.findings)-1])
}

// run tokenises and indexes the reply and comment once, runs the analyzers
// in dependency order and then every enabled rule, and returns the pooled
// state with the findings in position order in st.sorted; the caller reads
// what it needs and then calls st.finish. (No callback: a closure over the
// caller's result would be one more allocation per check.)
func (e *Engine) run(in Input) *checkState {
	if !in.Platform.Valid() {
		in.Platform = Facebook
	}
	c := e.c
	st := statePool.Get()
	pass := st.begin(e, in)
	for k, a := range c.plan {
		pass.Prepared = c.planPrep[k]
		st.results[k] = a.Run(pass)
	}
	for k, r := range c.rules {
		if c.ruleRuns[k] {
			st.rule, pass.Prepared = r, c.rulePrep[k]
			r.Run(pass)
		}
	}
	if !e.noScorer {
		st.findings = e.judge(pass, st.findings, &st.scorer)
	}
	if in.Private {
		c.privateSeverity(st.findings)
	}
	st.sorted = st.order.sort(st.findings)
	return st
}

// finish releases the check's documents and returns st to the pool.
func (st *checkState) finish() {
	st.end()
	statePool.Put(st)
}

// begin prepares st for a check of in: the documents (pooled: nothing of
// them outlives the check, findings are copied out) and the pass.
func (st *checkState) begin(e *Engine, in Input) *analysis.Pass {
	if st.pass.Report == nil { // a new state: bind its callbacks once
		st.pass.ResultOf, st.pass.Report = st.resultOf, st.report
	}
	st.e, st.in = e, in
	st.reply = e.index(in.Text)
	var comment *Doc
	if strings.TrimSpace(in.Comment) != "" {
		comment = e.index(in.Comment)
	}
	if n := len(e.c.plan); cap(st.results) < n {
		st.results = make([]any, n)
	}
	st.results = st.results[:len(e.c.plan)]
	st.pass.Reply, st.pass.Comment, st.pass.Input, st.pass.Config = st.reply, comment, &st.in, e.c.cfg
	return &st.pass
}

// end releases the documents, without their text, and forgets the check.
func (st *checkState) end() {
	release(st.pass.Reply)
	if st.pass.Comment != nil {
		release(st.pass.Comment)
	}
	clear(st.findings)
	st.order.release()
	clear(st.results)
	st.findings, st.sorted = st.findings[:0], nil
	st.e, st.in, st.reply, st.rule = nil, Input{}, nil, nil
	st.pass.Reply, st.pass.Comment, st.pass.Input, st.pass.Config, st.pass.Prepared = nil, nil, nil, nil, nil
}

// complete fills in what a rule leaves to the engine: its name, category,
// the policy's severity, and a span clamped to the reply.
func (c *Compiled) complete(r *Rule, d *Doc, f *Finding) {
	f.Rule = r.Name
	if f.Category == "" {
		f.Category = r.Category
	}
	if f.Severity == "" {
		f.Severity = c.Severity(f.Category)
	}
	f.Start = max(f.Start, 0)
	f.End = max(min(f.End, len(d.Text)), f.Start)
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
	textPool  freeList[text.Doc]
	docPool   freeList[Doc]
	statePool freeList[checkState]
)

// index tokenises s and walks it through the vocabulary once, with pooled
// arrays.
func (e *Engine) index(s string) *Doc {
	return lex.Index(docPool.Get(), textPool.Get().Reset(s), e.c.ext)
}

// release returns d's arrays to the pools without its text.
func release(d *Doc) {
	t := d.Doc
	t.Release()
	textPool.Put(t)
	d.Release()
	docPool.Put(d)
}
