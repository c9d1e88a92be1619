// The worker answers checks from memory: the check context (settings, ignore
// list, recent fingerprints, IT overrides, the policy's confirm setting) is
// built once and rebuilt only when something it depends on changes, including
// another page's write seen through chrome.storage.onChanged. The offscreen
// document answers checks directly only with the worker's current context.
import test from 'node:test';
import assert from 'node:assert/strict';
import { answerCheck, checkContext } from './check-core.js';
import { createDirectChecks } from './direct-checks.js';
import { createOffscreenEngineHost } from './offscreen-host.js';
import { createStore } from './store.js';
import { FakeEngine, TEST_KEY_ID, keys, memoryArea, sha256, worker } from './testdata/fakes.mjs';
import { dispatch } from './handlers.js';
import { KEYS } from '../shared/keys.js';

const PHI = 'Hi Janet, sorry your root canal last Tuesday hurt.';
const content = (w, msg) => dispatch(w.handlers, msg, { fromExtensionPage: false });
const page = (w, msg) => dispatch(w.handlers, msg, { fromExtensionPage: true });

// countingArea counts reads of chrome.storage.
function countingArea(initial) {
  const area = memoryArea(initial);
  const get = area.get.bind(area);
  area.reads = 0;
  area.get = async (keys) => {
    area.reads++;
    return get(keys);
  };
  return area;
}

test('checks read storage once, then answer from memory', async () => {
  const w = worker();
  const area = countingArea({ [KEYS.recent]: [{ fingerprint: '00000000000000aa', at: 1 }] });
  w.store = createStore(area);
  // Rewire a worker on the counting area.
  const { createPolicyManager } = await import('./policy.js');
  const { createHandlers } = await import('./handlers.js');
  const policy = createPolicyManager({ store: w.store, engineHost: w.engineHost, managedSource: { get: async () => ({}), invalidate() {} }, fetchText: async () => '' });
  const { handlers } = createHandlers({ store: w.store, policy, sha256, keys, badge: async () => {} });
  for (let i = 0; i < 20; i++) {
    const r = await dispatch(handlers, { type: 'check', text: PHI, site: 'facebook' }, { fromExtensionPage: false });
    assert.deepEqual(r.findings.map((f) => f.category), ['phi']);
  }
  assert.equal(area.reads, 1);
  assert.deepEqual(w.engine.checks.at(-1).recent, ['00000000000000aa']);
});

test('the check context is kept until a key it depends on changes', async () => {
  const w = worker();
  await content(w, { type: 'check', text: PHI, site: 'facebook' });
  const first = w.checkContext.get();
  await content(w, { type: 'check', text: PHI, site: 'facebook' });
  assert.equal(w.checkContext.get(), first, 'same context for the next check');
  await w.store.set({ [KEYS.threads]: {} }); // not something a check reads
  assert.equal(w.checkContext.get(), first);
  await content(w, { type: 'sent', fingerprint: '00000000000000cd' });
  assert.notEqual(w.checkContext.get(), first, 'sent drops the context');
  await content(w, { type: 'check', text: 'hello' });
  assert.deepEqual(w.engine.checks.at(-1).recent, ['00000000000000cd']);
});

test('chrome.storage.onChanged (the popup switching a site off) updates the cached context', async () => {
  const w = worker();
  assert.deepEqual((await content(w, { type: 'check', text: PHI, site: 'instagram' })).findings.map((f) => f.category), ['phi']);
  // The popup writes storage itself; the worker hears it through onChanged.
  await w.area.set({ [KEYS.settings]: { sites: { instagram: false } } });
  w.store.changed({ [KEYS.settings]: { newValue: { sites: { instagram: false } } } });
  const off = await content(w, { type: 'check', text: PHI, site: 'instagram' });
  assert.deepEqual([off.findings, off.disabled], [[], true]);
  w.store.changed({ [KEYS.settings]: { newValue: undefined } });
  const on = await content(w, { type: 'check', text: PHI, site: 'instagram' });
  assert.deepEqual([on.findings.length, on.disabled], [1, undefined]);
});

