// ./build.sh demo: opens Chromium (with a window) with the extension as
// shipped on the local fixture pages, and keeps them served until the
// browser is closed or Ctrl+C.
//
// Needs a display (on a headless machine: xvfb-run ./build.sh demo).
// Run as root (like CI), it also pushes the fixture practice's policy as IT
// would, through Chromium's managed policy, so the popup counts the
// comments on "Bright Smiles Dental"; otherwise load
// tests/fixtures/policies/bright-smiles.json on the options page.
import { launch } from './harness.mjs';

const POLICY_PATH = '/policies/bright-smiles.json';

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.env.HEADED !== '0') {
  console.error('demo: no display. Run it under a display, e.g. `xvfb-run ./build.sh demo`, or set HEADED=0 to run headless.');
  process.exit(2);
}

const asRoot = process.getuid?.() === 0;
const h = await launch({
  headless: process.env.HEADED === '0',
  managedPolicy: asRoot ? (baseUrl) => ({ policy_url: baseUrl('policy.brightsmiles.test') + POLICY_PATH }) : undefined,
});

const pages = [
  h.baseUrl('www.facebook.com') + '/facebook/',
  h.baseUrl('www.instagram.com') + '/instagram/',
  h.baseUrl('business.facebook.com') + '/business/',
];
for (const url of pages) await h.page(url);

console.log(`ReplyGuard demo: extension ${h.extensionId} from ${h.extensionDir}`);
for (const url of pages) console.log(`  ${url}`);
console.log(`  popup:   ${h.extensionUrl('extension/popup/popup.html')}`);
console.log(`  options: ${h.extensionUrl('extension/options/options.html')}`);
console.log(asRoot ? '  policy:  Bright Smiles Dental (managed policy_url)' : `  policy:  load tests/fixtures/policies/bright-smiles.json on the options page`);
console.log('Try: "Hi Janet, sorry your root canal last Tuesday hurt. We checked your chart." in a reply box.');
console.log('Close the browser or press Ctrl+C to stop.');

let closing = false;
const stop = async () => {
  if (closing) return;
  closing = true;
  await h.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
h.context.on('close', stop);
