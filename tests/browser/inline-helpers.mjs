// Page helpers for the inline-warning tests: read ReplyGuard's UI, the
// highlights it registered, and the fixture editors' own state, from the
// page's main world. ReplyGuard's UI is in a closed shadow root that page
// scripts cannot reach; the tests reach it the way a debugger does (the
// DevTools protocol sees closed roots), and hand it to the page as
// window.__rgRoot. The hostile-page test never does this before its attacks.
import assert from 'node:assert/strict';

export const REPLIES = {
  phi: 'Hi Janet, sorry your root canal last Tuesday hurt. We checked your chart.',
  canned: 'Thank you for your feedback. Your satisfaction is our top priority.',
  long:
    'Thanks so much for sharing this with us and with everyone who follows our page here. ' +
    'We always love hearing from the people in our community, and we read every single comment that comes in. ' +
    'Our whole team works hard every day to make each visit calm, friendly and on time, and we are always looking for ways to do better. ' +
    'If there is ever anything we can do for you, please call the front desk and we will gladly help you out.',
  clean: 'Thanks for the kind words, we are glad you are happy with the new waiting room!',
  fixedPhi: 'We are sorry to hear this. Please call our office manager at (555) 010-2000 so we can help.',
};

export const FB_JANET = '[data-reply-to="c-2001"] [contenteditable="true"]';
export const FB_MARCUS = '[data-reply-to="c-2002"] [contenteditable="true"]';
export const FB_DANA = '[data-reply-to="c-2004"] [contenteditable="true"]';
export const IG_COMMENT = 'textarea[aria-label="Add a comment…"]';
export const IG_DM = '#dm-editor';

// openFixture loads a fixture page and waits until ReplyGuard's UI host exists.
export async function openFixture(h, host, path) {
  const page = await h.page(h.baseUrl(host) + path);
  await page.waitForFunction(() => window.__lexical?.editors.length > 0 || document.querySelector('textarea'));
  await waitForReplyGuard(page);
  return page;
}

export async function waitForReplyGuard(page, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      if (await exposeUi(page)) return;
    } catch (err) {
      last = err;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`ReplyGuard did not start on ${page.url()} within ${timeout} ms (is the service worker answering "settings"?)${last ? `: ${last.message}` : ''}`);
}

// exposeUi finds ReplyGuard's closed shadow root through the DevTools
// protocol and sets window.__rgRoot to it (true), or returns false if the UI
// is not there yet.
export async function exposeUi(page) {
  return (await uiEval(page, 'function () { window.__rgRoot = this; return true; }')) === true;
}

// uiEval runs fn (a function source) with `this` set to ReplyGuard's closed
// shadow root, through the DevTools protocol, and returns its result; the
// page itself is given nothing. undefined when the UI is not there.
export async function uiEval(page, fn, ...args) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const isLayer = (n) => {
      const a = n.attributes ?? [];
      for (let i = 0; i < a.length; i += 2) if (a[i] === 'class' && a[i + 1] === 'layer') return true;
      return false;
    };
    const find = (n) => {
      for (const sr of n.shadowRoots ?? []) if (sr.shadowRootType === 'closed' && (sr.children ?? []).some(isLayer)) return sr;
      for (const c of n.children ?? []) {
        const f = find(c);
        if (f) return f;
      }
      return null;
    };
    const sr = find(root);
    if (!sr) return undefined;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: sr.backendNodeId });
    const r = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: String(fn),
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
      awaitPromise: true,
    });
    if (r.exceptionDetails) throw new Error(`uiEval: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

// highlightNames maps category -> the page's random highlight name.
export async function highlightNames(page) {
  return page.evaluate(() => JSON.parse(window.__rgRoot.querySelector('.layer').dataset.highlights));
}

// until polls fn (which returns {ok, value}) until ok, and returns value.
export async function until(what, fn, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await fn().catch((err) => ({ ok: false, value: err.message }));
    if (last?.ok) return last.value;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting for ${what}; last seen ${JSON.stringify(last?.value)}`);
}

// typeInto focuses the composer and types text (keystroke by keystroke).
export async function typeInto(page, selector, text, { delay = 0 } = {}) {
  await page.click(selector);
  await page.keyboard.type(text, { delay });
}

// replaceAll selects everything in the focused composer and types text instead.
export async function replaceAll(page, selector, text) {
  await page.click(selector);
  await page.keyboard.press('Control+A');
  if (text) await page.keyboard.type(text);
  else await page.keyboard.press('Backspace');
}

// composerText returns the text of a composer from the editor's own model:
// Lexical's editor state for Lexical editors, value for textareas.
export async function composerText(page, selector) {
  return page.$eval(selector, (el) => {
    if (el instanceof HTMLTextAreaElement) return el.value;
    const h = window.__lexical.editors.find((e) => e.host === el);
    return h.readText();
  });
}

