// Parity over the whole labelled corpus (core/testdata/corpus/*.jsonl): every
// reply goes through engine.js + engine.wasm and through the native Go engine
// (the CLI, `replyguard check --jsonl --engine native`); the findings must be
// identical: rule, category, severity, start, end, message, suggestion. And
// engine.js's two paths through the module agree on the whole response.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadEngine } from './engine.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = path.join(ROOT, 'core', 'testdata', 'corpus');

function corpusRequests() {
  const out = [];
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.jsonl')).sort()) {
    readFileSync(path.join(CORPUS, file), 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const { text, comment, platform, recent } = JSON.parse(line);
      if (typeof text === 'string') out.push({ where: `${file}:${i + 1}`, req: { text, comment, platform, recent } });
    });
  }
  return out;
}

// nativeFindings runs the requests through the native engine, one JSONL line
// each, built from this checkout (go's build cache makes this quick).
function nativeFindings(reqs) {
  const dir = mkdtempSync(path.join(tmpdir(), 'replyguard-cli-'));
  try {
    const bin = path.join(dir, 'replyguard');
    execFileSync('go', ['build', '-o', bin, './cmd/replyguard'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    let out;
    try {
      out = execFileSync(bin, ['check', '--jsonl', '--engine', 'native'], {
        input: reqs.map(({ req }, i) => JSON.stringify({ id: i, ...req })).join('\n') + '\n',
        maxBuffer: 64 << 20,
      });
    } catch (err) {
      out = err.stdout; // exit status 1 only means some reply had findings
      if (err.status !== 1) throw err;
    }
    return out.toString().trim().split('\n').map((l) => JSON.parse(l));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('engine.js agrees with the native engine on every corpus reply', async () => {
  const reqs = corpusRequests();
  assert.ok(reqs.length >= 100, `only ${reqs.length} corpus replies in ${CORPUS}`);
  const native = nativeFindings(reqs);
  assert.equal(native.length, reqs.length);
  const engine = await loadEngine(readFileSync(path.join(ROOT, 'wasm', 'engine.wasm')));
  let findings = 0;
  reqs.forEach(({ where, req }, i) => {
    const want = native[i];
    if (want.error !== undefined) {
      assert.throws(() => engine.check(req), undefined, `${where}: native error ${want.error}`);
      return;
    }
    const got = engine.check(req).findings.map(({ rule, category, severity, start, end, message, suggestion }) =>
      suggestion === undefined ? { rule, category, severity, start, end, message } : { rule, category, severity, start, end, message, suggestion },
    );
    assert.deepEqual(got, want.findings, where);
    findings += got.length;
    // The compact path (check_compact) and the JSON one give the same
    // whole response: findings with edits, comment and fingerprint.
    assert.deepEqual(engine.check(req), engine.checkJSON(req), `${where}: compact and JSON paths differ`);
  });
  assert.ok(findings > 0, 'the corpus produced no findings at all');
});
