// Package inflate decodes raw DEFLATE data (RFC 1951). Generated list data
// (core/vocab, core/lex/wn) is stored deflated to keep engine.wasm small;
// compress/flate would link far more than this decoder (about 440 KB), and
// only the generators, which run natively, compress.
package inflate

import "errors"

var errCorrupt = errors.New("inflate: corrupt data")

// String decodes the raw DEFLATE stream in.
func String(in string) (string, error) {
	r := reader{in: in}
	var out []byte
	for {
		last, ok := r.bits(1)
		if !ok {
			return "", errCorrupt
		}
		kind, ok := r.bits(2)
		if !ok {
			return "", errCorrupt
		}
		switch kind {
		case 0:
			out, ok = r.stored(out)
		case 1:
			out, ok = r.codes(out, &fixedLit, &fixedDist)
		case 2:
			var lit, dist huffman
			if ok = r.dynamic(&lit, &dist); ok {
				out, ok = r.codes(out, &lit, &dist)
			}
		default:
			ok = false
		}
		if !ok {
			return "", errCorrupt
		}
		if last == 1 {
			return string(out), nil
		}
	}
}

// reader takes bits from in, least significant first.
type reader struct {
	in    string
	pos   int
	buf   uint32
	nbits uint
}

func (r *reader) bits(n uint) (uint32, bool) {
	for r.nbits < n {
		if r.pos >= len(r.in) {
			return 0, false
		}
		r.buf |= uint32(r.in[r.pos]) << r.nbits
		r.pos++
		r.nbits += 8
	}
	v := r.buf & (1<<n - 1)
	r.buf >>= n
	r.nbits -= n
	return v, true
}

// stored copies a block kept as is: the rest of the current byte is
// padding, then its length and the length's complement.
func (r *reader) stored(out []byte) ([]byte, bool) {
	r.buf, r.nbits = 0, 0
	if r.pos+4 > len(r.in) {
		return out, false
	}
	n := int(r.in[r.pos]) | int(r.in[r.pos+1])<<8
	if n^0xffff != int(r.in[r.pos+2])|int(r.in[r.pos+3])<<8 || r.pos+4+n > len(r.in) {
		return out, false
	}
	out = append(out, r.in[r.pos+4:r.pos+4+n]...)
	r.pos += 4 + n
	return out, true
}

// huffman is a canonical code: how many codes have each length, and the
// symbols in code order.
type huffman struct {
	count  [16]uint16
	symbol []uint16
}

// build makes the canonical code for the code lengths of symbols 0..n-1
// (0: unused); it fails when the lengths promise more codes than exist.
func (h *huffman) build(lengths []uint8) bool {
	h.count = [16]uint16{}
	for _, l := range lengths {
		h.count[l]++
	}
	left := 1
	for l := 1; l < 16; l++ {
		left = left<<1 - int(h.count[l])
		if left < 0 {
			return false
		}
	}
	var offs [16]uint16
	for l := 1; l < 15; l++ {
		offs[l+1] = offs[l] + h.count[l]
	}
	h.symbol = make([]uint16, len(lengths))
	for s, l := range lengths {
		if l != 0 {
			h.symbol[offs[l]] = uint16(s)
			offs[l]++
		}
	}
	return true
}

// decode reads one symbol, a bit at a time: codes of each length are
// consecutive numbers, so a code is known by its distance from the first.
func (r *reader) decode(h *huffman) (int, bool) {
	code, first, index := 0, 0, 0
	for l := 1; l < 16; l++ {
		b, ok := r.bits(1)
		if !ok {
			return 0, false
		}
		code |= int(b)
		if n := int(h.count[l]); code-first < n {
			return int(h.symbol[index+code-first]), true
		} else {
			index += n
			first = (first + n) << 1
			code <<= 1
		}
	}
	return 0, false
}

// Length and distance codes: a base and extra bits each (RFC 1951 3.2.5).
var lenBase, lenExtra, distBase, distExtra [30]uint16

// Fixed codes (RFC 1951 3.2.6).
var fixedLit, fixedDist huffman

func init() {
	lenBase[0] = 3
	for c := 0; c < 28; c++ {
		if c >= 8 {
			lenExtra[c] = uint16(c-4) / 4
		}
		lenBase[c+1] = lenBase[c] + 1<<lenExtra[c]
	}
	lenBase[28], lenExtra[28] = 258, 0
	distBase[0] = 1
	for c := 0; c < 29; c++ {
		if c >= 4 {
			distExtra[c] = uint16(c-2) / 2
		}
		distBase[c+1] = distBase[c] + 1<<distExtra[c]
	}
	distExtra[29] = 13
	var l [288]uint8
	for s := range l {
		switch {
		case s < 144:
			l[s] = 8
		case s < 256:
			l[s] = 9
		case s < 280:
			l[s] = 7
		default:
			l[s] = 8
		}
	}
	fixedLit.build(l[:])
	var d [30]uint8
	for s := range d {
		d[s] = 5
	}
	fixedDist.build(d[:])
}

// order is the order of the code length code's lengths.
var order = [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// dynamic reads a block's own codes.
func (r *reader) dynamic(lit, dist *huffman) bool {
	nlit, ok1 := r.bits(5)
	ndist, ok2 := r.bits(5)
	ncode, ok3 := r.bits(4)
	if !ok1 || !ok2 || !ok3 || nlit > 29 || ndist > 29 {
		return false
	}
	nl, nd := int(nlit)+257, int(ndist)+1
	var cl [19]uint8
	for i := 0; i < int(ncode)+4; i++ {
		v, ok := r.bits(3)
		if !ok {
			return false
		}
		cl[order[i]] = uint8(v)
	}
	var lencode huffman
	if !lencode.build(cl[:]) {
		return false
	}
	lengths := make([]uint8, nl+nd)
	for i := 0; i < len(lengths); {
		s, ok := r.decode(&lencode)
		if !ok {
			return false
		}
		if s < 16 {
			lengths[i] = uint8(s)
			i++
			continue
		}
		var v uint8
		var n uint32
		switch s {
		case 16:
			if i == 0 {
				return false
			}
			v = lengths[i-1]
			n, ok = r.bits(2)
			n += 3
		case 17:
			n, ok = r.bits(3)
			n += 3
		default:
			n, ok = r.bits(7)
			n += 11
		}
		if !ok || i+int(n) > len(lengths) {
			return false
		}
		for ; n > 0; n-- {
			lengths[i] = v
			i++
		}
	}
	return lengths[256] != 0 && lit.build(lengths[:nl]) && dist.build(lengths[nl:])
}

// codes decodes literals and back-references up to the end of the block.
func (r *reader) codes(out []byte, lit, dist *huffman) ([]byte, bool) {
	for {
		s, ok := r.decode(lit)
		if !ok {
			return out, false
		}
		switch {
		case s < 256:
			out = append(out, byte(s))
			continue
		case s == 256:
			return out, true
		case s > 285:
			return out, false
		}
		s -= 257
		e, ok := r.bits(uint(lenExtra[s]))
		if !ok {
			return out, false
		}
		n := int(lenBase[s]) + int(e)
		d, ok := r.decode(dist)
		if !ok || d > 29 {
			return out, false
		}
		e, ok = r.bits(uint(distExtra[d]))
		if !ok {
			return out, false
		}
		back := int(distBase[d]) + int(e)
		if back > len(out) {
			return out, false
		}
		// Byte by byte: a copy may overlap what it writes.
		for from := len(out) - back; n > 0; n-- {
			out = append(out, out[from])
			from++
		}
	}
}
