// Inline warnings on the fixture pages, with the extension as shipped (dist/):
// the right underline and status text for a PHI, a canned and a long reply,
// and fixing the text clears them. Facebook's Lexical composer and
// Instagram's comment textarea.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, launch } from './harness.mjs';
import {
  FB_JANET,
  FB_MARCUS,
  IG_COMMENT,
  REPLIES,
  composerText,
  highlights,
  openFixture,
  pill,
  replaceAll,
  textareaMarks,
  typeInto,
  waitForHighlight,
  waitForNoHighlight,
  waitForPill,
} from './inline-helpers.mjs';

describe('inline warnings', () => {
  let h;
  before(async () => {
    h = await launch();
  });
  after(async () => {
    await h?.close();
  });

  test('a PHI reply on Facebook is underlined as PHI and the pill says so; fixing it clears both', async () => {
    const page = await openFixture(h, 'www.facebook.com', '/facebook/');
    await typeInto(page, FB_JANET, REPLIES.phi);
    const flagged = await waitForHighlight(page, 'phi');
    assert.ok(
      flagged.every((t) => REPLIES.phi.includes(t) && t.trim().length > 0),
      `PHI underlines cover parts of the reply: ${JSON.stringify(flagged)}`,
    );
    const p = await waitForPill(page, FB_JANET, (t) => t.includes('PHI risk'), '"PHI risk"');
    assert.equal(p.role, 'status');
    assert.equal(p.live, 'polite');
    assert.equal(p.severity, 'error');

    await replaceAll(page, FB_JANET, REPLIES.fixedPhi);
    await waitForNoHighlight(page, 'phi');
    await waitForPill(page, FB_JANET, (t) => t && !t.includes('PHI risk'), 'no "PHI risk"');
    // Error, warning and clean pills differ in icon and outline, not only colour.
    // (In the reply to the praise, where the clean reply is clean.)
    await typeInto(page, FB_MARCUS, REPLIES.canned);
    const warning = await waitForPill(page, FB_MARCUS, (t) => t.includes('Sounds canned') && !t.includes('PHI'), '"Sounds canned"');
    await replaceAll(page, FB_MARCUS, REPLIES.clean);
    const clean = await waitForPill(page, FB_MARCUS, (t) => t === 'No issues found', '"No issues found"');
    const states = [p, warning, clean].map((x) => `${x.severity}: ${x.icon} ${x.outline}`);
    assert.deepEqual([p, warning, clean].map((x) => x.severity), ['error', 'warning', 'clean'], `${states}`);
    assert.equal(new Set([p, warning, clean].map((x) => x.icon)).size, 3, `three icons: ${states}`);
    assert.notEqual(p.outline, clean.outline, `an error is outlined apart: ${states}`);
    assert.equal(await composerText(page, FB_JANET), REPLIES.fixedPhi, 'the editor holds what was typed');

    await replaceAll(page, FB_JANET, '');
    await waitForPill(page, FB_JANET, (t) => t === '', 'no pill for an empty composer');
    assert.deepEqual(await highlights(page), {}, 'an empty composer has no underlines');
    await page.close();
  });

  test('a canned reply is underlined as canned; a specific reply clears it', async () => {
    const page = await openFixture(h, 'www.facebook.com', '/facebook/');
    await typeInto(page, FB_MARCUS, REPLIES.canned);
    const flagged = await waitForHighlight(page, 'canned');
    assert.ok(flagged.some((t) => /satisfaction|top priority|feedback/i.test(t)), `canned phrase underlined: ${JSON.stringify(flagged)}`);
    await waitForPill(page, FB_MARCUS, (t) => t.includes('Sounds canned'), '"Sounds canned"');

    await replaceAll(page, FB_MARCUS, REPLIES.clean);
    await waitForNoHighlight(page, 'canned');
    await waitForPill(page, FB_MARCUS, (t) => t && !t.includes('Sounds canned'), 'no "Sounds canned"');
    await page.close();
  });

  test('a reply over the Facebook word limit is marked past the limit; trimming it clears it', async () => {
    const page = await openFixture(h, 'www.facebook.com', '/facebook/');
    await page.click(FB_MARCUS);
    await page.keyboard.insertText(REPLIES.long);
    const flagged = await waitForHighlight(page, 'length');
    const words = REPLIES.long.split(/\s+/);
    const firstMarked = flagged[0].trim().split(/\s+/)[0];
    assert.ok(REPLIES.long.includes(flagged[0]), `the underline is in the reply: ${JSON.stringify(flagged)}`);
    assert.ok(
      words.slice(40).includes(firstMarked),
      `the length underline starts late in the reply (near the limit), at ${JSON.stringify(firstMarked)}`,
    );
    await waitForPill(page, FB_MARCUS, (t) => t.includes('Too long'), '"Too long"');

    await replaceAll(page, FB_MARCUS, REPLIES.clean);
    await waitForNoHighlight(page, 'length');
    await waitForPill(page, FB_MARCUS, (t) => t && !t.includes('Too long'), 'no "Too long"');
    await page.close();
  });

  test('an Instagram comment textarea gets mirror-overlay underlines and a pill; fixing clears them', async () => {
    const page = await openFixture(h, 'www.instagram.com', '/instagram/');
    await typeInto(page, IG_COMMENT, REPLIES.phi);
    await waitForPill(page, IG_COMMENT, (t) => t.includes('PHI risk'), '"PHI risk"');
    await waitFor(async () => (await textareaMarks(page, IG_COMMENT)).includes('phi'), 'a PHI underline painted over the textarea');
    assert.deepEqual(await highlights(page), {}, 'no Custom Highlight ranges for a textarea');
    await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', 'instagram-textarea.png'), clip: await around(page, 'form.ig-comment-form') });

    await replaceAll(page, IG_COMMENT, REPLIES.clean);
    await waitForPill(page, IG_COMMENT, (t) => t && !t.includes('PHI risk'), 'no "PHI risk"');
    await waitFor(async () => !(await textareaMarks(page, IG_COMMENT)).includes('phi'), 'the PHI underline cleared');
    await page.close();
  });

  test('the pill follows the composer when the page scrolls and when the composer grows', async () => {
    const page = await openFixture(h, 'www.facebook.com', '/facebook/');
    await typeInto(page, FB_JANET, REPLIES.phi);
    const before = await waitForPill(page, FB_JANET, (t) => t.includes('PHI risk'), '"PHI risk"');
    assert.ok(Math.abs(before.rect.top - before.composer.bottom) < 12, 'pill sits just below the composer');

    await page.mouse.wheel(0, 120);
    // The composer is in the post dialog, which scrolls over the feed.
    await page.waitForFunction(() => document.querySelector("[role=dialog]").scrollTop > 50);
    await page.waitForTimeout(100);
    const scrolled = await pill(page, FB_JANET);
    assert.ok(scrolled, 'pill still shown after scrolling');
    assert.ok(Math.abs(scrolled.rect.top - scrolled.composer.bottom) < 12, 'pill moved with the composer on scroll');
    assert.ok(scrolled.rect.top < before.rect.top - 50, 'pill moved up the screen');

    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Second line.');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Third line.');
    await page.waitForTimeout(150);
    const grown = await pill(page, FB_JANET);
    assert.ok(grown.composer.bottom > scrolled.composer.bottom + 20, 'the composer grew');
    assert.ok(Math.abs(grown.rect.top - grown.composer.bottom) < 12, 'pill moved down with the growing composer');

    // Underlines on later lines land on the right words (offsets survive line breaks).
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Also, we checked your chart again.');
    await page.waitForFunction(() =>
      [...(CSS.highlights.get(JSON.parse(window.__rgRoot.querySelector('.layer').dataset.highlights).phi) ?? [])].some(
        (r) => r.toString().includes('checked your chart again') || r.toString() === 'we checked your chart',
      ),
    );
    const text = await composerText(page, FB_JANET);
    for (const t of (await highlights(page)).phi) assert.ok(text.includes(t), `underlined ${JSON.stringify(t)} is text of the reply`);
    await page.close();
  });
});

async function waitFor(predicate, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

// around returns a screenshot clip of an element and the pill below it.
async function around(page, selector) {
  fs.mkdirSync(path.join(ROOT, 'docs', 'screenshots'), { recursive: true });
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { x: Math.max(0, r.left - 16), y: Math.max(0, r.top - 60), width: r.width + 32, height: r.height + 100 };
  });
}
