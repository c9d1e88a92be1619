package core

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/replyguard/replyguard/policies"
)

// policyErrs parses data and returns its errors as "path: message" lines;
// it fails the test when data parses.
func policyErrs(t *testing.T, data string) []string {
	t.Helper()
	p, err := ParsePolicy([]byte(data))
	if err == nil {
		t.Fatalf("ParsePolicy(%s) = %+v, want errors", data, p)
	}
	var pe PolicyErrors
	if !errors.As(err, &pe) {
		t.Fatalf("ParsePolicy(%s) error is %T, want PolicyErrors", data, err)
	}
	var out []string
	for _, e := range pe {
		out = append(out, e.Error())
	}
	return out
}

func TestParsePolicyErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"zero max words", `{"rules":{"length":{"facebook":{"max_words":0}}}}`,
			[]string{"rules.length.facebook.max_words: must be a positive integer"}},
		{"fractional max words", `{"rules":{"length":{"instagram":{"max_words":12.5}}}}`,
			[]string{"rules.length.instagram.max_words: must be a positive integer"}},
		{"max words as string", `{"rules":{"length":{"facebook":{"max_words":"60"}}}}`,
			[]string{"rules.length.facebook.max_words: must be a positive integer"}},
		{"too many words", `{"rules":{"length":{"facebook":{"max_words":1001}}}}`,
			[]string{"rules.length.facebook.max_words: must be at most 1000"}},
		{"too many sentences", `{"rules":{"length":{"facebook":{"max_sentences":51}}}}`,
			[]string{"rules.length.facebook.max_sentences: must be at most 50"}},
		{"max grade range", `{"rules":{"length":{"max_grade":20.5}}}`,
			[]string{"rules.length.max_grade: must be at most 20"}},
		{"negative grade", `{"rules":{"length":{"max_grade":-1}}}`,
			[]string{"rules.length.max_grade: must be a non-negative number"}},
		{"near duplicate bits", `{"rules":{"canned":{"near_duplicate_bits":33}}}`,
			[]string{"rules.canned.near_duplicate_bits: must be at most 32"}},
		{"staff without name", `{"practice":{"staff":[{"name":"Ann"},{"name":"Bo","role":"Billing"},{"role":"Front Desk"}]}}`,
			[]string{"practice.staff[2].name: required"}},
		{"unknown field", `{"rules":{"canned":{"frobnicate":true}}}`,
			[]string{"rules.canned.frobnicate: unknown field"}},
		{"typo suggests field", `{"rules":{"canned":{"phrase":["x"]}}}`,
			[]string{`rules.canned.phrase: unknown field (did you mean "phrases"?)`}},
		{"unknown top-level field", `{"nmae":"x"}`,
			[]string{`nmae: unknown field (did you mean "name"?)`}},
		{"odd key is quoted", `{"rules":{"bad key":1}}`,
			[]string{`rules["bad key"]: unknown field`}},
		{"bad severity", `{"rules":{"phi":{"severity":"loud"}}}`,
			[]string{`rules.phi.severity: must be one of "info", "warning", "error"`}},
		{"enabled not boolean", `{"rules":{"manners":{"enabled":"yes"}}}`,
			[]string{"rules.manners.enabled: must be true or false"}},
		{"version not string", `{"version":3}`,
			[]string{"version: must be a string"}},
		{"empty version", `{"version":""}`,
			[]string{"version: must not be empty"}},
		{"null object", `{"practice":null}`,
			[]string{"practice: must be an object"}},
		{"unknown topic", `{"rules":{"routing":{"topics":[{"topic":"frobnication","owner":"Ann"}]}}}`,
			[]string{`rules.routing.topics[0].topic: must be one of "clinical", "billing", "insurance", "complaint", "wait_time", "phone", "scheduling", "parking", "staff_attitude", "pain", "outcome", "cost", "cleanliness", "privacy", "compliment", "general"`}},
		{"route without owner", `{"rules":{"routing":{"topics":[{"topic":"billing"}]}}}`,
			[]string{"rules.routing.topics[0].owner: required"}},
		{"blank owner", `{"rules":{"routing":{"topics":[{"topic":"billing","owner":"  "}]}}}`,
			[]string{"rules.routing.topics[0].owner: must not be empty"}},
		{"duplicate routing topic", `{"rules":{"routing":{"topics":[{"topic":"billing","owner":"A"},{"topic":"pain","owner":"B"},{"topic":"billing","owner":"C"}]}}}`,
			[]string{`rules.routing.topics[2].topic: duplicate topic "billing" (already routed by topics[0])`}},
		{"zero hours", `{"response_window":{"hours":0}}`,
			[]string{"response_window.hours: must be a positive number"}},
		{"too many hours", `{"response_window":{"hours":169}}`,
			[]string{"response_window.hours: must be at most 168"}},
		{"bad day", `{"response_window":{"business_hours":{"days":["mon","funday"]}}}`,
			[]string{`response_window.business_hours.days[1]: must be one of "mon", "tue", "wed", "thu", "fri", "sat", "sun"`}},
		{"repeated day", `{"response_window":{"business_hours":{"days":["mon","tue","mon"]}}}`,
			[]string{"response_window.business_hours.days[2]: duplicate of days[0]"}},
		{"no days", `{"response_window":{"business_hours":{"days":[]}}}`,
			[]string{"response_window.business_hours.days: must have at least 1 item"}},
		{"bad time", `{"response_window":{"business_hours":{"start":"8am"}}}`,
			[]string{`response_window.business_hours.start: must be a time of day as 24-hour HH:MM, like "08:00" or "17:30"`}},
		{"hour 24", `{"response_window":{"business_hours":{"end":"24:00"}}}`,
			[]string{`response_window.business_hours.end: must be a time of day as 24-hour HH:MM, like "08:00" or "17:30"`}},
		{"start after end", `{"response_window":{"business_hours":{"start":"17:00","end":"09:00"}}}`,
			[]string{"response_window.business_hours.end: must be later than start (17:00)"}},
		{"start after default end", `{"response_window":{"business_hours":{"start":"18:00"}}}`,
			[]string{"response_window.business_hours.end: must be later than start (18:00)"}},
		{"bad time zone", `{"response_window":{"business_hours":{"tz":"Central Time"}}}`,
			[]string{`response_window.business_hours.tz: must be an IANA time zone name, like "America/Chicago" or "UTC"`}},
		{"phone without digits", `{"practice":{"phones":["(555) 010-0100","call us"]}}`,
			[]string{`practice.phones[1]: must be a phone number with at least 7 digits, like "(555) 010-0123"`}},
		{"email without at", `{"practice":{"emails":["frontdesk.example.com"]}}`,
			[]string{`practice.emails[0]: must be an email address, like "frontdesk@example.com"`}},
		{"bad website", `{"practice":{"websites":["not a website"]}}`,
			[]string{`practice.websites[0]: must be a website address, like "https://example.com" or "example.com"`}},
		{"empty term", `{"terms":{"procedures":["Invisalign",""]}}`,
			[]string{"terms.procedures[1]: must not be empty"}},
		{"long term", `{"terms":{"colloquial":["` + strings.Repeat("x", 201) + `"]}}`,
			[]string{"terms.colloquial[0]: must be at most 200 characters (has 201)"}},
		{"term not a string", `{"rules":{"canned":{"phrases":[42]}}}`,
			[]string{"rules.canned.phrases[0]: must be a string"}},
		{"terms not a list", `{"terms":{"medications":"metformin"}}`,
			[]string{"terms.medications: must be an array or an object"}},
		{"confirm not boolean", `{"confirm_before_send":1}`,
			[]string{"confirm_before_send: must be true or false"}},
		{"duplicate key", "{\n  \"name\": \"a\",\n  \"name\": \"b\"\n}",
			[]string{"name: duplicate key (first at line 2, repeated at line 3)"}},
		{"every problem at once", `{"version":1,"rules":{"phi":{"severity":"x"},"length":{"facebook":{"max_words":0}}},"practice":{"staff":[{}]}}`,
			[]string{
				"version: must be a string",
				`rules.phi.severity: must be one of "info", "warning", "error"`,
				"rules.length.facebook.max_words: must be a positive integer",
				"practice.staff[0].name: required",
			}},
		// Text-level problems carry a line and column instead of a path.
		{"syntax error", "{\n  \"name\": \"x\",\n  \"version\": }\n",
			[]string{"line 3, column 14: invalid character '}' looking for beginning of value"}},
		{"trailing comma", "{\"name\": \"x\",}",
			[]string{"line 1, column 14: invalid character '}' looking for beginning of object key string"}},
		{"truncated", `{"name": "x"`,
			[]string{"line 1, column 13: unexpected end of input"}},
		{"trailing text", `{"name": "x"} {}`,
			[]string{"line 1, column 15: unexpected text after the end of the document"}},
		{"empty", "", []string{"line 1, column 1: policy is empty; a policy is a JSON object ({...})"}},
		{"blank", " \n\t", []string{"line 1, column 1: policy is empty; a policy is a JSON object ({...})"}},
		{"array", "\n [1, 2]", []string{"line 2, column 2: a policy must be a JSON object ({...})"}},
		{"null", "null", []string{"line 1, column 1: a policy must be a JSON object ({...})"}},
		{"string", `"policy"`, []string{"line 1, column 1: a policy must be a JSON object ({...})"}},
		{"multibyte column", "{\"name\": \"Café ☕\" x}",
			[]string{"line 1, column 19: invalid character 'x' after object key:value pair"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := policyErrs(t, tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("errors:\n got  %q\n want %q", got, tt.want)
			}
		})
	}
}

