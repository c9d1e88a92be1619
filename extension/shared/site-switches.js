// Per-site on/off switches, shared by the popup and the options page. A
// switch IT has locked is disabled and says so; otherwise a change is saved
// to chrome.storage.local, where the service worker and content scripts see it.

import { KEYS, SITES } from './keys.js';
import { effectiveSites } from './managed.js';

export const SITE_LABELS = {
  facebook: 'Facebook and Business Suite',
  instagram: 'Instagram',
};

// renderSiteSwitches fills `container` with one switch per site.
export function renderSiteSwitches(container, { settings, managed }) {
  const sites = effectiveSites(settings, managed);
  const locked = managed.locked.has('sites');
  container.replaceChildren();
  for (const site of SITES) {
    const id = `site-${site}`;
    const row = document.createElement('div');
    row.className = 'switch-row';
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = SITE_LABELS[site];
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.id = id;
    input.className = 'switch';
    input.setAttribute('role', 'switch');
    input.checked = sites[site];
    input.dataset.site = site;
    const text = document.createElement('div');
    text.className = 'switch-text';
    text.append(label);
    if (locked) {
      input.disabled = true;
      const note = document.createElement('span');
      note.className = 'locked';
      note.id = `${id}-locked`;
      note.textContent = 'Locked by your organization';
      input.setAttribute('aria-describedby', note.id);
      text.append(note);
    }
    row.append(text);
    input.addEventListener('change', () => saveSite(site, input.checked));
    row.append(input);
    container.append(row);
  }
}

async function saveSite(site, on) {
  const { [KEYS.settings]: settings = {} } = await chrome.storage.local.get(KEYS.settings);
  await chrome.storage.local.set({ [KEYS.settings]: { ...settings, sites: { ...(settings.sites ?? {}), [site]: on } } });
}
