import test from 'node:test';
import assert from 'node:assert/strict';
import { pack, packChecked, memoryAfterStart, shortName, shortFile, runtimeTablesDiffer } from './pack-data.mjs';

const leb = (n) => { const o = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; o.push(b); } while (n); return o; };
const sleb = (n) => { const o = []; for (;;) { const b = n & 0x7f; n >>= 7; if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) { o.push(b); return o; } o.push(b | 0x80); } };
const str = (s) => [...leb(s.length), ...Buffer.from(s)];
const sec = (id, body) => [id, ...leb(body.length), ...body];
const vec = (items) => [...leb(items.length), ...items.flat()];

// A module shaped like Go's: an imported function, an exported memory and
// function, and data segments given as [offset, bytes]; flag 1 makes a
// passive segment.
function module(segments, { flag = 0 } = {}) {
  return new Uint8Array([
    0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...sec(1, vec([[0x60, 0, 1, 0x7f]])), // () -> i32 only: the packer adds () -> ()
    ...sec(2, vec([[...str('env'), ...str('f'), 0, 0]])),
    ...sec(3, vec([[0]])),
    ...sec(5, vec([[0, 2]])),
    ...sec(7, vec([[...str('memory'), 2, 0], [...str('answer'), 0, 1]])),
    ...sec(10, vec([[4, 0, 0x41, 42, 0x0b]])),
    ...sec(11, vec(segments.map(([off, bytes]) => (flag ? [1, ...leb(bytes.length), ...bytes] : [0, 0x41, ...sleb(off), 0x0b, ...leb(bytes.length), ...bytes])))),
  ]);
}

// Like Go's function table: an entry every 20 bytes whose only non-zero
// bytes are the low ones of a counter (a zero low byte leaves one byte, at
// +1), between ordinary segments.
function goLike() {
  const segs = [[16, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]], [0x6000, [0xff]]];
  for (let k = 4; k < 600; k++) {
    const v = 3 * k;
    segs.push((v & 0xff) === 0 ? [0x1000 + 20 * k + 1, [v >> 8]] : [0x1000 + 20 * k, v > 0xff ? [v & 0xff, v >> 8] : [v]]);
  }
  segs.push([0x5000, Array.from({ length: 40 }, (_, i) => i + 1)]);
  return module(segs.sort((a, b) => a[0] - b[0]));
}

// segsOf returns a test module's active data segments as [offset, bytes].
function segsOf(bytes) {
  let p = 8;
  const u = () => { let r = 0, sh = 0, b; do { b = bytes[p++]; r += (b & 0x7f) * 2 ** sh; sh += 7; } while (b & 0x80); return r; };
  const sl = () => { let r = 0, sh = 0, b; do { b = bytes[p++]; r |= (b & 0x7f) << sh; sh += 7; } while (b & 0x80); return sh < 32 && b & 0x40 ? r | (-1 << sh) : r; };
  const out = [];
  while (p < bytes.length) {
    const id = bytes[p++], size = u(), end = p + size;
    if (id === 11) for (let n = u(); n > 0; n--) { p++; p++; const off = sl(); p++; const len = u(); out.push([off, [...bytes.subarray(p, p + len)]]); p += len; }
    p = end;
  }
  return out;
}

test('a strided run of segments becomes one passive segment, same memory at start', async () => {
  const input = goLike();
  const res = await packChecked(input); // compares both modules' memory
  assert.equal(res.regions.length, 1);
  assert.deepEqual({ ...res.regions[0] }, { base: 0x1000 + 80, stride: 20, win: 2, windows: 596, segments: 596, src: 0 });
  assert.ok(res.bytes.length < input.length / 2, `${res.bytes.length} bytes, from ${input.length}`);
  const mem = await memoryAfterStart(res.bytes);
  assert.deepEqual([...mem.subarray(0x1000 + 20 * 5, 0x1000 + 20 * 5 + 3)], [15, 0, 0]);
  assert.deepEqual([...mem.subarray(0x1000 + 20 * 256, 0x1000 + 20 * 256 + 3)], [0, 3, 0]); // 768
  assert.deepEqual([...mem.subarray(0x1000 + 20 * 599, 0x1000 + 20 * 599 + 3)], [1797 & 0xff, 1797 >> 8, 0]);
  assert.equal(mem[2 * 65536 - 1], 0, 'the scratch copy is zeroed again');
  // Function indices still hold: the exported function is the same one.
  const inst = await WebAssembly.instantiate(await WebAssembly.compile(res.bytes), { env: { f: () => 0 } });
  assert.equal(inst.exports.answer(), 42);
});

