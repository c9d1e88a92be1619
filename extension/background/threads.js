// Comment records for the popup: which patient comments ReplyGuard has seen,
// when, whether the practice has answered, and their topic tags. Pure
// functions over the stored map {[idHash]: record}; no text ever enters.

import { LIMITS, siteKey } from '../shared/keys.js';
import { arrivedAt } from '../shared/summary.js';

// postedTime reads a comment's time as the page gave it: epoch seconds or
// milliseconds, or an ISO date. Anything else ("2h") is ignored. Times in the
// future or too old to matter are dropped.
export function postedTime(time, now) {
  let ms = null;
  if (typeof time === 'number' && Number.isFinite(time)) ms = time < 1e12 ? time * 1000 : time;
  else if (typeof time === 'string' && /^\d{4}-\d{2}-\d{2}/.test(time)) ms = Date.parse(time);
  else if (typeof time === 'string' && /^\d{9,13}$/.test(time)) ms = postedTime(Number(time), now);
  if (ms === null || Number.isNaN(ms)) return null;
  if (ms > now + 60_000 || ms < now - LIMITS.unansweredMaxAgeMs) return null;
  return Math.min(ms, now);
}

// cleanPageUrl keeps a page link only when it points at a supported site over
// https; the fragment is dropped.
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

// mergeThreads folds one report of comments into the records.
// incoming: [{id, site, posted, replied, topics?}]; topics matter only for
// comments not seen before (each comment is tagged once).
export function mergeThreads(records, incoming, { now, page }) {
  const out = { ...(records ?? {}) };
  for (const c of incoming) {
    const prev = out[c.id];
    const rec = prev ? { ...prev } : { site: c.site, seen: now, topics: c.topics ?? [] };
    if (!prev && c.posted != null) rec.posted = c.posted;
    if (page && !rec.page) rec.page = page;
    // Answered stays answered: a reply hidden behind "View replies" is not
    // a reply deleted.
    if (c.replied && !rec.answered) rec.answered = now;
    out[c.id] = rec;
  }
  return out;
}

// pruneThreads drops records no view needs: answered ones older than this
// week's topics, unanswered ones older than a month, and the oldest beyond
// the size bound.
export function pruneThreads(records, now) {
  const keep = Object.entries(records ?? {}).filter(([, r]) => {
    const age = now - arrivedAt(r);
    return r.answered ? age <= LIMITS.answeredMaxAgeMs : age <= LIMITS.unansweredMaxAgeMs;
  });
  keep.sort((a, b) => arrivedAt(b[1]) - arrivedAt(a[1]));
  return Object.fromEntries(keep.slice(0, LIMITS.threads));
}
