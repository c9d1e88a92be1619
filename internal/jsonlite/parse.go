// Package jsonlite is ReplyGuard's own small JSON reader and writer. The
// wasm module links it instead of encoding/json (which brings fmt and
// reflect, about 1.3 MB). It behaves as encoding/json does where the two
// meet: Parse fails on the same inputs with the same messages as
// json.Unmarshal, strings decode the same way (invalid UTF-8 and lone
// surrogates become U+FFFD), and AppendString and AppendCompact write the
// bytes json.Marshal writes. The tests hold it to encoding/json.
package jsonlite

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

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
	// Off is the byte offset where the value starts.
	Off int
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
	Key    string
	KeyOff int // byte offset of the key's opening quote
	Value  Value
}

// Number is a number's literal text.
type Number string

// Float64 converts the literal.
func (n Number) Float64() (float64, error) { return strconv.ParseFloat(string(n), 64) }

// String is the literal as written.
func (n Number) String() string { return string(n) }

// SyntaxError is text that is not one JSON value. Off is the byte offset of
// the offending character (the input's length when it ends too early).
type SyntaxError struct {
	Msg string
	Off int
	// EOF reports input that ended inside a value (or held none).
	EOF bool
}

// Error is the message json.Unmarshal gives for the same input.
func (e *SyntaxError) Error() string { return e.Msg }

// Parse parses data, which must hold exactly one JSON value and nothing
// else but whitespace.
func Parse(data []byte) (Value, error) {
	p := parser{data: data}
	p.space()
	v, err := p.value()
	if err != nil {
		return Value{}, err
	}
	p.space()
	if p.i < len(data) {
		return Value{}, p.fail("after top-level value")
	}
	return v, nil
}

type parser struct {
	data []byte
	i    int
}

func (p *parser) space() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// fail reports the character at p.i, seen where context says, or the end
// of the input. encoding/json judges the end as if it were a space: inside
// a number, literal or escape that is an invalid character too.
func (p *parser) fail(context string) error {
	if p.i >= len(p.data) {
		msg := "unexpected end of JSON input"
		if strings.HasPrefix(context, "in ") || strings.HasPrefix(context, "after decimal") {
			msg = "invalid character ' ' " + context
		}
		return &SyntaxError{Msg: msg, Off: len(p.data), EOF: true}
	}
	return &SyntaxError{Msg: "invalid character " + quoteChar(p.data[p.i]) + " " + context, Off: p.i}
}

// quoteChar writes a byte as encoding/json's messages do: the byte taken
// as a code point, quoted Go-style between single quotes.
func quoteChar(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	q := strconv.Quote(string(rune(c)))
	return "'" + q[1:len(q)-1] + "'"
}

// value parses the value at p.i (whitespace already skipped).
func (p *parser) value() (Value, error) {
	start := p.i
	if p.i >= len(p.data) {
		return Value{}, p.fail("")
	}
	var v Value
	var err error
	switch c := p.data[p.i]; {
	case c == '{':
		v, err = p.object()
	case c == '[':
		v, err = p.array()
	case c == '"':
		var s string
		s, err = p.str()
		v = Value{Kind: String, Str: s}
	case c == '-' || c >= '0' && c <= '9':
		err = p.number()
		v = Value{Kind: NumberKind, Str: string(p.data[start:p.i])}
	case c == 't':
		err = p.literal("true")
		v = Value{Kind: Bool, Bool: true}
	case c == 'f':
		err = p.literal("false")
		v = Value{Kind: Bool}
	case c == 'n':
		err = p.literal("null")
	default:
		return Value{}, p.fail("looking for beginning of value")
	}
	if err != nil {
		return Value{}, err
	}
	v.Off, v.Raw = start, p.data[start:p.i]
	return v, nil
}

func (p *parser) object() (Value, error) {
	v := Value{Kind: Object}
	p.i++ // {
	p.space()
	if p.i < len(p.data) && p.data[p.i] == '}' {
		p.i++
		return v, nil
	}
	for {
		if p.i >= len(p.data) || p.data[p.i] != '"' {
			return v, p.fail("looking for beginning of object key string")
		}
		keyOff := p.i
		key, err := p.str()
		if err != nil {
			return v, err
		}
		p.space()
		if p.i >= len(p.data) || p.data[p.i] != ':' {
			return v, p.fail("after object key")
		}
		p.i++
		p.space()
		val, err := p.value()
		if err != nil {
			return v, err
		}
		v.Members = append(v.Members, Member{Key: key, KeyOff: keyOff, Value: val})
		p.space()
		if p.i < len(p.data) && p.data[p.i] == ',' {
			p.i++
			p.space()
			continue
		}
		if p.i < len(p.data) && p.data[p.i] == '}' {
			p.i++
			return v, nil
		}
		return v, p.fail("after object key:value pair")
	}
}

