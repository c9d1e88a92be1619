import test from 'node:test';
import assert from 'node:assert/strict';
import { cleanPageUrl, markHandled, mergeThreads, narrow, postedTime, pruneThreads } from './threads.js';
import { createStore } from './store.js';
import { memoryArea } from './testdata/fakes.mjs';
import { LIMITS } from '../shared/keys.js';

const NOW = 1_773_000_000_000;
const DAY = 86_400_000;
const HOUR = 3_600_000;

test('postedTime reads Unix seconds, milliseconds and ISO dates, and nothing else', () => {
  assert.equal(postedTime(NOW / 1000 - 60, NOW), NOW - 60_000);
  assert.equal(postedTime(NOW - 60_000, NOW), NOW - 60_000);
  assert.equal(postedTime(String(NOW / 1000 - 60), NOW), NOW - 60_000);
  assert.equal(postedTime(new Date(NOW - DAY).toISOString(), NOW), NOW - DAY);
  assert.equal(postedTime('2h', NOW), null);
  assert.equal(postedTime(NOW + DAY, NOW), null, 'future');
  assert.equal(postedTime(NOW - 40 * DAY, NOW), null, 'too old to matter');
});

test('cleanPageUrl keeps https links to supported sites, without the fragment', () => {
  assert.equal(cleanPageUrl('https://www.facebook.com/p/1?comment_id=2#x'), 'https://www.facebook.com/p/1?comment_id=2');
  assert.equal(cleanPageUrl('https://business.facebook.com/latest/inbox'), 'https://business.facebook.com/latest/inbox');
  assert.equal(cleanPageUrl('https://www.instagram.com/p/abc/'), 'https://www.instagram.com/p/abc/');
  assert.equal(cleanPageUrl('http://www.facebook.com/p'), null);
  assert.equal(cleanPageUrl('https://evil.example/www.facebook.com'), null);
  assert.equal(cleanPageUrl('javascript:alert(1)'), null);
  assert.equal(cleanPageUrl(undefined), null);
});

test('mergeThreads records first sight and the first answer, keeps answers, and narrows the posted time', () => {
  let r = mergeThreads({}, [{ id: 'a', site: 'facebook', posted: NOW - 2 * HOUR, spanMs: HOUR, answered: false, topics: ['billing'], page: 'p1' }], { now: NOW });
  assert.deepEqual(r.a, { site: 'facebook', seen: NOW, posted: NOW - 2 * HOUR, spanMs: HOUR, topics: ['billing'], page: 'p1' });
  // 30 minutes later the page still says "2h": the two sightings overlap in half an hour.
  r = mergeThreads(r, [{ id: 'a', site: 'facebook', posted: NOW + 30 * 60_000 - 2 * HOUR, spanMs: HOUR, answered: true }], { now: NOW + 5 });
  assert.equal(r.a.answered, NOW + 5);
  assert.equal(r.a.posted, NOW - 2 * HOUR, 'the latest possible time of both sightings');
  assert.equal(r.a.spanMs, 30 * 60_000, 'the uncertainty narrowed to half an hour');
  r = mergeThreads(r, [{ id: 'a', site: 'facebook', answered: false }], { now: NOW + 9 });
  assert.equal(r.a.answered, NOW + 5, 'a collapsed reply does not reopen the comment');
  assert.equal(r.a.posted, NOW - 2 * HOUR, 'a sighting without a time keeps the known one');
});

test('markHandled marks an open comment once, by its key', () => {
  const r = { a: { site: 'facebook', seen: NOW, topics: [] } };
  const h = markHandled(r, 'a', NOW + 1);
  assert.equal(h.a.handled, NOW + 1);
  assert.equal(markHandled(h, 'a', NOW + 2).a.handled, NOW + 1);
  assert.equal(markHandled(r, 'a', NOW + 3, 'answered').a.answered, NOW + 3);
  assert.equal(markHandled(r, 'zz', NOW), r, 'unknown keys change nothing');
  assert.deepEqual(narrow(null, { posted: 5, spanMs: 1 }), { posted: 5, spanMs: 1 });
  assert.deepEqual(narrow({ posted: 10, spanMs: 2 }, { posted: 20, spanMs: 2 }), { posted: 20, spanMs: 2 }, 'disagreeing estimates: the newest wins');
});

test('pruneThreads drops old answered and very old unanswered records, and bounds the count', () => {
  const recs = {
    fresh: { site: 'facebook', seen: NOW - DAY, topics: [] },
    answeredOld: { site: 'facebook', seen: NOW - 9 * DAY, answered: NOW - 9 * DAY, topics: [] },
    waitingOld: { site: 'facebook', seen: NOW - 9 * DAY, topics: [] },
    ancient: { site: 'facebook', seen: NOW - 31 * DAY, topics: [] },
  };
  assert.deepEqual(Object.keys(pruneThreads(recs, NOW)).sort(), ['fresh', 'waitingOld']);
  const many = {};
  for (let i = 0; i < LIMITS.threads + 10; i++) many[`k${i}`] = { site: 'facebook', seen: NOW - i * 1000, topics: [] };
  const kept = pruneThreads(many, NOW);
  assert.equal(Object.keys(kept).length, LIMITS.threads);
  assert.ok('k0' in kept && !(`k${LIMITS.threads + 5}` in kept), 'the newest are kept');
});

test('store updates of one key never lose a concurrent update', async () => {
  const area = memoryArea();
  const store = createStore(area);
  await Promise.all(Array.from({ length: 20 }, (_, i) => store.update('recent', async (list) => {
    await new Promise((r) => setTimeout(r, Math.random() * 3));
    return [...(list ?? []), i];
  })));
  assert.equal(area.data.recent.length, 20);
  assert.deepEqual(await store.get('recent'), area.data.recent);
});

test('store mirrors changes other pages make to settings, and only settings', async () => {
  const area = memoryArea({ settings: { sites: { facebook: true } }, threads: { a: 1 } });
  const store = createStore(area);
  await store.load();
  store.changed({ settings: { newValue: { sites: { facebook: false } } }, threads: { newValue: {} } });
  assert.deepEqual(await store.get('settings'), { sites: { facebook: false } });
  assert.deepEqual(await store.get('threads'), { a: 1 }, 'a late echo of our own write is ignored');
  await store.set({ settings: undefined });
  assert.equal('settings' in area.data, false);
});
