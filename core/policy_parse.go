package core

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/replyguard/replyguard/policies"
)

// PolicyError is one problem in a policy file, located by its JSON path
// ("rules.length.facebook.max_words").
type PolicyError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

func (e PolicyError) Error() string {
	if e.Path == "" {
		return e.Message
	}
	return e.Path + ": " + e.Message
}

// PolicyErrors is every problem found in one policy file.
type PolicyErrors []PolicyError

func (es PolicyErrors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// DefaultPolicy returns a fresh copy of the embedded default policy.
func DefaultPolicy() *Policy {
	var p Policy
	if err := json.Unmarshal(policies.Default, &p); err != nil {
		panic(fmt.Sprintf("embedded default policy: %v", err))
	}
	return &p
}

// ParsePolicy validates a policy file and returns it merged over the default
// policy. On failure the error is a PolicyErrors naming every bad JSON path.
// TODO(policy): schema-driven validation with JSON paths.
func ParsePolicy(data []byte) (*Policy, error) {
	p := DefaultPolicy()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(p); err != nil {
		return nil, PolicyErrors{{Message: err.Error()}}
	}
	return p, nil
}
