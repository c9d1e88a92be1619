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
