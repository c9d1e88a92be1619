package core

// Result is the outcome of one check.
type Result struct {
	Findings []Finding
	// Comment describes the patient comment being answered.
	Comment CommentInfo
	// Fingerprint of the reply, for the caller's recent-reply history.
	Fingerprint uint64
}
