package bundle

import (
	"math/bits"
	"sync"
)

// Ed25519 signature verification (RFC 8032), written for engine.wasm's size
// budget: crypto/ed25519 links Go's FIPS module (+0.64 MB) and
// filippo.io/edwards25519 links reflect (+0.1 MB); this file adds a few KB.
// Verification handles only public data, so nothing here needs to be
// constant-time. It is tested against crypto/ed25519 (bundle_test.go).

// fe is a field element mod p = 2^255-19 in sixteen signed 16-bit limbs
// (limb i weighs 2^(16i)); products of two limbs and their sums fit in int64.
type fe [16]int64

// carry brings every limb back to [0, 2^16), folding 2^256 ≡ 38.
func (a *fe) carry() {
	for i := range 16 {
		c := a[i] >> 16
		a[i] -= c << 16
		if i < 15 {
			a[i+1] += c
		} else {
			a[0] += 38 * c
		}
	}
}

func feAdd(a, b fe) (o fe) {
	for i := range 16 {
		o[i] = a[i] + b[i]
	}
	return o
}

func feSub(a, b fe) (o fe) {
	for i := range 16 {
		o[i] = a[i] - b[i]
	}
	return o
}

func feMul(a, b fe) (o fe) {
	var t [31]int64
	for i := range 16 {
		for j := range 16 {
			t[i+j] += a[i] * b[j]
		}
	}
	for i := range 15 {
		t[i] += 38 * t[i+16]
	}
	copy(o[:], t[:16])
	o.carry()
	o.carry()
	return o
}

// fePow raises a to an exponent given by its bit length and the bits that
// are zero (every exponent used here is mostly ones).
func fePow(a fe, bitsLen int, zeros ...int) fe {
	c := a
	for i := bitsLen - 2; i >= 0; i-- {
		c = feMul(c, c)
		one := true
		for _, z := range zeros {
			if z == i {
				one = false
			}
		}
		if one {
			c = feMul(c, a)
		}
	}
	return c
}

// feInv is a^(p-2); p-2 = 2^255-21 has zero bits 2 and 4.
func feInv(a fe) fe { return fePow(a, 255, 2, 4) }

// feBytes is the canonical little-endian encoding.
func feBytes(a fe) [32]byte {
	a.carry()
	a.carry()
	a.carry()
	// Now 0 <= a < 2^256 < 3p: subtract p while a >= p.
	p := fe{0xffed, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0x7fff}
	for range 2 {
		ge := true
		for i := 15; i >= 0; i-- {
			if a[i] != p[i] {
				ge = a[i] > p[i]
				break
			}
		}
		if !ge {
			break
		}
		var borrow int64
		for i := range 16 {
			a[i] -= p[i] + borrow
			borrow = 0
			if a[i] < 0 {
				a[i] += 1 << 16
				borrow = 1
			}
		}
	}
	var out [32]byte
	for i := range 16 {
		out[2*i] = byte(a[i])
		out[2*i+1] = byte(a[i] >> 8)
	}
	return out
}

func feFromBytes(b []byte) (o fe) {
	for i := range 16 {
		o[i] = int64(b[2*i]) | int64(b[2*i+1])<<8
	}
	o[15] &= 0x7fff
	return o
}

func feEqual(a, b fe) bool { return feBytes(a) == feBytes(b) }

func feSmall(n int64) fe { return fe{n} }

// point is an extended twisted Edwards point (X:Y:Z:T), x = X/Z, y = Y/Z, xy = T/Z.
type point struct{ x, y, z, t fe }

var (
	edD, edD2, sqrtM1 fe
	basePoint         point
	identity          = point{y: feSmall(1), z: feSmall(1)}
	curveOnce         sync.Once
)

// initCurve computes the curve constants on first use, not at start-up
// (engine.wasm and each Worker request would pay for them otherwise):
// d = -121665/121666; sqrt(-1) = 2^((p-1)/4), (p-1)/4 = 2^253-5 has zero
// bit 2; B is the point with y = 4/5 and even x.
func initCurve() {
	edD = feMul(feSub(fe{}, feSmall(121665)), feInv(feSmall(121666)))
	edD2 = feAdd(edD, edD)
	sqrtM1 = fePow(feSmall(2), 253, 2)
	y := feBytes(feMul(feSmall(4), feInv(feSmall(5))))
	basePoint, _ = decodePoint(y[:])
}

// add is the unified addition for a = -1 (RFC 8032, section 5.1.4); it also
// doubles.
func add(p, q point) point {
	a := feMul(feSub(p.y, p.x), feSub(q.y, q.x))
	b := feMul(feAdd(p.y, p.x), feAdd(q.y, q.x))
	c := feMul(feMul(p.t, edD2), q.t)
	d := feMul(feAdd(p.z, p.z), q.z)
	e, f, g, h := feSub(b, a), feSub(d, c), feAdd(d, c), feAdd(b, a)
	return point{feMul(e, f), feMul(g, h), feMul(f, g), feMul(e, h)}
}

