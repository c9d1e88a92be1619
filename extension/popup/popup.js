// The toolbar popup: comments waiting for a reply, overdue ones, the oldest,
// topics that recur this week, the policy in force and per-site switches.

import { plural, relativeTime, sourceLabel, topicLabel } from '../shared/format.js';
import { renderSiteSwitches } from '../shared/site-switches.js';
import { onStateChange, readState, send } from '../shared/state.js';
import { showHealth } from './health.js';
import { summarize } from '../shared/summary.js';

const $ = (id) => document.getElementById(id);

async function render() {
  const state = await readState();
  const now = Date.now();
  const responseWindow = state.view.responseWindow;
  const s = summarize(state.threads, { now, window: responseWindow });

  $('practice-line').textContent = state.view.practiceName || state.view.pageNames[0] || 'Checks your replies to patients';
  $('policy-name').textContent = state.view.name;
  showHealth($('health'), { status: state.status, policyName: state.view.name, refresh: () => send({ type: 'status' }) });
  $('policy-version').textContent = state.view.version ? `v${state.view.version}` : '';
  $('policy-source').textContent = policySource(state);
  $('change-policy').hidden = state.managed.locked.has('policy');

  $('unanswered').textContent = String(s.unanswered);
  $('overdue').textContent = String(s.overdue);
  $('overdue-stat').classList.toggle('is-overdue', s.overdue > 0);
  $('overdue-stat').classList.toggle('is-clear', s.unanswered > 0 && s.overdue === 0);
  if (s.oldest) {
    $('oldest').textContent = relativeTime(s.oldest.since, now);
    $('oldest').title = new Date(s.oldest.since).toLocaleString();
  } else {
    $('oldest').textContent = 'none';
    $('oldest').removeAttribute('title');
  }
  $('timely-note').textContent = timelyNote(state, s, responseWindow);

  const link = $('open-page');
  const target = s.pages[0]?.page;
  link.hidden = !target;
  if (target) {
    link.href = target;
    link.textContent = s.pages.length > 1 ? `Open the page with the most waiting (${s.pages[0].count})` : 'Open the page with waiting comments';
  }

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

function windowWords(responseWindow) {
  const h = responseWindow.hours;
  const business = responseWindow.business_hours?.days?.length ? 'business ' : '';
  return `${h} ${business}hour${h === 1 ? '' : 's'}`;
}

function policySource(state) {
  const source = sourceLabel(state.record);
  const problem = state.policyStatus && !state.policyStatus.ok ? ' · the last update failed, see Options' : '';
  return source[0].toUpperCase() + source.slice(1) + problem;
}

function timelyNote(state, s, responseWindow) {
  if (!state.view.pageNames.length) {
    return "Add your practice's page name to the policy (practice.page_names) so ReplyGuard can tell patients' comments from your replies.";
  }
  if (s.tracked === 0) return `No patient comments seen yet. Open ${state.view.pageNames[0]} on Facebook or Instagram and ReplyGuard counts the comments waiting for a reply.`;
  if (s.unanswered === 0) return 'All caught up: every patient comment has a reply.';
  return `${plural(s.newToday, 'new comment', 'new comments')} today · answer within ${windowWords(responseWindow)}.`;
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
