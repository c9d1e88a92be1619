// Response-window math: how much business time has passed since a patient
// comment arrived, and when an answer is due. Pure functions over epoch
// milliseconds; the zone is the policy's business_hours.tz (an IANA name) or,
// when empty, the browser's local zone.

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Longest span walked day by day; comments older than this are long overdue.
const MAX_DAYS = 400;

const formatters = new Map();

function formatter(tz) {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

// isValidZone reports whether tz is an IANA zone name this browser knows.
export function isValidZone(tz) {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

// wallClock returns the civil date and time of instant ms in zone tz.
export function wallClock(ms, tz) {
  if (!tz) {
    const d = new Date(ms);
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() };
  }
  const out = {};
  for (const { type, value } of formatter(tz).formatToParts(ms)) {
    if (type !== 'literal' && type !== 'dayPeriod' && type !== 'era') out[type] = Number(value);
  }
  return { year: out.year, month: out.month, day: out.day, hour: out.hour, minute: out.minute, second: out.second };
}

// instantOf returns the epoch ms of a civil time in zone tz. In a DST gap it
// lands just after the gap; in an overlap it picks the earlier instant.
export function instantOf({ year, month, day, hour = 0, minute = 0 }, tz) {
  if (!tz) return new Date(year, month - 1, day, hour, minute).getTime();
  const asUTC = Date.UTC(year, month - 1, day, hour, minute);
  const first = asUTC - offsetAt(asUTC, tz);
  const second = asUTC - offsetAt(first, tz);
  return Math.min(first, second);
}

// offsetAt is how far zone tz's wall clock is ahead of UTC at instant ms.
function offsetAt(ms, tz) {
  const w = wallClock(ms, tz);
  const wallAsUTC = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUTC - Math.floor(ms / 1000) * 1000;
}

// parseClock turns "08:30" into minutes after midnight ("24:00" is allowed as
// an end of day); null when malformed.
export function parseClock(s) {
  const m = /^(\d{1,2}):(\d{2})$/.exec(String(s ?? '').trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

// normalizeHours turns the policy's business_hours into {days:Set<0..6>,
// start, end, tz}, or null when the clock should simply always run (no days,
// unreadable times, or an unknown zone).
export function normalizeHours(bh) {
  if (!bh || !Array.isArray(bh.days)) return null;
  const days = new Set();
  for (const d of bh.days) {
    const i = DAY_NAMES.indexOf(String(d).toLowerCase().slice(0, 3));
    if (i >= 0) days.add(i);
  }
  const start = parseClock(bh.start);
  const end = parseClock(bh.end);
  const tz = bh.tz ? String(bh.tz) : undefined;
  if (days.size === 0 || start === null || end === null || end <= start) return null;
  if (tz && !isValidZone(tz)) return null;
  return { days, start, end, tz };
}

// eachOpenInterval calls fn(open, close) for each business interval, in
// order, starting with the civil day that contains `from`; fn returns true to
// stop.
function eachOpenInterval(from, hours, fn) {
  const w = wallClock(from, hours.tz);
  // Walk civil dates through a UTC calendar so month and year ends roll over.
  let date = Date.UTC(w.year, w.month - 1, w.day);
  for (let i = 0; i < MAX_DAYS; i++, date += DAY) {
    const d = new Date(date);
    if (!hours.days.has(d.getUTCDay())) continue;
    const civil = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    const open = instantOf({ ...civil, hour: Math.floor(hours.start / 60), minute: hours.start % 60 }, hours.tz);
    const close = hours.end === 24 * 60
      ? instantOf({ ...civilNext(date), hour: 0, minute: 0 }, hours.tz)
      : instantOf({ ...civil, hour: Math.floor(hours.end / 60), minute: hours.end % 60 }, hours.tz);
    if (fn(open, close)) return;
  }
}

function civilNext(date) {
  const d = new Date(date + DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// businessMsBetween is the business time in [from, to), in ms. With no
// usable business hours every millisecond counts.
export function businessMsBetween(from, to, businessHours) {
  if (!(to > from)) return 0;
  const hours = normalizeHours(businessHours);
  if (!hours) return to - from;
  let total = 0;
  eachOpenInterval(from, hours, (open, close) => {
    if (open >= to) return true;
    total += Math.max(0, Math.min(close, to) - Math.max(open, from));
    return false;
  });
  return total;
}

// dueAt is the instant a comment that arrived at `from` must be answered by:
// `window.hours` of business time later.
export function dueAt(from, window) {
  const budget = Math.max(0, Number(window?.hours) || 0) * HOUR;
  const hours = normalizeHours(window?.business_hours);
  if (!hours) return from + budget;
  let left = budget;
  let due = null;
  eachOpenInterval(from, hours, (open, close) => {
    const start = Math.max(open, from);
    if (close <= start) return false;
    if (left <= close - start) {
      due = start + left;
      return true;
    }
    left -= close - start;
    return false;
  });
  return due ?? Infinity;
}

// isOverdue reports whether a comment that arrived at `from` and is still
// unanswered at `now` is past the policy's response window. A window of zero
// hours never makes anything overdue.
export function isOverdue(from, now, window) {
  if (!(Number(window?.hours) > 0)) return false;
  return now >= dueAt(from, window);
}

// startOfLocalDay is local midnight at or before ms ("today" for the popup).
export function startOfLocalDay(ms) {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}
