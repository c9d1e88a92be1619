package core

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/policies"
	"github.com/replyguard/replyguard/policies/jsonschema"
)

// PolicyError is one problem in a policy file, located by its JSON path
// ("rules.length.facebook.max_words"). Path is empty only for problems with
// the file's text itself; their Message starts with "line L, column C: ".
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
	p, err := policyFromDoc(policyDefaultDoc())
	if err != nil {
		panic("embedded default policy: " + err.Error())
	}
	return p
}

// ParsePolicy validates a policy file against policies/policy.schema.json
// (the single source of truth for shapes and ranges), then checks what the
// schema cannot say, and returns the file merged over the default policy:
// objects merge field by field, arrays replace. On failure the error is a
// PolicyErrors naming every bad JSON path, in document order.
func ParsePolicy(data []byte) (*Policy, error) {
	if strings.TrimSpace(strings.TrimPrefix(string(data), "\ufeff")) == "" {
		return nil, PolicyErrors{{Message: "line 1, column 1: policy is empty; a policy is a JSON object ({...})"}}
	}
	doc, problems := jsonschema.Decode(data)
	if doc == nil && len(problems) > 0 {
		return nil, policyErrorsOf(problems)
	}
	if _, ok := doc.(*jsonschema.Object); !ok {
		start := len(data) - len(strings.TrimLeft(string(data), " \t\r\n"))
		return nil, PolicyErrors{{Message: jsonschema.At(data, start) + "a policy must be a JSON object ({...})"}}
	}
	problems = append(problems, policySchema().Validate(doc)...)
	merged := policyMerge(policyDefaultDoc(), doc)
	seen := map[string]bool{} // one problem per value: the schema's comes first
	for _, pr := range problems {
		seen[pr.Path] = true
	}
	for _, pr := range policySemanticProblems(merged) {
		if !seen[pr.Path] {
			problems = append(problems, pr)
		}
	}
	if len(problems) > 0 {
		return nil, policyErrorsOf(problems)
	}
	p, err := policyFromDoc(merged)
	if err != nil {
		// The schema admitted something the Go shape cannot hold: a bug in
		// policy.schema.json, reported rather than hidden.
		return nil, PolicyErrors{{Message: "line 1, column 1: policy does not fit the engine's shape (schema out of date): " + err.Error()}}
	}
	return p, nil
}

var (
	policySchemaOnce sync.Once
	policySchemaVal  *jsonschema.Schema
	policyDefaultVal any
)

// policySchema is the embedded schema, compiled once. A schema that does not
// compile is a build defect, caught by the tests.
func policySchema() *jsonschema.Schema {
	policySchemaOnce.Do(func() {
		s, err := jsonschema.Compile(policies.Schema)
		if err != nil {
			panic("embedded policy schema: " + err.Error())
		}
		policySchemaVal = s
		d, problems := jsonschema.Decode(policies.Default)
		if len(problems) > 0 {
			panic("embedded default policy: " + problems[0].Message)
		}
		policyDefaultVal = d
	})
	return policySchemaVal
}

func policyDefaultDoc() any {
	policySchema()
	return policyDefaultVal
}

// policyMerge lays over on top of base: objects merge key by key, anything
// else (arrays included) replaces. Neither input is modified.
func policyMerge(base, over any) any {
	b, ok1 := base.(*jsonschema.Object)
	o, ok2 := over.(*jsonschema.Object)
	if !ok1 || !ok2 {
		return over
	}
	out := &jsonschema.Object{Values: make(map[string]any, len(b.Keys)+len(o.Keys))}
	for _, k := range b.Keys {
		out.Keys = append(out.Keys, k)
		out.Values[k] = b.Values[k]
	}
	for _, k := range o.Keys {
		if _, ok := out.Values[k]; !ok {
			out.Keys = append(out.Keys, k)
		}
		out.Values[k] = policyMerge(out.Values[k], o.Values[k])
	}
	return out
}

