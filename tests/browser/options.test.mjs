// The options page: a policy from a file or a URL; a broken one shows its
// problems with JSON paths while the last good one stays in force (checked by
// behaviour: its longer length limit still applies); the ignore list;
// settings export and import.
import test from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { launch, sendToWorker } from './harness.mjs';

const GOOD = {
  name: 'Bright Smiles Dental',
  version: '2026.1',
  practice: { name: 'Bright Smiles Dental', phones: ['(555) 010-2000'], page_names: ['Bright Smiles Dental'] },
  // Longer replies than the default 60 words / 4 sentences are fine here.
  rules: { length: { facebook: { max_words: 200, max_sentences: 20 } } },
};
const BROKEN = {
  name: 'Bright Smiles Dental (draft)',
  version: '2026.2-draft',
  rules: { length: { facebook: { max_words: -5 } }, phi: { disabled_rules: ['hipa'] } },
  terms: { procedures: { remove: ['teleportation'] } },
  response_window: { hours: 'soon' },
};
// 70 words in 7 sentences: over the default limits, within GOOD's.
const LONG_REPLY = 'Thanks so much for the kind words about our team. '.repeat(7).trim();

const file = (name, obj) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof obj === 'string' ? obj : JSON.stringify(obj, null, 2)) });

async function lengthWarnings(h) {
  const r = await sendToWorker(h, { type: 'check', text: LONG_REPLY, site: 'facebook', platform: 'facebook' });
  assert.equal(r.ok, true, r.error);
  return r.findings.filter((f) => f.category === 'length' && f.severity !== 'info').map((f) => f.message);
}

async function shownPolicy(page) {
  return page.evaluate(() => [document.getElementById('policy-name').textContent, document.getElementById('policy-version').textContent]);
}

async function result(page) {
  await page.waitForSelector('#policy-result:not([hidden])');
  return page.evaluate(() => {
    const box = document.getElementById('policy-result');
    return {
      ok: box.classList.contains('ok'),
      role: box.getAttribute('role'),
      title: document.getElementById('policy-result-title').textContent,
      paths: [...box.querySelectorAll('#policy-errors li')].map((li) => li.querySelector('.path')?.textContent ?? ''),
      messages: [...box.querySelectorAll('#policy-errors li')].map((li) => li.textContent),
      kept: document.getElementById('policy-kept').textContent,
    };
  });
}

// waitForResult waits for a new result after an action that replaces it.
async function actAndWaitForResult(page, action) {
  await page.evaluate(() => {
    document.getElementById('policy-result').hidden = true;
  });
  await action();
  return result(page);
}

test('a broken policy file shows its JSON paths and the last good policy stays in force', async (t) => {
  const h = await launch();
  t.after(() => h.close());
  assert.notDeepEqual(await lengthWarnings(h), [], 'the default policy flags a 70-word reply');

  const options = await h.page(h.extensionUrl('extension/options/options.html'));
  await options.waitForFunction(() => document.getElementById('policy-name').textContent !== '–');
  assert.deepEqual(await shownPolicy(options), ['ReplyGuard default', 'v1.0.0']);

  const ok = await actAndWaitForResult(options, () => options.setInputFiles('#policy-file', file('bright-smiles.json', GOOD)));
  assert.equal(ok.ok, true, ok.title);
  assert.equal(ok.title, 'Loaded Bright Smiles Dental v2026.1.');
  assert.deepEqual(await shownPolicy(options), ['Bright Smiles Dental', 'v2026.1']);
  assert.deepEqual(await lengthWarnings(h), [], 'the loaded policy allows 200 words');

  const bad = await actAndWaitForResult(options, () => options.setInputFiles('#policy-file', file('draft.json', BROKEN)));
  assert.equal(bad.ok, false);
  assert.equal(bad.role, 'alert');
  assert.match(bad.title, /The file draft\.json could not be used: \d+ problems?/);
  assert.ok(bad.paths.includes('rules.length.facebook.max_words'), `paths: ${bad.paths}`);
  assert.ok(bad.paths.includes('response_window.hours'), `paths: ${bad.paths}`);
  // Unknown names are problems too, each at its path with its message.
  const shown = (path) => bad.messages[bad.paths.indexOf(path)];
  assert.match(shown('rules.phi.disabled_rules[0]') ?? '', /unknown rule "hipa" \(did you mean "hipaa"\?\)/, `paths: ${bad.paths}`);
  assert.match(shown('terms.procedures.remove[0]') ?? '', /"teleportation" is not a built-in procedure/, `paths: ${bad.paths}`);
  assert.equal(bad.kept, 'Your previous policy, Bright Smiles Dental v2026.1, is still in force.');
  assert.deepEqual(await shownPolicy(options), ['Bright Smiles Dental', 'v2026.1']);
  assert.deepEqual(await lengthWarnings(h), [], "the last good policy's limits still apply");

  const syntax = await actAndWaitForResult(options, () => options.setInputFiles('#policy-file', file('typo.json', '{"name": "x",\n  "version": }')));
  assert.equal(syntax.ok, false);
  assert.equal(syntax.messages.length >= 1, true);
  assert.match(syntax.kept, /Bright Smiles Dental v2026\.1/);

  // The failure is remembered: reopening the page still says what went wrong.
  await options.reload();
  const again = await result(options);
  assert.equal(again.ok, false);
  assert.match(again.title, /typo\.json/);
});

