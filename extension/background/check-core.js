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
// {recent: [fingerprint], ignored: ["rule\nphraseHash"], sites: {facebook, instagram}, confirmBeforeSend}.
export function checkContext({ settings, ignored, recent, managed, view }) {
  return {
    recent: (recent ?? []).map((r) => r.fingerprint),
    ignored: (ignored ?? []).map((e) => `${e.rule}\n${e.phraseHash}`),
    sites: effectiveSites(settings, managed),
    confirmBeforeSend: effectiveConfirm(view.confirmBeforeSend, managed),
    // Categories staff switched off, where the policy allows it.
    categoriesOff: (settings?.categoriesOff ?? []).filter((c) => (view.staffMayDisable ?? []).includes(c)),
  };
}

// The ignore list as a Set, built once per context.
const ignoredSets = new WeakMap();
function ignoredSet(ctx) {
  let set = ignoredSets.get(ctx);
  if (!set) ignoredSets.set(ctx, (set = new Set(ctx.ignored)));
  return set;
}

export function platformOf(msg) {
  if (msg.platform === 'facebook' || msg.platform === 'instagram') return msg.platform;
  return siteKey(msg.site) ?? 'facebook';
}

// answerCheck runs one check. engine.check may return a value or a promise.
export async function answerCheck(engine, ctx, msg, sha256) {
  const text = String(msg.text ?? '').slice(0, MAX_TEXT);
  const comment = typeof msg.comment === 'string' ? msg.comment.slice(0, MAX_TEXT) : '';
  const platform = platformOf(msg);
  const res = await engine.check({ text, comment, platform, recent: ctx.recent });
  const site = siteKey(msg.site) ?? platform;
  const enabled = ctx.sites[site] !== false;
  let findings = enabled ? res.findings ?? [] : [];
  if (ctx.categoriesOff?.length) findings = findings.filter((f) => !ctx.categoriesOff.includes(f.category));
  // Drop findings whose rule and phrase are on the "ignore always" list
  // (compared by hash: the list never holds phrases).
  if (findings.length && ctx.ignored.length) {
    const keys = ignoredSet(ctx);
    const hashes = await Promise.all(findings.map((f) => sha256(text.slice(f.start, f.end).toLowerCase())));
    findings = findings.filter((f, i) => !keys.has(`${f.rule}\n${hashes[i]}`));
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
