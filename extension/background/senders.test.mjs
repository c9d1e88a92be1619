import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isExtensionPage, isWorker } from './senders.js';

const id = 'mbggdkhgambolhanndomfajmimbgdend';
const origin = `chrome-extension://${id}/`;
const workerUrl = `${origin}extension/background/service-worker.js`;
const tab = { id: 7, url: 'https://www.facebook.com/x' };

test('extension pages may change settings; content scripts may not', () => {
  assert.equal(isExtensionPage({ id, url: `${origin}extension/popup/popup.html` }, { id, origin }), true);
  assert.equal(isExtensionPage({ id, url: `${origin}extension/options/options.html`, tab: { id: 3 }, frameId: 0 }, { id, origin }), true);
  // A content script: our id, but the page's URL and a tab.
  assert.equal(isExtensionPage({ id, url: 'https://www.facebook.com/x', tab, frameId: 0 }, { id, origin }), false);
  // Another extension, or an extension URL framed inside a page.
  assert.equal(isExtensionPage({ id: 'other', url: `${origin}x.html` }, { id, origin }), false);
  assert.equal(isExtensionPage({ id, url: `${origin}extension/content/ui.css`, tab, frameId: 5 }, { id, origin }), false);
  assert.equal(isExtensionPage(undefined, { id, origin }), false);
});

test('only the service worker may drive the engine', () => {
  assert.equal(isWorker({ id, url: workerUrl }, { id, workerUrl }), true);
  assert.equal(isWorker({ id, url: `${origin}extension/popup/popup.html` }, { id, workerUrl }), false);
  assert.equal(isWorker({ id, url: workerUrl, tab }, { id, workerUrl }), false);
  assert.equal(isWorker({ id, url: 'https://www.facebook.com/', tab }, { id, workerUrl }), false);
});
