package core

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
	// For the extension's site adapters (policy_adapters.go).
	Composers       ComposerScope      `json:"composers"`
	StaffMayDisable []string           `json:"staff_may_disable"`
	Selectors       []SelectorOverride `json:"selectors"`
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
}

type PHISettings struct {
	CategorySettings
	// AllowNames are public names the practice may use (e.g. a mascot).
	AllowNames []string `json:"allow_names"`
}

type CannedSettings struct {
	CategorySettings
	// Phrases are extra boilerplate phrases to flag (case-insensitive).
	Phrases []string `json:"phrases"`
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
	// RudePhrases are extra phrases to flag as rude.
	RudePhrases []string `json:"rude_phrases"`
}

type ConductSettings struct {
	CategorySettings
	// DefensivePhrases are extra phrases to flag in replies to complaints.
	DefensivePhrases []string `json:"defensive_phrases"`
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

// Terms are extra vocabulary a practice adds.
type Terms struct {
	Procedures  []string `json:"procedures"`
	Colloquial  []string `json:"colloquial"`
	Conditions  []string `json:"conditions"`
	Medications []string `json:"medications"`
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
