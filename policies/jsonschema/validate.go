package jsonschema

import (
	"github.com/replyguard/replyguard/internal/jsonlite"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Validate checks a decoded document (see Decode) and returns every problem,
// in document order. Each value gets at most one scalar problem (its first
// failed keyword); objects and arrays report all their members' problems.
func (s *Schema) Validate(doc any) []Problem {
	v := &validator{}
	v.check(s, doc, "")
	return v.problems
}

type validator struct {
	problems []Problem
}

func (v *validator) report(path, msg string) {
	v.problems = append(v.problems, Problem{path, msg})
}

func (v *validator) check(s *Schema, doc any, path string) {
	for s.ref != nil {
		s = s.ref
	}
	if len(s.Types) > 0 && !typeMatches(s.Types, doc) {
		v.report(path, "must be "+s.describe())
		return
	}
	if len(s.Enum) > 0 && !inEnum(s.Enum, doc) {
		v.report(path, "must be one of "+enumList(s.Enum))
		return
	}
	switch x := doc.(type) {
	case jsonlite.Number:
		v.number(s, x, path)
	case string:
		v.string(s, x, path)
	case []any:
		v.array(s, x, path)
	case *Object:
		v.object(s, x, path)
	}
}

func (v *validator) number(s *Schema, n jsonlite.Number, path string) {
	f, _ := n.Float64()
	switch {
	case s.Minimum != nil && f < *s.Minimum,
		s.ExclusiveMinimum != nil && f <= *s.ExclusiveMinimum:
		if d := s.describe(); strings.Contains(d, "positive") || strings.Contains(d, "negative") {
			v.report(path, "must be "+d)
		} else if s.Minimum != nil {
			v.report(path, "must be at least "+fmtNum(*s.Minimum))
		} else {
			v.report(path, "must be greater than "+fmtNum(*s.ExclusiveMinimum))
		}
	case s.Maximum != nil && f > *s.Maximum:
		v.report(path, "must be at most "+fmtNum(*s.Maximum))
	case s.ExclusiveMaximum != nil && f >= *s.ExclusiveMaximum:
		v.report(path, "must be less than "+fmtNum(*s.ExclusiveMaximum))
	}
}

func (v *validator) string(s *Schema, str, path string) {
	n := utf8.RuneCountInString(str)
	switch {
	case s.MinLength != nil && n < *s.MinLength:
		if *s.MinLength == 1 {
			v.report(path, "must not be empty")
		} else {
			v.report(path, "must be at least "+strconv.Itoa(*s.MinLength)+" characters")
		}
	case s.MaxLength != nil && n > *s.MaxLength:
		v.report(path, "must be at most "+strconv.Itoa(*s.MaxLength)+" characters (has "+strconv.Itoa(n)+")")
	case s.Pattern != nil && !s.Pattern.MatchString(str):
		if s.PatternMessage != "" {
			v.report(path, s.PatternMessage)
		} else {
			v.report(path, "must match the pattern "+s.Pattern.String())
		}
	}
}

func (v *validator) array(s *Schema, arr []any, path string) {
	switch {
	case s.MinItems != nil && len(arr) < *s.MinItems:
		v.report(path, "must have at least "+strconv.Itoa(*s.MinItems)+" "+plural(*s.MinItems, "item"))
	case s.MaxItems != nil && len(arr) > *s.MaxItems:
		v.report(path, "must have at most "+strconv.Itoa(*s.MaxItems)+" "+plural(*s.MaxItems, "item")+" (has "+strconv.Itoa(len(arr))+")")
	}
	first := map[string]int{}
	for i, e := range arr {
		if s.Items != nil {
			v.check(s.Items, e, Index(path, i))
		}
		if s.UniqueItems {
			k := canonicalKey(e)
			if j, dup := first[k]; dup {
				v.report(Index(path, i), "duplicate of "+Index(lastSegment(path), j))
				continue
			}
			first[k] = i
		}
	}
}

func (v *validator) object(s *Schema, obj *Object, path string) {
	for _, name := range s.Required {
		if _, ok := obj.Values[name]; !ok {
			v.report(Key(path, name), "required")
		}
	}
	for _, k := range obj.Keys {
		val := obj.Values[k]
		switch sub := s.Properties[k]; {
		case sub != nil:
			v.check(sub, val, Key(path, k))
		case s.NoAdditional:
			if near := Closest(k, s.PropertyOrder); near != "" {
				v.report(Key(path, k), "unknown field (did you mean "+strconv.Quote(near)+"?)")
			} else {
				v.report(Key(path, k), "unknown field")
			}
		case s.Additional != nil:
			v.check(s.Additional, val, Key(path, k))
		}
	}
}

// describe names what a value of this schema must be, for type errors:
// "a string", "a positive integer", "true or false".
func (s *Schema) describe() string {
	var parts []string
	for _, t := range s.Types {
		parts = append(parts, s.typeName(t))
	}
	return strings.Join(parts, " or ")
}

func (s *Schema) typeName(t string) string {
	switch t {
	case "integer", "number":
		noun := map[string]string{"integer": "integer", "number": "number"}[t]
		switch {
		case s.Minimum != nil && *s.Minimum == 1 && t == "integer",
			s.ExclusiveMinimum != nil && *s.ExclusiveMinimum == 0:
			return "a positive " + noun
		case s.Minimum != nil && *s.Minimum == 0:
			return "a non-negative " + noun
		}
		if t == "integer" {
			return "an integer"
		}
		return "a number"
	case "boolean":
		return "true or false"
	case "object":
		return "an object"
	case "array":
		return "an array"
	case "null":
		return "null"
	}
	return "a " + t
}

func typeMatches(types []string, doc any) bool {
	for _, t := range types {
		switch x := doc.(type) {
		case nil:
			if t == "null" {
				return true
			}
		case bool:
			if t == "boolean" {
				return true
			}
		case string:
			if t == "string" {
				return true
			}
		case []any:
			if t == "array" {
				return true
			}
		case *Object:
			if t == "object" {
				return true
			}
		case jsonlite.Number:
			f, err := x.Float64()
			if err != nil || math.IsInf(f, 0) {
				return false
			}
			if t == "number" || t == "integer" && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
				return true
			}
		}
	}
	return false
}

func inEnum(enum []any, doc any) bool {
	k := canonicalKey(doc)
	for _, e := range enum {
		if canonicalKey(e) == k {
			return true
		}
	}
	return false
}

func enumList(enum []any) string {
	parts := make([]string, len(enum))
	for i, e := range enum {
		parts[i] = canonicalKey(e)
	}
	return strings.Join(parts, ", ")
}

// canonicalKey is a value's canonical JSON text, so equal values compare
// equal whatever their spelling (1 and 1.0, key order).
func canonicalKey(v any) string {
	return string(Encode(v))
}

func fmtNum(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// lastSegment is the final key of a dotted path, so duplicate messages say
// "duplicate of days[0]" rather than repeating the whole path.
func lastSegment(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

// Closest returns the known name within edit distance 2 of k, if any: the
// likely intended field for a typo.
func Closest(k string, names []string) string {
	best, bestDist := "", 3
	for _, n := range names {
		if d := editDistance(strings.ToLower(k), strings.ToLower(n)); d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
