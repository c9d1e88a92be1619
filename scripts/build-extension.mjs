// Assembles dist/ with only the files the extension ships (manifest.json,
// extension/** without tests or docs, wasm/engine.wasm) and packs them into
// dist/replyguard-extension.zip, then lints the zip (scripts/lint-manifest.mjs).
//   node scripts/build-extension.mjs
// dist/ is a development build: its manifest gets the development key
// (scripts/dev-key.json), which fixes the extension id for the test suite
// and for IT's managed-storage test policies. The zip is what goes to the
// Chrome Web Store: the committed manifest, without a key.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintPackage } from './lint-manifest.mjs';
import { zipFiles } from './zip.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');
export const ZIP_NAME = 'replyguard-extension.zip';
const STAMP = path.join(DIST, '.build-stamp');

// Not shipped: tests, benchmarks (bench*.js, bench*.mjs and the bench*.html
// pages that load them), docs and editor leftovers.
const EXCLUDE = [/\.test\.m?js$/, /(^|\/)bench[^/]*$/, /\.md$/, /(^|\/)(tests?|testdata|docs)\//, /(^|\/)\./, /~$/];

export function shippedFiles() {
  const files = ['manifest.json'];
  for (const rel of walk(path.join(ROOT, 'extension'))) {
    const name = 'extension/' + rel;
    if (!EXCLUDE.some((re) => re.test(name))) files.push(name);
  }
  if (fs.existsSync(path.join(ROOT, 'wasm', 'engine.wasm'))) files.push('wasm/engine.wasm');
  return files.sort();
}

function walk(dir, prefix = '') {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...walk(path.join(dir, entry.name), rel + '/'));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

// distIsStale reports whether a shipped source file changed since the last build.
export function distIsStale() {
  if (!fs.existsSync(STAMP)) return true;
  const built = fs.statSync(STAMP).mtimeMs;
  const listed = fs.readFileSync(STAMP, 'utf8').trim().split('\n');
  const now = shippedFiles();
  if (listed.join('\n') !== now.join('\n')) return true;
  return now.some((f) => fs.statSync(path.join(ROOT, f)).mtimeMs > built);
}

export async function buildExtension({ quiet = false } = {}) {
  const files = shippedFiles();
  checkManifestReferences(files);
  // Build beside dist/ and swap it in, so a browser that has dist/ loaded
  // never sees it half-written.
  const next = `${DIST}.new-${process.pid}`;
  fs.rmSync(next, { recursive: true, force: true });
  const entries = [];
  for (const name of files) {
    const data = fs.readFileSync(path.join(ROOT, name));
    const out = path.join(next, name);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, name === 'manifest.json' ? devManifest(data) : data);
    entries.push({ name, data });
  }
  const problems = lintPackage(new Map(entries.map((e) => [e.name, e.data])));
  if (problems.length) {
    fs.rmSync(next, { recursive: true, force: true });
    throw new Error(`the package fails the manifest lint:\n  ${problems.join('\n  ')}`);
  }
  const zip = zipFiles(entries);
  fs.writeFileSync(path.join(next, ZIP_NAME), zip);
  fs.writeFileSync(path.join(next, '.build-stamp'), files.join('\n') + '\n');
  const old = `${DIST}.old-${process.pid}`;
  if (fs.existsSync(DIST)) fs.renameSync(DIST, old);
  fs.renameSync(next, DIST);
  fs.rmSync(old, { recursive: true, force: true });
  if (!quiet) {
    const bytes = entries.reduce((n, e) => n + e.data.length, 0);
    console.error(`   ${files.length} files, ${bytes} bytes -> dist/; ${zip.length} bytes -> dist/${ZIP_NAME}`);
    if (!files.includes('wasm/engine.wasm')) console.error('   note: wasm/engine.wasm not built yet; dist/ has no engine');
  }
  return { files, zipBytes: zip.length };
}

// devManifest adds the development key to the manifest for dist/.
function devManifest(data) {
  const { key } = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'dev-key.json'), 'utf8'));
  const m = JSON.parse(data.toString('utf8'));
  return JSON.stringify({ ...m, key }, null, 2) + '\n';
}

// checkManifestReferences fails the build when the manifest names a file that
// would not ship (a typo, or a file excluded above).
function checkManifestReferences(files) {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
  const refs = [
    ...Object.values(manifest.icons ?? {}),
    manifest.action?.default_popup,
    manifest.options_ui?.page,
    manifest.background?.service_worker,
    manifest.storage?.managed_schema,
    ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
  ].filter(Boolean);
  const missing = refs.filter((r) => !files.includes(r));
  if (missing.length) {
    const msg = `manifest.json names files that are missing: ${missing.join(', ')}`;
    if (process.env.REPLYGUARD_STRICT_BUILD === '1') throw new Error(msg);
    console.error(`   warning: ${msg}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildExtension();
}
