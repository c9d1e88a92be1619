// Engine benchmark in real Chromium: opens extension/engine/bench.html as an
// extension page (where the engine runs: same origin and CSP as the service
// worker) and reads the per-check medians it writes into #results.
// bench.html is not shipped in dist/, so this test loads a copy of dist/
// with the benchmark files added.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, launch } from './harness.mjs';

const BENCH_FILES = ['bench.html', 'bench-page.js', 'bench-core.js', 'engine.js'];
let h;
let dir;

before(async () => {
  const { buildExtension, distIsStale, DIST } = await import('../../scripts/build-extension.mjs');
  if (distIsStale()) await buildExtension({ quiet: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replyguard-bench-ext-'));
  fs.cpSync(DIST, dir, { recursive: true, filter: (src) => !src.endsWith('.zip') });
  for (const f of BENCH_FILES) {
    fs.copyFileSync(path.join(ROOT, 'extension', 'engine', f), path.join(dir, 'extension', 'engine', f));
  }
  assert.ok(fs.existsSync(path.join(dir, 'wasm', 'engine.wasm')), 'dist/ has no wasm/engine.wasm: run ./build.sh');
  process.env.REPLYGUARD_EXTENSION_DIR = dir;
  h = await launch();
});

after(async () => {
  await h?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

test('bench.html reports per-check medians from Chromium', async (t) => {
  const page = await h.page(h.extensionUrl('extension/engine/bench.html'));
  await page.waitForFunction(() => document.getElementById('status')?.textContent !== 'running…', null, { timeout: 120_000 });
  const report = JSON.parse(await page.locator('#results').textContent());
  assert.equal(await page.locator('#status').textContent(), 'done', report.error);
  for (const size of ['150', '1000', '20000']) {
    const r = report.results[size];
    assert.ok(r && r.median_ms > 0 && r.calls > 0, `no median for ${size} chars: ${JSON.stringify(r)}`);
  }
  t.diagnostic(`chromium engine.wasm ${report.wasmBytes} bytes, load ${report.loadMs} ms`);
  for (const [size, r] of Object.entries(report.results)) {
    t.diagnostic(`${size} chars: median ${(r.median_ms * 1000).toFixed(1)} µs/check over ${r.calls} calls`);
  }
  await page.close();
});
