// ReplyGuard against a hostile page and a compromised content script, in
// real Chromium. The page (tests/fixtures/hostile/) runs its own script,
// attack.js, which after the card appears tries to read it, press its
// buttons and keys with synthetic events, message the extension and write
// its storage; every attempt must fail and the finding must stay. A second
// test runs code in the content script's own world (as a compromised content
// script would) against each privilege boundary of the extension.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';
import { FB_JANET, REPLIES, composerText, phraseCenter, repliesUnder, storageLocal, typeInto, uiEval, until } from './inline-helpers.mjs';

const COMPOSER = FB_JANET;
const NO_PHI_POLICY = '{"name":"Evil","rules":{"phi":{"enabled":false}}}';

// ui reads ReplyGuard's closed UI (debugger-level, nothing given to the page).
const ui = (page) =>
  uiEval(page, function () {
    const card = this.querySelector('.card');
    const pill = [...this.querySelectorAll('.pill')].find((p) => !p.hidden);
    const names = JSON.parse(this.querySelector('.layer').dataset.highlights);
    return {
      card: card && !card.hidden ? card.textContent : null,
      pill: pill?.querySelector('.text').textContent ?? null,
      severity: pill?.dataset.severity ?? null,
      phi: [...(CSS.highlights.get(names.phi) ?? [])].map((r) => r.toString()),
      hostConnected: this.host.isConnected,
    };
  });

async function openHostile(h) {
  const page = await h.page(h.baseUrl('www.facebook.com') + '/hostile/');
  await page.waitForFunction(() => window.__lexical?.editors.length > 0 && window.__attack);
  await until('ReplyGuard UI', async () => ({ ok: (await ui(page)) !== undefined }));
  return page;
}

