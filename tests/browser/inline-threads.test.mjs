// Comment threads on the practice's own page: the content script reports
// each patient comment (not the page's own) and whether the page replied; the
// worker keeps only hashes, times and topics. Also: the other composers the
// site adapters know (Instagram DM, Business Suite inbox) get checked.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './harness.mjs';
import {
  FB_JANET,
  IG_DM,
  REPLIES,
  clickCardButton,
  openFixture,
  storageLocal,
  typeInto,
  waitForCard,
  waitForHighlight,
  waitForPill,
} from './inline-helpers.mjs';

const POLICY = fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'policies', 'bright-smiles.json'), 'utf8');

async function threadRecords(h, { count, timeout = 10_000 }) {
  const deadline = Date.now() + timeout;
  let records = {};
  while (Date.now() < deadline) {
    records = (await storageLocal(h, 'threads')).threads ?? {};
    if (count(records)) return records;
    await new Promise((r) => setTimeout(r, 200));
  }
  return records;
}

describe('threads and other composers', () => {
  let h;
  before(async () => {
    h = await launch({ managedPolicy: { policy: POLICY } });
  });
  after(async () => {
    await h?.close();
  });

  test("patient comments on the practice's Facebook page are recorded as hashes, with who was answered", async () => {
    const page = await openFixture(h, 'www.facebook.com', '/facebook/');
    // Five patient comments; the page answered Marcus and Priya.
    let records = await threadRecords(h, { count: (r) => Object.keys(r).length >= 5 });
    let list = Object.entries(records);
    assert.equal(list.length, 5, `five patient comments recorded (the page's own replies are not): ${JSON.stringify(records)}`);
    for (const [key] of list) assert.match(key, /^[0-9a-f]{64}$/, 'records are keyed by a SHA-256 hash');
    const stored = JSON.stringify(records);
    for (const secret of ['Janet', 'Waited over an hour', 'c-2001', 'billed twice']) {
      assert.ok(!stored.includes(secret), `no comment text, author or id stored (${secret})`);
    }
    assert.equal(list.filter(([, r]) => r.answered).length, 2, 'two comments were answered by the page');
    assert.ok(list.some(([, r]) => (r.topics ?? []).length > 0), `comments are tagged with topics: ${stored}`);

    // Replying (confirm, send anyway) marks Janet's comment answered.
    await typeInto(page, FB_JANET, REPLIES.phi);
    await waitForHighlight(page, 'phi');
    await page.keyboard.press('Enter');
    await waitForCard(page, (c) => c.role === 'alertdialog');
    await clickCardButton(page, 'Send anyway');
    records = await threadRecords(h, { count: (r) => Object.values(r).filter((x) => x.answered).length >= 3 });
    list = Object.entries(records);
    assert.equal(list.filter(([, r]) => r.answered).length, 3, 'the new reply marked the comment answered');
    assert.equal(list.length, 5, 'no new record for the page’s own reply');
    await page.close();
  });

  test('the Instagram DM composer and the Business Suite inbox composer are checked too', async () => {
    let page = await openFixture(h, 'www.instagram.com', '/instagram/');
    await typeInto(page, IG_DM, REPLIES.phi);
    await waitForHighlight(page, 'phi');
    await waitForPill(page, IG_DM, (t) => t.includes('PHI risk'), '"PHI risk"');
    await page.close();

    page = await openFixture(h, 'business.facebook.com', '/business/');
    await typeInto(page, '#inbox-editor', REPLIES.phi);
    await waitForHighlight(page, 'phi');
    await waitForPill(page, '#inbox-editor', (t) => t.includes('PHI risk'), '"PHI risk"');
    await page.close();
  });

  test('turning a site off in the popup clears its underlines on open pages; turning it on brings them back', async () => {
    const page = await openFixture(h, 'www.instagram.com', '/instagram/');
    await typeInto(page, IG_DM, REPLIES.phi);
    await waitForHighlight(page, 'phi');
    const popup = await h.page(h.extensionUrl('extension/popup/popup.html'));
    await popup.waitForSelector('#site-instagram');
    assert.equal(await popup.isChecked('#site-instagram'), true);
    await popup.click('#site-instagram');
    await page.waitForFunction(() => Object.values(JSON.parse(window.__rgRoot.querySelector('.layer').dataset.highlights)).every((n) => !CSS.highlights.has(n)), null, { timeout: 5000 });
    await waitForPill(page, IG_DM, (t) => t === '', 'no pill while the site is off');
    await popup.click('#site-instagram');
    await waitForHighlight(page, 'phi');
    await waitForPill(page, IG_DM, (t) => t.includes('PHI risk'), '"PHI risk" again');
    await popup.close();
    await page.close();
  });
});
