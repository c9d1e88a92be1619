// Counts of "today" depend on the zone: pin it.
process.env.TZ = 'UTC';
import test from 'node:test';
import assert from 'node:assert/strict';
import { FakeEngine, keys, worker, sha256, TEST_KEY_ID } from './testdata/fakes.mjs';
import { createHandlers, dispatch } from './handlers.js';
import { createEngineHost } from './engine-host.js';
import { createPolicyManager } from './policy.js';
import { createStore } from './store.js';
import { exportSettings } from '../shared/settings-file.js';
import { KEYS } from '../shared/keys.js';

const NOW = 1_773_000_000_000;
const PHI = 'Hi Janet, sorry your root canal last Tuesday hurt. We checked your chart.';
const OWN_POLICY = JSON.stringify({ name: 'Bright Smiles', version: '3', practice: { page_names: ['Bright Smiles Dental'] } });
const COMMENTS = [
  { id: 'c-1', author: 'Janet Rivera', posted: NOW - 5 * 3600_000, spanMs: 3600_000, text: 'Waited an hour past my appointment.', answered: false, link: 'https://www.facebook.com/x/posts/1?comment_id=c-1' },
  { id: 'c-2', author: 'Marcus Lee', posted: NOW - 10 * 3600_000, spanMs: 3600_000, text: 'Best team in town!', answered: true },
  { id: 'c-3', author: 'Tom Becker', posted: NOW - 25 * 3600_000, spanMs: 86_400_000, text: 'The wait times keep getting worse.', answered: false },
  { id: 'c-4', author: 'Bright Smiles Dental', posted: NOW - 3600_000, spanMs: 60_000, text: 'Thanks Marcus!', answered: false },
];

const page = (w, msg) => dispatch(w.handlers, msg, { fromExtensionPage: true });
const content = (w, msg) => dispatch(w.handlers, msg, { fromExtensionPage: false });

async function withOwnPolicy(opts) {
  const w = worker({ now: () => NOW, ...opts });
  assert.equal((await page(w, { type: 'policy.load', source: 'file', text: OWN_POLICY, fileName: 'bright.json' })).ok, true);
  return w;
}

test('checks that arrive while the engine loads all get answers, from one load', async () => {
  const w = worker();
  const replies = await Promise.all(Array.from({ length: 5 }, () => content(w, { type: 'check', text: PHI, site: 'facebook' })));
  for (const r of replies) {
    assert.equal(r.ok, true);
    assert.deepEqual(r.findings.map((f) => f.category), ['phi']);
    assert.equal(r.confirmBeforeSend, true);
    assert.equal(r.fingerprint, '00000000000000ab');
  }
  assert.equal(w.loads(), 1);
});

test('a failed engine load answers ok:false and the next message retries', async () => {
  const w = worker();
  let fail = true;
  const real = w.engineHost.get;
  // Swap in a host whose first load fails.
  const host = createEngineHost({
    compile: async () => {
      if (fail) throw new Error('cannot read wasm/engine.wasm');
      return 'm';
    },
    loadEngine: async () => w.engine,
  });
  w.engineHost.get = host.get.bind(host);
  const first = await content(w, { type: 'check', text: 'hello' });
  assert.equal(first.ok, false);
  assert.match(first.error, /^check: cannot read wasm\/engine\.wasm/);
  fail = false;
  const second = await content(w, { type: 'check', text: 'hello' });
  assert.equal(second.ok, true);
  w.engineHost.get = real;
});

const AT = PHI.indexOf('root canal');
const IGNORE = { type: 'ignore', text: PHI, rule: 'phi.care-detail', start: AT, end: AT + 10, reason: 'we name procedures on our own posts', by: 'Maria' };
const ALLOW_ERRORS = JSON.stringify({ name: 'Bright Smiles', version: '3', ignore_always: { allow_errors: true, expire_days: 10 } });

test('"ignore always" on an error needs the policy to allow it', async () => {
  const w = worker({ now: () => NOW });
  const r = await content(w, IGNORE);
  assert.deepEqual(r, { ok: false, error: 'ignore: the policy does not allow ignoring errors always' });
  assert.equal(w.area.data.ignored, undefined);
  assert.deepEqual((await content(w, { type: 'settings' })).ignore, { allowErrors: false, days: 30 });
});

