package core

import (
	"encoding/json"
	"math/rand"
	"reflect"
	"testing"
)

var requestSeeds = []string{
	`{"text":"hi"}`, `null`, `[]`, `"x"`, `1`, `true`, `{}`, `{`, `{"text":1}`, `{"text":null}`,
	`{"TEXT":"a","Text":"b","text":"c"}`, `{"teXt":"a"}`, `{"id": {"a" : [1, 2]} , "text":"t"}`,
	`{"id":null,"text":"x"}`, `{"id":"<&>\u2028","text":"x"}`, `{"id":1e5,"text":""}`,
	`{"recent":null}`, `{"recent":[]}`, `{"recent":["a",null,"b"]}`, `{"recent":"a"}`, `{"recent":{}}`,
	`{"recent":[1]}`, `{"recent":["a","b"],"recent":[null]}`, `{"recent":[true]}`, `{"recent":[[]]}`,
	`{"comment":{},"platform":[]}`, `{"platform":false}`, `{"other":[{"x":1}],"text":"é\ud83d\ude00"}`,
	`{"text":"a\u0000b","comment":"c\nd","platform":"instagram","recent":["00ff"]}`, "{\"text\":\"\xff\"}",
	`{"text":"x"} x`, `{"text":"x",}`, `{"ſtext":"x","iD":2}`,
	`{"text":"x","private":true}`, `{"private":false}`, `{"private":null}`, `{"PRIVATE":true,"private":null}`,
	`{"private":"true"}`, `{"private":1}`, `{"private":[]}`, `{"private":true,"private":false}`,
}

func TestDecodeRequestMatchesUnmarshal(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	docs := append([]string(nil), requestSeeds...)
	const alphabet = `{}[],:" 0123456789-.etrufalsn\ntextidrecentplatformprivate`
	for i := 0; i < 30000; i++ {
		b := []byte(requestSeeds[r.Intn(len(requestSeeds))])
		for n := r.Intn(3); n >= 0; n-- {
			switch j := r.Intn(len(b) + 1); r.Intn(3) {
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
		docs = append(docs, string(b))
	}
	for _, doc := range docs {
		compareRequest(t, doc)
	}
}

func FuzzDecodeRequest(f *testing.F) {
	for _, s := range requestSeeds {
		f.Add(s)
	}
	f.Fuzz(compareRequest)
}

func compareRequest(t *testing.T, doc string) {
	var want Request
	werr := json.Unmarshal([]byte(doc), &want)
	got, gerr := DecodeRequest([]byte(doc))
	if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
		t.Fatalf("%q: error %v, DecodeRequest %v", doc, werr, gerr)
	}
	if werr == nil && !reflect.DeepEqual(&want, got) {
		t.Fatalf("%q: %#v, DecodeRequest %#v", doc, want, *got)
	}
}

func TestResponseAppendJSONMatchesMarshal(t *testing.T) {
	e := MustDefaultEngine()
	ids := []RawJSON{nil, RawJSON(`1`), RawJSON(`"<a&b>"`), RawJSON("{ \"k\" : [ 1 ,\n 2 ] }"), RawJSON(`null`), RawJSON("\"\u2028\"")}
	texts := []string{"", "Thanks <3 & see you!", "Hi Maria, your root canal went well \u2028 call 555-123-4567."}
	for _, it := range LoadCorpus(t, "dev") {
		texts = append(texts, it.Text)
	}
	for i, text := range texts {
		comment := ""
		if i%2 == 1 {
			comment = "Why did my crown hurt after the visit?"
		}
		resp, err := e.CheckRequest(&Request{ID: ids[i%len(ids)], Text: text, Comment: comment})
		if err != nil {
			t.Fatal(err)
		}
		compareResponse(t, resp)
	}
	odd := &Response{Findings: nil, Comment: CommentJSON{Kind: "x<", Topics: nil}}
	compareResponse(t, odd)
	odd.Findings = []JSONFinding{{Rule: "r", Edits: []JSONEdit{{1, 2, "a>b"}, {3, 4, ""}}, Suggestion: "&"}, {Edits: []JSONEdit{}}}
	compareResponse(t, odd)
}

func compareResponse(t *testing.T, r *Response) {
	t.Helper()
	want, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.AppendJSON(nil)
	if err != nil || string(got) != string(want) {
		t.Fatalf("json.Marshal:\n%s\nAppendJSON (%v):\n%s", want, err, got)
	}
}

func TestAppendJSONStrings(t *testing.T) {
	for _, ss := range [][]string{nil, {}, {"a", "<b>", "\xff"}} {
		want, _ := json.Marshal(ss)
		if got := AppendJSONStrings(nil, ss); string(got) != string(want) {
			t.Errorf("%q: %s, want %s", ss, got, want)
		}
	}
}
