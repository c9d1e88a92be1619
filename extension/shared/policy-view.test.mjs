import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { DEFAULTS, policyView, samePageName } from './policy-view.js';

const defaultPolicy = JSON.parse(fs.readFileSync(new URL('../../policies/default.json', import.meta.url), 'utf8'));

test('DEFAULTS mirror policies/default.json', () => {
  assert.equal(DEFAULTS.name, defaultPolicy.name);
  assert.equal(DEFAULTS.version, defaultPolicy.version);
  assert.deepEqual(DEFAULTS.response_window, defaultPolicy.response_window);
  assert.equal(DEFAULTS.confirm_before_send, defaultPolicy.confirm_before_send);
  assert.deepEqual(DEFAULTS.ignore_always, defaultPolicy.ignore_always);
  assert.deepEqual(DEFAULTS.practice.page_names, defaultPolicy.practice.page_names);
  assert.equal(DEFAULTS.practice.name, defaultPolicy.practice.name);
});

test('the default policy file reads the same as no policy', () => {
  assert.deepEqual(policyView(JSON.stringify(defaultPolicy)), policyView(null));
});

test('fields merge over the defaults, arrays replaced whole', () => {
  const v = policyView({
    name: 'Bright Smiles',
    version: '2.1',
    practice: { page_names: ['Bright Smiles Dental'] },
    response_window: { hours: 2, business_hours: { days: ['sat'], tz: 'America/Chicago' } },
    confirm_before_send: false,
  });
  assert.equal(v.name, 'Bright Smiles');
  assert.equal(v.version, '2.1');
  assert.deepEqual(v.pageNames, ['Bright Smiles Dental']);
  assert.deepEqual(v.responseWindow, {
    hours: 2,
    business_hours: { days: ['sat'], start: '08:00', end: '17:00', tz: 'America/Chicago' },
  });
  assert.equal(v.confirmBeforeSend, false);
});

test('unreadable input falls back to the defaults', () => {
  assert.equal(policyView('{not json').name, DEFAULTS.name);
  assert.equal(policyView([1, 2]).responseWindow.hours, 4);
});

test('page names match regardless of case, spacing and punctuation', () => {
  assert.ok(samePageName('Bright Smiles Dental', 'bright  smiles dental'));
  assert.ok(samePageName('brightsmiles.dental', 'Bright Smiles Dental'));
  assert.ok(!samePageName('Bright Smiles', 'Bright Smiles Dental'));
  assert.ok(!samePageName('', ''));
});

test('ignore_always: errors stay unignorable and entries last 30 days unless the policy says otherwise', () => {
  assert.deepEqual(policyView(null).ignore, { allowErrors: false, days: 30 });
  assert.deepEqual(policyView({ ignore_always: { allow_errors: true, expire_days: 7 } }).ignore, { allowErrors: true, days: 7 });
  assert.deepEqual(policyView({ ignore_always: { expire_days: 0 } }).ignore, { allowErrors: false, days: 30 });
});
