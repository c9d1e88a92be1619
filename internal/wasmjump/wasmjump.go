// Package wasmjump turns Go's indirect jumps inside a wasm function into
// direct branches, after `go build` and before wasm-opt.
//
// Go's wasm backend compiles a function with resume points as
//
//	loop
//	  block ... block        ; one per resume point, plus one
//	    local.get 0          ; PC_B, the resume point to run
//	    br_table ...
//	  end                    ; segment 0 follows
//	  ...
//	  end                    ; segment k follows, and so on
//
// and a jump to another basic block of the same function as
// "i32.const T; local.set 0; br <the loop>": V8 runs the loop's dispatch
// for every jump. Where the block whose end starts T's segment is still open
// at the jump (a forward jump), "br <that block>" lands on the same
// instruction with the same locals, since the dispatch reads only local 0,
// which the jump has just set to T and which is still set. The pass proves
// each rewrite from the function's own bytes (the header's shape, the
// br_table entry for T, the control stack at the jump) and leaves anything
// else, backward jumps included, as it was.
package wasmjump

import (
	"errors"
	"fmt"
)

// Stats counts what Rewrite did.
type Stats struct {
	Funcs      int // function bodies read
	Dispatched int // bodies with Go's dispatch header
	Jumps      int // "i32.const; local.set 0; br <loop>" sites in those
	Rewritten  int // of which now branch straight to their segment
}

const (
	opBlock    = 0x02
	opLoop     = 0x03
	opIf       = 0x04
	opElse     = 0x05
	opEnd      = 0x0b
	opBr       = 0x0c
	opBrTable  = 0x0e
	opLocalGet = 0x20
	opLocalSet = 0x21
	opI32Const = 0x41
	blockVoid  = 0x40
	secCode    = 10
)

// Rewrite returns mod with every provable forward jump made direct.
func Rewrite(mod []byte) ([]byte, Stats, error) {
	var st Stats
	if len(mod) < 8 || string(mod[:4]) != "\x00asm" || mod[4] != 1 || mod[5]|mod[6]|mod[7] != 0 {
		return nil, st, errors.New("wasmjump: not a wasm 1 module")
	}
	out := append([]byte(nil), mod[:8]...)
	r := &reader{b: mod, p: 8}
	for r.p < len(mod) {
		id := r.byte()
		size := int(r.u32())
		if r.err != nil || r.p+size > len(mod) {
			return nil, st, errors.New("wasmjump: truncated section")
		}
		body := mod[r.p : r.p+size]
		r.p += size
		if id == secCode {
			nb, err := rewriteCode(body, &st)
			if err != nil {
				return nil, st, err
			}
			body = nb
		}
		out = append(out, id)
		out = appendU32(out, uint32(len(body)))
		out = append(out, body...)
	}
	return out, st, r.err
}

func rewriteCode(sec []byte, st *Stats) ([]byte, error) {
	r := &reader{b: sec}
	n := r.u32()
	out := appendU32(nil, n)
	for i := uint32(0); i < n; i++ {
		size := int(r.u32())
		if r.err != nil || r.p+size > len(sec) {
			return nil, fmt.Errorf("wasmjump: function %d truncated", i)
		}
		fn, err := rewriteFunc(sec[r.p:r.p+size], st)
		if err != nil {
			return nil, fmt.Errorf("wasmjump: function %d: %w", i, err)
		}
		r.p += size
		out = appendU32(out, uint32(len(fn)))
		out = append(out, fn...)
	}
	if r.err != nil || r.p != len(sec) {
		return nil, errors.New("wasmjump: malformed code section")
	}
	return out, nil
}

func rewriteFunc(fn []byte, st *Stats) ([]byte, error) {
	st.Funcs++
	r := &reader{b: fn}
	for groups := r.u32(); groups > 0 && r.err == nil; groups-- {
		r.u32()
		r.byte()
	}
	if r.err != nil {
		return nil, r.err
	}
	// Walk the body with a control stack of frame ids, numbered in order
	// of opening; stack[0] is the function's own label. hdr is set at the
	// loop that has the dispatch's shape.
	stack := []int{0}
	next := 1
	var hdr *dispatch
	type edit struct {
		at, end int // the br immediate's bytes
		depth   uint32
	}
	var edits []edit
	// lastConst: the last instruction was "i32.const constVal"; setPC: the
	// last two were "i32.const constVal; local.set 0".
	var lastConst, setPC bool
	var constVal int64
	for len(stack) > 0 && r.p < len(fn) {
		op := r.byte()
		isConst, isSet := false, false
		switch op {
		case opLoop:
			if hdr == nil {
				if h, ok := header(fn, r.p-1, next); ok {
					hdr = &h
					st.Dispatched++
				}
			}
			fallthrough
		case opBlock, opIf:
			r.blockType()
			stack = append(stack, next)
			next++
		case opEnd:
			stack = stack[:len(stack)-1]
		case opBr:
			at := r.p
			d := r.u32()
			if r.err == nil && hdr != nil && setPC && int(d) < len(stack) && stack[len(stack)-1-int(d)] == hdr.loop {
				st.Jumps++
				target := hdr.dflt
				if constVal >= 0 && constVal < int64(len(hdr.table)) {
					target = hdr.table[constVal]
				}
				// The block the dispatch would leave, if still open here.
				want := hdr.blocks[target]
				for k := len(stack) - 1; k >= 0; k-- {
					if stack[k] == want {
						edits = append(edits, edit{at, r.p, uint32(len(stack) - 1 - k)})
						break
					}
				}
			}
		case opI32Const:
			constVal = r.s64()
			isConst = true
		case opLocalSet:
			isSet = r.u32() == 0 && lastConst
		default:
			r.skipImmediates(op)
		}
		if r.err != nil {
			return nil, r.err
		}
		lastConst, setPC = isConst, isSet
	}
	if len(stack) != 0 || r.p != len(fn) {
		return nil, errors.New("body does not end with its last end")
	}
	if hdr == nil {
		return fn, nil
	}
	if len(edits) == 0 {
		return fn, nil
	}
	st.Rewritten += len(edits)
	out := make([]byte, 0, len(fn))
	last := 0
	for _, e := range edits {
		out = append(out, fn[last:e.at]...)
		out = appendU32(out, e.depth)
		last = e.end
	}
	return append(out, fn[last:]...), nil
}

