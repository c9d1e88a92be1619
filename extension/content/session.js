// One composer on the page: reads its text, asks the service worker to check
// it, draws the underlines, the status pill and the card, applies fixes and
// asks before a risky send. It never changes the editor's DOM itself: fixes go
// through execCommand so the editor updates its own model.
// Siblings load through chrome.runtime.getURL (see loader.js).
const load = (name) => import(chrome.runtime.getURL(`extension/content/${name}`));
const { commentForComposer, isPrivate, platformFor, sendButtonFor } = await load('adapters.js');
const { setActive, setHighlights, categoryColor } = await load('highlights.js');
const { send, check } = await load('messaging.js');
const { TextareaMirror } = await load('mirror.js');
const { domRange, readEditable, textOffset } = await load('text-map.js');
const {
  applyEditsToText,
  findingAt,
  ignoreKey,
  labelFor,
  severityRank,
  statusText,
  worstSeverity,
} = await load('ranges.js');
const { Pill } = await load('ui.js');

// Phrases ignored "always" during this page's life, until the worker's own
// list (which holds only hashes) takes over on the next check.
const ignoredAlways = new Set();

let nextId = 1;

// Pauses between attempts while checks fail: 0.5 s, 1 s, 2 s ... up to 5 s.
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 5000;

export class Session {
  constructor({ el, def, adapter, L, settings, ui, card, target = () => null }) {
    this.id = nextId++;
    this.el = el;
    this.def = def;
    this.adapter = adapter;
    this.L = L;
    this.target = target;
    this.settings = settings;
    this.ui = ui;
    this.card = card;
    this.isTextarea = el instanceof HTMLTextAreaElement;
    this.mirror = this.isTextarea ? new TextareaMirror(ui.layer) : null;
    this.result = null; // {text, findings, fingerprint, confirmBeforeSend}
    this.visible = [];
    this.ignoredOnce = new Set();
    this.inFlight = false;
    this.dirty = false;
    this.queued = false;
    this.bypassSend = false;
    this.waiters = [];
    this.positionFrame = 0;
    this.down = null; // {error, retries} while checks fail
    this.retryTimer = 0;
    this.pill = new Pill(ui.layer, { onActivate: () => this.openFromPill() });

    this.onMutation = () => this.schedule();
    this.observer = new MutationObserver(this.onMutation);
    if (!this.isTextarea) this.observer.observe(el, { childList: true, subtree: true, characterData: true });
    el.addEventListener('input', this.onMutation);
    this.resizeObserver = new ResizeObserver(() => this.repositionSoon());
    this.resizeObserver.observe(el);
    this.schedule();
  }

  get connected() {
    return this.el.isConnected;
  }

  destroy() {
    this.destroyed = true;
    this.observer.disconnect();
    this.resizeObserver.disconnect();
    this.el.removeEventListener('input', this.onMutation);
    cancelAnimationFrame(this.positionFrame);
    clearTimeout(this.retryTimer);
    setHighlights(this.id, new Map());
    this.pill.remove();
    this.ui.marks.set(this.id, []);
    this.mirror?.remove();
    if (this.card.owner === this) this.card.hide();
  }

  // ---- reading and checking -------------------------------------------------

  read() {
    if (this.isTextarea) return { text: this.el.value, segments: null };
    return readEditable(this.el);
  }

