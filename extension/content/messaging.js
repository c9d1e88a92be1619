// Talks to the service worker (extension/PROTOCOL.md). A worker that was
// stopped or restarted mid-message drops the reply; the message is sent again
// so no check is lost.

const RETRIES = 3;

export class ExtensionGone extends Error {}

export async function send(message) {
  let lastError;
  for (let attempt = 0; attempt <= RETRIES; attempt++) {
    if (!chrome.runtime?.id) throw new ExtensionGone('the extension was reloaded or removed');
    try {
      const reply = await chrome.runtime.sendMessage(message);
      if (reply === undefined) throw new Error('no reply from the service worker');
      if (!reply.ok) throw new Error(`service worker: ${reply.error ?? 'request failed'} (${message.type})`);
      return reply;
    } catch (err) {
      if (err instanceof ExtensionGone || /service worker: /.test(err.message)) throw err;
      lastError = err;
      await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
    }
  }
  throw new Error(`${message.type}: ${lastError?.message ?? lastError}`);
}
