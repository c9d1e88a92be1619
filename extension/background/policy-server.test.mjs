// The service worker's policy-server follower with the real engine.wasm
// verifying bundles signed by the real CLI (bin/replyguard, built by
// ./build.sh), and a scripted fetch.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from '../engine/engine.js';
import { memoryArea } from './testdata/fakes.mjs';
import { createEngineHost } from './engine-host.js';
import { createPolicyManager } from './policy.js';
import { createPolicyServer } from './policy-server.js';
import { createStore } from './store.js';
import { KEYS } from '../shared/keys.js';
import { clock, configProblems, readCapped, redirectAllowed, serverUrlProblem, statusLine } from '../shared/server-config.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'bin', 'replyguard');
const NOW = 1_773_000_000_000;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-server-'));
const KEY = path.join(tmp, 'k.key');
const PUB = path.join(tmp, 'k.pub');
execFileSync(CLI, ['policy', 'keygen', '--private', KEY, '--public', PUB]);
const PUBLIC_KEY = fs.readFileSync(PUB, 'utf8');

function sign(policy, serial) {
  const file = path.join(tmp, `p${serial}.json`);
  fs.writeFileSync(file, JSON.stringify(policy));
  return execFileSync(CLI, ['policy', 'sign', '--key', KEY, '--serial', String(serial), file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
}

const engine = await loadEngine(fs.readFileSync(path.join(ROOT, 'wasm', 'engine.wasm')));
const CONFIG = { url: 'https://policies.example.org', org: 'riverside', readToken: 'rgr_secret', publicKey: PUBLIC_KEY };

function setup({ managed = {} } = {}) {
  const store = createStore(memoryArea({ [KEYS.policyServer]: CONFIG }));
  const engineHost = createEngineHost({ compile: async () => 'm', loadEngine: async () => engine });
  const managedSource = { get: async () => managed };
  const requests = [];
  const replies = [];
  const fetchImpl = async (url, init) => {
    requests.push({ url, headers: init.headers, redirect: init.redirect });
    const next = replies.shift();
    if (next instanceof Error) throw next;
    return next;
  };
  let server;
  const policy = createPolicyManager({ store, engineHost, managedSource, fetchText: async () => '{}', now: () => NOW, signedOnly: () => server.signedOnly() });
  server = createPolicyServer({ store, engineHost, managedSource, policy, fetchImpl, now: () => NOW });
  return { store, policy, server, requests, replies };
}

const ok = (text, etag = '"e1"') => new Response(text, { status: 200, headers: { etag, 'content-type': 'application/json' } });

test('a signed policy is verified in the engine and put in force; 304 keeps it', async () => {
  const s = setup();
  s.replies.push(ok(sign({ name: 'Riverside Family Dental', version: '14' }, 14)));
  const r = await s.server.refresh();
  assert.equal(r.ok, true, JSON.stringify(r));
  const active = await s.policy.active();
  assert.deepEqual([active.name, active.source, active.serial], ['Riverside Family Dental', 'server', 14]);
  assert.equal(s.requests[0].url, 'https://policies.example.org/v1/orgs/riverside/policy');
  assert.equal(s.requests[0].headers.Authorization, 'Bearer rgr_secret');
  assert.equal(s.requests[0].headers['If-None-Match'], undefined);

  s.replies.push(new Response(null, { status: 304 }));
  const again = await s.server.refresh();
  assert.equal(again.unchanged, true);
  assert.equal(s.requests[1].headers['If-None-Match'], '"e1"');
  assert.equal(statusLine(again.status), `Checked ${clock(NOW)}: Riverside Family Dental, serial 14 is current`);
});

test('every failure keeps the last good policy and says why', async () => {
  const s = setup();
  s.replies.push(ok(sign({ name: 'Riverside Family Dental' }, 14)));
  assert.equal((await s.server.refresh()).ok, true);
  const good15 = sign({ name: 'Riverside v15' }, 15);
  const huge = new ReadableStream({
    start(c) {
      for (let i = 0; i < 600; i++) c.enqueue(new Uint8Array(1024));
      c.close();
    },
  });
  const cases = [
    [ok(good15.replace('"name":"Riverside v15"', '"name":"Riverside v99"'), '"e2"'), 'signature does not match'],
    [ok(sign({ name: 'Old' }, 9), '"e3"'), 'not newer than the policy in force'],
    // (A signed but invalid policy cannot be made with the CLI, which
    // validates first; wasm/wasmhost's parity test covers that refusal.)
    [ok('{"name": "unsigned"}', '"e5"'), 'not a signed policy bundle'],
    [new TypeError('Failed to fetch'), 'cannot reach the server'],
    [new Response('{"error":"x"}', { status: 503 }), 'server error (HTTP 503)'],
    [new Response('{"error":"x"}', { status: 401 }), 'refused the read token'],
    [new Response(huge, { status: 200 }), 'larger than 512 KB'],
    [{ status: 200, ok: true, redirected: true, url: 'http://evil.example/p', headers: new Headers(), body: null }, 'redirected away from https'],
  ];
  for (const [reply, reason] of cases) {
    s.replies.push(reply);
    const r = await s.server.refresh();
    assert.equal(r.ok, false, reason);
    assert.ok(r.status.reason.includes(reason), `${r.status.reason} should say ${reason}`);
    assert.equal(statusLine(r.status), `Update failed ${clock(NOW)}: ${r.status.reason} — keeping Riverside Family Dental, serial 14`);
    const active = await s.policy.active();
    assert.deepEqual([active.name, active.serial], ['Riverside Family Dental', 14]);
  }
  // And a good newer one still goes through afterwards.
  s.replies.push(ok(good15, '"e6"'));
  assert.equal((await s.server.refresh()).ok, true);
  assert.equal((await s.policy.active()).serial, 15);
});

test('with a public key configured, an unsigned policy URL is refused', async () => {
  const s = setup();
  const r = await s.policy.load({ source: 'url', url: 'https://example.org/p.json' });
  assert.equal(r.ok, false);
  assert.match(r.error, /only signed policies/);
});

test('IT-managed server settings win and cannot be changed here', async () => {
  const s = setup({ managed: { policy_server_url: 'https://it.example.org', policy_server_org: 'group', policy_server_read_token: 'rgr_it', policy_server_public_key: PUBLIC_KEY, policy_refresh_minutes: 5 } });
  const c = await s.server.config();
  assert.deepEqual([c.url, c.org, c.refreshMinutes, c.managed], ['https://it.example.org', 'group', 5, true]);
  const r = await s.server.configure(CONFIG);
  assert.deepEqual([r.ok, r.locked], [false, true]);
  const st = await s.server.status();
  assert.equal(JSON.stringify(st).includes('rgr_it'), false, 'the token is not handed to pages');
});

test('configure validates before storing, including the key (in the engine)', async () => {
  const s = setup();
  const bad = await s.server.configure({ ...CONFIG, publicKey: 'not a key' });
  assert.equal(bad.ok, false);
  assert.match(bad.error, /Public key/);
  assert.deepEqual(configProblems({ url: 'http://example.org', org: 'Bad Name', readToken: '', publicKey: 'k' }).map((p) => p.field), ['url', 'org', 'readToken']);
  assert.equal(serverUrlProblem('http://127.0.0.1:8080'), null);
  assert.equal(serverUrlProblem('http://localhost:8080/'), null);
  assert.match(serverUrlProblem('http://policies.example.org'), /https/);
  assert.equal(redirectAllowed('https://a.example/p', 'https://b.example/p'), true);
  assert.equal(redirectAllowed('https://a.example/p', 'http://127.0.0.1:8080/p'), false, 'never away from https');
  assert.equal(redirectAllowed('http://127.0.0.1:8080/p', 'http://127.0.0.1:8080/q'), true);
  assert.equal(redirectAllowed('http://127.0.0.1:8080/p', 'http://localhost:9/p'), false);
});

test('readCapped stops reading past the limit and cancels the download', async () => {
  let cancelled = false;
  let pulled = 0;
  const body = new ReadableStream({
    pull(c) {
      pulled++;
      c.enqueue(new Uint8Array(64 * 1024));
    },
    cancel() {
      cancelled = true;
    },
  });
  await assert.rejects(readCapped(new Response(body), 512 * 1024), /larger than 512 KB/);
  assert.equal(cancelled, true);
  assert.ok(pulled <= 10, `read ${pulled} chunks of an endless body`);
  assert.equal(await readCapped(new Response('{"a":1}')), '{"a":1}');
});

test('saving again without a token keeps the saved one; stopping drops the server policy', async () => {
  const s = setup();
  s.replies.push(ok(sign({ name: 'Riverside Family Dental' }, 20)));
  const saved = await s.server.configure({ ...CONFIG, readToken: '', keepToken: true, refreshMinutes: 10 });
  assert.equal(saved.ok, true, JSON.stringify(saved));
  assert.equal(s.requests.at(-1).headers.Authorization, 'Bearer rgr_secret', 'the saved token is kept');
  assert.equal((await s.server.config()).refreshMinutes, 10);
  assert.equal((await s.policy.active()).serial, 20);

  const stopped = await s.server.configure(null);
  assert.deepEqual([stopped.ok, stopped.configured], [true, false]);
  assert.equal((await s.policy.active()).source, 'default');
  assert.equal(await s.store.get(KEYS.policyServer), undefined);
  assert.equal((await s.server.refresh()).configured, false);
});
