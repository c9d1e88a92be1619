// A trap inside the module must not brick the engine: engine.js drops the
// crashed instance and starts a fresh one on the next call, with the last
// accepted policy. A tiny hand-assembled module stands in for engine.wasm so
// that check() can be made to trap on demand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadEngine } from './engine.js';

// Minimal WebAssembly binary encoding, enough for a few constant functions.
const u32 = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const i64 = (n) => {
  const out = [];
  for (;;) {
    const b = Number(n & 0x7fn);
    n >>= 7n;
    if ((n === 0n && !(b & 0x40)) || (n === -1n && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};
const vec = (items) => [...u32(items.length), ...items.flat()];
const section = (id, body) => [id, ...u32(body.length), ...body];
const str = (s) => vec([...new TextEncoder().encode(s)].map((b) => [b]));
const [I32, I64] = [0x7f, 0x7e];

const texts = {
  checked: [4096, '{"findings":[],"comment":{"kind":"none","negative":false,"topics":[]},"fingerprint":"0000000000000000"}'],
  policy: [2048, '{"ok":true,"name":"P","version":"1"}'], version: [3072, '{"abi":1,"go":"fake","policy":{"name":"P","version":"1"}}'] };
const packed = ([ptr, s]) => (BigInt(ptr) << 32n) | BigInt(s.length);
// check_compact's answer (wasm/compact.go): a header (flags: tables reset;
// words at 5200, 6 of them; strings at 5300, 4 bytes), then no findings,
// the comment kind "none" as a new string, not negative, no topics, and a
// zero fingerprint.
const le32 = (v) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];
const compact = [
  [5120, [2, 5200, 6, 5300, 4].flatMap(le32)],
  [5200, [0, (4 << 2) | 1, 0, 0, 0, 0].flatMap(le32)],
  [5300, [...new TextEncoder().encode('none')]],
];

// [name, params, results, body]
const funcs = [
  ['_initialize', [], [], []],
  ['alloc', [I32], [I32], [0x41, ...u32(1024)]], // i32.const 1024
  ['free', [I32], [], []],
  // The first check of each instance traps (global 0 starts armed at 1);
  // later checks on the same instance would succeed.
  ['check', [I32, I32], [I64], [0x23, 0, 0x04, 0x40, 0x41, 0, 0x24, 0, 0x00, 0x0b, 0x42, ...i64(packed(texts.checked))]],
  ['input', [I32], [I32], [0x41, ...u32(1024)]],
  ['check_compact', [I32, I32, I32, I32, I32], [I32], [0x23, 0, 0x04, 0x40, 0x41, 0, 0x24, 0, 0x00, 0x0b, 0x41, ...u32(5120)]],
  ['set_policy', [I32, I32], [I64], [0x42, ...i64(packed(texts.policy))]],
  ['version', [], [I64], [0x42, ...i64(packed(texts.version))]],
  // live_buffers also disarms the instance, so a test can get one that answers.
  ['live_buffers', [], [I32], [0x41, 0, 0x24, 0, 0x41, 0]],
];

function fakeModule() {
  const types = funcs.map(([, p, r]) => [0x60, ...vec(p.map((t) => [t])), ...vec(r.map((t) => [t]))]);
  const exportsSec = [
    ...funcs.map(([name], i) => [...str(name), 0x00, ...u32(i)]),
    [...str('memory'), 0x02, 0],
  ];
  const data = [
    ...Object.values(texts).map(([ptr, s]) => [0, 0x41, ...u32(ptr), 0x0b, ...str(s)]),
    ...compact.map(([ptr, b]) => [0, 0x41, ...u32(ptr), 0x0b, ...vec(b.map((x) => [x]))]),
  ];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, vec(types)),
    ...section(3, vec(funcs.map((_, i) => u32(i)))),
    ...section(5, vec([[0x00, 1]])), // one page of memory
    ...section(6, vec([[I32, 0x01, 0x41, 1, 0x0b]])), // mutable i32 "armed" = 1
    ...section(7, vec(exportsSec)),
    ...section(10, vec(funcs.map(([, , , body]) => { const b = [0, ...body, 0x0b]; return [...u32(b.length), ...b]; }))),
    ...section(11, vec(data)),
  ];
  return new WebAssembly.Module(new Uint8Array(bytes));
}

test('a trap becomes an Error and the next call runs on a fresh instance', async () => {
  const engine = await loadEngine(fakeModule());
  assert.equal(engine.setPolicy('{"name":"P"}').ok, true);
  assert.throws(() => engine.check({ text: 'hi' }), /replyguard engine: check crashed/);
  assert.deepEqual(engine.version().policy, { name: 'P', version: '1' });
  // Only a fresh instance is armed again: the old one would have answered.
  assert.throws(() => engine.check({ text: 'again' }), /crashed/);
  assert.equal(engine.liveBuffers(), 0);

  // The same module answers normally once disarmed, so the trap is the only
  // thing the assertions above observe.
  const direct = new WebAssembly.Instance(fakeModule(), {});
  assert.throws(() => direct.exports.check(0, 0), WebAssembly.RuntimeError);
  assert.equal(direct.exports.check(0, 0), packed(texts.checked));
  assert.equal(direct.exports.check_compact(0, 0, 0, 0, 0), 5120);
});

test('the compact path decodes the answer of a fresh instance after a trap', async () => {
  const engine = await loadEngine(fakeModule());
  assert.throws(() => engine.check({ text: 'hi' }), /replyguard engine: check crashed/);
  assert.equal(engine.liveBuffers(), 0); // a fresh instance, disarmed
  const want = { findings: [], comment: { kind: 'none', negative: false, topics: [] }, fingerprint: '0000000000000000' };
  assert.deepEqual(engine.check({ text: 'hi' }), want);
  assert.deepEqual(engine.check({ text: 'hi', comment: 'ok', platform: 'instagram', recent: ['ab'] }), want);
});
