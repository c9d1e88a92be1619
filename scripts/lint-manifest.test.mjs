// The manifest lint passes the real package and catches each rule it
// enforces on a broken copy.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { buildExtension, DIST, ZIP_NAME } from './build-extension.mjs';
import { lintPackage, lintZip } from './lint-manifest.mjs';
import { unzipFiles } from './zip.mjs';

const zipPath = path.join(DIST, ZIP_NAME);
let built;
const packaged = async () => {
  built ??= buildExtension({ quiet: true });
  await built;
  return new Map(unzipFiles(fs.readFileSync(zipPath)).map((f) => [f.name, f.data]));
};

// withManifest returns the package with the manifest changed by fn.
async function withManifest(fn) {
  const files = new Map(await packaged());
  const m = JSON.parse(files.get('manifest.json'));
  fn(m);
  files.set('manifest.json', Buffer.from(JSON.stringify(m)));
  return files;
}

test('the Web Store zip passes; dist/ is the development build with the fixed id', async () => {
  await packaged();
  assert.deepEqual(lintZip(zipPath), []);
  const files = await packaged();
  assert.ok(!('key' in JSON.parse(files.get('manifest.json'))), 'no key in the store package');
  const dev = JSON.parse(fs.readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
  const { key } = JSON.parse(fs.readFileSync(new URL('./dev-key.json', import.meta.url), 'utf8'));
  assert.equal(dev.key, key);
  assert.ok(!('key' in JSON.parse(fs.readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'))), 'no key in the committed manifest');
});

test('a key, an unused or missing permission, a foreign host and remote code are refused', async () => {
  const lint = async (fn) => lintPackage(await withManifest(fn));
  assert.match((await lint((m) => (m.key = 'abc'))).join('\n'), /has a "key"/);
  assert.match((await lint((m) => m.permissions.push('tabs'))).join('\n'), /"tabs" is not one/);
  assert.match((await lint((m) => (m.permissions = m.permissions.filter((p) => p !== 'alarms')))).join('\n'), /uses chrome\.alarms without "alarms"/);
  assert.match((await lint((m) => m.host_permissions.push('https://evil.example/*'))).join('\n'), /evil\.example.*not a site/);
  assert.match((await lint((m) => (m.content_security_policy.extension_pages = "script-src 'self' https://cdn.example; object-src 'self'"))).join('\n'), /allows https:\/\/cdn\.example/);
  assert.match((await lint((m) => (m.content_security_policy.extension_pages = "script-src 'self' 'unsafe-eval'"))).join('\n'), /allows 'unsafe-eval'/);
  assert.match((await lint((m) => (m.background.service_worker = 'gone.js'))).join('\n'), /names gone\.js/);
  assert.match((await lint((m) => (m.web_accessible_resources[0].use_dynamic_url = false))).join('\n'), /use_dynamic_url/);

  const files = new Map(await packaged());
  files.set('extension/popup/popup.js', Buffer.concat([files.get('extension/popup/popup.js'), Buffer.from('\nimport("https://cdn.example/x.js");\neval("1");\n')]));
  const problems = lintPackage(files).join('\n');
  assert.match(problems, /popup\.js: imports code from a URL/);
  assert.match(problems, /popup\.js: eval/);
});

test('the offscreen reason must match what the document does', async () => {
  const files = new Map(await packaged());
  assert.deepEqual(lintPackage(files), []);
  files.set('extension/background/offscreen.js', Buffer.from(files.get('extension/background/offscreen.js').toString().replace(/new Worker\(/g, 'new Thing(')));
  assert.match(lintPackage(files).join('\n'), /offscreen reason WORKERS, but extension\/background\/offscreen\.html does not do that/);
});
