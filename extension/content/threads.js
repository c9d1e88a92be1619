// Notices patient comments on the practice's own page and whether the
// practice replied, and tells the service worker (which keeps only hashes,
// times and topic tags). Rescans when the page changes, at most once a second.
// Siblings load through chrome.runtime.getURL (see loader.js).
const load = (name) => import(chrome.runtime.getURL(`extension/content/${name}`));
const { commentAuthor, commentText, pageNameOnPage, readFirst } = await load('adapters.js');
const { send } = await load('messaging.js');

const RESCAN_MS = 1000;

export function watchThreads(adapter, settings) {
  const t = adapter.threads;
  const pageNames = (settings.pageNames ?? []).map((n) => n.trim().toLowerCase()).filter(Boolean);
  if (!t || !pageNames.length) return () => {};

  let lastPayload = '';
  let timer = 0;
  const scan = () => {
    timer = 0;
    const shown = pageNameOnPage(t).toLowerCase();
    if (!pageNames.includes(shown)) return;
    const comments = collectComments(t, pageNames);
    const payload = JSON.stringify(comments.map((c) => [c.key, c.replied]));
    if (!comments.length || payload === lastPayload) return;
    lastPayload = payload;
    send({
      type: 'threads',
      site: adapter.site,
      pageUrl: location.origin + location.pathname,
      pageName: pageNameOnPage(t),
      comments,
    }).catch(() => {
      lastPayload = ''; // try again on the next change
    });
  };
  const schedule = () => {
    timer ||= setTimeout(scan, RESCAN_MS);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true, subtree: true });
  scan();
  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
}

// collectComments reads every patient comment (not the page's own) with
// whether the page has replied in its thread.
export function collectComments(t, pageNames) {
  const out = [];
  const seen = new Set();
  for (const thread of document.querySelectorAll(t.thread)) {
    const comment = thread.querySelector(t.comment);
    if (!comment || seen.has(comment)) continue;
    seen.add(comment);
    const author = commentAuthor(t, comment);
    if (pageNames.includes(author.toLowerCase())) continue;
    const time = readFirst(t.time, comment);
    const key = readFirst(t.id, comment) ?? `${author}|${time ?? ''}`;
    const replied = [...thread.querySelectorAll(t.reply)].some((r) =>
      pageNames.includes(commentAuthor(t, r).toLowerCase()),
    );
    out.push({ key: String(key), author, time: typeof time === 'number' ? time : null, text: commentText(t, comment), replied });
  }
  return out;
}