// dispatch describes a function's Go dispatch header.
type dispatch struct {
	loop   int   // frame id of the loop
	blocks []int // frame id of the block at br_table depth d
	table  []int // br_table entries (depths), indexed by PC_B
	dflt   int
}

// header recognises "loop; block*n; local.get 0; br_table" at p (all
// void; Go puts it at the start of the body, inside the block its unwinding
// leaves by), where the loop will get frame id loop and its blocks the ids
// after it, and returns its frames and table. Only depths that name one of
// the blocks are accepted.
func header(fn []byte, p, loop int) (dispatch, bool) {
	var h dispatch
	r := &reader{b: fn, p: p}
	if r.byte() != opLoop || r.byte() != blockVoid {
		return h, false
	}
	h.loop = loop
	n := 0
	for r.err == nil && r.p < len(fn) && fn[r.p] == opBlock {
		r.p++
		if r.byte() != blockVoid {
			return h, false
		}
		n++
	}
	if n == 0 || r.byte() != opLocalGet || r.u32() != 0 || r.byte() != opBrTable {
		return h, false
	}
	// Block i (0 = outermost) has frame id loop+1+i; depth d names block
	// n-1-d.
	h.blocks = make([]int, n)
	for d := 0; d < n; d++ {
		h.blocks[d] = loop + n - d
	}
	cnt := r.u32()
	if r.err != nil || int(cnt) > len(fn) {
		return h, false
	}
	h.table = make([]int, cnt)
	for i := range h.table {
		d := r.u32()
		if int(d) >= n {
			return h, false
		}
		h.table[i] = int(d)
	}
	d := r.u32()
	if int(d) >= n || r.err != nil {
		return h, false
	}
	h.dflt = int(d)
	return h, r.err == nil
}

type reader struct {
	b   []byte
	p   int
	err error
}

var errTruncated = errors.New("truncated")

func (r *reader) byte() byte {
	if r.p >= len(r.b) {
		r.err = errTruncated
		return 0
	}
	c := r.b[r.p]
	r.p++
	return c
}

func (r *reader) u32() uint32 {
	var v uint32
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		v |= uint32(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
	}
	r.err = errors.New("bad LEB128")
	return 0
}

func (r *reader) s64() int64 {
	var v int64
	shift := 0
	for shift < 70 {
		c := r.byte()
		v |= int64(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v
		}
	}
	r.err = errors.New("bad LEB128")
	return 0
}

func (r *reader) skip(n int) {
	if r.p+n > len(r.b) {
		r.err = errTruncated
		return
	}
	r.p += n
}

func (r *reader) blockType() {
	c := r.byte()
	switch {
	case c == blockVoid, c >= 0x7b && c <= 0x7f, c == 0x70, c == 0x6f:
	default: // a type index, signed LEB128
		r.p--
		r.s64()
	}
}

// skipImmediates reads past op's immediates. Opcodes outside what Go's wasm
// backend and the module's enabled features use are an error, so nothing is
// rewritten on a misread.
func (r *reader) skipImmediates(op byte) {
	switch {
	case op == 0x00, op == 0x01, op == opElse, op == 0x0f, op == 0x1a, op == 0x1b,
		op >= 0x45 && op <= 0xc4, op == 0xd1:
	case op == 0x0d, op == 0x10, op >= 0x20 && op <= 0x26, op == 0xd2:
		r.u32()
	case op == opBrTable:
		for n := r.u32(); n > 0 && r.err == nil; n-- {
			r.u32()
		}
		r.u32()
	case op == 0x11: // call_indirect type table
		r.u32()
		r.u32()
	case op == 0x1c: // select with types
		r.skip(int(r.u32()))
	case op >= 0x28 && op <= 0x3e: // memarg
		r.u32()
		r.u32()
	case op == 0x3f, op == 0x40:
		r.u32()
	case op == 0x42:
		r.s64()
	case op == 0x43:
		r.skip(4)
	case op == 0x44:
		r.skip(8)
	case op == 0xd0:
		r.byte()
	case op == 0xfc:
		switch sub := r.u32(); {
		case sub <= 7:
		case sub == 8: // memory.init data mem
			r.u32()
			r.u32()
		case sub == 9, sub == 11, sub == 13, sub >= 15 && sub <= 17:
			r.u32()
		case sub == 10, sub == 12, sub == 14:
			r.u32()
			r.u32()
		default:
			r.err = fmt.Errorf("unknown opcode 0xfc %d", sub)
		}
	default:
		r.err = fmt.Errorf("unknown opcode %#x", op)
	}
}

func appendU32(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
