// The engine's home when the manifest grants "offscreen": a hidden extension
// document that outlives service-worker restarts, so a worker woken from cold
// finds the engine compiled, initialized and holding the policy. Only the
// service worker talks to it (see offscreen-host.js), except for content
// scripts' `check` messages, which it answers itself while the worker keeps
// it supplied with a check context over a port (one hop per keystroke
// instead of two). Reply text passes through in memory and is never stored
// or logged.

import { answerCheck } from './check-core.js';
import { phraseHash } from './ignore-keys.js';
import { isWorker } from './senders.js';

export const ENGINE_TARGET = 'replyguard-engine';
const SERVE_PORT = 'replyguard-serve';
const DEFAULT_TEXT = '{}';
const ME = { id: chrome.runtime.id, workerUrl: chrome.runtime.getURL('extension/background/service-worker.js') };

// Longest an engine call may take before the engine counts as stuck: a
// 20,000-character check takes ~5 ms, a first load well under a second.
const CALL_TIMEOUT_MS = 3000;
const LOAD_TIMEOUT_MS = 15000;

let loadMs = null;
let loading = null;
let lastCheckAt = null;

// engine starts the engine in a dedicated worker on first use. A failed,
// crashed or stuck worker is ended and forgotten: the next call (the service
// worker retries with growing pauses) starts a new one, so one bad moment
// never leaves checking dead for the document's life.
function engine() {
  if (!loading) {
    const attempt = startWorker();
    loading = attempt;
    attempt.catch(() => {
      if (loading === attempt) loading = null;
    });
  }
  return loading;
}

function startWorker() {
  const worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
  const waiting = new Map(); // id -> {resolve, reject, timer}
  let nextId = 1;
  let dead = null;
  const kill = (why) => {
    if (dead) return;
    dead = new Error(`engine: ${why}`);
    worker.terminate();
    for (const w of waiting.values()) {
      clearTimeout(w.timer);
      w.reject(dead);
    }
    waiting.clear();
    if (loading === started) loading = null;
  };
  const started = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      kill(`did not load within ${LOAD_TIMEOUT_MS / 1000} s`);
      reject(dead);
    }, LOAD_TIMEOUT_MS);
    worker.addEventListener('error', (e) => {
      kill(`crashed (${e.message || 'worker error'})`);
      clearTimeout(timer);
      reject(dead);
    });
    worker.addEventListener('message', ({ data }) => {
      if (data?.loaded !== undefined) {
        clearTimeout(timer);
        loadMs = data.loaded;
        // A replacement worker takes up the policy its predecessor held.
        if (policy === DEFAULT_TEXT) resolve(api);
        else api.setPolicy(policy).then(() => resolve(api), reject);
      } else if (data?.failed !== undefined) {
        clearTimeout(timer);
        kill(`could not load (${data.failed})`);
        reject(dead);
      } else {
        const w = waiting.get(data?.id);
        if (!w) return;
        waiting.delete(data.id);
        clearTimeout(w.timer);
        if (data.error !== undefined) w.reject(new Error(data.error));
        else w.resolve(data.result);
      }
    });
  });
  const call = (op, arg) =>
    new Promise((resolve, reject) => {
      if (dead) return reject(dead);
      const id = nextId++;
      const timer = setTimeout(() => {
        kill(`${op} did not answer within ${CALL_TIMEOUT_MS / 1000} s`);
      }, CALL_TIMEOUT_MS);
      waiting.set(id, { resolve, reject, timer });
      worker.postMessage({ id, op, arg });
    });
  const api = {
    check: (request) => call('check', request),
    setPolicy: (text) => call('setPolicy', text),
    version: () => call('version'),
  };
  return started;
}

let policy = DEFAULT_TEXT; // the policy text the engine holds

const ops = {
  async ready() {
    const e = await engine();
    const v = await e.version();
    return { policy, loadMs, version: `ABI ${v.abi} (${v.go})`, lastCheckAt };
  },
  async check(request) {
    const r = await (await engine()).check(request);
    lastCheckAt = Date.now();
    return r;
  },
  async setPolicy(text) {
    const e = await engine();
    // A worker that restarted re-sends the policy it wants: skip the work.
    if (text === policy) return { ok: true, errors: [], unchanged: true };
    const r = await e.setPolicy(text);
    if (r.ok) policy = text;
    return r;
  },
};

// Direct checks: the context the worker handed over on its port, dropped
// when the worker holds it back or goes away (the port closes with it).
let servePort = null;
let context = null;

chrome.runtime.onConnect.addListener((port) => {
  // Only the extension's own worker (content scripts connect from a page URL).
  if (port.name !== SERVE_PORT || !isWorker(port.sender, ME)) return;
  // A new worker replaces the old one's port.
  servePort = port;
  context = null;
  port.onMessage.addListener((m) => {
    if (servePort !== port) return;
    context = m?.op === 'serve' && m.context ? m.context : null;
    if (m?.op === 'serve') port.postMessage({ ack: m.gen });
  });
  port.onDisconnect.addListener(() => {
    if (servePort !== port) return;
    servePort = null;
    context = null;
  });
});

// Content scripts' checks over a port (see extension/content/messaging.js):
// answered while the worker keeps the document serving, otherwise sent back
// as unserved so the content script asks the worker instead.
const CHECK_PORT = 'replyguard-check';
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== CHECK_PORT || port.sender?.id !== chrome.runtime.id) return;
  port.onMessage.addListener((m) => {
    const ctx = context;
    if (!ctx || m?.message?.type !== 'check') {
      port.postMessage({ id: m?.id, unserved: true });
      return;
    }
    answerDirect(ctx, m.message).then((reply) => port.postMessage({ id: m.id, reply }));
  });
});

// answerDirect answers a content script's check with context ctx; it never
// rejects (a failure is an {ok: false} reply).
function answerDirect(ctx, msg) {
  return engine()
    .then((e) => answerCheck(e, ctx, msg, phraseHash))
    .then((reply) => {
      lastCheckAt = Date.now();
      return reply;
    })
    .catch((err) => ({ ok: false, error: `check: ${err?.message ?? err}` }));
}

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg?.type === 'check' && context && sender.id === chrome.runtime.id) {
    answerDirect(context, msg).then(sendResponse);
    return true;
  }
  // Other content-script and page messages are the service worker's to
  // answer. Engine operations (setPolicy above all) come only from the worker:
  // a content script shares the extension's id, not its worker's URL.
  if (msg?.target !== ENGINE_TARGET || !isWorker(sender, ME) || !Object.hasOwn(ops, msg.op)) return false;
  ops[msg.op](msg.arg).then(
    (result) => sendResponse({ result }),
    (err) => sendResponse({ error: String(err?.message ?? err) }),
  );
  return true;
});
