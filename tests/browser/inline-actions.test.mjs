// The card's actions (Apply, Ignore once, Ignore always), keyboard access,
// and confirm-before-send, which must never lose or change the typed text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, launch } from './harness.mjs';
import {
  FB_DANA,
  FB_JANET,
  IG_COMMENT,
  REPLIES,
  card,
  clickCardButton,
  clickUi,
  focusUi,
  composerText,
  highlights,
  openFixture,
  phraseCenter,
  repliesUnder,
  storageLocal,
  typeInto,
  waitForCard,
  waitForGone,
  waitForHighlight,
  waitForNoHighlight,
  waitForPill,
} from './inline-helpers.mjs';

const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

// lexicalMatchesDom checks that Lexical's own model holds the text the DOM shows.
async function lexicalMatchesDom(page, selector) {
  return page.$eval(selector, (el) => {
    const h = window.__lexical.editors.find((e) => e.host === el);
    const dom = [...el.children].map((p) => p.innerText.replace(/\n$/, '')).join('\n\n');
    return { model: h.readText(), dom };
  });
}

describe('card actions and confirm-before-send', () => {
  let h;
  before(async () => {
    h = await launch();
  });
  after(async () => {
    await h?.close();
  });

  test('hovering an underline opens the card; Apply rewrites through the editor and Lexical keeps its model', async () => {
    const page = await openFixture(h, 'www.facebook.com', '/facebook/');
    await typeInto(page, FB_JANET, REPLIES.phi);
    const flagged = await waitForHighlight(page, 'phi');
    const at = await phraseCenter(page, FB_JANET, flagged.find((t) => t.includes('root canal')) ?? flagged[0]);
    await page.mouse.move(at.x, at.y);
    const shown = await waitForCard(page, (c) => c.text.includes('PHI risk'));
    assert.ok(shown.buttons.includes('Ignore once'), `card buttons: ${shown.buttons}`);
    // The default policy does not let one click silence a PHI error for the practice.
    assert.ok(!shown.buttons.some((b) => b.startsWith('Ignore always')), `no Ignore always on an error: ${shown.buttons}`);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'inline-card.png'), clip: await cardClip(page, FB_JANET) });

    // Apply: find a PHI finding that offers a rewrite.
    const before = await composerText(page, FB_JANET);
    let applied = false;
    for (const phrase of flagged.slice().reverse()) {
      const p = await phraseCenter(page, FB_JANET, phrase);
      await page.mouse.click(p.x, p.y);
      const c = await waitForCard(page);
      if (!c.buttons.includes('Apply')) continue;
      await clickCardButton(page, 'Apply');
      await page.waitForFunction(
        ([sel, prev]) => window.__lexical.editors.find((e) => e.host === document.querySelector(sel)).readText() !== prev,
        [FB_JANET, before],
      );
      applied = true;
      break;
    }
    assert.ok(applied, `some PHI finding offers Apply (underlined: ${JSON.stringify(flagged)})`);
    const after = await composerText(page, FB_JANET);
    assert.notEqual(after, before);
    const { model, dom } = await lexicalMatchesDom(page, FB_JANET);
    assert.equal(model, dom, "Lexical's state matches the DOM after Apply");

    // The editor still works normally: undo restores the original reply.
    await page.keyboard.press('Control+Z');
    await page.waitForFunction(
      ([sel, prev]) => window.__lexical.editors.find((e) => e.host === document.querySelector(sel)).readText() === prev,
      [FB_JANET, before],
      { timeout: 3000 },
    );
    await page.close();
  });

  test('Ignore once hides that underline here; Ignore always keeps it hidden after a reload', async () => {
    let page = await openFixture(h, 'www.facebook.com', '/facebook/');
    await typeInto(page, FB_DANA, REPLIES.canned);
    const flagged = await waitForHighlight(page, 'canned');
    const target = flagged[0];
    let p = await phraseCenter(page, FB_DANA, target);
    await page.mouse.click(p.x, p.y);
    await waitForCard(page, (c) => c.text.includes('Sounds canned'));
    await clickCardButton(page, 'Ignore once');
    await waitForGone(page, 'canned', target);
    assert.equal(await card(page), null, 'the card closed');
    assert.equal(await composerText(page, FB_DANA), REPLIES.canned, 'ignoring changes no text');
    await page.close();

    // Ignore once is for this composer only: a fresh page flags it again.
    page = await openFixture(h, 'www.facebook.com', '/facebook/');
    await typeInto(page, FB_DANA, REPLIES.canned);
    const again = await waitForHighlight(page, 'canned');
    assert.ok(again.includes(target), 'flagged again on a new page');
    p = await phraseCenter(page, FB_DANA, target);
    await page.mouse.click(p.x, p.y);
    await waitForCard(page, (c) => c.text.includes('Sounds canned'));
    await clickCardButton(page, 'Ignore always…');
    // A decision, not a click: it asks why and who, and says for how long.
    const asked = await waitForCard(page, (c) => c.text.includes('Why is this safe to ignore?'));
    assert.match(asked.text, /for 30 days/);
    await clickCardButton(page, 'Ignore always');
    await waitForCard(page, (c) => c.text.includes('Say why'));
    await page.keyboard.type('Our standard sign-off, approved by the office manager');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Maria Lopez');
    await clickCardButton(page, 'Ignore always');
    await waitForGone(page, 'canned', target);
    await page.waitForTimeout(200);
    await page.close();

    const stored = await storageLocal(h, null);
    assert.ok(!JSON.stringify(stored).toLowerCase().includes(target.toLowerCase()), 'the ignored phrase is not stored as text');

    page = await openFixture(h, 'www.facebook.com', '/facebook/');
    await typeInto(page, FB_DANA, REPLIES.canned);
    await waitForPill(page, FB_DANA, (t) => t.length > 0, 'a pill');
    await page.waitForTimeout(300);
    const now = (await highlights(page)).canned ?? [];
    assert.ok(!now.includes(target), `"ignore always" holds after a reload: ${JSON.stringify(now)}`);
    await page.close();
  });

  test('keyboard: Alt+Enter opens the card with focus on its first action, Escape returns to the reply', async () => {
    const page = await openFixture(h, 'www.facebook.com', '/facebook/');
    await typeInto(page, FB_JANET, REPLIES.phi);
    await waitForHighlight(page, 'phi');
    await page.keyboard.press('Alt+Enter');
    const c = await waitForCard(page, (x) => x.focused !== null);
    assert.equal(c.focused, c.buttons[0], 'focus is on the first action');
    await page.keyboard.press('Tab');
    assert.equal((await card(page)).focused, c.buttons[1], 'Tab moves through the actions');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__rgRoot.querySelector('.card').hidden);
    const focused = await page.evaluate((sel) => document.activeElement === document.querySelector(sel), FB_JANET);
    assert.ok(focused, 'focus is back in the composer');
    await page.keyboard.type(' Thanks.');
    assert.equal(await composerText(page, FB_JANET), REPLIES.phi + ' Thanks.', 'typing continues where the caret was');

    // Moving the caret into a flagged phrase shows its card without taking focus.
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    const byCaret = await waitForCard(page, (x) => x.text.includes('PHI risk'));
    assert.equal(byCaret.focused, null, 'a card opened by the caret leaves focus in the reply');
    assert.ok(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), FB_JANET));

    // The pill is a focusable status; Enter on it opens the card.
    await focusUi(page, '.pill:not([hidden])');
    await page.keyboard.press('Enter');
    await waitForCard(page, (x) => x.focused !== null);
    await page.keyboard.press('Escape');
    await page.close();
  });

  test('Enter on a reply with an error asks first; keep editing and send anyway never lose the text', async () => {
    const page = await openFixture(h, 'www.facebook.com', '/facebook/');
    await typeInto(page, FB_JANET, REPLIES.phi);
    await waitForPill(page, FB_JANET, (t) => t.includes('PHI risk'), '"PHI risk"');
    await page.keyboard.press('Enter');
    const confirm = await waitForCard(page, (c) => c.role === 'alertdialog');
    assert.deepEqual(confirm.buttons, ['Keep editing', 'Send anyway']);
    assert.equal(await composerText(page, FB_JANET), REPLIES.phi, 'text kept while asking');
    assert.deepEqual(await repliesUnder(page, 'c-2001'), [], 'nothing was posted');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'confirm-before-send.png'), clip: await cardClip(page, FB_JANET) });

    await clickCardButton(page, 'Keep editing');
    assert.equal(await card(page), null);
    assert.equal(await composerText(page, FB_JANET), REPLIES.phi, 'text kept after "keep editing"');
    assert.ok(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), FB_JANET), 'focus back in the composer');
    await page.keyboard.type(' See you soon.');
    const edited = REPLIES.phi + ' See you soon.';
    assert.equal(await composerText(page, FB_JANET), edited);

    // The send button asks too.
    await page.click('[data-reply-to="c-2001"] [role="button"][aria-label="Reply"]');
    await waitForCard(page, (c) => c.role === 'alertdialog');
    assert.deepEqual(await repliesUnder(page, 'c-2001'), [], 'the button did not post either');
    await clickCardButton(page, 'Send anyway');
    await page.waitForFunction(() => document.querySelectorAll('[data-fixture-thread="c-2001"] > ul.replies .comment-text').length === 1);
    assert.deepEqual(await repliesUnder(page, 'c-2001'), [edited], 'posted exactly the typed text');
    assert.equal(await composerText(page, FB_JANET), '', 'the page cleared its composer after posting');

    // Sending records the reply's fingerprint, never its text.
    let recent;
    for (let i = 0; i < 40 && !recent?.length; i++) {
      await page.waitForTimeout(100);
      recent = (await storageLocal(h, 'recent')).recent;
    }
    assert.ok(recent?.length >= 1, 'a fingerprint was recorded after sending');
    assert.match(JSON.stringify(recent), /"[0-9a-f]{16}"/);
    const everything = JSON.stringify(await storageLocal(h, null));
    assert.ok(!everything.includes('root canal') && !everything.includes('See you soon'), 'no reply text in storage');
    await page.close();
  });

  test('a clean reply sends on the first Enter, and the Instagram textarea asks on Post too', async () => {
    let page = await openFixture(h, 'www.facebook.com', '/facebook/');
    await typeInto(page, FB_DANA, REPLIES.fixedPhi);
    await waitForPill(page, FB_DANA, (t) => t.length > 0 && !t.includes('PHI risk'), 'a pill without "PHI risk"');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('[data-fixture-thread="c-2004"] > ul.replies .comment-text').length === 1);
    assert.deepEqual(await repliesUnder(page, 'c-2004'), [REPLIES.fixedPhi]);
    assert.equal(await card(page), null, 'no confirm for a reply without errors');
    await page.close();

    page = await openFixture(h, 'www.instagram.com', '/instagram/');
    await typeInto(page, IG_COMMENT, REPLIES.phi);
    await waitForPill(page, IG_COMMENT, (t) => t.includes('PHI risk'), '"PHI risk"');
    await page.click('form.ig-comment-form button[type="submit"]');
    await waitForCard(page, (c) => c.role === 'alertdialog');
    assert.equal(await composerText(page, IG_COMMENT), REPLIES.phi);
    await clickCardButton(page, 'Keep editing');
    assert.equal(await composerText(page, IG_COMMENT), REPLIES.phi);
    await page.keyboard.press('Enter');
    await waitForCard(page, (c) => c.role === 'alertdialog');
    await clickCardButton(page, 'Send anyway');
    await page.waitForFunction(
      (text) => [...document.querySelectorAll('.comments span[dir="auto"]')].some((e) => e.textContent === text),
      REPLIES.phi,
    );
    assert.equal(await composerText(page, IG_COMMENT), '');
    await page.close();
  });

  test('Apply on an Instagram textarea goes through the textarea and keeps the rest of the text', async () => {
    const page = await openFixture(h, 'www.instagram.com', '/instagram/');
    await typeInto(page, IG_COMMENT, REPLIES.phi);
    await waitForPill(page, IG_COMMENT, (x) => x.includes('PHI risk'), '"PHI risk"');
    await page.focus(IG_COMMENT);
    await page.keyboard.press('Alt+Enter');
    let c = await waitForCard(page, (x) => x.focused !== null);
    if (!c.buttons.includes('Apply')) {
      // Pick another finding from the pill's list, if any offers a rewrite.
      await page.keyboard.press('Escape');
      await clickUi(page, '.pill:not([hidden])');
      c = await waitForCard(page);
      const items = await page.evaluate(() => window.__rgRoot.querySelectorAll('.card .list button').length);
      for (let i = 0; i < items && !c.buttons.includes('Apply'); i++) {
        await clickUi(page, `.card .list li:nth-child(${i + 1}) button`);
        c = await waitForCard(page);
        if (!c.buttons.includes('Apply')) {
          await clickUi(page, '.pill:not([hidden])');
          c = await waitForCard(page);
        }
      }
    }
    assert.ok(c.buttons.includes('Apply'), `a PHI finding on Instagram offers Apply: ${c.text}`);
    await clickCardButton(page, 'Apply');
    await page.waitForFunction((sel) => document.querySelector(sel).value !== undefined, IG_COMMENT);
    await page.waitForFunction(([sel, prev]) => document.querySelector(sel).value !== prev, [IG_COMMENT, REPLIES.phi]);
    await page.keyboard.press('Control+Z');
    await page.waitForFunction(([sel, prev]) => document.querySelector(sel).value === prev, [IG_COMMENT, REPLIES.phi], { timeout: 3000 });
    await page.close();
  });
});

// cardClip frames the composer and the open card for a screenshot.
async function cardClip(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const a = (el.closest('li') ?? el.closest('form')).getBoundingClientRect();
    const c = window.__rgRoot.querySelector('.card').getBoundingClientRect();
    const left = Math.max(0, Math.min(a.left, c.left) - 16);
    const top = Math.max(0, Math.min(a.top, c.top) - 16);
    const right = Math.min(innerWidth, Math.max(a.right, c.right) + 16);
    const bottom = Math.min(innerHeight, Math.max(a.bottom, c.bottom) + 16);
    return { x: left, y: top, width: right - left, height: bottom - top };
  }, selector);
}
