// The options page: load the practice policy (file or URL) and show every
// problem with its JSON path while the last good policy stays in force;
// manage the "ignore always" list; per-site switches; export/import settings.
// What IT locked through managed storage shows as locked and cannot change.

import { relativeTime, sourceLabel } from '../shared/format.js';
import { exportSettings, policyUrlProblem } from '../shared/settings-file.js';
import { renderSiteSwitches } from '../shared/site-switches.js';
import { onStateChange, readState, send } from '../shared/state.js';
import { renderIgnored, wireKeyFile } from './ignores.js';
import { renderOptionsForm } from './form.js';

const $ = (id) => document.getElementById(id);
let state = null;

async function render() {
  state = await readState();
  const { managed, view, record } = state;

  const banner = $('managed-banner');
  banner.hidden = !managed.present;
  if (managed.present) {
    const locked = LOCK_ORDER.filter((n) => managed.locked.has(n)).map((n) => LOCK_NAMES[n]);
    banner.textContent = locked.length
      ? `Your organization manages ${listWords(locked)} on this computer; they cannot be changed here.`
      : 'Your organization has set some defaults for ReplyGuard on this computer.';
  }

  $('policy-name').textContent = view.name;
  $('policy-version').textContent = view.version ? `v${view.version}` : '';
  const loaded = record?.loadedAt ? `, loaded ${relativeTime(record.loadedAt)}` : '';
  $('policy-source').textContent = `${capitalize(sourceLabel(record))}${loaded}.`;

  const policyLocked = managed.locked.has('policy');
  $('policy-locked').hidden = !policyLocked;
  $('policy-controls').disabled = policyLocked;
  const localUrl = state.localPolicy?.source === 'url' ? state.localPolicy.url : null;
  const refreshUrl = managed.policyUrl && !managed.policyText ? managed.policyUrl : localUrl;
  if (refreshUrl && !$('policy-url').value && document.activeElement !== $('policy-url')) $('policy-url').value = refreshUrl;
  $('refresh-url').hidden = !refreshUrl || policyLocked;
  $('reset-policy').hidden = !state.localPolicy;
  if (!shownResult) showStoredStatus();

  await renderOptionsForm(state);
  renderIgnored(state, { send, render });
  renderSiteSwitches($('sites'), state);
  $('export').disabled = false;
  const importLocked = managed.locked.has('import');
  $('import-file').disabled = importLocked;
  $('import-label').classList.toggle('disabled', importLocked);
  $('import-label').title = importLocked ? 'Locked by your organization' : '';

  const t = state.status?.timings ?? {};
  const perf = t.engineLoadMs != null ? ` The checker started in ${t.engineLoadMs} ms; the first check after it started took ${t.coldCheckMs} ms.` : '';
  $('diagnostics').textContent = `ReplyGuard keeps only counts, times, topic tags and fingerprints on this computer.${perf}`;
}

const LOCK_NAMES = { policy: 'the policy', sites: 'the site switches', ignored: 'the ignore list', import: 'importing settings' };
const LOCK_ORDER = Object.keys(LOCK_NAMES);

function listWords(items) {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function capitalize(s) {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

// Policy loading ----------------------------------------------------------

let shownResult = false; // a result from this page's own action is showing

// showStoredStatus shows the last load/refresh failure (e.g. an hourly
// refresh), so a broken policy URL is visible even without clicking.
function showStoredStatus() {
  const st = state.policyStatus;
  if (st && !st.ok) showPolicyResult({ ok: false, errors: st.errors ?? [], where: whereLabel(st) });
  else $('policy-result').hidden = true;
}

function whereLabel(st) {
  if (st.source === 'url' || st.source === 'managed-url') return st.url ? `The policy at ${st.url}` : 'The policy';
  if (st.source === 'file') return st.fileName ? `The file ${st.fileName}` : 'The policy file';
  if (st.source === 'managed') return "Your organization's policy";
  if (st.source === 'import') return 'The policy in the settings file';
  return 'The policy';
}

function showPolicyResult({ ok, errors = [], where, message, hostToGrant }) {
  const box = $('policy-result');
  box.hidden = false;
  box.classList.toggle('ok', ok);
  box.setAttribute('role', ok ? 'status' : 'alert');
  const list = $('policy-errors');
  list.replaceChildren(...errors.map(errorItem));
  if (ok) {
    $('policy-result-title').textContent = message;
    $('policy-kept').textContent = '';
  } else {
    const n = errors.length;
    $('policy-result-title').textContent = message ?? `${where} could not be used: ${n} problem${n === 1 ? '' : 's'}.`;
    $('policy-kept').textContent = `Your previous policy, ${state.view.name} v${state.view.version}, is still in force.`;
  }
  const grant = $('grant-host');
  grant.hidden = !hostToGrant;
  if (hostToGrant) {
    grant.textContent = `Allow ReplyGuard to read ${new URL(hostToGrant).host}`;
    grant.dataset.url = hostToGrant;
  }
}

function errorItem({ path, message }) {
  const li = document.createElement('li');
  if (path) {
    const code = document.createElement('code');
    code.className = 'path';
    code.textContent = path;
    li.append(code);
  }
  li.append(document.createTextNode(message));
  return li;
}

async function afterLoad(reply, where, url) {
  shownResult = true;
  if (reply.ok) {
    await render();
    showPolicyResult({ ok: true, message: `Loaded ${reply.policy.name} v${reply.policy.version}.` });
    return;
  }
  await render();
  const fetchFailed = url && /could not fetch/.test(reply.error ?? '') && !(await hasHost(url));
  showPolicyResult({
    ok: false,
    errors: reply.errors ?? [{ path: '', message: reply.error }],
    where,
    message: reply.locked ? reply.error : undefined,
    hostToGrant: fetchFailed ? url : null,
  });
}

async function hasHost(url) {
  try {
    return await chrome.permissions.contains({ origins: [`${new URL(url).origin}/*`] });
  } catch {
    return false;
  }
}

$('policy-file').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  const text = await file.text();
  const reply = await send({ type: 'policy.load', source: 'file', text, fileName: file.name });
  e.target.value = '';
  await afterLoad(reply, `The file ${file.name}`);
});

