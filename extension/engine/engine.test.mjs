// Runs engine.js over the cases the Go tests share (wasm/testdata/cases.jsonl,
// whose expectations come from the native engine), plus the host's own
// contract: errors, policies, and no leaked buffers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadEngine } from './engine.js';

const wasmURL = new URL('../../wasm/engine.wasm', import.meta.url);
const casesURL = new URL('../../wasm/testdata/cases.jsonl', import.meta.url);

function readWasm() {
  try {
    return readFileSync(wasmURL);
  } catch (err) {
    throw new Error(`${wasmURL.pathname} is missing: run ./build.sh first (${err.code})`);
  }
}

// The expectations come from the native engine; after a rule change the Go
// test TestSharedCasesMatchNative fails too and says how to regenerate.
const STALE_HINT = 'engine.js differs from wasm/testdata/cases.jsonl; if the rules changed, regenerate it: go test ./wasm/wasmhost -run TestSharedCases -update';

const cases = readFileSync(casesURL, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));

test('shared cases match the native engine', async (t) => {
  const engine = await loadEngine(readWasm());
  assert.ok(cases.length >= 20, `only ${cases.length} shared cases`);
  for (const c of cases) {
    await t.test(c.name, () => {
      const policy = engine.setPolicy(JSON.stringify(c.policy ?? {}));
      assert.equal(policy.ok, true, JSON.stringify(policy.errors));
      if (c.want_error) {
        assert.throws(() => engine.check(c.request), { message: `replyguard engine: ${c.want_error}` }, STALE_HINT);
      } else {
        assert.deepEqual(engine.check(c.request), c.want, STALE_HINT);
      }
    });
  }
});

test('spans are UTF-16 code units of the JavaScript string', async () => {
  const engine = await loadEngine(readWasm());
  for (const c of cases) {
    for (const f of c.want?.findings ?? []) {
      assert.ok(f.start >= 0 && f.start <= f.end && f.end <= c.request.text.length, `${c.name}: ${f.rule} ${f.start}-${f.end}`);
    }
  }
  // Characters of one, two and several code units before a finding move
  // its span by exactly their .length, and it still covers the same words.
  // (The rules' findings: a prefix is a word the learned scorer reads too,
  // and may tip its judgement of the whole reply.)
  const ruled = (t) => engine.check({ text: t }).findings.filter((f) => f.rule !== 'scorer');
  const text = 'Hi, your X-ray results are in. Call 555-123-4567.';
  const plain = ruled(text);
  assert.ok(plain.length > 0, 'the sample reply should have findings');
  for (const prefix of ['é ', '😀', '👩‍⚕️ ', '👍🏽 ']) {
    const shifted = ruled(prefix + text);
    assert.equal(shifted.length, plain.length, prefix);
    shifted.forEach((f, i) => {
      assert.equal(f.start, plain[i].start + prefix.length, `${prefix}: ${f.rule} start`);
      assert.equal((prefix + text).slice(f.start, f.end), text.slice(plain[i].start, plain[i].end));
    });
  }
});

test('check returns the response shape', async () => {
  const engine = await loadEngine(readWasm());
  const res = engine.check({ text: 'Thanks for reaching out!', comment: 'How much is a cleaning?', platform: 'instagram', recent: ['00ff00ff00ff00ff'] });
  assert.ok(Array.isArray(res.findings));
  assert.equal(typeof res.comment.kind, 'string');
  assert.equal(typeof res.comment.negative, 'boolean');
  assert.ok(Array.isArray(res.comment.topics));
  assert.match(res.fingerprint, /^[0-9a-f]{16}$/);
});

