// The popup's line about the policy server: what the last update did, and on
// a failure which policy stays in force ("Update failed 10:42: … — keeping
// Riverside Family Dental, serial 14").

import { statusLine } from '../shared/server-config.js';
import { send } from '../shared/state.js';

async function show() {
  const el = document.getElementById('policy-update');
  const reply = await send({ type: 'server.status' }).catch(() => null);
  if (!reply?.ok || !reply.configured || !reply.status) {
    el.hidden = true;
    return;
  }
  el.textContent = statusLine(reply.status);
  el.classList.toggle('failed', !reply.status.ok);
  el.hidden = false;
}

show();
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && (changes.serverStatus || changes.serverPolicy)) show();
});
