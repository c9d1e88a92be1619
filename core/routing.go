package core

// RoutingRule is a placeholder until the rule lands.
var RoutingRule = &Rule{Name: "routing", Doc: "TODO", Category: Routing, Run: func(*Pass) {}}
