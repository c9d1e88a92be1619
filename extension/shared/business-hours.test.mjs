import test from 'node:test';
import assert from 'node:assert/strict';
import {
  businessMsBetween,
  dueAt,
  instantOf,
  isOverdue,
  normalizeHours,
  parseClock,
  startOfLocalDay,
  wallClock,
} from './business-hours.js';

const NY = 'America/New_York';
const HOUR = 3_600_000;
const weekdays = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '17:00', tz: NY };
const window4h = { hours: 4, business_hours: weekdays };
// March 2026: Friday the 6th, US daylight saving starts Sunday the 8th.
const ny = (day, hour, minute = 0) => instantOf({ year: 2026, month: 3, day, hour, minute }, NY);

test('instantOf and wallClock round-trip in a named zone, across DST', () => {
  for (const [day, hour] of [[6, 16], [9, 11], [8, 3]]) {
    const w = wallClock(ny(day, hour), NY);
    assert.deepEqual([w.day, w.hour, w.minute], [day, hour, 0]);
  }
  assert.equal(ny(9, 11) - ny(6, 16), (2 * 24 + 19 - 1) * HOUR, 'one hour lost to DST');
});

test('a comment inside business hours is due the same afternoon', () => {
  assert.equal(dueAt(ny(10, 9), window4h), ny(10, 13));
});

test('a Friday afternoon comment is due Monday, skipping the weekend and the DST change', () => {
  assert.equal(dueAt(ny(6, 16), window4h), ny(9, 11));
  assert.equal(businessMsBetween(ny(6, 16), ny(9, 9), weekdays), 2 * HOUR);
});

test('an after-hours comment starts the clock at next opening', () => {
  assert.equal(dueAt(ny(10, 20), window4h), ny(11, 12), 'Tuesday 8 pm -> Wednesday noon');
  assert.equal(dueAt(ny(11, 6), window4h), ny(11, 12), 'Wednesday 6 am -> Wednesday noon');
});

test('a weekend comment is due Monday at noon', () => {
  assert.equal(dueAt(ny(7, 10), window4h), ny(9, 12));
  assert.equal(businessMsBetween(ny(7, 10), ny(8, 23), weekdays), 0);
});

test('isOverdue flips exactly at the due time', () => {
  const from = ny(6, 16);
  const due = ny(9, 11);
  assert.equal(isOverdue(from, due - 1, window4h), false);
  assert.equal(isOverdue(from, due, window4h), true);
  assert.equal(isOverdue(from, ny(7, 12), window4h), false, 'Saturday noon is not overdue');
});

test('dueAt and businessMsBetween agree', () => {
  for (const from of [ny(2, 7), ny(3, 12, 17), ny(6, 16, 59), ny(7, 0), ny(13, 23)]) {
    for (const hours of [0.5, 4, 9, 30]) {
      const due = dueAt(from, { hours, business_hours: weekdays });
      assert.equal(businessMsBetween(from, due, weekdays), hours * HOUR, `from ${new Date(from).toISOString()}, ${hours} h`);
    }
  }
});

test('without usable business hours the clock always runs', () => {
  const from = ny(7, 10);
  assert.equal(dueAt(from, { hours: 4 }), from + 4 * HOUR);
  assert.equal(dueAt(from, { hours: 4, business_hours: { days: [], start: '08:00', end: '17:00' } }), from + 4 * HOUR);
  assert.equal(dueAt(from, { hours: 4, business_hours: { ...weekdays, tz: 'Mars/Olympus' } }), from + 4 * HOUR);
  assert.equal(businessMsBetween(from, from + 5 * HOUR, { days: ['mon'], start: '17:00', end: '08:00' }), 5 * HOUR);
});

test('a zero-hour window never makes a comment overdue', () => {
  assert.equal(isOverdue(ny(2, 9), ny(20, 9), { hours: 0, business_hours: weekdays }), false);
});

test('an all-day, every-day window counts wall-clock hours', () => {
  const always = { days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], start: '00:00', end: '24:00', tz: NY };
  const from = ny(7, 22);
  assert.equal(businessMsBetween(from, from + 30 * HOUR, always), 30 * HOUR);
  assert.equal(dueAt(from, { hours: 2, business_hours: always }), from + 2 * HOUR);
});

test('parseClock and normalizeHours read the policy format', () => {
  assert.equal(parseClock('08:30'), 510);
  assert.equal(parseClock('24:00'), 1440);
  assert.equal(parseClock('24:30'), null);
  assert.equal(parseClock('8am'), null);
  const h = normalizeHours({ days: ['Mon', 'friday'], start: '9:00', end: '17:00' });
  assert.deepEqual([...h.days].sort(), [1, 5]);
  assert.equal(h.tz, undefined);
});

test('with no zone, business hours follow the local zone', () => {
  const saved = process.env.TZ;
  process.env.TZ = 'Asia/Tokyo';
  try {
    const local = { days: weekdays.days, start: '08:00', end: '17:00' };
    const tokyo = { ...local, tz: 'Asia/Tokyo' };
    const from = new Date(2026, 2, 6, 16, 0).getTime(); // Friday 16:00 in Tokyo
    assert.equal(dueAt(from, { hours: 4, business_hours: local }), dueAt(from, { hours: 4, business_hours: tokyo }));
    assert.equal(dueAt(from, { hours: 4, business_hours: local }), new Date(2026, 2, 9, 11, 0).getTime());
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

test('today starts at local midnight', () => {
  const wed = new Date(2026, 2, 11, 15, 45).getTime();
  assert.equal(startOfLocalDay(wed), new Date(2026, 2, 11).getTime());
  const dstDay = new Date(2026, 2, 8, 12).getTime();
  assert.equal(startOfLocalDay(dstDay), new Date(2026, 2, 8).getTime());
});
