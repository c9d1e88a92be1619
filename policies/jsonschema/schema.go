package jsonschema

import (
	"errors"
	"github.com/replyguard/replyguard/internal/jsonlite"
	"strconv"
	"strings"
)

// Schema is one compiled schema node.
type Schema struct {
	Types      []string // "object", "array", "string", "integer", "number", "boolean", "null"
	Properties map[string]*Schema
	// PropertyOrder is the schema's property order, used for required checks.
	PropertyOrder []string
	Required      []string
	// Additional is the schema for properties not in Properties; nil allows
	// anything. NoAdditional is additionalProperties: false.
	Additional   *Schema
	NoAdditional bool
	Items        *Schema
	Enum         []any

	Minimum, Maximum                   *float64
	ExclusiveMinimum, ExclusiveMaximum *float64
	MinLength, MaxLength               *int
	MinItems, MaxItems                 *int
	UniqueItems                        bool

	Pattern *Pattern
	// PatternMessage is the message when Pattern does not match (the
	// "patternErrorMessage" annotation, which VS Code also shows).
	PatternMessage string

	Ref string
	ref *Schema
}

// annotations are keywords with no effect on validation.
var annotations = map[string]bool{
	"$schema": true, "$id": true, "$comment": true, "$defs": true,
	"title": true, "description": true, "markdownDescription": true,
	"default": true, "examples": true, "deprecated": true,
	"enumDescriptions": true, "markdownEnumDescriptions": true,
	"patternErrorMessage": true, "format": true,
}

// Compile parses a schema document. It fails on syntax errors, on keywords
// outside the supported subset and on $refs that do not resolve.
func Compile(data []byte) (*Schema, error) {
	doc, problems := Decode(data)
	if len(problems) > 0 {
		return nil, errors.New("schema: " + problems[0].Message)
	}
	root, ok := doc.(*Object)
	if !ok {
		return nil, errors.New("schema: must be an object")
	}
	c := &compiler{defs: map[string]*Schema{}}
	if defs, ok := root.Values["$defs"].(*Object); ok {
		for _, name := range defs.Keys {
			c.defs[name] = &Schema{}
		}
		for _, name := range defs.Keys {
			s, err := c.node(defs.Values[name], "#/$defs/"+name)
			if err != nil {
				return nil, err
			}
			*c.defs[name] = *s
		}
	}
	s, err := c.node(root, "#")
	if err != nil {
		return nil, err
	}
	return s, c.link(s, map[*Schema]bool{})
}

type compiler struct {
	defs map[string]*Schema
}

func (c *compiler) node(v any, at string) (*Schema, error) {
	obj, ok := v.(*Object)
	if !ok {
		return nil, errors.New("schema " + at + ": must be an object")
	}
	s := &Schema{}
	for _, k := range obj.Keys {
		val := obj.Values[k]
		where := at + "/" + k
		var err error
		switch k {
		case "type":
			s.Types, err = stringOrList(val, where)
		case "properties":
			props, ok := val.(*Object)
			if !ok {
				return nil, errors.New("schema " + where + ": must be an object")
			}
			s.Properties = map[string]*Schema{}
			for _, name := range props.Keys {
				if s.Properties[name], err = c.node(props.Values[name], where+"/"+name); err != nil {
					return nil, err
				}
				s.PropertyOrder = append(s.PropertyOrder, name)
			}
		case "required":
			s.Required, err = stringOrList(val, where)
		case "additionalProperties":
			if b, ok := val.(bool); ok {
				s.NoAdditional = !b
			} else {
				s.Additional, err = c.node(val, where)
			}
		case "items":
			s.Items, err = c.node(val, where)
		case "enum":
			list, ok := val.([]any)
			if !ok || len(list) == 0 {
				return nil, errors.New("schema " + where + ": must be a non-empty array")
			}
			s.Enum = list
		case "minimum":
			s.Minimum, err = number(val, where)
		case "maximum":
			s.Maximum, err = number(val, where)
		case "exclusiveMinimum":
			s.ExclusiveMinimum, err = number(val, where)
		case "exclusiveMaximum":
			s.ExclusiveMaximum, err = number(val, where)
		case "minLength":
			s.MinLength, err = count(val, where)
		case "maxLength":
			s.MaxLength, err = count(val, where)
		case "minItems":
			s.MinItems, err = count(val, where)
		case "maxItems":
			s.MaxItems, err = count(val, where)
		case "uniqueItems":
			s.UniqueItems, _ = val.(bool)
		case "pattern":
			src, _ := val.(string)
			if s.Pattern, err = CompilePattern(src); err != nil {
				return nil, errors.New("schema " + where + ": " + err.Error())
			}
		case "patternErrorMessage":
			s.PatternMessage, _ = val.(string)
		case "$ref":
			s.Ref, _ = val.(string)
			name, ok := strings.CutPrefix(s.Ref, "#/$defs/")
			if s.ref = c.defs[name]; !ok || s.ref == nil {
				return nil, errors.New("schema " + where + ": unresolved $ref " + strconv.Quote(s.Ref))
			}
		default:
			if !annotations[k] {
				return nil, errors.New("schema " + where + ": unsupported keyword " + strconv.Quote(k))
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if s.ref != nil && !refOnly(obj) {
		return nil, errors.New("schema " + at + ": only annotations may sit beside $ref")
	}
	return s, nil
}

// refOnly reports whether a node with $ref has nothing else to validate, so
// following the reference is the whole check.
func refOnly(obj *Object) bool {
	for _, k := range obj.Keys {
		if k != "$ref" && !annotations[k] {
			return false
		}
	}
	return true
}

// link checks that required properties are declared when the schema forbids
// others: a required-but-forbidden field would make every document invalid.
func (c *compiler) link(s *Schema, seen map[*Schema]bool) error {
	if s == nil || seen[s] {
		return nil
	}
	seen[s] = true
	for _, r := range s.Required {
		if s.NoAdditional && s.Properties[r] == nil {
			return errors.New("schema: required property " + strconv.Quote(r) + " is not declared")
		}
	}
	for _, name := range s.PropertyOrder {
		if err := c.link(s.Properties[name], seen); err != nil {
			return err
		}
	}
	for _, sub := range []*Schema{s.Additional, s.Items, s.ref} {
		if err := c.link(sub, seen); err != nil {
			return err
		}
	}
	return nil
}

func stringOrList(v any, where string) ([]string, error) {
	if s, ok := v.(string); ok {
		return []string{s}, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, errors.New("schema " + where + ": must be a string or an array of strings")
	}
	out := make([]string, 0, len(list))
	for _, e := range list {
		s, ok := e.(string)
		if !ok {
			return nil, errors.New("schema " + where + ": must contain only strings")
		}
		out = append(out, s)
	}
	return out, nil
}

func number(v any, where string) (*float64, error) {
	n, ok := v.(jsonlite.Number)
	if !ok {
		return nil, errors.New("schema " + where + ": must be a number")
	}
	f, err := n.Float64()
	if err != nil {
		return nil, errors.New("schema " + where + ": " + err.Error())
	}
	return &f, nil
}

func count(v any, where string) (*int, error) {
	f, err := number(v, where)
	if err != nil {
		return nil, err
	}
	if *f < 0 || *f != float64(int(*f)) {
		return nil, errors.New("schema " + where + ": must be a non-negative integer")
	}
	n := int(*f)
	return &n, nil
}
