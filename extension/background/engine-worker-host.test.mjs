// The offscreen document's engine worker is replaced when it fails to load,
// crashes or stops answering, and the replacement holds the same policy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorkerEngine } from './engine-worker-host.js';
import { FakeEngine } from './testdata/fakes.mjs';

// fakeWorkers spawns workers that behave as plan() says for each start:
// {load: 'ok' | 'fail' | 'crash' | 'never', hang: op name that never answers}.
function fakeWorkers(plan) {
  const spawned = [];
  const spawn = () => {
    const listeners = { message: [], error: [] };
    const engine = new FakeEngine();
    const how = plan(spawned.length);
    const w = {
      terminated: false,
      engine,
      addEventListener: (type, fn) => listeners[type].push(fn),
      emit: (type, data) => setTimeout(() => listeners[type].forEach((fn) => fn(type === 'message' ? { data } : data)), 1),
      terminate() {
        w.terminated = true;
      },
      postMessage({ id, op, arg }) {
        if (w.terminated || op === how.hang) return;
        if (op === 'version') return w.emit('message', { id, result: { abi: 1, go: 'fake' } });
        w.emit('message', { id, result: engine[op](arg) });
      },
    };
    if (how.load === 'ok') w.emit('message', { loaded: 7 });
    if (how.load === 'fail') w.emit('message', { failed: 'HTTP 404' });
    if (how.load === 'crash') w.emit('error', { message: 'out of memory' });
    spawned.push(w);
    return w;
  };
  return { spawn, spawned };
}

test('a failed or crashed load is not kept: the next call starts a new worker', async () => {
  const { spawn, spawned } = fakeWorkers((n) => ({ load: ['fail', 'crash', 'ok'][n] }));
  const host = createWorkerEngine({ spawn });
  await assert.rejects(host.engine(), /engine: could not load \(HTTP 404\)/);
  await assert.rejects(host.engine(), /engine: crashed \(out of memory\)/);
  const engine = await host.engine();
  assert.deepEqual((await engine.check({ text: 'your root canal' })).findings.map((f) => f.category), ['phi']);
  assert.deepEqual(spawned.map((w) => w.terminated), [true, true, false]);
  assert.equal(host.state.loadMs, 7);
});

test('a stuck call ends the worker; the next one holds the same policy', async () => {
  const { spawn, spawned } = fakeWorkers((n) => ({ load: 'ok', hang: n === 0 ? 'check' : null }));
  const host = createWorkerEngine({ spawn, callTimeoutMs: 30 });
  const policy = JSON.stringify({ name: 'Bright Smiles', version: '3' });
  assert.equal((await host.setPolicy(policy)).ok, true);
  await assert.rejects((await host.engine()).check({ text: 'x' }), /engine: check did not answer within 0\.03 s/);
  assert.equal(spawned[0].terminated, true);
  const r = await (await host.engine()).check({ text: 'your root canal' });
  assert.equal(r.findings.length, 1);
  assert.equal(spawned[1].engine.policy, policy, 'the replacement took up the policy');
  assert.deepEqual(await host.setPolicy(policy), { ok: true, errors: [], unchanged: true });
});

test('a load that never finishes is given up on', async () => {
  const { spawn, spawned } = fakeWorkers((n) => ({ load: n === 0 ? 'never' : 'ok' }));
  const host = createWorkerEngine({ spawn, loadTimeoutMs: 30 });
  await assert.rejects(host.engine(), /did not load within 0\.03 s/);
  await host.engine();
  assert.equal(spawned.length, 2);
});
