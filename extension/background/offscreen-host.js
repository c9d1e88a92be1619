// Engine host backed by an offscreen document (offscreen.js): the service
// worker keeps no engine of its own and forwards calls there. Used when the
// manifest grants the "offscreen" permission; the in-worker host otherwise.
// It has the same shape as createEngineHost: get() resolves to an engine
// whose check/setPolicy return promises.
//
// Direct checks: content scripts' `check` messages reach every extension
// context, the offscreen document included. Once the worker has handed the
// document a check context (check-core.js) over a port, the document answers
// checks itself (one message hop instead of two) and the worker stays out
// (`serving`). The document answers only while that port is open: a worker
// that stops closes it, and a new worker answers checks until it has handed
// over its own context. hold() takes the context back at once when the
// state behind it changes; serve() hands the new one over.

const ENGINE_TARGET = 'replyguard-engine';
export const SERVE_PORT = 'replyguard-serve';
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
      port = null;
      acked = 0;
      throw new Error(`engine: offscreen document unavailable (${err?.message ?? err})`);
    }
    if (!reply) throw new Error(`engine: no answer from the offscreen document (${op})`);
    if (reply.error !== undefined) throw new Error(reply.error);
    return reply.result;
  }

  // Direct checks: the port to the document, the context generation last
  // sent and the one the document acknowledged.
  let port = null;
  let sent = 0;
  let served = 0;
  let acked = 0;

  function openPort() {
    if (port) return port;
    const p = runtime.connect({ name: SERVE_PORT });
    p.onMessage.addListener((m) => {
      if (port === p && typeof m?.ack === 'number' && m.ack === sent) acked = m.ack;
    });
    p.onDisconnect.addListener(() => {
      if (port !== p) return;
      port = null;
      acked = 0;
    });
    port = p;
    return p;
  }

  function hold() {
    sent++;
    if (port) post({ op: 'hold', gen: sent });
  }

  function post(message) {
    try {
      openPort().postMessage(message);
      return true;
    } catch {
      port = null; // the document went away; checks come to the worker
      acked = 0;
      return false;
    }
  }

  return {
    timings,

    // serving: the document answers content scripts' checks, so the worker
    // must not. Synchronous: the worker decides per message.
    get serving() {
      return port !== null && sent > 0 && acked === sent;
    },

    // serve hands the document the context to answer checks with. The
    // caller has made sure the document's engine holds the policy in force.
    serve(context) {
      sent++;
      served = sent;
      post({ op: 'serve', gen: sent, context });
    },

    // handingOver: a context is on its way and not yet acknowledged.
    get handingOver() {
      return port !== null && served === sent && acked !== sent;
    },

    // hold stops direct checks until the next serve().
    hold,

    // generation changes with every serve() and hold(): a context built
    // while it changed may be stale and must not be handed over.
    get generation() {
      return sent;
    },

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
            verifyBundle: (request) => call('verifyBundle', request),
            // A policy change (even a candidate being validated) takes the
            // context back first: direct checks resume once the worker has
            // settled the policy and handed the context over again.
            setPolicy: (text) => {
              hold();
              return call('setPolicy', text);
            },
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
