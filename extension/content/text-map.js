// Reads an editor's text the way the user sees it and maps UTF-16 offsets in
// that text to DOM positions and back, without touching the editor's DOM.
// Block elements (Lexical's <p>) are separated by "\n"; a <br> is "\n" unless
// it is the placeholder <br> that ends a block.

const BLOCKS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE']);

// readEditable returns {text, segments}; segments are [{node, start}] for the
// text nodes, in order, with start = the node's first offset in text.
export function readEditable(root) {
  const segments = [];
  let text = '';
  let blockOpen = false;

  const visit = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        segments.push({ node: child, start: text.length });
        text += child.data;
        blockOpen = true;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.tagName === 'BR') {
          if (child.nextSibling || !isBlock(child.parentNode) || child.parentNode === root) text += '\n';
        } else if (isBlock(child)) {
          if (blockOpen || text.length) text += '\n';
          blockOpen = false;
          visit(child);
          blockOpen = true;
        } else if (child.getAttribute('contenteditable') !== 'false') {
          visit(child);
        }
      }
    }
  };
  visit(root);
  return { text, segments };
}

function isBlock(el) {
  return el?.nodeType === Node.ELEMENT_NODE && BLOCKS.has(el.tagName);
}

// domPoint maps a text offset to {node, offset}; an offset between text nodes
// (on a line break) maps to the end of the previous text node.
export function domPoint(segments, offset, preferNext = false) {
  let lo = 0;
  let hi = segments.length - 1;
  if (hi < 0) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segments[lo];
  const within = Math.min(Math.max(offset - seg.start, 0), seg.node.data.length);
  if (preferNext && within === seg.node.data.length && segments[lo + 1]?.start === offset) {
    return { node: segments[lo + 1].node, offset: 0 };
  }
  return { node: seg.node, offset: within };
}

// domRange returns a live Range over [start, end) of the text, or null.
export function domRange(segments, start, end) {
  const a = domPoint(segments, start, true);
  const b = domPoint(segments, end);
  if (!a || !b) return null;
  const range = new Range();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  if (range.collapsed && end > start) return null;
  return range;
}

// textOffset maps a DOM point inside the editor to a text offset, or -1.
export function textOffset(segments, node, offset) {
  for (const seg of segments) {
    if (seg.node === node) return seg.start + Math.min(offset, seg.node.data.length);
  }
  return -1;
}
