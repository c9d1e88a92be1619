// Unit tests for the content script's pure helpers (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEditsToText, findingAt, ignoreKey, statusText, worstSeverity } from './ranges.js';

const phi = { rule: 'hipaa', category: 'phi', severity: 'error', start: 16, end: 26, message: 'mentions care details' };
const long = { rule: 'keep-it-short', category: 'length', severity: 'warning', start: 40, end: 90, message: 'too long' };
const grade = { rule: 'keep-it-short', category: 'length', severity: 'info', start: 0, end: 90, message: 'reads at grade 9' };
const routing = { rule: 'experts', category: 'routing', severity: 'info', start: 0, end: 0, message: 'billing team' };

test('statusText names categories in words, most serious first', () => {
  assert.equal(statusText([long, phi]), 'PHI risk · Too long');
  assert.equal(statusText([phi, phi]), 'PHI risk');
  assert.equal(statusText([]), '');
});

test('hints alone read as a tip and never as a warning', () => {
  assert.equal(statusText([grade]), 'Tip: Hard to read');
  assert.equal(statusText([grade, routing]), 'Tip: Hard to read · Route to expert');
  assert.equal(statusText([grade, long]), 'Too long');
});

test('worstSeverity', () => {
  assert.equal(worstSeverity([grade, long]), 'warning');
  assert.equal(worstSeverity([long, phi]), 'error');
  assert.equal(worstSeverity([]), '');
});

test('findingAt prefers the most serious, then the narrowest finding', () => {
  assert.equal(findingAt([grade, phi], 20), phi);
  assert.equal(findingAt([grade, long], 50), long);
  assert.equal(findingAt([grade], 95), null);
});

test('applyEditsToText applies edits from the end so offsets hold', () => {
  const text = 'Hi Janet, we checked your chart.';
  const edits = [
    { start: 0, end: 9, new_text: 'Hi,' },
    { start: 13, end: 31, new_text: 'can help' },
  ];
  assert.equal(applyEditsToText(text, edits), 'Hi, we can help.');
});

test('ignoreKey is per rule and phrase, case-insensitive', () => {
  const a = ignoreKey('We checked your CHART', { rule: 'r', start: 3, end: 21 });
  const b = ignoreKey('we checked your chart', { rule: 'r', start: 3, end: 21 });
  assert.equal(a, b);
  assert.notEqual(a, ignoreKey('we checked your chart', { rule: 'other', start: 3, end: 21 }));
});

