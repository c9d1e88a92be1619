// Message handlers of extension/PROTOCOL.md. Content scripts send check,
// sent, ignore, threads and settings; the popup and options page also send
// the extension-page messages at the end. Reply and comment text is used in
// memory for the one call and never stored, logged or put in an error.

import { CATEGORIES, KEYS, LIMITS, SESSION_KEYS, siteKey } from '../shared/keys.js';
import { effectiveConfirm, effectiveSites } from '../shared/managed.js';
import { MAX_TEXT, answerCheck, checkContext, ignorePhrase, platformOf } from './check-core.js';
import { samePageName } from '../shared/policy-view.js';
import { parseSettings, sanitizeMessage } from '../shared/settings-file.js';
import { summarize } from '../shared/summary.js';
import { cleanPageUrl, markHandled, mergeThreads, postedTime, pruneThreads } from './threads.js';

const FINGERPRINT = /^[0-9a-f]{16}$/;
const HASH = /^[0-9a-f]{64}$/;
const RULE = /^[a-z0-9][a-z0-9_.-]{0,63}$/i;
const TOPIC_TAG = /^[a-z][a-z0-9_-]{0,39}$/;
const MAX_COMMENTS = 500;
const COMMENT_ID = /^[A-Za-z0-9:_.=-]{1,200}$/;
const PAGE_NAME_MAX = 200;

// Messages only the extension's own pages may send.
export const PAGE_ONLY = new Set(['status', 'policy.load', 'policy.refresh', 'policy.reset', 'unignore', 'import', 'server.configure', 'server.refresh', 'server.status', 'handled']);

// Storage keys a check's context is built from.
const CHECK_KEYS = new Set([KEYS.settings, KEYS.ignored, KEYS.recent, KEYS.localPolicy, KEYS.managedPolicy, KEYS.serverPolicy]);