func TestParsePolicyMergesOverDefault(t *testing.T) {
	p, err := ParsePolicy([]byte(`{
		"name": "Small Dental",
		"rules": {"length": {"instagram": {"max_words": 30}}, "routing": {"topics": [{"topic": "billing", "owner": "Jo"}]}},
		"response_window": {"business_hours": {"days": ["sat"]}}
	}`))
	if err != nil {
		t.Fatal(err)
	}
	def := DefaultPolicy()
	if p.Name != "Small Dental" || p.Version != def.Version {
		t.Errorf("name, version = %q, %q; want file's name and default version %q", p.Name, p.Version, def.Version)
	}
	// Objects merge field by field: max_sentences keeps the default.
	if got := p.Rules.Length.Instagram; got.MaxWords != 30 || got.MaxSentences != def.Rules.Length.Instagram.MaxSentences {
		t.Errorf("instagram limits = %+v, want max_words 30 and default max_sentences", got)
	}
	if p.Rules.Length.Facebook != def.Rules.Length.Facebook || !reflect.DeepEqual(p.Rules.PHI, def.Rules.PHI) {
		t.Errorf("untouched settings changed: %+v %+v", p.Rules.Length.Facebook, p.Rules.PHI)
	}
	// Arrays replace, element by element nothing leaks from the default's
	// first route (clinical, severity warning).
	want := []Route{{Topic: "billing", Owner: "Jo"}}
	if !reflect.DeepEqual(p.Rules.Routing.Topics, want) {
		t.Errorf("topics = %+v, want %+v", p.Rules.Routing.Topics, want)
	}
	if !reflect.DeepEqual(p.ResponseWindow.BusinessHours.Days, []string{"sat"}) || p.ResponseWindow.BusinessHours.Start != def.ResponseWindow.BusinessHours.Start {
		t.Errorf("business hours = %+v", p.ResponseWindow.BusinessHours)
	}
	if !p.ConfirmBeforeSend {
		t.Error("confirm_before_send lost its default")
	}
	// The parse must not have altered the default for later callers.
	if !reflect.DeepEqual(DefaultPolicy(), def) {
		t.Error("ParsePolicy modified the default policy")
	}
}

