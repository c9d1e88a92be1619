// The engine's home when the manifest grants "offscreen": a hidden extension
// document that outlives service-worker restarts, so a worker woken from cold
// finds the engine compiled, initialized and holding the policy. Only the
// service worker talks to it (see offscreen-host.js); reply text passes
// through in memory and is never stored or logged.

import { loadEngine } from '../engine/engine.js';
import { compileEngine } from './engine-host.js';

export const ENGINE_TARGET = 'replyguard-engine';
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
  async setPolicy(text) {
    const engine = await ready;
    // A worker that restarted re-sends the policy it wants: skip the work.
    if (text === policy) return { ok: true, errors: [], unchanged: true };
    const r = engine.setPolicy(text);
    if (r.ok) policy = text;
    return r;
  },
};

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  // Content-script and page messages are the service worker's to answer.
  if (msg?.target !== ENGINE_TARGET || sender.id !== chrome.runtime.id || !Object.hasOwn(ops, msg.op)) return false;
  ops[msg.op](msg.arg).then(
    (result) => sendResponse({ result }),
    (err) => sendResponse({ error: String(err?.message ?? err) }),
  );
  return true;
});
