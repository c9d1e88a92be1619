// Settings export/import as a JSON file. A settings file carries choices only:
// site toggles, the "ignore always" list (keyed hashes, never phrases, with
// the id of the key that made them: the key itself travels only in a
// passphrase-sealed key file, see background/ignore-keys.js), the policy URL
// and the locally loaded policy. Never comment history or any text typed.

import { CATEGORIES, LIMITS, SITES } from './keys.js';

export const FORMAT = 'replyguard-settings';
export const FORMAT_VERSION = 1;

const HASH = /^[0-9a-f]{64}$/;
const RULE = /^[a-z0-9][a-z0-9_.-]{0,63}$/i;
const TOP_KEYS = ['format', 'version', 'exported_at', 'sites', 'ignored', 'policy_url', 'policy'];
const IGNORED_KEYS = ['rule', 'category', 'severity', 'message', 'key_id', 'phrase_hash', 'reason', 'by', 'added_at', 'expires_at'];
const KEY_ID = /^[0-9a-f]{16}$/;
const SEVERITIES = ['info', 'warning', 'error'];

// sanitizeMessage keeps a rule's message safe to store: quoted spans are
// dropped in case a message ever quotes the flagged phrase.
export function sanitizeMessage(message) {
  return String(message ?? '')
    .replace(/"[^"]*"|“[^”]*”|‘[^’]*’|«[^»]*»/g, '…')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, LIMITS.messageChars);
}

// exportSettings builds the file's object from what is stored.
export function exportSettings({ settings, ignored, localPolicy }, now = Date.now()) {
  const out = { format: FORMAT, version: FORMAT_VERSION, exported_at: new Date(now).toISOString() };
  const sites = settings?.sites ?? {};
  out.sites = {};
  for (const s of SITES) if (typeof sites[s] === 'boolean') out.sites[s] = sites[s];
  // Only entries that still apply: keyed and not expired.
  out.ignored = (ignored ?? [])
    .filter((e) => e.keyId && e.expiresAt > now)
    .map((e) => ({
      rule: e.rule,
      category: e.category,
      severity: e.severity,
      message: sanitizeMessage(e.message),
      key_id: e.keyId,
      phrase_hash: e.phraseHash,
      reason: e.reason,
      by: e.by,
      added_at: new Date(e.addedAt ?? now).toISOString(),
      expires_at: new Date(e.expiresAt).toISOString(),
    }));
  if (localPolicy?.url) out.policy_url = localPolicy.url;
  if (localPolicy?.text) out.policy = JSON.parse(localPolicy.text);
  return out;
}

// parseSettings validates a settings file (text or object). It returns
// {ok: true, value} or {ok: false, errors: [{path, message}]}.
export function parseSettings(input) {
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (err) {
      return { ok: false, errors: [{ path: '', message: `not JSON: ${err.message}` }] };
    }
  }
  const errors = [];
  const fail = (path, message) => errors.push({ path, message });
  if (!isObject(doc)) return { ok: false, errors: [{ path: '', message: 'must be a JSON object' }] };
  for (const k of Object.keys(doc)) if (!TOP_KEYS.includes(k)) fail(k, 'unknown field (settings files hold no comment history or text)');
  if (doc.format !== FORMAT) fail('format', `must be "${FORMAT}"`);
  if (doc.version !== FORMAT_VERSION) fail('version', `must be ${FORMAT_VERSION}`);

  const value = { sites: {}, ignored: [], policyUrl: null, policy: null };
  if (doc.sites !== undefined) {
    if (!isObject(doc.sites)) fail('sites', 'must be an object');
    else {
      for (const [k, v] of Object.entries(doc.sites)) {
        if (!SITES.includes(k)) fail(`sites.${k}`, `unknown site (expected ${SITES.join(' or ')})`);
        else if (typeof v !== 'boolean') fail(`sites.${k}`, 'must be true or false');
        else value.sites[k] = v;
      }
    }
  }
  if (doc.ignored !== undefined) {
    if (!Array.isArray(doc.ignored)) fail('ignored', 'must be an array');
    else if (doc.ignored.length > LIMITS.ignored) fail('ignored', `at most ${LIMITS.ignored} entries`);
    else doc.ignored.forEach((e, i) => {
      const at = `ignored[${i}]`;
      if (!isObject(e)) return fail(at, 'must be an object');
      for (const k of Object.keys(e)) if (!IGNORED_KEYS.includes(k)) fail(`${at}.${k}`, 'unknown field');
      if (typeof e.rule !== 'string' || !RULE.test(e.rule)) fail(`${at}.rule`, 'must be a rule name');
      if (!CATEGORIES.includes(e.category)) fail(`${at}.category`, `must be one of ${CATEGORIES.join(', ')}`);
      if (e.message !== undefined && typeof e.message !== 'string') fail(`${at}.message`, 'must be a string');
      if (!SEVERITIES.includes(e.severity)) fail(`${at}.severity`, `must be one of ${SEVERITIES.join(', ')}`);
      if (typeof e.key_id !== 'string' || !KEY_ID.test(e.key_id)) fail(`${at}.key_id`, 'must be 16 lower-case hex digits (the id of the key that made phrase_hash)');
      if (typeof e.phrase_hash !== 'string' || !HASH.test(e.phrase_hash)) fail(`${at}.phrase_hash`, 'must be 64 lower-case hex digits (an HMAC-SHA-256)');
      for (const k of ['reason', 'by']) if (typeof e[k] !== 'string' || !e[k].trim()) fail(`${at}.${k}`, 'must be a non-empty string');
      const added = e.added_at === undefined ? Date.now() : Date.parse(e.added_at);
      if (Number.isNaN(added)) fail(`${at}.added_at`, 'must be a date');
      const expires = Date.parse(e.expires_at);
      if (Number.isNaN(expires)) fail(`${at}.expires_at`, 'must be a date');
      value.ignored.push({
        rule: e.rule,
        category: e.category,
        severity: e.severity,
        message: sanitizeMessage(e.message),
        keyId: e.key_id,
        phraseHash: e.phrase_hash,
        reason: String(e.reason ?? '').slice(0, 200),
        by: String(e.by ?? '').slice(0, 60),
        addedAt: added,
        expiresAt: expires,
      });
    });
  }
  if (doc.policy_url !== undefined) {
    const err = policyUrlProblem(doc.policy_url);
    if (err) fail('policy_url', err);
    else value.policyUrl = doc.policy_url;
  }
  if (doc.policy !== undefined) {
    if (!isObject(doc.policy)) fail('policy', 'must be a policy object');
    else value.policy = JSON.stringify(doc.policy);
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

// policyUrlProblem says why a policy URL is unusable, or returns null.
export function policyUrlProblem(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return 'must be a full URL (https://…)';
  }
  if (u.protocol !== 'https:') return 'must use https://';
  if (u.username || u.password) return 'must not contain a user name or password';
  return null;
}

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
