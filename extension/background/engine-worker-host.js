// Runs the rule engine in a dedicated worker (engine-worker.js) for the
// offscreen document, and replaces the worker when it fails: a load that
// fails or takes too long, a crash (the worker's error event), or a call
// that does not answer in time ends the worker, and the next call starts a
// new one holding the same policy. No failed start is kept, so one bad
// moment never leaves checking dead for the document's life.
//   const host = createWorkerEngine({ spawn: () => new Worker(url, {type: 'module'}) });
//   const engine = await host.engine(); await engine.check(request);

// Longest an engine call may take before the engine counts as stuck: a
// 20,000-character check takes ~5 ms, a first load well under a second.
export const CALL_TIMEOUT_MS = 3000;
export const LOAD_TIMEOUT_MS = 15000;
const DEFAULT_TEXT = '{}';

export function createWorkerEngine({ spawn, callTimeoutMs = CALL_TIMEOUT_MS, loadTimeoutMs = LOAD_TIMEOUT_MS }) {
  let loading = null;
  const state = { policy: DEFAULT_TEXT, loadMs: null, starts: 0 };

  function start() {
    state.starts++;
    const worker = spawn();
    const waiting = new Map(); // id -> {resolve, reject, timer}
    let nextId = 1;
    let dead = null;
    const kill = (why) => {
      if (dead) return dead;
      dead = new Error(`engine: ${why}`);
      worker.terminate();
      for (const w of waiting.values()) {
        clearTimeout(w.timer);
        w.reject(dead);
      }
      waiting.clear();
      if (loading === started) loading = null;
      return dead;
    };
    const call = (op, arg) =>
      new Promise((resolve, reject) => {
        if (dead) return reject(dead);
        const id = nextId++;
        const timer = setTimeout(() => kill(`${op} did not answer within ${callTimeoutMs / 1000} s`), callTimeoutMs);
        waiting.set(id, { resolve, reject, timer });
        worker.postMessage({ id, op, arg });
      });
    const api = {
      check: (request) => call('check', request),
      verifyBundle: (request) => call('verifyBundle', request),
      setPolicy: (text) => call('setPolicy', text),
      version: () => call('version'),
    };
    const started = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(kill(`did not load within ${loadTimeoutMs / 1000} s`)), loadTimeoutMs);
      worker.addEventListener('error', (e) => {
        clearTimeout(timer);
        reject(kill(`crashed (${e.message || 'worker error'})`));
      });
      worker.addEventListener('message', ({ data }) => {
        if (data?.loaded !== undefined) {
          clearTimeout(timer);
          state.loadMs = data.loaded;
          // A replacement worker takes up the policy its predecessor held.
          if (state.policy === DEFAULT_TEXT) resolve(api);
          else api.setPolicy(state.policy).then(() => resolve(api), reject);
        } else if (data?.failed !== undefined) {
          clearTimeout(timer);
          reject(kill(`could not load (${data.failed})`));
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
    return started;
  }

  return {
    state,
    // engine resolves to {check, verifyBundle, setPolicy, version} (each returns a promise).
    engine() {
      if (!loading) {
        const attempt = start();
        loading = attempt;
        attempt.catch(() => {
          if (loading === attempt) loading = null;
        });
      }
      return loading;
    },
    // setPolicy applies text and remembers it for replacement workers.
    async setPolicy(text) {
      const engine = await this.engine();
      if (text === state.policy) return { ok: true, errors: [], unchanged: true };
      const r = await engine.setPolicy(text);
      if (r.ok) state.policy = text;
      return r;
    },
  };
}