test('a change that arrives while the mirror is first loading is not lost', async () => {
  const area = memoryArea({ [KEYS.settings]: { sites: { facebook: true } } });
  let release;
  const gate = new Promise((r) => (release = r));
  const get = area.get.bind(area);
  area.get = async (keys) => {
    const items = await get(keys); // read before the change...
    await gate; // ...answered after it
    return items;
  };
  const store = createStore(area);
  const seen = [];
  store.subscribe((keys) => seen.push(...keys));
  const loading = store.get(KEYS.settings);
  store.changed({ [KEYS.settings]: { newValue: { sites: { facebook: false } } } });
  release();
  await loading;
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(await store.get(KEYS.settings), { sites: { facebook: false } });
  assert.deepEqual(seen, [KEYS.settings]);
});

test('ignore, unignore, policy and IT changes reach the next check', async () => {
  const w = worker();
  assert.equal((await page(w, { type: 'policy.load', source: 'file', text: '{"ignore_always":{"allow_errors":true}}' })).ok, true);
  const phraseHash = await keys.phraseHash(TEST_KEY_ID, 'root canal');
  const at = PHI.indexOf('root canal');
  assert.equal((await content(w, { type: 'check', text: PHI })).findings.length, 1);
  const ignore = { type: 'ignore', text: PHI, rule: 'phi.care-detail', start: at, end: at + 10, reason: 'a procedure we name on our own page', by: 'Maria' };
  assert.equal((await content(w, ignore)).ok, true);
  assert.equal((await content(w, { type: 'check', text: PHI })).findings.length, 0);
  await page(w, { type: 'unignore', phraseHash });
  assert.equal((await content(w, { type: 'check', text: PHI })).findings.length, 1);

  assert.equal((await content(w, { type: 'check', text: PHI })).confirmBeforeSend, true);
  // IT's managed settings: the worker drops the context on onChanged("managed").
  w.managedState.value = { confirm_before_send: false };
  w.checkContext.invalidate();
  assert.equal((await content(w, { type: 'check', text: PHI })).confirmBeforeSend, false);
});

test('answerCheck drops ignored findings by keyed hash until they expire; plain SHA-256 entries are not applied', async () => {
  const engine = new FakeEngine();
  const managed = { locked: new Set(), sites: {}, confirmBeforeSend: null };
  const view = { confirmBeforeSend: true };
  const entry = { rule: 'phi.care-detail', keyId: TEST_KEY_ID, phraseHash: await keys.phraseHash(TEST_KEY_ID, 'root canal'), expiresAt: 2000 };
  const ctx = checkContext({ ignored: [entry], managed, view });
  const msg = { type: 'check', text: PHI, site: 'facebook' };
  assert.equal((await answerCheck(engine, ctx, msg, keys.phraseHash, 1999)).findings.length, 0);
  assert.equal((await answerCheck(engine, ctx, msg, keys.phraseHash, 2000)).findings.length, 1, 'expired');
  // The same phrase under another browser's key, and an old unkeyed entry.
  const other = { ...entry, keyId: 'fedcba9876543210' };
  assert.equal((await answerCheck(engine, checkContext({ ignored: [other], managed, view }), msg, keys.phraseHash, 0)).findings.length, 1);
  other.phraseHash = await keys.phraseHash('fedcba9876543210', 'root canal');
  assert.equal((await answerCheck(engine, checkContext({ ignored: [other], managed, view }), msg, keys.phraseHash, 0)).findings.length, 0);
  const legacy = { rule: entry.rule, phraseHash: await sha256('root canal'), addedAt: 1 };
  assert.equal((await answerCheck(engine, checkContext({ ignored: [legacy], managed, view }), msg, keys.phraseHash, 0)).findings.length, 1);
});

