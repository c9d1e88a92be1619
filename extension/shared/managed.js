// What IT pushed through Chrome's managed storage (extension/managed_schema.json),
// and how it overrides the staff member's own settings.

import { SITES } from './keys.js';

// Settings IT can lock: by name in `locked`, or with a `lock_<name>` boolean.
export const LOCKABLE = ['sites', 'policy', 'ignored', 'import'];

// readManaged normalizes chrome.storage.managed contents (or {} / undefined).
export function readManaged(raw) {
  raw = raw && typeof raw === 'object' ? raw : {};
  const locked = new Set();
  if (Array.isArray(raw.locked)) {
    for (const name of raw.locked) if (LOCKABLE.includes(name)) locked.add(name);
  }
  for (const name of LOCKABLE) if (raw[`lock_${name}`] === true) locked.add(name);

  let policyText = null;
  if (typeof raw.policy === 'string' && raw.policy.trim() !== '') policyText = raw.policy;
  else if (raw.policy && typeof raw.policy === 'object') policyText = JSON.stringify(raw.policy);
  const policyUrl = typeof raw.policy_url === 'string' && raw.policy_url.trim() !== '' ? raw.policy_url.trim() : null;
  // A policy pushed by IT overrides local ones, so loading one locally is moot.
  if (policyText || policyUrl) locked.add('policy');

  // The policy server (all four set together; the URL turns it on). Set by
  // IT, none of them can be changed on the computer.
  let server = null;
  const text = (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  if (text(raw.policy_server_url)) {
    server = {
      url: text(raw.policy_server_url),
      org: text(raw.policy_server_org) ?? '',
      readToken: text(raw.policy_server_read_token) ?? '',
      publicKey: text(raw.policy_server_public_key) ?? '',
    };
    locked.add('server');
  }
  const refreshMinutes = Number.isInteger(raw.policy_refresh_minutes) && raw.policy_refresh_minutes >= 1 ? raw.policy_refresh_minutes : null;

  const sites = {};
  if (raw.sites && typeof raw.sites === 'object') {
    for (const s of SITES) if (typeof raw.sites[s] === 'boolean') sites[s] = raw.sites[s];
  }
  return {
    policyText,
    policyUrl,
    server,
    refreshMinutes,
    locked,
    sites,
    confirmBeforeSend: typeof raw.confirm_before_send === 'boolean' ? raw.confirm_before_send : null,
    // Whether IT configured anything at all (the UI says "managed by your organization").
    present: Object.keys(raw).length > 0,
  };
}

// effectiveSites is the per-site on/off that applies: IT's value when locked,
// else the staff member's choice, else IT's default, else on.
export function effectiveSites(settings, managed) {
  const own = settings?.sites ?? {};
  const out = {};
  for (const s of SITES) {
    if (managed.locked.has('sites')) out[s] = managed.sites[s] ?? true;
    else out[s] = typeof own[s] === 'boolean' ? own[s] : managed.sites[s] ?? true;
  }
  return out;
}

// effectiveConfirm: IT's confirm_before_send wins over the policy's.
export function effectiveConfirm(policyConfirm, managed) {
  return managed.confirmBeforeSend ?? policyConfirm;
}

// activePolicyRecord picks the policy in force: IT's (last good) while IT
// configures one, else the last good signed policy from the policy server,
// else the local one, else null for the built-in default.
export function activePolicyRecord({ managed, managedPolicy, serverPolicy, localPolicy }) {
  if ((managed.policyText || managed.policyUrl) && managedPolicy) return managedPolicy;
  return serverPolicy ?? localPolicy ?? null;
}