test('a strided run that counts, as Go\'s findfunctab on wasm does, is computed: no payload', async () => {
  // Entry k (20 bytes) holds k >> 4, as a function spans 16 buckets; zeros
  // need no segment, and a zero low byte leaves the high one alone.
  const segs = [[16, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]]];
  for (let k = 16; k < 5000; k++) {
    const v = k >> 4;
    segs.push((v & 0xff) === 0 ? [0x1000 + 20 * k + 1, [v >> 8]] : [0x1000 + 20 * k, v > 0xff ? [v & 0xff, v >> 8] : [v]]);
  }
  const input = module(segs);
  const res = await packChecked(input); // compares both modules' memory
  assert.equal(res.regions.length, 1);
  assert.deepEqual(res.regions[0].counter, { from: 1, every: 16, skew: 0 });
  assert.ok(res.bytes.length < 400, `${res.bytes.length} bytes, from ${input.length}`);
  const mem = await memoryAfterStart(res.bytes);
  assert.deepEqual([...mem.subarray(0x1000 + 20 * 4099, 0x1000 + 20 * 4099 + 4)], [0, 1, 0, 0]); // 256
  assert.deepEqual([...mem.subarray(0x1000 + 20 * 4999, 0x1000 + 20 * 4999 + 4)], [312 & 0xff, 312 >> 8, 0, 0]);
});

test('other segments become a sparse stream the start function writes out, same memory at start', async () => {
  // goLike's strided run, plus 300 scattered segments with short zero runs
  // inside: as active segments each costs a header of seven bytes or so.
  const segs = [];
  for (let k = 0; k < 300; k++) segs.push([0x8000 + 37 * k + (k % 5), [k & 0xff, 0, 0, 1 + (k % 7), 0, 9]]);
  // and a table of records that repeat each other but for one byte, which
  // the stream copies from the one before rather than storing
  const rec = (k) => [...'record-of-a-table'].map((ch) => ch.charCodeAt(0)).concat([k + 1, 7, 7, 7]);
  segs.push([0xa000, Array.from({ length: 40 }, (_, k) => rec(k)).flat()]);
  const base = goLike();
  const input = module([...segsOf(base), ...segs].sort((a, b) => a[0] - b[0]));
  const res = await packChecked(input); // compares both modules' memory
  assert.equal(res.sparse.segments, 304);
  assert.ok(res.sparse.copies >= 39, `${res.sparse.copies} copies`);
  assert.ok(res.sparse.records > 303, `${res.sparse.records} records`); // the inner zero runs are skipped
  // Six bytes and a seven-byte header each as active segments; here two or
  // three records of two-byte headers and four bytes of data; the table's
  // 840 bytes in ~21 and a few bytes per record after the first.
  assert.ok(res.sparse.bytes < 300 * 9 + 21 + 39 * 8, `${res.sparse.bytes} bytes of stream`);
  const mem = await memoryAfterStart(res.bytes);
  assert.deepEqual([...mem.subarray(0x8000 + 37 * 12 + 2, 0x8000 + 37 * 12 + 8)], [12, 0, 0, 6, 0, 9]);
  assert.deepEqual([...mem.subarray(0xa000 + 21 * 30, 0xa000 + 21 * 31)], rec(30));
  assert.equal(mem[2 * 65536 - 1], 0, 'the scratch copy is zeroed again');
});

test('a module without a strided run is left as it was', () => {
  const input = module([[16, [1, 2, 3]], [400, [4, 5]], [9000, [6]]]);
  const res = pack(input);
  assert.equal(res.bytes, input);
  assert.equal(res.regions.length, 0);
});

test('a passive segment is refused, not renumbered', () => {
  assert.throws(() => pack(module([[0, [1, 2]]], { flag: 1 })), /data segment 0 is not an active segment/);
});

test('the packed module fails the check when its memory would differ', async () => {
  const res = pack(goLike());
  const broken = Uint8Array.from(res.bytes);
  broken[broken.length - 1] ^= 0xff; // the payload's last byte
  const [a, b] = await Promise.all([memoryAfterStart(goLike()), memoryAfterStart(broken)]);
  assert.notDeepEqual(a, b);
});