test('requests the compact path cannot carry go as JSON, with the same answers', async () => {
  const engine = await loadEngine(readWasm());
  const text = 'Hi Janet, your crown from March 3rd looks great! Call 555-0142.';
  const plain = engine.check({ text, comment: 'Thanks!', platform: 'instagram', recent: ['00ff00ff00ff00ff', 'ab'] });
  assert.ok(plain.findings.length > 0);
  assert.deepEqual(plain, engine.checkJSON({ text, comment: 'Thanks!', platform: 'instagram', recent: ['00ff00ff00ff00ff', 'ab'] }));
  // An id is echoed (JSON path); null comment and platform mean none.
  assert.deepEqual(engine.check({ id: 'r1', text }), { id: 'r1', ...engine.check({ text }) });
  assert.deepEqual(engine.check({ text, comment: null, platform: null, recent: null }), engine.check({ text }));
  // Unknown keys, class instances and sparse arrays take the JSON path.
  assert.deepEqual(engine.check({ text, extra: 1 }), engine.check({ text }));
  assert.deepEqual(engine.check(new (class { text = text })()), engine.check({ text }));
  assert.throws(() => engine.check({ text, recent: [, 'ab'] }), /recent\[0\]/); // eslint-disable-line no-sparse-arrays
  // private travels as a bit of the platform word; a non-boolean goes as
  // JSON and is refused there.
  const apology = "We're so sorry about the wait on Monday. That's not the experience we want anyone to have.";
  const complaint = 'Waited over an hour and nobody said a word to me.';
  for (const platform of ['facebook', 'instagram', undefined]) {
    for (const priv of [true, false, null]) {
      const req = { text: apology, comment: complaint, platform, private: priv };
      assert.deepEqual(engine.check(req), engine.checkJSON(req), `platform ${platform}, private ${priv}`);
    }
  }
  assert.notDeepEqual(engine.check({ text: apology, comment: complaint, private: true }), engine.check({ text: apology, comment: complaint }));
  assert.throws(() => engine.check({ text, private: 'yes' }), /replyguard engine: request: .*private/);
  // Emoji and accents: spans are UTF-16 on both paths.
  const wide = `👩‍⚕️ Café ${text}`;
  assert.deepEqual(engine.check({ text: wide }), engine.checkJSON({ text: wide }));
});

test('bad requests throw clear errors and the engine keeps working', async () => {
  const engine = await loadEngine(readWasm());
  assert.throws(() => engine.check({ text: 'hi', platform: 'myspace' }), /replyguard engine: platform/);
  assert.throws(() => engine.check({ text: 'hi', recent: ['nope'] }), /recent\[0\]/);
  assert.throws(() => engine.check({ text: 42 }), /replyguard engine: request:/);
  assert.throws(() => engine.check('just a string'), /replyguard engine: request:/);
  // A lone surrogate cannot be UTF-8: TextEncoder sends U+FFFD, which is
  // still one code unit, so spans stay aligned.
  assert.equal(typeof engine.check({ text: 'a\ud800b' }).fingerprint, 'string');
  assert.equal(engine.liveBuffers(), 0);
  assert.ok(Array.isArray(engine.check({ text: 'Thank you!' }).findings));
});

test('setPolicy reports errors and keeps the previous policy', async () => {
  const engine = await loadEngine(readWasm());
  const defaultName = engine.version().policy.name;
  assert.ok(defaultName);
  assert.equal(engine.version().abi, 2);

  const ok = engine.setPolicy(JSON.stringify({ name: 'Smile Dental', version: '7' }));
  assert.deepEqual(ok, { ok: true, name: 'Smile Dental', version: '7', errors: [] });
  for (const bad of ['{"name": ', '{"nmae": "typo"}', '{"rules": {"length": {"enabled": "yes"}}}', '']) {
    const res = engine.setPolicy(bad);
    assert.equal(res.ok, false, bad);
    assert.ok(res.errors.length > 0 && res.errors.every((e) => typeof e.path === 'string' && e.message), JSON.stringify(res));
    assert.equal(engine.version().policy.name, 'Smile Dental');
  }
  engine.setPolicy('{}');
  assert.equal(engine.version().policy.name, defaultName);
});

test('memory stays flat and no buffer outlives a call', async () => {
  const engine = await loadEngine(readWasm());
  const texts = [
    'Thanks so much for the kind words, Maria! 😊 See you at your next cleaning.',
    'We are sorry about the wait. Please call our office at 555-0100 so we can help. '.repeat(12),
    'Café crème résumé — naïve façade. 👍🏽',
  ];
  // While the GC paces itself the Go heap may settle one step higher, at
  // most to the GOMEMLIMIT the host sets (24 MiB; in some runs it does so
  // between checks 5,000 and 10,000, at random), then stays there. A leak
  // keeps growing: even 100 bytes per check would add 1.5 MB to the last
  // 15,000 checks, or push memory past the limit.
  let base = 0;
  for (let i = 0; i < 35000; i++) {
    engine.check({ text: texts[i % texts.length], comment: 'I waited two hours!' });
    assert.equal(engine.liveBuffers(), 0);
    if (i === 20000) base = engine.memoryBytes();
  }
  const grown = engine.memoryBytes() - base;
  assert.ok(grown <= 1 << 20, `linear memory grew ${grown} bytes over the last 15,000 checks`);
  assert.ok(engine.memoryBytes() <= 25 << 20, `linear memory is ${engine.memoryBytes()} bytes, past the 24 MiB limit`);
});
