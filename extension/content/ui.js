// The host element for all of ReplyGuard's inline UI: a sibling of the page's
// content attached to document.body, with a closed shadow root held only in
// this module (the content script's isolated world), so page scripts can
// neither read the card nor reach its buttons. Its tag name is random per
// page, so a page cannot tell from the DOM that ReplyGuard runs here. Nothing
// is ever inserted into an editor.
// Siblings load through chrome.runtime.getURL (see loader.js).
const load = (name) => import(chrome.runtime.getURL(`extension/content/${name}`));
const { labelFor } = await load('ranges.js');
const { categoryColor, highlightNames } = await load('highlights.js');

let root = null;

// randomTag is a valid custom-element name (so it may host a shadow root)
// that differs on every page load.
function randomTag() {
  const [a, b] = crypto.getRandomValues(new Uint32Array(2));
  return `x${a.toString(36)}-${b.toString(36)}`;
}

// trusted wraps an event handler so it runs only for events the user made:
// page scripts can dispatch clicks and key presses, but never trusted ones.
export function trusted(handler) {
  return (e) => {
    if (e.isTrusted) handler(e);
  };
}

export async function uiRoot() {
  if (root) return root;
  const host = document.createElement(randomTag());
  const shadow = host.attachShadow({ mode: 'closed' });
  const css = await (await fetch(chrome.runtime.getURL('extension/content/ui.css'))).text();
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [sheet];
  const layer = document.createElement('div');
  layer.className = 'layer';
  // Which highlight is which, for the test suite's debugger-level view; the
  // page cannot read inside the closed root.
  layer.dataset.highlights = JSON.stringify(highlightNames());
  shadow.append(layer);
  const parent = () => document.body ?? document.documentElement;
  parent().append(host);
  guardHost(host, parent);
  root = { host, shadow, layer };
  return root;
}

// guardHost puts the host back when a page script removes it or hides it
// through its attributes: a page must not be able to make warnings vanish.
function guardHost(host, parent) {
  // Only the host's parent and the root element's children are watched (not
  // the whole page), so typing elsewhere costs nothing here.
  const watch = new MutationObserver(() => {
    if (host.isConnected) return;
    parent().append(host);
    watch.observe(parent(), { childList: true });
  });
  watch.observe(document.documentElement, { childList: true });
  watch.observe(parent(), { childList: true });
  new MutationObserver(() => {
    for (const name of host.getAttributeNames()) host.removeAttribute(name);
  }).observe(host, { attributes: true });
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

// place puts a fixed-position element at viewport coordinates, kept on screen.
export function place(node, left, top) {
  const w = node.offsetWidth;
  const h = node.offsetHeight;
  const x = Math.max(4, Math.min(left, innerWidth - w - 4));
  const y = top + h > innerHeight - 4 ? Math.max(4, innerHeight - h - 4) : Math.max(4, top);
  node.style.left = `${x}px`;
  node.style.top = `${y}px`;
}

// Each pill state has its own icon and outline as well as colour, so the
// states read apart without colour vision: a check for clean, "i" for hints,
// a triangle for warnings, a filled octagon for errors, and a dashed outline
// with a pause sign while ReplyGuard is not checking.
const PILL_ICONS = { clean: '\u2713', info: 'i', warning: '\u25B2', error: '\u2716', down: '\u2016' };

// The compact status pill beside a composer: role=status, aria-live=polite,
// and text that names what was found.
export class Pill {
  constructor(layer, { onActivate }) {
    this.node = el('div', 'pill');
    this.node.setAttribute('role', 'status');
    this.node.setAttribute('aria-live', 'polite');
    this.node.tabIndex = 0;
    this.node.hidden = true;
    this.icon = document.createTextNode('');
    const icon = el('span', 'icon');
    icon.setAttribute('aria-hidden', 'true');
    icon.append(this.icon);
    // Screen readers announce "ReplyGuard: PHI risk · Too long".
    const name = el('span', 'sr-only', 'ReplyGuard: ');
    // The words change by editing one text node in place: removing a node
    // anywhere in the page (as textContent = does) ends the browser's typing
    // run in a textarea, so one Undo would no longer take back what was typed.
    this.words = document.createTextNode('');
    this.text = el('span', 'text');
    this.text.append(this.words);
    this.node.append(icon, name, this.text);
    this.node.addEventListener('click', trusted(() => onActivate()));
    this.node.addEventListener(
      'keydown',
      trusted((e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onActivate();
        }
      }),
    );
    layer.append(this.node);
  }

  // update shows text in a state: "error", "warning", "info", "" (clean) or
  // "down" (not checking).
  update(text, severity, title) {
    this.node.hidden = !text;
    if (this.words.data !== text) this.words.data = text;
    this.node.dataset.severity = severity || 'clean';
    const icon = PILL_ICONS[severity || 'clean'] ?? '';
    if (this.icon.data !== icon) this.icon.data = icon;
    this.node.title = title ? `${title}\n\nAlt+Enter in the reply shows details.` : '';
  }

  remove() {
    this.node.remove();
  }
}

