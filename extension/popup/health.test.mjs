import assert from 'node:assert/strict';
import { test } from 'node:test';
import { healthText } from './health.js';

const NOW = Date.UTC(2026, 11, 3, 15, 0, 0);

test('the health line says plainly when ReplyGuard is not checking, and why', () => {
  const down = healthText({ ok: true, health: { state: 'down', downSince: NOW - 5000, lastError: { at: NOW - 1000, message: 'engine: could not load (HTTP 404)' } } }, 'Bright Smiles', NOW);
  assert.equal(down.state, 'down');
  assert.match(down.text, /^ReplyGuard is not checking since .*; trying again by itself · last error at .*: engine: could not load \(HTTP 404\)$/);
  assert.equal(healthText({ ok: false, error: 'no answer' }, 'P', NOW).state, 'down');
});

test('while checking it names the engine, the policy, the last check and a past recovery', () => {
  const up = healthText(
    { ok: true, health: { state: 'up', version: 'ABI 1 (go1.26)', lastCheckAt: NOW - 3 * 60_000, recoveredAt: NOW - 60_000, lastError: { at: NOW - 70_000, message: 'the engine document stopped' } } },
    'Bright Smiles',
    NOW,
  );
  assert.equal(up.state, 'up');
  assert.match(up.text, /^Checking · engine ABI 1 \(go1\.26\) · policy Bright Smiles · last check 3 minutes ago · recovered at .* after a failure \(last error at .*: the engine document stopped\)$/);
  assert.match(healthText({ ok: true, health: { state: 'up', version: 'v' } }, 'P', NOW).text, /no reply checked yet/);
});
