// node scripts/wasm-size.mjs FILE.wasm [DEPTH]: a module's sections and its
// code by package (the first DEPTH path parts, all by default), from the
// name section. engine.wasm has none: build one as docs/MEASUREMENTS.md
// ("Where engine.wasm's bytes are") says. TOP=N also lists the N largest
// functions.
import { readFileSync } from 'node:fs';

const buf = readFileSync(process.argv[2]);
let p = 8;
const uleb = () => {
  let r = 0, s = 0, b;
  do { b = buf[p++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80);
  return r;
};
const names = new Map();
const sections = [];
let imported = 0, code = [];
while (p < buf.length) {
  const id = buf[p++], size = uleb(), end = p + size;
  let label = String(id);
  if (id === 0) {
    const n = uleb();
    label = buf.subarray(p, p + n).toString();
    p += n;
    while (label === 'name' && p < end) {
      const sub = buf[p++], subEnd = uleb() + p;
      if (sub === 1) {
        for (let k = uleb(); k > 0; k--) {
          const idx = uleb(), n = uleb();
          names.set(idx, buf.subarray(p, p + n).toString());
          p += n;
        }
      }
      p = subEnd;
    }
  } else if (id === 2) { // imports: functions take the first indexes
    for (let k = uleb(); k > 0; k--) {
      for (let part = 0; part < 2; part++) { const n = uleb(); p += n; } // module, field
      const kind = buf[p++];
      if (kind === 0) { uleb(); imported++; } else if (kind === 1) { p++; if (buf[p++] & 1) { uleb(); } uleb(); } else if (kind === 2) { if (buf[p++] & 1) { uleb(); } uleb(); } else { p += 2; }
    }
  } else if (id === 10) {
    for (let k = uleb(); k > 0; k--) { const n = uleb(); code.push(n); p += n; }
  }
  sections.push(`${label}=${size}`);
  p = end;
}
console.log('sections (id or name = bytes):', sections.join(' '));
const depth = Number(process.argv[3] ?? 0);
const groups = new Map();
const fns = code.map((n, i) => [n, names.get(i + imported) ?? `func ${i + imported}`]);
for (const [n, name] of fns) {
  let g = name.replace(/^github\.com_replyguard_replyguard_/, '').split(/[.(]/)[0];
  if (depth) g = g.split('_').slice(0, depth).join('_');
  groups.set(g, (groups.get(g) ?? 0) + n);
}
console.log('code', code.reduce((a, b) => a + b, 0), 'bytes');
for (const [g, n] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(String(n).padStart(9), g);
if (process.env.TOP) for (const [n, name] of fns.sort((a, b) => b[0] - a[0]).slice(0, Number(process.env.TOP))) console.log(String(n).padStart(9), name);
