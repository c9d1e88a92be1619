// Content script entry (loaded by loader.js): finds composers through the site
// adapter, gives each a Session, routes page events to them and watches the
// comment threads on the practice's own page.
// Siblings load through chrome.runtime.getURL (see loader.js).
const load = (name) => import(chrome.runtime.getURL(`extension/content/${name}`));
const { actingName, adapterFor, classifyComposer, commentForComposer, findComposers, isSendButton, loadAdapters, pageLocale, platformFor } = await load(
  'adapters.js',
);
const { send } = await load('messaging.js');
const { Session } = await load('session.js');
const { businessReport, sameName, watchThreads } = await load('threads.js');
const { Card, MarkLayer, trusted, uiRoot } = await load('ui.js');

const HOVER_OPEN_MS = 250;
const HOVER_CLOSE_MS = 400;
const CARET_OPEN_MS = 300; // caret card waits for the keys to pause

export async function start() {
  // The first answer may wait for the engine's cold start on a busy machine.
  const settings = await send({ type: 'settings' }, { timeoutMs: 30_000 });
  const { adapters, locales, problems } = await loadAdapters(settings.selectors);
  // A broken override keeps the built-in selector; the options page names it.
  for (const p of problems) console.warn(`ReplyGuard: policy ${p.path}: ${p.error}`);
  const adapter = adapterFor(adapters, location.hostname);
  if (!adapter) return;
  const L = pageLocale(locales);

  const ui = await uiRoot();
  ui.marks = new MarkLayer(ui.layer);
  const card = new Card(ui.layer);
  const sessions = new Map(); // editor element -> Session
  const paused = () => (settings.pausedUntil ?? 0) > Date.now();
  const enabled = () => settings.sites?.[adapter.site] !== false && !paused();
  let stopThreads = () => {};
  let pauseTimer = 0;

  // checks decides whether a composer is checked (composer scope): public
  // comment and reply boxes and the Business Suite inbox, yes; Messenger and
  // Instagram DMs only when the policy enables private messages; the status
  // box never; a box acting as a personal profile is skipped once the
  // practice's Pages are known, unless the policy says otherwise.
  const checks = (el, def) => {
    if (def.kind === 'status') return false;
    if (def.kind === 'message') return settings.privateMessages?.enabled === true;
    if (def.kind === 'inbox') return true;
    const names = settings.pageNames ?? [];
    if (!names.length || settings.personalProfiles) return true;
    const acting = actingName(adapter, L, el);
    return !acting || names.some((n) => sameName(n, acting));
  };
  // target names what a send from this composer answers, so the comment is
  // marked handled: the comment a reply box sits under, or the inbox thread.
  const target = (el, def) => {
    if (def.kind === 'inbox') {
      const id = businessReport(adapter)?.comments[0]?.id;
      return id ? { platform: platformFor(adapter), id } : null;
    }
    const c = commentForComposer(adapter, L, el, def.kind);
    return c ? { platform: adapter.platform, id: c.id } : null;
  };

  const sessionFor = (target) => {
    if (!(target instanceof Node)) return null;
    for (const [el, s] of sessions) if (el === target || el.contains(target)) return s;
    return null;
  };
  const attach = (el, def) => {
    if (sessions.has(el) || !enabled() || !checks(el, def)) return;
    sessions.set(el, new Session({ el, def, adapter, L, settings, ui, card, target: () => target(el, def) }));
  };
  const sweep = () => {
    for (const [el, s] of sessions) {
      if (!el.isConnected || !enabled() || !checks(el, s.def)) {
        s.destroy();
        sessions.delete(el);
      }
    }
    if (enabled()) for (const { el, def } of findComposers(adapter, L)) attach(el, def);
  };

  // Switches and policy changes apply to open pages at once: turning a site
  // off removes every underline and pill; turning it on checks again.
  let refreshTimer = 0;
  const refresh = async () => {
    refreshTimer = 0;
    let next;
    try {
      next = await send({ type: 'settings' });
    } catch {
      return;
    }
    Object.assign(settings, next); // sessions hold this object
    card.owner?.closeCard();
    sweep();
    for (const s of sessions.values()) s.recheck();
    stopThreads();
    stopThreads = enabled() ? watchThreads(adapter, L, settings) : () => {};
    schedulePauseEnd();
  };
  // "Pause for 1 hour" ends by itself: check again when it does.
  const schedulePauseEnd = () => {
    clearTimeout(pauseTimer);
    if (paused()) pauseTimer = setTimeout(refresh, settings.pausedUntil - Date.now() + 50);
  };
  // Content scripts cannot read the extension's storage (the worker limits
  // it to extension pages): the worker says when settings changed, and when
  // checking works again after a failure. Only the extension itself can
  // message a content script; the sender check keeps it that way.
  chrome.runtime.onMessage.addListener((msg, sender) => {
    if (sender.id !== chrome.runtime.id || sender.tab) return;
    if (msg?.type === 'settings.changed') refreshTimer ||= setTimeout(refresh, 50);
    if (msg?.type === 'engine.up') for (const s of sessions.values()) s.recheck();
  });

  // Composers come and go as the page renders: attach on focus at once, and
  // sweep after DOM changes (at most once per frame).
  let sweepFrame = 0;
  new MutationObserver(() => {
    sweepFrame ||= requestAnimationFrame(() => {
      sweepFrame = 0;
      sweep();
    });
  }).observe(document.body, { childList: true, subtree: true });
  addEventListener(
    'focusin',
    (e) => {
      const def = classifyComposer(adapter, L, e.target);
      if (def) attach(e.target, def);
    },
    true,
  );
  sweep();

  // Sends: Enter in a composer, or its send button. Capture phase on window,
  // so this runs before the editor's own handlers.
  addEventListener(
    'keydown',
    (e) => {
      const s = sessionFor(e.target);
      // Page scripts can dispatch key presses: only the user's own close a
      // card or open one. A send is guarded whoever presses Enter.
      if (!s) {
        // Keys inside the card come from the UI host (its root is closed, so the
        // path outside stops there); the card handles those itself.
        if (e.isTrusted && e.key === 'Escape' && card.open && e.target !== ui.host) card.owner?.closeCard();
        return;
      }
      if (e.key === 'Escape' && card.owner === s) {
        if (e.isTrusted) s.closeCard();
        return;
      }
      if (e.key === 'Enter' && e.altKey && !e.ctrlKey && !e.metaKey) {
        // Alt+Enter: open the card for the finding at the caret (keyboard
        // users). It never reaches the editor (which might send on it), and
        // a page's synthetic one opens nothing.
        e.preventDefault();
        e.stopImmediatePropagation();
        if (!e.isTrusted) return;
        const f = s.findingAtCaret() ?? s.visible[0];
        if (f) s.openCard(f, { focus: true, via: 'keyboard' });
        return;
      }
      if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || !s.def.enterSends) return;
      if (s.beforeSend('enter') !== 'allow') {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    },
    true,
  );
  addEventListener(
    'click',
    (e) => {
      for (const s of sessions.values()) {
        if (!isSendButton(L, s.el, e.target)) continue;
        if (s.beforeSend('click') !== 'allow') {
          e.preventDefault();
          e.stopImmediatePropagation();
        }
        return;
      }
    },
    true,
  );

  // Cards: on click in a flagged phrase, on hover, and closed on outside
  // clicks, all by the user only (a page's synthetic click dismisses nothing).
  addEventListener(
    'click',
    trusted((e) => {
      const s = sessionFor(e.target);
      if (s) {
        const f = s.findingAtPoint(e.clientX, e.clientY) ?? s.findingAtCaret();
        if (f) s.openCard(f, { via: 'click' });
        else if (card.owner) card.owner.closeCard();
      } else if (card.open && e.target !== ui.host) {
        card.owner?.closeCard();
      }
    }),
    false,
  );
  // Moving the caret into a flagged phrase with the keyboard shows its card
  // (without taking focus); moving out closes it. It waits until the keys
  // pause: a card popping up mid-selection is a distraction, and filling a
  // card replaces its nodes, and removing nodes ends a textarea's typing run
  // (what one Undo takes back).
  let caretTimer = 0;
  addEventListener('keydown', () => clearTimeout(caretTimer), true);
  addEventListener(
    'keyup',
    trusted((e) => {
      if (!/^(Arrow|Home$|End$|Page)/.test(e.key)) return;
      const s = sessionFor(e.target);
      if (!s) return;
      clearTimeout(caretTimer);
      caretTimer = setTimeout(() => {
        if (!s.connected || document.activeElement !== s.el) return;
        const f = s.findingAtCaret();
        if (f && !(card.owner === s && card.finding?.rule === f.rule && card.finding?.start === f.start)) s.openCard(f, { via: 'caret' });
        else if (!f && card.owner === s && card.via === 'caret') s.closeCard();
      }, CARET_OPEN_MS);
    }),
    true,
  );

  let hoverTimer = 0;
  let hoverFrame = 0;
  addEventListener(
    'mousemove',
    trusted((e) => {
      if (hoverFrame) return;
      hoverFrame = requestAnimationFrame(() => {
        hoverFrame = 0;
        const overCard = e.target === ui.host; // the card or a pill (the marks canvas takes no pointer)
        if (overCard) return clearTimeout(hoverTimer);
        const s = [...sessions.values()].find((x) => {
          const r = x.el.getBoundingClientRect();
          return e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
        });
        const f = s?.findingAtPoint(e.clientX, e.clientY);
        clearTimeout(hoverTimer);
        if (f && !(card.owner === s && card.finding?.rule === f.rule && card.finding?.start === f.start)) {
          hoverTimer = setTimeout(() => s.openCard(f, { via: 'hover' }), HOVER_OPEN_MS);
        } else if (!f && card.via === 'hover' && card.open) {
          hoverTimer = setTimeout(() => card.owner?.closeCard(), HOVER_CLOSE_MS);
        }
      });
    }),
    { passive: true },
  );

  // Keep everything in place as the page scrolls, resizes or the composer grows.
  const repositionAll = () => {
    for (const s of sessions.values()) s.reposition();
  };
  let posFrame = 0;
  const onMove = () => {
    posFrame ||= requestAnimationFrame(() => {
      posFrame = 0;
      repositionAll();
    });
  };
  addEventListener('scroll', onMove, { capture: true, passive: true });
  addEventListener('resize', onMove, { passive: true });

  if (enabled()) stopThreads = watchThreads(adapter, L, settings);
  schedulePauseEnd();
}
