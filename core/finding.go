package core

import "github.com/replyguard/replyguard/core/analysis"

// Findings and their parts are defined with the rule interface (core/analysis).
type (
	Category = analysis.Category
	Severity = analysis.Severity
	Edit     = analysis.Edit
	Finding  = analysis.Finding
	Platform = analysis.Platform
	Input    = analysis.Input
)

const (
	PHI     = analysis.PHI
	Canned  = analysis.Canned
	Length  = analysis.Length
	Manners = analysis.Manners
	Conduct = analysis.Conduct
	Routing = analysis.Routing

	Info    = analysis.Info
	Warning = analysis.Warning
	Error   = analysis.Error

	Facebook  = analysis.Facebook
	Instagram = analysis.Instagram
)

// Categories lists every category in display order.
var Categories = analysis.Categories
