package policies

import (
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/internal/jsonlite"
	"github.com/replyguard/replyguard/policies/jsonschema"
)

// The field reference in README.md is generated from policy.schema.json,
// the one definition of the policy format (the validator applies it, the Go
// shape and decoder are held to it by core's tests), between these markers.
const (
	fieldsBegin = "<!-- fields: generated from policy.schema.json by `go test ./policies -update`; edit the schema, not this section -->\n"
	fieldsEnd   = "<!-- end of fields -->\n"
)

func TestReadmeFieldsAreCurrent(t *testing.T) {
	schema, err := os.ReadFile("policy.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, problems := jsonschema.Decode(schema)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	r := &fieldDoc{root: doc.(*jsonschema.Object), explained: map[string]bool{}}
	r.section("Top level", "", r.root)
	want := fieldsBegin + r.b.String() + fieldsEnd

	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok1 := strings.Cut(string(readme), fieldsBegin)
	_, after, ok2 := strings.Cut(rest, fieldsEnd)
	if !ok1 || !ok2 {
		t.Fatal("README.md lacks the generated field section's markers")
	}
	if got := fieldsBegin + rest[:len(rest)-len(after)]; got != want {
		if *update {
			if err := os.WriteFile("README.md", []byte(before+want+after), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Fatal("README.md's field reference differs from policy.schema.json: run go test ./policies -update")
	}
}

// fieldDoc renders the schema as Markdown tables, one per object.
type fieldDoc struct {
	root      *jsonschema.Object
	b         strings.Builder
	explained map[string]bool // $defs whose enum values are already listed
	later     []func()        // sections of nested objects, after this one
}

func (r *fieldDoc) resolve(s *jsonschema.Object) (*jsonschema.Object, string) {
	def := ""
	for {
		ref, ok := s.Values["$ref"].(string)
		if !ok {
			return s, def
		}
		def = strings.TrimPrefix(ref, "#/$defs/")
		s = r.root.Values["$defs"].(*jsonschema.Object).Values[def].(*jsonschema.Object)
	}
}

// get returns a keyword from the node or, failing that, from what it refers to.
func (r *fieldDoc) get(s *jsonschema.Object, key string) any {
	if v, ok := s.Values[key]; ok {
		return v
	}
	res, _ := r.resolve(s)
	return res.Values[key]
}

func (r *fieldDoc) section(title, path string, obj *jsonschema.Object) {
	obj, _ = r.resolve(obj)
	r.b.WriteString("### " + title + "\n\n")
	if d, _ := obj.Values["description"].(string); d != "" && path != "" {
		r.b.WriteString(d + "\n\n")
	}
	r.b.WriteString("| field | type | default | meaning |\n|---|---|---|---|\n")
	props := obj.Values["properties"].(*jsonschema.Object)
	var enums []func()
	for _, name := range props.Keys {
		p := props.Values[name].(*jsonschema.Object)
		res, def := r.resolve(p)
		field := name
		if path != "" {
			field = path + "." + name
		}
		desc, _ := r.get(p, "description").(string)
		if req, _ := obj.Values["required"].([]any); containsName(req, name) {
			desc = "Required. " + desc
		}
		r.b.WriteString("| `" + field + "` | " + r.typeOf(res) + " | " + defaultOf(r.get(p, "default")) + " | " + cell(desc) + " |\n")
		if names, ok := res.Values["enumDescriptions"].([]any); ok && def != "" && !r.explained[def] {
			r.explained[def] = true
			title, _ := res.Values["title"].(string)
			enums = append(enums, func() { r.enumTable(title, res.Values["enum"].([]any), names) })
		}
		switch types := typeNames(res); {
		case len(types) == 1 && types[0] == "object":
			r.later = append(r.later, func() { r.section("`"+field+"`", field, res) })
		case len(types) == 1 && types[0] == "array":
			if item, _ := r.resolve(res.Values["items"].(*jsonschema.Object)); len(typeNames(item)) == 1 && typeNames(item)[0] == "object" {
				r.later = append(r.later, func() { r.section("`"+field+"[]`", field+"[]", item) })
			}
		}
	}
	r.b.WriteString("\n")
	for _, e := range enums {
		e()
	}
	later := r.later
	r.later = nil
	for _, l := range later {
		l()
	}
}

func (r *fieldDoc) enumTable(title string, values, descs []any) {
	r.b.WriteString(title + " values:\n\n| value | meaning |\n|---|---|\n")
	for i, v := range values {
		r.b.WriteString("| `" + string(jsonlite.AppendString(nil, v.(string))) + "` | " + cell(descs[i].(string)) + " |\n")
	}
	r.b.WriteString("\n")
}

func typeNames(s *jsonschema.Object) []string {
	switch t := s.Values["type"].(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, x := range t {
			out = append(out, x.(string))
		}
		return out
	}
	return nil
}

// typeOf describes a value's type and limits in words.
func (r *fieldDoc) typeOf(s *jsonschema.Object) string {
	types := typeNames(s)
	if len(types) == 2 && types[0] == "array" && types[1] == "object" {
		return "list of terms, or `{\"add\": [...], \"remove\": [...]}`"
	}
	if enum, ok := s.Values["enum"].([]any); ok {
		if _, listed := s.Values["enumDescriptions"]; listed && len(enum) > 4 {
			return "one of the values below"
		}
		var vals []string
		for _, v := range enum {
			vals = append(vals, "`"+string(jsonlite.AppendString(nil, v.(string)))+"`")
		}
		return "one of " + strings.Join(vals, ", ")
	}
	num := func(key string) (string, bool) {
		n, ok := s.Values[key].(jsonlite.Number)
		if !ok {
			return "", false
		}
		f, _ := n.Float64()
		return strconv.FormatFloat(f, 'f', -1, 64), true
	}
	var limits []string
	if v, ok := num("exclusiveMinimum"); ok {
		limits = append(limits, "more than "+v)
	}
	lo, okLo := num("minimum")
	hi, okHi := num("maximum")
	switch {
	case okLo && okHi:
		limits = append(limits, lo+"–"+hi)
	case okHi:
		limits = append(limits, "at most "+hi)
	case okLo:
		limits = append(limits, "at least "+lo)
	}
	minLen, okMin := num("minLength")
	maxLen, okMax := num("maxLength")
	switch {
	case okMin && okMax:
		limits = append(limits, minLen+"–"+maxLen+" characters")
	case okMax:
		limits = append(limits, "at most "+maxLen+" characters")
	case okMin:
		limits = append(limits, "at least "+minLen+" characters")
	}
	if v, ok := num("minItems"); ok {
		limits = append(limits, "at least "+v)
	}
	if v, ok := num("maxItems"); ok {
		limits = append(limits, "at most "+thousands(v))
	}
	if s.Values["uniqueItems"] == true {
		limits = append(limits, "no repeats")
	}
	var base string
	switch types[0] {
	case "string":
		base = "text"
	case "integer":
		base = "whole number"
	case "number":
		base = "number"
	case "boolean":
		base = "`true`/`false`"
	case "object":
		base = "object (below)"
	case "array":
		item, _ := r.resolve(s.Values["items"].(*jsonschema.Object))
		base = "list of " + map[string]string{"string": "text", "object": "objects (below)"}[typeNames(item)[0]]
		if _, ok := item.Values["enum"]; ok {
			base = "list of " + strings.TrimPrefix(r.typeOf(item), "one of ")
		}
	}
	if len(limits) == 0 {
		return base
	}
	return base + ", " + strings.Join(limits, ", ")
}

func thousands(v string) string {
	if len(v) > 3 {
		return v[:len(v)-3] + "," + v[len(v)-3:]
	}
	return v
}

func defaultOf(v any) string {
	switch v.(type) {
	case nil:
		return ""
	case jsonlite.Number:
		f, _ := v.(jsonlite.Number).Float64()
		if f == math.Trunc(f) {
			return "`" + strconv.FormatInt(int64(f), 10) + "`"
		}
	}
	return "`" + strings.ReplaceAll(string(jsonschema.Encode(v)), "|", "\\|") + "`"
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

func containsName(list []any, name string) bool {
	for _, v := range list {
		if v == name {
			return true
		}
	}
	return false
}
