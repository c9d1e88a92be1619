// A small lint of the packaged extension against the Manifest V3 rules the
// project relies on for the Chrome Web Store:
//   - no "key" (the store assigns the id) and manifest_version 3;
//   - every permission is used by the shipped code, and no API is used
//     whose permission is missing;
//   - host permissions are only the sites the content script runs on;
//   - no remote code: extension pages' CSP allows only 'self' (and
//     'wasm-unsafe-eval' for the engine), no eval / new Function, no script
//     or import from a URL outside the package;
//   - every file the manifest names is in the package;
//   - the offscreen document's reasons match what it does;
//   - web-accessible files are scripts/styles/data with use_dynamic_url.
//   node scripts/lint-manifest.mjs [dist/replyguard-extension.zip]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipFiles } from './zip.mjs';

// permission -> what in the code uses it.
const PERMISSION_USES = {
  storage: /\bchrome\.storage\b/,
  alarms: /\bchrome\.alarms\b/,
  offscreen: /\bchrome\.offscreen\b/,
};
// Offscreen reason -> what the document's own code must do for it.
const OFFSCREEN_REASONS = {
  WORKERS: /\bnew Worker\(/,
  DOM_PARSER: /\bnew DOMParser\(/,
  CLIPBOARD: /\bnavigator\.clipboard\b|execCommand\(['"](copy|paste)/,
  BLOBS: /\bURL\.createObjectURL\(/,
};
const CSP_ALLOWED = new Set(["'self'", "'wasm-unsafe-eval'", "'none'"]);

// lintPackage returns a list of problems ([] when the package passes).
// files: Map name -> Buffer.
export function lintPackage(files) {
  const problems = [];
  const text = (name) => files.get(name)?.toString('utf8') ?? '';
  if (!files.has('manifest.json')) return ['manifest.json is missing'];
  let m;
  try {
    m = JSON.parse(text('manifest.json'));
  } catch (err) {
    return [`manifest.json is not JSON: ${err.message}`];
  }
  if (m.manifest_version !== 3) problems.push('manifest_version must be 3');
  if ('key' in m) problems.push('manifest.json has a "key": the Web Store refuses it (the build adds one to development builds only)');
  for (const f of ['name', 'version', 'description']) if (typeof m[f] !== 'string' || !m[f]) problems.push(`${f} is required`);
  if (String(m.description ?? '').length > 132) problems.push('description is longer than 132 characters');

  const scripts = [...files.keys()].filter((n) => /\.(m?js)$/.test(n));
  const code = scripts.map((n) => text(n)).join('\n');
  const pages = [...files.keys()].filter((n) => n.endsWith('.html'));

  // Permissions: declared <=> used.
  for (const p of m.permissions ?? []) {
    if (!PERMISSION_USES[p]) problems.push(`permissions: "${p}" is not one this lint knows the project uses`);
    else if (!PERMISSION_USES[p].test(code)) problems.push(`permissions: "${p}" is declared but no shipped script uses it`);
  }
  for (const [p, re] of Object.entries(PERMISSION_USES)) {
    if (re.test(code) && !(m.permissions ?? []).includes(p)) problems.push(`permissions: the code uses ${re.source.replace(/\\b|\\/g, '')} without "${p}"`);
  }
  const contentMatches = new Set((m.content_scripts ?? []).flatMap((c) => c.matches ?? []));
  for (const h of m.host_permissions ?? []) {
    if (!contentMatches.has(h)) problems.push(`host_permissions: "${h}" is not a site the content script runs on`);
  }

  // No remote code.
  const csp = m.content_security_policy?.extension_pages ?? '';
  for (const directive of csp.split(';').map((d) => d.trim()).filter(Boolean)) {
    const [name, ...sources] = directive.split(/\s+/);
    if (!['script-src', 'object-src', 'worker-src', 'default-src'].includes(name)) continue;
    for (const s of sources) if (!CSP_ALLOWED.has(s)) problems.push(`content_security_policy: ${name} allows ${s} (only 'self' and 'wasm-unsafe-eval')`);
  }
  if (m.content_security_policy?.sandbox) problems.push('content_security_policy: no sandbox pages are expected');
  for (const n of scripts) {
    const src = text(n);
    if (/(^|[^\w.])eval\(|new Function\(/.test(src)) problems.push(`${n}: eval or new Function (remote-code rule)`);
    if (/\bimport\s*(\(\s*)?['"`]https?:|importScripts\(\s*['"`]https?:/.test(src)) problems.push(`${n}: imports code from a URL`);
  }
  for (const n of pages) {
    const html = text(n);
    if (/<script[^>]+src=["']?(https?:)?\/\//i.test(html)) problems.push(`${n}: loads a script from outside the package`);
    if (/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i.test(html)) problems.push(`${n}: inline script (blocked by the extension CSP)`);
  }

  // Files the manifest names.
  const refs = [
    ...Object.values(m.icons ?? {}),
    ...Object.values(m.action?.default_icon ?? {}),
    m.action?.default_popup,
    m.options_ui?.page,
    m.background?.service_worker,
    m.storage?.managed_schema,
    ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
  ].filter(Boolean);
  for (const r of refs) if (!files.has(r)) problems.push(`manifest names ${r}, which is not in the package`);

  // The offscreen document: each reason the code declares must match what
  // the document's scripts do.
  for (const n of scripts) {
    const src = text(n);
    if (!/\bcreateDocument\(/.test(src)) continue;
    const url = /url:\s*['"]([^'"]+)['"]|const DOCUMENT = ['"]([^'"]+)['"]/.exec(src);
    const doc = url?.[1] ?? url?.[2];
    const reasons = [...(/reasons:\s*\[([^\]]*)\]/.exec(src)?.[1] ?? '').matchAll(/['"](\w+)['"]/g)].map((x) => x[1]);
    if (!doc || !files.has(doc)) {
      problems.push(`${n}: offscreen document ${doc ?? '(unknown)'} is not in the package`);
      continue;
    }
    const docScripts = [...text(doc).matchAll(/<script[^>]+src=["']([^"']+)["']/g)].map((x) => path.posix.join(path.posix.dirname(doc), x[1]));
    const docCode = docScripts.map((s) => text(s)).join('\n');
    if (!reasons.length) problems.push(`${n}: offscreen createDocument without reasons`);
    for (const r of reasons) {
      if (!OFFSCREEN_REASONS[r]) problems.push(`${n}: offscreen reason ${r} is not one the document's code can justify`);
      else if (!OFFSCREEN_REASONS[r].test(docCode)) problems.push(`${n}: offscreen reason ${r}, but ${doc} does not do that`);
    }
  }

  for (const w of m.web_accessible_resources ?? []) {
    if (w.use_dynamic_url !== true) problems.push('web_accessible_resources: use_dynamic_url must be true (pages cannot probe for the extension)');
    for (const r of w.resources ?? []) if (!/\.(js|css|json)$/.test(r)) problems.push(`web_accessible_resources: ${r} (only scripts, styles and data)`);
  }
  return problems;
}

export function lintZip(zipPath) {
  const files = new Map(unzipFiles(fs.readFileSync(zipPath)).map((f) => [f.name, f.data]));
  return lintPackage(files);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const zip = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'replyguard-extension.zip');
  const problems = lintZip(zip);
  for (const p of problems) console.error(`manifest lint: ${p}`);
  if (problems.length) process.exit(1);
  console.error(`   manifest lint: ${path.basename(zip)} passes`);
}
