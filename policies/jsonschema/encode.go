package jsonschema

import (
	"bytes"
	"github.com/replyguard/replyguard/internal/jsonlite"
	"math"
	"slices"
	"strconv"
)

// Encode writes a decoded document back as compact JSON with sorted object
// keys. Integral numbers are written as plain integers (6.0 and 6e0 become 6)
// so the result unmarshals into Go int fields.
func Encode(v any) []byte {
	var b bytes.Buffer
	encode(&b, v)
	return b.Bytes()
}

func encode(b *bytes.Buffer, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case jsonlite.Number:
		if f, err := x.Float64(); err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
			b.WriteString(strconv.FormatInt(int64(f), 10))
		} else {
			b.WriteString(string(x))
		}
	case string:
		b.Write(jsonlite.AppendString(nil, x))
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			encode(b, e)
		}
		b.WriteByte(']')
	case *Object:
		keys := append([]string(nil), x.Keys...)
		slices.Sort(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			encode(b, k)
			b.WriteByte(':')
			encode(b, x.Values[k])
		}
		b.WriteByte('}')
	}
}
