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
const PAGE = 'https://www.facebook.com/brightsmilesdental/posts/p1001';

// Wednesday 2026-03-11 15:00 New York.
const now = at(11, 15);
const threads = {
  a: { site: 'facebook', seen: at(11, 14), topics: ['billing'], page: PAGE }, // 1 h: not overdue
  b: { site: 'facebook', seen: at(11, 14), posted: at(11, 9), topics: ['complaint', 'wait_time'], page: PAGE }, // 6 business h: overdue
  c: { site: 'facebook', seen: at(10, 9), answered: at(10, 10), topics: ['wait_time', 'complaint'] }, // answered
  d: { site: 'instagram', seen: at(4, 10), topics: ['wait_time', 'wait_time'], page: 'https://www.instagram.com/p/x/' }, // over 7 days ago
  e: { site: 'instagram', seen: at(9, 8), topics: ['parking'], page: 'https://www.instagram.com/p/x/' }, // Monday: overdue
};

test('counts unanswered, overdue and today', () => {
  const s = summarize(threads, { now, window: window4h });
  assert.equal(s.tracked, 5);
  assert.equal(s.unanswered, 4);
  assert.equal(s.overdue, 3, 'b (6 h), d (a week ago) and e (Monday) are past 4 business hours');
  assert.equal(s.newToday, 2, 'a and b arrived today; b by its posted time');
});

test('the oldest waiting comment and the page to open', () => {
  const s = summarize(threads, { now, window: window4h });
  assert.deepEqual(s.oldest, { since: at(4, 10), site: 'instagram', page: 'https://www.instagram.com/p/x/' });
  assert.deepEqual(s.pages.map((p) => [p.page, p.count]), [
    ['https://www.instagram.com/p/x/', 2],
    [PAGE, 2],
  ]);
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
    tracked: 0, unanswered: 0, newToday: 0, overdue: 0, oldest: null, pages: [], recurring: [],
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