// Go's pcHeader (magic, pointer size 8, then offsets from the header) with
// a function name table and a file name table behind it.
function withNames(funcs, files) {
  const enc = (names) => [...Buffer.from(names.join('\0') + '\0', 'latin1')];
  const fn = enc(funcs), fl = enc(files);
  const h = new Uint8Array(72);
  const dv = new DataView(h.buffer);
  dv.setUint32(0, 0xfffffff1, true);
  h[7] = 8;
  dv.setBigUint64(32, 72n, true); // funcnameOffset
  dv.setBigUint64(40, BigInt(72 + fn.length), true); // cuOffset
  dv.setBigUint64(48, BigInt(72 + fn.length), true); // filetabOffset
  dv.setBigUint64(56, BigInt(72 + fn.length + fl.length), true); // pctabOffset
  return [...h, ...fn, ...fl, 7, 7, 7, 7];
}

test('function and file names lose their import path, in place; names the runtime tests are kept', async () => {
  const funcs = [
    'github.com/replyguard/replyguard/core/rules/hipaa.(*phiPass).nameHits',
    'runtime.gcStart',
    'internal/runtime/maps.(*Map).Get',
    'reflect.makeFuncStub',
    'slices.Insert[go.shape.[]github.com/replyguard/replyguard/core/text.Span,go.shape.int]',
    'github.com/replyguard/replyguard/core.(*freeList[go.shape.2bc72eea]).Put',
    'type:.eq.github.com/replyguard/replyguard/core/lex.Span',
    'main.main',
  ];
  const files = ['runtime/proc.go', 'github.com/replyguard/replyguard/core/rules/hipaa/frames.go', 'internal/runtime/maps/map.go'];
  assert.deepEqual(funcs.map(shortName), [
    'hipaa.(*phiPass).nameHits', // panicwrap still finds "pkg.(*T).M"
    'runtime.gcStart',
    'internal/runtime/maps.(*Map).Get',
    'reflect.makeFuncStub',
    'slices.Insert[...]', // as tracebacks print it
    'core.(*freeList[...]).Put',
    'type:.eq.lex.Span',
    'main.main',
  ]);
  assert.deepEqual(files.map(shortFile), ['runtime/proc.go', 'hipaa/frames.go', 'maps/map.go']);

  const data = withNames(funcs, files);
  const input = module([[0x100, data]]);
  const res = await packChecked(input); // the memory check allows exactly the shortened names
  assert.ok(res.freed > 150, `freed ${res.freed}`);
  assert.ok(res.bytes.length < input.length - 100, `${res.bytes.length} bytes, from ${input.length}`);
  const mem = await memoryAfterStart(res.bytes);
  const names = (off, n) => Buffer.from(mem.subarray(0x100 + off, 0x100 + off + n)).toString('latin1').split('\0').filter(Boolean);
  const fnLen = funcs.join('\0').length + 1;
  assert.deepEqual(names(72, fnLen), funcs.map(shortName));
  // Each name starts where it did: the runtime finds names by offset.
  let off = 72;
  for (const f of funcs) {
    assert.equal(Buffer.from(mem.subarray(0x100 + off, 0x100 + off + shortName(f).length)).toString('latin1'), shortName(f));
    off += f.length + 1;
  }
  assert.deepEqual(names(72 + fnLen, files.join('\0').length + 1), files.map(shortFile));
});

