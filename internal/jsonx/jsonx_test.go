package jsonx

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// seeds are documents, valid and not, that exercise every scanner state.
var seeds = []string{
	``, ` `, `null`, `true`, `false`, `0`, `-0`, `1.5e+3`, `-12.25E-2`, `"a"`,
	`{}`, `[]`, `{"a":1}`, `{"a": [1, "two", {"b": null}], "c": true}`,
	` {"a" : 1 , "a" : 2 } `, `[1,2,3]`, `[1 2]`, `[1,]`, `{"a":1,}`, `{"a" 1}`,
	`{"a"}`, `{,}`, `{:}`, `{1:2}`, `[:]`, `[,]`, `]`, `}`, `{]`, `[}`, `{"a":1]`,
	`tru`, `trux`, `nul`, `fals`, `01`, `1.`, `1.x`, `-`, `-x`, `1e`, `1e+`, `"abc`,
	`"a\qb"`, `"\u12"`, `"\u12x4"`, "\"a\x01b\"", `"\ud83d\ude00"`, `"\ud83d"`, `"\udc00x"`,
	"\"\xff\xfe\"", "\xff", "{\"a\":\xff}", `{"a":1}x`, `1 2`, `"x"y`, `[{"a":[{}]}]`,
	`{"<>&":"\u2028\u2029<>&"}`, "\"\u2028 \u2029\"", `{"id": { "a" : [ 1 , 2 ] }, "text":"x"}`,
	`[[[[[[]]]]]]`, `{"a":{"b":{"c":tx}}}`, `"\/\b\f\n\r\t\\\""`, `[1,{"a":2} 3]`,
}

// mutate derives a document from a seed by a few random byte edits.
func mutate(r *rand.Rand, s string) string {
	b := []byte(s)
	const alphabet = "{}[],:\" \n\t\\u0123456789abcdeftrunl-+.eE\xff\xe2\x80\xa8<>&"
	for n := r.Intn(4); n >= 0; n-- {
		switch op := r.Intn(3); {
		case op == 0 || len(b) == 0:
			i := r.Intn(len(b) + 1)
			b = append(b[:i], append([]byte{alphabet[r.Intn(len(alphabet))]}, b[i:]...)...)
		case op == 1:
			i := r.Intn(len(b))
			b = append(b[:i], b[i+1:]...)
		default:
			b[r.Intn(len(b))] = alphabet[r.Intn(len(alphabet))]
		}
	}
	return string(b)
}

func corpus(t *testing.T) []string {
	r := rand.New(rand.NewSource(1))
	out := append([]string(nil), seeds...)
	for i := 0; i < 20000; i++ {
		out = append(out, mutate(r, seeds[r.Intn(len(seeds))]))
	}
	// Documents longer than json.Decoder's 512-byte reads.
	files, err := filepath.Glob("../../policies/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no policies to test with (%v)", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(data))
		for i := 0; i < 300; i++ {
			out = append(out, mutate(r, string(data)))
		}
	}
	return out
}

// errText renders an error with its offset when it is a syntax error.
func errText(err error) string {
	var se1 *json.SyntaxError
	var se2 *SyntaxError
	switch {
	case err == nil:
		return "<nil>"
	case errors.As(err, &se1):
		return se1.Error() + " @" + strconv.FormatInt(se1.Offset, 10)
	case errors.As(err, &se2):
		return se2.Error() + " @" + strconv.FormatInt(se2.Offset, 10)
	}
	return err.Error()
}

// tokens runs both decoders in lockstep (as jsonschema drives them) and
// describes every difference.
func compareTokens(t *testing.T, doc string) {
	t.Helper()
	want := json.NewDecoder(strings.NewReader(doc))
	want.UseNumber()
	got := NewDecoder([]byte(doc))
	for step := 0; step < 1000; step++ {
		if wm, gm := want.More(), got.More(); wm != gm {
			t.Fatalf("%q step %d: More %v, jsonx %v", doc, step, wm, gm)
		}
		wt, werr := want.Token()
		gt, gerr := got.Token()
		if errText(werr) != errText(gerr) {
			t.Fatalf("%q step %d: error %s, jsonx %s", doc, step, errText(werr), errText(gerr))
		}
		if werr != nil {
			return
		}
		switch w := wt.(type) {
		case json.Delim:
			if gt != Delim(w) {
				t.Fatalf("%q step %d: token %v, jsonx %#v", doc, step, wt, gt)
			}
		case json.Number:
			if gt != Number(w) {
				t.Fatalf("%q step %d: token %v, jsonx %#v", doc, step, wt, gt)
			}
		default:
			if wt != gt {
				t.Fatalf("%q step %d: token %#v, jsonx %#v", doc, step, wt, gt)
			}
		}
		if wo, go_ := want.InputOffset(), got.InputOffset(); int(wo) != go_ {
			t.Fatalf("%q step %d: offset %d, jsonx %d", doc, step, wo, go_)
		}
	}
}