test('answerCheck: the same answer in the worker and the offscreen document', async () => {
  const engine = new FakeEngine();
  const managed = { locked: new Set(), sites: {}, confirmBeforeSend: null };
  const ctx = checkContext({ settings: { sites: { instagram: false } }, ignored: [], recent: [{ fingerprint: 'ab', at: 1 }], managed, view: { confirmBeforeSend: true } });
  // Plain data: it crosses to the offscreen document.
  assert.deepEqual(structuredClone(ctx), ctx);
  assert.deepEqual(ctx, { recent: ['ab'], ignored: [], keyIds: [], sites: { facebook: true, instagram: false }, confirmBeforeSend: true, categoriesOff: [] });
  const r = await answerCheck(engine, ctx, { type: 'check', text: PHI, platform: 'facebook', site: 'www.facebook.com' }, keys.phraseHash);
  assert.deepEqual([r.ok, r.findings.length, r.fingerprint, r.confirmBeforeSend], [true, 1, '00000000000000ab', true]);
  const off = await answerCheck(engine, ctx, { type: 'check', text: PHI, site: 'instagram' }, keys.phraseHash);
  assert.deepEqual([off.findings, off.disabled], [[], true]);
});

// A fake offscreen document reached through runtime.sendMessage and a port.
function fakeDocument() {
  const doc = { engine: new FakeEngine(), policy: '{}', context: null, port: null };
  const runtime = {
    getURL: (p) => `chrome-extension://id/${p}`,
    async getContexts() {
      return [{}];
    },
    async sendMessage(msg) {
      if (msg.op === 'ready') return { result: { policy: doc.policy, loadMs: 1 } };
      if (msg.op === 'setPolicy') {
        doc.policy = msg.arg;
        return { result: doc.engine.setPolicy(msg.arg) };
      }
      return { result: doc.engine.check(msg.arg) };
    },
    connect() {
      const workerSide = listeners();
      const docSide = listeners();
      const port = {
        onMessage: workerSide.onMessage,
        onDisconnect: workerSide.onDisconnect,
        postMessage(m) {
          // The document's side of offscreen.js, delivered asynchronously.
          queueMicrotask(() => {
            doc.context = m.op === 'serve' ? m.context : null;
            if (m.op === 'serve') queueMicrotask(() => workerSide.fire('message', { ack: m.gen }));
          });
        },
        disconnect() {
          doc.context = null;
          workerSide.fire('disconnect');
        },
      };
      doc.port = port;
      return port;
    },
  };
  return { doc, runtime, offscreen: { createDocument: async () => {} } };
}

function listeners() {
  const m = [];
  const d = [];
  return {
    onMessage: { addListener: (fn) => m.push(fn) },
    onDisconnect: { addListener: (fn) => d.push(fn) },
    fire(kind, arg) {
      for (const fn of kind === 'message' ? m : d) fn(arg);
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 5));

test('the offscreen document serves checks only with the current context', async () => {
  const browser = fakeDocument();
  const host = createOffscreenEngineHost(browser);
  const w = worker();
  w.engineHost.get = host.get.bind(host);
  const direct = createDirectChecks({ host, policy: w.policy, checkContext: w.checkContext });
  assert.equal(direct.serving, false, 'nothing handed over yet: the worker answers');
  await direct.ensure();
  await settle();
  assert.equal(direct.serving, true);
  assert.deepEqual(browser.doc.context.recent, []);

  // A state change puts the document on hold at once, then hands over the new context.
  await content(w, { type: 'sent', fingerprint: '00000000000000cd' });
  assert.equal(direct.serving, false, 'on hold the moment the state changed');
  await direct.settled();
  await settle();
  assert.equal(direct.serving, true);
  assert.deepEqual(browser.doc.context.recent, ['00000000000000cd']);

  // A policy change holds too, and the context that comes back has its settings.
  assert.equal((await page(w, { type: 'policy.load', source: 'file', text: JSON.stringify({ name: 'P', version: '1', confirm_before_send: false }) })).ok, true);
  await direct.settled();
  await settle();
  assert.equal(browser.doc.policy, JSON.stringify({ name: 'P', version: '1', confirm_before_send: false }));
  assert.equal(direct.serving, true);

  // The document goes away (its port closes): the worker answers again.
  browser.doc.port.disconnect();
  assert.equal(direct.serving, false);
  await direct.ensure();
  await settle();
  assert.equal(direct.serving, true);
});
