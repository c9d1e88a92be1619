import test from 'node:test';
import assert from 'node:assert/strict';
import { pack, packChecked, memoryAfterStart, shortName, shortFile } from './pack-data.mjs';

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
