// The engine's home when the manifest grants "offscreen": a hidden extension
// document that outlives service-worker restarts, so a worker woken from cold
// finds the engine compiled, initialized and holding the policy. Only the
// service worker talks to it (see offscreen-host.js), except for content
// scripts' `check` messages, which it answers itself while the worker keeps
// it supplied with a check context over a port (one hop per keystroke
// instead of two). Reply text passes through in memory and is never stored
// or logged.

import { answerCheck } from './check-core.js';
import { createWorkerEngine } from './engine-worker-host.js';
import { phraseHash } from './ignore-keys.js';
import { isWorker } from './senders.js';

export const ENGINE_TARGET = 'replyguard-engine';
const SERVE_PORT = 'replyguard-serve';
const ME = { id: chrome.runtime.id, workerUrl: chrome.runtime.getURL('extension/background/service-worker.js') };

const workers = createWorkerEngine({ spawn: () => new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' }) });
const engine = () => workers.engine();
let lastCheckAt = null;

const ops = {
  async ready() {
    const v = await (await engine()).version();
    return { policy: workers.state.policy, loadMs: workers.state.loadMs, version: `ABI ${v.abi} (${v.go})`, lastCheckAt };
  },
  async check(request) {
    const r = await (await engine()).check(request);
    lastCheckAt = Date.now();
    return r;
  },
  // Signed policies are verified by the very code the CLI tests.
  async verifyBundle(request) {
    return (await engine()).verifyBundle(request);
  },
  // A worker that restarted re-sends the policy it wants: unchanged text is skipped.
  setPolicy: (text) => workers.setPolicy(text),
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
