// Classic content script: manifest content scripts cannot be ES modules, so
// this loads the real code (ES modules in extension/content/) with import().
// Every module imports its siblings through chrome.runtime.getURL, never by
// relative path: with use_dynamic_url Chromium resolves a relative import
// against the extension's static URL, which a web page may not load.
(async () => {
  try {
    const { start } = await import(chrome.runtime.getURL('extension/content/main.js'));
    await start();
  } catch (err) {
    console.warn('ReplyGuard: could not start on this page:', err?.message ?? err);
  }
})();
