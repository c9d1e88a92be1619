package core

import (
	"errors"
	"strconv"

	"github.com/replyguard/replyguard/core/text"
)

// Request is one check as JSON: the shape of the CLI's JSONL input lines and
// of the wasm module's check call. Only Text is required.
type Request struct {
	ID       RawJSON `json:"id,omitempty"`
	Text     string  `json:"text"`
	Comment  string  `json:"comment,omitempty"`
	Platform string  `json:"platform,omitempty"`
	// Recent are fingerprints (16 hex digits) of the writer's recent replies.
	Recent []string `json:"recent,omitempty"`
	// Private: the reply goes in a private message (a DM), not a public
	// comment (see Input.Private).
	Private bool `json:"private,omitempty"`
}

// JSONFinding is a finding as it leaves core: spans in UTF-16 code units of
// the reply, which is what JavaScript strings and the DOM use.
type JSONFinding struct {
	Rule       string     `json:"rule"`
	Category   Category   `json:"category"`
	Severity   Severity   `json:"severity"`
	Start      int        `json:"start"`
	End        int        `json:"end"`
	Message    string     `json:"message"`
	Suggestion string     `json:"suggestion,omitempty"`
	Edits      []JSONEdit `json:"edits,omitempty"`
}

// JSONEdit is an Edit in UTF-16 code units.
type JSONEdit struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	NewText string `json:"new_text"`
}

// CommentJSON describes the patient's comment for the popup and routing.
type CommentJSON struct {
	Kind     string   `json:"kind"`
	Negative bool     `json:"negative"`
	Topics   []string `json:"topics"`
}

// Response is the result of one JSON check.
type Response struct {
	ID          RawJSON       `json:"id,omitempty"`
	Findings    []JSONFinding `json:"findings"`
	Comment     CommentJSON   `json:"comment"`
	Fingerprint string        `json:"fingerprint"`
}

// Input converts a request into an Input; bad platforms or fingerprints are
// errors that name the field.
func (r *Request) Input() (Input, error) {
	in := Input{Text: r.Text, Comment: r.Comment, Platform: Platform(r.Platform), Private: r.Private}
	if r.Platform == "" {
		in.Platform = Facebook
	} else if !in.Platform.Valid() {
		return in, errors.New(`platform: must be "facebook" or "instagram", got ` + strconv.Quote(r.Platform))
	}
	for i, s := range r.Recent {
		v, err := ParseFingerprint(s)
		if err != nil {
			return in, errors.New("recent[" + strconv.Itoa(i) + "]: " + err.Error())
		}
		in.Recent = append(in.Recent, v)
	}
	return in, nil
}

// CheckRequest runs a JSON request and converts the result for JavaScript.
func (e *Engine) CheckRequest(r *Request) (*Response, error) {
	in, err := r.Input()
	if err != nil {
		return nil, err
	}
	res := e.Check(in)
	return ToResponse(r.ID, in.Text, res), nil
}

// ToResponse converts a Result to its JSON form with UTF-16 spans.
func ToResponse(id RawJSON, text string, res Result) *Response {
	conv := NewUTF16Index(text)
	out := &Response{ID: id, Findings: make([]JSONFinding, 0, len(res.Findings))}
	for _, f := range res.Findings {
		jf := JSONFinding{
			Rule: f.Rule, Category: f.Category, Severity: f.Severity,
			Start: conv.At(f.Start), End: conv.At(f.End),
			Message: f.Message, Suggestion: f.Suggestion,
		}
		for _, ed := range f.Edits {
			jf.Edits = append(jf.Edits, JSONEdit{Start: conv.At(ed.Start), End: conv.At(ed.End), NewText: ed.NewText})
		}
		out.Findings = append(out.Findings, jf)
	}
	out.Comment = CommentJSON{Kind: string(res.Comment.Kind), Negative: res.Comment.Negative, Topics: res.Comment.Topics}
	if out.Comment.Topics == nil {
		out.Comment.Topics = []string{}
	}
	out.Fingerprint = FormatFingerprint(res.Fingerprint)
	return out
}

// UTF16Index converts byte offsets of one string to UTF-16 code-unit
// offsets (see core/text).
type UTF16Index = text.UTF16Index

// NewUTF16Index prepares conversions for text in one linear pass.
func NewUTF16Index(s string) *UTF16Index { return text.NewUTF16Index(s) }

// FormatFingerprint renders a fingerprint as 16 hex digits (JavaScript
// numbers cannot hold 64 bits).
func FormatFingerprint(v uint64) string {
	s := strconv.FormatUint(v, 16)
	for len(s) < 16 {
		s = "0" + s
	}
	return s
}

// ParseFingerprint parses 1–16 hex digits.
func ParseFingerprint(s string) (uint64, error) {
	if len(s) == 0 || len(s) > 16 {
		return 0, errors.New("fingerprint must be 1 to 16 hex digits, got " + strconv.Quote(s))
	}
	v, err := strconv.ParseUint(s, 16, 64)
	if err != nil {
		return 0, errors.New("fingerprint must be hex digits, got " + strconv.Quote(s))
	}
	return v, nil
}
