// The few policy fields the extension itself uses (the engine reads the rest).
// The engine has already validated the policy; missing fields fall back to the
// default policy, merged the way the engine merges (objects field by field,
// arrays replaced whole). DEFAULTS mirrors policies/default.json; a unit test
// keeps the two in step.

export const DEFAULTS = Object.freeze({
  name: 'ReplyGuard default',
  version: '1.0.0',
  practice: { name: '', page_names: [] },
  response_window: {
    hours: 4,
    business_hours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '17:00' },
  },
  confirm_before_send: true,
  ignore_always: { allow_errors: false, expire_days: 30 },
});

// policyView reads a policy (JSON text or object; null means the default).
export function policyView(policy) {
  let p = policy;
  if (typeof p === 'string') {
    try {
      p = JSON.parse(p);
    } catch {
      p = null;
    }
  }
  if (!isObject(p)) p = {};
  const rw = isObject(p.response_window) ? p.response_window : {};
  const bh = isObject(rw.business_hours) ? rw.business_hours : {};
  const dbh = DEFAULTS.response_window.business_hours;
  const practice = isObject(p.practice) ? p.practice : {};
  const ia = isObject(p.ignore_always) ? p.ignore_always : {};
  return {
    name: str(p.name, DEFAULTS.name),
    version: str(p.version, DEFAULTS.version),
    practiceName: str(practice.name, DEFAULTS.practice.name),
    pageNames: strings(practice.page_names, DEFAULTS.practice.page_names),
    responseWindow: {
      hours: typeof rw.hours === 'number' ? rw.hours : DEFAULTS.response_window.hours,
      business_hours: {
        days: strings(bh.days, dbh.days),
        start: str(bh.start, dbh.start),
        end: str(bh.end, dbh.end),
        ...(typeof bh.tz === 'string' && bh.tz ? { tz: bh.tz } : {}),
      },
    },
    confirmBeforeSend: typeof p.confirm_before_send === 'boolean' ? p.confirm_before_send : DEFAULTS.confirm_before_send,
    ignore: {
      allowErrors: typeof ia.allow_errors === 'boolean' ? ia.allow_errors : DEFAULTS.ignore_always.allow_errors,
      days: Number.isInteger(ia.expire_days) && ia.expire_days > 0 ? ia.expire_days : DEFAULTS.ignore_always.expire_days,
    },
    // Adapter overrides, [{adapter, name, selector}] (checked again where
    // they are used: a broken one keeps the built-in selector).
    selectors: Array.isArray(p.selectors) ? p.selectors.filter(isObject) : undefined,
    ...composerScope(p.composers),
    // Categories staff may switch off for themselves.
    staffMayDisable: strings(p.staff_may_disable, []),
  };
}

// composerScope: Messenger and Instagram DMs are checked only when the
// policy enables private messages (their severities there the engine
// applies, told by the check's "private"); a composer acting as a personal
// profile only when personal_profiles is true.
function composerScope(c) {
  const pm = isObject(c?.private_messages) ? c.private_messages : {};
  return {
    privateMessages: { enabled: pm.enabled === true },
    personalProfiles: c?.personal_profiles === true,
  };
}

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function str(v, fallback) {
  return typeof v === 'string' ? v : fallback;
}

function strings(v, fallback) {
  return Array.isArray(v) ? v.filter((s) => typeof s === 'string') : [...fallback];
}

// samePageName compares page names the way people see them: case, spacing
// and punctuation aside.
export function samePageName(a, b) {
  const norm = (s) => String(s ?? '').toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');
  const x = norm(a);
  return x !== '' && x === norm(b);
}
