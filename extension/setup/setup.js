// First-run setup: the practice's details as a form that writes a local
// policy (validated by the engine; every problem named by its JSON path), or
// a policy file from the manager. Offers the Page staff were seen commenting
// as ("Comment as ‹Page›") for the Facebook Page name.

import { fieldsFromPolicy, policyFromFields, readPracticeForm, renderPracticeForm, showErrors } from '../shared/practice-form.js';
import { readState, send } from '../shared/state.js';

const $ = (id) => document.getElementById(id);
let state = null;

async function init() {
  state = await readState();
  const locked = state.managed.locked.has('policy');
  $('managed-note').hidden = !locked;
  for (const id of ['choices', 'form-card']) $(id).hidden = locked;
  if (locked) return;
  const current = state.record?.text ? JSON.parse(state.record.text) : null;
  renderPracticeForm($('practice-form'), fieldsFromPolicy(current), { learnedName: state.learnedNames[0] ?? '' });
}

for (const radio of document.querySelectorAll('input[name=how]')) {
  radio.addEventListener('change', () => {
    const manager = document.querySelector('input[name=how]:checked').value === 'manager';
    $('form-card').hidden = manager;
    $('manager-card').hidden = !manager;
  });
}

$('save').addEventListener('click', async () => {
  const values = readPracticeForm($('practice-form'));
  const base = state.localPolicy?.text ? JSON.parse(state.localPolicy.text) : {};
  const text = JSON.stringify(policyFromFields(base, values), null, 2);
  const r = await send({ type: 'policy.load', source: 'setup', text });
  $('result').hidden = false;
  $('result').classList.toggle('is-error', !r.ok);
  $('result-title').textContent = r.ok
    ? `Saved. ReplyGuard now knows ${values.name || 'your practice'}; change these any time on the options page.`
    : `Not saved: ${r.error}`;
  showErrors($('practice-form'), $('errors'), r.ok ? [] : r.errors);
  if (r.ok) state = await readState();
});

$('policy-file').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  const r = await send({ type: 'policy.load', source: 'file', text: await file.text(), fileName: file.name });
  $('file-result').hidden = false;
  $('file-result-title').textContent = r.ok ? `Loaded ${r.policy?.name ?? 'the policy'}.` : `Not loaded: ${r.error}`;
  showErrors($('practice-form'), $('file-errors'), r.ok ? [] : r.errors);
});

init().catch((err) => {
  $('result').hidden = false;
  $('result-title').textContent = `ReplyGuard could not read its settings: ${err.message}`;
});