// A pclntab as Go's linker lays it out: pcHeader, function names, the
// compilation unit table, file names, the pc-value tables (offset 0 means
// none), then the function lookup table and two function records (44
// bytes, then one pcdata and one funcdata offset each). The linker shares
// equal tables: both functions use one pcsp and one pcdata table, and the
// second's line table is that pcdata table.
function withLineTables() {
  const mem = new Uint8Array(248);
  const dv = new DataView(mem.buffer);
  dv.setUint32(0, 0xfffffff1, true);
  mem[7] = 8;
  const header = { 8: 2, 16: 2, 32: 72, 40: 80, 48: 88, 56: 98, 64: 120 }; // nfunc, nfiles, then offsets
  for (const [at, v] of Object.entries(header)) dv.setBigUint64(Number(at), BigInt(v), true);
  mem.set(Buffer.from('a.f\0b.g\0', 'latin1'), 72);
  dv.setUint32(80, 0, true); dv.setUint32(84, 5, true); // cutab
  mem.set(Buffer.from('a.go\0b.go\0', 'latin1'), 88);
  const tables = { pcsp: [1, [2, 4, 6, 8, 0]], pcfile: [6, [2, 16, 0]], pcln: [9, [22, 4, 4, 12, 0]], pcdata: [14, [1, 16, 0]], pcfile2: [17, [4, 16, 0]] };
  for (const [off, bytes] of Object.values(tables)) mem.set(bytes, 98 + off);
  const records = [[0, 24, tables.pcfile[0], tables.pcln[0]], [100, 76, tables.pcfile2[0], tables.pcdata[0]]];
  records.forEach(([entry, funcoff, pcfile, pcln], i) => {
    dv.setUint32(120 + 8 * i, entry, true); dv.setUint32(124 + 8 * i, funcoff, true);
    const f = 120 + funcoff;
    dv.setUint32(f, entry, true); dv.setUint32(f + 4, 4 * i, true); // entryOff, nameOff
    dv.setUint32(f + 16, tables.pcsp[0], true); dv.setUint32(f + 20, pcfile, true); dv.setUint32(f + 24, pcln, true);
    dv.setUint32(f + 28, 1, true); dv.setUint32(f + 32, 0, true); dv.setInt32(f + 36, 10 + i, true); // npcdata, cuOffset, startLine
    mem[f + 43] = 1; // nfuncdata
    dv.setUint32(f + 44, tables.pcdata[0], true); dv.setUint32(f + 48, 7, true);
  });
  dv.setUint32(136, 200, true); // the lookup table's end entry
  return { mem, tables };
}

test('line and file tables are dropped; the tables stacks and the GC read move together, byte for byte', async () => {
  const { mem, tables } = withLineTables();
  const input = module([[0x100, [...mem]]]);
  const res = await packChecked(input); // checks the runtime's tables and the intended difference
  assert.equal(res.zeroed, 17); // cutab 1, file names 8, line and file tables 8
  const out = (await memoryAfterStart(res.bytes)).subarray(0x100, 0x100 + mem.length);
  const dv = new DataView(out.buffer, out.byteOffset, out.length);
  // The pcsp table (offset 1, 5 bytes) stays first; the pcdata table moves
  // from 14 to 6, after it; everything else in pctab is zeros.
  const pctab = [...out.subarray(98, 120)];
  assert.deepEqual(pctab, [0, ...tables.pcsp[1], ...tables.pcdata[1], ...new Array(13).fill(0)]);
  for (const f of [144, 196]) {
    assert.deepEqual([dv.getUint32(f + 16, true), dv.getUint32(f + 20, true), dv.getUint32(f + 24, true)], [1, 0, 0], 'pcsp, pcfile, pcln');
    assert.equal(dv.getUint32(f + 44, true), 6, 'pcdata');
    assert.deepEqual([...out.subarray(f, f + 16)], [...mem.subarray(f, f + 16)]);
    assert.deepEqual([...out.subarray(f + 28, f + 32)], [...mem.subarray(f + 28, f + 32)], 'npcdata');
    assert.deepEqual([...out.subarray(f + 32, f + 40)], new Array(8).fill(0), 'cuOffset, startLine');
    assert.deepEqual([...out.subarray(f + 40, f + 44)], [...mem.subarray(f + 40, f + 44)], 'funcID, flag, nfuncdata');
    assert.deepEqual([...out.subarray(f + 48, f + 52)], [...mem.subarray(f + 48, f + 52)]);
  }
  assert.deepEqual([...out.subarray(80, 98)], new Array(18).fill(0), 'cutab and file names');
  assert.deepEqual([...out.subarray(0, 80)], [...mem.subarray(0, 80)], 'header and function names');
  assert.equal(runtimeTablesDiffer(mem, out), '');
  for (const at of [98 + 2, 98 + 7, 144 + 16, 196 + 44, 196 + 48, 120 + 12, 144 + 40]) { // a pcsp byte, a pcdata byte, a pcsp offset, a pcdata offset, a funcdata offset, the lookup table, a funcID
    const broken = Uint8Array.from(out);
    broken[at] ^= 1;
    assert.notEqual(runtimeTablesDiffer(mem, broken), '', `a change at ${at}`);
  }
});

