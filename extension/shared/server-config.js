// The policy server a computer follows (options page or IT's managed
// storage), and how its state is put into words for the popup and options
// page. No chrome.* calls: Node tests import it as is.

import { LIMITS } from './keys.js';

const ORG = /^[a-z0-9][a-z0-9-]{0,62}$/;

// serverUrlProblem says why a server URL is unusable, or returns null: https
// only, except plain http to this computer for a local `replyguard serve`.
export function serverUrlProblem(url) {
  let u;
  try {
    u = new URL(String(url));
  } catch {
    return 'must be a full address, like https://policies.example.org';
  }
  if (u.username || u.password) return 'must not contain a user name or password';
  if (u.search || u.hash) return 'must not contain ? or #';
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && isLoopback(u.hostname)) return null;
  return 'must use https:// (plain http:// only for 127.0.0.1 or localhost)';
}

// redirectAllowed says whether a fetch of `from` may end at `to`: never away
// from https; a local http server may only redirect within itself or to https.
export function redirectAllowed(from, to) {
  let a, b;
  try {
    a = new URL(from);
    b = new URL(to);
  } catch {
    return false;
  }
  if (b.protocol === 'https:') return true;
  return a.protocol === 'http:' && b.origin === a.origin;
}

function isLoopback(host) {
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

// configProblems validates a configuration from the options page:
// [{field, message}], empty when usable.
export function configProblems(c) {
  const out = [];
  const urlProblem = serverUrlProblem(c?.url ?? '');
  if (urlProblem) out.push({ field: 'url', message: `Server address ${urlProblem}` });
  if (!ORG.test(String(c?.org ?? ''))) out.push({ field: 'org', message: 'Organisation must be lower-case letters, digits or "-" (as registered on the server)' });
  if (!String(c?.readToken ?? '').trim()) out.push({ field: 'readToken', message: 'Read token is required' });
  if (!String(c?.publicKey ?? '').trim()) out.push({ field: 'publicKey', message: 'Public key is required (from replyguard policy keygen)' });
  const m = c?.refreshMinutes;
  if (m !== undefined && m !== null && m !== '' && !(Number.isInteger(Number(m)) && Number(m) >= 1 && Number(m) <= 1440)) {
    out.push({ field: 'refreshMinutes', message: 'Refresh interval must be 1 to 1440 minutes' });
  }
  return out;
}

// policyEndpoint is the organisation's policy address on the server.
export function policyEndpoint({ url, org }) {
  return `${String(url).replace(/\/+$/, '')}/v1/orgs/${encodeURIComponent(org)}/policy`;
}

// originPattern is the host permission a server needs ("https://host/*").
export function originPattern(url) {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

// readCapped reads a fetch Response's body as text, giving up (and
// cancelling the download) once it passes limit bytes.
export async function readCapped(res, limit = LIMITS.policyBytes) {
  const declared = Number(res.headers.get('content-length'));
  if (declared > limit) {
    res.body?.cancel().catch(() => {});
    throw new Error(`the policy is larger than ${limit / 1024} KB`);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => {});
      throw new Error(`the policy is larger than ${limit / 1024} KB`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(all);
}

// clock is HH:MM in local time.
export function clock(ms) {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

// statusLine puts the last fetch into one sentence:
//   "Update failed 10:42: signature does not match — keeping Riverside Family Dental, serial 14"
export function statusLine(status) {
  if (!status) return '';
  const kept = status.serial ? `${status.name}, serial ${status.serial}` : `${status.name ?? 'the built-in policy'} (no signed policy yet)`;
  if (!status.ok) return `Update failed ${clock(status.at)}: ${status.reason} — keeping ${kept}`;
  if (status.unchanged) return `Checked ${clock(status.at)}: ${kept} is current`;
  return `Updated ${clock(status.at)}: ${kept}`;
}

// bundleReason turns engine.wasm's verify_bundle refusal into the reason
// staff read.
export function bundleReason(r) {
  switch (r?.kind) {
    case 'signature':
      return 'signature does not match';
    case 'key_id':
      return 'signed with a different key than the one configured';
    case 'key':
      return `the configured public key is unusable (${stripKind(r.error)})`;
    case 'serial':
      return `not newer than the policy in force (${stripKind(r.error)})`;
    case 'policy':
      return `invalid policy (${stripKind(r.error)})`;
  }
  return `not a signed policy bundle (${stripKind(r?.error ?? 'unknown error')})`;
}

function stripKind(msg) {
  return String(msg).replace(/^[a-z_]+: /, '');
}
