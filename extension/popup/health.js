// The popup's engine health line: is ReplyGuard checking right now, with
// which engine and policy, when it last checked, and the last failure (and
// recovery). A failure must never look like "all clear".

import { relativeTime } from '../shared/format.js';

const POLL_MS = 2000; // health changes without touching storage

const clock = (t) => new Date(t).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' });

// healthText turns the worker's status into {state, text}.
export function healthText(status, policyName, now = Date.now()) {
  const h = status?.health;
  if (!status?.ok) return { state: 'down', text: `ReplyGuard is not checking: its service worker did not answer (${status?.error ?? 'no answer'}).` };
  if (!h) return { state: 'up', text: `Checking · policy ${policyName}` };
  const parts = [];
  const lastError = h.lastError ? `last error at ${clock(h.lastError.at)}: ${h.lastError.message}` : null;
  if (h.state === 'down') {
    parts.push(`ReplyGuard is not checking${h.downSince ? ` since ${clock(h.downSince)}` : ''}; trying again by itself`);
    if (lastError) parts.push(lastError);
    return { state: 'down', text: parts.join(' · ') };
  }
  if (h.state === 'starting') return { state: 'starting', text: 'Starting the checker…' };
  parts.push('Checking');
  if (h.version) parts.push(`engine ${h.version}`);
  parts.push(`policy ${policyName}`);
  parts.push(h.lastCheckAt ? `last check ${relativeTime(h.lastCheckAt, now)}` : 'no reply checked yet');
  if (h.recoveredAt) parts.push(`recovered at ${clock(h.recoveredAt)}${lastError ? ` after a failure (${lastError})` : ''}`);
  return { state: 'up', text: parts.join(' · ') };
}

// showHealth renders into el now and keeps it current while the popup is open.
export function showHealth(el, { status, policyName, refresh }) {
  const draw = (s) => {
    const { state, text } = healthText(s, policyName);
    el.dataset.state = state;
    el.querySelector('.health-icon').textContent = state === 'up' ? '\u2713' : state === 'down' ? '!' : '\u2026';
    el.querySelector('.health-text').textContent = text;
  };
  draw(status);
  if (!el.dataset.polling) {
    el.dataset.polling = '1';
    setInterval(async () => draw(await refresh()), POLL_MS);
  }
}
