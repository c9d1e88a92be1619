// The engine's home when the manifest grants "offscreen": a hidden extension
// document that outlives service-worker restarts, so a worker woken from cold
// finds the engine compiled, initialized and holding the policy. Only the
// service worker talks to it (see offscreen-host.js), except for content
// scripts' `check` messages, which it answers itself while the worker keeps
// it supplied with a check context over a port (one hop per keystroke
// instead of two). Reply text passes through in memory and is never stored
// or logged.

import { loadEngine } from '../engine/engine.js';
import { answerCheck } from './check-core.js';
import { compileEngine } from './engine-host.js';

export const ENGINE_TARGET = 'replyguard-engine';
const SERVE_PORT = 'replyguard-serve';
const DEFAULT_TEXT = '{}';

const started = performance.now();
let loadMs = null;
const ready = compileEngine(chrome.runtime.getURL('wasm/engine.wasm'))
  .then(loadEngine)
  .then((engine) => {
    loadMs = Math.round(performance.now() - started);
    return engine;
  });
let policy = DEFAULT_TEXT; // the policy text the engine holds

const ops = {
  async ready() {
    await ready;
    return { policy, loadMs };
  },
  async check(request) {
    return (await ready).check(request);
  },
  async verifyBundle(request) {
    return (await ready).verifyBundle(request);
  },
  async setPolicy(text) {
    const engine = await ready;
    // A worker that restarted re-sends the policy it wants: skip the work.
    if (text === policy) return { ok: true, errors: [], unchanged: true };
    const r = engine.setPolicy(text);
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
  if (port.name !== SERVE_PORT || port.sender?.id !== chrome.runtime.id || port.sender.tab || !String(port.sender.url ?? '').startsWith(chrome.runtime.getURL(''))) return;
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
  return ready
    .then((engine) => answerCheck(engine, ctx, msg, sha256))
    .catch((err) => ({ ok: false, error: `check: ${err?.message ?? err}` }));
}

async function sha256(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg?.type === 'check' && context && sender.id === chrome.runtime.id) {
    answerDirect(context, msg).then(sendResponse);
    return true;
  }
  // Other content-script and page messages are the service worker's to answer.
  if (msg?.target !== ENGINE_TARGET || sender.id !== chrome.runtime.id || !Object.hasOwn(ops, msg.op)) return false;
  ops[msg.op](msg.arg).then(
    (result) => sendResponse({ result }),
    (err) => sendResponse({ error: String(err?.message ?? err) }),
  );
  return true;
});
