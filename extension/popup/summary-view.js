// The popup's "Patient comments waiting" card: today's counts in one line
// ("Today: 2 unanswered, 1 overdue (past 4 h)"), the last 30 days apart,
// each waiting comment with its posted time as the page gave it (and how
// exact that is), a link to the comment itself while the browser session
// lasts, and "Mark handled".

import { plural } from '../shared/format.js';
import { send } from '../shared/state.js';
import { summarize } from '../shared/summary.js';

const $ = (id) => document.getElementById(id);
const SITE_NAMES = { facebook: 'Facebook', instagram: 'Instagram' };
const MAX_ITEMS = 20;

export async function renderTimely(state, now = Date.now()) {
  const responseWindow = state.view.responseWindow;
  const s = summarize(state.threads, { now, window: responseWindow, scans: state.pageScans });
  const links = (await chrome.storage.session?.get('threadLinks').catch(() => ({})))?.threadLinks ?? {};

  $('unanswered').textContent = String(s.today.unanswered);
  $('overdue').textContent = String(s.today.overdue);
  $('month-count').textContent = String(s.month.unanswered);
  $('overdue-stat').classList.toggle('is-overdue', s.today.overdue > 0);
  $('overdue-stat').classList.toggle('is-clear', s.today.unanswered > 0 && s.today.overdue === 0);
  $('today-line').textContent = `Today: ${s.today.unanswered} unanswered, ${s.today.overdue} overdue (past ${windowWords(responseWindow)})`;
  $('month-line').textContent = `Last 30 days: ${plural(s.month.unanswered, 'comment', 'comments')} without a reply${s.month.handled ? `, ${s.month.handled} answered or handled` : ''}`;
  $('timely-note').textContent = timelyNote(state, s);

  const list = $('waiting');
  list.replaceChildren(...s.items.slice(0, MAX_ITEMS).map((item) => itemRow(item, links[item.id], now)));
  list.hidden = s.items.length === 0;
  $('waiting-more').hidden = s.items.length <= MAX_ITEMS;
  $('waiting-more').textContent = `and ${s.items.length - MAX_ITEMS} more`;
  return s;
}

function itemRow(item, link, now) {
  const li = document.createElement('li');
  li.dataset.id = item.id;
  li.classList.toggle('is-overdue', item.overdue);
  li.classList.toggle('is-today', item.today);
  const what = document.createElement('span');
  what.className = 'item-what';
  what.textContent = `${SITE_NAMES[item.site] ?? item.site} · ${postedWords(item, now)}${item.overdue ? ' · overdue' : ''}`;
  what.title = item.posted != null ? `Posted by ${new Date(item.posted).toLocaleString()}; seen ${new Date(item.seen).toLocaleString()}` : `Seen ${new Date(item.seen).toLocaleString()}`;
  const actions = document.createElement('span');
  actions.className = 'item-actions';
  if (link) {
    const a = document.createElement('a');
    a.href = link;
    a.textContent = 'Open';
    a.className = 'item-open';
    actions.append(a);
  }
  const done = document.createElement('button');
  done.type = 'button';
  done.className = 'button button-quiet item-handled';
  done.textContent = 'Mark handled';
  done.addEventListener('click', async () => {
    done.disabled = true;
    const r = await send({ type: 'handled', id: item.id });
    if (!r.ok) {
      done.disabled = false;
      done.title = r.error ?? 'failed';
    }
  });
  actions.append(done);
  li.append(what, actions);
  return li;
}

// postedWords: "about 5 h ago, seen at 10:32" when the page gave a relative
// time; "3 h ago" when it gave the exact time; "time not shown" otherwise.
export function postedWords(item, now) {
  const seen = new Date(item.seen).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (item.posted == null) return `posted time not shown, seen at ${seen}`;
  const ago = shortAgo(now - item.posted);
  return item.spanMs > 60_000 ? `about ${ago} ago, seen at ${seen}` : `${ago} ago`;
}

function shortAgo(ms) {
  const m = Math.max(0, Math.round(ms / 60_000));
  if (m < 60) return `${m} min`;
  if (m < 48 * 60) return `${Math.floor(m / 60)} h`;
  return `${Math.floor(m / 1440)} days`;
}

function windowWords(responseWindow) {
  const h = responseWindow.hours;
  const business = responseWindow.business_hours?.days?.length && !allDay(responseWindow.business_hours) ? ' business' : '';
  return `${h}${business} h`;
}

function allDay(bh) {
  return bh.days.length === 7 && bh.start === '00:00' && (bh.end === '23:59' || bh.end === '24:00');
}

function timelyNote(state, s) {
  const names = state.view.pageNames.length ? state.view.pageNames : state.learnedNames;
  if (!names.length) return "Open your Page on Facebook or Instagram (or add its name in ReplyGuard's setup) so ReplyGuard can tell patients' comments from your replies.";
  if (s.today.unanswered > 0) return '';
  if (!s.seenRecently) return `Open your Page to refresh: ReplyGuard counts the comments it sees on ${names[0]}'s posts.`;
  return s.month.unanswered ? 'All caught up for today.' : 'All caught up: every patient comment has a reply.';
}
