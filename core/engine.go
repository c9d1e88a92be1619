package core

import (
	"strings"
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
	reply := Analyze(in.Text)
	// The comment is tokenised once and shared by the classifier and rules.
	var commentDoc *Doc
	comment := CommentInfo{Kind: KindNone, Topics: []string{}}
	if strings.TrimSpace(in.Comment) != "" {
		commentDoc = Analyze(in.Comment)
		comment = classify(commentDoc)
	}
	var findings []Finding
	for _, r := range Rules {
		if !e.c.Enabled(r.Category) {
			continue
		}
		p := &Pass{Rule: r, Policy: e.c, Reply: reply, Comment: &comment, CommentDoc: commentDoc, Input: &in, findings: &findings}
		r.Run(p)
	}
	sortFindings(findings)
	return Result{Findings: findings, Comment: comment, Fingerprint: FingerprintDoc(reply)}
}