test('"ignore always" keeps a keyed hash with reason, name and expiry, never the phrase', async () => {
  const w = worker({ now: () => NOW });
  assert.equal((await page(w, { type: 'policy.load', source: 'file', text: ALLOW_ERRORS })).ok, true);
  const r = await content(w, IGNORE);
  assert.deepEqual(r, { ok: true, expiresAt: NOW + 10 * 24 * 3600_000 });
  const stored = JSON.stringify(w.area.data);
  assert.ok(!/root canal|Janet/i.test(stored), 'neither the phrase nor the reply is stored');
  const phraseHash = await keys.phraseHash(TEST_KEY_ID, 'root canal');
  assert.notEqual(phraseHash, await sha256('root canal'), 'not a plain hash a dictionary reverses');
  assert.deepEqual(w.area.data.ignored, [
    {
      rule: 'phi.care-detail',
      category: 'phi',
      severity: 'error',
      message: 'names a treatment',
      keyId: TEST_KEY_ID,
      phraseHash,
      reason: 'we name procedures on our own posts',
      by: 'Maria',
      addedAt: NOW,
      expiresAt: NOW + 10 * 24 * 3600_000,
    },
  ]);
  assert.equal((await content(w, { type: 'settings' })).staffName, 'Maria');
  assert.deepEqual((await content(w, { type: 'check', text: 'Sorry about the ROOT CANAL.' })).findings, []);
  // Content scripts may not take it back; the options page may.
  assert.equal((await content(w, { type: 'unignore', phraseHash, rule: 'phi.care-detail' })).ok, false);
  assert.equal((await page(w, { type: 'unignore', phraseHash, rule: 'phi.care-detail' })).ok, true);
  assert.equal((await content(w, { type: 'check', text: 'Sorry about the root canal.' })).findings.length, 1);
});

test('a private message is checked and ignored as one: "private" reaches the engine', async () => {
  const w = worker({ now: () => NOW });
  const dmInfo = JSON.stringify({ name: 'Bright Smiles', version: '4', composers: { private_messages: { enabled: true, severity: { phi: 'info' } } } });
  assert.equal((await page(w, { type: 'policy.load', source: 'file', text: dmInfo })).ok, true);
  await content(w, { type: 'check', text: PHI, private: true });
  assert.equal(w.engine.checks.at(-1).private, true);
  for (const not of [undefined, false, 'yes', 1]) {
    await content(w, { type: 'check', text: PHI, private: not });
    assert.equal(w.engine.checks.at(-1).private, false, `private: ${not}`);
  }
  // The error staff see in public cannot be ignored; the same finding in a
  // DM, info under this policy, can: the worker re-checks it as a DM.
  assert.match((await content(w, IGNORE)).error, /does not allow ignoring errors/);
  assert.deepEqual(await content(w, { ...IGNORE, private: true }), { ok: true, expiresAt: NOW + 30 * 24 * 3600_000 });
  assert.equal(w.engine.checks.at(-1).private, true);
  assert.equal(w.area.data.ignored[0].severity, 'info');
});

test('ignore refuses findings the engine does not make, missing reasons and an IT lock', async () => {
  const w = worker({ now: () => NOW });
  assert.equal((await page(w, { type: 'policy.load', source: 'file', text: ALLOW_ERRORS })).ok, true);
  // A compromised content script cannot ignore an arbitrary phrase.
  assert.match((await content(w, { ...IGNORE, start: 0, end: 8 })).error, /no such finding/);
  assert.match((await content(w, { ...IGNORE, rule: 'manners.rude' })).error, /no such finding/);
  assert.match((await content(w, { ...IGNORE, reason: '  ' })).error, /reason is required/);
  assert.match((await content(w, { ...IGNORE, by: '' })).error, /name of who decided/);
  assert.match((await content(w, { ...IGNORE, start: 'x' })).error, /start and end/);
  assert.equal(w.area.data.ignored, undefined);
  const locked = worker({ managed: { locked: ['ignored'] } });
  const r = await content(locked, IGNORE);
  assert.equal(r.ok, false);
  assert.equal(r.locked, true);
});

