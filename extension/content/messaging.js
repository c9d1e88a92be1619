// Talks to the service worker (extension/PROTOCOL.md). A worker that was
// stopped or restarted mid-message drops the reply; the message is sent again
// so no check is lost.

const RETRIES = 3;
// A reply slower than this counts as lost (a cold start takes well under it);
// the caller decides what to do without one, so a stuck worker never blocks
// typing or sending.
const TIMEOUT_MS = 5000;

export class ExtensionGone extends Error {}
export class Timeout extends Error {}

export async function send(message, { timeoutMs = TIMEOUT_MS } = {}) {
  let lastError;
  for (let attempt = 0; attempt <= RETRIES; attempt++) {
    if (!chrome.runtime?.id) throw new ExtensionGone('the extension was reloaded or removed');
    try {
      let timer;
      const reply = await Promise.race([
        chrome.runtime.sendMessage(message),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Timeout(`${message.type}: no reply within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]).finally(() => clearTimeout(timer));
      if (reply === undefined) throw new Error('no reply from the service worker');
      if (!reply.ok) throw new Error(`service worker: ${reply.error ?? 'request failed'} (${message.type})`);
      return reply;
    } catch (err) {
      if (err instanceof ExtensionGone || err instanceof Timeout || /service worker: /.test(err.message)) throw err;
      lastError = err;
      await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
    }
  }
  throw new Error(`${message.type}: ${lastError?.message ?? lastError}`);
}

// Checks go over one long-lived port to the offscreen document, which holds
// the engine: a message on an open port skips the per-message channel setup
// and the service worker (sendMessage reaches every extension context). When
// the document is not serving, or the port breaks, the check goes through
// send() and the worker instead, so none is lost; a broken port is retried
// after a pause rather than on every keystroke.
const CHECK_PORT = 'replyguard-check'; // the offscreen document listens for this name
const PORT_RETRY_MS = 2000;

class Unserved extends Error {}

let port = null;
let portDownUntil = 0;
let nextId = 1;
const pending = new Map(); // id -> {resolve, reject, timer}

function checkPort() {
  if (port) return port;
  const p = chrome.runtime.connect({ name: CHECK_PORT });
  p.onMessage.addListener(({ id, reply, unserved }) => {
    const w = pending.get(id);
    if (!w) return;
    pending.delete(id);
    clearTimeout(w.timer);
    if (unserved) w.reject(new Unserved());
    else w.resolve(reply);
  });
  p.onDisconnect.addListener(() => {
    if (port === p) port = null;
    portDownUntil = performance.now() + PORT_RETRY_MS;
    for (const w of pending.values()) {
      clearTimeout(w.timer);
      w.reject(new Unserved());
    }
    pending.clear();
  });
  port = p;
  return p;
}

export async function check(message, { timeoutMs = TIMEOUT_MS } = {}) {
  if (!chrome.runtime?.id) throw new ExtensionGone('the extension was reloaded or removed');
  if (performance.now() >= portDownUntil) {
    try {
      const reply = await new Promise((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          // No answer: treat the port as broken so the next checks use the worker.
          pending.delete(id);
          portDownUntil = performance.now() + PORT_RETRY_MS;
          port?.disconnect();
          port = null;
          reject(new Unserved());
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        try {
          checkPort().postMessage({ id, message });
        } catch (err) {
          // The port closed under us, or the extension went away.
          pending.delete(id);
          clearTimeout(timer);
          port = null;
          reject(chrome.runtime?.id ? new Unserved() : new ExtensionGone(`the extension was reloaded or removed (${err.message})`));
        }
      });
      if (!reply?.ok) throw new Error(`offscreen document: ${reply?.error ?? 'request failed'} (check)`);
      return reply;
    } catch (err) {
      if (!(err instanceof Unserved)) throw err;
    }
  }
  return send(message, { timeoutMs });
}
