// Text ranges and findings: small pure helpers shared by the UI modules.

export const CATEGORY_ORDER = ['phi', 'conduct', 'canned', 'manners', 'length', 'routing'];

// Words a staff member reads in the status pill and on the card.
export const CATEGORY_LABELS = {
  phi: 'PHI risk',
  conduct: 'Complaint handling',
  canned: 'Sounds canned',
  manners: 'Manners',
  length: 'Too long',
  routing: 'Route to expert',
};

// Info findings are hints, never counted as warnings; they get their own words.
export const INFO_LABELS = {
  length: 'Hard to read',
  routing: 'Route to expert',
};

export function labelFor(f) {
  if (f.severity === 'info') return INFO_LABELS[f.category] ?? CATEGORY_LABELS[f.category] ?? f.category;
  return CATEGORY_LABELS[f.category] ?? f.category;
}

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };

export function severityRank(severity) {
  return SEVERITY_RANK[severity] ?? 0;
}

// statusText names what was found, most serious category first:
// "PHI risk · Too long". Only hints: "Tip: Hard to read". Nothing: "".
export function statusText(findings) {
  const serious = findings.filter((f) => f.severity !== 'info');
  if (serious.length) return labels(serious);
  return findings.length ? `Tip: ${labels(findings)}` : '';
}

function labels(findings) {
  const seen = new Map();
  const order = (f) => (CATEGORY_ORDER.indexOf(f.category) + 1 || 99);
  for (const f of [...findings].sort((a, b) => order(a) - order(b))) {
    const label = labelFor(f);
    if (!seen.has(label)) seen.set(label, true);
  }
  return [...seen.keys()].join(' · ');
}

// worstSeverity returns "error", "warning", "info" or "".
export function worstSeverity(findings) {
  let worst = '';
  for (const f of findings) if (severityRank(f.severity) > severityRank(worst)) worst = f.severity;
  return worst;
}

// findingAt returns the most serious finding whose span holds offset.
export function findingAt(findings, offset) {
  let best = null;
  for (const f of findings) {
    if (offset < f.start || offset > f.end) continue;
    const rank = severityRank(f.severity) - (best ? severityRank(best.severity) : 0);
    if (!best || rank > 0 || (rank === 0 && f.end - f.start < best.end - best.start)) best = f;
  }
  return best;
}

// phraseOf returns the flagged phrase of a finding in text.
export function phraseOf(text, finding) {
  return text.slice(finding.start, finding.end);
}

// ignoreKey identifies a finding for "ignore once": same rule on the same phrase.
export function ignoreKey(text, finding) {
  return `${finding.rule}\u0000${phraseOf(text, finding).toLowerCase()}`;
}

// applyEditsToText returns text with the edits applied (for checking an Apply
// landed as intended).
export function applyEditsToText(text, edits) {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.new_text + out.slice(e.end);
  return out;
}