// Card shows one finding (or a list of them) with its actions, or a confirm
// question before sending.
export class Card {
  constructor(layer) {
    this.node = el('div', 'card');
    this.node.hidden = true;
    this.node.setAttribute('role', 'dialog');
    this.node.setAttribute('aria-modal', 'false');
    this.node.addEventListener(
      'keydown',
      trusted((e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          this.onEscape?.();
        }
      }),
    );
    layer.append(this.node);
    this.owner = null;
    this.mode = '';
  }

  get open() {
    return !this.node.hidden;
  }

  contains(target) {
    return target instanceof Node && (this.node === target || this.node.contains(target));
  }

  // showFinding renders finding f; actions is [{label, primary?, run}].
  showFinding(owner, f, { actions, at, focus, onEscape }) {
    this.owner = owner;
    this.mode = 'finding';
    this.finding = f;
    this.onEscape = onEscape;
    this.node.className = 'card';
    this.node.replaceChildren();
    const label = labelFor(f);
    this.node.setAttribute('aria-label', `ReplyGuard: ${label}`);
    const head = el('div', 'head');
    const badge = el('span', 'badge', label);
    badge.style.color = categoryColor(f.severity === 'info' ? 'info' : f.category);
    head.append(badge, el('span', 'brand', 'ReplyGuard'));
    this.node.append(head, el('p', 'message', sentence(f.message)));
    // What Apply would write, when the engine offers a rewrite; otherwise the
    // engine's advice in words.
    const rewrite = f.edits?.length === 1 ? f.edits[0].new_text : null;
    if (rewrite !== null && rewrite !== undefined) {
      const s = el('p', 'suggestion');
      s.append(el('b', '', rewrite ? 'Apply writes' : 'Apply removes this sentence'), document.createTextNode(rewrite));
      this.node.append(s);
      if (f.suggestion) this.node.append(el('p', 'advice', sentence(f.suggestion.replace(/:\s*".*"\s*$/, ''))));
    } else if (f.suggestion) {
      const s = el('p', 'suggestion');
      s.append(el('b', '', 'Suggestion'), document.createTextNode(sentence(f.suggestion)));
      this.node.append(s);
    }
    this.node.append(this.actionRow(actions));
    this.node.append(el('div', 'kbd', 'Esc returns to the reply'));
    this.show(at, focus);
  }

  // showList renders several findings to pick from (opened from the pill).
  showList(owner, findings, { pick, at, focus, onEscape }) {
    this.owner = owner;
    this.mode = 'list';
    this.onEscape = onEscape;
    this.node.className = 'card';
    this.node.replaceChildren();
    this.node.setAttribute('aria-label', 'ReplyGuard findings');
    const head = el('div', 'head');
    head.append(el('span', 'badge', `${findings.length} to review`), el('span', 'brand', 'ReplyGuard'));
    const list = el('ul', 'list');
    for (const f of findings) {
      const li = el('li');
      const b = el('button', '', `${labelFor(f)}: ${sentence(f.message)}`);
      b.style.color = categoryColor(f.severity === 'info' ? 'info' : f.category);
      b.addEventListener('click', trusted(() => pick(f)));
      li.append(b);
      list.append(li);
    }
    this.node.append(head, list, el('div', 'kbd', 'Esc returns to the reply'));
    this.show(at, focus);
  }

  // showConfirm asks before sending a reply with an error finding, or one
  // that could not be checked; message says which.
  showConfirm(owner, message, { send, keep, at }) {
    this.owner = owner;
    this.mode = 'confirm';
    this.onEscape = keep;
    this.node.className = 'card confirm';
    this.node.replaceChildren();
    this.node.setAttribute('role', 'alertdialog');
    this.node.setAttribute('aria-label', 'ReplyGuard: send this reply?');
    const head = el('div', 'head');
    const badge = el('span', 'badge', 'Send this reply?');
    badge.style.color = '#d93025';
    head.append(badge, el('span', 'brand', 'ReplyGuard'));
    this.node.append(
      head,
      el('p', 'message', `${message} Your text is kept as it is.`),
      this.actionRow([
        { label: 'Keep editing', primary: true, run: keep },
        { label: 'Send anyway', run: send },
      ]),
    );
    this.show(at, true);
  }

  // showReason asks why a finding should be ignored always, and who decides;
  // save(reason, name) runs only with both filled in.
  showReason(owner, f, { save, cancel, at, name, days }) {
    this.owner = owner;
    this.mode = 'reason';
    this.finding = f;
    this.onEscape = cancel;
    this.node.className = 'card reason';
    this.node.replaceChildren();
    this.node.setAttribute('aria-label', 'ReplyGuard: ignore always?');
    const head = el('div', 'head');
    head.append(el('span', 'badge', `Ignore \u201c${labelFor(f)}\u201d always?`), el('span', 'brand', 'ReplyGuard'));
    const form = el('form', 'reason-form');
    const field = (label, input) => {
      const l = el('label', 'field', label);
      l.append(input);
      return l;
    };
    const why = el('input');
    why.name = 'reason';
    why.required = true;
    why.maxLength = 200;
    why.autocomplete = 'off';
    const who = el('input');
    who.name = 'by';
    who.required = true;
    who.maxLength = 60;
    who.value = name ?? '';
    const problem = el('p', 'problem');
    problem.setAttribute('role', 'alert');
    form.append(
      el('p', 'message', `For everyone in the practice on this computer, for ${days} days. It can be undone in ReplyGuard's options.`),
      field('Why is this safe to ignore? (no patient details)', why),
      field('Your name', who),
      problem,
    );
    const submit = () => {
      const reason = why.value.trim();
      const by = who.value.trim();
      if (!reason || !by) {
        problem.textContent = !reason ? 'Say why, so others know.' : 'Add your name.';
        (!reason ? why : who).focus();
        return;
      }
      save(reason, by);
    };
    form.addEventListener(
      'submit',
      trusted((e) => {
        e.preventDefault();
        submit();
      }),
    );
    this.node.append(
      head,
      form,
      this.actionRow([
        { label: 'Ignore always', primary: true, run: submit },
        { label: 'Cancel', run: cancel },
      ]),
    );
    this.show(at, false);
    why.focus();
  }

  actionRow(actions) {
    const row = el('div', 'actions');
    for (const a of actions) {
      const b = el('button', a.primary ? 'action primary' : 'action', a.label);
      b.type = 'button';
      b.addEventListener(
        'click',
        trusted((e) => {
          e.preventDefault();
          a.run();
        }),
      );
      row.append(b);
    }
    return row;
  }

  show(at, focus) {
    this.node.hidden = false;
    this.at = at;
    this.reposition();
    if (focus) this.node.querySelector('button')?.focus();
  }

  reposition() {
    if (!this.open || !this.at) return;
    const r = this.at();
    if (!r) return this.hide();
    place(this.node, r.left, r.bottom + 6);
  }

  hide() {
    if (this.node.hidden) return;
    this.node.hidden = true;
    this.node.setAttribute('role', 'dialog');
    this.owner = null;
    this.mode = '';
    this.finding = null;
  }
}

