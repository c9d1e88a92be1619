// Latency benchmark: keystroke to underline for a 1,000-character reply
// (median and p95 over many keystrokes), and the first check after a cold
// service-worker start: from the key event to the moment ReplyGuard registers
// the new underline in CSS.highlights (see the probes below).
// Figures are printed and written to test-results/latency.json. Targets
// (8 ms p95 warm, 150 ms cold) are reported, not asserted, unless
// LATENCY_STRICT=1; the test fails only on broken measurements or on times
// that mean checking is broken.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM, EXTENSION_ID, ROOT, launch, serviceWorkerRunning, stopServiceWorker } from './harness.mjs';
import { FB_MARCUS, composerText, openFixture, waitForHighlight } from './inline-helpers.mjs';

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

// The probe watches from two places:
//  - ReplyGuard's own content-script world (reached over CDP): from the
//    keystroke's event timestamp to the moment the content script registers
//    the new underline (CSS.highlights.set). This is the pipeline the target
//    is about: editor update, text read, message to the engine and back,
//    ranges. The browser paints it in its next frame.
//  - the page's main world: from keydown to the first task the page gets to
//    run that sees the new highlight. After a key, Chromium runs the frame
//    for the typed character before ordinary page tasks, so this figure
//    includes that frame; it is reported for context.
const PROBE = (() => {
  const probe = { samples: [], pending: false, t0: 0 };
  globalThis.__latency = probe;
  addEventListener('keydown', (e) => {
    probe.t0 = e.timeStamp; // when the browser received the key
    probe.pending = true;
  }, true);
  // Count the checks the content script sends (each edit should cost one),
  // over its port to the engine or as a one-off message.
  probe.checks = 0;
  probe.portChecks = 0;
  const count = (m) => {
    if (m?.type === 'check' || m?.message?.type === 'check') probe.checks++;
    if (m?.message?.type === 'check') probe.portChecks++;
  };
  const sendMessage = chrome.runtime.sendMessage.bind(chrome.runtime);
  chrome.runtime.sendMessage = (message, ...rest) => {
    count(message);
    if (probe.holdMs && message?.type === 'check') {
      return new Promise((r) => setTimeout(r, probe.holdMs)).then(() => sendMessage(message, ...rest));
    }
    return sendMessage(message, ...rest);
  };
  const connect = chrome.runtime.connect.bind(chrome.runtime);
  chrome.runtime.connect = (...args) => {
    const port = connect(...args);
    const post = port.postMessage.bind(port);
    port.postMessage = (m) => {
      count(m);
      // holdMs: a slow engine on demand (the check stays out that long).
      if (probe.holdMs && m?.message?.type === 'check') return void setTimeout(() => post(m), probe.holdMs);
      return post(m);
    };
    return port;
  };
  const set = HighlightRegistry.prototype.set;
  HighlightRegistry.prototype.set = function (name, highlight) {
    const r = set.call(this, name, highlight);
    if (probe.pending && /^h[0-9a-z]+-4$/.test(name)) {
      probe.samples.push(performance.now() - probe.t0);
      probe.pending = false;
    }
    return r;
  };
}).toString();

const PAGE_PROBE = () => {
  const probe = { samples: [], pending: false };
  window.__latency = probe;
  addEventListener(
    'keydown',
    (e) => {
      const t0 = e.timeStamp;
      // The length underline: highlight names are random per page, with the
      // category's index in CATEGORY_ORDER (length is 4) at the end.
      const lengthName = [...CSS.highlights.keys()].find((k) => /^h[0-9a-z]+-4$/.test(k));
      const prev = lengthName && CSS.highlights.get(lengthName);
      probe.pending = true;
      const poll = () => {
        const now = performance.now();
        const name = [...CSS.highlights.keys()].find((k) => /^h[0-9a-z]+-4$/.test(k));
        const cur = name && CSS.highlights.get(name);
        if (cur && cur !== prev) {
          probe.samples.push(now - t0);
          probe.pending = false;
        } else if (now - t0 > 5000) {
          probe.samples.push(Number.POSITIVE_INFINITY);
          probe.pending = false;
        } else {
          channel.port2.postMessage(0);
        }
      };
      const channel = new MessageChannel();
      channel.port1.onmessage = poll;
      channel.port2.postMessage(0);
    },
    true,
  );
};

