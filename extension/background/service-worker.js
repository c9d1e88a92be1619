// ReplyGuard's service worker: answers content scripts' checks with the rule
// engine (page CSPs can block WebAssembly there), keeps the comment records behind
// the popup and the toolbar badge, and manages the policy. Listeners are
// registered synchronously at the top level so Chromium can wake the worker
// for any of them.

import { loadEngine } from '../engine/engine.js';
import { createDirectChecks } from './direct-checks.js';
import { createEngineHost, compileEngine } from './engine-host.js';
import { createHandlers, dispatch } from './handlers.js';
import { knownKeyIds, ownKeyId, phraseHash } from './ignore-keys.js';
import { createOffscreenEngineHost } from './offscreen-host.js';
import { createManagedSource, createPolicyManager, fetchPolicyText } from './policy.js';
import { SERVER_ALARM, createPolicyServer } from './policy-server.js';
import { isExtensionPage } from './senders.js';
import { createStore } from './store.js';
import { KEYS } from '../shared/keys.js';

// Content scripts run inside pages someone else controls: they may not read
// or write the extension's storage at all (the default lets them). They get
// what they need by message, and the worker checks who asks for a change.
background(chrome.storage.local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }));
const ME = { id: chrome.runtime.id, origin: chrome.runtime.getURL('') };

const REFRESH_ALARM = 'replyguard-hourly';
const REFRESH_MINUTES = 60;

const workerStarted = performance.now();
const timings = { engineHost: chrome.offscreen ? 'offscreen document' : 'service worker' };
const store = createStore(chrome.storage.local);
const managedSource = createManagedSource(chrome.storage.managed);
// With the "offscreen" permission the engine lives in an offscreen document
// and survives worker restarts (a cold worker then answers its first check
// in tens of ms instead of paying the engine's start-up); without it, the
// worker hosts the engine itself.
const engineHost = chrome.offscreen
  ? createOffscreenEngineHost({ offscreen: chrome.offscreen, runtime: chrome.runtime, onRecover: () => broadcast({ type: 'engine.up' }) })
  : createEngineHost({ compile: () => compileEngine(chrome.runtime.getURL('wasm/engine.wasm')), loadEngine });
// The policy server the manager configured (options page or IT); created
// after the policy manager, which asks it whether only signed policies count.
let server = null;
const policy = createPolicyManager({ store, engineHost, managedSource, fetchText: fetchPolicyText, signedOnly: () => server?.signedOnly() ?? false });
server = createPolicyServer({ store, engineHost, managedSource, policy, alarms: chrome.alarms });
const { handlers, refreshBadge, checkContext } = createHandlers({
  store,
  policy,
  sha256,
  keys: { ownKeyId, phraseHash, knownKeyIds },
  badge: showBadge,
  links: chrome.storage.session ?? null,
  timings,
  health: async () => (engineHost.status ? engineHost.status() : null),
});
Object.assign(handlers, {
  'server.configure': (msg) => server.configure(msg.config),
  'server.refresh': () => server.refresh(),
  'server.status': () => server.status(),
});
// While the offscreen document holds the engine and the worker's current
// check context, it answers content scripts' checks itself (one hop).
const direct = createDirectChecks({ host: engineHost, policy, checkContext });
// Messages that change what a check answers: their reply waits until the
// offscreen document has the new context (or is on hold), so a check sent
// right after never sees the old state.
const CHANGES_CHECKS = new Set(['sent', 'ignore', 'unignore', 'import', 'policy.load', 'policy.refresh', 'policy.reset', 'server.configure', 'server.refresh']);

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  // The offscreen document answers this one (decided synchronously: the
  // first answer wins, and the document's is the fresh one while serving).
  if (msg?.type === 'check' && direct.serving) return false;
  // Messages for the offscreen document are not ours.
  if (msg?.target === 'replyguard-engine') return false;
  const received = performance.now();
  const fromExtensionPage = isExtensionPage(sender, ME);
  // A page asking for settings is about to need checks: warm the engine now.
  if (msg?.type === 'settings') background(policy.engine());
  dispatch(handlers, msg, { fromExtensionPage }).then(async (reply) => {
    if (msg?.type === 'check' && timings.coldCheckMs === undefined) recordColdCheck(received);
    if (CHANGES_CHECKS.has(msg?.type)) await direct.settled();
    sendResponse(reply);
    // Hand the checks (back) to the offscreen document.
    background(direct.ensure());
  });
  return true; // the reply is sent asynchronously
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local') store.changed(changes);
  if (area === 'managed') {
    managedSource.invalidate();
    checkContext.invalidate();
    background(policy.refresh().finally(() => broadcast({ type: 'settings.changed' })));
    background(server.schedule().then(() => server.refresh()).finally(() => direct.ensure()));
  }
});