test('sent keeps a bounded, de-duplicated list of fingerprints that checks pass on', async () => {
  let t = NOW;
  const w = worker({ now: () => t });
  for (let i = 0; i < 60; i++) {
    t += 1000;
    assert.equal((await content(w, { type: 'sent', fingerprint: i.toString(16).padStart(16, '0') })).ok, true);
  }
  await content(w, { type: 'sent', fingerprint: '000000000000003b' });
  const recent = w.area.data.recent;
  assert.equal(recent.length, 50);
  assert.equal(recent.at(-1).fingerprint, '000000000000003b');
  assert.equal(new Set(recent.map((r) => r.fingerprint)).size, 50);
  assert.match((await content(w, { type: 'sent', fingerprint: 'hello' })).error, /16 hex digits/);
  await content(w, { type: 'check', text: 'hi' });
  assert.equal(w.engine.checks.at(-1).recent.length, 50);
});

test('threads on a page the policy does not name are not tracked', async () => {
  const w = worker({ now: () => NOW });
  const r = await content(w, { type: 'threads', site: 'facebook', platform: 'facebook', pageUrl: 'https://www.facebook.com/other', owner: 'Some Other Page', comments: COMMENTS });
  assert.deepEqual(r, { ok: true, unanswered: 0, tracked: false });
  assert.equal(w.area.data.threads, undefined);
});

test('threads store hashes, times and topics of patient comments only; the link stays in session memory', async () => {
  const w = await withOwnPolicy();
  const r = await content(w, {
    type: 'threads',
    site: 'facebook',
    platform: 'facebook',
    pageUrl: 'https://www.facebook.com/brightsmilesdental/posts/p1001',
    owner: 'Bright Smiles Dental',
    comments: COMMENTS,
  });
  // Today: Janet (5 h ago); Tom's comment is from yesterday, Marcus was answered.
  assert.deepEqual(r, { ok: true, unanswered: 1, tracked: true });
  assert.deepEqual(w.badges, [1]);
  const threads = w.area.data.threads;
  const id = await sha256('facebook:c-1');
  assert.deepEqual(Object.keys(threads).sort(), [id, await sha256('facebook:c-2'), await sha256('facebook:c-3')].sort());
  assert.deepEqual(threads[id], {
    site: 'facebook',
    seen: NOW,
    posted: NOW - 5 * 3600_000,
    spanMs: 3600_000,
    topics: ['wait_time'],
    page: await sha256('facebook:bright smiles dental'),
  });
  assert.equal(threads[await sha256('facebook:c-2')].answered, NOW);
  const stored = JSON.stringify(w.area.data);
  for (const c of COMMENTS) assert.ok(!stored.includes(c.text), `comment text of ${c.id} is not stored`);
  for (const c of COMMENTS.slice(0, 3)) assert.ok(!stored.includes(c.author), `patient name ${c.author} is not stored`);
  assert.ok(!stored.includes('comment_id'), 'no link stored');
  assert.deepEqual(w.session.data.threadLinks, { [id]: COMMENTS[0].link });
});

test('a later report marks the answer and does not re-tag known comments; a sent reply answers its comment', async () => {
  let t = NOW;
  const w = await withOwnPolicy({ now: () => t });
  const base = { type: 'threads', site: 'facebook', platform: 'facebook', pageUrl: 'https://www.facebook.com/p', owner: 'Bright Smiles Dental' };
  await content(w, { ...base, comments: COMMENTS });
  const tagged = w.engine.checks.length;
  t += 60_000;
  const more = { id: 'c-5', author: 'Dana K', posted: t - 60_000, spanMs: 60_000, text: 'Billed twice.', answered: false };
  let r = await content(w, { ...base, comments: [...COMMENTS, more] });
  assert.equal(r.unanswered, 2);
  t += 60_000;
  r = await content(w, { ...base, comments: COMMENTS.map((c) => (c.id === 'c-1' ? { ...c, answered: true } : c)) });
  assert.equal(r.unanswered, 1);
  assert.equal(w.engine.checks.length, tagged + 1, 'only the new comment was tagged');
  assert.equal(w.area.data.threads[await sha256('facebook:c-1')].answered, t);
  assert.equal((await content(w, { type: 'sent', fingerprint: '00000000000000aa', answers: { platform: 'facebook', id: 'c-5' } })).ok, true);
  assert.equal(w.area.data.threads[await sha256('facebook:c-5')].answered, t);
  assert.deepEqual(w.badges, [1, 2, 1, 0]);
});

