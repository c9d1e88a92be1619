// Staff browsers follow the manager's policy server: the real `replyguard
// serve` on loopback, bundles signed with `replyguard policy sign`, the
// server configured through IT's managed storage. A newly published policy
// takes effect on the next keystroke; a tampered bundle is refused and the
// old policy kept; with the server down the old policy is kept and the popup
// says so.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, launch, sendToWorker } from './harness.mjs';
import { FB_MARCUS, openFixture, typeInto, waitForHighlight, waitForNoHighlight } from './inline-helpers.mjs';

const CLI = path.join(ROOT, 'bin', 'replyguard');
const REPLY = 'Thank you so much Marcus, we really appreciate you';

// startServer runs `replyguard serve` on a free loopback port.
function startServer(data) {
  const child = spawn(CLI, ['serve', '--addr', '127.0.0.1:0', '--data', data], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      const m = /on (http:\/\/\S+) /.exec(err);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`replyguard serve exited ${code}: ${err}`)));
  });
}

async function publish(server, token, bundle) {
  const res = await fetch(`${server.url}/v1/orgs/riverside/policy`, { method: 'PUT', headers: { Authorization: `Bearer ${token}` }, body: bundle });
  assert.equal(res.status, 200, await res.text());
}

test('staff browsers follow the policy server and keep the last good policy', async (t) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-policy-server-'));
  const data = path.join(tmp, 'data');
  const key = path.join(tmp, 'riverside.key');
  const pub = path.join(tmp, 'riverside.pub');
  execFileSync(CLI, ['policy', 'keygen', '--private', key, '--public', pub]);
  const tokens = JSON.parse(execFileSync(CLI, ['serve', 'org', 'add', '--data', data, '--public', pub, 'riverside'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
  const sign = (policy, serial) => {
    const file = path.join(tmp, `policy-${serial}.json`);
    fs.writeFileSync(file, JSON.stringify(policy));
    return execFileSync(CLI, ['policy', 'sign', '--key', key, '--serial', String(serial), file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  };
  let server = await startServer(data);
  t.after(() => server.child.kill('SIGKILL'));
  // Serial 1: five words at most on Facebook.
  await publish(server, tokens.publish_token, sign({ name: 'Riverside Family Dental', version: '1', rules: { length: { facebook: { max_words: 5 } } } }, 1));

  const h = await launch();
  t.after(() => h.close());

  // The manager's settings, typed into the options page.
  const options = await h.page(h.extensionUrl('extension/options/options.html'));
  await options.fill('#server-url', server.url);
  await options.fill('#server-org', 'riverside');
  await options.fill('#server-token', tokens.read_token);
  await options.fill('#server-key', fs.readFileSync(pub, 'utf8'));
  await options.click('#server-save');
  await options
    // "Checked … is current" when another refresh (a start-up or managed-storage
    // one) fetched serial 1 first: either way serial 1 is in force.
    .waitForFunction(() => /^(Updated \d\d:\d\d: Riverside Family Dental, serial 1|Checked \d\d:\d\d: Riverside Family Dental, serial 1 is current)$/.test(document.getElementById('server-status').textContent), null, { timeout: 15_000 })
    .catch(async (err) => assert.fail(`options status: ${await options.textContent('#server-status')} / ${await options.textContent('#server-errors')} (${err.message})`));
  assert.equal(await options.inputValue('#server-token'), '', 'the token field is cleared after saving');
  const first = await sendToWorker(h, { type: 'server.status' });
  assert.deepEqual([first.policy.serial, first.config.hasToken, first.config.refreshMinutes], [1, true, 30]);
  assert.equal(JSON.stringify(first).includes(tokens.read_token), false, 'pages never see the read token');
  assert.deepEqual((await h.serviceWorker.evaluate(() => chrome.alarms.get('replyguard-policy-server'))).periodInMinutes, 30);

  const page = await openFixture(h, 'www.facebook.com', '/facebook/');
  await typeInto(page, FB_MARCUS, REPLY);
  await waitForHighlight(page, 'length');

  // Serial 2 lifts the limit: in force from the next keystroke after the update.
  await publish(server, tokens.publish_token, sign({ name: 'Riverside Family Dental', version: '2', rules: { length: { facebook: { max_words: 200 } } } }, 2));
  const updated = await sendToWorker(h, { type: 'server.refresh' });
  assert.equal(updated.ok, true, JSON.stringify(updated));
  await typeInto(page, FB_MARCUS, '!');
  await waitForNoHighlight(page, 'length');

  // A tampered bundle on the server (someone edited its store): refused.
  const current = path.join(data, 'orgs', 'riverside', 'current.json');
  const rec = JSON.parse(fs.readFileSync(current, 'utf8'));
  rec.bundle = rec.bundle.replace('"max_words":200', '"max_words":3');
  rec.etag = '"tampered"';
  fs.writeFileSync(current, JSON.stringify(rec));
  const tampered = await sendToWorker(h, { type: 'server.refresh' });
  assert.equal(tampered.ok, false);
  assert.match(tampered.status.reason, /^signature does not match$/);
  await typeInto(page, FB_MARCUS, '!');
  await page.waitForTimeout(300);
  await waitForNoHighlight(page, 'length');

  const popup = await h.page(h.extensionUrl('extension/popup/popup.html'));
  await popup.waitForFunction(() => document.getElementById('policy-update')?.textContent.startsWith('Update failed'));
  assert.match(await popup.textContent('#policy-update'), /^Update failed \d\d:\d\d: signature does not match — keeping Riverside Family Dental, serial 2$/);
  assert.match(await popup.textContent('#policy-source'), /^Signed, from the policy server 127\.0\.0\.1:\d+, serial 2/);

  // The server goes down: the policy in force stays, and the popup says so.
  server.child.kill('SIGKILL');
  const down = await sendToWorker(h, { type: 'server.refresh' });
  assert.equal(down.ok, false);
  assert.match(down.status.reason, /^cannot reach the server/);
  await popup.reload();
  await popup.waitForFunction(() => /cannot reach the server/.test(document.getElementById('policy-update')?.textContent ?? ''));
  assert.match(await popup.textContent('#policy-update'), /^Update failed \d\d:\d\d: cannot reach the server .* — keeping Riverside Family Dental, serial 2$/);
  await popup.setViewportSize({ width: 380, height: 760 });
  // The element's own screenshot scrolls it into view: how far down the
  // popup it sits depends on how many comments and topics it lists.
  await popup.locator('section[aria-labelledby="policy-heading"]').screenshot({ path: path.join(ROOT, 'docs', 'screenshots', 'policy-update-failed.png') });
  await typeInto(page, FB_MARCUS, '!');
  await page.waitForTimeout(300);
  await waitForNoHighlight(page, 'length');

  await options.reload();
  await options.waitForFunction(() => /cannot reach the server/.test(document.getElementById('server-status')?.textContent ?? ''));
  assert.match(await options.textContent('#policy-source'), /^Signed, from the policy server 127\.0\.0\.1:\d+, serial 2/);
});


test('an imported settings file cannot quietly set a policy URL', async (t) => {
  const h = await launch();
  t.after(() => h.close());
  const options = await h.page(h.extensionUrl('extension/options/options.html'));
  await options.waitForFunction(() => document.getElementById('policy-name').textContent === 'ReplyGuard default');
  const settings = {
    format: 'replyguard-settings',
    version: 1,
    sites: { instagram: false },
    policy_url: 'https://policies.elsewhere.example/p.json',
    policy: { name: 'Imported Policy', version: '1' },
  };
  const file = { name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(settings)) };

  // Declined: nothing changes.
  const dialogs = [];
  options.once('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await options.setInputFiles('#import-file', file);
  await options.waitForSelector('#import-result:not(.ok):not([hidden])');
  assert.match(dialogs[0], /policy_url: \(none\) → https:\/\/policies\.elsewhere\.example\/p\.json/);
  assert.match(dialogs[0], /not signed/);
  assert.match(await options.textContent('#import-result'), /declined/);
  assert.equal(await options.textContent('#policy-name'), 'ReplyGuard default');
  assert.equal(await options.isChecked('#site-instagram'), true, 'nothing changed');

  // Accepted: applied, and labelled unsigned.
  options.once('dialog', (d) => d.accept());
  await options.setInputFiles('#import-file', { ...file, name: 'settings-again.json' });
  await options.waitForSelector('#import-result.ok:not([hidden])');
  await options.waitForFunction(() => document.getElementById('policy-name').textContent === 'Imported Policy');
  assert.match(await options.textContent('#policy-source'), /\(unsigned\)/);
});
