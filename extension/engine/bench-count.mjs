// node extension/engine/bench-count.mjs N — N checks of bench.mjs's
// 1,000-char reply, after 20 to warm up, and nothing else: run it under
// valgrind (cachegrind) for V8 instruction counts, which a busy machine does
// not disturb as it does wall clock. With V8's tiers fixed the count repeats:
//   valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
//     node --single-threaded --no-liftoff --no-wasm-dynamic-tiering extension/engine/bench-count.mjs 300
// and the same with 900: the difference over 600 is one check (with fewer
// checks too few of the module's garbage collections land in the run).
import { readFileSync } from 'node:fs';
import { loadEngine } from './engine.js';
import { benchText } from './bench-core.js';

const n = Number(process.argv[2] ?? 100);
const engine = await loadEngine(readFileSync(new URL('../../wasm/engine.wasm', import.meta.url)));
const req = { text: benchText(1000), comment: 'I waited an hour and nobody told me anything.', platform: 'facebook' };
for (let i = 0; i < 20; i++) engine.check(req);
for (let i = 0; i < n; i++) engine.check(req);
