// Wording shared by the popup and the options page.

const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

// relativeTime says how long ago `then` was, e.g. "3 hours ago".
export function relativeTime(then, now = Date.now(), locale = 'en') {
  const ms = Math.max(0, now - then);
  if (ms < 60_000) return 'just now';
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  for (const [unit, size] of UNITS) {
    if (ms >= size) return rtf.format(-Math.floor(ms / size), unit);
  }
  return 'just now';
}

// Labels for the engine's topic tags; unknown tags are spelled out from the tag.
const TOPIC_LABELS = {
  wait_time: 'Wait time',
  billing: 'Billing',
  phone: 'Phone not answered',
  phone_not_answered: 'Phone not answered',
  scheduling: 'Scheduling',
  parking: 'Parking',
  staff_attitude: 'Staff attitude',
  pain: 'Pain',
  insurance: 'Insurance',
  cleanliness: 'Cleanliness',
  communication: 'Communication',
};

export function topicLabel(tag) {
  const t = String(tag ?? '');
  if (TOPIC_LABELS[t]) return TOPIC_LABELS[t];
  const words = t.replace(/[_-]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : 'Other';
}

// sourceLabel says where the active policy came from, in words.
export function sourceLabel(record) {
  switch (record?.source) {
    case 'managed':
      return 'set by your organization';
    case 'managed-url':
      return `set by your organization (${hostOf(record.url)}, unsigned)`;
    case 'url':
      // A plain URL policy carries no signature: say so.
      return `from ${hostOf(record.url)} (unsigned)`;
    case 'server':
      return `signed, from the policy server ${hostOf(record.url)}${record.serial ? `, serial ${record.serial}` : ''}`;
    case 'file':
      return record.fileName ? `from the file ${record.fileName}` : 'from a file';
    case 'import':
      return 'from imported settings';
    case 'setup':
      return 'written on this computer (setup)';
    default:
      return 'built in';
  }
}

function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return 'a URL';
  }
}

// plural picks the singular or plural noun for a count.
export function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}