func TestParsePolicyAcceptsIntegralNumbers(t *testing.T) {
	p, err := ParsePolicy([]byte(`{"rules":{"length":{"facebook":{"max_words":50.0,"max_sentences":3e0}}},"response_window":{"hours":1.5}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Rules.Length.Facebook; got != (LengthLimit{MaxWords: 50, MaxSentences: 3}) || p.ResponseWindow.Hours != 1.5 {
		t.Errorf("got %+v, hours %v", got, p.ResponseWindow.Hours)
	}
}

func TestParsePolicyEmptyObjectIsDefault(t *testing.T) {
	for _, in := range []string{`{}`, "\ufeff{}", `{"$schema": "./policy.schema.json"}`} {
		p, err := ParsePolicy([]byte(in))
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		def := DefaultPolicy()
		if !reflect.DeepEqual(p, def) {
			t.Errorf("%q: got %+v, want the default %+v", in, p, def)
		}
	}
}

func TestShippedPoliciesValidate(t *testing.T) {
	files := map[string][]byte{"default.json": policies.Default}
	for _, name := range []string{"dental-example.json", "medical-example.json"} {
		b, err := os.ReadFile("../policies/" + name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = b
	}
	for name, b := range files {
		p, err := ParsePolicy(b)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if _, err := NewEngine(p); err != nil {
			t.Errorf("%s: engine: %v", name, err)
		}
		// Every field in the file survives the round trip: re-encoding the
		// parsed policy and comparing to the file as plain JSON.
		var fromFile, parsed map[string]any
		out, _ := json.Marshal(p)
		json.Unmarshal(b, &fromFile)
		json.Unmarshal(out, &parsed)
		for k, v := range fromFile {
			if !reflect.DeepEqual(parsed[k], v) && k != "$schema" {
				t.Errorf("%s: %s differs after parsing:\n file   %v\n parsed %v", name, k, v, parsed[k])
			}
		}
	}
}

// The lead's semantics for the default policy, which the validator must keep.
func TestDefaultPolicyValues(t *testing.T) {
	p, err := ParsePolicy(policies.Default)
	if err != nil {
		t.Fatal(err)
	}
	l := p.Rules.Length
	if l.Facebook != (LengthLimit{60, 4}) || l.Instagram != (LengthLimit{40, 3}) || l.MaxGrade != 8 {
		t.Errorf("length = %+v", l)
	}
	if p.ResponseWindow.Hours != 4 || !p.ConfirmBeforeSend {
		t.Errorf("response window %v, confirm %v", p.ResponseWindow.Hours, p.ConfirmBeforeSend)
	}
	var topics []string
	for _, r := range p.Rules.Routing.Topics {
		topics = append(topics, r.Topic)
	}
	if fmt.Sprint(topics) != "[clinical billing complaint]" {
		t.Errorf("routing topics = %v", topics)
	}
}

func TestParsePolicyLargeTermLists(t *testing.T) {
	terms := make([]string, 5000)
	for i := range terms {
		terms[i] = fmt.Sprintf("procedure number %d", i)
	}
	doc, _ := json.Marshal(map[string]any{"terms": map[string]any{"procedures": terms, "colloquial": terms[:100]}})
	p, err := ParsePolicy(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Terms.Procedures.Add) != 5000 || p.Terms.Procedures.Add[4999] != "procedure number 4999" {
		t.Errorf("got %d procedures", len(p.Terms.Procedures.Add))
	}
	if _, err := NewEngine(p); err != nil {
		t.Fatal(err)
	}

	over := make([]string, 10001)
	for i := range over {
		over[i] = "x"
	}
	doc, _ = json.Marshal(map[string]any{"terms": map[string]any{"conditions": over}})
	got := policyErrs(t, string(doc))
	if want := "terms.conditions: must have at most 10000 items (has 10001)"; len(got) != 1 || got[0] != want {
		t.Errorf("errors = %q, want [%q]", got, want)
	}
}

func TestPolicyErrorFormatting(t *testing.T) {
	errs := PolicyErrors{{Path: "a.b", Message: "required"}, {Message: "line 1, column 2: bad"}}
	if got, want := errs.Error(), "a.b: required\nline 1, column 2: bad"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func BenchmarkParsePolicyExample(b *testing.B) {
	data, err := os.ReadFile("../policies/dental-example.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParsePolicy(data); err != nil {
			b.Fatal(err)
		}
	}
}
