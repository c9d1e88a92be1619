package analysis

// Config is what rules read from the practice's policy, prepared by the
// engine from the policy file. Lists the policy extends or reduces are not
// here: they reach rules through the vocabulary (lex.Extension).
type Config struct {
	Practice Practice
	// AllowNames are public names the practice may use (e.g. a mascot).
	AllowNames []string
	// NearDuplicateBits is the largest fingerprint distance that counts as
	// a near-duplicate of a recent reply (0 disables).
	NearDuplicateBits int
	Length            map[Platform]LengthLimit
	// MaxGrade above which a reading-grade hint is shown (0 disables).
	MaxGrade float64
	// Routes say who answers which comment topic.
	Routes map[string]Route
	// Severity is the policy's severity for a category.
	Severity func(Category) Severity
}

// Practice is the practice's own identity: never flagged as PHI.
type Practice struct {
	Name       string
	Phones     []string
	Emails     []string
	Websites   []string
	Addresses  []string
	StaffNames []string
	PageNames  []string
}

// LengthLimit bounds a reply on one platform.
type LengthLimit struct {
	MaxWords, MaxSentences int
}

// Route says who answers comments on a topic.
type Route struct {
	Owner    string
	Severity Severity
}
