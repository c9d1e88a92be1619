package text

import "math/bits"

// Fingerprints let the extension detect near-duplicate replies without ever
// storing reply text: a 64-bit SimHash over word pairs. Similar replies have
// fingerprints a few bits apart; the text cannot be recovered from one.

// Fingerprint computes the SimHash of a tokenised reply. Empty text has
// fingerprint 0, which never counts as a duplicate.
// It is kept on d: the engine and the canned rule both ask for it.
func Fingerprint(d *Doc) uint64 {
	if len(d.Words) == 0 {
		return 0
	}
	if !d.fpDone {
		d.fp, d.fpDone = simhash(d), true
	}
	return d.fp
}

func simhash(d *Doc) uint64 {
	// acc[b] counts set bits in column b; a column is set in the result
	// when more than half of the hashes set it. Counting goes through eight
	// byte-lane counters (lane k byte j counts bit 8j+k), eight adds per
	// hash instead of 64, flushed before any byte can overflow. The lanes
	// are locals, not an array behind a closure, so they stay in registers.
	var acc [64]int32
	var l0, l1, l2, l3, l4, l5, l6, l7 uint64
	const lsb = 0x0101010101010101
	flush := func() {
		for k, l := range [8]uint64{l0, l1, l2, l3, l4, l5, l6, l7} {
			for j := 0; j < 8; j++ {
				acc[8*j+k] += int32(l >> (8 * j) & 0xff)
			}
		}
		l0, l1, l2, l3, l4, l5, l6, l7 = 0, 0, 0, 0, 0, 0, 0, 0
	}
	// The first word adds its own hash; every later word adds its hash and
	// the pair's, x and y: both go through the lanes in one step. Words go
	// in chunks of 126 (252 hashes), flushed between chunks, so no lane byte
	// can overflow and the loop keeps no counter beyond its index.
	words := d.Words
	x := words[0].Hash
	l0, l1, l2, l3 = x&lsb, x>>1&lsb, x>>2&lsb, x>>3&lsb
	l4, l5, l6, l7 = x>>4&lsb, x>>5&lsb, x>>6&lsb, x>>7&lsb
	for k := 1; k < len(words); {
		if k > 1 {
			flush()
		}
		for end := min(k+126, len(words)); k < end; k++ {
			prev := x
			x = words[k].Hash
			y := Mix64(prev ^ bits.RotateLeft64(x, 17))
			l0 += x&lsb + y&lsb
			l1 += x>>1&lsb + y>>1&lsb
			l2 += x>>2&lsb + y>>2&lsb
			l3 += x>>3&lsb + y>>3&lsb
			l4 += x>>4&lsb + y>>4&lsb
			l5 += x>>5&lsb + y>>5&lsb
			l6 += x>>6&lsb + y>>6&lsb
			l7 += x>>7&lsb + y>>7&lsb
		}
	}
	n := int32(2*len(words) - 1)
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
