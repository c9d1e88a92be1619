// Engine host backed by an offscreen document (offscreen.js): the service
// worker keeps no engine of its own and forwards calls there. Used when the
// manifest grants the "offscreen" permission; the in-worker host otherwise.
// It has the same shape as createEngineHost: get() resolves to an engine
// whose check/setPolicy return promises.

const ENGINE_TARGET = 'replyguard-engine';
const DOCUMENT = 'extension/background/offscreen.html';

export function createOffscreenEngineHost({ offscreen, runtime, clock = () => performance.now() }) {
  const url = runtime.getURL(DOCUMENT);
  const timings = { loadMs: null, loads: 0 };
  let creating = null;
  let pending = null;

  async function hasDocument() {
    const contexts = await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
    return contexts.length > 0;
  }

  async function ensureDocument() {
    if (await hasDocument()) return;
    creating ??= offscreen
      .createDocument({
        url: DOCUMENT,
        reasons: ['WORKERS'],
        justification: 'Keeps the ReplyGuard rule engine (WebAssembly) loaded while the service worker sleeps, so the first check after it wakes is fast.',
      })
      .catch((err) => {
        // Two wake-ups racing: the other one created it.
        if (!/single offscreen|only a single/i.test(err?.message ?? '')) throw err;
      })
      .finally(() => {
        creating = null;
      });
    await creating;
  }

  async function call(op, arg) {
    let reply;
    try {
      reply = await runtime.sendMessage({ target: ENGINE_TARGET, op, arg });
    } catch (err) {
      // The document is gone (closed by the browser, or never made): start
      // over on the next message, which then re-applies the policy.
      pending = null;
      throw new Error(`engine: offscreen document unavailable (${err?.message ?? err})`);
    }
    if (!reply) throw new Error(`engine: no answer from the offscreen document (${op})`);
    if (reply.error !== undefined) throw new Error(reply.error);
    return reply.result;
  }

  return {
    timings,
    get() {
      if (!pending) {
        const started = clock();
        pending = (async () => {
          await ensureDocument();
          const { policy, loadMs } = await call('ready');
          timings.loadMs = clock() - started;
          timings.offscreenLoadMs = loadMs;
          timings.loads++;
          return {
            // What the document already holds, so a restarted worker does not
            // make it parse the same policy again.
            initialPolicy: policy,
            check: (request) => call('check', request),
            setPolicy: (text) => call('setPolicy', text),
          };
        })();
        pending.catch(() => {
          pending = null;
        });
      }
      return pending;
    },
  };
}
