// The popup and the toolbar badge, fed by the Facebook fixture's comment
// threads: 5 patient comments, 2 answered by the page; Janet (5 h ago) and
// Tom (25 h ago) are waiting past a 2-hour window, Dana (1.5 h) is not; Janet
// and Tom both complain about wait times.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, sendToWorker, ROOT } from './harness.mjs';
import { FB_JANET, openFixture, repliesUnder } from './inline-helpers.mjs';

const BRIGHT_SMILES = {
  name: 'Bright Smiles Dental',
  version: '2026.1',
  practice: {
    name: 'Bright Smiles Dental',
    phones: ['(555) 010-2000'],
    page_names: ['Bright Smiles Dental'],
  },
  // Every hour of every day counts, so "overdue" does not depend on when the suite runs.
  response_window: { hours: 2, business_hours: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '23:59' } },
};

async function badgeText(h) {
  return h.serviceWorker.evaluate(() => chrome.action.getBadgeText({}));
}

async function until(what, fn, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last.ok) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out waiting for ${what}; last seen ${JSON.stringify(last.value)}`);
}

const waitForBadge = (h, text) =>
  until(`badge "${text}"`, async () => {
    const value = await badgeText(h);
    return { ok: value === text, value };
  });

async function popupNumbers(popup) {
  return popup.evaluate(() => ({
    unanswered: document.getElementById('unanswered').textContent,
    overdue: document.getElementById('overdue').textContent,
    oldest: document.getElementById('oldest').textContent,
    recurring: [...document.querySelectorAll('#recurring li')].map((li) => [li.dataset.topic, li.querySelector('.badge').textContent]),
    recurringEmpty: !document.getElementById('recurring-empty').hidden,
    link: document.getElementById('open-page').hidden ? null : document.getElementById('open-page').getAttribute('href'),
    policy: [document.getElementById('policy-name').textContent, document.getElementById('policy-version').textContent, document.getElementById('policy-source').textContent],
    note: document.getElementById('timely-note').textContent,
  }));
}

test('popup and badge show unanswered, overdue, oldest and recurring topics from the fixture threads', async (t) => {
  const h = await launch();
  t.after(() => h.close());

  // Before any policy names the page: a clear empty state, no badge.
  const empty = await h.page(h.extensionUrl('extension/popup/popup.html'));
  await empty.waitForFunction(() => document.getElementById('unanswered').textContent !== '–');
  const before = await popupNumbers(empty);
  assert.equal(before.unanswered, '0');
  assert.equal(before.oldest, 'none');
  assert.equal(before.link, null);
  assert.match(before.note, /page name to the policy/);
  assert.deepEqual(before.policy, ['ReplyGuard default', 'v1.0.0', 'Built in']);
  await empty.close();

  const loaded = await sendToWorker(h, { type: 'policy.load', source: 'file', text: JSON.stringify(BRIGHT_SMILES), fileName: 'bright-smiles.json' });
  assert.equal(loaded.ok, true, loaded.error);

  const fb = await openFixture(h, 'www.facebook.com', '/facebook/');
  await waitForBadge(h, '3');

  const popup = await h.page(h.extensionUrl('extension/popup/popup.html'));
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.waitForFunction(() => document.getElementById('unanswered').textContent === '3');
  const s = await popupNumbers(popup);
  assert.equal(s.unanswered, '3');
  assert.equal(s.overdue, '2', 'Janet and Tom waited past 2 hours; Dana did not');
  assert.equal(s.oldest, '1 day ago', "Tom's comment, 25 hours old");
  assert.equal(s.link, h.baseUrl('www.facebook.com') + '/facebook/');
  assert.deepEqual(s.policy, ['Bright Smiles Dental', 'v2026.1', 'From the file bright-smiles.json']);
  assert.ok(
    s.recurring.some(([topic, n]) => topic === 'wait_time' && n === '2'),
    `wait_time should recur twice; recurring topics are ${JSON.stringify(s.recurring)}`,
  );
  for (const [topic, n] of s.recurring) assert.ok(Number(n) >= 2, `${topic} is listed with ${n}`);
  assert.ok(!s.recurring.some(([topic]) => topic === 'billing'), 'billing came up once (Dana): not recurring');

  fs.mkdirSync(path.join(ROOT, 'docs', 'screenshots'), { recursive: true });
  await popup.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', 'popup.png'), fullPage: true });

  // The page answers Janet: one fewer waiting, in the badge and the open popup.
  await fb.click(FB_JANET);
  await fb.keyboard.type('We are sorry about the wait. Please message us so we can make it right.');
  await fb.keyboard.press('Enter');
  await until('the reply to Janet to post', async () => {
    const value = await repliesUnder(fb, 'c-2001');
    return { ok: value.length === 1, value };
  });
  await waitForBadge(h, '2');
  await popup.waitForFunction(() => document.getElementById('unanswered').textContent === '2');
  assert.equal((await popupNumbers(popup)).overdue, '1');
});

test('per-site switches in the popup reach the content scripts, and the badge clears at zero', async (t) => {
  const h = await launch();
  t.after(() => h.close());
  const popup = await h.page(h.extensionUrl('extension/popup/popup.html'));
  await popup.waitForSelector('#site-instagram');
  assert.equal(await popup.isChecked('#site-instagram'), true);
  assert.equal(await popup.getAttribute('#site-instagram', 'role'), 'switch');
  await popup.click('#site-instagram');
  const settings = await until('instagram switched off', async () => {
    const value = await sendToWorker(h, { type: 'settings' });
    return { ok: value.sites?.instagram === false, value };
  });
  assert.equal(settings.value.sites.facebook, true);
  await popup.reload();
  await popup.waitForSelector('#site-instagram');
  assert.equal(await popup.isChecked('#site-instagram'), false, 'the choice survives reopening the popup');

  // No comments tracked: the badge has no text at all (not "0").
  assert.equal(await badgeText(h), '');
});
