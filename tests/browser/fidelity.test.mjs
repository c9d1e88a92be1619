// Typing fidelity: the same seeded script of hundreds of random edits (typing,
// deleting, emoji, paste, undo/redo, caret moves, selection replace) runs in a
// browser without the extension and in one with it. The final text and caret
// must be identical, the extension must put nothing inside the editor, and
// Lexical's own state must match the DOM.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';
import { highlights, waitForReplyGuard } from './inline-helpers.mjs';

const SEED = Number(process.env.FIDELITY_SEED ?? 20240611);
const LEXICAL_EDITS = Number(process.env.FIDELITY_EDITS ?? 300);
const TEXTAREA_EDITS = Number(process.env.FIDELITY_TEXTAREA_EDITS ?? 150);
const CHECKPOINT_EVERY = Number(process.env.FIDELITY_CHECKPOINT_EVERY ?? 25);

// Words that make the extension busy (PHI, canned, long) mixed with emoji,
// accents and punctuation.
const POOL = [
  'Hi', 'Janet,', 'sorry', 'your', 'root canal', 'last Tuesday', 'hurt.', 'We checked your chart.',
  'Thank you for your feedback.', 'Your satisfaction is our top priority.', 'please', 'call', 'us',
  '(555) 010-2000', 'café', 'naïve', 'über', '😀', '👍🏽', '🦷', '❤️', '👨‍👩‍👧', 'ok!', '—', '…', 'x', 'the',
];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// editScript returns n edit operations, the same for the same seed.
function editScript(seed, n, { newlines }) {
  const rand = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const ops = [];
  const weighted = [
    ['type', 34], ['backspace', 12], ['delete', 5], ['arrows', 10], ['homeEnd', 4],
    ['selectReplace', 10], ['paste', 7], ['undo', 7], ['redo', 3], ['insertText', 5],
    ...(newlines ? [['newline', 3]] : []),
  ];
  const total = weighted.reduce((a, [, w]) => a + w, 0);
  for (let i = 0; i < n; i++) {
    let r = rand() * total;
    const [kind] = weighted.find(([, w]) => (r -= w) < 0);
    switch (kind) {
      case 'type': ops.push({ kind, text: (rand() < 0.7 ? ' ' : '') + pick(POOL) }); break;
      case 'backspace': case 'delete': ops.push({ kind, count: int(1, 3) }); break;
      case 'arrows': ops.push({ kind, key: rand() < 0.5 ? 'ArrowLeft' : 'ArrowRight', count: int(1, 6) }); break;
      case 'homeEnd': ops.push({ kind, key: rand() < 0.5 ? 'Home' : 'End' }); break;
      case 'selectReplace': ops.push({ kind, count: int(1, 6), text: pick(POOL) }); break;
      case 'paste': ops.push({ kind, text: `${pick(POOL)} ${pick(POOL)} ${pick(POOL)}` }); break;
      case 'insertText': ops.push({ kind, text: pick(POOL) }); break;
      default: ops.push({ kind });
    }
  }
  return ops;
}

async function runOp(page, selector, op) {
  const k = page.keyboard;
  switch (op.kind) {
    case 'type': return k.type(op.text);
    case 'insertText': return k.insertText(op.text);
    case 'backspace': for (let i = 0; i < op.count; i++) await k.press('Backspace'); return;
    case 'delete': for (let i = 0; i < op.count; i++) await k.press('Delete'); return;
    case 'arrows': for (let i = 0; i < op.count; i++) await k.press(op.key); return;
    case 'homeEnd': return k.press(op.key);
    case 'selectReplace':
      for (let i = 0; i < op.count; i++) await k.press('Shift+ArrowLeft');
      return k.type(op.text);
    case 'paste':
      // A paste event with clipboard data, as the browser fires for Ctrl+V.
      return page.$eval(selector, (el, text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, op.text);
    case 'undo': return k.press('Control+Z');
    case 'redo': return k.press('Control+Shift+Z');
    case 'newline': return k.press('Shift+Enter');
  }
}

// state reads what the editor holds: its own model's text and selection, and
// its DOM (which must be Lexical's own nodes only).
async function state(page, selector) {
  return page.$eval(selector, (el) => {
    const tags = [...el.querySelectorAll('*')].map((n) => n.tagName);
    const attrs = [...el.querySelectorAll('*'), el].flatMap((n) => [...n.attributes].map((a) => a.name));
    if (el instanceof HTMLTextAreaElement) {
      return { text: el.value, caret: { anchor: el.selectionStart, focus: el.selectionEnd }, html: '', tags, attrs, model: el.value };
    }
    const h = window.__lexical.editors.find((e) => e.host === el);
    const dom = [...el.children].map((p) => p.innerText.replace(/\n$/, '')).join('\n\n');
    return { text: dom, model: h.readText(), caret: h.readSelection(), html: el.innerHTML, tags, attrs };
  });
}

// watchEditor records, in the page, every node added to or attribute changed
// in the editor subtree, so a foreign node that came and went is caught too.
async function watchEditor(page, selector) {
  await page.$eval(selector, (el) => {
    window.__editorMutations = { added: {}, attributes: {} };
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          const name = n.nodeType === 1 ? n.tagName : n.nodeName;
          window.__editorMutations.added[name] = (window.__editorMutations.added[name] ?? 0) + 1;
        }
        if (r.type === 'attributes') {
          window.__editorMutations.attributes[r.attributeName] = (window.__editorMutations.attributes[r.attributeName] ?? 0) + 1;
        }
      }
    }).observe(el, { childList: true, subtree: true, attributes: true });
  });
}

