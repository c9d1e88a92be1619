// State survives a browser restart (same profile) and a service worker
// restart; the first check after a cold worker start is answered and timed;
// a check in flight while the worker stops is not lost.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, sendToWorker, serviceWorkerRunning, stopServiceWorker, wakeServiceWorker } from './harness.mjs';
import { FB_JANET, REPLIES, badgeFor, fbExpected, openFixture, waitForHighlight } from './inline-helpers.mjs';

const BRIGHT_SMILES = {
  name: 'Bright Smiles Dental',
  version: '2026.1',
  practice: { name: 'Bright Smiles Dental', page_names: ['Bright Smiles Dental'] },
  // Every hour of every day counts, so "overdue" does not depend on when the suite runs.
  response_window: { hours: 2, business_hours: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '23:59' } },
};

async function until(what, fn, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await fn().catch((err) => ({ ok: false, value: err.message }));
    if (last.ok) return last.value;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out waiting for ${what}; last seen ${JSON.stringify(last?.value)}`);
}

async function badge(h) {
  const sw = await wakeServiceWorker(h);
  return sw.evaluate(() => chrome.action.getBadgeText({}));
}

const waitForBadge = (h, text) =>
  until(`badge "${text}"`, async () => {
    const value = await badge(h);
    return { ok: value === text, value };
  });

// What the popup should show for the Facebook fixture right now.
function expectedPopup() {
  const e = fbExpected();
  return { unanswered: String(e.today), overdue: String(e.overdue), month: String(e.month), policy: 'Bright Smiles Dental' };
}

async function popupState(h) {
  const popup = await h.page(h.extensionUrl('extension/popup/popup.html'));
  try {
    await popup.waitForFunction(() => document.getElementById('unanswered').textContent !== '–');
    return await popup.evaluate(() => ({
      unanswered: document.getElementById('unanswered').textContent,
      overdue: document.getElementById('overdue').textContent,
      month: document.getElementById('month-count').textContent,
      policy: document.getElementById('policy-name').textContent,
    }));
  } finally {
    await popup.close();
  }
}

// seed loads the practice policy, lets the Facebook fixture report its
// threads, and adds an ignored phrase and a sent-reply fingerprint.
async function seed(h) {
  const loaded = await sendToWorker(h, { type: 'policy.load', source: 'file', text: JSON.stringify(BRIGHT_SMILES), fileName: 'bright-smiles.json' });
  assert.equal(loaded.ok, true, loaded.error);
  const fb = await openFixture(h, 'www.facebook.com', '/facebook/');
  await waitForBadge(h, badgeFor(fbExpected().today));
  await fb.close();
  const [f] = await cannedFindings(h);
  const ignored = await sendToWorker(h, { type: 'ignore', text: REPLIES.canned, rule: f.rule, start: f.start, end: f.end, reason: 'Approved wording', by: 'Maria' });
  assert.equal(ignored.ok, true, ignored.error);
  assert.equal((await sendToWorker(h, { type: 'sent', fingerprint: '0123456789abcdef' })).ok, true);
  return { ignored: f };
}

async function cannedFindings(h) {
  const r = await sendToWorker(h, { type: 'check', text: REPLIES.canned, site: 'facebook', platform: 'facebook' });
  return r.findings.filter((f) => f.category === 'canned' && f.end > f.start);
}

test('comment records, badge, policy and lists survive a browser restart with the same profile', async (t) => {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'replyguard-restart-'));
  // One hook, in order: close the browser, then remove its profile (removing
  // it under a running browser fails and would leave the browser open).
  let second = null;
  t.after(async () => {
    await second?.close();
    fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  const first = await launch({ profileDir });
  let ignored;
  try {
    ({ ignored } = await seed(first));
    assert.deepEqual(await popupState(first), expectedPopup());
  } finally {
    await first.close();
  }

  second = await launch({ profileDir });
  await waitForBadge(second, badgeFor(fbExpected().today));
  assert.deepEqual(await popupState(second), expectedPopup());
  const settings = await sendToWorker(second, { type: 'settings' });
  assert.deepEqual(settings.pageNames, ['Bright Smiles Dental']);
  // The ignore entry and this install's key (IndexedDB) both survive.
  assert.ok(!(await cannedFindings(second)).some((f) => f.rule === ignored.rule && f.start === ignored.start), 'still ignored after a restart');
  const stored = await (await wakeServiceWorker(second)).evaluate(() => chrome.storage.local.get(['recent', 'ignored']));
  assert.deepEqual(stored.recent.map((r) => r.fingerprint), ['0123456789abcdef']);
  assert.equal(stored.ignored.length, 1);
});

test('a worker restart keeps the state; the first check after a cold start is answered and timed', async (t) => {
  const h = await launch();
  t.after(() => h.close());
  await seed(h);

  // Stopped for sure: a worker still running would let the engine's document
  // answer the checks itself, and nothing below would be a cold start.
  await stopServiceWorker(h);
  for (let i = 0; i < 3 && (await serviceWorkerRunning(h)); i++) await stopServiceWorker(h);
  // Five checks at once wake the worker; all wait for the engine and all get
  // answers. They are sent from an extension page that sends nothing of its
  // own (the popup asks for the status on load and every 2 s: that woke the
  // worker first, and the offscreen document, still holding the engine, could
  // take over before the checks arrived, so no check was a cold one).
  const page = await h.page(h.extensionUrl('manifest.json'));
  const cold = await page.evaluate(async (text) => {
    const started = performance.now();
    const replies = await Promise.all(Array.from({ length: 5 }, () => chrome.runtime.sendMessage({ type: 'check', text, site: 'facebook' })));
    return { ms: performance.now() - started, replies };
  }, REPLIES.phi);
  for (const r of cold.replies) {
    assert.equal(r.ok, true, r.error);
    assert.ok(r.findings.some((f) => f.category === 'phi'), `a PHI finding in ${JSON.stringify(r.findings.map((f) => f.category))}`);
  }
  const status = await sendToWorker(h, { type: 'status' });
  const timings = status.timings;
  t.diagnostic(`cold start (engine in the ${timings.engineHost}): first check answered in ${cold.ms.toFixed(0)} ms round trip; engine load ${timings.engineLoadMs} ms, first check ${timings.coldCheckMs} ms after the message arrived, ${timings.workerToFirstCheckMs} ms after the worker started`);
  assert.equal(typeof timings.engineLoadMs, 'number', 'the worker reports its cold-start timings');

  assert.deepEqual(await popupState(h), expectedPopup());
  await waitForBadge(h, badgeFor(fbExpected().today));
});

test('typing while the worker is stopped mid-reply still ends with the right underline', async (t) => {
  const h = await launch();
  t.after(() => h.close());
  const fb = await openFixture(h, 'www.facebook.com', '/facebook/');
  const half = Math.floor(REPLIES.phi.length / 2);
  await fb.click(FB_JANET);
  await fb.keyboard.type(REPLIES.phi.slice(0, half));
  await stopServiceWorker(h);
  await fb.keyboard.type(REPLIES.phi.slice(half));
  const marked = await waitForHighlight(fb, 'phi');
  assert.ok(marked.length > 0);
});
