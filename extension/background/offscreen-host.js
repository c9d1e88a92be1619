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

// Pauses before starting the engine again after a failure: 0.25 s, 0.5 s,
// 1 s ... up to 30 s, so a broken engine costs little while it is down and a
// passing fault is over in well under a second.
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 30_000;
// The document itself must answer within this (its engine worker has its own,
// shorter limits); a document that does not is closed and made again.
const CALL_TIMEOUT_MS = 20_000;

export function createOffscreenEngineHost({
  offscreen,
  runtime,
  clock = () => performance.now(),
  now = Date.now,
  onRecover = () => {},
  setTimer = setTimeout,
}) {
  const url = runtime.getURL(DOCUMENT);
  const timings = { loadMs: null, loads: 0 };
  let creating = null;
  let pending = null;
  // Health for the popup and the content scripts' retry logic.
  const health = { state: 'starting', version: null, lastError: null, failures: 0, downSince: null, recoveredAt: null, lastCheckAt: null };
  let retryAt = 0;
  let retryTimer = null;

  function markDown(err) {
    pending = null;
    health.failures++;
    health.lastError = { message: String(err?.message ?? err), at: now() };
    if (health.state !== 'down') health.downSince = now();
    health.state = 'down';
    const pause = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (health.failures - 1));
    retryAt = clock() + pause;
    // Try again by itself, so checking resumes even if no one types.
    if (retryTimer === null) {
      retryTimer = setTimer(() => {
        retryTimer = null;
        host.get().catch(() => {});
      }, pause);
    }
  }

  function markUp(info) {
    const wasDown = health.state === 'down';
    health.state = 'up';
    health.version = info.version ?? health.version;
    health.failures = 0;
    retryAt = 0;
    if (wasDown) {
      health.recoveredAt = now();
      health.downSince = null;
      onRecover();
    }
  }

  // closeBroken closes a document that stopped answering, so the next start
  // makes a fresh one.
  async function closeBroken() {
    try {
      if (await hasDocument()) await offscreen.closeDocument();
    } catch {
      // already gone
    }
  }

  async function hasDocument() {
    const contexts = await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
    return contexts.length > 0;
  }

  async function ensureDocument() {
    if (await hasDocument()) return;
    creating ??= offscreen
      .createDocument({
        url: DOCUMENT,
        // The document runs the rule engine (WebAssembly) in a dedicated
        // worker it spawns (engine-worker.js) and keeps alive while the
        // service worker sleeps.
        reasons: ['WORKERS'],
        justification: 'Runs the ReplyGuard rule engine in a worker that stays loaded while the service worker sleeps, so replies are checked at once.',
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
    let timer;
    try {
      reply = await Promise.race([
        runtime.sendMessage({ target: ENGINE_TARGET, op, arg }),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${CALL_TIMEOUT_MS / 1000} s`)), CALL_TIMEOUT_MS);
        }),
      ]);
    } catch (err) {
      // The document is gone (closed by the browser, crashed, never made) or
      // stuck: start over after a pause, which re-applies the policy.
      port = null;
      acked = 0;
      if (/no answer within/.test(err?.message)) closeBroken();
      const e = new Error(`engine: offscreen document unavailable (${err?.message ?? err})`);
      markDown(e);
      throw e;
    } finally {
      clearTimeout(timer);
    }
    if (!reply) {
      const e = new Error(`engine: no answer from the offscreen document (${op})`);
      markDown(e);
      throw e;
    }
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
      // The document went away under us (crashed or closed): start a new
      // one now rather than on the next check.
      if (pending) {
        markDown(new Error('the engine document stopped'));
        retryAt = 0;
        host.get().catch(() => {});
      }
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

  const host = {
    timings,
    health,

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
        if (clock() < retryAt) {
          const wait = Math.ceil((retryAt - clock()) / 100) / 10;
          return Promise.reject(new Error(`engine: not checking (${health.lastError?.message}); trying again in ${wait} s`));
        }
        const started = clock();
        const attempt = (async () => {
          await ensureDocument();
          const info = await call('ready');
          timings.loadMs = clock() - started;
          timings.offscreenLoadMs = info.loadMs;
          timings.loads++;
          markUp(info);
          return {
            // What the document already holds, so a restarted worker does not
            // make it parse the same policy again.
            initialPolicy: info.policy,
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
        pending = attempt;
        attempt.catch((err) => {
          if (pending === attempt) markDown(err);
        });
      }
      return pending;
    },

    // status reports health with what the document says about itself.
    async status() {
      if (health.state === 'up' && pending) {
        try {
          const info = await call('ready');
          health.lastCheckAt = info.lastCheckAt ?? health.lastCheckAt;
          health.version = info.version ?? health.version;
        } catch {
          // markDown has recorded it
        }
      }
      return { ...health };
    },
  };
  return host;
}