  // schedule checks the text in a microtask, before the browser renders the
  // frame. Edits made while a check is out wait for it and are checked
  // together, with the latest text, as soon as it returns. A result is drawn
  // only if the text is still what was checked, so an early read can never
  // show stale underlines.
  schedule() {
    this.dirty = true;
    if (this.queued || this.inFlight) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.run();
    });
  }

  async run() {
    if (!this.dirty || this.inFlight || this.destroyed) return;
    this.dirty = false;
    const { text } = this.read();
    // One edit reaches us twice (the editor's mutation and its input event):
    // text that already has its result needs no second check.
    if (this.result?.text === text) return this.resolveWaiters();
    this.inFlight = true;
    try {
      const result = await this.checkText(text);
      if (this.read().text === text) this.render(result);
    } catch (err) {
      this.showError(err);
      this.inFlight = false;
      this.resolveWaiters(false);
      if (this.dirty) this.schedule();
      return;
    } finally {
      this.inFlight = false;
    }
    if (this.dirty) this.schedule();
    else this.resolveWaiters();
  }

  async checkText(text) {
    if (!text.trim()) return { text, findings: [], fingerprint: '', confirmBeforeSend: false };
    const reply = await check({ type: 'check', ...this.request(text) });
    return { text, findings: reply.findings ?? [], fingerprint: reply.fingerprint ?? '', confirmBeforeSend: reply.confirmBeforeSend };
  }

  // request is what the engine is told about this reply: the comment it
  // answers, the platform, and whether it goes in a private message (a DM
  // is judged as one, with the policy's severities for private messages).
  request(text) {
    return {
      text,
      comment: commentForComposer(this.adapter, this.L, this.el, this.def.kind)?.text ?? '',
      platform: platformFor(this.adapter),
      site: this.adapter.site,
      private: isPrivate(this.adapter, this.def),
    };
  }

  // recheck forgets the last result (the policy or ignore list changed).
  recheck() {
    this.result = null;
    this.schedule();
  }

  // fresh resolves with the result for the current text once it has been
  // checked, or null if the check failed (the worker is gone or stuck).
  async fresh() {
    const { text } = this.read();
    if (this.result?.text === text && !this.inFlight) return this.result;
    if (!this.inFlight) {
      this.dirty = true;
      this.run(); // the text differs from the result: this starts a check at once
    }
    const ok = await new Promise((resolve) => this.waiters.push(resolve));
    if (!ok) return null;
    return this.result?.text === this.read().text ? this.result : this.fresh();
  }

  resolveWaiters(ok = true) {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w(ok);
  }

  // ---- drawing ----------------------------------------------------------------

  render(result) {
    if (this.destroyed) return;
    this.result = result;
    this.recovered();
    const { text } = result;
    this.visible = result.findings.filter(
      (f) => f.end > f.start || f.category === 'length' || f.category === 'routing',
    ).filter((f) => !this.ignoredOnce.has(ignoreKey(text, f)) && !ignoredAlways.has(ignoreKey(text, f)));
    this.drawUnderlines();
    const status = statusText(this.visible);
    this.pill.update(
      text.trim() ? status || 'No issues found' : '',
      worstSeverity(this.visible),
      this.visible.map((f) => `${labelFor(f)}: ${f.message}`).join('\n'),
    );
    if (this.card.owner === this && this.card.mode === 'finding') {
      const still = this.visible.find((f) => sameFinding(f, this.card.finding));
      if (!still) this.closeCard();
    }
    this.repositionSoon();
  }

  // repositionSoon measures in the next frame, when the browser lays out the
  // page anyway: forcing layout between keystrokes can change how a
  // textarea groups typing into undo steps.
  repositionSoon() {
    if (this.positionFrame) return;
    this.positionFrame = requestAnimationFrame(() => {
      this.positionFrame = 0;
      this.reposition();
    });
  }

  // underlined reports whether a finding gets an underline. A remark about
  // the whole reply (no private channel offered, who should answer, a
  // reading-grade hint) is named in the pill and its list instead, so it does
  // not bury the precise underlines; a PHI or canned phrase always gets one.
  underlined(f) {
    const text = this.result?.text ?? '';
    const span = text.slice(f.start, f.end).trim().length;
    if (span === 0) return false;
    const aboutWholeReply = span >= text.trim().length * 0.9;
    return !(aboutWholeReply && (f.category === 'conduct' || f.category === 'routing' || f.severity === 'info'));
  }

  drawUnderlines() {
    if (this.isTextarea) return; // marks are placed in reposition()
    const { text, segments } = this.read();
    const byCategory = new Map();
    if (this.result?.text === text) {
      for (const f of this.visible.filter((x) => this.underlined(x))) {
        const range = this.rangeFor(f, segments);
        if (!range) continue;
        const key = f.severity === 'info' ? 'info' : f.category;
        if (!byCategory.has(key)) byCategory.set(key, []);
        byCategory.get(key).push(range);
      }
    }
    setHighlights(this.id, byCategory);
  }

  rangeFor(f, segments = this.read().segments) {
    if (!segments) return null;
    const end = f.end > f.start ? f.end : Math.min(f.start + 1, this.result.text.length);
    return domRange(segments, f.start, end);
  }

  // rectsFor returns viewport rects of a finding's span.
  rectsFor(f) {
    if (this.isTextarea) return this.mirror.rects(this.el, f.start, Math.max(f.end, f.start + 1));
    const range = this.rangeFor(f);
    return range ? [...range.getClientRects()] : [];
  }

  reposition() {
    if (!this.connected) return;
    const box = (this.def.scope && this.el.closest(this.def.scope)) || this.el;
    const r = box.getBoundingClientRect();
    const pill = this.pill.node;
    if (!pill.hidden) {
      const offscreen = r.bottom < 0 || r.top > innerHeight || r.width === 0;
      pill.style.visibility = offscreen ? 'hidden' : 'visible';
      pill.style.left = `${Math.max(4, r.right - pill.offsetWidth)}px`;
      pill.style.top = `${r.bottom + 4}px`;
    }
    if (this.isTextarea) {
      const marks = [];
      if (this.result?.text === this.el.value) {
        for (const f of this.visible.filter((x) => this.underlined(x))) {
          const color = f.severity === 'info' ? categoryColor('info') : categoryColor(f.category);
          for (const rect of this.rectsFor(f)) marks.push({ ...rect, color, dotted: f.severity === 'info' });
        }
      }
      this.ui.marks.set(this.id, marks);
    }
    if (this.card.owner === this) this.card.reposition();
  }

  // showError says plainly that checking stopped (a failure must never look
  // like "no issues") and tries again with growing pauses, so checks resume
  // by themselves once the engine is back, without a reload.
  showError(err) {
    const retries = (this.down?.retries ?? 0) + 1;
    this.down = { error: String(err?.message ?? err), retries };
    this.result = null;
    this.visible = [];
    this.drawUnderlines();
    if (this.card.owner === this && this.card.mode === 'finding') this.closeCard();
    const text = this.read().text;
    this.pill.update(text.trim() ? 'ReplyGuard is not checking' : '', 'down', `Checking stopped: ${this.down.error}. Trying again by itself.`);
    this.repositionSoon();
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.schedule(), Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (retries - 1)));
  }

  recovered() {
    if (!this.down) return;
    this.down = null;
    clearTimeout(this.retryTimer);
  }

  // ---- finding lookup -------------------------------------------------------------

  findingAtPoint(x, y) {
    if (!this.result || this.result.text !== this.read().text) return null;
    const order = (a, b) => severityRank(b.severity) - severityRank(a.severity) || a.end - a.start - (b.end - b.start);
    for (const f of this.visible.filter((x) => this.underlined(x)).sort(order)) {
      for (const r of this.rectsFor(f)) {
        if (x >= r.left - 1 && x <= r.left + r.width + 1 && y >= r.top - 2 && y <= r.top + r.height + 2) return f;
      }
    }
    return null;
  }

  caretOffset() {
    if (this.isTextarea) return this.el.selectionStart;
    const sel = getSelection();
    if (!sel.rangeCount || !this.el.contains(sel.focusNode)) return -1;
    return textOffset(this.read().segments, sel.focusNode, sel.focusOffset);
  }

  findingAtCaret() {
    const offset = this.caretOffset();
    if (offset < 0 || !this.result || this.result.text !== this.read().text) return null;
    return findingAt(this.visible.filter((x) => this.underlined(x)), offset);
  }

  // ---- the card -------------------------------------------------------------------

  openCard(f, { focus = false, via = 'click' } = {}) {
    if (focus) this.saveSelection();
    this.card.showFinding(this, f, {
      actions: this.actionsFor(f),
      at: () => {
        const rects = this.rectsFor(f);
        return rects[0] ? { left: rects[0].left, bottom: rects[rects.length - 1].top + rects[rects.length - 1].height } : null;
      },
      focus,
      onEscape: () => this.closeCard({ refocus: true }),
    });
    this.card.via = via;
    setActive(this.isTextarea ? null : this.rangeFor(f));
  }

  openFromPill() {
    if (!this.visible.length) return;
    if (this.visible.length === 1) return this.openCard(this.visible[0], { focus: true, via: 'keyboard' });
    this.saveSelection();
    this.card.showList(this, this.visible, {
      pick: (f) => this.openCard(f, { focus: true, via: 'keyboard' }),
      at: () => {
        const r = this.pill.node.getBoundingClientRect();
        return { left: r.left - 200, bottom: r.bottom };
      },
      focus: true,
      onEscape: () => this.closeCard({ refocus: true }),
    });
    this.card.via = 'keyboard';
  }

  closeCard({ refocus = false } = {}) {
    if (this.card.owner !== this) return;
    this.card.hide();
    setActive(null);
    if (refocus) this.restoreSelection();
  }

  actionsFor(f) {
    const actions = [];
    if (f.edits?.length) actions.push({ label: 'Apply', primary: true, run: () => this.apply(f) });
    actions.push({ label: 'Ignore once', run: () => this.ignoreOnce(f) });
    // Silencing an error for the whole practice is a decision the policy must
    // allow; when it does, it takes a reason and a name (see askIgnoreAlways).
    const ignore = this.settings.ignore ?? {};
    if (!this.settings.locked?.includes('ignored') && (f.severity !== 'error' || ignore.allowErrors)) {
      actions.push({ label: 'Ignore always\u2026', run: () => this.askIgnoreAlways(f) });
    }
    return actions;
  }

  saveSelection() {
    if (this.isTextarea) {
      this.saved = { start: this.el.selectionStart, end: this.el.selectionEnd, dir: this.el.selectionDirection };
      return;
    }
    const sel = getSelection();
    this.saved = sel.rangeCount && this.el.contains(sel.anchorNode) ? sel.getRangeAt(0).cloneRange() : null;
  }

  restoreSelection() {
    this.el.focus({ preventScroll: true });
    if (!this.saved) return;
    if (this.isTextarea) {
      this.el.setSelectionRange(this.saved.start, this.saved.end, this.saved.dir);
    } else if (this.saved.startContainer.isConnected && this.el.contains(this.saved.startContainer)) {
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(this.saved);
    }
    this.saved = null;
  }

  // ---- actions ----------------------------------------------------------------------

  // apply makes the finding's edits as if typed, so the editor (Lexical,
  // React, a plain textarea) updates its own model and its undo history.
  async apply(f) {
    const text = this.read().text;
    if (this.result?.text !== text) return this.closeCard({ refocus: true });
    this.closeCard();
    const expected = applyEditsToText(text, f.edits);
    this.el.focus({ preventScroll: true });
    for (const edit of [...f.edits].sort((a, b) => b.start - a.start)) {
      this.select(edit.start, edit.end);
      if (edit.new_text) document.execCommand('insertText', false, edit.new_text);
      else if (edit.end > edit.start) document.execCommand('delete', false);
    }
    if (this.isTextarea && this.el.value !== expected) {
      // Some pages disable execCommand; fall back to the textarea's own API.
      this.el.value = text;
      for (const edit of [...f.edits].sort((a, b) => b.start - a.start)) this.el.setRangeText(edit.new_text, edit.start, edit.end, 'end');
      this.el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
    }
    this.schedule();
  }

  select(start, end) {
    if (this.isTextarea) {
      this.el.setSelectionRange(start, end);
      return;
    }
    const range = domRange(this.read().segments, start, end) ?? collapsedAt(this.read().segments, start);
    if (!range) return;
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  ignoreOnce(f) {
    this.ignoredOnce.add(ignoreKey(this.result.text, f));
    this.closeCard({ refocus: true });
    this.render(this.result);
  }

  askIgnoreAlways(f) {
    const text = this.result?.text;
    if (text === undefined) return;
    this.card.showReason(this, f, {
      name: this.settings.staffName,
      days: this.settings.ignore?.days ?? 30,
      at: () => {
        const rects = this.rectsFor(f);
        return rects[0] ? { left: rects[0].left, bottom: rects[rects.length - 1].top + rects[rects.length - 1].height } : null;
      },
      cancel: () => this.closeCard({ refocus: true }),
      save: (reason, by) => this.ignoreAlways(f, text, reason, by),
    });
  }

  // ignoreAlways asks the worker to add the finding to the practice's list.
  // The worker checks the text again and keeps only a keyed hash of the
  // phrase; this page hides it at once.
  async ignoreAlways(f, text, reason, by) {
    ignoredAlways.add(ignoreKey(text, f));
    this.settings.staffName = by;
    this.closeCard({ refocus: true });
    if (this.result?.text === text) this.render(this.result);
    try {
      await send({
        type: 'ignore',
        ...this.request(text),
        rule: f.rule,
        start: f.start,
        end: f.end,
        reason,
        by,
      });
    } catch (err) {
      ignoredAlways.delete(ignoreKey(text, f));
      this.recheck();
      this.pill.update('Not ignored: ' + String(err?.message ?? err).replace(/^.*?: /, ''), 'warning', String(err?.message ?? err));
    }
  }

  // ---- sending ------------------------------------------------------------------------

  needsConfirm(result) {
    if (this.settings.confirmBeforeSend === false || result.confirmBeforeSend === false) return false;
    return this.visible.some((f) => f.severity === 'error');
  }

  sendButton() {
    return sendButtonFor(this.L, this.el);
  }

  // beforeSend decides what happens to a send (Enter or the send button):
  // "allow" lets it through; otherwise the event was stopped and this
  // session will ask, or re-send once the current text has been checked.
  beforeSend(how) {
    if (this.bypassSend) {
      this.bypassSend = false;
      this.noteSent();
      return 'allow';
    }
    const { text } = this.read();
    if (!text.trim()) return 'allow';
    if (this.result?.text === text && !this.dirty && !this.inFlight) {
      if (!this.needsConfirm(this.result)) {
        this.noteSent();
        return 'allow';
      }
      this.confirm(how);
      return 'stop';
    }
    this.fresh().then((result) => {
      // Without a check (the engine is down) the send goes through unless
      // the policy asks to confirm risky sends: then staff are asked, since
      // nothing was checked. ReplyGuard never blocks a reply outright.
      if (result ? this.needsConfirm(result) : this.settings.confirmBeforeSend !== false) this.confirm(how, !result);
      else this.resend(how);
    });
    return 'stop';
  }

  confirm(how, unchecked = false) {
    this.saveSelection();
    const message = unchecked
      ? 'ReplyGuard is not checking right now, so this reply has not been checked for patient details or other risks.'
      : `This reply has a serious issue: ${statusText(this.visible.filter((f) => f.severity === 'error'))}.`;
    this.card.showConfirm(this, message, {
      keep: () => this.closeCard({ refocus: true }),
      send: () => {
        this.closeCard({ refocus: true });
        this.resend(how);
      },
      at: () => {
        const box = (this.def.scope && this.el.closest(this.def.scope)) || this.el;
        const r = box.getBoundingClientRect();
        return { left: r.left, bottom: r.bottom };
      },
    });
  }

  // resend repeats the user's send once they chose to send anyway.
  resend(how) {
    this.bypassSend = true;
    if (how === 'click') {
      const button = this.sendButton();
      if (button) {
        button.click();
        this.bypassSend = false;
        return;
      }
    }
    this.el.focus({ preventScroll: true });
    const init = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, bubbles: true, cancelable: true, composed: true };
    this.el.dispatchEvent(new KeyboardEvent('keydown', init));
    this.el.dispatchEvent(new KeyboardEvent('keypress', init));
    this.el.dispatchEvent(new KeyboardEvent('keyup', init));
    this.bypassSend = false;
  }

  // noteSent records the reply's fingerprint (never its text) once the page
  // shows it was posted: the composer empties or goes away.
  async noteSent() {
    const { text } = this.read();
    if (!text.trim()) return;
    // What this reply answers is read now: the reply box may go once sent.
    const answers = this.target();
    const result = this.result?.text === text ? this.result : await this.checkText(text).catch(() => null);
    const fingerprint = result?.fingerprint;
    if (!fingerprint) return;
    for (const wait of [50, 250, 1000, 2000]) {
      await new Promise((r) => setTimeout(r, wait));
      if (!this.connected || !this.read().text.trim()) {
        // A page may empty a textarea without an input event: redraw too.
        this.schedule();
        await send({ type: 'sent', fingerprint, ...(answers ? { answers } : {}) }).catch(() => {});
        return;
      }
    }
  }
}

function sameFinding(a, b) {
  return b && a.rule === b.rule && a.start === b.start && a.end === b.end;
}

function collapsedAt(segments, offset) {
  const r = domRange(segments, offset, offset);
  return r;
}