// keys: {ownKeyId(), phraseHash(keyId, phrase)} (ignore-keys.js); health():
// the engine host's health for the popup; links is chrome.storage.session
// (memory only) or absent.
export function createHandlers({ store, policy, sha256, keys, badge, links = null, now = Date.now, timings = {}, health = () => null }) {
  async function sitesNow() {
    return effectiveSites(await store.get(KEYS.settings), await policy.managed());
  }

  // The check context (check-core.js), built once and kept until a key it
  // depends on changes (the store says so synchronously, on our own writes
  // and on other pages' writes alike) or IT's managed settings change.
  let context = null;
  const contextListeners = new Set();
  function invalidateContext() {
    context = null;
    for (const fn of contextListeners) fn();
  }
  store.subscribe?.((keys) => {
    if (keys.some((k) => CHECK_KEYS.has(k))) invalidateContext();
  });
  function checkState() {
    if (!context) {
      const building = (async () => {
        // One pass over the mirror; view() may validate a policy IT just
        // pushed, which writes (and so invalidates) before this resolves.
        const [managed, view] = await Promise.all([policy.managed(), policy.view()]);
        const [settings, ignored, recent] = await Promise.all([store.get(KEYS.settings), store.get(KEYS.ignored), store.get(KEYS.recent)]);
        return checkContext({ settings, ignored, recent, managed, view });
      })();
      context = building;
      building.catch(() => {
        if (context === building) context = null;
      });
    }
    return context;
  }

  async function unansweredNow() {
    return summarize((await store.get(KEYS.threads)) ?? {}, { now: now() }).today.unanswered;
  }

  // The badge: today's unanswered comments across the practice's Pages.
  async function refreshBadge() {
    const threads = (await store.get(KEYS.threads)) ?? {};
    const pruned = pruneThreads(threads, now());
    if (Object.keys(pruned).length !== Object.keys(threads).length) await store.update(KEYS.threads, (cur) => pruneThreads(cur, now()));
    const n = summarize(pruned, { now: now() }).today.unanswered;
    await badge(n);
    return n;
  }

  // pageNames: the policy's, or until it names any, the Page staff act as.
  async function pageNamesNow(view) {
    if (view.pageNames.length) return { names: view.pageNames, configured: true };
    const id = (await store.get(KEYS.identity)) ?? {};
    const names = ['facebook', 'instagram'].map((k) => id[k]?.name).filter((n) => typeof n === 'string' && n);
    return { names, configured: false };
  }

  async function recordLink(id, url) {
    const clean = cleanPageUrl(url);
    if (!links || !clean) return;
    const cur = (await links.get(SESSION_KEYS.links))[SESSION_KEYS.links] ?? {};
    if (cur[id] === clean) return;
    await links.set({ [SESSION_KEYS.links]: { ...cur, [id]: clean } });
  }

  const handlers = {
    async check(msg) {
      const [engine, ctx] = await Promise.all([policy.engine(), checkState()]);
      return answerCheck(engine, ctx, msg, keys.phraseHash, now());
    },

    async sent(msg) {
      const fp = String(msg.fingerprint ?? '').toLowerCase();
      if (!FINGERPRINT.test(fp)) return { ok: false, error: 'sent: fingerprint must be 16 hex digits' };
      const at = now();
      await store.update(KEYS.recent, (list) =>
        [...(list ?? []).filter((r) => r.fingerprint !== fp && at - r.at <= LIMITS.recentMaxAgeMs), { fingerprint: fp, at }].slice(-LIMITS.recentReplies),
      );
      // A reply sent from the box under a comment (or in its inbox thread)
      // answers that comment.
      const platform = siteKey(msg.answers?.platform);
      const cid = String(msg.answers?.id ?? '');
      if (platform && COMMENT_ID.test(cid)) {
        const id = await sha256(`${platform}:${cid}`);
        await store.update(KEYS.threads, (cur) => markHandled(cur, id, at, 'answered'));
        await refreshBadge();
      }
      return { ok: true };
    },

    // identity: the Page staff act as on this site ("Comment as ‹Name›",
    // Business Suite's asset_id). Answers with the Page names in use.
    async identity(msg) {
      const site = msg.site === 'facebook' || msg.site === 'instagram' ? msg.site : null;
      if (!site) return { ok: false, error: 'identity: unknown site' };
      const name = typeof msg.name === 'string' ? msg.name.trim().slice(0, PAGE_NAME_MAX) : '';
      const assetId = typeof msg.assetId === 'string' && /^\d{1,30}$/.test(msg.assetId) ? msg.assetId : '';
      if (name || assetId) {
        await store.update(KEYS.identity, (cur) => {
          const key = assetId ? 'business' : site;
          const prev = cur?.[key];
          if (prev && prev.name === (name || undefined) && prev.assetId === (assetId || undefined)) return cur;
          return { ...(cur ?? {}), [key]: { ...(name ? { name } : {}), ...(assetId ? { assetId } : {}), at: now() } };
        });
      }
      const { names, configured } = await pageNamesNow(await policy.view());
      return { ok: true, pageNames: names, configured };
    },

    // handled: the popup's "Mark handled" ({id}: a record key).
    async handled(msg) {
      const id = String(msg.id ?? '');
      if (!HASH.test(id)) return { ok: false, error: 'handled: id must be a record key' };
      await store.update(KEYS.threads, (cur) => markHandled(cur, id, now()));
      return { ok: true, unanswered: await refreshBadge() };
    },

    // ignore adds a finding to the practice's "ignore always" list. The
    // content script sends the reply text and the finding's place; the text
    // is checked again here, so only a finding the engine really makes can be
    // ignored, an error only when the policy allows it, and only a keyed hash
    // of the phrase is kept (with the reason, who decided, and an expiry).
    async ignore(msg) {
      if ((await policy.managed()).locked.has('ignored')) {
        return { ok: false, error: 'Your organization manages the ignore list on this computer.', locked: true };
      }
      const asked = validIgnoreRequest(msg);
      if (typeof asked === 'string') return { ok: false, error: `ignore: ${asked}` };
      const text = String(msg.text).slice(0, MAX_TEXT);
      const comment = typeof msg.comment === 'string' ? msg.comment.slice(0, MAX_TEXT) : '';
      const engine = await policy.engine();
      // Checked as staff saw it: a private message's severities differ.
      const res = await engine.check({ text, comment, platform: platformOf(msg), recent: [], private: msg.private === true });
      const f = (res.findings ?? []).find((x) => x.rule === asked.rule && x.start === asked.start && x.end === asked.end);
      if (!f || f.end <= f.start) return { ok: false, error: 'ignore: no such finding in this text' };
      const view = await policy.view();
      if (f.severity === 'error' && !view.ignore.allowErrors) {
        return { ok: false, error: 'ignore: the policy does not allow ignoring errors always' };
      }
      const keyId = await keys.ownKeyId();
      const at = now();
      const entry = {
        rule: f.rule,
        category: f.category,
        severity: f.severity,
        message: sanitizeMessage(f.message),
        keyId,
        phraseHash: await keys.phraseHash(keyId, ignorePhrase(text, f)),
        reason: asked.reason,
        by: asked.by,
        addedAt: at,
        expiresAt: at + view.ignore.days * DAY_MS,
      };
      await store.update(KEYS.ignored, (list) =>
        [...(list ?? []).filter((e) => !sameEntry(e, entry)), entry].slice(-LIMITS.ignored),
      );
      await store.set({ [KEYS.staff]: { name: asked.by } });
      return { ok: true, expiresAt: entry.expiresAt };
    },

    // threads: the comments on one of the Page's posts (or one Business
    // Suite thread) as the content script read them. Kept: a hash of the
    // platform and comment id, the posted time and its uncertainty, whether
    // answered, topic tags; the link goes to session memory only.
    async threads(msg) {
      const site = siteKey(msg.platform) ?? siteKey(msg.site) ?? siteKey(safeHost(msg.pageUrl));
      if (!site) return { ok: false, error: 'threads: unknown site' };
      const { names } = await pageNamesNow(await policy.view());
      const own = (name) => names.some((n) => samePageName(n, name));
      // Only the practice's own posts; a Business Suite inbox is the Page's own.
      const business = msg.business === true && /^asset:\d{1,30}$/.test(String(msg.owner ?? ''));
      if (!business && !own(msg.owner)) return { ok: true, unanswered: await unansweredNow(), tracked: false };
      const comments = (Array.isArray(msg.comments) ? msg.comments : [])
        .slice(0, MAX_COMMENTS)
        .filter((c) => c && COMMENT_ID.test(String(c.id ?? '')) && !own(c.author));
      const at = now();
      const known = (await store.get(KEYS.threads)) ?? {};
      const ids = await Promise.all(comments.map((c) => sha256(`${site}:${c.id}`)));
      const page = await sha256(`${site}:${String(msg.owner ?? '').toLowerCase()}`);
      let engine = null;
      const incoming = [];
      for (let i = 0; i < comments.length; i++) {
        const c = comments[i];
        const posted = postedTime(c.posted, at);
        const spanMs = posted != null && Number.isFinite(c.spanMs) && c.spanMs >= 0 ? Math.min(c.spanMs, LIMITS.unansweredMaxAgeMs) : 0;
        const item = { id: ids[i], site, posted, spanMs, answered: c.answered === true, page };
        if (!known[ids[i]] && typeof c.text === 'string' && c.text.trim()) {
          engine ??= await policy.engine();
          const res = await engine.check({ text: '', comment: c.text.slice(0, MAX_TEXT), platform: site });
          // Tags only (e.g. "wait_time"): anything else could be comment text.
          item.topics = (res.comment?.topics ?? []).filter((t) => typeof t === 'string' && TOPIC_TAG.test(t)).slice(0, 10);
        }
        incoming.push(item);
        if (!item.answered) await recordLink(ids[i], c.link);
      }
      await store.update(KEYS.threads, (cur) => pruneThreads(mergeThreads(cur, incoming, { now: at }), at));
      await store.update(KEYS.pageScans, (cur) => ({ ...(cur ?? {}), [page]: at }));
      const unanswered = await refreshBadge();
      return { ok: true, unanswered, tracked: true };
    },

    async settings() {
      const view = await policy.view();
      const managed = await policy.managed();
      const settings = (await store.get(KEYS.settings)) ?? {};
      const { names, configured } = await pageNamesNow(view);
      return {
        ok: true,
        sites: await sitesNow(),
        confirmBeforeSend: effectiveConfirm(view.confirmBeforeSend, managed),
        pageNames: names,
        pageNamesConfigured: configured,
        privateMessages: view.privateMessages,
        personalProfiles: view.personalProfiles,
        pausedUntil: typeof settings.pausedUntil === 'number' ? settings.pausedUntil : 0,
        // What the card needs to offer "Ignore always"; the list itself stays
        // with the extension.
        ignore: view.ignore,
        staffName: (await store.get(KEYS.staff))?.name ?? '',
        ...(view.selectors ? { selectors: view.selectors } : {}),
        locked: [...managed.locked],
      };
    },

    // Extension pages only.

    async status() {
      await policy.view(); // validates a policy IT has just pushed
      const managed = await policy.managed();
      return {
        ok: true,
        active: await policy.active(),
        status: (await store.get(KEYS.policyStatus)) ?? null,
        managed: { present: managed.present, locked: [...managed.locked], policyUrl: managed.policyUrl, inline: Boolean(managed.policyText) },
        timings: { ...timings },
        health: await health(),
      };
    },

    'policy.load': (msg) => policy.load({ source: msg.source, text: msg.text, url: msg.url, fileName: msg.fileName }),
    'policy.refresh': () => policy.refresh(),
    'policy.reset': () => policy.reset(),

    async unignore(msg) {
      if ((await policy.managed()).locked.has('ignored')) {
        return { ok: false, error: 'Your organization manages the ignore list on this computer.', locked: true };
      }
      await store.update(KEYS.ignored, (list) =>
        (list ?? []).filter((e) => !(e.phraseHash === msg.phraseHash && (!msg.rule || e.rule === msg.rule) && (!msg.keyId || e.keyId === msg.keyId))),
      );
      return { ok: true };
    },

    // import applies a settings file; a policy inside it goes through the
    // engine first and nothing changes unless all of it is valid.
    async import(msg) {
      const managed = await policy.managed();
      if (managed.locked.has('import')) return { ok: false, error: 'Your organization does not allow importing settings here.', locked: true };
      const parsed = parseSettings(msg.settings);
      if (!parsed.ok) return { ok: false, error: 'the settings file has problems', errors: parsed.errors };
      // Entries hashed under another browser's key work only once its key
      // file has been imported here.
      const keyIds = [...new Set(parsed.value.ignored.map((e) => e.keyId))];
      const known = new Set(await keys.knownKeyIds(keyIds));
      const missing = keyIds.filter((id) => !known.has(id));
      if (missing.length && !managed.locked.has('ignored')) {
        return { ok: false, error: 'the ignore list needs its key file', missingKeys: missing, errors: missing.map((id) => ({ path: 'ignored', message: `import the key file for key ${id} first` })) };
      }
      const v = parsed.value;
      // A settings file may not quietly point this computer at a policy URL:
      // the options page shows the change and sends it again confirmed.
      if (v.policyUrl && msg.confirmPolicyUrl !== v.policyUrl) {
        const active = await policy.active();
        return { ok: false, needsConfirm: true, changes: [{ field: 'policy_url', from: active.url ?? null, to: v.policyUrl }], error: `the settings file would set the policy URL to ${v.policyUrl}` };
      }
      if (v.policyUrl && (await policy.signedOnly())) {
        return { ok: false, error: 'a policy public key is configured here: an unsigned policy URL cannot be imported' };
      }
      const skipped = [];
      if (v.policy && !managed.locked.has('policy')) {
        const r = await policy.load({ source: 'import', text: v.policy });
        if (!r.ok) return { ok: false, error: r.error, errors: (r.errors ?? []).map((e) => ({ ...e, path: e.path ? `policy.${e.path}` : 'policy' })) };
        if (v.policyUrl) await store.update(KEYS.localPolicy, (rec) => ({ ...rec, source: 'url', url: v.policyUrl }));
      } else if (v.policy) skipped.push('policy');
      if (!managed.locked.has('sites')) {
        await store.update(KEYS.settings, (s) => ({ ...(s ?? {}), sites: { ...(s?.sites ?? {}), ...v.sites } }));
      } else if (Object.keys(v.sites).length) skipped.push('sites');
      if (!managed.locked.has('ignored')) {
        await store.update(KEYS.ignored, (list) => {
          const key = (e) => `${e.rule}\n${e.keyId}\n${e.phraseHash}`;
          const merged = new Map((list ?? []).map((e) => [key(e), e]));
          for (const e of v.ignored) merged.set(key(e), e);
          return [...merged.values()].slice(-LIMITS.ignored);
        });
      } else if (v.ignored.length) skipped.push('ignored');
      return { ok: true, skipped };
    },
  };

  return {
    handlers,
    refreshBadge,
    // For the worker and tests: the cached check context, and a way to drop
    // it (IT's managed settings changed) or hear that it was dropped.
    checkContext: {
      get: checkState,
      invalidate: invalidateContext,
      onInvalidate(fn) {
        contextListeners.add(fn);
        return () => contextListeners.delete(fn);
      },
    },
  };
}