// Open pages learn of changes that alter what they show (site switches, the
// policy, the ignore list) by message, since they cannot watch storage. Not
// the learned identity: the content script that sends it takes the Page
// names from the reply (a broadcast would restart its thread watch, which
// sends the identity again).
const PAGE_KEYS = new Set([KEYS.settings, KEYS.localPolicy, KEYS.managedPolicy, KEYS.serverPolicy, KEYS.ignored]);
let broadcastTimer = 0;
store.subscribe((keys) => {
  if (!keys.some((k) => PAGE_KEYS.has(k))) return;
  clearTimeout(broadcastTimer);
  broadcastTimer = setTimeout(() => broadcast({ type: 'settings.changed' }), 30);
});

// broadcast tells the content script in every supported tab.
async function broadcast(message) {
  const patterns = chrome.runtime.getManifest().content_scripts?.flatMap((c) => c.matches) ?? [];
  const tabs = await chrome.tabs.query({ url: patterns }).catch(() => []);
  for (const tab of tabs) chrome.tabs.sendMessage(tab.id, message).catch(() => {}); // no content script there
}

chrome.runtime.onStartup.addListener(() => background(startup()));
chrome.runtime.onInstalled.addListener((details) => {
  // This install's key for the ignore list's phrase hashes, made once.
  background(ownKeyId());
  background(startup());
  // First run: the setup page asks for the practice's details (or its policy).
  if (details?.reason === 'install') background(openSetup());
});

async function openSetup() {
  const managed = await policy.managed();
  if (managed.locked.has('policy') || (await store.get(KEYS.localPolicy))) return;
  await chrome.tabs.create({ url: chrome.runtime.getURL('extension/setup/setup.html') });
}
chrome.alarms?.onAlarm.addListener((alarm) => {
  if (alarm.name === REFRESH_ALARM) background(Promise.all([policy.refresh().finally(() => direct.ensure()), refreshBadge()]));
  if (alarm.name === SERVER_ALARM) background(server.refresh().finally(() => direct.ensure()));
});

async function startup() {
  if (chrome.alarms && !(await chrome.alarms.get(REFRESH_ALARM))) {
    await chrome.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES, delayInMinutes: REFRESH_MINUTES });
  }
  await Promise.all([refreshBadge(), policy.refresh(), server.schedule().then(() => server.refresh())]);
  await policy.engine(); // warm before the first reply is typed
  await direct.ensure();
}

// The first check after the worker started: how long it took from the
// message arriving, and from the worker starting. Kept in session storage
// for the options page's diagnostics and the benchmarks.
function recordColdCheck(received) {
  timings.coldCheckMs = round(performance.now() - received);
  timings.workerToFirstCheckMs = round(performance.now() - workerStarted);
  timings.engineLoadMs = round(engineHost.timings.loadMs);
  if (engineHost.timings.offscreenLoadMs != null) timings.offscreenEngineLoadMs = engineHost.timings.offscreenLoadMs;
  background(chrome.storage.session?.set({ perf: { ...timings, at: Date.now() } }));
}

async function showBadge(count) {
  await chrome.action.setBadgeText({ text: count > 0 ? (count > 99 ? '99+' : String(count)) : '' });
  if (count > 0) await chrome.action.setBadgeBackgroundColor({ color: '#B3261E' });
}

async function sha256(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function round(ms) {
  return ms == null ? null : Math.round(ms * 10) / 10;
}

// background runs a task whose failure must not go unnoticed but has no one
// to report to; messages never carry text, so logging them is safe.
function background(promise) {
  Promise.resolve(promise).catch((err) => console.warn('ReplyGuard:', err?.message ?? err));
}
