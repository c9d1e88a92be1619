// Who sent a message. chrome.runtime messages reach every context of the
// extension, content scripts included, and a content script runs inside a
// page someone else controls: what may change the policy or the ignore list
// is decided by the sender Chromium reports (its URL and tab are set by the
// browser, not by the sender).

// isExtensionPage: the popup, the options page (also when opened in a tab)
// or another top-level page of this extension. A content script's sender
// carries the web page's URL.
export function isExtensionPage(sender, { id, origin }) {
  if (!sender || sender.id !== id) return false;
  if (!String(sender.url ?? '').startsWith(origin)) return false;
  // Extension pages in a tab are top-level; none of ours can be framed by a
  // web page (only scripts and styles are web-accessible).
  return !sender.tab || sender.frameId === 0;
}

// isWorker: the extension's own service worker (no tab, its script URL).
export function isWorker(sender, { id, workerUrl }) {
  return Boolean(sender) && sender.id === id && !sender.tab && sender.url === workerUrl;
}
