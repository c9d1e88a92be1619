package core

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/replyguard/replyguard/policies"
	"github.com/replyguard/replyguard/policies/jsonschema"
)

// TestPolicyFromDocMatchesUnmarshal holds policyFromDoc to what ParsePolicy
// did before it: json.Unmarshal of the merged document, re-encoded.
func TestPolicyFromDocMatchesUnmarshal(t *testing.T) {
	docs := [][]byte{policies.Default,
		[]byte(`{}`),
		[]byte(`{"name":"x","practice":{"staff":[{"name":"Ann","role":"dentist"},{"name":"Bo"}],"phones":[]},"rules":{"length":{"facebook":{"max_words":6.0,"max_sentences":2e0},"max_grade":7.5}}}`),
		[]byte(`{"rules":{"routing":{"topics":[]},"phi":{"allow_names":["Max"]},"canned":{"near_duplicate_bits":0}},"terms":{"procedures":["x"]}}`),
		[]byte(`{"rules":{"routing":{"topics":[{"topic":"billing","owner":"me","severity":"error"}]}},"response_window":{"hours":0.5,"business_hours":{"tz":"Europe/London","days":[]}},"confirm_before_send":false}`),
	}
	for _, name := range []string{"dental-example.json", "medical-example.json"} {
		b, err := os.ReadFile("../policies/" + name)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, b)
	}
	for _, data := range docs {
		doc, problems := jsonschema.Decode(data)
		if len(problems) > 0 {
			t.Fatalf("%s: %v", data, problems)
		}
		merged := policyMerge(policyDefaultDoc(), doc)
		var want Policy
		if err := json.Unmarshal(jsonschema.Encode(merged), &want); err != nil {
			t.Fatal(err)
		}
		got, err := policyFromDoc(merged)
		if err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		if !reflect.DeepEqual(&want, got) {
			t.Errorf("%s:\nUnmarshal    %+v\npolicyFromDoc %+v", data, want, *got)
		}
	}
}

func TestDefaultPolicyMatchesUnmarshal(t *testing.T) {
	// Through jsonschema.Encode, as policyFromDoc reads it: fields kept as
	// raw JSON are then in the same canonical form.
	doc, problems := jsonschema.Decode(policies.Default)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	var want Policy
	if err := json.Unmarshal(jsonschema.Encode(doc), &want); err != nil {
		t.Fatal(err)
	}
	a, b := DefaultPolicy(), DefaultPolicy()
	if !reflect.DeepEqual(&want, a) {
		t.Errorf("DefaultPolicy() = %+v, want %+v", *a, want)
	}
	b.Rules.Routing.Topics[0].Owner = "changed"
	if a.Rules.Routing.Topics[0].Owner == "changed" {
		t.Error("DefaultPolicy copies share memory")
	}
}

func TestPolicyFromDocTypeError(t *testing.T) {
	doc, _ := jsonschema.Decode([]byte(`{"rules":{"length":{"facebook":{"max_words":"many"}}}}`))
	_, err := policyFromDoc(doc)
	var p Policy
	want := json.Unmarshal(jsonschema.Encode(doc), &p)
	if err == nil || want == nil || err.Error() != want.Error() {
		t.Errorf("error %v, want %v", err, want)
	}
}