// highlights returns {category: [highlighted text...]} from CSS.highlights.
export async function highlights(page) {
  return page.evaluate(() => {
    const names = JSON.parse(window.__rgRoot.querySelector('.layer').dataset.highlights);
    const out = {};
    for (const [category, name] of Object.entries(names)) {
      const h = CSS.highlights.get(name);
      if (category === 'active' || !h) continue;
      out[category] = [...h].map((r) => r.toString());
    }
    return out;
  });
}

// highlightedText returns the ranges' text of one category's highlight.
export async function highlightedText(page, category) {
  return (await highlights(page))[category] ?? [];
}

const CATEGORY_COLORS = {
  phi: [0xd9, 0x30, 0x25],
  conduct: [0xc5, 0x22, 0x1f],
  canned: [0xe3, 0x74, 0x00],
  manners: [0x93, 0x34, 0xe6],
  length: [0x1a, 0x73, 0xe8],
  routing: [0x18, 0x80, 0x38],
};

// textareaMarks returns the categories whose underline colour is drawn on
// ReplyGuard's mark canvas over the textarea (a textarea has no DOM ranges,
// so its underlines are painted, not highlighted).
export async function textareaMarks(page, selector) {
  return page.evaluate(
    ([sel, colors]) => {
      const canvas = window.__rgRoot.querySelector('canvas.marks');
      if (!canvas || !canvas.width) return [];
      const r = document.querySelector(sel).getBoundingClientRect();
      const k = canvas.width / innerWidth;
      const x = Math.max(0, Math.floor(r.left * k));
      const y = Math.max(0, Math.floor(r.top * k));
      const w = Math.min(canvas.width - x, Math.ceil(r.width * k));
      const h = Math.min(canvas.height - y, Math.ceil((r.height + 4) * k));
      if (w <= 0 || h <= 0) return [];
      const px = canvas.getContext('2d').getImageData(x, y, w, h).data;
      const found = new Set();
      for (let i = 0; i < px.length; i += 4) {
        if (px[i + 3] < 200) continue;
        for (const [name, [cr, cg, cb]] of Object.entries(colors)) {
          if (Math.abs(px[i] - cr) + Math.abs(px[i + 1] - cg) + Math.abs(px[i + 2] - cb) < 40) found.add(name);
        }
      }
      return [...found];
    },
    [selector, CATEGORY_COLORS],
  );
}

// pill returns the visible status pill closest below the composer.
export async function pill(page, selector) {
  return page.evaluate((sel) => {
    const editor = document.querySelector(sel);
    // The pill sits under the composer's right edge: measured from the
    // editor itself or the box around it.
    const boxes = [editor.getBoundingClientRect(), (editor.closest('form, .dm-composer') ?? editor).getBoundingClientRect()];
    const box = boxes[1];
    const pills = [...window.__rgRoot.querySelectorAll('.pill')].filter((p) => !p.hidden);
    let best = null;
    for (const p of pills) {
      const r = p.getBoundingClientRect();
      const d = Math.min(...boxes.map((b) => Math.abs(r.top - b.bottom) + Math.abs(r.right - b.right)));
      if (!best || d < best.d) best = { d, p, r };
    }
    if (!best || best.d > 40) return null;
    return {
      text: best.p.querySelector('.text').textContent,
      // Each finding's label and message, one per line (the pill's tooltip).
      title: best.p.title,
      role: best.p.getAttribute('role'),
      live: best.p.getAttribute('aria-live'),
      severity: best.p.dataset.severity,
      // What tells the states apart without colour: the icon and the outline.
      icon: best.p.querySelector('.icon').textContent,
      outline: `${getComputedStyle(best.p).borderTopStyle} ${getComputedStyle(best.p).borderTopWidth}`,
      rect: { top: best.r.top, left: best.r.left, right: best.r.right, bottom: best.r.bottom },
      composer: { top: box.top, bottom: box.bottom, right: box.right },
    };
  }, selector);
}

// waitForPill waits until the composer's pill text satisfies test(text).
export async function waitForPill(page, selector, test, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await pill(page, selector);
    if (test(last?.text ?? '')) return last;
    await page.waitForTimeout(50);
  }
  assert.fail(`status pill for ${selector}: expected ${what}, last seen ${JSON.stringify(last?.text ?? null)}`);
}

