package jsonlite

import (
	"encoding/json"
	"math/rand"
	"strings"
	"testing"
)

var seeds = []string{
	`{"a":[1,2,{"b":null}],"c":"d"}`, `[]`, `{}`, `""`, `0`, `-0.5e+10`, `1E-2`, `true`, `false`, `null`,
	` {"k" : "v" } `, `"\u00e9\ud83d\ude00\ud800x\udc00\\\/\b\f\n\r\t\""`, "\"\xff\xfe caf\xc3\xa9\"",
	`[1,]`, `{"a":1,}`, `{"a" 1}`, `{1:2}`, `[1 2]`, `01`, `-`, `1.`, `1e`, `1e+`, `.5`, `tru`, `nul`, `fals`,
	`"abc`, `"\x"`, `"\u12g4"`, "\"a\x01b\"", `{"a":1} x`, ``, ` `, `[`, `{"a":`, `{"a"`, `"\u2028<&>"`,
}

// mutate returns n random edits of a seed, for tests against encoding/json.
func mutate(n int) []string {
	r := rand.New(rand.NewSource(7))
	out := append([]string(nil), seeds...)
	const alphabet = "{}[],:\" \n0123456789-+.eEtrufalsn\\u\x01\xff\xc3<&"
	for range n {
		b := []byte(seeds[r.Intn(len(seeds))])
		for k := r.Intn(3); k >= 0; k-- {
			j := r.Intn(len(b) + 1)
			switch r.Intn(3) {
			case 0:
				b = append(b[:j], append([]byte{alphabet[r.Intn(len(alphabet))]}, b[j:]...)...)
			case 1:
				if j < len(b) {
					b = append(b[:j], b[j+1:]...)
				}
			default:
				if j < len(b) {
					b[j] = alphabet[r.Intn(len(alphabet))]
				}
			}
		}
		out = append(out, string(b))
	}
	return out
}

// TestParseMatchesUnmarshal: the same inputs fail, with the same message,
// and strings decode to the same text.
func TestParseMatchesUnmarshal(t *testing.T) {
	for _, doc := range mutate(50000) {
		var want any
		werr := json.Unmarshal([]byte(doc), &want)
		if _, ok := werr.(*json.UnmarshalTypeError); ok {
			werr = nil // a number too large for float64: valid JSON all the same
			want = nil
		}
		got, gerr := Parse([]byte(doc))
		if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
			t.Fatalf("%q: Unmarshal error %v, Parse error %v", doc, werr, gerr)
		}
		if werr == nil && want != nil && !same(want, got) {
			t.Fatalf("%q: Unmarshal %#v, Parse %#v", doc, want, got)
		}
	}
}

// same compares an encoding/json value with a parsed one.
func same(want any, v Value) bool {
	switch w := want.(type) {
	case nil:
		return v.Kind == Null
	case bool:
		return v.Kind == Bool && v.Bool == w
	case float64:
		f, err := Number(v.Str).Float64()
		return v.Kind == NumberKind && err == nil && f == w
	case string:
		return v.Kind == String && v.Str == w
	case []any:
		if v.Kind != Array || len(v.Elems) != len(w) {
			return false
		}
		for i := range w {
			if !same(w[i], v.Elems[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		if v.Kind != Object {
			return false
		}
		last := map[string]Value{}
		for _, m := range v.Members {
			last[m.Key] = m.Value // later keys win, as in encoding/json
		}
		if len(last) != len(w) {
			return false
		}
		for k, x := range w {
			if !same(x, last[k]) {
				return false
			}
		}
		return true
	}
	return false
}

func TestParseOffsets(t *testing.T) {
	v, err := Parse([]byte(` {"a": [1, "x"]}`))
	if err != nil {
		t.Fatal(err)
	}
	m := v.Members[0]
	if v.Off != 1 || m.KeyOff != 2 || m.Value.Off != 7 || string(m.Value.Raw) != `[1, "x"]` || m.Value.Elems[1].Off != 11 {
		t.Errorf("offsets: %d %d %d %q %d", v.Off, m.KeyOff, m.Value.Off, m.Value.Raw, m.Value.Elems[1].Off)
	}
	_, err = Parse([]byte("{\"a\": tx}"))
	if se, ok := err.(*SyntaxError); !ok || se.Off != 7 || se.EOF {
		t.Errorf("error %#v, want offset 7 of the bad character", err)
	}
	_, err = Parse([]byte(`{"a": `))
	if se, ok := err.(*SyntaxError); !ok || se.Off != 6 || !se.EOF {
		t.Errorf("error %#v, want EOF at 6", err)
	}
}

func TestAppendStringMatchesMarshal(t *testing.T) {
	texts := []string{"", "plain", `q"b\s`, "<a & b>", "\u2028\u2029", "\x00\x01\x1f\b\f\n\r\t\x7f", "caf\xc3\xa9 \xff\xfe \xed\xa0\x80", "😀 日本"}
	for i := range 256 {
		texts = append(texts, string(rune(i)), string([]byte{byte(i)}))
	}
	texts = append(texts, mutate(3000)...)
	for _, s := range texts {
		want, _ := json.Marshal(s)
		if got := AppendString(nil, s); string(got) != string(want) {
			t.Fatalf("%q: AppendString %s, Marshal %s", s, got, want)
		}
	}
}

func TestAppendCompactMatchesMarshal(t *testing.T) {
	for _, doc := range mutate(20000) {
		want, werr := json.Marshal(json.RawMessage(doc))
		got, gerr := AppendCompact([]byte("x"), []byte(doc))
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("%q: Marshal error %v, AppendCompact error %v", doc, werr, gerr)
		}
		if werr == nil && string(got) != "x"+string(want) {
			t.Fatalf("%q: AppendCompact %s, Marshal %s", doc, got, want)
		}
		if werr != nil && !strings.HasSuffix(werr.Error(), gerr.Error()) {
			t.Fatalf("%q: Marshal error %v, AppendCompact error %v", doc, werr, gerr)
		}
	}
}

func TestKindName(t *testing.T) {
	if Object.Name() != "object" || NumberKind.Name() != "number" || Null.Name() != "null" {
		t.Error("kind names differ from encoding/json's")
	}
}