// scalarMult is [s]p for a 32-byte little-endian scalar.
func scalarMult(s []byte, p point) point {
	r := identity
	for i := 255; i >= 0; i-- {
		r = add(r, r)
		if s[i/8]>>(i%8)&1 == 1 {
			r = add(r, p)
		}
	}
	return r
}

func (p point) bytes() [32]byte {
	zi := feInv(p.z)
	x, y := feBytes(feMul(p.x, zi)), feBytes(feMul(p.y, zi))
	y[31] |= (x[0] & 1) << 7
	return y
}

// decodePoint reads a compressed point (RFC 8032, section 5.1.3); the curve
// constants must be initialised (initCurve).
func decodePoint(b []byte) (point, bool) {
	if len(b) != 32 {
		return point{}, false
	}
	y := feFromBytes(b)
	canon := feBytes(y)
	for i := range 31 {
		if canon[i] != b[i] {
			return point{}, false // y >= p
		}
	}
	if canon[31] != b[31]&0x7f {
		return point{}, false
	}
	sign := b[31] >> 7
	one := feSmall(1)
	yy := feMul(y, y)
	u, v := feSub(yy, one), feAdd(feMul(edD, yy), one)
	// x = u v^3 (u v^7)^((p-5)/8); (p-5)/8 = 2^252-3 has zero bit 1.
	v3 := feMul(feMul(v, v), v)
	x := feMul(feMul(u, v3), fePow(feMul(u, feMul(v3, feMul(v3, v))), 252, 1))
	vxx := feMul(v, feMul(x, x))
	switch {
	case feEqual(vxx, u):
	case feEqual(vxx, feSub(fe{}, u)):
		x = feMul(x, sqrtM1)
	default:
		return point{}, false
	}
	xb := feBytes(x)
	if xb == [32]byte{} && sign == 1 {
		return point{}, false
	}
	if xb[0]&1 != sign {
		x = feSub(fe{}, x)
	}
	return point{x, y, one, feMul(x, y)}, true
}

func (p point) neg() point {
	return point{feSub(fe{}, p.x), p.y, p.z, feSub(fe{}, p.t)}
}

// groupOrder is L = 2^252 + 27742317777372353535851937790883648493, as four
// little-endian 64-bit words.
var groupOrder = [4]uint64{0x5812631a5cf5d3ed, 0x14def9dea2f79cd6, 0, 0x1000000000000000}

func scalarWords(b []byte) (w [4]uint64) {
	for i := range 4 {
		for j := 7; j >= 0; j-- {
			w[i] = w[i]<<8 | uint64(b[8*i+j])
		}
	}
	return w
}

func lessThanOrder(w [4]uint64) bool {
	for i := 3; i >= 0; i-- {
		if w[i] != groupOrder[i] {
			return w[i] < groupOrder[i]
		}
	}
	return false
}

// reduce512 is a 64-byte little-endian number mod L, by shift-and-subtract.
func reduce512(h []byte) []byte {
	var r [4]uint64
	for i := 511; i >= 0; i-- {
		r[3] = r[3]<<1 | r[2]>>63
		r[2] = r[2]<<1 | r[1]>>63
		r[1] = r[1]<<1 | r[0]>>63
		r[0] = r[0]<<1 | uint64(h[i/8]>>(i%8)&1)
		if !lessThanOrder(r) {
			var borrow uint64
			for j := range 4 {
				r[j], borrow = bits.Sub64(r[j], groupOrder[j], borrow)
			}
		}
	}
	out := make([]byte, 32)
	for i := range 4 {
		putUint64le(out[8*i:], r[i])
	}
	return out
}

func putUint64le(b []byte, v uint64) {
	for i := range 8 {
		b[i] = byte(v >> (8 * i))
	}
}

// verifyEd25519 checks sig over msg (RFC 8032, section 5.1.7) with the
// cofactorless equation [S]B = R + [k]A, as crypto/ed25519 does.
func verifyEd25519(pub PublicKey, msg, sig []byte) bool {
	if len(pub) != 32 || len(sig) != 64 {
		return false
	}
	curveOnce.Do(initCurve)
	A, ok := decodePoint(pub)
	if !ok || !lessThanOrder(scalarWords(sig[32:])) {
		return false // S must be below L (no malleable signatures)
	}
	h := sum512(sig[:32], pub, msg)
	k := reduce512(h[:])
	r := add(scalarMult(sig[32:], basePoint), scalarMult(k, A.neg())).bytes()
	return string(r[:]) == string(sig[:32])
}

// validPoint reports whether b encodes a curve point.
func validPoint(b []byte) bool {
	curveOnce.Do(initCurve)
	_, ok := decodePoint(b)
	return ok
}
