package core

// MannersRule is a placeholder until the rule lands.
var MannersRule = &Rule{Name: "manners", Doc: "TODO", Category: Manners, Run: func(*Pass) {}}
