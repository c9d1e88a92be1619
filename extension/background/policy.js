// The policy in force, and every way a new one arrives: a file or URL from the
// options page, an inline policy or policy_url pushed by IT, a settings import,
// the periodic URL refresh. Every candidate goes through the engine's
// setPolicy first; on any error the last good policy stays in force and the
// error (with JSON paths) is recorded for the options page.

import { KEYS, LIMITS } from '../shared/keys.js';
import { activePolicyRecord, readManaged } from '../shared/managed.js';
import { policyView } from '../shared/policy-view.js';
import { policyUrlProblem } from '../shared/settings-file.js';
import { readCapped } from '../shared/server-config.js';

// The engine merges a policy over its built-in default, so "{}" is the default.
const DEFAULT_TEXT = '{}';

// signedOnly() is true while a policy server with a public key is
// configured: unsigned URL policies are then refused.
export function createPolicyManager({ store, engineHost, managedSource, fetchText, now = Date.now, signedOnly = async () => false }) {
  // The policy text each engine holds. A fresh in-worker engine starts on the
  // default; an engine that outlives the worker (offscreen) says what it holds.
  const applied = new WeakMap();
  const appliedTo = (engine) => (applied.has(engine) ? applied.get(engine) : engine.initialPolicy ?? DEFAULT_TEXT);
  let rejectedManaged = null; // managed inline text the engine refused
  let viewCache = { record: undefined, view: null };

  async function managed() {
    return readManaged(await managedSource.get());
  }

  async function activeRecord() {
    return activePolicyRecord({
      managed: await managed(),
      managedPolicy: await store.get(KEYS.managedPolicy),
      serverPolicy: await store.get(KEYS.serverPolicy),
      localPolicy: await store.get(KEYS.localPolicy),
    });
  }

  async function setStatus(status) {
    await store.set({ [KEYS.policyStatus]: { at: now(), ...status } });
  }

  // validate runs setPolicy; the engine keeps its previous policy on error.
  async function validate(engine, text) {
    if (text.length > LIMITS.policyBytes) {
      return { ok: false, errors: [{ path: '', message: `policy is larger than ${LIMITS.policyBytes / 1024} KB` }] };
    }
    const r = await engine.setPolicy(text);
    if (r.ok) applied.set(engine, text);
    return { ok: Boolean(r.ok), errors: r.errors ?? [], name: r.name, version: r.version };
  }

  function record(text, r, source, extra = {}) {
    const v = policyView(text);
    return { text, name: r.name || v.name, version: r.version || v.version, source, loadedAt: now(), ...extra };
  }

  // pendingManagedInline: IT's inline policy not yet checked by the engine.
  async function pendingManagedInline() {
    const m = await managed();
    if (!m.policyText || m.policyText === rejectedManaged) return null;
    const mp = await store.get(KEYS.managedPolicy);
    if (mp?.source === 'managed' && mp.text === m.policyText) return null;
    return m.policyText;
  }

  async function syncManagedInline(engine) {
    const text = await pendingManagedInline();
    if (!text) return;
    const r = await validate(engine, text);
    if (r.ok) {
      rejectedManaged = null;
      await store.set({ [KEYS.managedPolicy]: record(text, r, 'managed') });
      await setStatus({ source: 'managed', ok: true });
    } else {
      rejectedManaged = text;
      await setStatus({ source: 'managed', ok: false, errors: r.errors });
    }
  }

  async function fetchPolicy(url) {
    const problem = policyUrlProblem(url);
    if (problem) return { ok: false, errors: [{ path: '', message: `policy URL ${problem}` }] };
    if (await signedOnly()) {
      return { ok: false, errors: [{ path: '', message: 'a policy public key is configured: only signed policies from the policy server are accepted, not an unsigned policy URL' }] };
    }
    try {
      return { ok: true, text: await fetchText(url) };
    } catch (err) {
      return { ok: false, errors: [{ path: '', message: `could not fetch ${url}: ${err.message}` }] };
    }
  }

  // info is what the UI shows about a policy record.
  function info(rec) {
    const v = policyView(rec?.text ?? null);
    return {
      name: rec?.name ?? v.name,
      version: rec?.version ?? v.version,
      source: rec?.source ?? 'default',
      url: rec?.url,
      fileName: rec?.fileName,
      serial: rec?.serial,
      // A policy fetched from a plain URL carries no signature.
      unsigned: rec?.source === 'url' || rec?.source === 'managed-url',
      loadedAt: rec?.loadedAt,
    };
  }

  const manager = {
    managed,
    activeRecord,
    signedOnly: async () => Boolean(await signedOnly()),

    // engine returns the engine holding the policy in force.
    async engine() {
      const engine = await engineHost.get();
      await syncManagedInline(engine);
      const rec = await activeRecord();
      const text = rec?.text ?? DEFAULT_TEXT;
      if (text !== appliedTo(engine)) {
        // Claimed before the call: checks arriving together must not each
        // re-apply it. They still run after it (a sync engine applies it at
        // once; the offscreen document handles messages in order).
        applied.set(engine, text);
        const r = await engine.setPolicy(text);
        // A stored policy a newer engine refuses: run on the default and say so.
        if (!r.ok) {
          await engine.setPolicy(DEFAULT_TEXT);
          await setStatus({ source: rec.source, ok: false, errors: r.errors ?? [], stored: true });
        }
      }
      return engine;
    },

    // view is the extension's reading of the policy in force. An IT inline
    // policy waiting for validation is validated first.
    async view() {
      // IT's new inline policy is validated first; with the engine down the
      // last good policy is shown (pages must still start and say so).
      if (await pendingManagedInline()) await manager.engine().catch(() => {});
      const rec = await activeRecord();
      if (viewCache.record !== rec) viewCache = { record: rec, view: policyView(rec?.text ?? null) };
      return viewCache.view;
    },

    async active() {
      return info(await activeRecord());
    },

    // load takes a policy from the options page or an import:
    // {source: "file", text, fileName} or {source: "url", url}.
    async load({ source, text, url, fileName }) {
      const m = await managed();
      if (m.locked.has('policy')) {
        return { ok: false, error: 'Your organization manages the policy on this computer; it cannot be changed here.', locked: true, active: await manager.active() };
      }
      if (source === 'url') {
        const got = await fetchPolicy(url);
        if (!got.ok) {
          await setStatus({ source, url, ok: false, errors: got.errors });
          return { ok: false, error: got.errors[0].message, errors: got.errors, active: await manager.active() };
        }
        text = got.text;
      } else if (typeof text !== 'string') {
        return { ok: false, error: 'no policy text given' };
      }
      const engine = await manager.engine();
      const r = await validate(engine, text);
      const where = { source, ...(url ? { url } : {}), ...(fileName ? { fileName: String(fileName).slice(0, 120) } : {}) };
      if (!r.ok) {
        await setStatus({ ...where, ok: false, errors: r.errors });
        const active = await manager.active();
        return { ok: false, error: `the policy has ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}; ${active.name} ${active.version} stays in force`, errors: r.errors, active };
      }
      await store.set({ [KEYS.localPolicy]: record(text, r, source, where) });
      await setStatus({ ...where, ok: true });
      await manager.engine(); // re-applies IT's policy if one is in force
      return { ok: true, policy: await manager.active() };
    },

    // applyServer makes a verified bundle's policy ({text, name, version,
    // serial, keyId, etag, url, publicKey}) the server policy in force, if
    // the engine accepts it.
    async applyServer(rec) {
      const engine = await engineHost.get();
      const r = await validate(engine, rec.text);
      if (!r.ok) {
        await manager.engine();
        const e = r.errors[0] ?? {};
        return { ok: false, error: e.path ? `${e.path}: ${e.message}` : e.message ?? 'rejected' };
      }
      await store.set({ [KEYS.serverPolicy]: { ...rec, source: 'server', loadedAt: now() } });
      await manager.engine(); // IT's own policy, if any, stays in force
      return { ok: true };
    },

    // reset goes back to the built-in default policy.
    async reset() {
      const m = await managed();
      if (m.locked.has('policy')) return { ok: false, error: 'Your organization manages the policy on this computer.', locked: true };
      // The server's policy goes too unless a server is still followed.
      const server = (await signedOnly()) ? {} : { [KEYS.serverPolicy]: undefined, [KEYS.serverStatus]: undefined };
      await store.set({ [KEYS.localPolicy]: undefined, [KEYS.policyStatus]: undefined, ...server });
      await manager.engine();
      return { ok: true, policy: await manager.active() };
    },

    // refresh re-fetches URL policies (IT's policy_url, else the local URL).
    async refresh() {
      const m = await managed();
      if (!m.policyText && !m.policyUrl && (await store.get(KEYS.managedPolicy))) {
        await store.set({ [KEYS.managedPolicy]: undefined }); // IT withdrew its policy
      }
      let source;
      let url;
      if (m.policyUrl && !m.policyText) {
        source = 'managed-url';
        url = m.policyUrl;
      } else if (!m.policyText && !m.policyUrl) {
        const local = await store.get(KEYS.localPolicy);
        if (local?.source !== 'url') return { ok: true, refreshed: false };
        source = 'url';
        url = local.url;
      } else {
        await manager.engine(); // validates IT's inline policy
        return { ok: true, refreshed: false };
      }
      const got = await fetchPolicy(url);
      if (!got.ok) {
        await setStatus({ source, url, ok: false, errors: got.errors });
        return { ok: false, error: got.errors[0].message, errors: got.errors };
      }
      const key = source === 'url' ? KEYS.localPolicy : KEYS.managedPolicy;
      const current = await store.get(key);
      if (current?.text === got.text && current?.url === url) {
        await setStatus({ source, url, ok: true, unchanged: true });
        return { ok: true, refreshed: true, changed: false };
      }
      const engine = await engineHost.get();
      const r = await validate(engine, got.text);
      if (!r.ok) {
        await setStatus({ source, url, ok: false, errors: r.errors });
        await manager.engine();
        return { ok: false, error: `the policy at ${url} has problems; the last good one stays in force`, errors: r.errors };
      }
      await store.set({ [key]: record(got.text, r, source, { url }) });
      await setStatus({ source, url, ok: true });
      await manager.engine();
      return { ok: true, refreshed: true, changed: true };
    },
  };
  return manager;
}

// createManagedSource caches chrome.storage.managed until it changes.
export function createManagedSource(area) {
  let cache = null;
  return {
    async get() {
      cache ??= Promise.resolve(area?.get ? area.get() : {}).catch(() => ({}));
      return cache;
    },
    invalidate() {
      cache = null;
    },
  };
}

// fetchPolicyText fetches a policy file: no cookies, no cache, no redirect
// away from https, the body read as a stream and abandoned past 512 KB.
export async function fetchPolicyText(url) {
  const res = await fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'follow' });
  if (res.redirected && new URL(res.url).protocol !== 'https:') {
    res.body?.cancel().catch(() => {});
    throw new Error('redirected away from https');
  }
  if (!res.ok) {
    res.body?.cancel().catch(() => {});
    throw new Error(`HTTP ${res.status}`);
  }
  return readCapped(res, LIMITS.policyBytes);
}
