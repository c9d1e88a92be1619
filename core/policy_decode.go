package core

import (
	"errors"
	"math"
	"slices"
	"strconv"

	"github.com/replyguard/replyguard/internal/jsonlite"
	"github.com/replyguard/replyguard/policies/jsonschema"
)

// policyFromDoc fills a Policy from a decoded policy document, as
// json.Unmarshal of its jsonschema.Encode form would (no reflection in the
// wasm module). The readers are generated from the schema
// (policy_decode_gen.go); this file holds what they share. The document
// has passed the schema, whose objects admit only these keys and types; a
// mismatch (a schema bug) is reported much as encoding/json would.
func policyFromDoc(doc any) (*Policy, error) {
	r := &policyReader{}
	p := &Policy{}
	r.readPolicy(doc, p, "")
	if r.err != nil {
		return nil, r.err
	}
	return p, nil
}

// policyReader records the first type mismatch, as json.Unmarshal does.
// Its small readers are not inlined: the generated decoder calls them once
// per policy field, and inlined copies cost the wasm module tens of KB
// (TestModuleSizeBudget); a policy is read once per load.
type policyReader struct{ err error }

// listEdit reads a list a policy extends: a plain array adds, an object
// says what to add and what to remove (see ListEdit.UnmarshalJSON).
func (r *policyReader) listEdit(v any, l *ListEdit, path string) {
	if _, ok := v.([]any); ok {
		r.strs(v, &l.Add, path, "ListEdit")
		return
	}
	r.fields(v, path, "ListEdit", func(k string, v any, path string) {
		switch k {
		case "add":
			r.strs(v, &l.Add, path, "ListEdit")
		case "remove":
			r.strs(v, &l.Remove, path, "ListEdit")
		}
	})
}

// fields calls set for each key of an object, in the sorted order of
// jsonschema.Encode; null is skipped, as json.Unmarshal skips it.
//
//go:noinline
func (r *policyReader) fields(v any, path, typ string, set func(k string, v any, path string)) {
	switch o := v.(type) {
	case nil:
	case *jsonschema.Object:
		keys := slices.Sorted(slices.Values(o.Keys))
		for _, k := range keys {
			p := k
			if path != "" {
				p = path + "." + k
			}
			set(k, o.Values[k], p)
		}
	default:
		r.fail(v, path, typ, "core."+typ)
	}
}

// array sizes the destination, then fills each element.
//
//go:noinline
func (r *policyReader) array(v any, path, typ, goType string, size func(n int), elem func(i int, v any)) {
	switch a := v.(type) {
	case nil:
	case []any:
		size(len(a))
		for i, e := range a {
			elem(i, e)
		}
	default:
		r.fail(v, path, typ, goType)
	}
}

// raw keeps a value the engine validates but does not read, as canonical
// JSON (null stays empty).
func (r *policyReader) raw(v any, dst *RawJSON) {
	if v != nil {
		*dst = jsonschema.Encode(v)
	}
}

//go:noinline
func (r *policyReader) str(v any, dst *string, path, typ string) {
	switch s := v.(type) {
	case nil:
	case string:
		*dst = s
	default:
		r.fail(v, path, typ, "string")
	}
}

//go:noinline
func (r *policyReader) strs(v any, dst *[]string, path, typ string) {
	r.array(v, path, typ, "[]string", func(n int) { *dst = make([]string, n) }, func(i int, v any) {
		r.str(v, &(*dst)[i], path, typ)
	})
}

//go:noinline
func (r *policyReader) boolean(v any, dst *bool, path, typ string) {
	switch b := v.(type) {
	case nil:
	case bool:
		*dst = b
	default:
		r.fail(v, path, typ, "bool")
	}
}

// integer accepts what jsonschema.Encode writes as an integer (6.0 is 6).
func (r *policyReader) integer(v any, dst *int, path, typ string) {
	n, ok := v.(jsonlite.Number)
	if !ok {
		if v != nil {
			r.fail(v, path, typ, "int")
		}
		return
	}
	if f, err := n.Float64(); err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		*dst = int(f)
	} else if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
		*dst = int(i)
	} else {
		r.failText("number "+string(n), path, typ, "int")
	}
}

func (r *policyReader) float(v any, dst *float64, path, typ string) {
	n, ok := v.(jsonlite.Number)
	if !ok {
		if v != nil {
			r.fail(v, path, typ, "float64")
		}
		return
	}
	f, err := n.Float64()
	if err != nil {
		r.failText("number "+string(n), path, typ, "float64")
		return
	}
	*dst = f
}

//go:noinline
func (r *policyReader) fail(v any, path, typ, goType string) {
	kind := "number"
	switch v.(type) {
	case string:
		kind = "string"
	case bool:
		kind = "bool"
	case []any:
		kind = "array"
	case *jsonschema.Object:
		kind = "object"
	}
	r.failText(kind, path, typ, goType)
}

func (r *policyReader) failText(value, path, typ, goType string) {
	if r.err == nil {
		r.err = errors.New("json: cannot unmarshal " + value + " into Go struct field " + typ + "." + path + " of type " + goType)
	}
}
