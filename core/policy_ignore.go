package core

// IgnoreAlways is how far staff may silence a finding for the whole practice
// with "Ignore always". The engine does not use it (the extension applies the
// list); it lives in the policy so a manager decides it in one place.
type IgnoreAlways struct {
	// AllowErrors offers "Ignore always" on error findings too (PHI first of
	// all); off, an error can only be ignored once, in the reply at hand.
	AllowErrors bool `json:"allow_errors"`
	// ExpireDays is how long an entry lasts before the finding shows again.
	ExpireDays int `json:"expire_days"`
}
