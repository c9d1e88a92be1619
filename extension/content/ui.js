// The host element for all of ReplyGuard's inline UI: a sibling of the page's
// content attached to document.body, with an open shadow root. Nothing is
// ever inserted into an editor.
// Siblings load through chrome.runtime.getURL (see loader.js).
const load = (name) => import(chrome.runtime.getURL(`extension/content/${name}`));
const { labelFor } = await load('ranges.js');
const { categoryColor } = await load('highlights.js');

let root = null;

export async function uiRoot() {
  if (root) return root;
  const host = document.createElement('div');
  host.id = 'replyguard-ui';
  host.dataset.replyguard = 'ui';
  const shadow = host.attachShadow({ mode: 'open' });
  const css = await (await fetch(chrome.runtime.getURL('extension/content/ui.css'))).text();
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [sheet];
  const layer = document.createElement('div');
  layer.className = 'layer';
  shadow.append(layer);
  (document.body ?? document.documentElement).append(host);
  root = { host, shadow, layer };
  return root;
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

// The compact status pill beside a composer: role=status, aria-live=polite,
// and text that names what was found.
export class Pill {
  constructor(layer, { onActivate }) {
    this.node = el('div', 'pill');
    this.node.setAttribute('role', 'status');
    this.node.setAttribute('aria-live', 'polite');
    this.node.tabIndex = 0;
    this.node.hidden = true;
    this.dot = el('span', 'dot');
    this.dot.setAttribute('aria-hidden', 'true');
    // Screen readers announce "ReplyGuard: PHI risk · Too long".
    const name = el('span', 'sr-only', 'ReplyGuard: ');
    // The words change by editing one text node in place: removing a node
    // anywhere in the page (as textContent = does) ends the browser's typing
    // run in a textarea, so one Undo would no longer take back what was typed.
    this.words = document.createTextNode('');
    this.text = el('span', 'text');
    this.text.append(this.words);
    this.node.append(this.dot, name, this.text);
    this.node.addEventListener('click', () => onActivate());
    this.node.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onActivate();
      }
    });
    layer.append(this.node);
  }

  update(text, severity, title) {
    this.node.hidden = !text;
    if (this.words.data !== text) this.words.data = text;
    this.node.dataset.severity = severity;
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
    this.node.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.onEscape?.();
      }
    });
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
      b.addEventListener('click', () => pick(f));
      li.append(b);
      list.append(li);
    }
    this.node.append(head, list, el('div', 'kbd', 'Esc returns to the reply'));
    this.show(at, focus);
  }

  // showConfirm asks before sending a reply with an error finding.
  showConfirm(owner, summary, { send, keep, at }) {
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
      el('p', 'message', `This reply has a serious issue: ${summary}. Your text is kept as it is.`),
      this.actionRow([
        { label: 'Keep editing', primary: true, run: keep },
        { label: 'Send anyway', run: send },
      ]),
    );
    this.show(at, true);
  }

  actionRow(actions) {
    const row = el('div', 'actions');
    for (const a of actions) {
      const b = el('button', a.primary ? 'action primary' : 'action', a.label);
      b.type = 'button';
      b.addEventListener('click', (e) => {
        e.preventDefault();
        a.run();
      });
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
