package core

import (
	"strings"

	"github.com/replyguard/replyguard/core/analyses/comment"
	"github.com/replyguard/replyguard/core/lex"
	"github.com/replyguard/replyguard/core/text"
)

// The comment analyzer lives in core/analyses/comment; these names keep
// package core's API.
type (
	CommentKind = comment.Kind
	CommentInfo = comment.Info
)

const (
	KindNone       = comment.None
	KindComplaint  = comment.Complaint
	KindCompliment = comment.Compliment
	KindClinical   = comment.Clinical
	KindBilling    = comment.Billing
	KindQuestion   = comment.Question
	KindLink       = comment.Link
	KindOther      = comment.Other
)

// Topics are the tags comments are sorted into (see comment.Topics).
var Topics = comment.Topics

// ClassifyComment reads a patient comment. Exported because the extension's
// popup tags comments with it for recurring topics and routing.
func (c *Compiled) ClassifyComment(s string) CommentInfo {
	if strings.TrimSpace(s) == "" {
		return CommentInfo{Kind: KindNone, Topics: []string{}}
	}
	return comment.Classify(lex.Index(nil, text.Analyze(s), c.ext))
}

func classify(d *Doc) CommentInfo { return comment.Classify(d) }
