// Managed storage (extension/managed_schema.json): IT pushes an inline policy
// or a policy URL and locks settings; the popup and options page show what is
// locked and the worker refuses to change it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { launch, sendToWorker } from './harness.mjs';

const IT_POLICY = {
  name: 'Bright Smiles Group (IT)',
  version: '7.0',
  practice: { name: 'Bright Smiles Dental', page_names: ['Bright Smiles Dental', 'brightsmilesdental'] },
  rules: { length: { facebook: { max_words: 200, max_sentences: 20 } } },
};
const LOCAL_POLICY = { name: 'Front desk copy', version: '1' };
const LONG_REPLY = 'Thanks so much for the kind words about our team. '.repeat(7).trim();

async function lengthWarnings(h) {
  const r = await sendToWorker(h, { type: 'check', text: LONG_REPLY, site: 'facebook' });
  assert.equal(r.ok, true, r.error);
  return r.findings.filter((f) => f.category === 'length' && f.severity !== 'info');
}

test("IT's inline policy is in force and locked settings show as locked", async (t) => {
  const h = await launch({
    managedPolicy: {
      policy: JSON.stringify(IT_POLICY),
      locked: ['sites', 'ignored'],
      sites: { facebook: true, instagram: false },
      confirm_before_send: false,
    },
  });
  t.after(() => h.close());

  const status = await sendToWorker(h, { type: 'status' });
  assert.deepEqual([status.active.name, status.active.version, status.active.source], ['Bright Smiles Group (IT)', '7.0', 'managed']);
  assert.deepEqual(status.managed.locked.sort(), ['ignored', 'policy', 'sites']);
  assert.deepEqual(await lengthWarnings(h), [], "IT's length limit applies");

  const settings = await sendToWorker(h, { type: 'settings' });
  assert.deepEqual(settings.sites, { facebook: true, instagram: false });
  assert.equal(settings.confirmBeforeSend, false, "IT's confirm_before_send overrides the policy");
  assert.deepEqual(settings.pageNames, IT_POLICY.practice.page_names);

  // Staff cannot replace it, nor change the ignore list.
  const local = await sendToWorker(h, { type: 'policy.load', source: 'file', text: JSON.stringify(LOCAL_POLICY), fileName: 'mine.json' });
  assert.deepEqual([local.ok, local.locked], [false, true]);
  const ignore = await sendToWorker(h, { type: 'ignore', rule: 'no-auto-respond', category: 'canned', message: 'x', phraseHash: 'a'.repeat(64) });
  assert.deepEqual([ignore.ok, ignore.locked], [false, true]);
  assert.equal((await sendToWorker(h, { type: 'status' })).active.source, 'managed');

  const popup = await h.page(h.extensionUrl('extension/popup/popup.html'));
  await popup.waitForFunction(() => document.getElementById('policy-name').textContent === 'Bright Smiles Group (IT)');
  assert.equal(await popup.textContent('#policy-source'), 'Set by your organization');
  assert.equal(await popup.isDisabled('#site-instagram'), true);
  assert.equal(await popup.isChecked('#site-instagram'), false);
  assert.equal(await popup.isDisabled('#site-facebook'), true);
  assert.equal(await popup.textContent('#site-instagram-locked'), 'Locked by your organization');
  assert.equal(await popup.getAttribute('#site-instagram', 'aria-describedby'), 'site-instagram-locked');
  assert.equal(await popup.isHidden('#change-policy'), true);

  const options = await h.page(h.extensionUrl('extension/options/options.html'));
  await options.waitForFunction(() => document.getElementById('policy-name').textContent === 'Bright Smiles Group (IT)');
  assert.equal(await options.textContent('#managed-banner'), 'Your organization manages the policy, the site switches and the ignore list on this computer; they cannot be changed here.');
  assert.equal(await options.isVisible('#policy-locked'), true);
  assert.equal(await options.isDisabled('#policy-file'), true);
  assert.equal(await options.isDisabled('#load-url'), true);
  assert.equal(await options.isVisible('#ignored-locked'), true);
  assert.equal(await options.isDisabled('#site-instagram'), true);
});

test("IT's policy URL is fetched and refreshed; a broken update keeps the last good one", async (t) => {
  const policyPath = '/it/replyguard-policy.json';
  const h = await launch({ managedPolicy: (baseUrl) => ({ policy_url: `${baseUrl('policy.brightsmiles.test')}${policyPath}` }) });
  t.after(() => h.close());
  let body = JSON.stringify(IT_POLICY);
  h.server.route(policyPath, () => ({ headers: { 'content-type': 'application/json' }, body }));

  const first = await sendToWorker(h, { type: 'policy.refresh' });
  assert.equal(first.ok, true, first.error);
  let status = await sendToWorker(h, { type: 'status' });
  assert.deepEqual([status.active.name, status.active.source], ['Bright Smiles Group (IT)', 'managed-url']);
  assert.deepEqual(await lengthWarnings(h), []);

  body = JSON.stringify({ ...IT_POLICY, version: '7.1', response_window: { hours: -1 } });
  const broken = await sendToWorker(h, { type: 'policy.refresh' });
  assert.equal(broken.ok, false);
  assert.ok(broken.errors.some((e) => e.path === 'response_window.hours'), JSON.stringify(broken.errors));
  status = await sendToWorker(h, { type: 'status' });
  assert.equal(status.active.version, '7.0');

  const popup = await h.page(h.extensionUrl('extension/popup/popup.html'));
  await popup.waitForFunction(() => document.getElementById('policy-name').textContent === 'Bright Smiles Group (IT)');
  assert.match(await popup.textContent('#policy-source'), /^Set by your organization \(policy\.brightsmiles\.test:\d+, unsigned\) · the last update failed/);

  const options = await h.page(h.extensionUrl('extension/options/options.html'));
  await options.waitForSelector('#policy-result:not([hidden])');
  assert.match(await options.textContent('#policy-result-title'), /The policy at https:\/\/policy\.brightsmiles\.test:\d+\/it\/replyguard-policy\.json could not be used/);
  assert.ok((await options.$$eval('#policy-errors .path', (els) => els.map((e) => e.textContent))).includes('response_window.hours'));
});

test("a broken inline policy from IT is reported with its JSON paths, and nothing breaks", async (t) => {
  const h = await launch({ managedPolicy: { policy: JSON.stringify({ name: 'IT draft', version: '0.1', rules: { length: { facebook: { max_words: 'sixty' } } } }) } });
  t.after(() => h.close());
  const check = await sendToWorker(h, { type: 'check', text: 'Thanks for the kind words!', site: 'facebook' });
  assert.equal(check.ok, true, check.error);
  const status = await sendToWorker(h, { type: 'status' });
  assert.equal(status.active.source, 'default', 'no good IT policy yet: the built-in one runs');
  assert.deepEqual([status.status.source, status.status.ok], ['managed', false]);

  const options = await h.page(h.extensionUrl('extension/options/options.html'));
  await options.waitForSelector('#policy-result:not([hidden])');
  assert.match(await options.textContent('#policy-result-title'), /Your organization's policy could not be used/);
  assert.ok((await options.$$eval('#policy-errors .path', (els) => els.map((e) => e.textContent))).includes('rules.length.facebook.max_words'));
});
