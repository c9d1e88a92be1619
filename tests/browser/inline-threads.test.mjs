// Per-site switches reach open pages: turning Facebook off in the popup
// clears the underlines and the pill of a reply box at once; turning it on
// checks again. (Thread tracking and composer scope: live-threads.test.mjs.)
import { after, before, describe, test } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { launch, sendToWorker } from './harness.mjs';
import { FB_JANET, REPLIES, openFixture, typeInto, waitForHighlight, waitForPill } from './inline-helpers.mjs';

const POLICY = fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'policies', 'bright-smiles.json'), 'utf8');

describe('site switches', () => {
  let h;
  before(async () => {
    h = await launch();
    assert.equal((await sendToWorker(h, { type: 'policy.load', source: 'file', text: POLICY, fileName: 'bright-smiles.json' })).ok, true);
  });
  after(async () => {
    await h?.close();
  });

  test('turning a site off in the popup clears its underlines on open pages; turning it on brings them back', async () => {
    const page = await openFixture(h, 'www.facebook.com', '/facebook/');
    await typeInto(page, FB_JANET, REPLIES.phi);
    await waitForHighlight(page, 'phi');
    const popup = await h.page(h.extensionUrl('extension/popup/popup.html'));
    await popup.waitForSelector('#site-facebook');
    assert.equal(await popup.isChecked('#site-facebook'), true);
    await popup.click('#site-facebook');
    await page.waitForFunction(() => Object.values(JSON.parse(window.__rgRoot.querySelector('.layer').dataset.highlights)).every((n) => !CSS.highlights.has(n)), null, { timeout: 5000 });
    await waitForPill(page, FB_JANET, (t) => t === '', 'no pill while the site is off');
    await popup.click('#site-facebook');
    await waitForHighlight(page, 'phi');
    await waitForPill(page, FB_JANET, (t) => t.includes('PHI risk'), '"PHI risk" again');
    await popup.close();
    await page.close();
  });
});
