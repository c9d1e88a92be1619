package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/replyguard/replyguard/core"
)

// maxLineBytes bounds one JSONL line so a runaway input cannot exhaust
// memory; longer lines are reported and skipped.
const maxLineBytes = 64 << 20

// runJSONL checks one request per input line and writes one result per line,
// in input order, as each is computed: memory stays flat however many lines
// come in. Bad lines give {"line": N, "error": "..."} and the exit status 2.
// defaults holds the platform and channel for lines that give none.
func runJSONL(ck checker, in io.Reader, stdout, stderr io.Writer, defaults core.Request) int {
	r := bufio.NewReaderSize(in, 256<<10)
	w := bufio.NewWriterSize(stdout, 256<<10)
	status := exitOK
	var line []byte
	for n := 1; ; n++ {
		var tooLong bool
		var err error
		line, tooLong, err = readLine(r, line[:0])
		if err != nil && err != io.EOF {
			fmt.Fprintf(stderr, "replyguard check: read line %d: %v\n", n, err)
			w.Flush()
			return exitUsage
		}
		if len(line) == 0 && !tooLong && err == io.EOF {
			break
		}
		var out []byte
		var findings []core.JSONFinding
		var bad bool
		switch {
		case tooLong:
			out, bad = errorLine(n, fmt.Sprintf("line longer than %d bytes", maxLineBytes)), true
		case len(bytes.TrimSpace(line)) == 0:
			// blank lines are skipped
		default:
			out, findings, bad = checkLine(ck, n, line, defaults)
		}
		if bad {
			status = exitUsage
		} else if s := exitStatus(findings); s > status {
			status = s
		}
		if out != nil {
			w.Write(out)
			w.WriteByte('\n')
		}
		if err == io.EOF {
			break
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "replyguard check: write: %v\n", err)
		return exitUsage
	}
	return status
}

// readLine reads one line without its "\n" (and "\r"), appending to buf.
// Lines longer than maxLineBytes are consumed but not kept.
func readLine(r *bufio.Reader, buf []byte) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > maxLineBytes+2 {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		buf = bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte("\n")), []byte("\r"))
		return buf, tooLong, err
	}
}

// jsonlRequest is one input line; fields stay raw so their presence and
// types can be checked and id echoed verbatim.
type jsonlRequest struct {
	ID       json.RawMessage `json:"id"`
	Text     json.RawMessage `json:"text"`
	Comment  json.RawMessage `json:"comment"`
	Platform json.RawMessage `json:"platform"`
	Recent   json.RawMessage `json:"recent"`
	Private  json.RawMessage `json:"private"`
}

// checkLine returns the output line for input line n; bad reports an error
// line.
func checkLine(ck checker, n int, line []byte, defaults core.Request) (out []byte, findings []core.JSONFinding, bad bool) {
	req, id, err := parseLine(line, defaults)
	if err != nil {
		return errorLine(n, err.Error()), nil, true
	}
	resp, err := ck.Check(req)
	if err != nil {
		return errorLine(n, err.Error()), nil, true
	}
	list, _ := marshalNoEscape(toOutFindings(resp.Findings))
	var b bytes.Buffer
	b.WriteByte('{')
	if id != nil {
		b.WriteString(`"id":`)
		b.Write(oneLine(id))
		b.WriteByte(',')
	}
	b.WriteString(`"findings":`)
	b.Write(list)
	b.WriteByte('}')
	return b.Bytes(), resp.Findings, false
}

// parseLine reads one request line; id is nil when the line has none.
func parseLine(line []byte, defaults core.Request) (req *core.Request, id json.RawMessage, err error) {
	line = bytes.TrimSpace(line)
	if !json.Valid(line) {
		return nil, nil, errors.New("invalid JSON: " + jsonError(line))
	}
	if line[0] != '{' {
		return nil, nil, errors.New("not a JSON object")
	}
	var in jsonlRequest
	if err := json.Unmarshal(line, &in); err != nil {
		return nil, nil, errors.New("invalid JSON: " + err.Error())
	}
	req = &core.Request{Platform: defaults.Platform, Private: defaults.Private}
	switch {
	case in.Text == nil:
		return nil, nil, errors.New(`missing "text"`)
	case !stringField(in.Text, &req.Text):
		return nil, nil, errors.New(`"text" must be a string`)
	case !isNull(in.Comment) && !stringField(in.Comment, &req.Comment):
		return nil, nil, errors.New(`"comment" must be a string`)
	case !isNull(in.Platform) && (!stringField(in.Platform, &req.Platform) || !core.Platform(req.Platform).Valid()):
		return nil, nil, errors.New(`"platform" must be "facebook" or "instagram"`)
	case !isNull(in.Recent) && json.Unmarshal(in.Recent, &req.Recent) != nil:
		return nil, nil, errors.New(`"recent" must be an array of fingerprint strings`)
	case !isNull(in.Private) && json.Unmarshal(in.Private, &req.Private) != nil:
		return nil, nil, errors.New(`"private" must be true or false`)
	}
	return req, in.ID, nil
}

// stringField decodes raw into *dst when it is a JSON string (not null).
func stringField(raw json.RawMessage, dst *string) bool {
	return len(raw) > 0 && raw[0] == '"' && json.Unmarshal(raw, dst) == nil
}

// oneLine keeps an id verbatim unless it holds a raw carriage return (JSON
// whitespace that would break the one-result-per-line output).
func oneLine(raw json.RawMessage) []byte {
	if bytes.ContainsAny(raw, "\r\n") {
		var b bytes.Buffer
		if json.Compact(&b, raw) == nil {
			return b.Bytes()
		}
	}
	return raw
}

func isNull(raw json.RawMessage) bool {
	return raw == nil || string(raw) == "null"
}

// jsonError describes why data is not valid JSON, with the column.
func jsonError(data []byte) string {
	var v any
	err := json.Unmarshal(data, &v)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("column %d: %v", se.Offset, err)
	}
	if err == nil {
		return "unexpected value"
	}
	return err.Error()
}

// errorLine is the output for bad input line n.
func errorLine(n int, msg string) []byte {
	b, _ := marshalNoEscape(struct {
		Line  int    `json:"line"`
		Error string `json:"error"`
	}{n, msg})
	return b
}