func TestDecoderMatchesEncodingJSON(t *testing.T) {
	for _, doc := range corpus(t) {
		compareTokens(t, doc)
	}
}

// plain converts a Parse tree to what json.Unmarshal (UseNumber) yields.
func plain(v Value) any {
	switch v.Kind {
	case Bool:
		return v.Bool
	case NumberKind:
		return json.Number(v.Str)
	case String:
		return v.Str
	case Array:
		out := []any{}
		for _, e := range v.Elems {
			out = append(out, plain(e))
		}
		return out
	case Object:
		out := map[string]any{}
		for _, m := range v.Members {
			out[m.Key] = plain(m.Value)
		}
		return out
	}
	return nil
}

func compareParse(t *testing.T, doc string) {
	t.Helper()
	var want any
	var raw json.RawMessage // only syntax errors, as for a struct
	werr := json.Unmarshal([]byte(doc), &raw)
	if werr == nil {
		d := json.NewDecoder(strings.NewReader(doc))
		d.UseNumber()
		_ = d.Decode(&want)
	}
	got, gerr := Parse([]byte(doc))
	if errText(werr) != errText(gerr) {
		t.Fatalf("%q: error %s, jsonx %s", doc, errText(werr), errText(gerr))
	}
	if werr != nil {
		return
	}
	if g := plain(got); !reflect.DeepEqual(want, g) {
		t.Fatalf("%q: value %#v, jsonx %#v", doc, want, g)
	}
	if string(bytes.TrimSpace([]byte(doc))) != string(got.Raw) {
		t.Fatalf("%q: raw %q", doc, got.Raw)
	}
	compareRaw(t, got)
}

// compareRaw checks that every nested value's Raw is what json.RawMessage
// receives, and that AppendCompact writes it as json.Marshal does.
func compareRaw(t *testing.T, v Value) {
	t.Helper()
	want, err := json.Marshal(json.RawMessage(v.Raw))
	if err != nil {
		t.Fatalf("%q: %v", v.Raw, err)
	}
	got, err := AppendCompact(nil, v.Raw)
	if err != nil || string(got) != string(want) {
		t.Fatalf("%q: compact %q, jsonx %q (%v)", v.Raw, want, got, err)
	}
	for _, e := range v.Elems {
		compareRaw(t, e)
	}
	for _, m := range v.Members {
		var holder map[string]json.RawMessage
		if json.Unmarshal(v.Raw, &holder) == nil && string(holder[m.Key]) != string(m.Value.Raw) && lastMember(v, m.Key) == &m.Value {
			t.Fatalf("%q: raw of %q is %q, jsonx %q", v.Raw, m.Key, holder[m.Key], m.Value.Raw)
		}
		compareRaw(t, m.Value)
	}
}

func lastMember(v Value, key string) *Value {
	for i := len(v.Members) - 1; i >= 0; i-- {
		if v.Members[i].Key == key {
			return &v.Members[i].Value
		}
	}
	return nil
}

func TestParseMatchesUnmarshal(t *testing.T) {
	for _, doc := range corpus(t) {
		compareParse(t, doc)
	}
}

func compareString(t *testing.T, s string) {
	t.Helper()
	want, _ := json.Marshal(s)
	if got := AppendString(nil, s, true); string(got) != string(want) {
		t.Fatalf("%q: Marshal %s, jsonx %s", s, want, got)
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	if got := AppendString(nil, s, false); string(got)+"\n" != b.String() {
		t.Fatalf("%q: Encoder %s, jsonx %s", s, b.String(), got)
	}
}

func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	pieces := []string{"a", "é", "😀", "<", ">", "&", "\u2028", "\u2029", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f", "\xff", "\xe2\x80", "\xed\xa0\x80", " ", "/"}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(8); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		compareString(t, b.String())
	}
}

func FuzzDecoder(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		compareTokens(t, doc)
		compareParse(t, doc)
		compareString(t, doc)
	})
}
