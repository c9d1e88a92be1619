// Benchmark shared by bench.mjs (Node) and bench.html (Chromium): per-check
// medians for replies of a few lengths. performance.now() is coarse in
// browsers (100 µs in content scripts), so each sample times a batch of calls
// lasting at least minBatchMs and divides.

const PARAGRAPH =
  "Thank you so much for reaching out, Maria! We're sorry to hear about the wait at your last visit. " +
  'Dr. Lopez and our team would love to help — please call our office at 555-0100 so we can look into ' +
  'your appointment and your insurance questions. 😊 ';

/** A realistic reply of exactly n UTF-16 code units (never splitting a pair). */
export function benchText(n) {
  let s = PARAGRAPH.repeat(Math.ceil(n / PARAGRAPH.length) + 1).slice(0, n);
  if (/[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1) + ' ';
  return s;
}

export const SIZES = [150, 1000, 20000];

/**
 * @param {{check: Function}} engine from loadEngine
 * @returns {Record<string, {median_ms: number, calls: number, per_1000_chars_ms: number}>}
 */
export function measure(engine, { sizes = SIZES, samples = 15, minBatchMs = 20, warmupMs = 1500 } = {}) {
  // V8 first runs wasm through a baseline compiler and tiers hot functions
  // up to optimised code later: time only after that has happened.
  const warm = { text: benchText(sizes[0]), comment: 'Thanks!' };
  for (const t0 = performance.now(); performance.now() - t0 < warmupMs; ) engine.check(warm);
  const out = {};
  for (const size of sizes) {
    const req = { text: benchText(size), comment: 'I waited an hour and nobody told me anything.', platform: 'facebook' };
    // Estimate the per-call time over ~50 ms, then size batches to last
    // minBatchMs (one slow call, a GC pause say, must not decide the size).
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 50 || n < 3) {
      engine.check(req);
      n++;
    }
    const batch = Math.max(1, Math.ceil(minBatchMs / ((performance.now() - t0) / n)));
    const perCall = [];
    for (let s = 0; s < samples; s++) {
      const t0 = performance.now();
      for (let i = 0; i < batch; i++) engine.check(req);
      perCall.push((performance.now() - t0) / batch);
    }
    perCall.sort((a, b) => a - b);
    const median = perCall[Math.floor(perCall.length / 2)];
    out[size] = {
      median_ms: round(median),
      calls: batch * samples,
      per_1000_chars_ms: round((median * 1000) / size),
    };
  }
  return out;
}

function round(x) {
  return Math.round(x * 1e5) / 1e5;
}
