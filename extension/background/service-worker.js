// ReplyGuard's service worker: answers content scripts' checks with the rule
// engine (page CSPs can block WebAssembly there), keeps the comment records behind
// the popup and the toolbar badge, and manages the policy. Listeners are
// registered synchronously at the top level so Chromium can wake the worker
// for any of them.

import { loadEngine } from '../engine/engine.js';
import { createDirectChecks } from './direct-checks.js';
import { createEngineHost, compileEngine } from './engine-host.js';
import { createHandlers, dispatch } from './handlers.js';
import { createOffscreenEngineHost } from './offscreen-host.js';
import { createManagedSource, createPolicyManager, fetchPolicyText } from './policy.js';
import { createStore } from './store.js';
import { KEYS } from '../shared/keys.js';

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
  ? createOffscreenEngineHost({ offscreen: chrome.offscreen, runtime: chrome.runtime })
  : createEngineHost({ compile: () => compileEngine(chrome.runtime.getURL('wasm/engine.wasm')), loadEngine });
const policy = createPolicyManager({ store, engineHost, managedSource, fetchText: fetchPolicyText });
const { handlers, refreshBadge, checkContext } = createHandlers({ store, policy, sha256, badge: showBadge, links: chrome.storage.session ?? null, timings });
// While the offscreen document holds the engine and the worker's current
// check context, it answers content scripts' checks itself (one hop).
const direct = createDirectChecks({ host: engineHost, policy, checkContext });
// Messages that change what a check answers: their reply waits until the
// offscreen document has the new context (or is on hold), so a check sent
// right after never sees the old state.
const CHANGES_CHECKS = new Set(['sent', 'ignore', 'unignore', 'import', 'policy.load', 'policy.refresh', 'policy.reset']);

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  // The offscreen document answers this one (decided synchronously: the
  // first answer wins, and the document's is the fresh one while serving).
  if (msg?.type === 'check' && direct.serving) return false;
  // Messages for the offscreen document are not ours.
  if (msg?.target === 'replyguard-engine') return false;
  const received = performance.now();
  const fromExtensionPage = sender.id === chrome.runtime.id && String(sender.url ?? '').startsWith(chrome.runtime.getURL(''));
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
    background(policy.refresh());
  }
});

chrome.runtime.onStartup.addListener(() => background(startup()));
chrome.runtime.onInstalled.addListener((details) => {
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
});

async function startup() {
  if (chrome.alarms && !(await chrome.alarms.get(REFRESH_ALARM))) {
    await chrome.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES, delayInMinutes: REFRESH_MINUTES });
  }
  await Promise.all([refreshBadge(), policy.refresh()]);
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
