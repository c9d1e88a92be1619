// Site adapters are data (sites.json, with selector overrides from the
// policy); this module interprets them against the page: which editors are
// composers and of what kind, which articles are comments, their ids,
// authors, times and replies. Facts and their confidence: LIVE-MARKUP.md.
// In a content script siblings load through chrome.runtime.getURL (see
// loader.js); the options page imports this module too, and its CSP admits
// only the extension's static URLs.
const PARSE = location.protocol === 'chrome-extension:' ? './parse.js' : chrome.runtime.getURL('extension/content/parse.js');
const { cleanLink, fold, idsFromHref, localeTable, matchPrefix, nameFromLabel, ownerFromLabel, platformFromParam, privateFromParam, relativeAge } = await import(PARSE);

// loadAdapters reads sites.json and applies the policy's selector
// overrides ([{adapter, name, selector}]). An override that is not valid CSS
// or names no selector is reported in `problems` and the built-in one kept.
export async function loadAdapters(overrides) {
  const res = await fetch(chrome.runtime.getURL('extension/content/sites.json'));
  if (!res.ok) throw new Error(`sites.json: HTTP ${res.status}`);
  const data = await res.json();
  const { adapters, problems } = applyOverrides(data.adapters, overrides);
  return { locales: data.locales, adapters, problems };
}

export function applyOverrides(adapters, overrides) {
  const problems = [];
  const out = adapters.map((a) => ({ ...a, selectors: { ...a.selectors } }));
  for (const [i, o] of (Array.isArray(overrides) ? overrides : []).entries()) {
    const where = `selectors[${i}]`;
    const a = out.find((x) => x.id === o?.adapter);
    if (!a) {
      problems.push({ path: `${where}.adapter`, error: `no adapter named ${JSON.stringify(String(o?.adapter))}` });
      continue;
    }
    if (!Object.hasOwn(a.selectors, o.name)) {
      problems.push({ path: `${where}.name`, error: `${a.id} has no selector named ${JSON.stringify(String(o.name))}` });
      continue;
    }
    if (!validCss(o.selector)) {
      problems.push({ path: `${where}.selector`, error: `${JSON.stringify(String(o.selector))} is not a valid CSS selector; the built-in ${a.id}.${o.name} stays in use` });
      continue;
    }
    a.selectors[o.name] = o.selector;
  }
  return { adapters: out, problems };
}

