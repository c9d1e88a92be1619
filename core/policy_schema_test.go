package core

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/policies"
)

// These tests keep policies/policy.schema.json and the Go shape in
// core/policy.go describing the same document.

type rawSchema = map[string]any

func loadRawSchema(t *testing.T) rawSchema {
	t.Helper()
	var s rawSchema
	if err := json.Unmarshal(policies.Schema, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// resolve follows a local $ref.
func resolve(root, s rawSchema) rawSchema {
	for {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		s = root["$defs"].(map[string]any)[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
	}
}

// jsonFields maps a struct's JSON field names to its fields, flattening
// embedded structs the way encoding/json does.
func jsonFields(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			for k, v := range jsonFields(f.Type) {
				out[k] = v
			}
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		out[name] = f
	}
	return out
}

func TestSchemaMatchesPolicyStruct(t *testing.T) {
	root := loadRawSchema(t)
	var walk func(path string, s rawSchema, typ reflect.Type)
	walk = func(path string, s rawSchema, typ reflect.Type) {
		s = resolve(root, s)
		if typ == reflect.TypeOf(RawJSON(nil)) {
			return // kept as JSON for the extension: the schema alone says its shape
		}
		want := map[reflect.Kind]string{
			reflect.String: "string", reflect.Int: "integer", reflect.Float64: "number",
			reflect.Bool: "boolean", reflect.Slice: "array", reflect.Struct: "object",
		}[typ.Kind()]
		if types, ok := s["type"].([]any); ok && want == "object" && typ == reflect.TypeOf(ListEdit{}) {
			// A ListEdit is also written as a plain array of additions.
			if !reflect.DeepEqual(types, []any{"array", "object"}) {
				t.Errorf("%s: schema type %v, want [array object] for a list edit", path, types)
			}
		} else if s["type"] != want {
			t.Errorf("%s: schema type %v, Go type %v wants %q", path, s["type"], typ, want)
			return
		}
		switch typ.Kind() {
		case reflect.Slice:
			items, _ := s["items"].(map[string]any)
			if items == nil {
				t.Errorf("%s: array without items", path)
				return
			}
			walk(path+"[]", items, typ.Elem())
		case reflect.Struct:
			if s["additionalProperties"] != false {
				t.Errorf("%s: object must set additionalProperties: false", path)
			}
			props, _ := s["properties"].(map[string]any)
			fields := jsonFields(typ)
			for name, ft := range fields {
				ps, ok := props[name].(map[string]any)
				if !ok {
					t.Errorf("%s.%s: Go field missing from the schema", path, name)
					continue
				}
				walk(path+"."+name, ps, ft.Type)
			}
			for name := range props {
				if _, ok := fields[name]; !ok {
					t.Errorf("%s.%s: schema property missing from the Go struct", path, name)
				}
			}
		}
	}
	walk("policy", root, reflect.TypeOf(Policy{}))
}

func TestSchemaDocumentsEveryProperty(t *testing.T) {
	root := loadRawSchema(t)
	if root["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v, want draft 2020-12", root["$schema"])
	}
	var walk func(path string, s rawSchema)
	walk = func(path string, s rawSchema) {
		r := resolve(root, s)
		for _, k := range []string{"title", "description"} {
			if v, _ := s[k].(string); v == "" {
				if v, _ := r[k].(string); v == "" {
					t.Errorf("%s: no %s", path, k)
				}
			}
		}
		if props, ok := r["properties"].(map[string]any); ok {
			for name, p := range props {
				walk(path+"."+name, p.(map[string]any))
			}
		}
		if items, ok := r["items"].(map[string]any); ok {
			walk(path+"[]", items)
		}
	}
	walk("policy", root)
}

// Defaults in the schema (what editors show) must equal default.json (what
// the engine uses).
func TestSchemaDefaultsMatchDefaultPolicy(t *testing.T) {
	root := loadRawSchema(t)
	var def map[string]any
	if err := json.Unmarshal(policies.Default, &def); err != nil {
		t.Fatal(err)
	}
	checked := 0
	var walk func(path string, s rawSchema, val any)
	walk = func(path string, s rawSchema, val any) {
		r := resolve(root, s)
		d, ok := s["default"]
		if !ok {
			d, ok = r["default"]
		}
		if ok {
			checked++
			if !reflect.DeepEqual(d, val) {
				t.Errorf("%s: schema default %v, default.json has %v", path, d, val)
			}
		}
		obj, _ := val.(map[string]any)
		props, _ := r["properties"].(map[string]any)
		keys := make([]string, 0, len(props))
		for k := range props {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if v, ok := obj[k]; ok {
				walk(path+"."+k, props[k].(map[string]any), v)
			}
		}
	}
	walk("policy", root, def)
	if checked < 20 {
		t.Errorf("only %d defaults checked; the schema should carry defaults", checked)
	}
}

// The topic enum is the list of comment topic tags the product defines.
func TestSchemaTopics(t *testing.T) {
	root := loadRawSchema(t)
	topic := root["$defs"].(map[string]any)["topic"].(map[string]any)
	var got []string
	for _, v := range topic["enum"].([]any) {
		got = append(got, v.(string))
	}
	want := "clinical billing insurance complaint wait_time phone scheduling parking staff_attitude pain outcome cost cleanliness privacy compliment general"
	if strings.Join(got, " ") != want {
		t.Errorf("topics = %v, want %v", got, want)
	}
	if n := len(topic["enumDescriptions"].([]any)); n != len(got) {
		t.Errorf("%d enumDescriptions for %d topics", n, len(got))
	}
}
