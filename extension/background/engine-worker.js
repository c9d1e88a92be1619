// A dedicated worker the offscreen document spawns to run the rule engine
// (hence the document's WORKERS reason). Off the document's thread, a stuck
// or crashed engine can be ended with terminate() and started afresh without
// closing the document. Requests: {id, op: "check" | "verifyBundle" |
// "setPolicy" | "version", arg}; replies: {id, result} or {id, error}. Reply text passes
// through in memory only.
import { loadEngine } from '../engine/engine.js';
import { compileEngine } from './engine-host.js';

const started = performance.now();
const ready = compileEngine(new URL('../../wasm/engine.wasm', import.meta.url).href).then(loadEngine);
ready.then(
  () => postMessage({ loaded: Math.round(performance.now() - started) }),
  (err) => postMessage({ failed: String(err?.message ?? err) }),
);

const OPS = new Set(['check', 'verifyBundle', 'setPolicy', 'version']);

addEventListener('message', async ({ data }) => {
  const { id, op, arg } = data ?? {};
  if (!OPS.has(op)) return postMessage({ id, error: `unknown engine operation ${String(op).slice(0, 20)}` });
  try {
    const engine = await ready;
    postMessage({ id, result: engine[op](arg) });
  } catch (err) {
    postMessage({ id, error: String(err?.message ?? err) });
  }
});
