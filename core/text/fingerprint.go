package text

import "math/bits"

// Fingerprints let the extension detect near-duplicate replies without ever
// storing reply text: a 64-bit SimHash over word pairs. Similar replies have
// fingerprints a few bits apart; the text cannot be recovered from one.

// Fingerprint computes the SimHash of a tokenised reply. Empty text has
// fingerprint 0, which never counts as a duplicate.
func Fingerprint(d *Doc) uint64 {
	if len(d.Words) == 0 {
		return 0
	}
	return simhash(d)
}

func simhash(d *Doc) uint64 {
	// acc[b] counts set bits in column b; a column is set in the result
	// when more than half of the hashes set it. Counting goes through eight
	// byte-lane counters (lanes[k] byte j counts bit 8j+k), eight adds per
	// hash instead of 64, flushed before any byte can overflow.
	var acc [64]int32
	var lanes [8]uint64
	n, pending := int32(0), 0
	const lsb = 0x0101010101010101
	flush := func() {
		for k := range lanes {
			for j := 0; j < 8; j++ {
				acc[8*j+k] += int32(lanes[k] >> (8 * j) & 0xff)
			}
			lanes[k] = 0
		}
		pending = 0
	}
	add := func(h uint64) {
		n++
		for k := range lanes {
			lanes[k] += h >> k & lsb
		}
		if pending++; pending == 255 {
			flush()
		}
	}
	prev := uint64(0)
	for i, w := range d.Words {
		h := w.Hash
		add(h)
		if i > 0 {
			add(Mix64(prev ^ bits.RotateLeft64(h, 17)))
		}
		prev = h
	}
	flush()
	var out uint64
	for b := 0; b < 64; b++ {
		if 2*acc[b] > n {
			out |= 1 << b
		}
	}
	if out == 0 {
		out = 1
	}
	return out
}

// FingerprintDistance is the number of differing bits.
func FingerprintDistance(a, b uint64) int { return bits.OnesCount64(a ^ b) }
