package analysis

// Category is one of the product's fixed finding categories (REPLY-RULES.md).
type Category string

const (
	PHI     Category = "phi"
	Canned  Category = "canned"
	Length  Category = "length"
	Manners Category = "manners"
	Conduct Category = "conduct"
	Routing Category = "routing"
)

// Categories lists every category in display order.
var Categories = []Category{PHI, Canned, Length, Manners, Conduct, Routing}

// Valid reports whether c is a known category.
func (c Category) Valid() bool {
	for _, k := range Categories {
		if c == k {
			return true
		}
	}
	return false
}

// Severity orders how much a finding matters. Info is a hint and never counts
// as a warning; Error may ask for a confirm before sending (policy).
type Severity string

const (
	Info    Severity = "info"
	Warning Severity = "warning"
	Error   Severity = "error"
)

// Rank orders severities: info < warning < error; unknown is -1.
func (s Severity) Rank() int {
	switch s {
	case Info:
		return 0
	case Warning:
		return 1
	case Error:
		return 2
	}
	return -1
}

// Edit is a suggested change as data: replace Text[Start:End] with NewText.
// Offsets are bytes inside core; the JSON API converts them to UTF-16.
type Edit struct {
	Start, End int
	NewText    string
}

// Finding is one problem in a reply. Start/End are byte offsets into the
// reply text (half-open). Message is lower-case without a final period.
type Finding struct {
	Rule     string
	Category Category
	Severity Severity
	Start    int
	End      int
	Message  string
	// Suggestion is a human-readable fix ("call us at …", a safe rewrite).
	Suggestion string
	// Edits, when present, apply the suggestion mechanically.
	Edits []Edit
	// Weak marks a finding made on weak evidence (a PHI frame that is often
	// a false alarm alone, a conduct cue word): where all of a reply's findings of the category
	// are weak, the learned score may demote them to info (core/scorer.go).
	// Not part of the JSON API.
	Weak bool
	// Kind is the rule's own id of the frame or kind of evidence that made
	// the finding (hipaa: its source), 0 when the rule has none: the PHI
	// span veto reads it with the rule's name (core/veto.go). Not part of
	// the JSON API.
	Kind uint8 `json:"-"`
	// Sure marks a PHI finding whose frame the labelled corpus shows as a
	// disclosure across authors and never as a false alarm (hipaa: the
	// writer's check of the person's record, "we checked your chart"):
	// the span veto leaves a reply with one as it is (core/veto.go), so a
	// friendly, generic reply around it cannot outvote it. Not part of
	// the JSON API.
	Sure bool `json:"-"`
}
