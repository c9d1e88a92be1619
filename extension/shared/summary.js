// The popup's numbers, computed from stored comment records (hashes, times
// and topic tags only). "Today" counts comments the page says were posted
// today: an old post scrolled into view never adds to it, and a comment
// whose posted time the page did not show is never guessed from when
// ReplyGuard first saw it. "Last 30 days" is everything kept.

import { isOverdue, startOfLocalDay } from './business-hours.js';

// "This week" for recurring topics is the last seven days, so Monday morning
// still sees last week's pattern.
export const WEEK_MS = 7 * 24 * 3600_000;

// Tags that say what kind of comment it was rather than what it was about:
// "complaint" recurring says nothing a practice can fix.
const KIND_TAGS = new Set(['complaint', 'compliment', 'question', 'other', 'none']);

// arrivedAt orders records and ages them out: the posted time when known,
// else first sight (used for pruning only, never for "today" or overdue).
export function arrivedAt(record) {
  return typeof record.posted === 'number' ? Math.min(record.posted, record.seen) : record.seen;
}

export function isOpen(record) {
  return !record.answered && !record.handled;
}

// summarize(threads, {now, window, scans, recentMs}) where window is the
// policy's response_window ({hours, business_hours}) and scans the times
// ReplyGuard last read each Page's threads.
export function summarize(threads, { now = Date.now(), window, scans = {}, recentMs } = {}) {
  const records = Object.entries(threads ?? {}).map(([id, r]) => ({ id, ...r }));
  const today = startOfLocalDay(now);
  const week = now - WEEK_MS;
  const open = records.filter(isOpen).sort((a, b) => (b.posted ?? 0) - (a.posted ?? 0));
  const todays = open.filter((r) => typeof r.posted === 'number' && r.posted >= today);
  const overdue = (r) => Boolean(window) && typeof r.posted === 'number' && r.posted >= today && isOverdue(r.posted, now, window);

  const topicCounts = new Map();
  for (const r of records) {
    if (arrivedAt(r) < week) continue;
    for (const t of new Set(r.topics ?? [])) if (!KIND_TAGS.has(t)) topicCounts.set(t, (topicCounts.get(t) ?? 0) + 1);
  }
  const recurring = [...topicCounts]
    .filter(([, count]) => count >= 2)
    .map(([topic, count]) => ({ topic, count }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));

  // Seen recently: within the response window (at least an hour).
  const recent = recentMs ?? Math.max(1, window?.hours ?? 4) * 3600_000;
  const lastScan = Math.max(0, ...Object.values(scans ?? {}).filter((t) => typeof t === 'number'));

  return {
    tracked: records.length,
    today: { unanswered: todays.length, overdue: todays.filter(overdue).length },
    month: { unanswered: open.length, handled: records.length - open.length },
    items: open.map((r) => ({ id: r.id, site: r.site, posted: r.posted ?? null, spanMs: r.spanMs ?? null, seen: r.seen, today: r.posted >= today, overdue: overdue(r) })),
    lastScan: lastScan || null,
    seenRecently: lastScan > 0 && now - lastScan <= recent,
    recurring,
  };
}
