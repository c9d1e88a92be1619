package core

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/policies"
	"github.com/replyguard/replyguard/policies/jsonschema"
)

// FuzzParsePolicy: ParsePolicy never panics; what it accepts, Compile
// accepts; what it rejects comes with located errors.
func FuzzParsePolicy(f *testing.F) {
	f.Add(policies.Default)
	for _, name := range []string{"dental-example.json", "medical-example.json"} {
		if b, err := os.ReadFile("../policies/" + name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"rules":{"length":{"facebook":{"max_words":0}}}}`))
	f.Add([]byte(`{"practice":{"staff":[{"role":"x"}]},"rules":{"routing":{"topics":[{"topic":"billing","owner":"a"},{"topic":"billing","owner":"b"}]}}}`))
	f.Add([]byte(`{"a":1,"a":2}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePolicy(data)
		if err == nil {
			if p == nil {
				t.Fatal("nil policy without error")
			}
			if _, err := Compile(p); err != nil {
				t.Fatalf("ParsePolicy accepted a policy Compile rejects: %v", err)
			}
			// The hand-written mapping agrees with encoding/json.
			doc, _ := jsonschema.Decode(data)
			var want Policy
			if err := json.Unmarshal(jsonschema.Encode(policyMerge(policyDefaultDoc(), doc)), &want); err != nil || !reflect.DeepEqual(&want, p) {
				t.Fatalf("policyFromDoc %+v, json.Unmarshal %+v (%v)", *p, want, err)
			}
			return
		}
		var pe PolicyErrors
		if !errors.As(err, &pe) || len(pe) == 0 {
			t.Fatalf("error %T %v is not a non-empty PolicyErrors", err, err)
		}
		for _, e := range pe {
			if e.Message == "" {
				t.Fatalf("empty message in %v", pe)
			}
			if e.Path == "" && !strings.HasPrefix(e.Message, "line ") {
				t.Fatalf("error with neither a path nor a line: %q", e.Message)
			}
		}
	})
}
