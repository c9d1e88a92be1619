import test from 'node:test';
import assert from 'node:assert/strict';
import { createOffscreenEngineHost } from './offscreen-host.js';
import { createPolicyManager } from './policy.js';
import { createStore } from './store.js';
import { FakeEngine, memoryArea } from './testdata/fakes.mjs';

// A fake browser: an offscreen document that holds one FakeEngine for as
// long as it is open, reached through runtime.sendMessage.
function fakeBrowser() {
  const doc = { open: false, engine: null, policy: '{}', created: 0, calls: [], loadError: null };
  const ops = {
    ready: () => {
      if (doc.loadError) throw new Error(doc.loadError);
      return { policy: doc.policy, loadMs: 5, version: 'ABI 1 (fake)' };
    },
    check: (req) => doc.engine.check(req),
    setPolicy: (text) => {
      if (text === doc.policy) return { ok: true, errors: [], unchanged: true };
      const r = doc.engine.setPolicy(text);
      if (r.ok) doc.policy = text;
      return r;
    },
  };
  const runtime = {
    getURL: (p) => `chrome-extension://id/${p}`,
    async getContexts() {
      return doc.open ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : [];
    },
    async sendMessage(msg) {
      if (!doc.open) throw new Error('Could not establish connection. Receiving end does not exist.');
      doc.calls.push(msg.op);
      try {
        return { result: ops[msg.op](msg.arg) };
      } catch (err) {
        return { error: err.message };
      }
    },
  };
  const offscreen = {
    async createDocument({ url, reasons }) {
      assert.equal(url, 'extension/background/offscreen.html');
      assert.deepEqual(reasons, ['WORKERS']);
      if (doc.open) throw new Error('Only a single offscreen document may be created.');
      Object.assign(doc, { open: true, engine: new FakeEngine(), policy: '{}' });
      doc.created++;
    },
    async closeDocument() {
      doc.open = false;
    },
  };
  return { doc, runtime, offscreen };
}

const POLICY = JSON.stringify({ name: 'Bright Smiles', version: '3' });

function workerOn(browser, area, opts = {}) {
  const engineHost = createOffscreenEngineHost({ ...browser, ...opts });
  const store = createStore(area);
  const managedSource = { get: async () => ({}), invalidate() {} };
  return { engineHost, policy: createPolicyManager({ store, engineHost, managedSource, fetchText: async () => '' }) };
}

test('the engine lives in one offscreen document that outlives worker restarts', async () => {
  const browser = fakeBrowser();
  const area = memoryArea();
  const first = workerOn(browser, area);
  const [a, b] = await Promise.all([first.engineHost.get(), first.engineHost.get()]);
  assert.equal(a, b);
  assert.equal(browser.doc.created, 1);
  assert.equal((await first.policy.load({ source: 'file', text: POLICY })).ok, true);
  assert.equal(browser.doc.policy, POLICY);

  // A new worker (same storage, same document) neither recreates the
  // document nor makes it parse the policy again.
  const second = workerOn(browser, area);
  browser.doc.calls.length = 0;
  const engine = await second.policy.engine();
  const r = await engine.check({ text: 'your root canal', platform: 'facebook' });
  assert.deepEqual(r.findings.map((f) => f.category), ['phi']);
  assert.equal(browser.doc.created, 1);
  assert.deepEqual(browser.doc.calls, ['ready', 'check']);
});

// A hand-run clock and timer queue, so back-off pauses pass on demand.
function fakeTime() {
  const t = { now: 0, timers: [] };
  t.clock = () => t.now;
  t.setTimer = (fn, ms) => {
    const timer = { at: t.now + ms, fn };
    t.timers.push(timer);
    return timer;
  };
  t.advance = async (ms) => {
    t.now += ms;
    for (const timer of t.timers.filter((x) => x.at <= t.now)) {
      t.timers.splice(t.timers.indexOf(timer), 1);
      timer.fn();
    }
    await new Promise((r) => setTimeout(r, 5));
  };
  return t;
}

test('a closed document is recreated after a short pause, with the policy applied again', async () => {
  const browser = fakeBrowser();
  const area = memoryArea();
  const time = fakeTime();
  const w = workerOn(browser, area, { clock: time.clock, setTimer: time.setTimer });
  await w.policy.load({ source: 'file', text: POLICY });
  const engine = await w.policy.engine();
  browser.doc.open = false; // the browser closed it
  await assert.rejects(engine.check({ text: 'x' }), /offscreen document unavailable/);
  assert.equal(w.engineHost.health.state, 'down');
  // Within the pause a check fails at once, saying so; after it, it works.
  await assert.rejects(w.policy.engine(), /not checking .*trying again in 0\.3 s/);
  await time.advance(250);
  await w.policy.engine();
  assert.equal(browser.doc.created, 2);
  assert.equal(browser.doc.policy, POLICY, 'the stored policy is applied to the new document');
});

test('an engine that fails to load is retried with growing pauses until it loads, then reports recovery', async () => {
  const browser = fakeBrowser();
  const time = fakeTime();
  let recovered = 0;
  const w = workerOn(browser, memoryArea(), { clock: time.clock, setTimer: time.setTimer, onRecover: () => recovered++ });
  browser.doc.loadError = 'engine: could not load (HTTP 404)';
  await assert.rejects(w.engineHost.get(), /could not load/);
  const pauses = [];
  for (let i = 0; i < 4; i++) {
    pauses.push(time.timers[0].at - time.now);
    await time.advance(time.timers[0].at - time.now); // the host retries by itself
  }
  assert.deepEqual(pauses, [250, 500, 1000, 2000]);
  assert.equal(w.engineHost.health.state, 'down');
  assert.equal(w.engineHost.health.failures, 5);
  assert.match(w.engineHost.health.lastError.message, /could not load/);
  assert.equal(recovered, 0);

  browser.doc.loadError = null;
  await time.advance(time.timers[0].at - time.now);
  assert.equal(w.engineHost.health.state, 'up');
  assert.equal(w.engineHost.health.failures, 0);
  assert.equal(w.engineHost.health.version, 'ABI 1 (fake)');
  assert.equal(recovered, 1, 'recovery is announced once');
  const r = await (await w.policy.engine()).check({ text: 'your root canal' });
  assert.deepEqual(r.findings.map((f) => f.category), ['phi']);
});
