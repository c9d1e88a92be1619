// Follows the organisation's policy server: fetches its signed policy at
// start and on an alarm (If-None-Match, https only, no redirect away from
// https, body streamed and abandoned past 512 KB), verifies it in the engine
// (engine.wasm's verify_bundle, the code `replyguard policy verify` runs) and
// makes it the policy in force. On any failure the last good policy stays
// and the reason is recorded for the popup and options page.

import { KEYS, LIMITS } from '../shared/keys.js';
import { readManaged } from '../shared/managed.js';
import { bundleReason, configProblems, policyEndpoint, readCapped, redirectAllowed } from '../shared/server-config.js';

export const SERVER_ALARM = 'replyguard-policy-server';

export function createPolicyServer({ store, engineHost, managedSource, policy, fetchImpl = (...a) => fetch(...a), alarms = null, now = Date.now }) {
  // config is the server this computer follows, or null: IT's when set
  // (locked), else the options page's.
  async function config() {
    const managed = readManaged(await managedSource.get());
    const local = (await store.get(KEYS.policyServer)) ?? null;
    const c = managed.server ?? local;
    if (!c?.url) return null;
    const minutes = managed.refreshMinutes ?? (Number(local?.refreshMinutes) || LIMITS.serverRefreshMinutes);
    return { ...c, refreshMinutes: minutes, managed: Boolean(managed.server) };
  }

  async function record(status) {
    const kept = await policy.active();
    const server = await store.get(KEYS.serverPolicy);
    const full = { at: now(), ...status, name: kept.name, serial: kept.source === 'server' ? server?.serial : undefined };
    await store.set({ [KEYS.serverStatus]: full });
    return full;
  }

  async function fail(reason) {
    return { ok: false, status: await record({ ok: false, reason }) };
  }

  const follower = {
    config,

    // signedOnly: a public key is configured, so unsigned policies are refused.
    async signedOnly() {
      return Boolean((await config())?.publicKey);
    },

    // schedule (re)creates the alarm for the configured interval.
    async schedule() {
      if (!alarms) return;
      const c = await config();
      const existing = await alarms.get(SERVER_ALARM);
      if (!c) {
        if (existing) await alarms.clear(SERVER_ALARM);
        return;
      }
      if (existing?.periodInMinutes === c.refreshMinutes) return;
      await alarms.create(SERVER_ALARM, { periodInMinutes: c.refreshMinutes, delayInMinutes: c.refreshMinutes });
    },

    // refresh asks the server once. Never throws.
    async refresh() {
      const c = await config();
      // Not configured (or managed storage not read yet): nothing to ask. The
      // last good policy stays until "Stop following" or a reset removes it.
      if (!c) return { ok: true, configured: false };
      const problems = configProblems(c);
      if (problems.length) return fail(problems[0].message);
      const current = await store.get(KEYS.serverPolicy);
      const url = policyEndpoint(c);
      let res;
      try {
        res = await fetchImpl(url, {
          method: 'GET',
          headers: { Authorization: `Bearer ${c.readToken}`, ...(current?.etag ? { 'If-None-Match': current.etag } : {}) },
          credentials: 'omit',
          cache: 'no-store',
          redirect: 'follow',
        });
      } catch (err) {
        return fail(`cannot reach the server (${err?.message ?? err})`);
      }
      if (res.redirected && !redirectAllowed(url, res.url)) {
        res.body?.cancel().catch(() => {});
        return fail('the server redirected away from https');
      }
      if (res.status === 304 && current) {
        return { ok: true, unchanged: true, status: await record({ ok: true, unchanged: true }) };
      }
      if (!res.ok) {
        res.body?.cancel().catch(() => {});
        return fail(httpReason(res.status));
      }
      let text;
      try {
        text = await readCapped(res, LIMITS.policyBytes);
      } catch (err) {
        return fail(err?.message ?? String(err));
      }
      const engine = await engineHost.get();
      // A lower or equal serial never replaces the policy in force (unless
      // the manager has since configured another key).
      const inForce = current?.publicKey === c.publicKey ? current.serial ?? 0 : 0;
      const v = await engine.verifyBundle({ bundle: text, public_key: c.publicKey, serial_in_force: inForce });
      if (!v.ok) return fail(bundleReason(v));
      const applied = await policy.applyServer({
        text: v.policy,
        name: v.name,
        version: v.version,
        serial: v.serial,
        keyId: v.key_id,
        issuedAt: v.issued_at,
        etag: res.headers.get('etag') ?? undefined,
        url: String(c.url),
        publicKey: c.publicKey,
      });
      if (!applied.ok) return fail(`invalid policy (${applied.error})`);
      return { ok: true, changed: true, status: await record({ ok: true }) };
    },

    // configure stores the options page's choice ({} or null turns it off).
    async configure(c) {
      const managed = readManaged(await managedSource.get());
      if (managed.server) return { ok: false, locked: true, error: 'Your organization sets the policy server on this computer.' };
      if (!c || !c.url) {
        await store.set({ [KEYS.policyServer]: undefined, [KEYS.serverPolicy]: undefined, [KEYS.serverStatus]: undefined });
        await follower.schedule();
        return { ok: true, configured: false };
      }
      const saved = (await store.get(KEYS.policyServer)) ?? {};
      const clean = {
        url: String(c.url).trim(),
        org: String(c.org ?? '').trim(),
        // The options page never gets the token back: "keep" the saved one.
        readToken: c.keepToken ? saved.readToken ?? '' : String(c.readToken ?? '').trim(),
        publicKey: String(c.publicKey ?? '').trim(),
        ...(c.refreshMinutes ? { refreshMinutes: Number(c.refreshMinutes) } : {}),
      };
      const problems = configProblems(clean);
      if (problems.length) return { ok: false, error: problems[0].message, problems };
      const engine = await engineHost.get();
      if (!(await keyUsable(engine, clean.publicKey))) {
        return { ok: false, error: 'Public key is not a ReplyGuard public key (paste the whole --public file of replyguard policy keygen)', problems: [{ field: 'publicKey' }] };
      }
      await store.set({ [KEYS.policyServer]: clean });
      await follower.schedule();
      return { ok: true, configured: true, result: await follower.refresh() };
    },

    // status is what the options page and popup show.
    async status() {
      const c = await config();
      const server = await store.get(KEYS.serverPolicy);
      return {
        ok: true,
        configured: Boolean(c),
        // The token is a secret: the pages get whether it is set, not it.
        config: c ? { url: c.url, org: c.org, publicKey: c.publicKey, refreshMinutes: c.refreshMinutes, hasToken: Boolean(c.readToken), managed: c.managed } : null,
        policy: server ? { name: server.name, version: server.version, serial: server.serial, keyId: server.keyId, loadedAt: server.loadedAt } : null,
        status: (await store.get(KEYS.serverStatus)) ?? null,
      };
    },
  };
  return follower;
}

// keyUsable asks the engine whether a public key reads: verify_bundle reads
// the key before the bundle, so an empty bundle fails on the key if anything.
async function keyUsable(engine, publicKey) {
  const r = await engine.verifyBundle({ bundle: '{}', public_key: publicKey, serial_in_force: 0 });
  return r.kind !== 'key';
}

function httpReason(status) {
  if (status === 401) return 'the server refused the read token (HTTP 401)';
  if (status === 404) return 'nothing published for this organisation, or no such organisation (HTTP 404)';
  if (status >= 500) return `server error (HTTP ${status})`;
  return `unexpected answer from the server (HTTP ${status})`;
}
