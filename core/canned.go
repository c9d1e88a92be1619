package core

// CannedRule is a placeholder until the rule lands.
var CannedRule = &Rule{Name: "canned", Doc: "TODO", Category: Canned, Run: func(*Pass) {}}
