// The practice's details as a form, shared by the first-run setup page and
// the options page: read from a policy, written back into it (every other
// field of the policy kept), validated by the engine when saved.

export const FIELDS = [
  { id: 'practice-name', label: 'Practice name', key: 'name', hint: 'As patients know it, e.g. Riverside Family Dental.' },
  { id: 'facebook-pages', label: 'Facebook Page name', key: 'facebook', list: true, hint: 'Exactly as it shows on Facebook; one per line if you have several.' },
  { id: 'instagram-accounts', label: 'Instagram account', key: 'instagram', list: true, hint: 'The @name without the @, one per line.' },
  { id: 'phones', label: 'Phone numbers', key: 'phones', list: true, hint: 'The practice’s own numbers are never flagged.' },
  { id: 'emails', label: 'Email addresses', key: 'emails', list: true },
  { id: 'addresses', label: 'Addresses', key: 'addresses', list: true },
  { id: 'staff', label: 'Staff names', key: 'staff', list: true, hint: 'People who may sign replies; their names are not patient details.' },
  { id: 'response-hours', label: 'Answer comments within (hours)', key: 'hours', type: 'number' },
];

const IG_HANDLE = /^[a-z0-9._]{1,30}$/;

// fieldsFromPolicy reads the form's values from a policy object (or null).
export function fieldsFromPolicy(p) {
  const practice = p?.practice ?? {};
  const names = Array.isArray(practice.page_names) ? practice.page_names : [];
  return {
    name: practice.name ?? '',
    // One list in the policy; Instagram handles look like handles.
    facebook: names.filter((n) => !IG_HANDLE.test(n)),
    instagram: names.filter((n) => IG_HANDLE.test(n)),
    phones: practice.phones ?? [],
    emails: practice.emails ?? [],
    addresses: practice.addresses ?? [],
    staff: (practice.staff ?? []).map((s) => s?.name).filter(Boolean),
    hours: p?.response_window?.hours ?? 4,
  };
}

// policyFromFields writes the values into a copy of base (a policy object),
// keeping every field the form does not show.
export function policyFromFields(base, v, now = new Date()) {
  const p = structuredClone(base ?? {});
  const keepStaff = new Map((p.practice?.staff ?? []).map((s) => [s?.name, s]));
  p.name ||= v.name ? `${v.name} policy` : 'Practice policy';
  // A version staff can read: when this computer's copy was last saved.
  p.version = `local-${now.toISOString().slice(0, 16).replace(/[-:T]/g, '')}`;
  p.practice = {
    ...(p.practice ?? {}),
    name: v.name,
    page_names: [...v.facebook, ...v.instagram.map((h) => h.replace(/^@/, ''))],
    phones: v.phones,
    emails: v.emails,
    addresses: v.addresses,
    staff: v.staff.map((name) => keepStaff.get(name) ?? { name }),
  };
  if (v.hours !== '' && v.hours != null) p.response_window = { ...(p.response_window ?? {}), hours: Number(v.hours) };
  return p;
}

// renderPracticeForm fills form with the fields; learnedName (the Page staff
// were seen acting as) is offered for the Facebook field.
export function renderPracticeForm(form, values, { learnedName = '' } = {}) {
  form.replaceChildren();
  for (const f of FIELDS) {
    const row = document.createElement('div');
    row.className = 'form-row';
    const label = document.createElement('label');
    label.htmlFor = f.id;
    label.textContent = f.label;
    const input = f.list ? document.createElement('textarea') : document.createElement('input');
    input.id = f.id;
    input.name = f.key;
    if (f.list) {
      input.rows = 2;
      input.value = (values[f.key] ?? []).join('\n');
    } else {
      input.type = f.type ?? 'text';
      if (f.type === 'number') Object.assign(input, { min: '0.25', step: '0.25' });
      input.value = values[f.key] ?? '';
    }
    row.append(label, input);
    if (f.hint) {
      const hint = document.createElement('p');
      hint.className = 'help';
      hint.id = `${f.id}-hint`;
      hint.textContent = f.hint;
      input.setAttribute('aria-describedby', hint.id);
      row.append(hint);
    }
    if (f.key === 'facebook' && learnedName && !(values.facebook ?? []).includes(learnedName)) {
      const use = document.createElement('button');
      use.type = 'button';
      use.className = 'button use-learned';
      use.id = 'use-learned';
      use.textContent = `Use “${learnedName}” (you comment as this Page)`;
      use.addEventListener('click', () => {
        input.value = [learnedName, ...input.value.split('\n').filter((l) => l.trim() && l.trim() !== learnedName)].join('\n');
        use.remove();
      });
      row.append(use);
    }
    form.append(row);
  }
}

// readPracticeForm reads the values back from the form.
export function readPracticeForm(form) {
  const out = {};
  for (const f of FIELDS) {
    const input = form.querySelector(`#${f.id}`);
    out[f.key] = f.list
      ? input.value
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
      : input.value.trim();
  }
  return out;
}

// errorField maps an engine error path to the form field it is about.
export function errorField(path) {
  const p = String(path ?? '');
  if (p.startsWith('practice.page_names')) return 'facebook-pages';
  if (p.startsWith('practice.phones')) return 'phones';
  if (p.startsWith('practice.emails')) return 'emails';
  if (p.startsWith('practice.addresses')) return 'addresses';
  if (p.startsWith('practice.staff')) return 'staff';
  if (p.startsWith('practice.name')) return 'practice-name';
  if (p.startsWith('response_window.hours')) return 'response-hours';
  return null;
}

// showErrors lists the engine's problems (path: message) in list and marks
// the fields they are about.
export function showErrors(form, list, errors) {
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  list.replaceChildren(
    ...(errors ?? []).map((e) => {
      const li = document.createElement('li');
      li.textContent = e.path ? `${e.path}: ${e.message}` : e.message;
      const field = errorField(e.path);
      if (field) form.querySelector(`#${field}`)?.setAttribute('aria-invalid', 'true');
      return li;
    }),
  );
}
