// Latency benchmark: keystroke to underline for a 1,000-character reply
// (median and p95 over many keystrokes), and the first check after a cold
// service-worker start. Measured in the page: from the keydown event to the
// moment the new highlight is registered in CSS.highlights.
// Figures are printed and written to test-results/latency.json. Targets
// (8 ms p95 warm, 150 ms cold) are reported, not asserted, unless
// LATENCY_STRICT=1; the test fails only on broken measurements or on times
// that mean checking is broken.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM, ROOT, launch, serviceWorkerRunning, stopServiceWorker } from './harness.mjs';
import { FB_MARCUS, openFixture, waitForHighlight } from './inline-helpers.mjs';

const KEYSTROKES = Number(process.env.LATENCY_KEYSTROKES ?? 60);
const COLD_RUNS = Number(process.env.LATENCY_COLD_RUNS ?? 3);
const TARGET_WARM_P95_MS = 8;
const TARGET_COLD_MS = 150;
const STRICT = process.env.LATENCY_STRICT === '1';

// A 1,000-character Facebook reply: long (a length finding), with PHI.
function reply1000() {
  const base =
    'Hi Janet, sorry your root canal last Tuesday hurt. We checked your chart and we will call you. ' +
    'Our team reads every comment and we want every visit to feel calm, friendly and on time. ';
  let s = '';
  while (s.length < 1000) s += base;
  return s.slice(0, 999) + '.';
}

// installProbe records, for each keydown, the time until CSS.highlights holds
// a new replyguard-length highlight (ReplyGuard registers new ones per check).
async function installProbe(page) {
  await page.evaluate(() => {
    const probe = { samples: [], pending: false };
    window.__latency = probe;
    addEventListener(
      'keydown',
      () => {
        const t0 = performance.now();
        const prev = CSS.highlights.get('replyguard-length');
        probe.pending = true;
        // Poll at background priority: as often as the page is idle, without
        // delaying the editor's or the extension's own tasks.
        const poll = () => {
          const now = performance.now();
          const cur = CSS.highlights.get('replyguard-length');
          if (cur && cur !== prev) {
            probe.samples.push(now - t0);
            probe.pending = false;
          } else if (now - t0 > 5000) {
            probe.samples.push(Number.POSITIVE_INFINITY);
            probe.pending = false;
          } else {
            scheduler.postTask(poll, { priority: 'background' });
          }
        };
        scheduler.postTask(poll, { priority: 'background' });
      },
      true,
    );
  });
}

async function measureKey(page, key) {
  const n = await page.evaluate(() => window.__latency.samples.length);
  // Key down only, then wait: the key-up event Playwright sends next would
  // otherwise queue in the page while the check is under way.
  await page.keyboard.down(key);
  await page.waitForFunction((count) => window.__latency.samples.length > count && !window.__latency.pending, n, { timeout: 10_000 });
  await page.keyboard.up(key);
  return page.evaluate(() => window.__latency.samples.at(-1));
}

function percentile(sorted, p) {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const round = (x) => Math.round(x * 100) / 100;

describe('latency', () => {
  let h;
  before(async () => {
    h = await launch();
  });
  after(async () => {
    await h?.close();
  });

  test(`keystroke to underline on a 1,000-character reply (${KEYSTROKES} keystrokes) and cold start`, async (t) => {
    const page = await openFixture(h, 'www.facebook.com', '/facebook/');
    const text = reply1000();
    assert.equal(text.length, 1000);
    await page.click(FB_MARCUS);
    await page.keyboard.insertText(text);
    await waitForHighlight(page, 'length');
    await installProbe(page);

    // Warm: alternate typing a letter and deleting it, so the reply stays at 1,000 characters.
    for (let i = 0; i < 5; i++) await measureKey(page, i % 2 ? 'Backspace' : 'x'); // warm-up
    const warm = [];
    for (let i = 0; i < KEYSTROKES; i++) warm.push(await measureKey(page, i % 2 ? 'Backspace' : 'x'));
    assert.ok(warm.every(Number.isFinite), 'every keystroke produced an underline');
    const sorted = [...warm].sort((a, b) => a - b);
    const median = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);

    // Cold: stop the worker the way Chromium does when idle, then type.
    const cold = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      await stopServiceWorker(h);
      assert.equal(await serviceWorkerRunning(h), false, 'the worker is stopped before the cold keystroke');
      await page.bringToFront();
      await page.click(FB_MARCUS);
      await page.keyboard.press('End');
      cold.push(await measureKey(page, cold.length % 2 ? 'Backspace' : 'x'));
    }
    if (cold.length % 2) await page.keyboard.press('Backspace');
    assert.ok(cold.every(Number.isFinite), 'the first keystroke after a cold start produced an underline (no check was lost)');
    const coldSorted = [...cold].sort((a, b) => a - b);

    const result = {
      measured: new Date().toISOString(),
      browser: `${CHROMIUM} (headless)`,
      replyChars: text.length,
      warm: { keystrokes: warm.length, medianMs: round(median), p95Ms: round(p95), maxMs: round(sorted.at(-1)), targetP95Ms: TARGET_WARM_P95_MS, met: p95 <= TARGET_WARM_P95_MS },
      cold: { runs: cold.length, firstCheckMs: cold.map(round), medianMs: round(percentile(coldSorted, 50)), maxMs: round(coldSorted.at(-1)), targetMs: TARGET_COLD_MS, met: coldSorted.at(-1) <= TARGET_COLD_MS },
      note: 'keydown to a new CSS.highlights entry, measured in the page; performance.now() ticks every 0.1 ms here',
    };
    const out = path.join(ROOT, 'test-results', 'latency.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
    const lines = [
      `latency, 1,000-char reply: warm median ${result.warm.medianMs} ms, p95 ${result.warm.p95Ms} ms over ${warm.length} keystrokes (target p95 <= ${TARGET_WARM_P95_MS} ms: ${result.warm.met ? 'met' : 'MISSED'})`,
      `latency, cold worker start: first check ${result.cold.firstCheckMs.join(' / ')} ms (target <= ${TARGET_COLD_MS} ms: ${result.cold.met ? 'met' : 'MISSED'})`,
      `written to ${path.relative(ROOT, out)}`,
    ];
    for (const l of lines) {
      console.log(l);
      t.diagnostic(l);
    }

    // Sanity bounds only (the machine is shared and noisy): half a second per
    // keystroke or five seconds to start means something broke.
    assert.ok(median < 500, `warm median ${median} ms: checking is broken, not just slow`);
    assert.ok(coldSorted.at(-1) < 5000, `cold first check ${coldSorted.at(-1)} ms: the worker start is broken`);
    if (STRICT) {
      assert.ok(result.warm.met, `warm p95 ${p95} ms > ${TARGET_WARM_P95_MS} ms`);
      assert.ok(result.cold.met, `cold ${coldSorted.at(-1)} ms > ${TARGET_COLD_MS} ms`);
    }
    await page.close();
  });
});