async function loadUrl() {
  const url = $('policy-url').value.trim();
  const problem = policyUrlProblem(url);
  if (problem) {
    shownResult = true;
    showPolicyResult({ ok: false, errors: [{ path: '', message: `The address ${problem}.` }], message: 'That address cannot be used.' });
    return;
  }
  const reply = await send({ type: 'policy.load', source: 'url', url });
  await afterLoad(reply, `The policy at ${url}`, url);
}

$('load-url').addEventListener('click', loadUrl);
$('policy-url').addEventListener('keydown', (e) => {
  if (e.key === 'Enter') loadUrl();
});

$('refresh-url').addEventListener('click', async () => {
  const reply = await send({ type: 'policy.refresh' });
  shownResult = true;
  await render();
  if (reply.ok) showPolicyResult({ ok: true, message: reply.changed ? 'Updated to the latest policy.' : 'The policy is up to date.' });
  else showPolicyResult({ ok: false, errors: reply.errors ?? [{ path: '', message: reply.error }], where: whereLabel(state.policyStatus ?? {}) });
});

// A policy host the extension may not read (no CORS, no host permission):
// ask for it from this click, then load again.
$('grant-host').addEventListener('click', async (e) => {
  const url = e.currentTarget.dataset.url;
  const granted = await chrome.permissions.request({ origins: [`${new URL(url).origin}/*`] });
  if (granted) {
    $('policy-url').value = url;
    await loadUrl();
  }
});

$('reset-policy').addEventListener('click', async () => {
  const reply = await send({ type: 'policy.reset' });
  shownResult = true;
  await render();
  if (reply.ok) showPolicyResult({ ok: true, message: `Using the built-in policy, ${reply.policy.name} v${reply.policy.version}.` });
  else showPolicyResult({ ok: false, errors: [{ path: '', message: reply.error }], message: reply.error });
});

// Ignore always: see ignores.js.
wireKeyFile();

// Export and import ---------------------------------------------------------

$('export').addEventListener('click', () => {
  const data = exportSettings({ settings: state.settings, ignored: state.ignored, localPolicy: state.localPolicy });
  const blob = new Blob([JSON.stringify(data, null, 2) + '\n'], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `replyguard-settings-${new Date().toISOString().slice(0, 10)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
});

$('import-file').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  const text = await file.text();
  e.target.value = '';
  let reply = await send({ type: 'import', settings: text });
  // A settings file may not quietly change where the policy comes from.
  if (reply.needsConfirm) {
    const lines = reply.changes.map((c) => `• ${c.field}: ${c.from ?? '(none)'} → ${c.to}`).join('\n');
    const yes = window.confirm(`${file.name} would change where this computer's policy comes from:\n${lines}\n\nA policy from a web address is not signed. Apply this change?`);
    reply = yes ? await send({ type: 'import', settings: text, confirmPolicyUrl: reply.changes[0].to }) : { ok: false, error: 'you declined the policy URL change' };
  }
  await render();
  const box = $('import-result');
  box.hidden = false;
  box.classList.toggle('ok', reply.ok);
  box.setAttribute('role', reply.ok ? 'status' : 'alert');
  if (reply.ok) {
    const skipped = reply.skipped?.length ? ` Skipped what your organization manages: ${reply.skipped.map((n) => LOCK_NAMES[n] ?? n).join(', ')}.` : '';
    $('import-result-title').textContent = `Imported settings from ${file.name}.${skipped}`;
    $('import-errors').replaceChildren();
  } else {
    const keys = reply.missingKeys?.length ? ' Its ignore list was made in another browser: import that browser\'s key file (under "Always ignored") first.' : '';
    $('import-result-title').textContent = `${file.name} was not imported: ${reply.error}. Nothing was changed.${keys}`;
    $('import-errors').replaceChildren(...(reply.errors ?? []).map(errorItem));
  }
});

onStateChange(() => render());
render().catch((err) => {
  $('policy-source').textContent = `ReplyGuard could not read its settings: ${err.message}`;
});