test('Mark handled: extension pages only, by record key', async () => {
  const w = await withOwnPolicy();
  await content(w, { type: 'threads', site: 'facebook', platform: 'facebook', pageUrl: 'https://www.facebook.com/p', owner: 'Bright Smiles Dental', comments: COMMENTS });
  const id = await sha256('facebook:c-1');
  assert.match((await content(w, { type: 'handled', id })).error, /only accepted from the extension's own pages/);
  assert.match((await page(w, { type: 'handled', id: 'c-1' })).error, /record key/);
  assert.deepEqual(await page(w, { type: 'handled', id }), { ok: true, unanswered: 0 });
  assert.equal(w.area.data.threads[id].handled, NOW);
});

test('until the policy names Pages, the Page staff act as counts as the practice', async () => {
  const w = worker({ now: () => NOW });
  const base = { type: 'threads', site: 'facebook', platform: 'facebook', pageUrl: 'https://www.facebook.com/p', owner: 'Bright Smiles Dental', comments: COMMENTS };
  assert.equal((await content(w, base)).tracked, false);
  const id = await content(w, { type: 'identity', site: 'facebook', name: 'Bright Smiles Dental' });
  assert.deepEqual(id, { ok: true, pageNames: ['Bright Smiles Dental'], configured: false });
  assert.equal((await content(w, base)).tracked, true);
  assert.deepEqual((await content(w, { type: 'settings' })).pageNames, ['Bright Smiles Dental']);
  // A Business Suite inbox thread is the Page's own: its asset is enough.
  const bs = await content(w, { type: 'threads', site: 'facebook', platform: 'instagram', business: true, owner: 'asset:555', pageUrl: 'https://business.facebook.com/latest/inbox/all', comments: [{ id: 'bs:t-200:IG_MESSAGE', text: 'Can I move my cleaning?', posted: NOW - 60_000, spanMs: 0, answered: false }] });
  assert.equal(bs.tracked, true);
  assert.ok(w.area.data.threads[await sha256('instagram:bs:t-200:IG_MESSAGE')]);
});

test('settings reflect the policy, the ignore list and IT overrides', async () => {
  const w = await withOwnPolicy();
  assert.deepEqual(await content(w, { type: 'settings' }), {
    ok: true,
    sites: { facebook: true, instagram: true },
    confirmBeforeSend: true,
    pageNames: ['Bright Smiles Dental'],
    pageNamesConfigured: true,
    privateMessages: { enabled: false },
    personalProfiles: false,
    pausedUntil: 0,
    ignore: { allowErrors: false, days: 30 },
    staffName: '',
    locked: [],
  });
  await w.store.set({ [KEYS.settings]: { sites: { instagram: false } } });
  assert.deepEqual((await content(w, { type: 'settings' })).sites, { facebook: true, instagram: false });
  const check = await content(w, { type: 'check', text: PHI, site: 'instagram' });
  assert.deepEqual([check.findings, check.disabled], [[], true], 'a site switched off gets no findings');

  w.managedState.value = { sites: { facebook: false, instagram: true }, lock_sites: true, confirm_before_send: false };
  const s = await content(w, { type: 'settings' });
  assert.deepEqual(s.sites, { facebook: false, instagram: true });
  assert.equal(s.confirmBeforeSend, false);
  assert.deepEqual(s.locked, ['sites']);
});

test('a broken policy reports JSON paths and the last good one stays in force', async () => {
  const w = await withOwnPolicy();
  const broken = JSON.stringify({ name: 'Broken', version: 'broken' });
  const r = await page(w, { type: 'policy.load', source: 'file', text: broken, fileName: 'broken.json' });
  assert.equal(r.ok, false);
  assert.deepEqual(r.errors, [{ path: 'rules.length.facebook.max_words', message: 'must be a positive integer' }]);
  assert.deepEqual([r.active.name, r.active.version, r.active.source], ['Bright Smiles', '3', 'file']);
  assert.match(r.error, /Bright Smiles 3 stays in force/);
  assert.equal(w.engine.policy, OWN_POLICY);
  assert.equal(w.area.data.policyStatus.ok, false);
  assert.equal(w.area.data.policyStatus.fileName, 'broken.json');
  const bad = await page(w, { type: 'policy.load', source: 'file', text: '{"name": ' });
  assert.equal(bad.ok, false);
  assert.equal(w.engine.policy, OWN_POLICY);
});

test('policy URLs load, refresh, and keep the last good policy on errors', async () => {
  const served = { text: JSON.stringify({ name: 'From URL', version: '1' }) };
  const fetched = [];
  const w = worker({
    fetchText: async (url) => {
      fetched.push(url);
      if (served.text === null) throw new Error('HTTP 404');
      return served.text;
    },
  });
  const url = 'https://policy.brightsmiles.test/policy.json';
  assert.equal((await page(w, { type: 'policy.load', source: 'url', url: 'http://insecure.test/p.json' })).ok, false);
  assert.deepEqual(fetched, [], 'an http:// URL is never fetched');
  const ok = await page(w, { type: 'policy.load', source: 'url', url });
  assert.deepEqual([ok.ok, ok.policy.name, ok.policy.source, ok.policy.url], [true, 'From URL', 'url', url]);

  served.text = JSON.stringify({ name: 'From URL', version: '2' });
  assert.deepEqual(await page(w, { type: 'policy.refresh' }), { ok: true, refreshed: true, changed: true });
  assert.equal((await page(w, { type: 'status' })).active.version, '2');

  served.text = JSON.stringify({ name: 'From URL', version: 'broken' });
  const broken = await page(w, { type: 'policy.refresh' });
  assert.equal(broken.ok, false);
  assert.equal(broken.errors[0].path, 'rules.length.facebook.max_words');
  served.text = null;
  assert.match((await page(w, { type: 'policy.refresh' })).error, /could not fetch .*HTTP 404/);
  const status = await page(w, { type: 'status' });
  assert.equal(status.active.version, '2');
  assert.equal(status.status.ok, false);
  assert.deepEqual(fetched, [url, url, url, url]);
});

test("IT's inline policy overrides the local one, locks loading, and a broken one keeps the last good", async () => {
  const w = await withOwnPolicy();
  const itPolicy = JSON.stringify({ name: 'Practice IT', version: '7', practice: { page_names: ['BSD'] } });
  w.managedState.value = { policy: itPolicy };
  assert.deepEqual((await content(w, { type: 'settings' })).pageNames, ['BSD']);
  await content(w, { type: 'check', text: 'x' });
  assert.equal(w.engine.policy, itPolicy);
  const status = await page(w, { type: 'status' });
  assert.deepEqual([status.active.name, status.active.source], ['Practice IT', 'managed']);
  assert.ok(status.managed.locked.includes('policy'));
  const refused = await page(w, { type: 'policy.load', source: 'file', text: OWN_POLICY });
  assert.deepEqual([refused.ok, refused.locked], [false, true]);

  w.managedState.value = { policy: { name: 'Practice IT', version: 'broken' } };
  await content(w, { type: 'check', text: 'x' });
  assert.equal(w.engine.policy, itPolicy, 'the last good IT policy stays');
  const after = await page(w, { type: 'status' });
  assert.equal(after.active.version, '7');
  assert.deepEqual([after.status.source, after.status.ok], ['managed', false]);

  // IT withdraws its policy: the local one is back.
  w.managedState.value = {};
  await page(w, { type: 'policy.refresh' });
  assert.equal((await page(w, { type: 'status' })).active.name, 'Bright Smiles');
  await content(w, { type: 'check', text: 'x' });
  assert.equal(w.engine.policy, OWN_POLICY);
});

test('page-only messages are refused from content scripts; unknown types fail cleanly', async () => {
  const w = worker();
  const r = await content(w, { type: 'policy.load', source: 'file', text: '{}' });
  assert.deepEqual(r, { ok: false, error: "policy.load is only accepted from the extension's own pages" });
  assert.match((await content(w, { type: 'nope' })).error, /unknown message type/);
  assert.match((await content(w, null)).error, /unknown message type/);
  assert.match((await content(w, { type: 'toString' })).error, /unknown message type/);
});

test('settings export and import round-trip; files with comment history are refused', async () => {
  const w = worker({ now: () => NOW });
  assert.equal((await page(w, { type: 'policy.load', source: 'file', text: ALLOW_ERRORS })).ok, true);
  assert.equal((await content(w, IGNORE)).ok, true);
  await w.store.set({ [KEYS.settings]: { sites: { facebook: true, instagram: false } } });
  const file = exportSettings({ settings: w.area.data.settings, ignored: w.area.data.ignored, localPolicy: w.area.data.localPolicy }, NOW);

  const fresh = worker({ now: () => NOW });
  const r = await page(fresh, { type: 'import', settings: JSON.stringify(file) });
  assert.deepEqual(r, { ok: true, skipped: [] });
  assert.deepEqual(fresh.area.data.ignored, w.area.data.ignored);
  assert.equal(file.ignored[0].key_id, TEST_KEY_ID);
  assert.ok(!/secret/.test(JSON.stringify(file)), 'the key is not in the file');
  // Entries made under a key this browser lacks need the key file first.
  const foreign = { ...file, ignored: [{ ...file.ignored[0], key_id: '1111111111111111' }] };
  const refused = await page(fresh, { type: 'import', settings: foreign });
  assert.deepEqual([refused.ok, refused.missingKeys], [false, ['1111111111111111']]);
  assert.deepEqual(fresh.area.data.settings, { sites: { facebook: true, instagram: false } });
  assert.equal((await page(fresh, { type: 'status' })).active.name, 'Bright Smiles');
  // Expired entries are not exported.
  assert.deepEqual(exportSettings({ ignored: w.area.data.ignored }, NOW + 11 * 24 * 3600_000).ignored, []);

  const withHistory = await page(fresh, { type: 'import', settings: { ...file, threads: { x: 1 } } });
  assert.equal(withHistory.ok, false);
  assert.deepEqual(withHistory.errors.map((e) => e.path), ['threads']);
  const brokenPolicy = await page(fresh, { type: 'import', settings: { ...file, policy: { version: 'broken' } } });
  assert.equal(brokenPolicy.ok, false);
  assert.equal(brokenPolicy.errors[0].path, 'policy.rules.length.facebook.max_words');
});

test("status validates IT's freshly pushed policy before answering", async () => {
  const w = worker({ managed: { policy: JSON.stringify({ name: 'Practice IT', version: '7' }) } });
  const status = await dispatch(w.handlers, { type: 'status' }, { fromExtensionPage: true });
  assert.deepEqual([status.active.name, status.active.source], ['Practice IT', 'managed']);
  assert.deepEqual(status.managed.locked, ['policy']);
});

test('checks arriving together after a restart apply the stored policy once', async () => {
  const w = await withOwnPolicy();
  // A new worker over the same storage: its engine starts on the default.
  const engine = new FakeEngine();
  let setPolicyCalls = 0;
  const realSet = engine.setPolicy.bind(engine);
  engine.setPolicy = (text) => {
    setPolicyCalls++;
    return realSet(text);
  };
  const store = createStore(w.area);
  const engineHost = createEngineHost({ compile: async () => 'm', loadEngine: async () => engine });
  const policy = createPolicyManager({ store, engineHost, managedSource: { get: async () => ({}), invalidate() {} }, fetchText: async () => '' });
  const { handlers } = createHandlers({ store, policy, sha256, keys, badge: async () => {}, now: () => NOW });
  const replies = await Promise.all(Array.from({ length: 5 }, () => dispatch(handlers, { type: 'check', text: PHI }, { fromExtensionPage: false })));
  assert.ok(replies.every((r) => r.ok));
  assert.equal(setPolicyCalls, 1);
  assert.equal(engine.policy, OWN_POLICY);
});

test('only tag-like topics are stored, whatever the engine returns', async () => {
  const w = await withOwnPolicy();
  const check = w.engine.check.bind(w.engine);
  w.engine.check = (req) => ({ ...check(req), comment: { kind: 'complaint', negative: true, topics: ['wait_time', 'Waited an hour past my appointment', 'x'.repeat(60)] } });
  await content(w, { type: 'threads', site: 'facebook', platform: 'facebook', pageUrl: 'https://www.facebook.com/p', owner: 'Bright Smiles Dental', comments: COMMENTS.slice(0, 1) });
  assert.deepEqual(w.area.data.threads[await sha256('facebook:c-1')].topics, ['wait_time']);
});