func (p *parser) array() (Value, error) {
	v := Value{Kind: Array}
	p.i++ // [
	p.space()
	if p.i < len(p.data) && p.data[p.i] == ']' {
		p.i++
		return v, nil
	}
	for {
		e, err := p.value()
		if err != nil {
			return v, err
		}
		v.Elems = append(v.Elems, e)
		p.space()
		if p.i < len(p.data) && p.data[p.i] == ',' {
			p.i++
			p.space()
			continue
		}
		if p.i < len(p.data) && p.data[p.i] == ']' {
			p.i++
			return v, nil
		}
		return v, p.fail("after array element")
	}
}

func (p *parser) literal(word string) error {
	p.i++ // the first letter, already matched
	for k := 1; k < len(word); k++ {
		if p.i >= len(p.data) || p.data[p.i] != word[k] {
			return p.fail("in literal " + word + " (expecting " + quoteChar(word[k]) + ")")
		}
		p.i++
	}
	return nil
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?; what follows
// it is judged by the caller, as part of the enclosing value.
func (p *parser) number() error {
	digits := func() {
		for p.i < len(p.data) && p.data[p.i] >= '0' && p.data[p.i] <= '9' {
			p.i++
		}
	}
	isDigit := func() bool { return p.i < len(p.data) && p.data[p.i] >= '0' && p.data[p.i] <= '9' }
	if p.data[p.i] == '-' {
		p.i++
		if !isDigit() {
			return p.fail("in numeric literal")
		}
	}
	if p.data[p.i] == '0' {
		p.i++
	} else {
		digits()
	}
	if p.i < len(p.data) && p.data[p.i] == '.' {
		p.i++
		if !isDigit() {
			return p.fail("after decimal point in numeric literal")
		}
		digits()
	}
	if p.i < len(p.data) && (p.data[p.i] == 'e' || p.data[p.i] == 'E') {
		p.i++
		if p.i < len(p.data) && (p.data[p.i] == '+' || p.data[p.i] == '-') {
			p.i++
		}
		if !isDigit() {
			return p.fail("in exponent of numeric literal")
		}
		digits()
	}
	return nil
}

// str reads a string literal and decodes it.
func (p *parser) str() (string, error) {
	p.i++ // "
	start := p.i
	plain := true // no escapes and valid UTF-8: the text is the bytes
	for {
		if p.i >= len(p.data) {
			return "", p.fail("")
		}
		c := p.data[p.i]
		switch {
		case c == '"':
			s := p.data[start:p.i]
			p.i++
			if plain && utf8.Valid(s) {
				return string(s), nil
			}
			return unquote(s), nil
		case c == '\\':
			plain = false
			p.i++
			if p.i >= len(p.data) {
				return "", p.fail("in string escape code")
			}
			switch p.data[p.i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.i++
			case 'u':
				p.i++
				for range 4 {
					if p.i >= len(p.data) || hexVal(p.data[p.i]) < 0 {
						return "", p.fail(`in \u hexadecimal character escape`)
					}
					p.i++
				}
			default:
				return "", p.fail("in string escape code")
			}
		case c < 0x20:
			return "", p.fail("in string literal")
		default:
			p.i++
		}
	}
}

// unescape is the byte a one-letter escape stands for.
func unescape(e byte) byte {
	switch e {
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	}
	return e // '"', '\\' and '/' stand for themselves
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// hex4 reads the 4 hex digits of a \u escape starting at s[0]; -1 when s
// does not start with them.
func hex4(s []byte) rune {
	if len(s) < 4 {
		return -1
	}
	var r rune
	for _, c := range s[:4] {
		h := hexVal(c)
		if h < 0 {
			return -1
		}
		r = r<<4 | rune(h)
	}
	return r
}

// unquote decodes the inside of a string literal already checked by str:
// escapes resolved, a surrogate pair joined, a lone surrogate or an invalid
// UTF-8 byte replaced by U+FFFD.
func unquote(s []byte) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			r, size := utf8.DecodeRune(s[i:])
			out = utf8.AppendRune(out, r) // RuneError for a bad byte
			i += size
			continue
		}
		e := s[i+1]
		i += 2
		if e != 'u' {
			out = append(out, unescape(e))
			continue
		}
		r := hex4(s[i:])
		i += 4
		if utf16.IsSurrogate(r) {
			if i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
				if pair := utf16.DecodeRune(r, hex4(s[i+2:])); pair != utf8.RuneError {
					out = utf8.AppendRune(out, pair)
					i += 6
					continue
				}
			}
			r = utf8.RuneError
		}
		out = utf8.AppendRune(out, r)
	}
	return string(out)
}