const DAY_MS = 24 * 3600_000;

function sameEntry(a, b) {
  return a.rule === b.rule && a.keyId === b.keyId && a.phraseHash === b.phraseHash;
}

function validIgnoreRequest(msg) {
  const rule = String(msg.rule ?? '');
  if (!RULE.test(rule)) return 'rule must be a rule name';
  if (typeof msg.text !== 'string' || !msg.text) return 'text must be the reply that has the finding';
  const { start, end } = msg;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) return 'start and end must mark the flagged phrase';
  const reason = String(msg.reason ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
  if (!reason) return 'a reason is required';
  const by = String(msg.by ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
  if (!by) return 'the name of who decided is required';
  return { rule, start, end, reason, by };
}

function safeHost(url) {
  try {
    return new URL(String(url)).hostname;
  } catch {
    return '';
  }
}

// dispatch routes one message, refusing page-only messages from content
// scripts, and turns every failure into {ok: false, error}.
export async function dispatch(handlers, msg, { fromExtensionPage }) {
  const type = msg?.type;
  const handler = typeof type === 'string' && Object.hasOwn(handlers, type) ? handlers[type] : null;
  if (!handler) return { ok: false, error: `unknown message type ${JSON.stringify(String(type)).slice(0, 40)}` };
  if (PAGE_ONLY.has(type) && !fromExtensionPage) return { ok: false, error: `${type} is only accepted from the extension's own pages` };
  try {
    return await handler(msg);
  } catch (err) {
    return { ok: false, error: `${type}: ${err?.message ?? err}` };
  }
}
