// The `check` answer of extension/PROTOCOL.md, shared by the service worker
// and the offscreen document (which answers content scripts' checks itself
// while the worker keeps it in sync, saving a message hop per keystroke).
// A check reads no storage: everything it needs besides the engine is in a
// CheckContext, which the worker builds once from its storage mirror and
// rebuilds when a key it depends on changes. The context holds hashes,
// fingerprints and switches only; reply and comment text is used in memory
// for the one call and never stored, logged or put in an error.

import { effectiveConfirm, effectiveSites } from '../shared/managed.js';
import { siteKey } from '../shared/keys.js';

export const MAX_TEXT = 20_000;

// checkContext is plain data (it crosses to the offscreen document):
// {recent: [fingerprint], ignored: [["rule\nkeyId\nphraseHash", expiresAt]],
// keyIds: [keyId], sites: {facebook, instagram}, confirmBeforeSend}.
// Entries without a key id (plain SHA-256, from before keyed hashes) or
// without an expiry are not applied.
export function checkContext({ settings, ignored, recent, managed, view }) {
  const live = (ignored ?? []).filter((e) => e.keyId && Number.isFinite(e.expiresAt));
  return {
    recent: (recent ?? []).map((r) => r.fingerprint),
    ignored: live.map((e) => [ignoreEntryKey(e.rule, e.keyId, e.phraseHash), e.expiresAt]),
    keyIds: [...new Set(live.map((e) => e.keyId))],
    sites: effectiveSites(settings, managed),
    confirmBeforeSend: effectiveConfirm(view.confirmBeforeSend, managed),
    // Categories staff switched off, where the policy allows it.
    categoriesOff: (settings?.categoriesOff ?? []).filter((c) => (view.staffMayDisable ?? []).includes(c)),
  };
}

export function ignoreEntryKey(rule, keyId, phraseHash) {
  return `${rule}\n${keyId}\n${phraseHash}`;
}

// ignorePhrase is what an entry hashes: the flagged phrase, lower-cased.
export function ignorePhrase(text, f) {
  return text.slice(f.start, f.end).toLowerCase();
}

// The ignore list as a Map (entry key -> expiry), built once per context.
const ignoredMaps = new WeakMap();
function ignoredMap(ctx) {
  let map = ignoredMaps.get(ctx);
  if (!map) ignoredMaps.set(ctx, (map = new Map(ctx.ignored)));
  return map;
}

export function platformOf(msg) {
  if (msg.platform === 'facebook' || msg.platform === 'instagram') return msg.platform;
  return siteKey(msg.site) ?? 'facebook';
}

// answerCheck runs one check. engine.check may return a value or a promise;
// hash(keyId, phrase) is the ignore list's keyed hash (ignore-keys.js).
export async function answerCheck(engine, ctx, msg, hash, now = Date.now()) {
  const text = String(msg.text ?? '').slice(0, MAX_TEXT);
  const comment = typeof msg.comment === 'string' ? msg.comment.slice(0, MAX_TEXT) : '';
  const platform = platformOf(msg);
  const res = await engine.check({ text, comment, platform, recent: ctx.recent, private: msg.private === true });
  const site = siteKey(msg.site) ?? platform;
  const enabled = ctx.sites[site] !== false;
  let findings = enabled ? res.findings ?? [] : [];
  if (ctx.categoriesOff?.length) findings = findings.filter((f) => !ctx.categoriesOff.includes(f.category));
  // Drop findings whose rule and phrase are on the "ignore always" list and
  // not expired (compared by keyed hash: the list never holds phrases).
  if (findings.length && ctx.ignored.length) {
    const entries = ignoredMap(ctx);
    const ignored = await Promise.all(
      findings.map(async (f) => {
        for (const keyId of ctx.keyIds) {
          const expires = entries.get(ignoreEntryKey(f.rule, keyId, await hash(keyId, ignorePhrase(text, f))));
          if (expires > now) return true;
        }
        return false;
      }),
    );
    findings = findings.filter((f, i) => !ignored[i]);
  }
  return {
    ok: true,
    findings,
    comment: res.comment,
    fingerprint: res.fingerprint,
    confirmBeforeSend: ctx.confirmBeforeSend,
    ...(enabled ? {} : { disabled: true }),
  };
}
