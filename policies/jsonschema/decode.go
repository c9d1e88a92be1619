package jsonschema

import (
	"bytes"
	"errors"
	"github.com/replyguard/replyguard/internal/jsonx"
	"io"
	"strconv"
	"unicode/utf8"
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

// Decode parses one JSON document into nil, bool, jsonx.Number, string, []any
// and *Object values. A syntax error is returned as a single Problem with its
// line and column; each repeated object key is a Problem at the key's path.
// A leading UTF-8 byte order mark is ignored.
func Decode(data []byte) (any, []Problem) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	d := &decoder{data: data, dec: jsonx.NewDecoder(data)}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []Problem{{Message: At(data, len(data)) + "empty document"}}
	}
	v, err := d.value("")
	if err != nil {
		return nil, []Problem{d.syntax(err)}
	}
	if rest := skipSpace(data, d.dec.InputOffset()); rest < len(data) {
		return nil, []Problem{{Message: At(data, rest) + "unexpected text after the end of the document"}}
	}
	return v, d.problems
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
	dec      *jsonx.Decoder
	problems []Problem
}

// errTruncated marks input that ends inside an object or array.
var errTruncated = errors.New("unexpected end of input")

func (d *decoder) value(path string) (any, error) {
	tok, err := d.dec.Token()
	if err == io.EOF {
		return nil, errTruncated
	}
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case jsonx.Delim:
		if t == '{' {
			return d.object(path)
		}
		return d.array(path)
	default:
		return t, nil
	}
}

func (d *decoder) object(path string) (any, error) {
	obj := &Object{Values: map[string]any{}}
	firstLine := map[string]int{}
	for d.dec.More() {
		tok, err := d.dec.Token()
		if err != nil {
			return nil, d.truncated(err)
		}
		key, _ := tok.(string) // Token only yields strings in key position
		line := d.line(d.dec.InputOffset())
		v, err := d.value(Key(path, key))
		if err != nil {
			return nil, err
		}
		if first, dup := firstLine[key]; dup {
			d.problems = append(d.problems, Problem{Key(path, key), "duplicate key (first at line " + strconv.Itoa(first) + ", repeated at line " + strconv.Itoa(line) + ")"})
			continue
		}
		firstLine[key] = line
		obj.Keys = append(obj.Keys, key)
		obj.Values[key] = v
	}
	if _, err := d.dec.Token(); err != nil {
		return nil, d.truncated(err)
	}
	return obj, nil
}

func (d *decoder) array(path string) (any, error) {
	arr := []any{}
	for d.dec.More() {
		v, err := d.value(Index(path, len(arr)))
		if err != nil {
			return nil, err
		}
		arr = append(arr, v)
	}
	if _, err := d.dec.Token(); err != nil {
		return nil, d.truncated(err)
	}
	return arr, nil
}

func (d *decoder) truncated(err error) error {
	if err == io.EOF {
		return errTruncated
	}
	return err
}

func (d *decoder) line(off int) int {
	return 1 + bytes.Count(d.data[:min(off, len(d.data))], []byte("\n"))
}

// syntax turns a decoding error into a Problem located at the offending
// character.
func (d *decoder) syntax(err error) Problem {
	var se *jsonx.SyntaxError
	switch {
	case errors.As(err, &se):
		return Problem{Message: At(d.data, int(se.Offset)) + se.Error()}
	case errors.Is(err, errTruncated):
		return Problem{Message: At(d.data, len(d.data)) + err.Error()}
	}
	return Problem{Message: At(d.data, d.dec.InputOffset()) + err.Error()}
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}
