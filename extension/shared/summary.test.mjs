import test from 'node:test';
import assert from 'node:assert/strict';
import { summarize, arrivedAt } from './summary.js';
import { instantOf } from './business-hours.js';
import { relativeTime, topicLabel, sourceLabel } from './format.js';

const NY = 'America/New_York';
// "Today" and "this week" are local: pin the local zone to the records' zone.
process.env.TZ = NY;
const HOUR = 3_600_000;
const at = (day, hour) => instantOf({ year: 2026, month: 3, day, hour }, NY);
const window4h = { hours: 4, business_hours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '17:00', tz: NY } };

// Wednesday 2026-03-11 15:00 New York.
const now = at(11, 15);
const threads = {
  a: { site: 'facebook', seen: at(11, 14), posted: at(11, 14), spanMs: HOUR, topics: ['billing'] }, // 1 h: not overdue
  b: { site: 'facebook', seen: at(11, 14), posted: at(11, 9), spanMs: HOUR, topics: ['complaint', 'wait_time'] }, // 6 business h: overdue
  c: { site: 'facebook', seen: at(10, 9), posted: at(10, 8), answered: at(10, 10), topics: ['wait_time', 'complaint'] }, // answered
  d: { site: 'instagram', seen: at(4, 10), posted: at(4, 10), topics: ['wait_time', 'wait_time'] }, // over 7 days ago
  e: { site: 'instagram', seen: at(11, 14), posted: at(9, 8), topics: ['parking'] }, // Monday's, first seen today
  f: { site: 'facebook', seen: at(11, 13), topics: [] }, // the page showed no time
  g: { site: 'facebook', seen: at(11, 10), posted: at(11, 9), handled: at(11, 11), topics: [] }, // marked handled
};

test('today counts comments posted today; old ones and ones without a time never count as new or overdue', () => {
  const s = summarize(threads, { now, window: window4h });
  assert.equal(s.tracked, 7);
  assert.deepEqual(s.today, { unanswered: 2, overdue: 1 }, 'a and b were posted today; b is 6 business hours old');
  assert.deepEqual(s.month, { unanswered: 5, handled: 2 });
  assert.deepEqual(s.items.map((i) => [i.id, i.today, i.overdue]), [
    ['a', true, false],
    ['b', true, true],
    ['e', false, false],
    ['d', false, false],
    ['f', false, false],
  ]);
});

test('"seen recently" needs a scan of a Page within the window', () => {
  assert.equal(summarize({}, { now, window: window4h }).seenRecently, false);
  assert.equal(summarize({}, { now, window: window4h, scans: { p: now - 5 * HOUR } }).seenRecently, false);
  assert.equal(summarize({}, { now, window: window4h, scans: { p: now - 5 * HOUR, q: now - HOUR } }).seenRecently, true);
});

test('recurring topics count each comment once, last 7 days only, two or more, and not the kind tag', () => {
  const s = summarize(threads, { now, window: window4h });
  assert.deepEqual(s.recurring, [{ topic: 'wait_time', count: 2 }]);
  const more = { ...threads, f: { site: 'facebook', seen: at(10, 12), answered: at(10, 13), topics: ['billing', 'parking'] } };
  assert.deepEqual(summarize(more, { now, window: window4h }).recurring, [
    { topic: 'wait_time', count: 2 },
    { topic: 'billing', count: 2 },
    { topic: 'parking', count: 2 },
  ].sort((x, y) => y.count - x.count || x.topic.localeCompare(y.topic)));
});

test('empty state', () => {
  assert.deepEqual(summarize({}, { now, window: window4h }), {
    tracked: 0, today: { unanswered: 0, overdue: 0 }, month: { unanswered: 0, handled: 0 }, items: [], lastScan: null, seenRecently: false, recurring: [],
  });
});

test('a posted time later than first seen does not move arrival forward', () => {
  assert.equal(arrivedAt({ seen: 100, posted: 200 }), 100);
  assert.equal(arrivedAt({ seen: 100 }), 100);
});

test('wording', () => {
  assert.equal(relativeTime(now - 30_000, now), 'just now');
  assert.equal(relativeTime(now - 5 * 60_000, now), '5 minutes ago');
  assert.equal(relativeTime(now - 25 * HOUR, now), '1 day ago');
  assert.equal(relativeTime(now - 3 * HOUR - 1, now), '3 hours ago');
  assert.equal(topicLabel('wait_time'), 'Wait time');
  assert.equal(topicLabel('front_desk'), 'Front desk');
  assert.equal(sourceLabel(null), 'built in');
  assert.equal(sourceLabel({ source: 'url', url: 'https://policy.brightsmiles.test/p.json' }), 'from policy.brightsmiles.test (unsigned)');
  assert.equal(sourceLabel({ source: 'server', url: 'https://policies.example.org', serial: 14 }), 'signed, from the policy server policies.example.org, serial 14');
  assert.equal(sourceLabel({ source: 'managed' }), 'set by your organization');
});
