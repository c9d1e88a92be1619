// Reads what the popup and options page show, straight from storage: the
// same pure functions the service worker uses decide the policy in force.

import { KEYS } from './keys.js';
import { activePolicyRecord, readManaged } from './managed.js';
import { policyView } from './policy-view.js';

export async function readState() {
  // Asking the worker first lets it validate a policy IT has just pushed.
  const status = await send({ type: 'status' });
  const [local, managedRaw] = await Promise.all([
    chrome.storage.local.get(Object.values(KEYS)),
    chrome.storage.managed.get().catch(() => ({})),
  ]);
  const managed = readManaged(managedRaw);
  const record = activePolicyRecord({ managed, managedPolicy: local[KEYS.managedPolicy], serverPolicy: local[KEYS.serverPolicy], localPolicy: local[KEYS.localPolicy] });
  return {
    status,
    managed,
    record,
    view: policyView(record?.text ?? null),
    threads: local[KEYS.threads] ?? {},
    pageScans: local[KEYS.pageScans] ?? {},
    identity: local[KEYS.identity] ?? {},
    // The Page staff were seen acting as, until the policy names its Pages.
    learnedNames: ['facebook', 'instagram'].map((k) => local[KEYS.identity]?.[k]?.name).filter(Boolean),
    settings: local[KEYS.settings] ?? {},
    ignored: local[KEYS.ignored] ?? [],
    localPolicy: local[KEYS.localPolicy] ?? null,
    policyStatus: local[KEYS.policyStatus] ?? null,
  };
}

// send messages the service worker; failures come back as {ok: false, error}.
export async function send(message) {
  try {
    return (await chrome.runtime.sendMessage(message)) ?? { ok: false, error: 'no answer from the service worker' };
  } catch (err) {
    return { ok: false, error: err?.message ?? String(err) };
  }
}

// onStateChange calls fn (at most once per frame) whenever stored state changes.
export function onStateChange(fn) {
  let queued = false;
  chrome.storage.onChanged.addListener(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      fn();
    });
  });
}
