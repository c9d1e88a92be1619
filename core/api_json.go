package core

import (
	"errors"
	"strconv"
	"strings"

	"github.com/replyguard/replyguard/internal/jsonlite"
)

// The wasm module cannot afford encoding/json (it links fmt and reflect), so
// requests and responses are coded by hand here, reproducing what
// json.Unmarshal and json.Marshal do with these types byte for byte. The
// json struct tags stay for native callers; api_json_test.go holds the two
// paths to each other.

// RawJSON is a raw JSON value, like json.RawMessage: a request's id is
// echoed in its response as written (compacted).
type RawJSON []byte

// MarshalJSON returns r, or null when r is nil.
func (r RawJSON) MarshalJSON() ([]byte, error) {
	if r == nil {
		return []byte("null"), nil
	}
	return r, nil
}

// UnmarshalJSON sets *r to a copy of data.
func (r *RawJSON) UnmarshalJSON(data []byte) error {
	if r == nil {
		return errors.New("core.RawJSON: UnmarshalJSON on nil pointer")
	}
	*r = append((*r)[0:0], data...)
	return nil
}

// DecodeRequest is json.Unmarshal(data, &req), errors included.
func DecodeRequest(data []byte) (*Request, error) {
	v, err := jsonlite.Parse(data)
	if err != nil {
		return nil, err
	}
	r := &Request{}
	switch v.Kind {
	case jsonlite.Null:
		return r, nil
	case jsonlite.Object:
	default:
		return nil, errors.New("json: cannot unmarshal " + v.Kind.Name() + " into Go value of type core.Request")
	}
	for _, m := range v.Members {
		var err error
		switch {
		case strings.EqualFold(m.Key, "id"):
			r.ID = append(r.ID[:0], m.Value.Raw...)
		case strings.EqualFold(m.Key, "text"):
			err = requestString(&r.Text, m.Value, "text")
		case strings.EqualFold(m.Key, "comment"):
			err = requestString(&r.Comment, m.Value, "comment")
		case strings.EqualFold(m.Key, "platform"):
			err = requestString(&r.Platform, m.Value, "platform")
		case strings.EqualFold(m.Key, "recent"):
			err = requestStrings(&r.Recent, m.Value, "recent")
		case strings.EqualFold(m.Key, "private"):
			err = requestBool(&r.Private, m.Value, "private")
		}
		if err != nil {
			return nil, err
		}
	}
	return r, nil
}

// requestString stores a string; null leaves dst as it is.
func requestString(dst *string, v jsonlite.Value, field string) error {
	switch v.Kind {
	case jsonlite.String:
		*dst = v.Str
	case jsonlite.Null:
	default:
		return requestTypeError(v, field, "string")
	}
	return nil
}

// requestBool stores a boolean; null leaves dst as it is.
func requestBool(dst *bool, v jsonlite.Value, field string) error {
	switch v.Kind {
	case jsonlite.Bool:
		*dst = v.Bool
	case jsonlite.Null:
	default:
		return requestTypeError(v, field, "bool")
	}
	return nil
}

// requestStrings stores an array of strings the way encoding/json fills a
// slice: in place, so a null element keeps what the slot held.
func requestStrings(dst *[]string, v jsonlite.Value, field string) error {
	switch v.Kind {
	case jsonlite.Null:
		*dst = nil
		return nil
	case jsonlite.Array:
	default:
		return requestTypeError(v, field, "[]string")
	}
	s := *dst
	for i, e := range v.Elems {
		if i < cap(s) {
			s = s[:i+1]
		} else {
			s = append(s, "")
		}
		if err := requestString(&s[i], e, field); err != nil {
			return err
		}
	}
	if len(v.Elems) == 0 {
		s = []string{}
	}
	*dst = s[:len(v.Elems)]
	return nil
}

func requestTypeError(v jsonlite.Value, field, typ string) error {
	return errors.New("json: cannot unmarshal " + v.Kind.Name() + " into Go struct field Request." + field + " of type " + typ)
}

// AppendJSON appends json.Marshal(r).
func (r *Response) AppendJSON(b []byte) ([]byte, error) {
	b = append(b, '{')
	if len(r.ID) > 0 {
		b = append(b, `"id":`...)
		var err error
		if b, err = jsonlite.AppendCompact(b, r.ID); err != nil {
			return nil, errors.New("json: error calling MarshalJSON for type core.RawJSON: " + err.Error())
		}
		b = append(b, ',')
	}
	b = append(b, `"findings":`...)
	if r.Findings == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Findings {
			if i > 0 {
				b = append(b, ',')
			}
			b = r.Findings[i].appendJSON(b)
		}
		b = append(b, ']')
	}
	b = append(b, `,"comment":{"kind":`...)
	b = jsonlite.AppendString(b, r.Comment.Kind)
	b = append(b, `,"negative":`...)
	b = strconv.AppendBool(b, r.Comment.Negative)
	b = append(b, `,"topics":`...)
	b = AppendJSONStrings(b, r.Comment.Topics)
	b = append(b, `},"fingerprint":`...)
	b = jsonlite.AppendString(b, r.Fingerprint)
	return append(b, '}'), nil
}

func (f *JSONFinding) appendJSON(b []byte) []byte {
	b = append(b, `{"rule":`...)
	b = jsonlite.AppendString(b, f.Rule)
	b = append(b, `,"category":`...)
	b = jsonlite.AppendString(b, string(f.Category))
	b = append(b, `,"severity":`...)
	b = jsonlite.AppendString(b, string(f.Severity))
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(f.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(f.End), 10)
	b = append(b, `,"message":`...)
	b = jsonlite.AppendString(b, f.Message)
	if f.Suggestion != "" {
		b = append(b, `,"suggestion":`...)
		b = jsonlite.AppendString(b, f.Suggestion)
	}
	if len(f.Edits) > 0 {
		b = append(b, `,"edits":[`...)
		for i, ed := range f.Edits {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"start":`...)
			b = strconv.AppendInt(b, int64(ed.Start), 10)
			b = append(b, `,"end":`...)
			b = strconv.AppendInt(b, int64(ed.End), 10)
			b = append(b, `,"new_text":`...)
			b = jsonlite.AppendString(b, ed.NewText)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// AppendJSONStrings appends json.Marshal(ss): null for nil.
func AppendJSONStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonlite.AppendString(b, s)
	}
	return append(b, ']')
}
