package core

// PHIRule is a placeholder until the rule lands.
var PHIRule = &Rule{Name: "phi", Doc: "TODO", Category: PHI, Run: func(*Pass) {}}
