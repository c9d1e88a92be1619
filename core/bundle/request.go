package bundle

import (
	"strconv"

	"github.com/replyguard/replyguard/policies/jsonschema"
)

// Request is what the extension asks engine.wasm to verify:
//
//	{"bundle": "<bundle text>", "public_key": "<PEM or base64>", "serial_in_force": 14}
type Request struct {
	Bundle    []byte
	PublicKey string
	InForce   int64
}

// DecodeRequest reads a Request (the module has no encoding/json).
func DecodeRequest(data []byte) (Request, error) {
	var r Request
	doc, err := decode(data)
	if err != nil {
		return r, err
	}
	obj, ok := doc.(*jsonschema.Object)
	if !ok {
		return r, formatError("", "request must be an object")
	}
	for _, k := range obj.Keys {
		v := obj.Values[k]
		s, isString := v.(string)
		switch k {
		case "bundle":
			r.Bundle = []byte(s)
		case "public_key":
			r.PublicKey = s
		case "serial_in_force":
			n, ok := integer(v)
			if !ok || n < 0 {
				return r, formatError(k, "must be a whole number, 0 or more")
			}
			r.InForce = n
			continue
		default:
			return r, formatError(k, "unknown field")
		}
		if !isString {
			return r, formatError(k, "must be a string")
		}
	}
	if len(r.Bundle) == 0 {
		return r, formatError("bundle", "missing")
	}
	return r, nil
}

// AppendResult writes the answer to a Request: on success
// {"ok":true,"key_id","serial","issued_at","name","version","policy":"<canonical policy JSON>"};
// on failure {"ok":false,"kind","path","error"}.
func AppendResult(b []byte, o *Opened, err error) []byte {
	if err != nil {
		e, ok := err.(*Error)
		if !ok {
			e = &Error{Kind: KindFormat, Message: err.Error()}
		}
		b = append(b, `{"ok":false,"kind":`...)
		b = AppendString(b, string(e.Kind))
		b = append(b, `,"path":`...)
		b = AppendString(b, e.Path)
		b = append(b, `,"error":`...)
		b = AppendString(b, e.Error())
		return append(b, '}')
	}
	b = append(b, `{"ok":true,"key_id":`...)
	b = AppendString(b, o.KeyID)
	b = append(b, `,"serial":`...)
	b = strconv.AppendInt(b, o.Serial, 10)
	b = append(b, `,"issued_at":`...)
	b = AppendString(b, o.IssuedAt)
	b = append(b, `,"name":`...)
	b = AppendString(b, o.Policy.Name)
	b = append(b, `,"version":`...)
	b = AppendString(b, o.Policy.Version)
	b = append(b, `,"policy":`...)
	b = AppendString(b, string(o.Bundle.Policy))
	return append(b, '}')
}

// Check answers a Request: the engine's verify_bundle export.
func Check(data []byte) []byte {
	req, err := DecodeRequest(data)
	if err != nil {
		return AppendResult(nil, nil, err)
	}
	pub, err := ParsePublicKey(req.PublicKey)
	if err != nil {
		return AppendResult(nil, nil, err)
	}
	o, err := Open(req.Bundle, pub, req.InForce)
	return AppendResult(nil, o, err)
}
