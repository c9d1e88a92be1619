// Module script of bench.html: loads wasm/engine.wasm from the extension,
// runs the shared benchmark and writes the medians into the page as JSON.
import { loadEngine } from './engine.js';
import { measure } from './bench-core.js';

const status = document.getElementById('status');
const results = document.getElementById('results');

async function run() {
  const t0 = performance.now();
  const wasm = await (await fetch(new URL('../../wasm/engine.wasm', import.meta.url))).arrayBuffer();
  const engine = await loadEngine(wasm);
  const loadMs = performance.now() - t0;
  // Let the page paint before the busy loop.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const out = { userAgent: navigator.userAgent, wasmBytes: wasm.byteLength, loadMs: Math.round(loadMs * 10) / 10, results: measure(engine) };
  results.textContent = JSON.stringify(out, null, 2);
  status.textContent = 'done';
}

run().catch((err) => {
  results.textContent = JSON.stringify({ error: String(err && err.stack ? err.stack : err) });
  status.textContent = 'failed';
});
