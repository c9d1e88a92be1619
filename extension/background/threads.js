// Comment records for the popup: which patient comments ReplyGuard has seen,
// when they were posted (as the page says, with its uncertainty), whether the
// practice answered or staff marked them handled, and their topic tags. Pure
// functions over the stored map {[sha256(platform:commentId)]: record}; no
// text, name or id ever enters.

import { LIMITS, siteKey } from '../shared/keys.js';
import { arrivedAt } from '../shared/summary.js';

// postedTime reads a comment's posted time as the content script gives it
// (epoch milliseconds: now minus the page's relative age, or Instagram's
// datetime). Times in the future or too old to matter are dropped.
export function postedTime(time, now) {
  let ms = null;
  if (typeof time === 'number' && Number.isFinite(time)) ms = time < 1e12 ? time * 1000 : time;
  else if (typeof time === 'string' && /^\d{4}-\d{2}-\d{2}/.test(time)) ms = Date.parse(time);
  else if (typeof time === 'string' && /^\d{9,13}$/.test(time)) ms = postedTime(Number(time), now);
  if (ms === null || Number.isNaN(ms)) return null;
  if (ms > now + 60_000 || ms < now - LIMITS.unansweredMaxAgeMs) return null;
  return Math.min(ms, now);
}

// cleanPageUrl keeps a link only when it points at a supported site over
// https; the fragment is dropped, the query (the comment's id) kept.
export function cleanPageUrl(url) {
  let u;
  try {
    u = new URL(String(url));
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || !siteKey(u.hostname)) return null;
  u.hash = '';
  const s = u.toString();
  return s.length <= 500 ? s : null;
}

// narrow intersects two estimates of when a comment was posted: each says
// "between posted - spanMs and posted". Relative times drift as the page
// re-renders ("2h" at 10:00 and at 10:30), so each sighting narrows it.
export function narrow(prev, next) {
  if (prev?.posted == null) return next;
  if (next?.posted == null) return prev;
  const lo = Math.max(prev.posted - (prev.spanMs ?? 0), next.posted - (next.spanMs ?? 0));
  const hi = Math.min(prev.posted, next.posted);
  if (lo > hi) return next; // disagreeing estimates: trust the newest
  return { posted: hi, spanMs: hi - lo };
}

// mergeThreads folds one report of comments into the records.
// incoming: [{id, site, posted, spanMs, answered, topics?, page?}]; topics
// matter only for comments not seen before (each comment is tagged once).
export function mergeThreads(records, incoming, { now }) {
  const out = { ...(records ?? {}) };
  for (const c of incoming) {
    const prev = out[c.id];
    const rec = prev ? { ...prev } : { site: c.site, seen: now, topics: c.topics ?? [] };
    const when = narrow(prev, c.posted != null ? { posted: c.posted, spanMs: c.spanMs ?? 0 } : null);
    if (when?.posted != null) {
      rec.posted = when.posted;
      rec.spanMs = when.spanMs ?? 0;
    }
    if (c.page && !rec.page) rec.page = c.page;
    // Answered stays answered: a reply hidden behind "View replies" is not
    // a reply deleted.
    if (c.answered && !rec.answered) rec.answered = now;
    out[c.id] = rec;
  }
  return out;
}

// markHandled records that staff dealt with a comment (the popup's "Mark
// handled", or a reply sent from the box under it).
export function markHandled(records, id, now, how = 'handled') {
  const rec = records?.[id];
  if (!rec || rec.answered || rec.handled) return records;
  return { ...records, [id]: { ...rec, [how === 'answered' ? 'answered' : 'handled']: now } };
}

// pruneThreads drops records no view needs: answered ones older than this
// week's topics, unanswered ones older than a month, and the oldest beyond
// the size bound.
export function pruneThreads(records, now) {
  const keep = Object.entries(records ?? {}).filter(([, r]) => {
    const age = now - arrivedAt(r);
    return r.answered || r.handled ? age <= LIMITS.answeredMaxAgeMs : age <= LIMITS.unansweredMaxAgeMs;
  });
  keep.sort((a, b) => arrivedAt(b[1]) - arrivedAt(a[1]));
  return Object.fromEntries(keep.slice(0, LIMITS.threads));
}
