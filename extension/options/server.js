// The options page's "Policy server" section: where this computer fetches
// its signed policy, and what the last update did. IT's managed settings
// lock it. The read token is sent to the service worker and never shown
// again (the page only learns whether one is set).

import { configProblems, originPattern, statusLine } from '../shared/server-config.js';
import { send } from '../shared/state.js';

const $ = (id) => document.getElementById(id);
const FIELDS = { url: 'server-url', org: 'server-org', readToken: 'server-token', publicKey: 'server-key', refreshMinutes: 'server-minutes' };

async function render() {
  const reply = await send({ type: 'server.status' });
  if (!reply?.ok) return;
  const c = reply.config;
  const locked = Boolean(c?.managed);
  $('server-locked').hidden = !locked;
  for (const id of Object.values(FIELDS)) $(id).disabled = locked;
  $('server-save').disabled = locked;
  $('server-remove').hidden = locked || !c;
  $('server-refresh').hidden = !c;
  if (c && document.activeElement?.closest?.('#server-form') == null) {
    $('server-url').value = c.url ?? '';
    $('server-org').value = c.org ?? '';
    $('server-key').value = c.publicKey ?? '';
    $('server-minutes').value = c.refreshMinutes ?? '';
    $('server-token').placeholder = c.hasToken ? 'saved (type to replace)' : 'rgr_…';
  }
  const line = reply.status ? statusLine(reply.status) : c ? 'Not checked yet.' : '';
  $('server-status').textContent = line;
  $('server-status').classList.toggle('failed', reply.status?.ok === false);
  $('server-status').hidden = !line;
}

function showErrors(problems) {
  $('server-errors').replaceChildren(
    ...problems.map((p) => {
      const li = document.createElement('li');
      li.textContent = p.message;
      return li;
    }),
  );
  for (const [field, id] of Object.entries(FIELDS)) $(id).toggleAttribute('aria-invalid', problems.some((p) => p.field === field));
}

$('server-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const config = Object.fromEntries(Object.entries(FIELDS).map(([k, id]) => [k, $(id).value.trim()]));
  if (!config.readToken) {
    // Keep the saved token when the field is left empty.
    const current = await send({ type: 'server.status' });
    if (current?.config?.hasToken && !current.config.managed) config.keepToken = true;
  }
  const problems = configProblems(config.keepToken ? { ...config, readToken: 'saved' } : config);
  if (problems.length) return showErrors(problems);
  // Ask for the server's host permission now, inside the click: without it
  // the server must allow the extension's origin (CORS). Not awaited: the
  // browser's prompt must not hold up saving.
  chrome.permissions?.request({ origins: [originPattern(config.url)] }).catch(() => false);
  const reply = await send({ type: 'server.configure', config });
  showErrors(reply.ok ? [] : reply.problems?.length ? reply.problems.map((p) => ({ message: reply.error, ...p })) : [{ message: reply.error }]);
  if (reply.ok) $('server-token').value = '';
  await render();
});

$('server-refresh').addEventListener('click', async () => {
  await send({ type: 'server.refresh' });
  await render();
});

$('server-remove').addEventListener('click', async () => {
  await send({ type: 'server.configure', config: null });
  for (const id of Object.values(FIELDS)) $(id).value = '';
  await render();
});

render();
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && (changes.serverStatus || changes.serverPolicy || changes.policyServer)) render();
});
