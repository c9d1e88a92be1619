// Positions of text inside a <textarea>, measured on an off-screen mirror
// element styled like it (a textarea has no DOM ranges to highlight).

const COPIED = [
  'boxSizing', 'width', 'height', 'overflowX', 'overflowY',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontSize', 'fontSizeAdjust', 'lineHeight', 'fontFamily',
  'textAlign', 'textTransform', 'textIndent', 'letterSpacing', 'wordSpacing', 'tabSize', 'direction',
];

export class TextareaMirror {
  constructor(container) {
    this.box = document.createElement('div');
    this.box.setAttribute('aria-hidden', 'true');
    const s = this.box.style;
    s.position = 'fixed';
    s.visibility = 'hidden';
    s.pointerEvents = 'none';
    s.top = '0';
    s.left = '-10000px';
    s.whiteSpace = 'pre-wrap';
    s.overflowWrap = 'break-word';
    container.append(this.box);
  }

  // rects returns client rects (viewport coordinates) for [start, end) of the
  // textarea's value, clipped to its visible box.
  rects(textarea, start, end) {
    const cs = getComputedStyle(textarea);
    const s = this.box.style;
    for (const prop of COPIED) s[prop] = cs[prop];
    s.overflow = 'hidden';
    const value = textarea.value;
    this.box.textContent = '';
    const before = document.createTextNode(value.slice(0, start));
    const marked = document.createTextNode(value.slice(start, end));
    const after = document.createTextNode(value.slice(end) + '\u200b');
    this.box.append(before, marked, after);
    const range = new Range();
    range.selectNodeContents(marked);
    const mirrorRect = this.box.getBoundingClientRect();
    const areaRect = textarea.getBoundingClientRect();
    const dx = areaRect.left - mirrorRect.left - textarea.scrollLeft;
    const dy = areaRect.top - mirrorRect.top - textarea.scrollTop;
    const clip = {
      left: areaRect.left + parseFloat(cs.borderLeftWidth),
      top: areaRect.top + parseFloat(cs.borderTopWidth),
      right: areaRect.right - parseFloat(cs.borderRightWidth),
      bottom: areaRect.bottom - parseFloat(cs.borderBottomWidth),
    };
    const out = [];
    for (const r of range.getClientRects()) {
      const left = Math.max(r.left + dx, clip.left);
      const right = Math.min(r.right + dx, clip.right);
      const top = r.top + dy;
      const bottom = r.bottom + dy;
      if (right <= left || bottom <= clip.top || top >= clip.bottom) continue;
      out.push({ left, top, width: right - left, height: bottom - top });
    }
    return out;
  }

  remove() {
    this.box.remove();
  }
}
