// Site adapters are data (sites.json, or `selectors` from the policy through
// the settings message); this module only interprets them.

export async function loadAdapters(override) {
  if (override?.adapters?.length) return override.adapters;
  const res = await fetch(chrome.runtime.getURL('extension/content/sites.json'));
  if (!res.ok) throw new Error(`sites.json: HTTP ${res.status}`);
  return (await res.json()).adapters;
}

export function adapterFor(adapters, hostname) {
  return adapters.find((a) => a.hosts.includes(hostname)) ?? null;
}

// composerDefFor returns the composer definition an element matches, or null.
export function composerDefFor(adapter, el) {
  if (!(el instanceof Element)) return null;
  for (const def of adapter.composers) {
    if (el.matches(def.selector)) return def;
  }
  return null;
}

export function findComposers(adapter, root = document) {
  const found = [];
  for (const def of adapter.composers) {
    for (const el of root.querySelectorAll(def.selector)) {
      if (!found.some((f) => f.el === el)) found.push({ el, def });
    }
  }
  return found;
}

// sendButtonFor finds the composer's send button within its scope.
export function sendButtonFor(def, el) {
  const scope = def.scope ? el.closest(def.scope) : el.parentElement;
  if (!scope || !def.sendButton) return null;
  const candidates = [...scope.querySelectorAll(def.sendButton)].filter((b) => !b.contains(el));
  if (def.sendButtonText) return candidates.find((b) => b.textContent.trim() === def.sendButtonText) ?? null;
  return candidates[0] ?? null;
}

// isSendButton reports whether target (or an ancestor) is the send button of
// the composer el.
export function isSendButton(def, el, target) {
  const button = sendButtonFor(def, el);
  return Boolean(button && target instanceof Node && button.contains(target));
}

// pageName returns the name the page shows for its owner (the practice).
export function pageNameOnPage(threads, doc = document) {
  for (const sel of threads?.pageName ?? []) {
    const el = doc.querySelector(sel);
    const name = el?.textContent.trim();
    if (name) return name;
  }
  return '';
}

// commentForComposer returns the patient comment a reply composer answers:
// the first comment of the thread the composer sits in.
export function commentForComposer(adapter, el) {
  const t = adapter.threads;
  if (!t) return null;
  const thread = el.closest(t.thread);
  const comment = thread?.querySelector(t.comment);
  if (!comment) return null;
  return { el: comment, text: commentText(t, comment), author: commentAuthor(t, comment) };
}

export function commentText(t, comment) {
  return (comment.querySelector(t.text)?.textContent ?? '').trim();
}

export function commentAuthor(t, comment) {
  return (comment.querySelector(t.author)?.textContent ?? '').trim();
}

// readFirst applies [{selector, attribute, pattern?, format?}] in order and
// returns the first value found.
export function readFirst(rules, scopeEl) {
  for (const rule of rules ?? []) {
    const el = rule.selector ? scopeEl.querySelector(rule.selector) : scopeEl;
    const raw = el?.getAttribute(rule.attribute);
    if (!raw) continue;
    const value = rule.pattern ? raw.match(new RegExp(rule.pattern))?.[1] : raw;
    if (!value) continue;
    if (rule.format === 'unix') return Number(value) * 1000;
    if (rule.format === 'iso') {
      const ms = Date.parse(value);
      if (!Number.isNaN(ms)) return ms;
      continue;
    }
    return value;
  }
  return null;
}
