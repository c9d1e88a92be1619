// node extension/engine/bench.mjs — per-check medians of engine.js in Node
// for replies of 150, 1,000 and 20,000 characters, plus load time and size;
// then the same through the JSON export (engine.checkJSON), which the
// compact path (check_compact) replaced, to show what the boundary costs.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadEngine } from './engine.js';
import { measure } from './bench-core.js';

const wasm = readFileSync(new URL('../../wasm/engine.wasm', import.meta.url));
const t0 = performance.now();
const engine = await loadEngine(wasm);
const loadMs = performance.now() - t0;

console.log(`engine.wasm ${wasm.length} bytes (${gzipSync(wasm, { level: 9 }).length} gzip -9); load ${loadMs.toFixed(1)} ms (compile + _initialize)`);
const paths = { compact: engine, json: { check: (req) => engine.checkJSON(req) } };
const out = {};
for (const [name, e] of Object.entries(paths)) {
  const results = measure(e);
  out[name] = results;
  console.log(`${name === 'compact' ? 'engine.check (compact)' : 'engine.checkJSON (JSON)'}:`);
  for (const [size, r] of Object.entries(results)) {
    console.log(`${String(size).padStart(6)} chars: median ${(r.median_ms * 1000).toFixed(1).padStart(8)} µs/check  (${r.per_1000_chars_ms.toFixed(4)} ms per 1,000 chars, ${r.calls} calls)`);
  }
}
console.log(JSON.stringify({ node: process.version, results: out.compact, json: out.json }));
