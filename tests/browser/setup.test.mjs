// First-run setup and the options form: the setup page opens on install,
// offers the Page staff were seen commenting as, writes a local policy the
// engine validates (problems named by their JSON path, the field marked);
// the options page edits the same fields, pauses checking for an hour, and
// shows per-category switches where the policy allows them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, sendToWorker } from './harness.mjs';
import { FB_JANET, REPLIES, openFixture, pill, storageLocal, typeInto, waitForHighlight, waitForPill } from './inline-helpers.mjs';

async function until(what, fn, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe('setup and options', () => {
  let h;
  before(async () => {
    h = await launch();
  });
  after(async () => {
    await h?.close();
  });

  test('the setup page opens on install, offers the "Comment as" Page, and saves a validated policy', async () => {
    const setupUrl = h.extensionUrl('extension/setup/setup.html');
    await until('the setup tab', () => h.context.pages().find((p) => p.url() === setupUrl));

    // Staff open their Page: ReplyGuard learns who they comment as.
    const fb = await openFixture(h, 'www.facebook.com', '/facebook/');
    await until('the acting Page', async () => (await sendToWorker(h, { type: 'settings' })).pageNames?.includes('Bright Smiles Dental'));
    await fb.close();

    const setup = await h.page(setupUrl);
    await setup.waitForSelector('#use-learned');
    assert.match(await setup.textContent('#use-learned'), /Bright Smiles Dental/);
    await setup.click('#use-learned');
    await setup.fill('#practice-name', 'Bright Smiles Dental');
    await setup.fill('#instagram-accounts', 'brightsmilesdental');
    await setup.fill('#phones', '(555) 010-2000');
    await setup.fill('#emails', 'frontdesk@brightsmiles.example');
    await setup.fill('#staff', 'Maria Lopez');
    await setup.fill('#response-hours', '-2');
    await setup.click('#save');
    await setup.waitForSelector('#result:not([hidden])');
    assert.match(await setup.textContent('#result-title'), /Not saved/);
    assert.match(await setup.textContent('#errors'), /response_window\.hours: /);
    assert.equal(await setup.getAttribute('#response-hours', 'aria-invalid'), 'true', 'the field is marked');

    await setup.fill('#response-hours', '2');
    await setup.click('#save');
    await setup.waitForFunction(() => /^Saved/.test(document.getElementById('result-title').textContent));
    const status = await sendToWorker(h, { type: 'status' });
    assert.equal(status.active.source, 'setup');
    const settings = await sendToWorker(h, { type: 'settings' });
    assert.deepEqual(settings.pageNames, ['Bright Smiles Dental', 'brightsmilesdental']);
    assert.equal(settings.pageNamesConfigured, true);
    await setup.close();
  });

  test('the options page edits the same fields, pauses for an hour, and offers the switches the policy allows', async () => {
    const options = await h.page(h.extensionUrl('extension/options/options.html'));
    await options.waitForFunction(() => document.getElementById('practice-name')?.value === 'Bright Smiles Dental');
    assert.equal(await options.inputValue('#staff'), 'Maria Lopez');
    assert.equal(await options.isVisible('#rules-card'), false, 'the policy allows no switches yet');

    // A policy that lets staff turn length checks off.
    const policy = JSON.parse((await storageLocal(h, 'localPolicy')).localPolicy.text);
    const withSwitch = { ...policy, name: 'Bright Smiles', version: '2', practice: { name: 'Bright Smiles Dental', page_names: ['Bright Smiles Dental'] }, staff_may_disable: ['length'] };
    assert.equal((await sendToWorker(h, { type: 'policy.load', source: 'file', text: JSON.stringify(withSwitch), fileName: 'p.json' })).ok, true);
    await options.waitForSelector('#rule-length');
    assert.equal(await options.isChecked('#rule-length'), true);

    const fb = await openFixture(h, 'www.facebook.com', '/facebook/');
    const long = REPLIES.long;
    await typeInto(fb, FB_JANET, long);
    await waitForPill(fb, FB_JANET, (t) => t.includes('Too long'), '"Too long"');
    await options.click('#rule-length');
    await waitForPill(fb, FB_JANET, (t) => t !== '' && !t.includes('Too long'), 'no length finding once switched off');

    // Pause for 1 hour: nothing is checked; resume: checked again.
    await options.click('#pause');
    await options.waitForFunction(() => /Paused until/.test(document.getElementById('pause-status').textContent));
    await waitForPill(fb, FB_JANET, (t) => t === '', 'no pill while paused');
    // A bare record check after this long, generic reply: the PHI veto
    // leaves a record check as it is (analysis.Finding.Sure).
    await fb.keyboard.type(' We checked your chart.');
    await fb.waitForTimeout(500);
    assert.equal((await pill(fb, FB_JANET))?.text ?? '', '', 'typing while paused is not checked');
    assert.equal(await options.textContent('#pause'), 'Resume now');
    await options.click('#pause');
    await waitForHighlight(fb, 'phi');
    await fb.close();

    // Saving the form keeps the policy's other fields.
    await options.fill('#phones', '(555) 010-2000\n(555) 010-3000');
    await options.click('#practice-save');
    await options.waitForFunction(() => document.getElementById('practice-result-title').textContent === 'Saved.');
    const saved = JSON.parse((await storageLocal(h, 'localPolicy')).localPolicy.text);
    assert.deepEqual(saved.practice.phones, ['(555) 010-2000', '(555) 010-3000']);
    assert.deepEqual(saved.staff_may_disable, ['length'], 'fields the form does not show are kept');
    await options.close();
  });
});