test('a policy URL loads, and a broken or missing update keeps the last good policy', async (t) => {
  const h = await launch();
  t.after(() => h.close());
  let served = { status: 200, body: JSON.stringify({ ...GOOD, version: '2026.3' }) };
  h.server.route('/policy/bright-smiles.json', () => ({ status: served.status, headers: { 'content-type': 'application/json' }, body: served.body }));
  const url = `${h.baseUrl('policy.brightsmiles.test')}/policy/bright-smiles.json`;

  const options = await h.page(h.extensionUrl('extension/options/options.html'));
  await options.waitForFunction(() => document.getElementById('policy-name').textContent !== '–');
  await options.fill('#policy-url', url);
  const ok = await actAndWaitForResult(options, () => options.click('#load-url'));
  assert.equal(ok.title, 'Loaded Bright Smiles Dental v2026.3.');
  await options.waitForFunction(() => /from policy\.brightsmiles\.test/i.test(document.getElementById('policy-source').textContent));
  assert.deepEqual(await lengthWarnings(h), []);
  await options.waitForSelector('#refresh-url:not([hidden])');

  served = { status: 200, body: JSON.stringify(BROKEN) };
  const bad = await actAndWaitForResult(options, () => options.click('#refresh-url'));
  assert.equal(bad.ok, false);
  assert.ok(bad.paths.includes('rules.length.facebook.max_words'), `paths: ${bad.paths}`);
  assert.match(bad.title, /The policy at https:\/\/policy\.brightsmiles\.test:\d+\/policy\/bright-smiles\.json could not be used/);
  assert.equal(bad.kept, 'Your previous policy, Bright Smiles Dental v2026.3, is still in force.');

  served = { status: 404, body: 'not found' };
  const gone = await actAndWaitForResult(options, () => options.click('#refresh-url'));
  assert.equal(gone.ok, false);
  assert.match(gone.messages.join('\n'), /could not fetch .* HTTP 404/);
  assert.deepEqual(await shownPolicy(options), ['Bright Smiles Dental', 'v2026.3']);
  assert.deepEqual(await lengthWarnings(h), [], 'still the last good policy');

  // An http:// address is refused before anything is fetched.
  await options.fill('#policy-url', url.replace('https:', 'http:'));
  const insecure = await actAndWaitForResult(options, () => options.click('#load-url'));
  assert.match(insecure.messages.join(' '), /must use https/);
});

const CANNED = 'Thank you for your feedback. Your satisfaction is our top priority.';

async function cannedFindings(h) {
  const r = await sendToWorker(h, { type: 'check', text: CANNED, site: 'facebook', platform: 'facebook' });
  return r.findings.filter((f) => f.category === 'canned' && f.end > f.start);
}

