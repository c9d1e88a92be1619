package bundle

import (
	"strconv"

	"github.com/replyguard/replyguard/policies/jsonschema"
)

// Bundles are read with the JSON decoder the engine already links for
// policies (jsonschema.Decode: document order, duplicate keys refused, syntax
// errors with line and column) and signed over its canonical writer
// (jsonschema.Encode: compact, keys sorted, integral numbers as integers), so
// verification adds almost nothing to engine.wasm.

// decode parses data into a tree; the first problem becomes the error.
func decode(data []byte) (any, error) {
	v, problems := jsonschema.Decode(data)
	if len(problems) > 0 {
		p := problems[0]
		if p.Path != "" {
			return nil, formatError(p.Path, p.Message)
		}
		return nil, formatError("", "not JSON: "+p.Message)
	}
	return v, nil
}

// number is how the decoder hands out a number: its literal text (named by
// its methods, not its type, so a change of decoder leaves this intact).
type number interface {
	String() string
	Float64() (float64, error)
}

// typeName describes a decoded value for error messages.
func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "true or false"
	case number:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	}
	return "an object"
}

// integer reads a whole number that fits in int64.
func integer(v any) (int64, bool) {
	n, ok := v.(number)
	if !ok {
		return 0, false
	}
	i, err := strconv.ParseInt(n.String(), 10, 64)
	return i, err == nil
}

// AppendString appends s as a JSON string in the canonical form: only ", \
// and control characters are escaped.
func AppendString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\b':
			b = append(b, `\b`...)
		case c == '\f':
			b = append(b, `\f`...)
		case c == '\n':
			b = append(b, `\n`...)
		case c == '\r':
			b = append(b, `\r`...)
		case c == '\t':
			b = append(b, `\t`...)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
