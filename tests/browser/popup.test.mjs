// The popup and the toolbar badge, fed by the Facebook fixture (a post
// dialog built on live Facebook's markup): 6 patient comments, 2 answered
// by the Page (one reply folded away). Waiting: Janet "5h" (past a 2-hour
// window), Dana "1h", Sam "45m" (today, unless the suite runs just after
// midnight: fbExpected says) and Tom "1d" (yesterday: in the last 30 days,
// never today). Janet and Tom both complain about wait times.
import test from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { launch, sendToWorker, ROOT } from './harness.mjs';
import { FB_JANET, badgeFor, fbExpected, openFixture, repliesUnder, storageLocal } from './inline-helpers.mjs';

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
    month: document.getElementById('month-count').textContent,
    today: document.getElementById('today-line').textContent,
    monthLine: document.getElementById('month-line').textContent,
    items: [...document.querySelectorAll('#waiting li')].map((li) => ({
      id: li.dataset.id,
      text: li.querySelector('.item-what').textContent,
      link: li.querySelector('a.item-open')?.getAttribute('href') ?? null,
    })),
    recurring: [...document.querySelectorAll('#recurring li')].map((li) => [li.dataset.topic, li.querySelector('.badge').textContent]),
    policy: [document.getElementById('policy-name').textContent, document.getElementById('policy-version').textContent, document.getElementById('policy-source').textContent],
    note: document.getElementById('timely-note').textContent,
  }));
}

const key = (platform, id) => crypto.createHash('sha256').update(`${platform}:${id}`).digest('hex');

test('popup and badge: today apart from the last 30 days, links to the comments, Mark handled, recurring topics', async (t) => {
  const h = await launch();
  t.after(() => h.close());

  // Before any Page is known: says how to start, no badge.
  const empty = await h.page(h.extensionUrl('extension/popup/popup.html'));
  await empty.waitForFunction(() => document.getElementById('unanswered').textContent !== '–');
  const before = await popupNumbers(empty);
  assert.equal(before.unanswered, '0');
  assert.equal(before.month, '0');
  assert.match(before.note, /Open your Page/);
  assert.deepEqual(before.policy, ['ReplyGuard default', 'v1.0.0', 'Built in']);
  await empty.close();

  const loaded = await sendToWorker(h, { type: 'policy.load', source: 'file', text: JSON.stringify(BRIGHT_SMILES), fileName: 'bright-smiles.json' });
  assert.equal(loaded.ok, true, loaded.error);
  // The Page is named but its threads were never seen: no "All caught up".
  const unseen = await h.page(h.extensionUrl('extension/popup/popup.html'));
  await unseen.waitForFunction(() => /Open your Page to refresh/.test(document.getElementById('timely-note').textContent));
  await unseen.close();

  const fb = await openFixture(h, 'www.facebook.com', '/facebook/');
  const expected = fbExpected();
  await until('all waiting comments recorded', async () => {
    const value = Object.keys((await storageLocal(h, 'threads')).threads ?? {}).length;
    return { ok: value === 6, value };
  });
  await waitForBadge(h, badgeFor(expected.today));

  const popup = await h.page(h.extensionUrl('extension/popup/popup.html'));
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.waitForFunction((n) => document.getElementById('month-count').textContent === n, String(expected.month));
  const s = await popupNumbers(popup);
  assert.equal(s.today, `Today: ${expected.today} unanswered, ${expected.overdue} overdue (past 2 h)`);
  assert.equal(s.unanswered, String(expected.today));
  assert.equal(s.overdue, String(expected.overdue));
  assert.match(s.monthLine, /^Last 30 days: 4 comments without a reply, 2 answered or handled$/);
  assert.equal(s.items.length, 4);
  const janet = s.items.find((i) => i.id === key('facebook', '2001'));
  assert.match(janet.text, /^Facebook · about 5 h ago, seen at \d{1,2}:\d\d(\s?[AP]M)?( · overdue)?$/);
  assert.equal(janet.link, `${h.baseUrl('www.facebook.com')}/brightsmilesdental/posts/1001?comment_id=2001`, 'the link opens the comment itself');
  assert.deepEqual(s.policy, ['Bright Smiles Dental', 'v2026.1', 'From the file bright-smiles.json']);
  assert.ok(s.recurring.some(([topic, n]) => topic === 'wait_time' && n === '2'), `wait_time recurs: ${JSON.stringify(s.recurring)}`);
  for (const [topic, n] of s.recurring) assert.ok(Number(n) >= 2, `${topic} is listed with ${n}`);
  assert.ok(!s.recurring.some(([topic]) => topic === 'phone'), 'the phone came up once (Priya): not recurring');

  fs.mkdirSync(path.join(ROOT, 'docs', 'screenshots'), { recursive: true });
  await popup.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', 'popup.png'), fullPage: true });

  // Mark handled: Tom's (yesterday's) comment leaves the list.
  const tom = key('facebook', '2007');
  await popup.click(`#waiting li[data-id="${tom}"] .item-handled`);
  await popup.waitForFunction(() => document.getElementById('month-count').textContent === '3');

  // Replying to Janet from the box under her comment answers it.
  await fb.click(FB_JANET);
  await fb.keyboard.type('We are sorry about the wait. Please message us so we can make it right.');
  await fb.keyboard.press('Enter');
  await until('the reply to Janet to post', async () => {
    const value = await repliesUnder(fb, 'c-2001');
    return { ok: value.length === 1, value };
  });
  await popup.waitForFunction(() => document.getElementById('month-count').textContent === '2');
  const janetToday = Date.now() - 300 * 60_000 >= new Date().setHours(0, 0, 0, 0);
  await waitForBadge(h, badgeFor(expected.today - (janetToday ? 1 : 0)));

  // Handling the rest: all caught up, since the Page was just seen.
  for (const id of ['2004', '2008']) await popup.click(`#waiting li[data-id="${key('facebook', id)}"] .item-handled`);
  await popup.waitForFunction(() => /All caught up/.test(document.getElementById('timely-note').textContent));
  await waitForBadge(h, '');
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
