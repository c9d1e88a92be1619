// Storage privacy: after a session with patient comments, a PHI reply typed,
// an "ignore always", and replies sent, nothing the extension can persist
// (chrome.storage local/sync/session, IndexedDB, Cache Storage, localStorage
// of its pages) holds any comment or reply text, nor a substantial piece of it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { launch, sendToWorker, wakeServiceWorker } from './harness.mjs';
import { FB_DANA, FB_JANET, REPLIES, badgeFor, clickCardButton, fbExpected, openFixture, phraseCenter, repliesUnder, storageLocal, waitForCard, waitForHighlight } from './inline-helpers.mjs';

const POLICY = {
  name: 'Bright Smiles Dental',
  version: '2026.1',
  practice: { name: 'Bright Smiles Dental', page_names: ['Bright Smiles Dental'] },
  // So the PHI phrase below may be ignored always (with a reason).
  ignore_always: { allow_errors: true },
};
// Names of patients in the fixture threads: never stored.
const PATIENTS = ['Janet', 'Rivera', 'Marcus', 'Dana', 'Kowalski', 'Priya', 'Shah', 'Tom Becker'];
const PIECE = 12; // characters: any stored run this long from a text is a leak

async function until(what, fn, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last.ok) return last.value;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out waiting for ${what}; last seen ${JSON.stringify(last?.value)}`);
}

// dumpExtension collects everything the extension has persisted, as text.
async function dumpExtension(h) {
  const sw = await wakeServiceWorker(h);
  const fromWorker = await sw.evaluate(async () => {
    const out = {
      local: await chrome.storage.local.get(null),
      sync: await chrome.storage.sync.get(null),
      session: await chrome.storage.session.get(null),
      caches: {},
      indexedDB: {},
    };
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out.caches[name] = await Promise.all((await cache.keys()).map(async (req) => [req.url, await (await cache.match(req)).text()]));
    }
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      out.indexedDB[name] = {};
      for (const store of db.objectStoreNames) {
        out.indexedDB[name][store] = await new Promise((resolve) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result);
        });
      }
      db.close();
    }
    return out;
  });
  const page = await h.page(h.extensionUrl('extension/popup/popup.html'));
  const fromPage = await page.evaluate(() => ({ localStorage: { ...localStorage }, sessionStorage: { ...sessionStorage } }));
  await page.close();
  return { fromWorker, fromPage };
}

function pieces(text) {
  const norm = text.toLowerCase().replace(/\s+/g, ' ').trim();
  const out = new Set();
  for (let i = 0; i + PIECE <= norm.length; i++) out.add(norm.slice(i, i + PIECE));
  return out;
}

test('no comment or reply text in anything the extension stores', async (t) => {
  const h = await launch();
  t.after(() => h.close());
  const loaded = await sendToWorker(h, { type: 'policy.load', source: 'file', text: JSON.stringify(POLICY), fileName: 'bright.json' });
  assert.equal(loaded.ok, true, loaded.error);

  const fb = await openFixture(h, 'www.facebook.com', '/facebook/');
  await until('threads to be recorded', async () => {
    const value = await (await wakeServiceWorker(h)).evaluate(() => chrome.action.getBadgeText({}));
    return { ok: value === badgeFor(fbExpected().today), value };
  });
  const comments = await fb.$$eval('.comment-text', (els) => els.map((e) => e.textContent));

  // A PHI reply: underlined, one phrase ignored always, then sent after the confirm.
  await fb.click(FB_JANET);
  await fb.keyboard.type(REPLIES.phi);
  await waitForHighlight(fb, 'phi');
  const at = await phraseCenter(fb, FB_JANET, 'root canal');
  await fb.mouse.click(at.x, at.y);
  await waitForCard(fb, (c) => c.buttons.includes('Ignore always…'));
  await clickCardButton(fb, 'Ignore always…');
  await waitForCard(fb, (c) => c.text.includes('Why is this safe to ignore?'));
  await fb.keyboard.type('Approved by QA desk');
  await fb.keyboard.press('Tab');
  await fb.keyboard.type('Maria L');
  await clickCardButton(fb, 'Ignore always');
  await until('the ignore entry', async () => {
    const value = (await storageLocal(h, ['ignored'])).ignored ?? [];
    return { ok: value.length === 1, value };
  });
  await fb.click(FB_JANET);
  await fb.keyboard.press('Enter');
  await waitForCard(fb, (c) => c.buttons.includes('Send anyway'));
  await clickCardButton(fb, 'Send anyway');
  await until('the PHI reply to post', async () => {
    const value = await repliesUnder(fb, 'c-2001');
    return { ok: value.length === 1, value };
  });

  // A canned reply, sent straight away.
  await fb.click(FB_DANA);
  await fb.keyboard.type(REPLIES.canned);
  await fb.keyboard.press('Enter');
  await until('the canned reply to post', async () => {
    const value = await repliesUnder(fb, 'c-2004');
    return { ok: value.length === 1, value };
  });
  await until('sent fingerprints', async () => {
    const value = (await (await wakeServiceWorker(h)).evaluate(() => chrome.storage.local.get('recent'))).recent ?? [];
    return { ok: value.length >= 1, value };
  });
  await until('answered comments to be recorded', async () => {
    const value = await (await wakeServiceWorker(h)).evaluate(() => chrome.action.getBadgeText({}));
    return { ok: value === badgeFor(fbExpected(Date.now(), 2, ['janet', 'dana']).today), value };
  });

  const dump = await dumpExtension(h);
  const text = JSON.stringify(dump).toLowerCase();
  t.diagnostic(`extension storage after the session: ${text.length} characters`);
  // The dump is not empty: the session did store hashes, times and lists.
  assert.ok(Object.keys(dump.fromWorker.local.threads ?? {}).length >= 5, 'comment records were stored');
  assert.equal(dump.fromWorker.local.ignored?.length, 1);

  const texts = [...comments, REPLIES.phi, REPLIES.canned];
  for (const source of texts) {
    for (const piece of pieces(source)) {
      assert.ok(!text.includes(piece), `stored data contains ${JSON.stringify(piece)} from ${JSON.stringify(source.slice(0, 40))}…`);
    }
  }
  for (const word of ['root canal', 'chart', 'top priority', ...PATIENTS.map((p) => p.toLowerCase())]) {
    assert.ok(!text.includes(word), `stored data contains ${JSON.stringify(word)}`);
  }
});
