// The toolbar popup: comments waiting for a reply, overdue ones, the oldest,
// topics that recur this week, the policy in force and per-site switches.

import { plural, sourceLabel, topicLabel } from '../shared/format.js';
import { renderSiteSwitches } from '../shared/site-switches.js';
import { onStateChange, readState, send } from '../shared/state.js';
import { showHealth } from './health.js';
import { summarize } from '../shared/summary.js';
import { renderTimely } from './summary-view.js';

const $ = (id) => document.getElementById(id);

async function render() {
  const state = await readState();
  const now = Date.now();
  const s = summarize(state.threads, { now });

  $('practice-line').textContent = state.view.practiceName || state.view.pageNames[0] || 'Checks your replies to patients';
  $('policy-name').textContent = state.view.name;
  showHealth($('health'), { status: state.status, policyName: state.view.name, refresh: () => send({ type: 'status' }) });
  $('policy-version').textContent = state.view.version ? `v${state.view.version}` : '';
  $('policy-source').textContent = policySource(state);
  $('change-policy').hidden = state.managed.locked.has('policy');

  await renderTimely(state, now);

  const list = $('recurring');
  list.replaceChildren(
    ...s.recurring.map(({ topic, count }) => {
      const li = document.createElement('li');
      li.dataset.topic = topic;
      const name = document.createElement('span');
      name.textContent = topicLabel(topic);
      const n = document.createElement('span');
      n.className = 'badge';
      n.textContent = String(count);
      n.setAttribute('aria-label', plural(count, 'comment', 'comments'));
      li.append(name, n);
      return li;
    }),
  );
  $('recurring-empty').hidden = s.recurring.length > 0;
  list.hidden = s.recurring.length === 0;

  renderSiteSwitches($('sites'), state);
}

function policySource(state) {
  const source = sourceLabel(state.record);
  const problem = state.policyStatus && !state.policyStatus.ok ? ' · the last update failed, see Options' : '';
  return source[0].toUpperCase() + source.slice(1) + problem;
}

// Links open in a normal tab (a popup closes when it loses focus).
document.addEventListener('click', (e) => {
  const a = e.target.closest('a[href]');
  if (!a || a.getAttribute('href') === '#') return;
  e.preventDefault();
  chrome.tabs.create({ url: a.href });
  window.close();
});

onStateChange(render);
render().catch((err) => {
  $('timely-note').textContent = `ReplyGuard could not read its data: ${err.message}`;
});
