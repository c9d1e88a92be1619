package jsonschema

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/replyguard/replyguard/internal/jsonlite"
)

// Object is a JSON object that keeps its keys in document order, so problems
// come out in the order a reader meets them.
type Object struct {
	Keys   []string
	Values map[string]any
}

// Problem is one thing wrong with a document. Path is the dotted JSON path
// of the value at fault; it is empty for problems with the text itself
// (syntax), whose Message then starts with "line L, column C: ".
type Problem struct {
	Path    string
	Message string
}

// Decode parses one JSON document into nil, bool, jsonlite.Number, string,
// []any and *Object values. A syntax error is returned as a single Problem
// with its line and column; each repeated object key is a Problem at the
// key's path. A leading UTF-8 byte order mark is ignored.
func Decode(data []byte) (any, []Problem) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []Problem{{Message: At(data, len(data)) + "empty document"}}
	}
	v, err := jsonlite.Parse(data)
	if err != nil {
		se := err.(*jsonlite.SyntaxError)
		msg := se.Msg
		switch {
		case se.EOF:
			msg = "unexpected end of input"
		case strings.HasSuffix(msg, " after top-level value"):
			msg = "unexpected text after the end of the document"
		}
		return nil, []Problem{{Message: At(data, se.Off) + msg}}
	}
	d := &decoder{data: data}
	return d.value(v, ""), d.problems
}

// At formats a byte offset of data as "line L, column C: " (1-based; the
// column counts characters, not bytes).
func At(data []byte, off int) string {
	if off > len(data) {
		off = len(data)
	}
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if data[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return "line " + strconv.Itoa(line) + ", column " + strconv.Itoa(utf8.RuneCount(data[start:off])+1) + ": "
}

type decoder struct {
	data     []byte
	problems []Problem
}

func (d *decoder) value(v jsonlite.Value, path string) any {
	switch v.Kind {
	case jsonlite.Bool:
		return v.Bool
	case jsonlite.NumberKind:
		return jsonlite.Number(v.Str)
	case jsonlite.String:
		return v.Str
	case jsonlite.Array:
		arr := make([]any, len(v.Elems))
		for i, e := range v.Elems {
			arr[i] = d.value(e, Index(path, i))
		}
		return arr
	case jsonlite.Object:
		obj := &Object{Values: map[string]any{}}
		firstLine := map[string]int{}
		for _, m := range v.Members {
			p := Key(path, m.Key)
			val := d.value(m.Value, p)
			line := d.line(m.KeyOff)
			if first, dup := firstLine[m.Key]; dup {
				d.problems = append(d.problems, Problem{p, "duplicate key (first at line " + strconv.Itoa(first) + ", repeated at line " + strconv.Itoa(line) + ")"})
				continue
			}
			firstLine[m.Key] = line
			obj.Keys = append(obj.Keys, m.Key)
			obj.Values[m.Key] = val
		}
		return obj
	}
	return nil
}

func (d *decoder) line(off int) int {
	return 1 + bytes.Count(d.data[:min(off, len(d.data))], []byte("\n"))
}
