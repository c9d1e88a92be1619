// The options page's "Always ignored" list and the key file for the list.
// Each entry says what it silences, why, who decided and until when, and can
// be revoked; expired entries no longer apply and are shown as such. The key
// file carries this browser's ignore-list key, sealed under a passphrase, so
// an exported list can be used in another browser.

import { exportKeyFile, importKeyFile } from '../background/ignore-keys.js';

const $ = (id) => document.getElementById(id);
const CATEGORY_WORDS = { phi: 'PHI risk', canned: 'Canned', length: 'Length', manners: 'Manners', conduct: 'Conduct', routing: 'Routing' };

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

// renderIgnored fills the table from state; send/render are the page's.
export function renderIgnored(state, { send, render, now = Date.now() }) {
  const locked = state.managed.locked.has('ignored');
  $('ignored-locked').hidden = !locked;
  const rows = state.ignored.map((e) => {
    const tr = document.createElement('tr');
    const live = Boolean(e.keyId) && e.expiresAt > now;
    tr.dataset.state = live ? 'active' : 'expired';
    const what = `${CATEGORY_WORDS[e.category] ?? e.category}${e.severity === 'error' ? ' (error)' : ''}: ${e.message || e.rule}`;
    const until = !e.keyId ? 'Old entry, no longer applied' : live ? `until ${new Date(e.expiresAt).toLocaleDateString()}` : `Expired ${new Date(e.expiresAt).toLocaleDateString()}`;
    tr.append(
      cell(what),
      cell(e.reason || '—'),
      cell(`${e.by || '—'}${e.addedAt ? `, ${new Date(e.addedAt).toLocaleString()}` : ''}`),
      cell(until, live ? '' : 'muted'),
    );
    const td = document.createElement('td');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'button';
    remove.textContent = live ? 'Revoke' : 'Remove';
    remove.disabled = locked;
    remove.setAttribute('aria-label', `${remove.textContent}: ${what}`);
    remove.addEventListener('click', async () => {
      await send({ type: 'unignore', phraseHash: e.phraseHash, rule: e.rule, keyId: e.keyId });
      await render();
    });
    td.append(remove);
    tr.append(td);
    return tr;
  });
  $('ignored-rows').replaceChildren(...rows);
  $('ignored-table').hidden = rows.length === 0;
  $('ignored-empty').hidden = rows.length > 0;
}

function say(text, ok) {
  const box = $('key-result');
  box.hidden = false;
  box.textContent = text;
  box.classList.toggle('ok', ok);
  box.setAttribute('role', ok ? 'status' : 'alert');
}

// Key file: export (sealed under a passphrase) and import.
export function wireKeyFile() {
  $('export-key').addEventListener('click', async () => {
    try {
      const file = await exportKeyFile($('key-passphrase').value);
      const blob = new Blob([JSON.stringify(file, null, 2) + '\n'], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `replyguard-key-${file.key_id}.json`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      say(`Saved the key file for key ${file.key_id}. Keep it and its passphrase apart from the settings file.`, true);
    } catch (err) {
      say(`The key file was not made: ${err.message}.`, false);
    }
  });
  $('import-key').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    e.target.value = '';
    try {
      const id = await importKeyFile(await file.text(), $('key-passphrase').value);
      say(`Imported key ${id}: ignore lists made with it work here now. Import the settings file again if it was refused.`, true);
    } catch (err) {
      say(`${file.name} was not imported: ${err.message}.`, false);
    }
  });
}
