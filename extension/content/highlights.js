// Underlines for contenteditable editors through the CSS Custom Highlight API:
// ranges are registered with CSS.highlights and styled with ::highlight(), so
// the editor's DOM is never touched.
// Siblings load through chrome.runtime.getURL (see loader.js).
const load = (name) => import(chrome.runtime.getURL(`extension/content/${name}`));
const { CATEGORY_ORDER } = await load('ranges.js');

// Highlight names are shared with the page (CSS.highlights and the
// ::highlight() rules are per document), so they are random per page and say
// nothing about the product: a page cannot fingerprint who runs ReplyGuard.
const PREFIX = `h${crypto.getRandomValues(new Uint32Array(1))[0].toString(36)}-`;
const KEYS = [...CATEGORY_ORDER, 'info', 'active'];
const NAMES = Object.fromEntries(KEYS.map((k, i) => [k, `${PREFIX}${i}`]));

// highlightNames maps category (and "info", "active") to its highlight name.
export function highlightNames() {
  return { ...NAMES };
}
const COLORS = {
  phi: '#d93025',
  conduct: '#c5221f',
  canned: '#e37400',
  manners: '#9334e6',
  length: '#1a73e8',
  routing: '#188038',
  info: '#80868b',
};

export function categoryColor(category) {
  return COLORS[category] ?? '#5f6368';
}

let installed = false;
const owners = new Map(); // session id -> Map(category -> Range[])

export function highlightsSupported() {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

function install() {
  if (installed) return;
  installed = true;
  const sheet = new CSSStyleSheet();
  const rules = CATEGORY_ORDER.map(
    (c) =>
      `::highlight(${NAMES[c]}) { text-decoration: underline wavy ${COLORS[c]}; text-decoration-thickness: 2px; text-underline-offset: 3px; text-decoration-skip-ink: none; }`,
  );
  rules.push(`::highlight(${NAMES.info}) { text-decoration: underline dotted #80868b; text-decoration-thickness: 2px; text-underline-offset: 3px; }`);
  rules.push(`::highlight(${NAMES.active}) { background-color: rgba(26, 115, 232, 0.18); }`);
  sheet.replaceSync(rules.join('\n'));
  // A constructed sheet is not inline CSS, so a strict page style-src allows it.
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

// setHighlights replaces one session's ranges: byCategory maps category (or
// "info" for hints of any category) -> Range[].
export function setHighlights(sessionId, byCategory) {
  if (!highlightsSupported()) return;
  install();
  if (byCategory.size) owners.set(sessionId, byCategory);
  else owners.delete(sessionId);
  const all = new Set([...CATEGORY_ORDER, 'info', ...[...owners.values()].flatMap((m) => [...m.keys()])]);
  for (const category of all) {
    const ranges = [...owners.values()].flatMap((m) => m.get(category) ?? []);
    const name = NAMES[category];
    if (!name) continue;
    if (!ranges.length) {
      CSS.highlights.delete(name);
      continue;
    }
    const h = new Highlight(...ranges);
    h.priority = category === 'info' ? 0 : CATEGORY_ORDER.length - CATEGORY_ORDER.indexOf(category);
    CSS.highlights.set(name, h);
  }
}

// setActive marks the finding the card is open for (or clears it with null).
export function setActive(range) {
  if (!highlightsSupported()) return;
  install();
  if (range) CSS.highlights.set(NAMES.active, new Highlight(range));
  else CSS.highlights.delete(NAMES.active);
}
