package core

// CommentKind is what the patient's comment is, as far as replying goes.
type CommentKind string

const (
	KindNone       CommentKind = "none" // no comment given
	KindComplaint  CommentKind = "complaint"
	KindCompliment CommentKind = "compliment"
	KindClinical   CommentKind = "clinical_question"
	KindBilling    CommentKind = "billing_question"
	KindQuestion   CommentKind = "question"
	KindLink       CommentKind = "link_share"
	KindOther      CommentKind = "other"
)

// CommentInfo is the engine's reading of the patient comment.
type CommentInfo struct {
	Kind     CommentKind
	Negative bool
	// Topics are tags such as "wait_time" or "billing" (see Topics).
	Topics []string
}

// ClassifyComment reads a patient comment. Exported because the extension's
// popup tags comments with it for recurring topics and routing.
func (c *Compiled) ClassifyComment(text string) CommentInfo {
	if text == "" {
		return CommentInfo{Kind: KindNone}
	}
	return CommentInfo{Kind: KindOther}
}
