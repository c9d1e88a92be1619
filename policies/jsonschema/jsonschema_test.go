package jsonschema

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func problems(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		if p.Path == "" {
			out = append(out, p.Message)
		} else {
			out = append(out, p.Path+": "+p.Message)
		}
	}
	return out
}

func TestDecodeKeepsOrderAndTypes(t *testing.T) {
	v, ps := Decode([]byte(`{"b": [1, 2.5, "x", true, null, {}], "a": {"z": 1, "y": 2}}`))
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	obj := v.(*Object)
	if !reflect.DeepEqual(obj.Keys, []string{"b", "a"}) {
		t.Errorf("keys = %v", obj.Keys)
	}
	if got := obj.Values["a"].(*Object).Keys; !reflect.DeepEqual(got, []string{"z", "y"}) {
		t.Errorf("nested keys = %v", got)
	}
	if got := fmt.Sprintf("%T", obj.Values["b"].([]any)[1]); got != "jsonlite.Number" {
		t.Errorf("number decoded as %s", got)
	}
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "line 1, column 1: empty document"},
		{"{\n\"a\": [1,\n 2,,]}", "line 3, column 4: invalid character ',' looking for beginning of value"},
		{`{"a": 1`, "line 1, column 8: unexpected end of input"},
		{`[1, 2`, "line 1, column 6: unexpected end of input"},
		{`{} []`, "line 1, column 4: unexpected text after the end of the document"},
		{"{\n  \"k\": 1,\n  \"k\": 2\n}", "k: duplicate key (first at line 2, repeated at line 3)"},
		{`{"o": {"a b": 1, "a b": 2}}`, `o["a b"]: duplicate key (first at line 1, repeated at line 1)`},
		{`[{"x": 1, "x": 1}]`, "[0].x: duplicate key (first at line 1, repeated at line 1)"},
	}
	for _, tt := range tests {
		_, ps := Decode([]byte(tt.in))
		if got := problems(ps); len(got) != 1 || got[0] != tt.want {
			t.Errorf("Decode(%q) problems = %q, want [%q]", tt.in, got, tt.want)
		}
	}
	if v, ps := Decode([]byte("\ufeff {\"a\": 1} \n")); len(ps) > 0 || v.(*Object).Values["a"] == nil {
		t.Errorf("byte order mark: %v %v", v, ps)
	}
}

func TestEncodeNormalisesIntegers(t *testing.T) {
	v, _ := Decode([]byte(`{"b": [6.0, 6e0, 1.5, -0.0, 1e400], "a": "<&>\u00e9"}`))
	if got, want := string(Encode(v)), `{"a":"\u003c\u0026\u003eé","b":[6,6,1.5,0,1e400]}`; got != want {
		t.Errorf("Encode = %s, want %s", got, want)
	}
}

func TestPathSegments(t *testing.T) {
	if got := Index(Key(Key("", "practice"), "staff"), 2); got != "practice.staff[2]" {
		t.Error(got)
	}
	if got := Key("rules", "bad key"); got != `rules["bad key"]` {
		t.Error(got)
	}
	if got := Key("", "$schema"); got != "$schema" {
		t.Error(got)
	}
}

const testSchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "t",
  "type": "object",
  "additionalProperties": false,
  "required": ["id"],
  "properties": {
    "id": {"type": "string", "minLength": 1, "maxLength": 5},
    "count": {"type": "integer", "minimum": 1, "maximum": 10},
    "ratio": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
    "level": {"type": "integer", "minimum": -5, "maximum": 5},
    "flag": {"type": "boolean"},
    "kind": {"$ref": "#/$defs/kind", "description": "annotations may sit beside $ref"},
    "code": {"type": "string", "pattern": "^[A-Z]{3}$"},
    "zip": {"type": "string", "pattern": "^[0-9]{5}$", "patternErrorMessage": "must be a 5-digit ZIP code"},
    "tags": {"type": "array", "minItems": 1, "maxItems": 3, "uniqueItems": true, "items": {"type": "string"}},
    "free": {"type": "object", "additionalProperties": {"type": "integer"}},
    "any": {},
    "either": {"type": ["string", "null"]}
  },
  "$defs": {
    "kind": {"type": "string", "enum": ["a", "b"]}
  }
}`

func TestValidate(t *testing.T) {
	s, err := Compile([]byte(testSchema))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want []string
	}{
		{`{"id": "x", "count": 10, "ratio": 0.5, "level": -5, "flag": false, "kind": "b", "code": "ABC", "zip": "12345",
		   "tags": ["a", "b"], "free": {"q": 1}, "any": [null], "either": null}`, nil},
		{`{}`, []string{"id: required"}},
		{`{"id": ""}`, []string{"id: must not be empty"}},
		{`{"id": "ééééé"}`, nil}, // lengths count characters, not bytes
		{`{"id": "abcdef"}`, []string{"id: must be at most 5 characters (has 6)"}},
		{`{"id": "x", "count": 0}`, []string{"count: must be a positive integer"}},
		{`{"id": "x", "count": 1.5}`, []string{"count: must be a positive integer"}},
		{`{"id": "x", "count": 11}`, []string{"count: must be at most 10"}},
		{`{"id": "x", "count": 2.0}`, nil},
		{`{"id": "x", "ratio": 0}`, []string{"ratio: must be a positive number"}},
		{`{"id": "x", "ratio": 1}`, []string{"ratio: must be less than 1"}},
		{`{"id": "x", "level": -6}`, []string{"level: must be at least -5"}},
		{`{"id": "x", "level": "1"}`, []string{"level: must be an integer"}},
		{`{"id": "x", "flag": 1}`, []string{"flag: must be true or false"}},
		{`{"id": "x", "kind": "c"}`, []string{`kind: must be one of "a", "b"`}},
		{`{"id": "x", "code": "abc"}`, []string{`code: must match the pattern ^[A-Z]{3}$`}},
		{`{"id": "x", "zip": "1234"}`, []string{"zip: must be a 5-digit ZIP code"}},
		{`{"id": "x", "tags": []}`, []string{"tags: must have at least 1 item"}},
		{`{"id": "x", "tags": ["a", "b", "c", "d"]}`, []string{"tags: must have at most 3 items (has 4)"}},
		{`{"id": "x", "tags": ["a", 1, "a"]}`, []string{"tags[1]: must be a string", "tags[2]: duplicate of tags[0]"}},
		{`{"id": "x", "free": {"q": "1"}}`, []string{"free.q: must be an integer"}},
		{`{"id": "x", "either": 1}`, []string{"either: must be a string or null"}},
		{`{"id": "x", "cuont": 1}`, []string{`cuont: unknown field (did you mean "count"?)`}},
		{`{"id": "x", "zzzzzz": 1}`, []string{"zzzzzz: unknown field"}},
		{`[]`, []string{"must be an object"}},
		{`{"id": 1, "count": 0, "tags": [1]}`, []string{"id: must be a string", "count: must be a positive integer", "tags[0]: must be a string"}},
	}
	for _, tt := range tests {
		doc, ps := Decode([]byte(tt.in))
		if len(ps) > 0 {
			t.Fatalf("%s: %v", tt.in, ps)
		}
		if got := problems(s.Validate(doc)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Validate(%s):\n got  %q\n want %q", tt.in, got, tt.want)
		}
	}
}

func TestCompileRejects(t *testing.T) {
	tests := []struct{ schema, want string }{
		{`{"type": "object", "oneOf": []}`, `schema #/oneOf: unsupported keyword "oneOf"`},
		{`{"properties": {"a": {"$ref": "#/$defs/missing"}}}`, `schema #/properties/a/$ref: unresolved $ref "#/$defs/missing"`},
		{`{"properties": {"a": {"$ref": "#/$defs/x", "type": "string"}}, "$defs": {"x": {}}}`, "schema #/properties/a: only annotations may sit beside $ref"},
		{`{"additionalProperties": false, "required": ["a"]}`, `schema: required property "a" is not declared`},
		{`{"pattern": "("}`, `schema #/pattern: pattern "(" at 1: missing )`},
		{`{"pattern": "a(?=b)"}`, "schema #/pattern: pattern \"a(?=b)\" at 2: lookaround and named groups are not supported"},
		{`{"maxItems": -1}`, "schema #/maxItems: must be a non-negative integer"},
		{`[]`, "schema: must be an object"},
	}
	for _, tt := range tests {
		_, err := Compile([]byte(tt.schema))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Compile(%s) = %v, want %q", tt.schema, err, tt.want)
		}
	}
}

func TestDeepNestingDoesNotCrash(t *testing.T) {
	in := `{"a":` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `}`
	s, _ := Compile([]byte(`{"properties": {"a": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}}}}`))
	doc, ps := Decode([]byte(in))
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if got := problems(s.Validate(doc)); !reflect.DeepEqual(got, []string{"a[0][0]: must be a string"}) {
		t.Errorf("got %q", got)
	}
}
