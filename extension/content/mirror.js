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
    // The mirror lives in its own blank frame: changing text in the page's
    // document, even off-screen, ends the browser's typing run in the
    // textarea and so changes what Undo takes back.
    this.frame = document.createElement('iframe');
    this.frame.setAttribute('aria-hidden', 'true');
    this.frame.tabIndex = -1;
    const fs = this.frame.style;
    fs.position = 'fixed';
    fs.left = '-10000px';
    fs.top = '0';
    fs.width = '4000px';
    fs.height = '2000px';
    fs.border = '0';
    fs.visibility = 'hidden';
    fs.pointerEvents = 'none';
    container.append(this.frame);
    this.box = null;
  }

  mirrorBox() {
    const doc = this.frame.contentDocument;
    if (!doc) return null;
    if (!this.box || this.box.ownerDocument !== doc) {
      this.box = doc.createElement('div');
      const s = this.box.style;
      s.position = 'absolute';
      s.top = '0';
      s.left = '0';
      s.whiteSpace = 'pre-wrap';
      s.overflowWrap = 'break-word';
      (doc.body ?? doc.documentElement).append(this.box);
    }
    return this.box;
  }

  // rects returns client rects (viewport coordinates) for [start, end) of the
  // textarea's value, clipped to its visible box.
  rects(textarea, start, end) {
    const box = this.mirrorBox();
    if (!box) return [];
    const cs = getComputedStyle(textarea);
    const s = box.style;
    for (const prop of COPIED) s[prop] = cs[prop];
    // Wrap at the textarea's inner width, which excludes its scrollbar.
    s.boxSizing = 'border-box';
    s.width = `${textarea.clientWidth + parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth)}px`;
    s.overflow = 'hidden';
    const value = textarea.value;
    const doc = box.ownerDocument;
    box.textContent = '';
    const before = doc.createTextNode(value.slice(0, start));
    const marked = doc.createTextNode(value.slice(start, end));
    const after = doc.createTextNode(value.slice(end) + '\u200b');
    box.append(before, marked, after);
    const range = doc.createRange();
    range.selectNodeContents(marked);
    const mirrorRect = box.getBoundingClientRect();
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
      const middle = (top + bottom) / 2; // a line scrolled mostly out of view is not drawn
      if (right <= left || middle < clip.top || middle > clip.bottom) continue;
      out.push({ left, top, width: right - left, height: bottom - top });
    }
    return out;
  }

  remove() {
    this.frame.remove();
  }
}