function validCss(selector) {
  if (typeof selector !== 'string' || !selector.trim()) return false;
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

export function adapterFor(adapters, hostname) {
  return adapters.find((a) => a.hosts.includes(hostname)) ?? null;
}

// pageLocale picks the label table from html[lang] (Facebook translates
// every label; attribute selectors would be case-sensitive, so prefixes are
// compared in code).
export function pageLocale(locales, doc = document) {
  return localeTable(locales, doc.documentElement.getAttribute('lang') || navigator.language);
}

function labelOf(el) {
  return el.getAttribute('aria-label') || el.getAttribute('aria-placeholder') || el.getAttribute('placeholder') || '';
}

// classifyComposer returns the composer definition for an editor: by its
// label prefix first, then by where it sits; null for editors that are not
// composers ReplyGuard knows (never by role alone).
export function classifyComposer(adapter, L, el) {
  if (!(el instanceof Element) || !el.matches(adapter.selectors.editor)) return null;
  const labels = [el.getAttribute('aria-label'), el.getAttribute('aria-placeholder'), el.getAttribute('placeholder')].filter(Boolean);
  for (const def of adapter.composers) {
    if (def.labels && labels.some((l) => matchPrefix(l, L[def.labels]))) return def;
  }
  for (const def of adapter.composers) {
    if (def.within && el.closest(def.within)) return def;
  }
  return null;
}

export function findComposers(adapter, L, root = document) {
  const found = [];
  for (const el of root.querySelectorAll(adapter.selectors.editor)) {
    const def = classifyComposer(adapter, L, el);
    if (def) found.push({ el, def });
  }
  return found;
}

// actingName is the name in "Comment as ‹Name›" for this composer, or for
// the nearest such composer in the same post (a reply box does not say).
export function actingName(adapter, L, el) {
  const own = commentAsName(L, el);
  if (own) return own;
  const post = el.closest([adapter.selectors.dialog, adapter.selectors.feedUnit].filter(Boolean).join(', ')) ?? document;
  for (const other of post.querySelectorAll(adapter.selectors.editor)) {
    const name = commentAsName(L, other);
    if (name) return name;
  }
  return '';
}

function commentAsName(L, el) {
  const label = labelOf(el);
  const p = matchPrefix(label, L.commentAs);
  return p ? label.trimStart().slice(p.length).replace(/(…|\.\.\.)$/, '').trim() : '';
}

// sendButtonFor finds the composer's send button: a [role=button] or
// submit button whose label or text is a send word, in the composer's
// nearest surroundings (the live sites have no stable wrapper).
export function sendButtonFor(L, el) {
  const words = new Set((L.send ?? []).map(fold));
  let scope = el.parentElement;
  for (let depth = 0; scope && depth < 5; depth++, scope = scope.parentElement) {
    for (const b of scope.querySelectorAll("[role='button'], button")) {
      if (b.contains(el) || el.contains(b)) continue;
      const name = fold(b.getAttribute('aria-label') || b.textContent).trim();
      if (words.has(name)) return b;
    }
  }
  return null;
}

export function isSendButton(L, el, target) {
  const button = sendButtonFor(L, el);
  return Boolean(button && target instanceof Node && button.contains(target));
}

// platformFor: Business Suite mixes Facebook and Instagram threads; its
// thread_type says which platform's limits apply.
export function platformFor(adapter, url = location.href) {
  if (adapter.platformParam) {
    const value = new URL(url).searchParams.get(adapter.platformParam.name) ?? selectedTabParam(adapter, adapter.platformParam.name);
    const p = platformFromParam(value, adapter.platformParam.prefixes);
    if (p) return p;
  }
  return adapter.platform;
}

// isPrivate: the composer writes a private message, which the engine
// judges as one (no private channel to ask for; the policy's severities for
// private messages). Messenger and Instagram DM boxes are, by their kind;
// in Business Suite's inbox the thread's type says (privateParam:
// thread_type FB_MESSAGE or IG_MESSAGE; a Page post's comment thread is
// public).
export function isPrivate(adapter, def, url = location.href) {
  if (def.kind === 'message') return true;
  const p = adapter.privateParam;
  if (!p) return false;
  return privateFromParam(new URL(url).searchParams.get(p.name) ?? selectedTabParam(adapter, p.name), p.suffixes);
}

function selectedTabParam(adapter, name) {
  const sel = adapter.selectors.channelTab;
  if (!sel) return null;
  const tabs = [...document.querySelectorAll(sel)];
  const tab = tabs.find((t) => t.getAttribute('aria-selected') === 'true' || t.closest("[aria-selected='true']")) ?? null;
  return tab ? new URL(tab.href).searchParams.get(name) : null;
}

// topDialog is the open modal on top (a post opened from the feed renders in
// one while the feed stays mounted behind it), or null.
export function topDialog(adapter, doc = document) {
  if (!adapter.selectors.dialog) return null;
  const open = [...doc.querySelectorAll(adapter.selectors.dialog)].filter(visible);
  return open.at(-1) ?? null;
}

export function visible(el) {
  return el.isConnected && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}

// own lists elements matching sel inside article that belong to it, not to
// an article nested in it.
function own(article, sel, articleSel) {
  return [...article.querySelectorAll(sel)].filter((e) => e.closest(articleSel) === article);
}

function longestText(els, skip) {
  let best = '';
  for (const e of els) {
    const t = e.textContent.trim();
    if (t.length > best.length && !skip.has(t)) best = t;
  }
  return best;
}

// readFacebook reads every comment and reply in scope:
// [{id, parent, kind, author, text, age, posted, link, repliedBy}].
// Duplicates (Facebook renders some comments twice) are read once.
export function readFacebook(adapter, L, scope, now = Date.now()) {
  const s = adapter.selectors;
  const items = new Map();
  for (const art of scope.querySelectorAll(s.article)) {
    const label = art.getAttribute('aria-label') ?? '';
    const kind = matchPrefix(label, L.comment) ? 'comment' : matchPrefix(label, L.reply) ? 'reply' : null;
    if (!kind) continue;
    const link = own(art, s.timeLink, s.article).find((a) => idsFromHref(a.getAttribute('href')));
    const ids = link ? idsFromHref(link.getAttribute('href')) : art.dataset.commentid ? { id: art.dataset.commentid, parent: null } : null;
    if (!ids || items.has(ids.id)) continue;
    const profile = own(art, s.profileLink, s.article).find((a) => a !== link && a.textContent.trim());
    const author = profile?.textContent.trim() || nameFromLabel(label, L);
    const skip = new Set([author, link?.textContent.trim()]);
    const text = longestText(own(art, s.text, s.article).filter((e) => !link?.contains(e) && !profile?.contains(e)), skip);
    const age = (link && relativeAge(link.textContent, L)) ?? relativeAge(label.slice(label.indexOf(author) + author.length), L);
    let parent = ids.parent;
    if (kind === 'reply' && !parent) parent = parentByNesting(art, s, items);
    items.set(ids.id, {
      id: ids.id,
      parent,
      kind: parent ? 'reply' : kind,
      author,
      text,
      age,
      posted: age ? now - age.ms : null,
      link: link ? cleanLink(link.getAttribute('href'), location.href) : null,
      repliedBy: kind === 'comment' ? collapsedRepliers(art, s, L) : [],
    });
  }
  return [...items.values()];
}

// A reply whose link carries no parent id sits in a list inside its
// parent's list item.
function parentByNesting(art, s, items) {
  const item = art.closest(s.commentItem)?.parentElement?.closest(s.commentItem);
  const parentArt = item && [...item.querySelectorAll(s.article)].find((a) => a.closest(s.commentItem) === item);
  const link = parentArt && own(parentArt, s.timeLink, s.article)[0];
  const ids = link && idsFromHref(link.getAttribute('href'));
  return ids && items.has(ids.id) ? ids.id : null;
}

// collapsedRepliers reads "‹Name› replied · N Replies" expanders under a
// comment: the names of who replied, while the replies are folded away.
function collapsedRepliers(art, s, L) {
  const item = art.closest(s.commentItem) ?? art.parentElement;
  const out = [];
  for (const b of item.querySelectorAll(s.expander)) {
    if (art.contains(b) && b.closest(s.article) !== art) continue;
    const t = b.textContent.trim();
    for (const w of L.replied ?? []) {
      const i = fold(t).indexOf(` ${fold(w)}`);
      if (i > 0) out.push(t.slice(0, i).trim());
    }
  }
  return out;
}

// postOwner names who posted what scope shows: a post dialog's label
// ("‹Name›'s post"), a feed post's profile name, or a Page timeline's h1.
export function postOwner(adapter, L, scope) {
  const s = adapter.selectors;
  if (scope.matches?.(s.dialog)) {
    const byLabel = ownerFromLabel(scope.getAttribute('aria-label'), L);
    if (byLabel) return byLabel;
    const labelledBy = scope.getAttribute('aria-labelledby');
    const title = labelledBy && document.getElementById(labelledBy)?.textContent;
    if (title && ownerFromLabel(title, L)) return ownerFromLabel(title, L);
  }
  const named = s.postOwner && scope.querySelector?.(s.postOwner);
  if (named?.textContent.trim()) return named.textContent.trim();
  if (s.pageTitle) return document.querySelector(s.pageTitle)?.textContent.trim() ?? '';
  return '';
}

// readInstagram reads comments by their permalinks (/p/‹code›/c/‹id›/, each
// holding a <time datetime>), in both the 2025 (article ul li) and the 2026
// (div + ul > div) structures: a comment's root is the largest element
// around its permalink holding no other one; a reply sits in a list whose
// surroundings hold an earlier permalink, its parent's.
export function readInstagram(adapter, L, scope) {
  const s = adapter.selectors;
  const links = [...scope.querySelectorAll(s.permalink)].filter((a) => a.querySelector(s.time) && idsFromHref(a.getAttribute('href')));
  const items = new Map();
  for (const a of links) {
    const ids = idsFromHref(a.getAttribute('href'));
    if (items.has(ids.id)) continue;
    let root = a;
    while (root.parentElement && root.parentElement !== scope && links.filter((x) => root.parentElement.contains(x)).every((x) => idsFromHref(x.getAttribute('href')).id === ids.id)) {
      root = root.parentElement;
    }
    const profile = [...root.querySelectorAll(s.profileLink)].find((p) => p !== a && /^\/[^/]+\/?$/.test(new URL(p.href).pathname) && p.textContent.trim());
    const author = profile?.textContent.trim() ?? '';
    const skip = new Set([author, a.textContent.trim()]);
    const ui = (e) => e.closest('a, button, [role=button]');
    const text = longestText([...root.querySelectorAll(s.text)].filter((e) => !ui(e)), skip);
    const posted = Date.parse(a.querySelector(s.time).getAttribute('datetime'));
    items.set(ids.id, {
      id: ids.id,
      parent: igParent(links, a),
      author,
      text,
      age: { ms: 0, spanMs: 0 },
      posted: Number.isNaN(posted) ? null : posted,
      link: cleanLink(a.getAttribute('href'), location.href),
      repliedBy: [],
    });
  }
  for (const it of items.values()) it.kind = it.parent && items.has(it.parent) ? 'reply' : 'comment';
  return [...items.values()];
}

function igParent(links, self) {
  const list = self.closest('ul');
  if (!list) return null;
  for (let e = list.parentElement; e; e = e.parentElement) {
    const before = links.filter((x) => x !== self && e.contains(x) && !list.contains(x));
    if (before.length) {
      const prior = before.filter((x) => x.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING);
      return prior.length ? idsFromHref(prior.at(-1).getAttribute('href')).id : null;
    }
  }
  return null;
}

// igOwner: the post's author is the first profile link of the post dialog
// or page (inferred: the header precedes the comments).
export function igOwner(adapter, scope) {
  for (const a of scope.querySelectorAll(adapter.selectors.profileLink)) {
    if (/^\/[^/]+\/?$/.test(new URL(a.href).pathname) && a.textContent.trim()) return a.textContent.trim();
  }
  return '';
}

// commentForComposer: the comment a reply composer answers. Facebook mounts
// the reply box under its parent, in the parent's list item; Instagram's
// one box is pre-filled with "@user " for a reply.
export function commentForComposer(adapter, L, el, kind) {
  if (adapter.threads === 'facebook' && kind === 'reply') {
    const s = adapter.selectors;
    for (let item = el.closest(s.commentItem); item; item = item.parentElement?.closest(s.commentItem)) {
      const art = [...item.querySelectorAll(s.article)].find((a) => matchPrefix(a.getAttribute('aria-label'), L.comment) && !a.contains(el));
      if (!art) continue;
      const got = readFacebook(adapter, L, art.parentElement).find((c) => c.kind === 'comment');
      if (got) return got;
    }
    return null;
  }
  if (adapter.threads === 'instagram' && el instanceof HTMLTextAreaElement) {
    const user = el.value.match(/^@([\w.]+)\s/)?.[1];
    if (!user) return null;
    const scope = topDialog(adapter) ?? el.closest('article, main, [role=main]') ?? document.body;
    return readInstagram(adapter, L, scope).find((c) => fold(c.author) === fold(user)) ?? null;
  }
  return null;
}
