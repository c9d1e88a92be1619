// Package jsonx is the small JSON codec the wasm module links instead of
// encoding/json (which brings fmt and reflect, ~1.3 MB of the module).
// It reproduces encoding/json's observable behaviour for what ReplyGuard
// does: the same syntax errors, the same string decoding and escaping.
package jsonx

// Kind is the type of a JSON value.
type Kind uint8

const (
	Null Kind = iota
	Bool
	NumberKind
	String
	Array
	Object
)

// Name is how encoding/json names the kind in type errors ("number").
func (k Kind) Name() string {
	return [...]string{"null", "bool", "number", "string", "array", "object"}[k]
}

// Value is one parsed JSON value.
type Value struct {
	Kind Kind
	// Raw is the value's text as written, whitespace inside included.
	Raw []byte
	// Str is a string's decoded text or a number's literal.
	Str     string
	Bool    bool
	Elems   []Value  // Array
	Members []Member // Object, in document order, repeated keys kept
}

// Member is one key and value of an object.
type Member struct {
	Key   string
	Value Value
}

// Valid returns nil when data is one JSON value, else the *SyntaxError that
// json.Unmarshal reports for it.
func Valid(data []byte) error {
	var s scanner
	return checkValid(data, &s)
}

// Parse parses a document that json.Unmarshal would accept; otherwise it
// returns the same *SyntaxError.
func Parse(data []byte) (Value, error) {
	if err := Valid(data); err != nil {
		return Value{}, err
	}
	p := parser{data: data}
	return p.value(), nil
}

// parser reads text already known to be valid.
type parser struct {
	data []byte
	i    int
}

func (p *parser) skipSpace() {
	for p.i < len(p.data) && isSpace(p.data[p.i]) {
		p.i++
	}
}

func (p *parser) value() Value {
	p.skipSpace()
	start := p.i
	var v Value
	switch c := p.data[p.i]; {
	case c == '{':
		v.Kind = Object
		p.i++
		for p.skipSpace(); p.data[p.i] != '}'; p.skipSpace() {
			if p.data[p.i] == ',' {
				p.i++
				p.skipSpace()
			}
			key := p.str()
			p.skipSpace()
			p.i++ // ':'
			v.Members = append(v.Members, Member{key, p.value()})
		}
		p.i++
	case c == '[':
		v.Kind = Array
		p.i++
		for p.skipSpace(); p.data[p.i] != ']'; p.skipSpace() {
			if p.data[p.i] == ',' {
				p.i++
			}
			v.Elems = append(v.Elems, p.value())
		}
		p.i++
	case c == '"':
		v.Kind = String
		v.Str = p.str()
	case c == 't' || c == 'f':
		v.Kind, v.Bool = Bool, c == 't'
		p.i += 4
		if !v.Bool {
			p.i++
		}
	case c == 'n':
		p.i += 4
	default:
		v.Kind = NumberKind
		for p.i < len(p.data) && isNumberByte(p.data[p.i]) {
			p.i++
		}
		v.Str = string(p.data[start:p.i])
	}
	v.Raw = p.data[start:p.i]
	return v
}

// str reads a string literal starting at its opening quote.
func (p *parser) str() string {
	start := p.i
	for p.i++; p.data[p.i] != '"'; p.i++ {
		if p.data[p.i] == '\\' {
			p.i++
		}
	}
	p.i++
	s, _ := unquote(p.data[start:p.i])
	return s
}

func isNumberByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}
