package core

// ConductRule is a placeholder until the rule lands.
var ConductRule = &Rule{Name: "conduct", Doc: "TODO", Category: Conduct, Run: func(*Pass) {}}
