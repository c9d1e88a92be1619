package core

// LengthRule is a placeholder until the rule lands.
var LengthRule = &Rule{Name: "length", Doc: "TODO", Category: Length, Run: func(*Pass) {}}
