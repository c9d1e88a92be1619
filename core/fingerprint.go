package core

import "github.com/replyguard/replyguard/core/text"

// Fingerprints let the extension detect near-duplicate replies without ever
// storing reply text (see text.Fingerprint).

// Fingerprint computes the fingerprint of raw text.
func Fingerprint(s string) uint64 { return text.Fingerprint(text.Analyze(s)) }

// FingerprintDistance is the number of differing bits.
func FingerprintDistance(a, b uint64) int { return text.FingerprintDistance(a, b) }
