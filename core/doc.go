// Package core is ReplyGuard's rule engine: it reads a practice's public reply
// to a patient (and the comment it answers) and reports findings for PHI
// disclosure, canned tone, length, manners, conduct and routing.
//
// core is pure Go: no syscall/js, no file or network I/O, and no clock reads
// inside rules, so the very same code runs natively, in the CLI and in the
// wasip1 module the browser extension loads.
//
// Package core is the driver: it tokenises the reply and comment once
// (core/text), walks them once through every vocabulary list (core/lex),
// runs the analyzers (core/analyses) in dependency order and then every
// enabled rule (core/rules/*, registered in rule.go), all through the
// interface of core/analysis.
package core
