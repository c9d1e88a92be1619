// Privacy: during a session of typing PHI replies and reading patient
// comments, every request the browser makes (pages, the extension's service
// worker) is recorded. None may carry reply or comment text, in any common
// encoding, and none may go anywhere but the fixture pages' own origins and
// the policy URL that IT configured.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EXTENSION_ID, launch } from './harness.mjs';
import {
  FB_DANA,
  FB_JANET,
  IG_COMMENT,
  IG_DM,
  REPLIES,
  clickCardButton,
  openFixture,
  typeInto,
  waitForCard,
  waitForHighlight,
  waitForPill,
} from './inline-helpers.mjs';

// Distinctive pieces of what is typed and of the fixture's patient comments.
const SECRETS = [
  'root canal', 'checked your chart', 'last Tuesday', 'Janet',
  'satisfaction is our top', 'Thank you for your feedback',
  'Waited over an hour', 'billed twice', 'nobody answered the phone', 'waiting room for 45',
  'Is parking still a nightmare', 'move my cleaning', 'DM secret 7781',
];

const POLICY_PATH = '/policies/bright-smiles.json';

describe('privacy', () => {
  let h;
  const requests = [];
  before(async () => {
    h = await launch({
      managedPolicy: (baseUrl) => ({ policy_url: baseUrl('policy.brightsmiles.test') + POLICY_PATH }),
    });
    h.context.on('request', (r) => requests.push(r));
  });
  after(async () => {
    await h?.close();
  });

  test('typing PHI and reading comments sends no text anywhere, and only to allowed origins', async () => {
    const policyOrigin = new URL(h.baseUrl('policy.brightsmiles.test')).origin;
    // The worker fetches the policy URL at start and when asked to refresh;
    // opening a page gives it a reason to run.
    let page = await openFixture(h, 'www.facebook.com', '/facebook/');
    await typeInto(page, FB_JANET, REPLIES.phi);
    await waitForHighlight(page, 'phi');
    await page.keyboard.press('Enter');
    await waitForCard(page, (c) => c.role === 'alertdialog');
    await clickCardButton(page, 'Send anyway');
    await page.waitForFunction(() => document.querySelectorAll('[data-fixture-thread="c-2001"] > ul.replies .comment-text').length === 1);
    await typeInto(page, FB_DANA, REPLIES.canned);
    await waitForPill(page, FB_DANA, (t) => t.length > 0, 'a pill');
    await page.waitForTimeout(1500); // let the thread scan report
    await page.close();

    page = await openFixture(h, 'www.instagram.com', '/instagram/');
    await typeInto(page, IG_COMMENT, REPLIES.phi);
    await waitForPill(page, IG_COMMENT, (t) => t.includes('PHI risk'), '"PHI risk"');
    await typeInto(page, IG_DM, 'DM secret 7781 about your root canal');
    await page.waitForTimeout(1500);
    await page.close();

    // The recorder must see the service worker's own requests, or this test
    // could not notice the worker leaking: the policy fetch is one.
    const all = await Promise.all(requests.map(describeRequest));
    const policyFetch = all.find((r) => r.url.startsWith(policyOrigin));
    assert.ok(policyFetch, `the recorder saw the worker fetch the policy URL (saw: ${all.map((r) => r.url).join(', ')})`);

    const allowedOrigins = new Set([
      new URL(h.baseUrl('www.facebook.com')).origin,
      new URL(h.baseUrl('www.instagram.com')).origin,
      policyOrigin,
      `chrome-extension://${EXTENSION_ID}`,
    ]);
    for (const r of all) {
      const u = new URL(r.url);
      const origin = u.protocol === 'data:' ? 'data:' : `${u.protocol}//${u.host}`;
      // chrome-extension:// requests read the extension's own packaged files
      // (web-accessible ones under a per-session id); they never leave the browser.
      const local = origin === 'data:' || u.protocol === 'chrome-extension:';
      assert.ok(allowedOrigins.has(origin) || local, `request to an unexpected origin: ${r.method} ${r.url}`);
      const leaked = findSecrets(r);
      assert.deepEqual(leaked, [], `${r.method} ${r.url} carries typed or comment text: ${leaked.join(', ')}`);
    }
    assert.ok(all.length > 5, `requests were recorded (${all.length})`);
  });
});

async function describeRequest(r) {
  let headers = {};
  try {
    headers = await r.allHeaders();
  } catch {
    headers = r.headers();
  }
  let body = '';
  try {
    const buf = r.postDataBuffer();
    body = buf ? buf.toString('latin1') : '';
  } catch {
    body = r.postData() ?? '';
  }
  return { url: r.url(), method: r.method(), headers, body };
}

// findSecrets looks for each secret in the URL, the headers and the body, as
// is, URL-decoded, and inside anything that decodes as base64.
function findSecrets({ url, headers, body }) {
  const haystacks = [url, JSON.stringify(headers), body];
  const expanded = [];
  for (const h of haystacks) {
    expanded.push(h, safeDecode(h), safeDecode(h.replace(/\+/g, ' ')));
    for (const token of h.match(/[A-Za-z0-9+/_-]{16,}={0,2}/g) ?? []) {
      const b64 = token.replace(/-/g, '+').replace(/_/g, '/');
      expanded.push(Buffer.from(b64, 'base64').toString('utf8'));
    }
    // JSON escapes (\u00e9) and UTF-16 bodies.
    expanded.push(h.replace(/\\u([0-9a-f]{4})/gi, (_, x) => String.fromCharCode(parseInt(x, 16))), h.replace(/\0/g, ''));
  }
  const text = expanded.join('\n').toLowerCase();
  return SECRETS.filter((s) => text.includes(s.toLowerCase()));
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
