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
	// when more than half of the hashes set it. The counting is bit-sliced:
	// p0…p7 hold every column's count, bit j of each count in plane pj, so
	// adding a hash to all 64 counts is a ripple of ANDs and XORs over the
	// planes. Planes are locals (registers: no closure may capture them),
	// gathered into acc before a count can pass 255.
	var acc [64]int32
	var p0, p1, p2, p3, p4, p5, p6, p7 uint64
	// The first word adds its own hash; every later word adds its hash and
	// the pair's, x and y, in one step: their sum per column is s (1) and
	// c (2), which never overlap. Words go in chunks of 126 (252 hashes),
	// flushed between chunks, so no count passes 255.
	words := d.Words
	x := words[0].Hash
	p0 = x
	for k := 1; k < len(words); {
		if k > 1 {
			gather(&acc, [8]uint64{p0, p1, p2, p3, p4, p5, p6, p7})
			p0, p1, p2, p3, p4, p5, p6, p7 = 0, 0, 0, 0, 0, 0, 0, 0
		}
		for end := min(k+126, len(words)); k < end; k++ {
			prev := x
			x = words[k].Hash
			y := Mix64(prev ^ bits.RotateLeft64(x, 17))
			s, c := x^y, x&y
			var c1, c2, c3, c4, c5, c6 uint64
			p0, c1 = halfAdd(p0, s)
			p1, c2 = halfAdd(p1, c|c1)
			p2, c3 = halfAdd(p2, c2)
			p3, c4 = halfAdd(p3, c3)
			p4, c5 = halfAdd(p4, c4)
			p5, c6 = halfAdd(p5, c5)
			p6, c = halfAdd(p6, c6)
			p7 ^= c
		}
	}
	n := int32(2*len(words) - 1)
	var out uint64
	if len(words) <= 127 {
		// One chunk, most replies: the planes hold the whole counts, so
		// compare them all with the half at once (count > n/2), from the
		// top plane down, without gathering them into acc.
		half := uint8(n / 2)
		gt, eq := uint64(0), ^uint64(0)
		for j, p := range [8]uint64{p7, p6, p5, p4, p3, p2, p1, p0} {
			if half>>(7-j)&1 != 0 {
				eq &= p
			} else {
				gt |= eq & p
				eq &^= p
			}
		}
		out = gt
	} else {
		gather(&acc, [8]uint64{p0, p1, p2, p3, p4, p5, p6, p7})
		for b := 0; b < 64; b++ {
			if 2*acc[b] > n {
				out |= 1 << b
			}
		}
	}
	if out == 0 {
		out = 1
	}
	return out
}

// gather adds the counts bit-sliced in planes p (bit j of each count in
// p[j]) to acc. Column 8b+k's count is byte b of lane k.
func gather(acc *[64]int32, p [8]uint64) {
	const lsb = 0x0101010101010101
	for k := range 8 {
		lane := p[0]>>k&lsb | (p[1]>>k&lsb)<<1 | (p[2]>>k&lsb)<<2 | (p[3]>>k&lsb)<<3 |
			(p[4]>>k&lsb)<<4 | (p[5]>>k&lsb)<<5 | (p[6]>>k&lsb)<<6 | (p[7]>>k&lsb)<<7
		for b := range 8 {
			acc[8*b+k] += int32(lane >> (8 * b) & 0xff)
		}
	}
}

// halfAdd adds the bits of c to the bits of p, 64 columns at once: the
// sum's bits and the carries.
func halfAdd(p, c uint64) (sum, carry uint64) { return p ^ c, p & c }

// FingerprintDistance is the number of differing bits.
func FingerprintDistance(a, b uint64) int { return bits.OnesCount64(a ^ b) }