test('settings and the ignore list move to another browser only with the passphrase-sealed key file; entries are listed and revocable', async (t) => {
  const PASS = 'correct horse battery';
  let exported;
  let keyFile;
  {
    const h = await launch();
    t.after(() => h.close());
    assert.equal((await sendToWorker(h, { type: 'policy.load', source: 'file', text: JSON.stringify(GOOD), fileName: 'bright-smiles.json' })).ok, true);
    const [f] = await cannedFindings(h);
    assert.ok(f, 'the canned reply is flagged');
    const ignored = await sendToWorker(h, { type: 'ignore', text: CANNED, rule: f.rule, start: f.start, end: f.end, reason: 'Approved wording for reviews', by: 'Maria Lopez' });
    assert.equal(ignored.ok, true, ignored.error);
    assert.deepEqual(await cannedFindings(h), [], 'ignored here');

    const options = await h.page(h.extensionUrl('extension/options/options.html'));
    await options.waitForSelector('#ignored-rows tr');
    const cells = await options.$$eval('#ignored-rows tr td', (tds) => tds.map((td) => td.textContent));
    assert.match(cells[0], /^Canned: /);
    assert.equal(cells[1], 'Approved wording for reviews');
    assert.match(cells[2], /^Maria Lopez, /);
    assert.match(cells[3], /^until /);
    await options.click('#site-instagram');
    await options.waitForFunction(() => !document.getElementById('site-instagram').checked);

    const [download] = await Promise.all([options.waitForEvent('download'), options.click('#export')]);
    assert.match(download.suggestedFilename(), /^replyguard-settings-\d{4}-\d{2}-\d{2}\.json$/);
    exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));

    await options.click('.key-file summary');
    await options.fill('#key-passphrase', 'short');
    await options.click('#export-key');
    await options.waitForSelector('#key-result:not(.ok):not([hidden])');
    assert.match(await options.textContent('#key-result'), /at least 8 characters/);
    await options.fill('#key-passphrase', PASS);
    const [keyDownload] = await Promise.all([options.waitForEvent('download'), options.click('#export-key')]);
    keyFile = JSON.parse(fs.readFileSync(await keyDownload.path(), 'utf8'));
    await h.close();
  }
  assert.equal(exported.format, 'replyguard-settings');
  assert.deepEqual(exported.sites, { instagram: false });
  assert.deepEqual(Object.keys(exported).sort(), ['exported_at', 'format', 'ignored', 'policy', 'sites', 'version']);
  const [entry] = exported.ignored;
  assert.deepEqual([entry.category, entry.reason, entry.by], ['canned', 'Approved wording for reviews', 'Maria Lopez']);
  assert.match(entry.phrase_hash, /^[0-9a-f]{64}$/);
  const plain = crypto.createHash('sha256').update(CANNED.slice(0, 20).toLowerCase()).digest('hex');
  assert.notEqual(entry.phrase_hash, plain);
  // The key file names the key and carries it sealed, never in clear.
  assert.equal(keyFile.key_id, entry.key_id);
  assert.deepEqual(Object.keys(keyFile).sort(), ['format', 'iterations', 'iv', 'kdf', 'key_id', 'salt', 'sealed', 'version']);
  assert.equal(Buffer.from(keyFile.sealed, 'base64').length, 32 + 16, 'a 32-byte key under AES-GCM');

  // A fresh browser: the list needs the key file first.
  const h = await launch();
  t.after(() => h.close());
  assert.equal((await cannedFindings(h)).length > 0, true);
  const options = await h.page(h.extensionUrl('extension/options/options.html'));
  await options.waitForFunction(() => document.getElementById('policy-name').textContent === 'ReplyGuard default');
  await options.setInputFiles('#import-file', file('settings.json', exported));
  await options.waitForSelector('#import-result:not(.ok):not([hidden])');
  assert.match(await options.textContent('#import-result'), /import that browser's key file/);
  assert.equal(await options.isChecked('#site-instagram'), true, 'nothing changed');

  await options.click('.key-file summary');
  await options.fill('#key-passphrase', 'wrong passphrase');
  await options.setInputFiles('#import-key', file('key.json', keyFile));
  await options.waitForSelector('#key-result:not(.ok):not([hidden])');
  assert.match(await options.textContent('#key-result'), /passphrase does not open/);
  await options.fill('#key-passphrase', PASS);
  await options.setInputFiles('#import-key', file('key.json', keyFile));
  await options.waitForSelector('#key-result.ok:not([hidden])');

  await options.setInputFiles('#import-file', file('settings.json', exported));
  await options.waitForSelector('#import-result.ok:not([hidden])');
  await options.waitForFunction(() => document.getElementById('policy-name').textContent === 'Bright Smiles Dental');
  assert.equal(await options.isChecked('#site-instagram'), false);
  assert.equal(await options.$$eval('#ignored-rows tr', (rows) => rows.length), 1);
  assert.deepEqual(await cannedFindings(h), [], 'the other browser\'s entry applies here');

  // A file carrying comment history is refused whole.
  await options.setInputFiles('#import-file', file('with-history.json', { ...exported, sites: { instagram: true }, threads: { a: { seen: 1 } } }));
  await options.waitForSelector('#import-result:not(.ok):not([hidden])');
  assert.match(await options.textContent('#import-result'), /threads/);
  assert.equal(await options.isChecked('#site-instagram'), false, 'nothing changed');

  // Revoking the entry brings the finding back.
  await options.click('#ignored-rows button');
  await options.waitForSelector('#ignored-empty:not([hidden])');
  assert.ok((await cannedFindings(h)).length > 0);
});
