// Watches comment threads on the practice's own posts (and Business Suite
// inbox threads) and tells the service worker which patient comments wait
// for a reply. The worker keeps only hashes, times and topic tags. Rescans
// after DOM changes (debounced), on popstate and when the address changes
// (Facebook navigates without reloading).
// Siblings load through chrome.runtime.getURL (see loader.js).
const load = (name) => import(chrome.runtime.getURL(`extension/content/${name}`));
const { actingName, findComposers, igOwner, platformFor, postOwner, readFacebook, readInstagram, topDialog, visible } = await load('adapters.js');
const { send } = await load('messaging.js');

const DEBOUNCE_MS = 300;
const URL_POLL_MS = 500;

// samePageName as in extension/shared/policy-view.js: case, spacing and
// punctuation aside.
export function sameName(a, b) {
  const norm = (s) => String(s ?? '').toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');
  const x = norm(a);
  return x !== '' && x === norm(b);
}

export function watchThreads(adapter, L, settings) {
  let lastPayload = '';
  let lastIdentity = '';
  let timer = 0;
  let href = location.href;

  const scan = () => {
    timer = 0;
    reportIdentity();
    const report = adapter.threads === 'business' ? businessReport(adapter) : postsReport(adapter, L, pageNames());
    if (!report) return;
    const payload = JSON.stringify(report);
    if (payload === lastPayload) return;
    lastPayload = payload;
    send({ type: 'threads', site: adapter.site, ...report }).catch(() => {
      lastPayload = ''; // try again on the next change
    });
  };
  const pageNames = () => settings.pageNames ?? [];

  // The Page staff act as ("Comment as ‹Name›", Business Suite's asset):
  // until Page names are configured it is taken as the practice's Page.
  const reportIdentity = () => {
    let identity = null;
    if (adapter.threads === 'business') {
      const asset = new URL(location.href).searchParams.get('asset_id');
      if (asset) identity = { assetId: asset };
    } else {
      // The post on top says who staff act as; a feed post behind it may not.
      const name = findComposers(adapter, L, topDialog(adapter) ?? document)
        .map(({ el }) => actingName(adapter, L, el))
        .find(Boolean);
      if (name) identity = { name };
    }
    const key = JSON.stringify(identity);
    if (!identity || key === lastIdentity) return;
    lastIdentity = key;
    send({ type: 'identity', site: adapter.site, ...identity }).then(
      (r) => {
        if (!Array.isArray(r.pageNames) || JSON.stringify(r.pageNames) === JSON.stringify(pageNames())) return;
        // Newly known Page names decide which posts are the practice's: read
        // the page again with them (the worker does not broadcast identity).
        settings.pageNames = r.pageNames;
        lastPayload = '';
        schedule();
      },
      () => {
        lastIdentity = '';
      },
    );
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(scan, DEBOUNCE_MS);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label', 'aria-modal', 'href'] });
  addEventListener('popstate', schedule);
  const poll = setInterval(() => {
    if (location.href === href) return;
    href = location.href;
    lastPayload = '';
    schedule();
  }, URL_POLL_MS);
  scan();
  return () => {
    observer.disconnect();
    removeEventListener('popstate', schedule);
    clearInterval(poll);
    clearTimeout(timer);
  };
}

// postsReport reads the posts on screen: the top post dialog alone when one
// is open, else each feed post, else the page. Only posts by the practice's
// Page count; their patient comments (not the Page's own) are reported with
// whether the Page replied (a shown reply, or a folded "‹Page› replied").
export function postsReport(adapter, L, names) {
  const dialog = topDialog(adapter);
  const feed = adapter.selectors.feedUnit ? [...document.querySelectorAll(adapter.selectors.feedUnit)].filter(visible) : [];
  const scopes = dialog ? [dialog] : feed.length ? feed : [document.querySelector("[role='main'], main") ?? document.body];
  const isOwn = (name) => names.some((n) => sameName(n, name));
  const comments = new Map();
  let owner = '';
  for (const scope of scopes) {
    const by = adapter.threads === 'instagram' ? igOwner(adapter, scope) : postOwner(adapter, L, scope);
    if (!isOwn(by)) continue;
    owner ||= by;
    const items = adapter.threads === 'instagram' ? readInstagram(adapter, L, scope) : readFacebook(adapter, L, scope);
    for (const c of items) {
      if (c.kind !== 'comment' || isOwn(c.author) || comments.has(c.id)) continue;
      const answered = c.repliedBy.some(isOwn) || items.some((r) => r.parent === c.id && isOwn(r.author));
      comments.set(c.id, { id: c.id, text: c.text, author: c.author, posted: c.posted, spanMs: c.age?.spanMs ?? null, answered, link: c.link });
    }
  }
  if (!owner) return null;
  return { platform: adapter.platform, owner, pageUrl: location.origin + location.pathname, comments: [...comments.values()] };
}

// businessReport: one Business Suite inbox thread, keyed by its
// selected_item_id and thread_type; answered when the last message is the
// Page's own (drawn at the end of the row: direction shows only in layout).
export function businessReport(adapter) {
  const s = adapter.selectors;
  const url = new URL(location.href);
  const tab = document.querySelector(`${s.channelTab.split(',')[0]}[aria-selected='true']`);
  const tabUrl = tab ? new URL(tab.href) : null;
  const item = url.searchParams.get('selected_item_id') ?? tabUrl?.searchParams.get('selected_item_id');
  const type = url.searchParams.get('thread_type') ?? tabUrl?.searchParams.get('thread_type') ?? '';
  const asset = url.searchParams.get('asset_id') ?? '';
  const region = document.querySelector(s.thread);
  if (!item || !region) return null;
  const messages = [...region.querySelectorAll(s.message)];
  if (!messages.length) return null;
  const last = messages.at(-1);
  const incoming = messages.filter((m) => !outgoing(m));
  const lastIn = incoming.at(-1);
  const utime = lastIn?.closest(s.messageTime)?.getAttribute('data-utime') ?? lastIn?.querySelector(s.messageTime)?.getAttribute('data-utime');
  const link = new URL(url.origin + url.pathname);
  for (const k of ['asset_id', 'selected_item_id', 'thread_type', 'mailbox_id']) {
    const v = k === 'selected_item_id' ? item : k === 'thread_type' ? type : url.searchParams.get(k);
    if (v) link.searchParams.set(k, v);
  }
  return {
    platform: platformFor(adapter),
    owner: asset ? `asset:${asset}` : '',
    business: true,
    pageUrl: url.origin + url.pathname,
    comments: lastIn
      ? [{ id: `bs:${item}:${type}`, text: lastIn.textContent.trim(), author: '', posted: utime ? Number(utime) * 1000 : null, spanMs: utime ? 0 : null, answered: outgoing(last), link: link.toString() }]
      : [],
  };
}

// outgoing: Business Suite puts the Page's messages at the row's end.
function outgoing(msg) {
  for (let e = msg, i = 0; e && i < 4; e = e.parentElement, i++) {
    const cs = getComputedStyle(e);
    if (cs.alignSelf === 'flex-end' || cs.alignSelf === 'end') return true;
    const p = e.parentElement && getComputedStyle(e.parentElement);
    if (p && p.display.includes('flex') && (p.justifyContent === 'flex-end' || p.justifyContent === 'end') && p.flexDirection.startsWith('row')) return true;
    if (p && p.display.includes('flex') && (p.alignItems === 'flex-end' || p.alignItems === 'end') && p.flexDirection.startsWith('column')) return true;
  }
  return false;
}
