// Fail visible, recover by itself, in real Chromium: an engine that cannot
// load shows "ReplyGuard is not checking" (never "no issues"), asks before a
// send, and the popup says why; once the engine can load, checks resume on
// the open page without a reload and the popup shows the recovery. Then the
// engine's document is closed under the worker (as a crash would end it)
// and the time until the page's checks resume is measured.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extensionDir, launch } from './harness.mjs';
import { FB_JANET, REPLIES, card, clickCardButton, highlights, openFixture, repliesUnder, typeInto, waitForCard, waitForPill, until } from './inline-helpers.mjs';

const SCREENSHOTS = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'docs', 'screenshots');

async function popupHealth(h) {
  const popup = await h.page(h.extensionUrl('extension/popup/popup.html'));
  try {
    await popup.waitForFunction(() => document.querySelector('#health .health-text').textContent !== '');
    return await popup.evaluate(() => ({ state: document.getElementById('health').dataset.state, text: document.querySelector('#health .health-text').textContent }));
  } finally {
    await popup.close();
  }
}

describe('engine failure and recovery', () => {
  let h;
  let dir;
  let wasm;
  before(async () => {
    // A copy of the extension whose engine cannot load yet.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'replyguard-broken-'));
    fs.cpSync(await extensionDir(), dir, { recursive: true });
    wasm = path.join(dir, 'wasm', 'engine.wasm');
    fs.renameSync(wasm, `${wasm}.away`);
    h = await launch({ extensionDir: dir });
  });
  after(async () => {
    await h?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('an engine that fails to load, then loads: checks resume without a reload; the popup shows the failure and the recovery', async () => {
    const page = await openFixture(h, 'www.facebook.com', '/facebook/');
    await typeInto(page, FB_JANET, REPLIES.phi);
    const down = await waitForPill(page, FB_JANET, (t) => t === 'ReplyGuard is not checking', '"ReplyGuard is not checking"');
    assert.equal(down.severity, 'down', 'the warning style, not the all-clear one');
    assert.deepEqual(await highlights(page), {}, 'nothing pretends to be checked');
    const health = await popupHealth(h);
    assert.equal(health.state, 'down');
    assert.match(health.text, /^ReplyGuard is not checking since .*; trying again by itself · last error at .*engine.*could not load/);

    // A send while checking is down asks first (the default policy confirms risky sends).
    await page.keyboard.press('Enter');
    const ask = await waitForCard(page, (c) => c.role === 'alertdialog');
    assert.match(ask.text, /ReplyGuard is not checking right now, so this reply has not been checked/);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'not-checking.png'), clip: { x: 0, y: 0, width: 1280, height: 700 } });
    await clickCardButton(page, 'Keep editing');
    assert.equal(await card(page), null);
    assert.deepEqual(await repliesUnder(page, 'c-2001'), [], 'nothing was sent');

    // The engine becomes loadable: no reload, no typing.
    const restored = Date.now();
    fs.renameSync(`${wasm}.away`, wasm);
    await waitForPill(page, FB_JANET, (t) => t.includes('PHI risk'), '"PHI risk" again', 40_000);
    const resumedMs = Date.now() - restored;
    assert.ok((await highlights(page)).phi?.length > 0, 'underlines are back');
    console.log(`engine loadable again -> checks resumed on the open page in ${resumedMs} ms (the worker was backing off)`);
    const healed = await until('the popup to show the recovery', async () => {
      const x = await popupHealth(h);
      return { ok: x.state === 'up', value: x };
    });
    assert.match(healed.text, /^Checking · engine ABI 2 \(go1\.\d+.*\) · policy ReplyGuard default · last check .* · recovered at .* after a failure \(last error at .*could not load/);
    await page.close();
  });

  test('the engine document closed under the worker (a crash): checks resume by themselves; time measured', async () => {
    const page = await openFixture(h, 'www.facebook.com', '/facebook/');
    await typeInto(page, FB_JANET, 'Thanks for reaching out!');
    await waitForPill(page, FB_JANET, (t) => t.length > 0 && t !== 'ReplyGuard is not checking', 'a first result');
    const times = [];
    for (let i = 0; i < 3; i++) {
      const before = (await highlights(page)).phi?.length ?? 0;
      const crashed = Date.now();
      await h.serviceWorker.evaluate(() => chrome.offscreen.closeDocument());
      // Staff go on writing (one input: no typing time in the measure); the
      // new words carry a PHI detail.
      await page.keyboard.insertText(` Your root canal ${i + 1} went well.`);
      await until('the new PHI underline', async () => {
        const n = (await highlights(page)).phi?.length ?? 0;
        return { ok: n > before, value: n };
      });
      times.push(Date.now() - crashed);
      // The pill follows the underline; read it once it has caught up.
      await waitForPill(page, FB_JANET, (t) => /PHI risk/.test(t), 'a PHI pill');
    }
    console.log(`engine document closed -> the next check lands on the page (new document, engine reloaded): ${times.join(', ')} ms`);
    const health = await popupHealth(h);
    assert.equal(health.state, 'up');
    await page.close();
  });
});