// Two function records (three pcdata and four funcdata offsets each) whose
// first has an inline tree of two calls (funcdata 3, 16 bytes a call) and
// the pcdata table that indexes it (pcdata 2); the moduledata after them
// points at the pcHeader, the name table and go:func.* (gofunc, +320).
// The fixture sits at 0x100 in memory; moduledata holds addresses.
function withInlineTree() {
  const base = 0x100, mem = new Uint8Array(720);
  const dv = new DataView(mem.buffer);
  dv.setUint32(0, 0xfffffff1, true);
  mem[7] = 8;
  const header = { 8: 2, 16: 1, 32: 72, 40: 96, 48: 100, 56: 104, 64: 160 };
  for (const [at, v] of Object.entries(header)) dv.setBigUint64(Number(at), BigInt(v), true);
  mem.set(Buffer.from('a.f\0b.g\0c.h\0d.i\0', 'latin1'), 72); // c.h only inlined
  mem.set(Buffer.from('x\0', 'latin1'), 100);
  const tables = { pcsp: [1, [2, 4, 0]], inl: [4, [2, 4, 2, 4, 0]], stackmap: [9, [2, 8, 0]] };
  for (const [off, bytes] of Object.values(tables)) mem.set(bytes, 104 + off);
  const gofunc = 336;
  [[0, 24, 0], [100, 96, 40]].forEach(([entry, funcoff, args], i) => {
    dv.setUint32(160 + 8 * i, entry, true); dv.setUint32(164 + 8 * i, funcoff, true);
    const f = 160 + funcoff;
    dv.setUint32(f, entry, true); dv.setUint32(f + 4, 4 * i, true);
    dv.setUint32(f + 16, tables.pcsp[0], true);
    dv.setUint32(f + 28, 3, true); mem[f + 43] = 4; // npcdata, nfuncdata
    dv.setUint32(f + 48, tables.stackmap[0], true); dv.setUint32(f + 52, i === 0 ? tables.inl[0] : 0, true);
    dv.setUint32(f + 56, args, true); dv.setUint32(f + 60, 0xffffffff, true); dv.setUint32(f + 64, 0xffffffff, true);
    dv.setUint32(f + 68, i === 0 ? 8 : 0xffffffff, true);
    mem.set([1, 0, 0, 0, 3, 0, 0, 0], gofunc + args); // an argument pointer map
  });
  dv.setUint32(176, 200, true); // the lookup table's end entry
  const calls = [[8, 0, 5], [4, 4, 7]]; // name, parent pc, start line
  calls.forEach(([name, parent, line], k) => { const c = gofunc + 8 + 16 * k; dv.setUint32(c + 4, name, true); dv.setUint32(c + 8, parent, true); dv.setUint32(c + 12, line, true); });
  dv.setBigUint64(384, BigInt(base), true); dv.setBigUint64(392, BigInt(base + 72), true); dv.setBigUint64(384 + 320, BigInt(base + gofunc), true);
  return { mem, tables, gofunc };
}

test('inline trees and their index tables are dropped; other funcdata and stack tables stay, byte for byte', async () => {
  const { mem, tables, gofunc } = withInlineTree();
  const input = module([[0x100, [...mem]]]);
  const res = await packChecked(input);
  assert.equal(res.inlined.trees, 1);
  const out = (await memoryAfterStart(res.bytes)).subarray(0x100, 0x100 + mem.length);
  const dv = new DataView(out.buffer, out.byteOffset, out.length);
  const f0 = 184, f1 = 256;
  assert.equal(dv.getUint32(f0 + 68, true), 0xffffffff, 'no tree');
  assert.equal(dv.getUint32(f0 + 52, true), 0, 'no tree index table');
  assert.deepEqual([...out.subarray(gofunc + 8, gofunc + 40)], new Array(32).fill(0), 'the tree is zeros');
  assert.deepEqual([...out.subarray(gofunc, gofunc + 8)], [...mem.subarray(gofunc, gofunc + 8)]);
  assert.deepEqual([...out.subarray(gofunc + 40, gofunc + 48)], [...mem.subarray(gofunc + 40, gofunc + 48)]);
  assert.equal(Buffer.from(out.subarray(72, 88)).toString('latin1'), 'a.f\0b.g\0\0\0\0\0d.i\0', 'only the inlined-only name goes');
  assert.equal(dv.getUint32(f1 + 68, true), 0xffffffff);
  assert.equal(runtimeTablesDiffer(mem, out), '');
  for (const at of [f0 + 56, f0 + 48, f1 + 56, 104 + tables.pcsp[0]]) { // a funcdata offset, a stack map index offset, another funcdata offset, a pcsp byte
    const broken = Uint8Array.from(out);
    broken[at] ^= 1;
    assert.notEqual(runtimeTablesDiffer(mem, broken), '', `a change at ${at}`);
  }
});
