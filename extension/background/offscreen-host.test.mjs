import test from 'node:test';
import assert from 'node:assert/strict';
import { createOffscreenEngineHost } from './offscreen-host.js';
import { createPolicyManager } from './policy.js';
import { createStore } from './store.js';
import { FakeEngine, memoryArea } from './testdata/fakes.mjs';

// A fake browser: an offscreen document that holds one FakeEngine for as
// long as it is open, reached through runtime.sendMessage.
function fakeBrowser() {
  const doc = { open: false, engine: null, policy: '{}', created: 0, calls: [] };
  const ops = {
    ready: () => ({ policy: doc.policy, loadMs: 5 }),
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
      return { result: ops[msg.op](msg.arg) };
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
  };
  return { doc, runtime, offscreen };
}

const POLICY = JSON.stringify({ name: 'Bright Smiles', version: '3' });

function workerOn(browser, area) {
  const engineHost = createOffscreenEngineHost(browser);
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

test('a closed document is recreated on the next message, with the policy applied again', async () => {
  const browser = fakeBrowser();
  const area = memoryArea();
  const w = workerOn(browser, area);
  await w.policy.load({ source: 'file', text: POLICY });
  const engine = await w.policy.engine();
  browser.doc.open = false; // the browser closed it
  await assert.rejects(engine.check({ text: 'x' }), /offscreen document unavailable/);
  await w.policy.engine();
  assert.equal(browser.doc.created, 2);
  assert.equal(browser.doc.policy, POLICY, 'the stored policy is applied to the new document');
});
