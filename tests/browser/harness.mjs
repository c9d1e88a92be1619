// Shared launcher for the browser suite: Debian's Chromium through
// playwright-core, with the extension as shipped (dist/), and the fixture pages
// served over HTTPS with a strict CSP under the real hostnames.
//
//   const h = await launch();                       // extension loaded
//   const page = await h.page(h.baseUrl('www.facebook.com') + '/facebook/');
//   ...
//   await h.close();
//
// launch({extensionDir}) loads another copy of the extension (a test that
// breaks its engine on purpose). launch({managedPolicy}) writes Chromium's managed policy for the extension
// to /etc/chromium/policies/managed/replyguard-test.json (the suite runs as
// root, like CI) and removes it on close. managedPolicy may be a function of
// baseUrl, for settings that name the fixture server (a policy_url).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../fixtures/server.mjs';
import { FIXTURE_HOSTS, throwawayCertificate } from '../fixtures/cert.mjs';
import { buildFixtures } from '../fixtures/build.mjs';

export const CHROMIUM = '/usr/bin/chromium';
export const EXTENSION_ID = 'mbggdkhgambolhanndomfajmimbgdend';
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MANAGED_POLICY_FILE = '/etc/chromium/policies/managed/replyguard-test.json';
export { FIXTURE_HOSTS };

// extensionDir returns what the suite loads: dist/ (the shipped files),
// rebuilt first when a source file is newer than it.
// REPLYGUARD_EXTENSION_DIR overrides (for example the repo root).
export async function extensionDir() {
  if (process.env.REPLYGUARD_EXTENSION_DIR) return path.resolve(process.env.REPLYGUARD_EXTENSION_DIR);
  const { buildExtension, distIsStale, DIST } = await import('../../scripts/build-extension.mjs');
  if (distIsStale()) await buildExtension({ quiet: true });
  return DIST;
}

export async function launch({ withExtension = true, profileDir, managedPolicy, extraArgs = [], headless, extensionDir: ownDir } = {}) {
  await buildFixtures();
  const { spkiHash } = await throwawayCertificate();
  const server = await startServer();
  const ownProfile = !profileDir;
  profileDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'replyguard-profile-'));
  const baseUrl = (host = 'www.facebook.com') => `https://${host}:${server.port}`;
  if (managedPolicy) {
    writeManagedPolicy(typeof managedPolicy === 'function' ? managedPolicy(baseUrl) : managedPolicy);
  }

  const resolverRules = FIXTURE_HOSTS.map((h) => `MAP ${h} 127.0.0.1`)
    // Everything else fails to resolve: a test can never reach the internet.
    .concat('MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1')
    .join(',');
  const args = [
    `--host-resolver-rules=${resolverRules}`,
    `--ignore-certificate-errors-spki-list=${spkiHash}`,
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-domain-reliability',
    '--metrics-recording-only',
    '--password-store=basic',
  ];
  let dir;
  if (withExtension) {
    dir = ownDir ?? (await extensionDir());
    args.push(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
  }
  args.push(...extraArgs);

  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: headless ?? process.env.HEADED !== '1',
      args,
      // Playwright adds --disable-extensions by default; drop it.
      ignoreDefaultArgs: ['--disable-extensions'],
      viewport: { width: 1280, height: 900 },
    });
  } catch (err) {
    if (managedPolicy) removeManagedPolicy();
    await server.close();
    throw err;
  }

  let serviceWorker = null;
  if (withExtension) serviceWorker = await findServiceWorker(context);

  const handle = {
    context,
    extensionId: withExtension ? EXTENSION_ID : null,
    extensionDir: dir,
    get serviceWorker() {
      return currentServiceWorker(context) ?? serviceWorker;
    },
    server,
    profileDir,
    baseUrl,
    async page(url) {
      const p = await context.newPage();
      if (url) await p.goto(url.startsWith('/') ? baseUrl() + url : url);
      return p;
    },
    extensionUrl(rel) {
      return `chrome-extension://${EXTENSION_ID}/${rel.replace(/^\//, '')}`;
    },
    async close() {
      await context.close().catch(() => {});
      await server.close();
      if (managedPolicy) removeManagedPolicy();
      if (ownProfile) fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
  return handle;
}

function currentServiceWorker(context) {
  return context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`)) ?? null;
}

async function findServiceWorker(context, timeout = 10_000) {
  const found = currentServiceWorker(context);
  if (found) return found;
  try {
    return await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`),
      timeout,
    });
  } catch {
    return null; // no service worker registered (yet): tests that need one fail on their own
  }
}

// wakeServiceWorker starts the worker again (any extension page or event does)
// and returns Playwright's handle for it.
export async function wakeServiceWorker(handle, timeout = 10_000) {
  return currentServiceWorker(handle.context) ?? findServiceWorker(handle.context, timeout);
}

// stopServiceWorker stops the extension's service worker the way Chromium does
// when it goes idle, for cold-start tests, through chrome://serviceworker-internals
// (CDP's ServiceWorker.stopAllWorkers does not reach extension workers). It
// resolves once Chromium reports the worker stopped; the next extension event
// starts it again. Playwright may keep a stale Worker handle for the stopped
// worker: evaluate in the worker only before stopping it.
export async function stopServiceWorker(handle, timeout = 5000) {
  const page = await handle.context.newPage();
  try {
    await page.goto('chrome://serviceworker-internals/');
    const registration = page
      .locator('.serviceworker-registration')
      .filter({ hasText: `chrome-extension://${EXTENSION_ID}/` });
    if (!(await registration.getByText('Running Status: RUNNING').count())) return;
    await registration.getByText('Stop', { exact: true }).first().click({ timeout });
    await registration.getByText('Running Status: STOPPED').waitFor({ timeout });
  } finally {
    await page.close();
  }
}

// serviceWorkerRunning reports whether Chromium has the extension's worker running.
export async function serviceWorkerRunning(handle) {
  const page = await handle.context.newPage();
  try {
    await page.goto('chrome://serviceworker-internals/');
    const registration = page
      .locator('.serviceworker-registration')
      .filter({ hasText: `chrome-extension://${EXTENSION_ID}/` });
    return (await registration.getByText('Running Status: RUNNING').count()) > 0;
  } finally {
    await page.close();
  }
}

export function writeManagedPolicy(settings) {
  fs.mkdirSync(path.dirname(MANAGED_POLICY_FILE), { recursive: true });
  const doc = { '3rdparty': { extensions: { [EXTENSION_ID]: settings } } };
  fs.writeFileSync(MANAGED_POLICY_FILE, JSON.stringify(doc, null, 2));
}

export function removeManagedPolicy() {
  fs.rmSync(MANAGED_POLICY_FILE, { force: true });
}

// sendToWorker posts a protocol message from an extension page (as the popup
// would) and returns the reply; useful to inspect state without reaching into
// the worker's internals.
export async function sendToWorker(handle, message) {
  const page = await handle.context.newPage();
  try {
    await page.goto(handle.extensionUrl('extension/popup/popup.html')).catch(() => {});
    return await page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  } finally {
    await page.close();
  }
}
