// Test doubles for the service worker's modules: an in-memory storage area
// and an engine with the real engine's API (extension/engine/engine.js).
import crypto from 'node:crypto';
import { createStore } from '../store.js';
import { createEngineHost } from '../engine-host.js';
import { createHandlers } from '../handlers.js';
import { createPolicyManager } from '../policy.js';

export function memoryArea(initial = {}) {
  const data = structuredClone(initial);
  return {
    data,
    writes: 0,
    async get(keys) {
      const out = {};
      for (const k of keys ?? Object.keys(data)) if (k in data) out[k] = structuredClone(data[k]);
      return out;
    },
    async set(items) {
      this.writes++;
      Object.assign(data, structuredClone(items));
    },
    async remove(keys) {
      for (const k of keys) delete data[k];
    },
  };
}

// FakeEngine flags "root canal" as phi, tags comments mentioning "wait" or
// "bill", and accepts a policy unless it has "version": "broken".
export class FakeEngine {
  policy = '{}';
  checks = [];

  check(req) {
    this.checks.push(req);
    const findings = [];
    const at = req.text.toLowerCase().indexOf('root canal');
    // Like the engine, a private message's findings take the policy's
    // severity for private messages.
    const severity = (req.private === true && JSON.parse(this.policy).composers?.private_messages?.severity?.phi) || 'error';
    if (at >= 0) findings.push({ rule: 'phi.care-detail', category: 'phi', severity, start: at, end: at + 10, message: 'names a treatment' });
    const topics = [];
    if (/wait/i.test(req.comment ?? '')) topics.push('wait_time');
    if (/bill/i.test(req.comment ?? '')) topics.push('billing');
    return { findings, comment: { kind: topics.length ? 'complaint' : 'none', negative: topics.length > 0, topics }, fingerprint: '00000000000000ab' };
  }

  setPolicy(text) {
    let p;
    try {
      p = JSON.parse(text);
    } catch (err) {
      return { ok: false, errors: [{ path: '', message: err.message }] };
    }
    if (p.version === 'broken') {
      return { ok: false, errors: [{ path: 'rules.length.facebook.max_words', message: 'must be a positive integer' }] };
    }
    this.policy = text;
    return { ok: true, errors: [], name: p.name ?? 'ReplyGuard default', version: p.version ?? '1.0.0' };
  }
}

export function sha256(text) {
  return Promise.resolve(crypto.createHash('sha256').update(text).digest('hex'));
}

// Keyed phrase hashes as ignore-keys.js makes them, under fixed test keys.
export const TEST_KEY_ID = '0123456789abcdef';
const TEST_KEYS = { [TEST_KEY_ID]: 'install secret', fedcba9876543210: 'another browser' };
export const keys = {
  ownKeyId: async () => TEST_KEY_ID,
  knownKeyIds: async (ids) => ids.filter((id) => id in TEST_KEYS),
  phraseHash: async (keyId, phrase) => (TEST_KEYS[keyId] ? crypto.createHmac('sha256', TEST_KEYS[keyId]).update(phrase).digest('hex') : null),
};

// worker wires the real handlers, store and policy manager to the fakes.
export function worker({ local = {}, managed = {}, fetchText, now = () => 1_773_000_000_000 } = {}) {
  const area = memoryArea(local);
  const engine = new FakeEngine();
  let loads = 0;
  const engineHost = createEngineHost({
    compile: async () => 'module',
    loadEngine: async () => {
      loads++;
      return engine;
    },
  });
  const managedState = { value: managed };
  const managedSource = { get: async () => managedState.value, invalidate() {} };
  const store = createStore(area);
  const policy = createPolicyManager({ store, engineHost, managedSource, fetchText: fetchText ?? (async () => { throw new Error('offline'); }), now });
  const badges = [];
  const session = memoryArea(); // chrome.storage.session
  const { handlers, refreshBadge, checkContext } = createHandlers({ store, policy, sha256, keys, badge: async (n) => badges.push(n), links: session, now });
  return { area, session, engine, engineHost, store, policy, handlers, refreshBadge, checkContext, badges, managedState, loads: () => loads };
}
