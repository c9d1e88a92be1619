// Pure readers of what the live sites print: translated label prefixes,
// relative times ("2h", "for én dag siden"), comment ids in links (plain or
// base64), and names inside labels. No DOM here, so Node tests cover them.

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, mo: 30 * 86_400_000, y: 365 * 86_400_000 };

// Facebook says "nb" or "no" for Norwegian; tables are keyed by language.
const LANG_ALIASES = { no: 'nb', nn: 'nb' };

// localeTable merges the page language's table with English (tried second:
// Facebook leaves some strings untranslated). Unit words of the page's
// language win: "h" is hours in English but days (hari) in Indonesian.
export function localeTable(locales, lang) {
  const code = String(lang ?? '').toLowerCase().split(/[-_]/)[0];
  const key = LANG_ALIASES[code] ?? code;
  const own = key !== 'en' ? locales?.[key] : null;
  const en = locales?.en ?? {};
  const out = { lang: own ? key : 'en', units: new Map() };
  for (const t of [own, en]) {
    if (!t) continue;
    for (const [k, v] of Object.entries(t)) {
      if (k === 'units') {
        for (const [unit, words] of Object.entries(v)) {
          for (const w of words) if (!out.units.has(fold(w))) out.units.set(fold(w), unit);
        }
      } else if (Array.isArray(v)) {
        out[k] = [...(out[k] ?? []), ...v];
      }
    }
  }
  return out;
}

// fold lower-cases for comparison (labels differ in case between builds).
export function fold(s) {
  return String(s ?? '').normalize('NFC').toLowerCase();
}

// matchPrefix returns the first prefix text starts with (case-insensitive,
// "…" and "..." alike), or null.
export function matchPrefix(text, prefixes) {
  const t = fold(text).replace(/\.\.\./g, '…').trimStart();
  for (const p of prefixes ?? []) {
    if (p && t.startsWith(fold(p).replace(/\.\.\./g, '…'))) return p;
  }
  return null;
}