// policySemanticProblems checks what JSON Schema cannot express. It reads
// the merged document (so a file that only moves start past the default end
// is caught) and skips values of the wrong type: the schema reports those.
func policySemanticProblems(merged any) []jsonschema.Problem {
	var out []jsonschema.Problem
	bh := policyField(merged, "response_window", "business_hours")
	start, ok1 := policyField(bh, "start").(string)
	end, ok2 := policyField(bh, "end").(string)
	if ok1 && ok2 && policyClock(start) && policyClock(end) && start >= end {
		// "HH:MM" strings order like the times they name.
		out = append(out, jsonschema.Problem{Path: "response_window.business_hours.end", Message: "must be later than start (" + start + ")"})
	}
	topics, _ := policyField(merged, "rules", "routing", "topics").([]any)
	first := map[string]int{}
	for i, r := range topics {
		t, ok := policyField(r, "topic").(string)
		if !ok {
			continue
		}
		if j, dup := first[t]; dup {
			out = append(out, jsonschema.Problem{Path: "rules.routing.topics[" + strconv.Itoa(i) + "].topic", Message: "duplicate topic " + strconv.Quote(t) + " (already routed by topics[" + strconv.Itoa(j) + "])"})
			continue
		}
		first[t] = i
	}
	out = append(out, policyListProblems(merged)...)
	out = append(out, policyRuleProblems(merged)...)
	return append(out, policyAdapterProblems(merged)...)
}

// policyListProblems checks each list edit: what it removes must be on the
// built-in list, and nothing may be both added and removed.
func policyListProblems(merged any) []jsonschema.Problem {
	var out []jsonschema.Problem
	for _, l := range policyLists {
		edit := policyField(merged, strings.Split(l.path, ".")...)
		remove, _ := policyField(edit, "remove").([]any)
		if len(remove) == 0 {
			continue
		}
		builtin := map[string]bool{}
		for _, s := range l.builtin() {
			builtin[lex.Key(s)] = true
		}
		added := map[string]bool{}
		add, _ := policyField(edit, "add").([]any)
		for _, a := range add {
			if s, ok := a.(string); ok {
				added[lex.Key(s)] = true
			}
		}
		for i, r := range remove {
			s, ok := r.(string)
			if !ok {
				continue
			}
			path := jsonschema.Index(l.path+".remove", i)
			switch k := lex.Key(s); {
			case added[k]:
				out = append(out, jsonschema.Problem{Path: path, Message: strconv.Quote(s) + " is also in add"})
			case !builtin[k]:
				out = append(out, jsonschema.Problem{Path: path, Message: strconv.Quote(s) + " is not a " + l.what})
			}
		}
	}
	return out
}

// policyRuleProblems checks every category's disabled_rules against the
// rule registry.
func policyRuleProblems(merged any) []jsonschema.Problem {
	var out []jsonschema.Problem
	for _, cat := range Categories {
		names, _ := policyField(merged, "rules", string(cat), "disabled_rules").([]any)
		var own []string
		for _, r := range Rules {
			if r.Category == cat {
				own = append(own, r.Name)
			}
		}
		for i, n := range names {
			name, ok := n.(string)
			if !ok || slices.Contains(own, name) {
				continue
			}
			path := jsonschema.Index("rules."+string(cat)+".disabled_rules", i)
			msg := "unknown rule " + strconv.Quote(name) + " (rules of " + string(cat) + ": " + strings.Join(own, ", ") + ")"
			if i := slices.IndexFunc(Rules, func(r *Rule) bool { return r.Name == name }); i >= 0 {
				msg = "rule " + strconv.Quote(name) + " belongs to rules." + string(Rules[i].Category)
			} else if near := jsonschema.Closest(name, own); near != "" {
				msg = "unknown rule " + strconv.Quote(name) + " (did you mean " + strconv.Quote(near) + "?)"
			}
			out = append(out, jsonschema.Problem{Path: path, Message: msg})
		}
	}
	return out
}

// policyField follows keys through nested objects; nil when any is missing.
func policyField(v any, keys ...string) any {
	for _, k := range keys {
		obj, ok := v.(*jsonschema.Object)
		if !ok {
			return nil
		}
		v = obj.Values[k]
	}
	return v
}

// policyClock reports whether s is a valid 24-hour "HH:MM".
func policyClock(s string) bool {
	return len(s) == 5 && s[2] == ':' && s[0] >= '0' && s[0] <= '2' && s[1] >= '0' && s[1] <= '9' &&
		s[3] >= '0' && s[3] <= '5' && s[4] >= '0' && s[4] <= '9' && s[:2] <= "23"
}

func policyErrorsOf(problems []jsonschema.Problem) PolicyErrors {
	errs := make(PolicyErrors, len(problems))
	for i, pr := range problems {
		errs[i] = PolicyError{Path: pr.Path, Message: pr.Message}
	}
	return errs
}
