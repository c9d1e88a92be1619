// node extension/engine/bench-peer.mjs — engine.js against a generic PII
// library (redact-pii's SyncRedactor) on the same real replies, in the same
// process, in alternating rounds so machine drift hits both alike.
// Prints µs per 1,000 characters for each and the ratio ours / theirs.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadEngine } from './engine.js';

const root = new URL('../../', import.meta.url);
const { SyncRedactor } = createRequire(import.meta.url)('redact-pii');

// Every training reply (the blind sets stay out of everything but scoring).
const dir = new URL('core/testdata/corpus/', root);
const replies = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
const chars = replies.reduce((n, r) => n + r.text.length, 0);

const engine = await loadEngine(readFileSync(new URL('wasm/engine.wasm', root)));
const redactor = new SyncRedactor();

const ours = () => {
  for (const r of replies) engine.check({ text: r.text, comment: r.comment, platform: r.platform });
};
const theirs = () => {
  for (const r of replies) redactor.redact(r.text);
};

// Warm both up (V8 tiers up wasm and JS), then alternate rounds.
for (let i = 0; i < 3; i++) (ours(), theirs());
const rounds = Number(process.env.ROUNDS || 9);
const a = [];
const b = [];
const ratios = [];
for (let i = 0; i < rounds; i++) {
  let t0 = performance.now();
  ours();
  const ta = performance.now() - t0;
  t0 = performance.now();
  theirs();
  const tb = performance.now() - t0;
  a.push(ta);
  b.push(tb);
  ratios.push(ta / tb);
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const perK = (ms) => ((ms * 1000) / chars) * 1000; // µs per 1,000 chars
console.log(`${replies.length} replies, ${chars} chars, ${rounds} alternating rounds`);
console.log(`ReplyGuard engine.wasm: median ${perK(median(a)).toFixed(1)} µs per 1,000 chars (check with comment and platform)`);
console.log(`redact-pii SyncRedactor: median ${perK(median(b)).toFixed(1)} µs per 1,000 chars (redact)`);
console.log(`ratio ours / redact-pii: median ${median(ratios).toFixed(3)} (min ${Math.min(...ratios).toFixed(3)}, max ${Math.max(...ratios).toFixed(3)})`);