// waitForHighlight waits for a settled underline of category (the same
// ranges over several polls, so the check of the final text has landed).
export async function waitForHighlight(page, category, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last;
  let stable = 0;
  let prev = '';
  while (Date.now() < deadline) {
    last = await highlights(page);
    const now = JSON.stringify(last[category] ?? []);
    stable = now === prev ? stable + 1 : 0;
    prev = now;
    if (last[category]?.length && stable >= 3) return last[category];
    await page.waitForTimeout(50);
  }
  assert.fail(`expected a ${category} underline; highlights are ${JSON.stringify(last)}`);
}

// waitForGone waits until text is no longer underlined as category.
export async function waitForGone(page, category, text, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (!(await highlightedText(page, category)).includes(text)) return;
    await page.waitForTimeout(50);
  }
  assert.fail(`"${text}" is still underlined as ${category}`);
}

export async function waitForNoHighlight(page, category, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await highlights(page);
    if (!last[category]?.length) return;
    await page.waitForTimeout(50);
  }
  assert.fail(`expected the ${category} underline to clear; still ${JSON.stringify(last[category])}`);
}

// card returns the open card's text and buttons, or null.
export async function card(page) {
  return page.evaluate(() => {
    const c = window.__rgRoot.querySelector('.card');
    if (!c || c.hidden) return null;
    return {
      text: c.textContent,
      role: c.getAttribute('role'),
      buttons: [...c.querySelectorAll('button')].map((b) => b.textContent),
      focused: c.contains(window.__rgRoot.activeElement)
        ? window.__rgRoot.activeElement.textContent
        : null,
    };
  });
}

export async function waitForCard(page, test = () => true, timeout = 5000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await card(page);
    if (last && test(last)) return last;
    await page.waitForTimeout(40);
  }
  assert.fail(`expected the ReplyGuard card; last seen ${JSON.stringify(last)}`);
}

// uiRect returns the viewport rect of the first element in ReplyGuard's UI
// matching selector (and holding text, if given), or null.
export async function uiRect(page, selector, text) {
  return page.evaluate(
    ([sel, t]) => {
      const el = [...window.__rgRoot.querySelectorAll(sel)].find((e) => !t || e.textContent.includes(t));
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, width: r.width, height: r.height };
    },
    [selector, text ?? null],
  );
}

// clickUi clicks an element of ReplyGuard's UI with the real mouse (a
// trusted click; synthetic ones are ignored by design).
export async function clickUi(page, selector, text) {
  const r = await uiRect(page, selector, text);
  assert.ok(r, `no ${selector}${text ? ` with "${text}"` : ''} in ReplyGuard's UI`);
  await page.mouse.click(r.x, r.y);
}

// focusUi focuses an element of ReplyGuard's UI.
export async function focusUi(page, selector) {
  await page.evaluate((sel) => window.__rgRoot.querySelector(sel).focus(), selector);
}

// clickCardButton clicks a card button by its label.
export async function clickCardButton(page, label) {
  await clickUi(page, '.card:not([hidden]) button', label);
}

// phraseCenter returns viewport coordinates of the middle of the first
// occurrence of phrase in a contenteditable's text.
export async function phraseCenter(page, selector, phrase) {
  return page.$eval(
    selector,
    (el, phrase) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf(phrase);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + phrase.length);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
      return null;
    },
    phrase,
  );
}

// repliesUnder returns the replies the page shows under a Facebook comment.
export async function repliesUnder(page, commentId) {
  return page.$$eval(`[data-fixture-thread="${commentId}"] > ul.replies .comment-text`, (els) => els.map((e) => e.textContent));
}

// storageLocal reads the extension's chrome.storage.local through an extension page.
export async function storageLocal(h, keys) {
  const p = await h.context.newPage();
  try {
    await p.goto(h.extensionUrl('extension/content/sites.json'));
    return await p.evaluate((k) => chrome.storage.local.get(k), keys);
  } finally {
    await p.close();
  }
}

// The Facebook fixture's patient comments still waiting, by the age its
// links show (rounded down, as Facebook does): Janet "5h", Dana "1h", Sam
// "45m", Tom "1d". fbExpected says what the popup counts right now: today's
// (posted since local midnight), overdue past a window of `hours` (every
// hour counting), and all of the last 30 days.
export const FB_WAITING_MINUTES = { janet: 300, dana: 60, sam: 45, tom: 1440 };

export function fbExpected(now = Date.now(), hours = 2, answered = []) {
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  const waiting = Object.entries(FB_WAITING_MINUTES).filter(([who]) => !answered.includes(who));
  const today = waiting.map(([, m]) => m).filter((m) => now - m * 60_000 >= midnight.getTime());
  return { today: today.length, overdue: today.filter((m) => m >= hours * 60).length, month: waiting.length };
}

export function badgeFor(n) {
  return n > 0 ? String(n) : '';
}