// extensionWorld returns an evaluate function for ReplyGuard's content-script
// world in the page's top frame.
async function extensionWorld(page) {
  const cdp = await page.context().newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const world = contexts.find(
    (c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.origin === `chrome-extension://${EXTENSION_ID}`,
  );
  assert.ok(world, "found ReplyGuard's content-script world");
  return async (expression) => {
    const r = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`in ReplyGuard's world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value;
  };
}

async function installProbes(page) {
  const evalExt = await extensionWorld(page);
  await evalExt(`(${PROBE})()`);
  await page.evaluate(PAGE_PROBE);
  return evalExt;
}

// measureKey presses a key down and waits until both probes have a sample.
async function measureKey(page, evalExt, key) {
  const count = () => Promise.all([evalExt('__latency.samples.length'), page.evaluate(() => window.__latency.samples.length)]);
  const [n, m] = await count();
  // Key down only, then wait: the key-up event Playwright sends next would
  // otherwise queue in the page while the check is under way.
  await page.keyboard.down(key);
  for (const deadline = Date.now() + 10_000; ; ) {
    const [a, b] = await count();
    if (a > n && b > m) break;
    if (Date.now() > deadline) {
      await page.keyboard.up(key);
      return { ext: Number.POSITIVE_INFINITY, page: Number.POSITIVE_INFINITY };
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await page.keyboard.up(key);
  return { ext: await evalExt('__latency.samples.at(-1)'), page: await page.evaluate(() => window.__latency.samples.at(-1)) };
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
    // The probes go in before the first check, so the port the content
    // script opens for checks is counted too.
    const evalExt = await installProbes(page);
    await page.click(FB_MARCUS);
    await page.keyboard.insertText(text);
    await waitForHighlight(page, 'length');

    // Warm: alternate typing a letter and deleting it, so the reply stays at 1,000 characters.
    for (let i = 0; i < 5; i++) await measureKey(page, evalExt, i % 2 ? 'Backspace' : 'x'); // warm-up
    const warm = [];
    const checksBefore = await evalExt('__latency.checks');
    for (let i = 0; i < KEYSTROKES; i++) warm.push(await measureKey(page, evalExt, i % 2 ? 'Backspace' : 'x'));
    // The editor reports one edit twice (its DOM mutation and the input
    // event): still one check per keystroke.
    assert.equal((await evalExt('__latency.checks')) - checksBefore, KEYSTROKES, 'one check per keystroke');
    assert.ok((await evalExt('__latency.portChecks')) >= KEYSTROKES, 'warm checks go over the port to the offscreen document');
    assert.ok(warm.every((w) => Number.isFinite(w.ext) && Number.isFinite(w.page)), 'every keystroke produced an underline');
    assert.ok(warm.every((w) => w.ext > 0 && w.ext <= w.page + 0.2), 'the underline is registered after the key and before the page sees it');
    const sorted = warm.map((w) => w.ext).sort((a, b) => a - b);
    const median = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    const pageSorted = warm.map((w) => w.page).sort((a, b) => a - b);

    // A burst of keys faster than a check: edits made while a check is out
    // are checked together, so there are fewer checks than keys and the last
    // one sees the final text. Checks are now faster than CDP delivers keys
    // on a busy machine, so the engine is made slow on demand (each check
    // held 400 ms before it is posted) for the burst alone.
    const burst = ' and more';
    const beforeBurst = await evalExt('__latency.checks');
    await evalExt('(__latency.holdMs = 400, 0)');
    // All keys go out at once (CDP keeps their order).
    await Promise.all([...burst].map((c) => page.keyboard.press(c === ' ' ? 'Space' : c)));
    await evalExt('(__latency.holdMs = 0, 0)');
    await new Promise((r) => setTimeout(r, 1200));
    const burstChecks = (await evalExt('__latency.checks')) - beforeBurst;
    assert.ok(burstChecks >= 1 && burstChecks < burst.length, `a ${burst.length}-key burst cost ${burstChecks} checks`);
    assert.ok((await composerText(page, FB_MARCUS)).endsWith(burst), 'every key of the burst reached the editor');
    for (let i = 0; i < burst.length; i++) await page.keyboard.press('Backspace');
    await new Promise((r) => setTimeout(r, 300));

    // Cold: stop the worker the way Chromium does when idle, then type.
    const cold = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      await stopServiceWorker(h);
      assert.equal(await serviceWorkerRunning(h), false, 'the worker is stopped before the cold keystroke');
      await page.bringToFront();
      await page.click(FB_MARCUS);
      await page.keyboard.press('End');
      cold.push((await measureKey(page, evalExt, cold.length % 2 ? 'Backspace' : 'x')).ext);
    }
    if (cold.length % 2) await page.keyboard.press('Backspace');
    assert.ok(cold.every(Number.isFinite), 'the first keystroke after a cold start produced an underline (no check was lost)');
    const coldSorted = [...cold].sort((a, b) => a - b);

    const result = {
      measured: new Date().toISOString(),
      browser: `${CHROMIUM} (headless)`,
      replyChars: text.length,
      warm: { keystrokes: warm.length, medianMs: round(median), p95Ms: round(p95), maxMs: round(sorted.at(-1)), targetP95Ms: TARGET_WARM_P95_MS, met: p95 <= TARGET_WARM_P95_MS },
      warmSamplesMs: warm.map((w) => round(w.ext)),
      burst: { keys: burst.length, checks: burstChecks },
      warmSeenByPage: { medianMs: round(percentile(pageSorted, 50)), p95Ms: round(percentile(pageSorted, 95)) },
      cold: { runs: cold.length, firstCheckMs: cold.map(round), medianMs: round(percentile(coldSorted, 50)), maxMs: round(coldSorted.at(-1)), targetMs: TARGET_COLD_MS, met: coldSorted.at(-1) <= TARGET_COLD_MS },
      note:
        "warm and cold: from the key event's timestamp to ReplyGuard registering the underline (CSS.highlights.set in its content-script world); " +
        "warmSeenByPage: to the first page task that sees it, after the browser's frame for the typed key. performance.now() ticks every 0.1 ms here",
    };
    const out = path.join(ROOT, 'test-results', 'latency.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
    const lines = [
      `latency, 1,000-char reply: warm median ${result.warm.medianMs} ms, p95 ${result.warm.p95Ms} ms over ${warm.length} keystrokes (target p95 <= ${TARGET_WARM_P95_MS} ms: ${result.warm.met ? 'met' : 'MISSED'})`,
      `latency, same keystrokes seen from the page (after the browser's frame for the key): median ${result.warmSeenByPage.medianMs} ms, p95 ${result.warmSeenByPage.p95Ms} ms`,
      `latency, cold worker start: first check ${result.cold.firstCheckMs.join(' / ')} ms (target <= ${TARGET_COLD_MS} ms: ${result.cold.met ? 'met' : 'MISSED'})`,
      `a ${burst.length}-key burst: ${burstChecks} checks (edits made while a check is out are checked together)`,
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
