// The popup's numbers, computed from stored comment records (hashes, times
// and topic tags only): unanswered, overdue, the oldest waiting, and topics
// that recur this week (the last seven days).

import { isOverdue, startOfLocalDay } from './business-hours.js';

// "This week" for recurring topics is the last seven days, so Monday morning
// still sees last week's pattern.
export const WEEK_MS = 7 * 24 * 3600_000;

// Tags that say what kind of comment it was rather than what it was about:
// "complaint" recurring says nothing a practice can fix.
const KIND_TAGS = new Set(['complaint', 'compliment', 'question', 'other', 'none']);

// arrivedAt is when a comment started waiting: its posted time when the page
// showed one, else when ReplyGuard first saw it.
export function arrivedAt(record) {
  return typeof record.posted === 'number' ? Math.min(record.posted, record.seen) : record.seen;
}

// summarize(threads, {now, window}) where window is the policy's
// response_window ({hours, business_hours}).
export function summarize(threads, { now = Date.now(), window } = {}) {
  const records = Object.values(threads ?? {});
  const today = startOfLocalDay(now);
  const week = now - WEEK_MS;
  const waiting = records
    .filter((r) => !r.answered)
    .map((r) => ({ ...r, since: arrivedAt(r) }))
    .sort((a, b) => a.since - b.since);

  const overdue = window ? waiting.filter((r) => isOverdue(r.since, now, window)).length : 0;
  const oldest = waiting[0] ? { since: waiting[0].since, site: waiting[0].site, page: waiting[0].page ?? null } : null;

  // The page with the most waiting comments (the oldest breaks ties) is
  // where the popup's "open" link goes.
  const perPage = new Map();
  for (const r of waiting) {
    if (!r.page) continue;
    const p = perPage.get(r.page) ?? { page: r.page, site: r.site, count: 0, since: r.since };
    p.count++;
    perPage.set(r.page, p);
  }
  const pages = [...perPage.values()].sort((a, b) => b.count - a.count || a.since - b.since);

  const topicCounts = new Map();
  for (const r of records) {
    if (arrivedAt(r) < week) continue;
    for (const t of new Set(r.topics ?? [])) if (!KIND_TAGS.has(t)) topicCounts.set(t, (topicCounts.get(t) ?? 0) + 1);
  }
  const recurring = [...topicCounts]
    .filter(([, count]) => count >= 2)
    .map(([topic, count]) => ({ topic, count }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));

  return {
    tracked: records.length,
    unanswered: waiting.length,
    newToday: waiting.filter((r) => r.since >= today).length,
    overdue,
    oldest,
    pages,
    recurring,
  };
}