const TOKEN = /\d+|[\p{L}\p{M}’']+\.?/gu;

// relativeAge reads a relative time ("2h", "1 d", "25 minutes ago",
// "hace 3 h", "for én dag siden", "Just now") as {ms, spanMs}: the page
// rounds down, so the comment is between ms and ms + spanMs old.
export function relativeAge(text, L) {
  const t = fold(text).trim();
  if (!t) return null;
  for (const n of L.now ?? []) if (t === fold(n) || t.startsWith(`${fold(n)} `)) return { ms: 0, spanMs: UNIT_MS.m };
  const tokens = t.match(TOKEN) ?? [];
  const one = new Set((L.one ?? []).map(fold));
  for (let i = 0; i < tokens.length - 1; i++) {
    const n = /^\d+$/.test(tokens[i]) ? Number(tokens[i]) : one.has(tokens[i]) ? 1 : null;
    if (n === null) continue;
    const unit = L.units.get(tokens[i + 1].replace(/\.$/, '')) ?? L.units.get(tokens[i + 1]);
    if (unit) return { ms: n * UNIT_MS[unit], spanMs: UNIT_MS[unit] };
  }
  return null;
}

// timeStart finds where a relative time begins in a label ("Janet Rivera
// 25 minutes ago" -> 13), or -1.
function timeStart(rest, L) {
  const ago = new Set((L.ago ?? []).map(fold));
  const one = new Set((L.one ?? []).map(fold));
  const f = fold(rest);
  for (const m of f.matchAll(TOKEN)) {
    const tail = f.slice(m.index);
    if (m.index > 0 && ago.has(m[0]) && relativeAge(tail, L)) return m.index;
    if (m.index > 0 && (/^\d+$/.test(m[0]) || one.has(m[0])) && relativeAge(tail, L)) {
      const next = tail.slice(m[0].length).match(TOKEN)?.[0];
      if (/^\d+$/.test(m[0]) || (next && L.units.has(next.replace(/\.$/, '')))) return m.index;
    }
    if (m.index > 0 && (L.now ?? []).some((n) => tail.startsWith(fold(n)))) return m.index;
  }
  return -1;
}

// nameFromLabel reads the author from "Comment by ‹Name› ‹time›" or
// "Reply by ‹Name› to ‹Other›'s comment ‹time›" in the page's language.
export function nameFromLabel(label, L) {
  const prefix = matchPrefix(label, L.comment) ?? matchPrefix(label, L.reply);
  if (!prefix) return '';
  let rest = String(label).trimStart().slice(prefix.length);
  for (const c of L.replyConnector ?? []) {
    const i = fold(rest).indexOf(fold(c));
    if (i > 0) rest = rest.slice(0, i);
  }
  const at = timeStart(rest, L);
  return (at > 0 ? rest.slice(0, at) : rest).trim().replace(/[:,]$/, '').trim();
}

// ownerFromLabel reads the post's author from a post dialog's label
// ("Bright Smiles Dental's post"), or ''.
export function ownerFromLabel(label, L) {
  const l = String(label ?? '').trim();
  for (const pattern of L.postOf ?? []) {
    const [before, after] = pattern.split('{name}');
    if (fold(l).startsWith(fold(before)) && fold(l).endsWith(fold(after)) && l.length > before.length + after.length) {
      return l.slice(before.length, l.length - after.length).trim();
    }
  }
  return '';
}

// idsFromHref reads {id, parent, post} from a comment's link: Facebook's
// ?comment_id=‹id› (&reply_comment_id=‹reply›), either plain or base64 of
// "comment:‹post›_‹comment›"; Instagram's /p/‹code›/c/‹id›/. null if none.
export function idsFromHref(href) {
  let u;
  try {
    u = new URL(String(href), 'https://invalid.example');
  } catch {
    return null;
  }
  const c = u.searchParams.get('comment_id');
  const r = u.searchParams.get('reply_comment_id');
  if (c) {
    const top = decodeId(c);
    if (r) {
      const reply = decodeId(r);
      return { id: reply.id, parent: top.id, post: top.post ?? reply.post };
    }
    return { id: top.id, parent: null, post: top.post };
  }
  const ig = [...u.pathname.matchAll(/\/c\/([^/?#]+)/g)].map((m) => m[1]);
  if (ig.length) return { id: ig.at(-1), parent: ig.length > 1 ? ig.at(-2) : null, post: u.pathname.match(/\/(?:p|reels?)\/([^/]+)/)?.[1] ?? null };
  return null;
}

function decodeId(raw) {
  if (/^\d+$/.test(raw) || !/^[A-Za-z0-9+/_-]+=*$/.test(raw)) return { id: raw, post: null };
  try {
    const text = atob(raw.replace(/-/g, '+').replace(/_/g, '/'));
    const m = text.match(/^comment:(\d+)_(\d+)$/);
    if (m) return { id: m[2], post: m[1] };
  } catch {
    // not base64 after all: the raw value is the id
  }
  return { id: raw, post: null };
}

// cleanLink keeps a comment's own link (its comment_id) but drops
// Facebook's tracking parameters and the fragment.
export function cleanLink(href, base) {
  let u;
  try {
    u = new URL(String(href), base);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  for (const k of [...u.searchParams.keys()]) if (k.startsWith('__cft__') || k === '__tn__') u.searchParams.delete(k);
  u.hash = '';
  return u.toString();
}

// platformFromParam maps a Business Suite thread_type (FB_MESSAGE,
// IG_MESSAGE, FB_PAGE_POST...) to the platform whose limits apply.
export function platformFromParam(value, prefixes) {
  for (const [p, platform] of Object.entries(prefixes ?? {})) if (String(value ?? '').startsWith(p)) return platform;
  return null;
}

// privateFromParam: a thread type that ends in one of suffixes is a private
// message thread (Business Suite's FB_MESSAGE, IG_MESSAGE).
export function privateFromParam(value, suffixes) {
  return typeof value === 'string' && (suffixes ?? []).some((s) => value.endsWith(s));
}