async function runScript(h, { url, selector, ops, extension }) {
  const page = await h.page(url);
  await page.waitForSelector(selector);
  if (extension) await waitForReplyGuard(page);
  await watchEditor(page, selector);
  await page.click(selector);
  const checkpoints = [];
  for (let i = 0; i < ops.length; i++) {
    await runOp(page, selector, ops[i]);
    // The browser reports caret moves (selectionchange) a task later; let the
    // editor see them before the next edit, so both runs see the same order.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    if ((i + 1) % CHECKPOINT_EVERY === 0 || i === ops.length - 1) {
      const s = await state(page, selector);
      checkpoints.push({ after: i + 1, text: s.model, caret: s.caret });
    }
  }
  // Let any pending check land before the final look.
  await page.waitForTimeout(300);
  const final = await state(page, selector);
  const mutations = await page.evaluate(() => window.__editorMutations);
  const highlighted = extension ? Object.keys(await highlights(page)) : [];
  await page.close();
  return { checkpoints, final, mutations, highlighted };
}

function firstDivergence(a, b, ops) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) {
      const from = i ? a[i - 1].after : 0;
      return `first differs after edit ${a[i].after} (edits ${from + 1}..${a[i].after}: ${JSON.stringify(ops.slice(from, a[i].after).map((o) => o.kind))})\nwithout: ${JSON.stringify(a[i])}\nwith:    ${JSON.stringify(b[i])}`;
    }
  }
  return '';
}

describe('typing fidelity', () => {
  let plain;
  let guarded;
  before(async () => {
    plain = await launch({ withExtension: false });
    guarded = await launch();
  });
  after(async () => {
    await plain?.close();
    await guarded?.close();
  });

  test(`Lexical composer: ${LEXICAL_EDITS} random edits end identically with and without the extension`, async () => {
    const ops = editScript(SEED, LEXICAL_EDITS, { newlines: true });
    const selector = '[data-reply-to="c-2001"] [contenteditable="true"]';
    const url = (h) => h.baseUrl('www.facebook.com') + '/facebook/?history-delay=0';
    const without = await runScript(plain, { url: url(plain), selector, ops, extension: false });
    const withExt = await runScript(guarded, { url: url(guarded), selector, ops, extension: true });

    assert.ok(without.final.model.length > 20, 'the script leaves some text (the run did something)');
    assert.ok(withExt.highlighted.length > 0 || without.final.model.trim() === '', `the extension was active during the run: ${withExt.highlighted}`);
    assert.equal(firstDivergence(without.checkpoints, withExt.checkpoints, ops), '', 'checkpoints match');
    assert.equal(withExt.final.model, without.final.model, 'final text');
    assert.deepEqual(withExt.final.caret, without.final.caret, 'final caret');
    assert.equal(withExt.final.html, without.final.html, 'the editor DOM is identical (nothing foreign inside)');
    assert.equal(withExt.final.model, withExt.final.text, "Lexical's state matches the DOM");
    assert.deepEqual(withExt.mutations, without.mutations, 'the same nodes and attributes changed in the editor, in both runs');
    for (const tag of withExt.final.tags) assert.ok(['P', 'SPAN', 'BR'].includes(tag), `only Lexical's nodes in the editor, found <${tag}>`);
    assert.ok(!withExt.final.attrs.some((a) => /replyguard|rg-/i.test(a)), 'no ReplyGuard attributes in the editor');
  });

  test(`Instagram textarea: ${TEXTAREA_EDITS} random edits end identically with and without the extension`, async () => {
    const ops = editScript(SEED + 1, TEXTAREA_EDITS, { newlines: false }).filter((o) => o.kind !== 'paste');
    const selector = 'textarea[aria-label="Add a comment…"]';
    const url = (h) => h.baseUrl('www.instagram.com') + '/instagram/';
    const without = await runScript(plain, { url: url(plain), selector, ops, extension: false });
    const withExt = await runScript(guarded, { url: url(guarded), selector, ops, extension: true });
    assert.ok(without.final.model.length > 20, 'the script leaves some text');
    assert.equal(firstDivergence(without.checkpoints, withExt.checkpoints, ops), '', 'checkpoints match');
    assert.equal(withExt.final.model, without.final.model, 'final text');
    assert.deepEqual(withExt.final.caret, without.final.caret, 'final caret');
    assert.deepEqual(withExt.final.attrs, without.final.attrs, 'no attributes added to the textarea');
  });

  // A textarea's Undo takes back the whole typing run. The browser ends a run
  // when a node is removed anywhere in the page, so the status pill changing
  // its words mid-run ("PHI risk" appears, then "· Too long") must not remove
  // nodes. Typed slowly, so several checks land inside the one run.
  test('Instagram textarea: one Undo takes back a whole typing run while the status changes under it', async () => {
    const selector = 'textarea[aria-label="Add a comment…"]';
    const text = 'Hi Janet, sorry your root canal last Tuesday hurt. Thank you for your feedback.';
    const undoOnce = async (h, extension) => {
      const page = await h.page(h.baseUrl('www.instagram.com') + '/instagram/');
      await page.waitForSelector(selector);
      if (extension) await waitForReplyGuard(page);
      await page.click(selector);
      await page.keyboard.type(text, { delay: 15 });
      await page.waitForTimeout(300);
      const status = extension
        ? await page.evaluate(() => window.__rgRoot.querySelector('.pill .text')?.textContent ?? '')
        : '';
      await page.keyboard.press('Control+Z');
      const value = await page.$eval(selector, (el) => el.value);
      await page.close();
      return { value, status };
    };
    const without = await undoOnce(plain, false);
    const withExt = await undoOnce(guarded, true);
    assert.equal(without.value, '', 'without the extension one Undo clears the typing run');
    assert.match(withExt.status, /PHI/, 'the status changed during the run');
    assert.equal(withExt.value, without.value, 'with the extension one Undo takes back the same text');
  });
});
