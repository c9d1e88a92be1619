// The options page's own-practice card: the same fields as the setup page
// (saved as a local policy the engine validates), "Pause for 1 hour",
// per-category switches where the policy allows staff to turn one off, and
// problems with the policy's selector overrides (the built-in selector stays
// in use for each).

import { KEYS, CATEGORIES } from '../shared/keys.js';
import { fieldsFromPolicy, policyFromFields, readPracticeForm, renderPracticeForm, showErrors } from '../shared/practice-form.js';
import { send } from '../shared/state.js';

const $ = (id) => document.getElementById(id);
const PAUSE_MS = 3600_000;
const CATEGORY_NAMES = { phi: 'PHI risks', canned: 'Canned replies', length: 'Length', manners: 'Manners', conduct: 'Conduct toward complaints', routing: 'Routing to the right person' };
let rendered = '';
let current = null;

export async function renderOptionsForm(state) {
  current = state;
  const locked = state.managed.locked.has('policy');
  $('practice-card').hidden = false;
  $('practice-locked').hidden = !locked;
  $('practice-fields').disabled = locked;
  // Re-render the form only when the policy changed, never under typing.
  const text = state.record?.text ?? '';
  if (text !== rendered && !$('practice-form').contains(document.activeElement)) {
    rendered = text;
    renderPracticeForm($('practice-form'), fieldsFromPolicy(text ? JSON.parse(text) : null), { learnedName: state.learnedNames[0] ?? '' });
  }
  renderPause(state.settings);
  renderRuleSwitches(state);
  await renderSelectorProblems(state.view.selectors);
}

function renderPause(settings) {
  const until = settings.pausedUntil ?? 0;
  const paused = until > Date.now();
  $('pause').textContent = paused ? 'Resume now' : 'Pause for 1 hour';
  $('pause-status').textContent = paused ? `Paused until ${new Date(until).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}: replies are not checked.` : '';
}

function renderRuleSwitches(state) {
  const allowed = CATEGORIES.filter((c) => state.view.staffMayDisable.includes(c));
  const off = new Set(state.settings.categoriesOff ?? []);
  $('rules-card').hidden = allowed.length === 0;
  $('rule-switches').replaceChildren(
    ...allowed.map((c) => {
      const row = document.createElement('div');
      row.className = 'switch-row';
      const label = document.createElement('label');
      label.htmlFor = `rule-${c}`;
      label.textContent = CATEGORY_NAMES[c];
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.className = 'switch';
      input.setAttribute('role', 'switch');
      input.id = `rule-${c}`;
      input.checked = !off.has(c);
      input.addEventListener('change', () => saveSettings((s) => ({ ...s, categoriesOff: toggled(s.categoriesOff, c, !input.checked) })));
      const text = document.createElement('div');
      text.className = 'switch-text';
      text.append(label);
      row.append(text, input);
      return row;
    }),
  );
}

function toggled(list, item, on) {
  const set = new Set(list ?? []);
  if (on) set.add(item);
  else set.delete(item);
  return [...set];
}

async function renderSelectorProblems(overrides) {
  const box = $('selector-problems');
  if (!overrides?.length) {
    box.hidden = true;
    return;
  }
  const { loadAdapters } = await import('../content/adapters.js');
  const { problems } = await loadAdapters(overrides);
  box.hidden = problems.length === 0;
  $('selector-problem-list').replaceChildren(
    ...problems.map((p) => {
      const li = document.createElement('li');
      li.textContent = `${p.path}: ${p.error}`;
      return li;
    }),
  );
}

async function saveSettings(fn) {
  const { [KEYS.settings]: settings = {} } = await chrome.storage.local.get(KEYS.settings);
  await chrome.storage.local.set({ [KEYS.settings]: fn(settings) });
}

$('pause').addEventListener('click', () =>
  saveSettings((s) => ({ ...s, pausedUntil: (s.pausedUntil ?? 0) > Date.now() ? 0 : Date.now() + PAUSE_MS })),
);

$('practice-save').addEventListener('click', async () => {
  const values = readPracticeForm($('practice-form'));
  const base = current?.localPolicy?.text ? JSON.parse(current.localPolicy.text) : current?.record?.text ? JSON.parse(current.record.text) : {};
  const r = await send({ type: 'policy.load', source: 'setup', text: JSON.stringify(policyFromFields(base, values), null, 2) });
  $('practice-result').hidden = false;
  $('practice-result-title').textContent = r.ok ? 'Saved.' : `Not saved: ${r.error}`;
  showErrors($('practice-form'), $('practice-errors'), r.ok ? [] : r.errors);
});