function sentence(message) {
  const m = String(message ?? '').trim();
  if (!m) return '';
  return m[0].toUpperCase() + m.slice(1) + (/[.!?]$/.test(m) ? '' : '.');
}

// MarkLayer draws textarea underlines on one canvas over the page. A canvas
// redraw changes no DOM: adding and removing nodes in the page while someone
// types would end the browser's typing run in the textarea, and so change
// what Undo takes back.
export class MarkLayer {
  constructor(layer) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'marks';
    this.canvas.setAttribute('aria-hidden', 'true');
    layer.append(this.canvas);
    this.owners = new Map(); // session id -> [{left, top, width, height, color}]
    this.frame = 0;
  }

  set(owner, marks) {
    if (marks.length) this.owners.set(owner, marks);
    else if (!this.owners.delete(owner)) return;
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  draw() {
    const dpr = devicePixelRatio || 1;
    const w = Math.ceil(innerWidth * dpr);
    const h = Math.ceil(innerHeight * dpr);
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
    }
    const ctx = this.canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, innerWidth, innerHeight);
    ctx.lineWidth = 1.5;
    for (const marks of this.owners.values()) {
      for (const m of marks) {
        const y = m.top + m.height - 1.5;
        ctx.strokeStyle = m.color;
        ctx.setLineDash(m.dotted ? [2, 2] : []);
        ctx.beginPath();
        for (let x = m.left, up = true; x <= m.left + m.width; x += 2, up = !up) {
          if (x === m.left) ctx.moveTo(x, up ? y - 1.5 : y + 1);
          else ctx.lineTo(x, up ? y - 1.5 : y + 1);
        }
        ctx.stroke();
      }
    }
  }
}
