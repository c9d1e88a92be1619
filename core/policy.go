package core

import (
	"errors"
	"strconv"

	"github.com/replyguard/replyguard/internal/jsonlite"
)

// Policy is the practice's one policy file, as managers write it (JSON).
// Every field is optional in the file: what is missing comes from the
// embedded default policy (policies/default.json, see DefaultPolicy).
// The JSON Schema in policies/policy.schema.json describes the same shape.
type Policy struct {
	Schema  string `json:"$schema,omitempty"`
	Name    string `json:"name"`
	Version string `json:"version"`

	Practice Practice     `json:"practice"`
	Rules    RuleSettings `json:"rules"`
	// Terms extend the built-in vocabularies.
	Terms Terms `json:"terms"`
	// ResponseWindow is how fast a patient comment should be answered.
	ResponseWindow ResponseWindow `json:"response_window"`
	// ConfirmBeforeSend asks staff to confirm before sending a reply that
	// has an error-severity finding.
	ConfirmBeforeSend bool `json:"confirm_before_send"`
	// IgnoreAlways: see policy_ignore.go.
	IgnoreAlways RawJSON `json:"ignore_always,omitempty"`
	// For the extension's site adapters (policy_adapters.go), kept as their
	// JSON: the engine validates them but never reads them.
	Composers       RawJSON `json:"composers,omitempty"`
	StaffMayDisable RawJSON `json:"staff_may_disable,omitempty"`
	Selectors       RawJSON `json:"selectors,omitempty"`
}

// Practice is the practice's own identity: never flagged as PHI.
type Practice struct {
	Name      string   `json:"name"`
	Phones    []string `json:"phones"`
	Emails    []string `json:"emails"`
	Websites  []string `json:"websites"`
	Addresses []string `json:"addresses"`
	Staff     []Staff  `json:"staff"`
	// PageNames are the practice's Facebook/Instagram page or account names,
	// used to tell the practice's replies from patients' comments.
	PageNames []string `json:"page_names"`
}

// Staff is a person who works at the practice.
type Staff struct {
	Name string `json:"name"`
	Role string `json:"role,omitempty"`
}

// RuleSettings holds per-category settings.
type RuleSettings struct {
	PHI     PHISettings     `json:"phi"`
	Canned  CannedSettings  `json:"canned"`
	Length  LengthSettings  `json:"length"`
	Manners MannersSettings `json:"manners"`
	Conduct ConductSettings `json:"conduct"`
	Routing RoutingSettings `json:"routing"`
}

// CategorySettings is shared by every category.
type CategorySettings struct {
	Enabled  bool     `json:"enabled"`
	Severity Severity `json:"severity"`
	// Sensitivity is how readily the category's reply-level judgement
	// fires: "low", "normal" or "high".
	Sensitivity string `json:"sensitivity,omitempty"`
	// DisabledRules names rules of the category that do not run.
	DisabledRules []string `json:"disabled_rules,omitempty"`
}

// ListEdit changes a built-in list: Add extends it, Remove takes built-in
// entries out. In a policy file it is {"add": [...], "remove": [...]} or,
// as before removal existed, a plain array of additions.
type ListEdit struct {
	Add    []string `json:"add"`
	Remove []string `json:"remove"`
}

// MarshalJSON writes the plain array form when nothing is removed, so a
// policy without removals reads as it always did.
func (l ListEdit) MarshalJSON() ([]byte, error) {
	add := l.Add
	if add == nil {
		add = []string{}
	}
	if len(l.Remove) == 0 {
		return AppendJSONStrings(nil, add), nil
	}
	b := AppendJSONStrings(append([]byte(nil), `{"add":`...), add)
	b = AppendJSONStrings(append(b, `,"remove":`...), l.Remove)
	return append(b, '}'), nil
}

// UnmarshalJSON accepts both forms (encoding/json callers; ParsePolicy has
// its own decoder).
func (l *ListEdit) UnmarshalJSON(data []byte) error {
	v, err := jsonlite.Parse(data)
	if err != nil {
		return err
	}
	strs := func(v jsonlite.Value, dst *[]string) error {
		switch v.Kind {
		case jsonlite.Null:
			return nil
		case jsonlite.Array:
			*dst = make([]string, len(v.Elems))
			for i, e := range v.Elems {
				if e.Kind != jsonlite.String {
					return errors.New("core.ListEdit: entries must be strings")
				}
				(*dst)[i] = e.Str
			}
			return nil
		}
		return errors.New("core.ListEdit: want an array or {\"add\": [...], \"remove\": [...]}")
	}
	if v.Kind != jsonlite.Object {
		return strs(v, &l.Add)
	}
	for _, m := range v.Members {
		switch m.Key {
		case "add":
			err = strs(m.Value, &l.Add)
		case "remove":
			err = strs(m.Value, &l.Remove)
		default:
			err = errors.New("core.ListEdit: unknown field " + strconv.Quote(m.Key))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

type PHISettings struct {
	CategorySettings
	// AllowNames are public names the practice may use (e.g. a mascot).
	AllowNames []string `json:"allow_names"`
}

type CannedSettings struct {
	CategorySettings
	// Phrases adds boilerplate phrases to flag (case-insensitive) and
	// removes built-in ones.
	Phrases ListEdit `json:"phrases"`
	// NearDuplicateBits is the largest fingerprint Hamming distance that
	// counts as a near-duplicate of a recent reply (0 disables).
	NearDuplicateBits int `json:"near_duplicate_bits"`
}

type LengthSettings struct {
	CategorySettings
	Facebook  LengthLimit `json:"facebook"`
	Instagram LengthLimit `json:"instagram"`
	// MaxGrade above which an info reading-grade hint is shown (0 disables).
	MaxGrade float64 `json:"max_grade"`
}

type LengthLimit struct {
	MaxWords     int `json:"max_words"`
	MaxSentences int `json:"max_sentences"`
}

type MannersSettings struct {
	CategorySettings
	// RudePhrases adds phrases to flag as rude and removes built-in ones.
	RudePhrases ListEdit `json:"rude_phrases"`
}

type ConductSettings struct {
	CategorySettings
	// DefensivePhrases adds phrases to flag in replies to complaints and
	// removes built-in ones.
	DefensivePhrases ListEdit `json:"defensive_phrases"`
}

type RoutingSettings struct {
	CategorySettings
	Topics []Route `json:"topics"`
}

// Route says who answers comments on a topic.
type Route struct {
	Topic    string   `json:"topic"`
	Owner    string   `json:"owner"`
	Severity Severity `json:"severity,omitempty"`
}

// Terms change the built-in care vocabulary: words a practice adds, and
// built-in words it does not want treated as care details.
type Terms struct {
	Procedures  ListEdit `json:"procedures"`
	Colloquial  ListEdit `json:"colloquial"`
	Conditions  ListEdit `json:"conditions"`
	Medications ListEdit `json:"medications"`
}

// ResponseWindow is the policy's answer-time target.
type ResponseWindow struct {
	Hours         float64       `json:"hours"`
	BusinessHours BusinessHours `json:"business_hours"`
}

// BusinessHours bounds when the response window's clock runs.
type BusinessHours struct {
	Days  []string `json:"days"`  // "mon".."sun"
	Start string   `json:"start"` // "08:00"
	End   string   `json:"end"`   // "17:00"
	// TZ is an IANA zone name; empty means the browser's local zone.
	TZ string `json:"tz,omitempty"`
}