describe('a hostile page', () => {
  let h;
  before(async () => {
    h = await launch();
  });
  after(async () => {
    await h?.close();
  });

  test("cannot read, press, dismiss, message or overwrite ReplyGuard; the finding stays", async () => {
    const page = await openHostile(h);
    await typeInto(page, COMPOSER, REPLIES.phi);
    const flagged = await until('a PHI underline', async () => {
      const s = await ui(page);
      return { ok: s.phi.length > 0 && s.pill?.includes('PHI risk'), value: s.phi };
    });
    // The user opens the card with the real mouse.
    const at = await phraseCenter(page, COMPOSER, flagged.find((t) => t.includes('root canal')) ?? flagged[0]);
    await page.mouse.click(at.x, at.y);
    const before = await until('the card', async () => {
      const s = await ui(page);
      return { ok: s.card?.includes('PHI risk'), value: s };
    });
    // The page's comments are recorded as it renders: wait until that settles.
    let storedBefore = await storageLocal(h, null);
    for (let i = 0; i < 40; i++) {
      await page.waitForTimeout(500);
      const now = await storageLocal(h, null);
      const n = (s) => JSON.stringify(Object.keys(s.threads ?? {}).sort());
      const settled = Object.keys(now.threads ?? {}).length > 0 && n(now) === n(storedBefore);
      storedBefore = now;
      if (settled) break;
    }

    const report = await page.evaluate(() => window.__attack.run());
    console.log('hostile page attacks:');
    for (const r of report) console.log(`  ${r.succeeded ? 'SUCCEEDED' : 'failed   '}  ${r.attack}${r.detail ? ` (${r.detail})` : ''}`);
    assert.ok(report.length >= 14, `all attacks ran: ${report.length}`);
    for (const r of report) assert.equal(r.succeeded, false, `attack succeeded: ${r.attack}: ${r.detail}`);

    // What a user sees is unchanged: the card is open on the finding, the
    // underline and the pill remain, and the host is back in the page.
    await page.waitForTimeout(600); // past the hover-close delay
    const afterAttack = await ui(page);
    assert.equal(afterAttack.card, before.card, 'the card is still open on the finding');
    assert.deepEqual(afterAttack.phi, before.phi, 'the underlines stay');
    assert.equal(afterAttack.pill, before.pill);
    assert.equal(afterAttack.hostConnected, true);
    // Nothing was sent, typed, ignored or reconfigured.
    assert.equal(await composerText(page, COMPOSER), REPLIES.phi);
    assert.deepEqual(await repliesUnder(page, 'c-2001'), []);
    // The comment records are re-read as the page re-renders (scan times and
    // time uncertainty move on); none may be added, dropped or answered.
    const storedAfter = await storageLocal(h, null);
    const answered = (s) => Object.entries(s.threads ?? {}).map(([k, r]) => [k, Boolean(r.answered)]);
    assert.deepEqual(answered(storedAfter), answered(storedBefore), 'the comment records are unchanged');
    const rest = ({ threads, pageScans, ...other }) => other;
    assert.deepEqual(rest(storedAfter), rest(storedBefore), "the extension's storage is unchanged");
    // The page was given nothing to hold on to.
    assert.equal(await page.evaluate(() => window.__rgRoot === undefined && window.__attack.captured.length), 0);

    // The user's own keys still work: Escape closes the card.
    await page.keyboard.press('Escape');
    await until('the card closed by a real Escape', async () => ({ ok: (await ui(page)).card === null }));
    await page.close();
  });

  test('a compromised content script cannot reach storage, the policy, the ignore list or the engine', async () => {
    const page = await openHostile(h);
    const cdp = await page.context().newCDPSession(page);
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const world = await until('the content script world', async () => {
      const c = contexts.find((x) => x.auxData?.type === 'isolated' && x.name === 'ReplyGuard for Practices');
      return { ok: Boolean(c), value: c?.id };
    });
    // inWorld runs an async expression in the content script's world.
    const inWorld = async (expression) => {
      const r = await cdp.send('Runtime.evaluate', { expression: `(async () => { ${expression} })()`, contextId: world, awaitPromise: true, returnByValue: true });
      if (r.exceptionDetails) return { threw: r.exceptionDetails.exception?.description?.split('\n')[0] ?? r.exceptionDetails.text };
      return r.result.value;
    };
    const send = (msg) => inWorld(`try { return await chrome.runtime.sendMessage(${JSON.stringify(msg)}) ?? 'no answer'; } catch (e) { return 'error: ' + e.message; }`);

    const results = {};
    results.readStorage = await inWorld('return await chrome.storage.local.get(null);');
    results.writeStorage = await inWorld(`await chrome.storage.local.set({ localPolicy: { text: ${JSON.stringify(NO_PHI_POLICY)} }, ignored: [] }); return 'written';`);
    results.policyLoad = await send({ type: 'policy.load', source: 'file', text: NO_PHI_POLICY, fileName: 'evil.json' });
    results.policyReset = await send({ type: 'policy.reset' });
    results.unignore = await send({ type: 'unignore', phraseHash: '0'.repeat(64) });
    results.import = await send({ type: 'import', settings: { format: 'replyguard-settings', version: 1, policy: JSON.parse(NO_PHI_POLICY) } });
    results.status = await send({ type: 'status' });
    results.engineSetPolicy = await send({ target: 'replyguard-engine', op: 'setPolicy', arg: NO_PHI_POLICY });
    results.ignoreArbitrary = await send({ type: 'ignore', text: 'anything at all', rule: 'hipaa', start: 0, end: 8, reason: 'x', by: 'y' });
    const phi = (await send({ type: 'check', text: REPLIES.phi, comment: '', platform: 'facebook', site: 'facebook' })).findings.find((f) => f.severity === 'error' && f.end > f.start);
    results.ignoreError = await send({ type: 'ignore', text: REPLIES.phi, rule: phi.rule, start: phi.start, end: phi.end, reason: 'x', by: 'y' });
    console.log('compromised content script:');
    for (const [k, v] of Object.entries(results)) console.log(`  ${k}: ${JSON.stringify(v).slice(0, 160)}`);

    assert.match(results.readStorage.threw ?? '', /Access to storage is not allowed from this context/);
    assert.match(results.writeStorage.threw ?? '', /Access to storage is not allowed from this context/);
    for (const k of ['policyLoad', 'policyReset', 'unignore', 'import', 'status']) {
      assert.equal(results[k].ok, false, k);
      assert.match(results[k].error, /only accepted from the extension's own pages/, k);
    }
    // Neither the worker nor the offscreen document answers engine operations from it.
    assert.match(String(results.engineSetPolicy), /error: .*(message port closed|Receiving end)|no answer/);
    assert.match(results.ignoreArbitrary.error, /no such finding/);
    assert.match(results.ignoreError.error, /does not allow ignoring errors/);

    // And checks still flag PHI: the policy in force did not change.
    const check = await send({ type: 'check', text: REPLIES.phi, comment: '', platform: 'facebook', site: 'facebook' });
    assert.ok(check.findings.some((f) => f.category === 'phi'), JSON.stringify(check).slice(0, 200));
    const stored = await storageLocal(h, ['localPolicy', 'ignored']);
    assert.deepEqual(stored, {});
    await cdp.detach();
    await page.close();
  });
});
