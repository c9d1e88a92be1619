// Package core is ReplyGuard's rule engine: it reads a practice's public reply
// to a patient (and the comment it answers) and reports findings for PHI
// disclosure, canned tone, length, manners, conduct and routing.
//
// core is pure Go: no syscall/js, no file or network I/O, and no clock reads
// inside rules, so the very same code runs natively, in the CLI and in the
// wasip1 module the browser extension loads.
package core
