// pack-data rewrites engine.wasm's data section after wasm-opt, for size.
//
// Go's linker lays out its function lookup table (runtime.findfunctab) as
// one 20-byte entry per 4 KB of "PC" space, and a wasm function spans 64 K
// PCs: tens of thousands of entries whose only non-zero bytes are the two
// low bytes of a counter. wasm-opt keeps each entry as its own data segment
// (2 bytes of data, 7 of segment header), ~300 KB of the module. Here a run
// of segments that sit at a fixed stride becomes one passive segment of
// just the stride's window bytes, and a start function (run at
// instantiation, before the runtime's _initialize) copies them into place;
// when the windows count (Go's table does: entry k holds k >> 4), the
// start function computes them and the segment holds none of them.
// Memory holds exactly the same bytes before any Go code runs; the script
// checks that by instantiating both modules and comparing their memory.
// Three rewrites of the runtime's tables that only tracebacks (and
// runtime.Callers, Frames and profiles, which nothing here uses) read are
// the exceptions the check allows: shorter function and file names, no
// source line tables, no inline trees (below). Last, the other segments
// join the passive one as a sparse stream with back-references
// (sparseStream) that the start function writes out before the windows.
//
//   node scripts/pack-data.mjs in.wasm out.wasm
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const SEC = { custom: 0, type: 1, import: 2, func: 3, memory: 5, export: 7, start: 8, elem: 9, code: 10, data: 11, datacount: 12 };
const MIN_WINDOWS = 64; // shorter runs are not worth a loop

class Reader {
  constructor(bytes, pos = 0) { this.b = bytes; this.p = pos; }
  byte() { return this.b[this.p++]; }
  u32() {
    let r = 0, shift = 0, b;
    do { b = this.b[this.p++]; r += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return r;
  }
  s32() {
    let r = 0, shift = 0, b;
    do { b = this.b[this.p++]; r |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    return shift < 32 && (b & 0x40) ? r | (-1 << shift) : r;
  }
}

function u32(n) {
  const out = [];
  do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n);
  return out;
}

function s32(n) {
  const out = [];
  for (;;) {
    const b = n & 0x7f; n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && (b & 0x40))) { out.push(b); return out; }
    out.push(b | 0x80);
  }
}

function sections(bytes) {
  const r = new Reader(bytes, 8), out = [];
  while (r.p < bytes.length) {
    const id = r.byte(), size = r.u32();
    out.push({ id, body: bytes.subarray(r.p, r.p + size) });
    r.p += size;
  }
  return out;
}

function activeSegments(body) {
  const r = new Reader(body), segs = [], n = r.u32();
  for (let i = 0; i < n; i++) {
    const start = r.p;
    if (r.u32() !== 0 || r.byte() !== 0x41) throw new Error(`pack-data: data segment ${i} is not an active segment at an i32.const offset`);
    const offset = r.s32();
    if (r.byte() !== 0x0b) throw new Error(`pack-data: data segment ${i}: offset expression is not a single constant`);
    const len = r.u32();
    segs.push({ offset, len, data: body.subarray(r.p, r.p + len), encoded: r.p + len - start });
    r.p += len;
  }
  return segs;
}

function mostCommon(values) {
  const count = new Map();
  for (const v of values) count.set(v, (count.get(v) || 0) + 1);
  let best, n = 0;
  for (const [v, c] of count) if (c > n) [best, n] = [v, c];
  return best;
}

// regions finds runs of small segments one per window of `stride` bytes.
// Each region: the first window's address, the stride, the window length
// (1, 2, 4 or 8 bytes, so one load and one store copy it), the number of
// windows and the segments it replaces.
function regions(segs) {
  const small = (s) => s.len <= 8;
  const diffs = [];
  for (let i = 1; i < segs.length; i++) if (small(segs[i]) && small(segs[i - 1])) diffs.push(segs[i].offset - segs[i - 1].offset);
  const stride = mostCommon(diffs);
  if (!(stride >= 2)) return [];
  const phase = mostCommon(segs.filter(small).map((s) => s.offset % stride));
  const out = [];
  let cur = null;
  const close = () => {
    if (!cur) return;
    const win = [1, 2, 4, 8].find((w) => w >= cur.reach && w <= stride);
    const windows = cur.last - cur.first + 1;
    const before = cur.segs.reduce((a, s) => a + s.encoded, 0);
    if (win && windows >= MIN_WINDOWS && windows * win + 40 < before) {
      out.push({ base: phase + cur.first * stride, stride, win, windows, segs: cur.segs });
    }
    cur = null;
  };
  for (const s of segs) {
    const w = Math.floor((s.offset - phase) / stride), rel = s.offset - phase - w * stride;
    const fits = small(s) && rel + s.len <= 8 && rel + s.len <= stride;
    if (cur && (!fits || w <= cur.last || w - cur.last > 4)) close();
    if (!fits) continue;
    if (!cur) cur = { first: w, last: w, reach: 0, segs: [] };
    cur.last = w;
    cur.reach = Math.max(cur.reach, rel + s.len);
    cur.segs.push(s);
  }
  close();
  return out;
}

// Go's function name table (runtime.funcnametab, ~126 KB of the module):
// one NUL-terminated name per function, most of them starting with an
// import path ("github.com/replyguard/replyguard/core/rules/hipaa.(*phiPass)
// .nameHits"). Only tracebacks print them, and the runtime tests no more of
// a name than whether it starts with "runtime.", "reflect." or
// "internal/runtime/" (system goroutines, reflect's call stubs, preemption),
// plus panicwrap, which reads "pkg.(*T).M". So each name keeps its place
// but loses the type arguments of a generic (printed as "[...]" anyway)
// and, unless it starts with one of those, its import path up to the
// package's last element ("hipaa.(*phiPass).nameHits"); the bytes freed
// become zeros, which need no data segment. Source file names likewise keep
// their last directory. The tables are found by their header
// (runtime.pcHeader: magic 0xfffffff1, pointer size 8).
const PCLN_MAGIC = 0xfffffff1;
const RUNTIME_READS = ['runtime.', 'reflect.', 'internal/runtime/'];
const MIN_ZEROS = 9; // a zero run shorter than a segment header stays in its segment

// pcHeader returns the offset of Go's pcHeader in a memory image (the
// first place with its magic whose name tables look whole), or -1.
function pcHeader(mem) {
  const dv = new DataView(mem.buffer, mem.byteOffset, mem.byteLength);
  const at = (h, k) => h + Number(dv.getBigUint64(h + k, true));
  for (let h = 0; h + 72 <= mem.length; h += 8) {
    if (dv.getUint32(h, true) !== PCLN_MAGIC || mem[h + 4] || mem[h + 5] || mem[h + 7] !== 8) continue;
    const ok = [[32, 40], [48, 56]].every(([s, e]) => at(h, s) < at(h, e) && at(h, e) <= mem.length && mem[at(h, e) - 1] === 0);
    if (ok) return h;
  }
  return -1;
}

// nameTables finds the function name table and the file name table
// (runtime.filetab, read only to print a frame's file) after it.
export function nameTables(mem) {
  const h = pcHeader(mem);
  if (h < 0) return [];
  const dv = new DataView(mem.buffer, mem.byteOffset, mem.byteLength);
  const at = (k) => h + Number(dv.getBigUint64(h + k, true));
  return [{ start: at(32), end: at(40), short: shortName }, { start: at(48), end: at(56), short: shortFile }];
}

// shortFile keeps a source file's last directory and name
// ("hipaa/frames.go"), as the functions keep their package's.
export function shortFile(path) {
  const parts = path.split('/');
  return parts.length > 2 ? parts.slice(-2).join('/') : path;
}

export function shortName(name) {
  // Tracebacks print a generic function's type arguments as "[...]"
  // (runtime.funcNamePiecesForPrint), so they need not be stored.
  const open = name.indexOf('['), close = name.lastIndexOf(']');
  if (open >= 0 && close - open > 4) name = `${name.slice(0, open)}[...]${name.slice(close + 1)}`;
  if (RUNTIME_READS.some((p) => name.startsWith(p))) return name;
  const pre = /^type:\.\w+\./.exec(name)?.[0] ?? ''; // the compiler's "type:.eq.<type>"
  let end = name.length;
  for (const c of '[(') { const i = name.indexOf(c); if (i >= 0 && i < end) end = i; }
  const short = pre + name.slice(Math.max(pre.length, name.lastIndexOf('/', end - 1) + 1));
  return RUNTIME_READS.some((p) => short.startsWith(p)) ? name : short;
}

// shortenNames rewrites the name tables of a memory image in place and
// returns their ranges (none when there are none) and the bytes freed.
export function shortenNames(mem) {
  const tables = nameTables(mem);
  let freed = 0;
  for (const t of tables) {
    for (let p = t.start; p < t.end;) {
      let q = p;
      while (mem[q]) q++;
      const name = Buffer.from(mem.subarray(p, q)).toString('latin1');
      const short = t.short(name);
      if (short !== name) {
        mem.set(Buffer.from(short, 'latin1'), p);
        mem.fill(0, p + short.length, q);
        freed += name.length - short.length;
      }
      p = q + 1;
    }
  }
  return { tables, freed };
}

// Go's pc-value tables (runtime.pctab, ~255 KB of the module): per
// function, a table of stack pointer deltas (pcsp), of source file indices
// (pcfile) and lines (pcln), and the pcdata tables (unsafe points, stack
// maps, inline tree indices, argument liveness). The runtime reads pcsp and
// pcdata to grow and copy stacks, scan them for the GC and unwind them; it
// reads pcfile and pcln only in funcline1, which prints a frame's file and
// line (tracebacks, runtime.Caller and Frames, debug output), and the
// compilation unit table (runtime.cutab) and file name table only in
// funcfile, which funcline1 alone calls after a file was found. A function
// record whose pcfile and pcln offsets are 0 has no such tables: pcvalue
// returns -1 for offset 0, and funcline1 then gives "?" and line 0. So
// here every record's two offsets become 0 (with its cuOffset and
// startLine, read only by funcfile and Frames) and the bytes only those
// tables used, with the cutab and file table, become zeros; tracebacks still name
// every function. The pcsp and pcdata tables (the linker shares equal
// tables, so a line table may overlap one) keep every byte.
// _func: entryOff, nameOff, args, deferreturn, pcsp (+16), pcfile (+20),
// pcln (+24), npcdata (+28), cuOffset, startLine, funcID, flag, pad,
// nfuncdata (+43), then npcdata pcdata offsets (+44) and the funcdata's.
const FUNC = { pcsp: 16, pcfile: 20, pcln: 24, npcdata: 28, cuOffset: 32, startLine: 36, nfuncdata: 43, pcdata: 44 };

// pcTableEnd returns the end of the pc-value table at pctab+off: pairs of
// varints (value delta, pc delta), ended by a value delta of 0 after the
// first pair (runtime.step).
function pcTableEnd(mem, at) {
  for (let first = true; ; first = false) {
    if (mem[at] === 0 && !first) return at + 1;
    for (let k = 0; k < 2; k++) while (mem[at++] & 0x80);
  }
}

// dropLineTables rewrites a memory image in place as above and returns the
// ranges it rewrote and the bytes it freed. The pcsp and pcdata tables that
// stay are then moved together at the start of pctab, in their order, and
// the records' offsets to them rewritten: between them the line tables
// left short runs of zeros, each a data segment's header or kept inside
// one. (Equal tables are shared whole, so tables never overlap in part;
// if they did, nothing would move.)
export function dropLineTables(mem) {
  const h = pcHeader(mem);
  if (h < 0) return { ranges: [], zeroed: 0 };
  const dv = new DataView(mem.buffer, mem.byteOffset, mem.byteLength);
  const at = (k) => h + Number(dv.getBigUint64(h + k, true));
  const nfunc = Number(dv.getBigUint64(h + 8, true));
  const [cutab, filetab, pctab, pclntab] = [at(40), at(48), at(56), at(64)];
  if (nfunc === 0 || !(cutab <= filetab && filetab <= pctab && pctab < pclntab)) return { ranges: [], zeroed: 0 };
  const nonzero = () => { let n = 0; for (let i = cutab; i < pclntab; i++) if (mem[i]) n++; return n; };
  const before = nonzero();
  const kept = new Map(); // offset -> end of each table that stays
  const uses = []; // addresses of the record fields that point at them
  let recordsEnd = pclntab;
  for (let i = 0; i < nfunc; i++) {
    const f = pclntab + dv.getUint32(pclntab + 8 * i + 4, true);
    const npcdata = dv.getUint32(f + FUNC.npcdata, true);
    for (const a of [f + FUNC.pcsp, ...Array.from({ length: npcdata }, (_, j) => f + FUNC.pcdata + 4 * j)]) {
      const off = dv.getUint32(a, true);
      if (!off) continue;
      kept.set(off, pcTableEnd(mem, pctab + off) - pctab);
      uses.push(a);
    }
    dv.setUint32(f + FUNC.pcfile, 0, true);
    dv.setUint32(f + FUNC.pcln, 0, true);
    // Only funcfile reads cuOffset (after a file was found), and only
    // Frames and profiles read startLine: zeros, which need no segment.
    dv.setUint32(f + FUNC.cuOffset, 0, true);
    dv.setUint32(f + FUNC.startLine, 0, true);
    recordsEnd = Math.max(recordsEnd, f + FUNC.pcdata + 4 * (npcdata + mem[f + FUNC.nfuncdata]));
  }
  const offs = [...kept.keys()].sort((a, b) => a - b);
  const apart = offs.every((o, k) => k === 0 || o >= kept.get(offs[k - 1]));
  const tables = mem.slice(pctab, pclntab);
  mem.fill(0, cutab, pclntab); // cutab, the file table, pctab
  if (apart) {
    const moved = new Map();
    let next = 1; // offset 0 means no table
    for (const o of offs) {
      mem.set(tables.subarray(o, kept.get(o)), pctab + next);
      moved.set(o, next);
      next += kept.get(o) - o;
    }
    for (const a of uses) dv.setUint32(a, moved.get(dv.getUint32(a, true)), true);
  } else {
    for (const o of offs) mem.set(tables.subarray(o, kept.get(o)), pctab + o);
  }
  return { ranges: [{ start: cutab, end: pctab }, { start: pctab, end: pclntab }, { start: pclntab, end: recordsEnd }], zeroed: before - nonzero() };
}

// Go's inline trees (FUNCDATA_InlTree, ~124 KB of the module, in
// go:func.*) and the pcdata tables that index them (PCDATA_InlTreeIndex,
// ~59 KB of pctab) say which inlined call a pc is in. The runtime reads
// them only through newInlineUnwinder: tracebacks, runtime.Callers, Caller,
// FuncForPC and Frames, memory and execution profiling (off in this
// module: nothing reads a profile), async preemption's name test (wasm has
// none) and recover's count of the frames between the deferred call and
// gopanic. A function whose InlTree funcdata offset is ^0 has no tree:
// funcdata returns nil and the unwinder reports the physical frame alone.
// For recover that only leaves out inlined frames, and a frame that calls
// recover is never inlined, so which calls recover the same is unchanged
// (one frame, the deferred function, between it and gopanic). So here
// every record's tree offset becomes ^0 and its tree index offset 0, the
// tree bytes become zeros, and so do the names (in funcnametab) that only
// the trees used. A tree is kept whole when its pcdata index table is
// missing or another funcdata starts inside it. A traceback then names the
// function a pc is in, without the calls inlined there.
const FUNCDATA_INLTREE = 3, PCDATA_INLTREEINDEX = 2, INLINED_CALL = 16;

// moduleData returns the address of runtime.firstmoduledata (its first
// word points at the pcHeader, its second at the function name table), or
// -1.
function moduleData(mem, h) {
  const dv = new DataView(mem.buffer, mem.byteOffset, mem.byteLength);
  const names = h + Number(dv.getBigUint64(h + 32, true));
  for (let m = 0; m + 336 <= mem.length; m += 8) {
    if (Number(dv.getBigUint64(m, true)) === h && Number(dv.getBigUint64(m + 8, true)) === names) return m;
  }
  return -1;
}

// pcTableMax returns the largest value of the pc-value table at pctab+off
// (values start at -1 and change by zig-zag varint deltas).
function pcTableMax(mem, at) {
  let v = -1, max = -1;
  for (let first = true; ; first = false) {
    let r = 0, s = 0, b;
    do { b = mem[at++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80);
    if (r === 0 && !first) return max;
    v += r % 2 ? -(r + 1) / 2 : r / 2;
    if (v > max) max = v;
    do { b = mem[at++]; } while (b & 0x80);
  }
}

// dropInlineTrees rewrites a memory image in place as above and returns
// the ranges it rewrote and the bytes it zeroed.
export function dropInlineTrees(mem) {
  const h = pcHeader(mem);
  const none = { ranges: [], zeroed: 0, trees: 0 };
  if (h < 0) return none;
  const md = moduleData(mem, h);
  if (md < 0) return none;
  const dv = new DataView(mem.buffer, mem.byteOffset, mem.byteLength);
  const at = (k) => h + Number(dv.getBigUint64(h + k, true));
  const nfunc = Number(dv.getBigUint64(h + 8, true));
  const [funcnametab, pctab, pclntab] = [at(32), at(56), at(64)];
  const gofunc = Number(dv.getBigUint64(md + 320, true));
  const records = [];
  for (let i = 0; i < nfunc; i++) records.push(pclntab + dv.getUint32(pclntab + 8 * i + 4, true));
  const fdOff = (f, j) => f + FUNC.pcdata + 4 * (dv.getUint32(f + FUNC.npcdata, true) + j);
  const trees = new Map(); // tree address -> end
  const others = []; // other funcdata addresses
  const drop = [];
  for (const f of records) {
    const npcdata = dv.getUint32(f + FUNC.npcdata, true), nfd = mem[f + FUNC.nfuncdata];
    for (let j = 0; j < nfd; j++) {
      const o = dv.getUint32(fdOff(f, j), true);
      if (o === 0xffffffff) continue;
      if (j !== FUNCDATA_INLTREE) { others.push(gofunc + o); continue; }
      const idx = npcdata > PCDATA_INLTREEINDEX ? dv.getUint32(f + FUNC.pcdata + 4 * PCDATA_INLTREEINDEX, true) : 0;
      if (!idx) { others.push(gofunc + o); continue; }
      const end = gofunc + o + INLINED_CALL * (pcTableMax(mem, pctab + idx) + 1);
      trees.set(gofunc + o, Math.max(trees.get(gofunc + o) ?? 0, end));
      drop.push(f);
    }
  }
  const starts = [...trees.keys()].sort((a, b) => a - b);
  const sorted = others.sort((a, b) => a - b);
  const clash = new Set();
  for (const s of starts) {
    // another funcdata starting inside, or a tree overlapping the next
    let lo = 0, hi = sorted.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (sorted[m] < s) lo = m + 1; else hi = m; }
    if (lo < sorted.length && sorted[lo] < trees.get(s)) clash.add(s);
  }
  for (let k = 1; k < starts.length; k++) if (starts[k] < trees.get(starts[k - 1])) { clash.add(starts[k]); clash.add(starts[k - 1]); }
  const nonzero = (a, b) => { let n = 0; for (let i = a; i < b; i++) if (mem[i]) n++; return n; };
  const keptNames = new Set(records.map((f) => dv.getUint32(f + 4, true)));
  const treeNames = new Set();
  let zeroed = 0, dropped = 0, lo = Infinity, hi = 0;
  for (const f of drop) {
    const a = f + FUNC.pcdata + 4 * PCDATA_INLTREEINDEX, t = fdOff(f, FUNCDATA_INLTREE);
    const s = gofunc + dv.getUint32(t, true);
    if (clash.has(s)) {
      for (let e = s; e < trees.get(s); e += INLINED_CALL) keptNames.add(dv.getUint32(e + 4, true));
      continue;
    }
    dv.setUint32(a, 0, true);
    dv.setUint32(t, 0xffffffff, true);
    dropped++;
  }
  for (const s of starts) {
    if (clash.has(s)) continue;
    const e = trees.get(s);
    for (let p = s; p < e; p += INLINED_CALL) treeNames.add(dv.getUint32(p + 4, true));
    zeroed += nonzero(s, e);
    mem.fill(0, s, e);
    lo = Math.min(lo, s); hi = Math.max(hi, e);
  }
  const ranges = lo < hi ? [{ start: lo, end: hi }] : [];
  let nlo = Infinity, nhi = 0;
  for (const off of treeNames) {
    if (keptNames.has(off)) continue;
    const s = funcnametab + off;
    let e = s;
    while (mem[e]) e++;
    zeroed += e - s;
    mem.fill(0, s, e);
    nlo = Math.min(nlo, s); nhi = Math.max(nhi, e);
  }
  if (nlo < nhi) ranges.push({ start: nlo, end: nhi });
  return { ranges, zeroed, trees: dropped };
}

// runtimeTablesDiffer returns where the packed memory differs from the
// original in what the runtime reads to unwind, grow and scan stacks: the
// pcHeader, the function lookup table (ftab), every function record but its
// pcfile and pcln offsets, cuOffset, startLine and where its pcsp and pcdata
// tables start, its pcdata and funcdata offsets' presence and the funcdata
// offsets (but an inline tree's, which may be gone with its index table),
// and the bytes of each pcsp and pcdata table, wherever it now is. It
// returns '' when they are the same.
export function runtimeTablesDiffer(orig, packed) {
  const h = pcHeader(orig);
  if (h < 0) return '';
  const dv = new DataView(orig.buffer, orig.byteOffset, orig.byteLength);
  const pv = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const nfunc = Number(dv.getBigUint64(h + 8, true));
  const pctab = h + Number(dv.getBigUint64(h + 56, true)), pclntab = h + Number(dv.getBigUint64(h + 64, true));
  const same = (a, b, what) => {
    for (let i = a; i < b; i++) if (orig[i] !== packed[i]) throw new Error(`${what} differs at ${i}`);
  };
  const sameTable = (o, p, what) => {
    if (!o !== !p) throw new Error(`${what}: offset ${o} became ${p}`);
    if (!o) return;
    const a = orig.subarray(pctab + o, pcTableEnd(orig, pctab + o)), b = packed.subarray(pctab + p, pcTableEnd(packed, pctab + p));
    if (a.length !== b.length || a.some((x, k) => x !== b[k])) throw new Error(`${what} at ${o} (now ${p}) differs`);
  };
  try {
    same(h, h + 72, 'pcHeader');
    same(pclntab, pclntab + 8 * (nfunc + 1), 'ftab');
    for (let i = 0; i < nfunc; i++) {
      const f = pclntab + dv.getUint32(pclntab + 8 * i + 4, true);
      const npcdata = dv.getUint32(f + FUNC.npcdata, true);
      same(f, f + FUNC.pcsp, `function ${i}'s record`);
      same(f + FUNC.npcdata, f + FUNC.cuOffset, `function ${i}'s record`);
      same(f + FUNC.startLine + 4, f + FUNC.pcdata, `function ${i}'s record`);
      for (let j = 0; j < orig[f + FUNC.nfuncdata]; j++) {
        const a = f + FUNC.pcdata + 4 * (npcdata + j);
        // An inline tree may be gone (offset ^0), with its index table.
        if (j === FUNCDATA_INLTREE && pv.getUint32(a, true) === 0xffffffff && (npcdata <= PCDATA_INLTREEINDEX || !pv.getUint32(f + FUNC.pcdata + 4 * PCDATA_INLTREEINDEX, true))) continue;
        same(a, a + 4, `function ${i}'s funcdata ${j}`);
      }
      sameTable(dv.getUint32(f + FUNC.pcsp, true), pv.getUint32(f + FUNC.pcsp, true), `function ${i}'s pcsp table`);
      const noTree = orig[f + FUNC.nfuncdata] > FUNCDATA_INLTREE && pv.getUint32(f + FUNC.pcdata + 4 * (npcdata + FUNCDATA_INLTREE), true) === 0xffffffff;
      for (let j = 0; j < npcdata; j++) {
        const a = f + FUNC.pcdata + 4 * j;
        if (j === PCDATA_INLTREEINDEX && noTree && !pv.getUint32(a, true)) continue;
        sameTable(dv.getUint32(a, true), pv.getUint32(a, true), `function ${i}'s pcdata ${j} table`);
      }
    }
  } catch (e) {
    return e.message;
  }
  return '';
}

// withRewrites returns the segments with the name tables shortened and
// the line tables dropped: what changed (each range, widened to the
// segments over it) is cut into segments afresh where the zeros are, so
// bytes moved to where no segment was are kept too.
function withRewrites(segs) {
  const mem = image(segs);
  const { tables, freed } = shortenNames(mem);
  const inl = dropInlineTrees(mem);
  const { ranges, zeroed } = dropLineTables(mem);
  const changed = [...tables, ...inl.ranges, ...ranges];
  if (freed === 0 && changed.length === 0) return { segs, freed: 0, zeroed: 0, inlined: inl };
  const over = (s, t) => s.offset < t.end && s.offset + s.len > t.start;
  const spans = changed.map((t) => ({ ...t })).sort((x, y) => x.start - y.start);
  for (const t of spans) {
    for (const s of segs) {
      if (over(s, t)) { t.start = Math.min(t.start, s.offset); t.end = Math.max(t.end, s.offset + s.len); }
    }
  }
  const merged = [];
  for (const t of spans) {
    const last = merged[merged.length - 1];
    if (last && t.start <= last.end) last.end = Math.max(last.end, t.end);
    else merged.push({ start: t.start, end: t.end });
  }
  const out = segs.filter((s) => !merged.some((t) => over(s, t)));
  for (const { start, end } of merged) {
    let a = start;
    while (a < end) {
      while (a < end && mem[a] === 0) a++;
      if (a === end) break;
      let b = a, zeros = 0;
      for (; b < end; b++) {
        if (mem[b] !== 0) zeros = 0;
        else if (++zeros === MIN_ZEROS) { b -= MIN_ZEROS - 1; break; }
      }
      while (b > a && mem[b - 1] === 0) b--;
      const data = mem.slice(a, b);
      out.push({ offset: a, len: b - a, data, encoded: 3 + s32(a).length + u32(b - a).length + b - a });
      a = b;
    }
  }
  out.sort((x, y) => x.offset - y.offset);
  return { segs: out, freed, zeroed, inlined: inl };
}

function image(segs) {
  const end = segs.reduce((e, s) => Math.max(e, s.offset + s.len), 0);
  const mem = new Uint8Array(end);
  for (const s of segs) mem.set(s.data, s.offset);
  return mem;
}

// counter returns how a region's windows count, when they do: window k
// holds from + floor((k + skew) / every) as a little-endian number of
// win bytes (win at most 4), as Go's findfunctab does on wasm, where every
// function spans 64 K PCs, 16 buckets of 4 KB: the k-th bucket's entry is
// k >> 4, its sub-bucket bytes zero. Else null.
function counter(mem, r) {
  if (r.win > 4) return null;
  const val = (k) => { let v = 0; for (let j = r.win - 1; j >= 0; j--) v = v * 256 + (mem[r.base + k * r.stride + j] ?? 0); return v; };
  const from = val(0);
  let first = 1;
  while (first < r.windows && val(first) === from) first++;
  if (first === r.windows) return null;
  let every = 1;
  while (first + every < r.windows && val(first + every) === from + 1) every++;
  if (first > every) return null;
  const skew = every - first;
  for (let k = 0; k < r.windows; k++) if (val(k) !== from + Math.floor((k + skew) / every)) return null;
  return { from, every, skew };
}

const LOAD = { 1: 0x2d, 2: 0x2f, 4: 0x28, 8: 0x29 }; // i32.load8_u, i32.load16_u, i32.load, i64.load
const STORE = { 1: 0x3a, 2: 0x3b, 4: 0x36, 8: 0x37 }; // i32.store8, i32.store16, i32.store, i64.store

// filler is the start function's body: copy the passive segment to scratch
// memory, write the sparse stream's records where they go, scatter each
// region's windows, then zero the scratch and drop the segment.
function filler(regs, seg, scratch, total, stream) {
  const c = [];
  const i32 = (n) => c.push(0x41, ...s32(n | 0));
  const get = (l) => c.push(0x20, l), set = (l) => c.push(0x21, l);
  const [K, SRC, END, DST, V, SH, B, M, L] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  i32(scratch); i32(0); i32(total); c.push(0xfc, 8, ...u32(seg), 0); // memory.init
  // The stream (sparseStream): records of zeros to skip, a length and that
  // many bytes, the first two as unsigned LEB128.
  const uleb = () => { // V = the varint at SRC; SRC moves past it
    i32(0); set(V); i32(0); set(SH);
    c.push(0x03, 0x40); // loop
    get(SRC); c.push(0x2d, 0, 0, 0x22, B); // b = load8_u(src)
    i32(0x7f); c.push(0x71); get(SH); c.push(0x74); get(V); c.push(0x72); set(V); // v |= (b & 0x7f) << sh
    get(SH); i32(7); c.push(0x6a); set(SH);
    get(SRC); i32(1); c.push(0x6a); set(SRC);
    get(B); i32(0x80); c.push(0x71, 0x0d, 0); // more bytes
    c.push(0x0b);
  };
  if (stream.len) {
    i32(scratch + stream.src); set(SRC);
    i32(scratch + stream.src + stream.len); set(END);
    i32(0); set(DST);
    c.push(0x02, 0x40, 0x03, 0x40); // block, loop
    get(SRC); get(END); c.push(0x4f, 0x0d, 1); // src >= end: done
    uleb(); get(DST); get(V); c.push(0x6a); set(DST); // skip zeros
    uleb(); get(V); set(M); // 2·count + copy
    get(V); i32(1); c.push(0x76); set(V); // count
    get(DST); get(SRC); get(V); c.push(0xfc, 10, 0, 0); // memory.copy: the bytes stored
    get(DST); get(V); c.push(0x6a); set(DST);
    get(SRC); get(V); c.push(0x6a); set(SRC);
    get(M); i32(1); c.push(0x71, 0x04, 0x40); // if copy
    uleb(); get(V); set(L); // length
    uleb(); get(DST); get(DST); get(V); c.push(0x6b); get(L); c.push(0xfc, 10, 0, 0); // memory.copy from dst - distance
    get(DST); get(L); c.push(0x6a); set(DST);
    c.push(0x0b); // end if
    c.push(0x0c, 0, 0x0b, 0x0b); // br loop; end loop; end block
  }
  for (const r of regs) {
    i32(0); set(K); // k = 0
    c.push(0x03, 0x40); // loop
    get(K); i32(r.stride); c.push(0x6c); // k*stride
    if (r.counter) { // from + (k + skew) / every
      get(K); i32(r.counter.skew); c.push(0x6a); i32(r.counter.every); c.push(0x6e); i32(r.counter.from); c.push(0x6a);
    } else {
      get(K); i32(r.win); c.push(0x6c); // k*win
      c.push(LOAD[r.win], 0, ...u32(scratch + r.src));
    }
    c.push(STORE[r.win], 0, ...u32(r.base));
    get(K); i32(1); c.push(0x6a, 0x22, K); i32(r.windows); c.push(0x49, 0x0d, 0); // k++ < windows
    c.push(0x0b); // end loop
  }
  i32(scratch); i32(0); i32(total); c.push(0xfc, 11, 0); // memory.fill
  c.push(0xfc, 9, ...u32(seg)); // data.drop
  c.push(0x0b);
  const body = [1, 9, 0x7f, ...c]; // nine i32 locals
  return [...u32(body.length), ...body];
}

// SPLIT_ZEROS: a run of this many zeros or more ends a record of the
// sparse stream (a record's header is two or three bytes; a data
// segment's was seven or eight, MIN_ZEROS).
const SPLIT_ZEROS = 2;
// The start function's loop that writes the stream out is ~160 bytes of
// code: a module with fewer segments to save keeps them active.
const STREAM_CODE = 160;
// Back-references (below): the shortest copy worth a record (tried at 6 to
// 11 on engine.wasm: 9 packs smallest), and how many earlier places with
// the same first four bytes are tried (8: +9 KB, 64 and 128 within 1 KB).
const MIN_MATCH = 9;
const CHAIN = 64;

// sparseStream encodes a memory image as records the start function writes
// out in address order. A record is: the number of zero bytes to skip
// (from where the previous record ended), then n = 2·count + copy, then
// count bytes to store; when copy is 1, then a length and a distance: that
// many bytes are copied from that far back in memory (already written, and
// never overlapping the bytes being written), as an LZ77 back-reference.
// The numbers are unsigned LEB128. Zero runs of SPLIT_ZEROS or more are
// skipped rather than stored. The module carries two or three bytes per
// record where an active data segment cost seven or eight, and Go's
// repeated tables (type descriptors, function records, stack maps) once.
export function sparseStream(mem, split = SPLIT_ZEROS, minMatch = MIN_MATCH) {
  const out = [];
  const HBITS = 18, head = new Int32Array(1 << HBITS).fill(-1), prev = new Int32Array(mem.length).fill(-1);
  const hash = (i) => (Math.imul(mem[i] | (mem[i + 1] << 8) | (mem[i + 2] << 16) | (mem[i + 3] << 24), 0x9e3779b1) >>> (32 - HBITS));
  const insert = (i) => { if (i + 4 <= mem.length) { const h = hash(i); prev[i] = head[h]; head[h] = i; } };
  const zeroRun = (i) => { let j = i; while (j < mem.length && j - i < split && mem[j] === 0) j++; return j - i >= split || (j === mem.length && j > i); };
  // longest returns the longest earlier copy of the bytes at i that ends
  // at or before i, if it is at least minMatch long.
  const longest = (i) => {
    if (i + minMatch > mem.length) return null;
    let best = 0, bestAt = -1, tries = CHAIN;
    for (let c = head[hash(i)]; c >= 0 && tries-- > 0; c = prev[c]) {
      const limit = Math.min(i - c, mem.length - i);
      if (limit <= best) continue;
      let l = 0;
      while (l < limit && mem[c + l] === mem[i + l]) l++;
      if (l > best) { best = l; bestAt = c; }
    }
    return best >= minMatch ? { len: best, dist: i - bestAt } : null;
  };
  let a = 0, prevEnd = 0, records = 0, copies = 0;
  while (a < mem.length) {
    while (a < mem.length && mem[a] === 0) a++;
    if (a >= mem.length) break;
    // Bytes stored from a until a copy (taken unless the next byte starts
    // a longer one: lazy matching) or a zero run.
    const litStart = a;
    let match = null;
    while (a < mem.length) {
      if (mem[a] === 0 && zeroRun(a)) break;
      const m = minMatch > 0 ? longest(a) : null;
      if (m && !(mem[a + 1] !== 0 && (longest(a + 1)?.len ?? 0) > m.len + 1)) { match = m; break; }
      insert(a);
      a++;
    }
    const lits = mem.subarray(litStart, a);
    const head0 = [...u32(litStart - prevEnd), ...u32(2 * lits.length + (match ? 1 : 0))];
    out.push(Uint8Array.from(head0), lits);
    if (match) {
      out.push(Uint8Array.from([...u32(match.len), ...u32(match.dist)]));
      for (let i = a; i < a + match.len; i++) insert(i);
      a += match.len;
      copies++;
    }
    records++;
    prevEnd = a;
  }
  return { bytes: Buffer.concat(out), records, copies };
}

// cat joins byte arrays (spreading a megabyte into push overflows the stack).
function cat(...parts) { return Buffer.concat(parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)))); }
function vec(items) { return cat(u32(items.length), ...items); }
function section(id, body) { return cat([id], u32(body.length), body); }

// pack returns the rewritten module and what it did; the module unchanged
// when nothing is worth packing.
export function pack(bytes) {
  const secs = sections(bytes);
  const find = (id) => secs.find((s) => s.id === id);
  // Every segment is active (activeSegments checks), and an active
  // segment is dropped once instantiated, so no code can use one by index:
  // renumbering them is safe.
  if (find(SEC.start) || !find(SEC.data) || !find(SEC.memory)) {
    throw new Error('pack-data: expected a module with memory and data, and no start function');
  }
  const { segs, freed, zeroed, inlined } = withRewrites(activeSegments(find(SEC.data).body));
  const regs = regions(segs);
  if (regs.length === 0 && freed === 0 && zeroed === 0 && !inlined?.zeroed) return { bytes, regions: [], freed, zeroed, inlined };
  const mem = image(segs);
  const packed = new Set(regs.flatMap((r) => r.segs));
  const payload = [];
  for (const r of regs) {
    r.src = payload.length;
    const c = counter(mem, r);
    if (c) { r.counter = c; continue; } // no payload: the loop computes the windows
    for (let k = 0; k < r.windows; k++) {
      for (let j = 0; j < r.win; j++) payload.push(mem[r.base + k * r.stride + j] ?? 0);
    }
  }

  const kept = segs.filter((s) => !packed.has(s));
  // The other segments become one sparse stream after the windows, in the
  // same passive segment, when that is smaller than keeping them as active
  // segments (the stream's loop costs STREAM_CODE bytes of code).
  const sparse = sparseStream(image(kept));
  const useStream = sparse.bytes.length + STREAM_CODE < kept.reduce((a, s) => a + s.encoded, 0);
  const active = useStream ? [] : kept;
  const stream = { src: payload.length, len: useStream ? sparse.bytes.length : 0, records: useStream ? sparse.records : 0 };
  if (useStream) for (const b of sparse.bytes) payload.push(b);
  // Scratch: the top of the initial memory, above every data segment (Go's
  // zeroed bss and heap, zeroed again before the runtime starts).
  const memReader = new Reader(find(SEC.memory).body);
  memReader.u32();
  memReader.byte();
  const pages = memReader.u32();
  const scratch = Math.floor((pages * 65536 - payload.length) / 8) * 8;
  if (scratch < mem.length) throw new Error('pack-data: no room above the data for the scratch copy');
  const dataBody = vec([
    ...active.map((s) => cat([0, 0x41, ...s32(s.offset), 0x0b, ...u32(s.len)], s.data)),
    cat([1, ...u32(payload.length)], payload),
  ]);
  const segIndex = active.length;

  // A () -> () type for the start function.
  const typeBody = find(SEC.type).body;
  const tr = new Reader(find(SEC.type).body);
  const ntypes = tr.u32();
  let voidType = -1;
  for (let i = 0; i < ntypes; i++) {
    const at = tr.p;
    tr.byte(); // 0x60
    const np = tr.u32(); tr.p += np;
    const nr = tr.u32(); tr.p += nr;
    if (np === 0 && nr === 0 && voidType < 0) voidType = i;
    void at;
  }
  let newTypes = typeBody;
  if (voidType < 0) {
    voidType = ntypes;
    newTypes = cat(u32(ntypes + 1), typeBody.subarray(u32(ntypes).length), [0x60, 0, 0]);
  }
  let imported = 0;
  if (find(SEC.import)) {
    const ir = new Reader(find(SEC.import).body);
    const n = ir.u32();
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < 2; k++) { const len = ir.u32(); ir.p += len; } // module, name
      const kind = ir.byte();
      if (kind === 0) { ir.u32(); imported++; }
      else if (kind === 1) { ir.byte(); const f = ir.u32(); ir.u32(); if (f & 1) ir.u32(); }
      else if (kind === 2) { const f = ir.u32(); ir.u32(); if (f & 1) ir.u32(); }
      else if (kind === 3) { ir.byte(); ir.byte(); }
      else throw new Error(`pack-data: unknown import kind ${kind}`);
    }
  }
  const fr = new Reader(find(SEC.func).body);
  const defined = fr.u32();
  const funcBody = cat(u32(defined + 1), find(SEC.func).body.subarray(fr.p), u32(voidType));
  const cr = new Reader(find(SEC.code).body);
  const ncode = cr.u32();
  const codeBody = cat(u32(ncode + 1), find(SEC.code).body.subarray(cr.p), filler(regs, segIndex, scratch, payload.length, stream));
  const startIndex = imported + defined;

  const out = [bytes.subarray(0, 8)];
  for (const s of secs) {
    if (s.id === SEC.type) out.push(section(SEC.type, newTypes));
    else if (s.id === SEC.func) out.push(section(SEC.func, funcBody));
    else if (s.id === SEC.datacount) continue;
    else if (s.id === SEC.code) {
      out.push(section(SEC.datacount, u32(active.length + 1)));
      out.push(section(SEC.code, codeBody));
    } else if (s.id === SEC.data) out.push(section(SEC.data, dataBody));
    else out.push(section(s.id, s.body));
    // The start section goes after exports (or, without them, after
    // memory/globals): before elements, data count and code.
    if (s.id === SEC.export || (s.id !== SEC.custom && !find(SEC.export) && s.id === SEC.memory)) {
      out.push(section(SEC.start, u32(startIndex)));
    }
  }
  return { bytes: new Uint8Array(cat(...out)), regions: regs.map(({ segs: rs, ...r }) => ({ ...r, segments: rs.length })), freed, zeroed, inlined, sparse: { segments: useStream ? kept.length : 0, records: stream.records, copies: useStream ? sparse.copies : 0, bytes: stream.len } };
}

// memoryAfterStart instantiates a module with stub imports (nothing but the
// start function runs) and returns its exported memory.
export async function memoryAfterStart(bytes) {
  const mod = await WebAssembly.compile(bytes);
  const imports = {};
  for (const imp of WebAssembly.Module.imports(mod)) {
    if (imp.kind !== 'function') throw new Error(`pack-data: cannot stub import ${imp.module}.${imp.name} (${imp.kind})`);
    (imports[imp.module] ??= {})[imp.name] = () => { throw new Error(`${imp.name} called during instantiation`); };
  }
  const inst = await WebAssembly.instantiate(mod, imports);
  const memory = Object.values(inst.exports).find((e) => e instanceof WebAssembly.Memory);
  if (!memory) throw new Error('pack-data: the module exports no memory');
  return new Uint8Array(memory.buffer);
}

// packChecked packs and proves the packed module starts with the same
// memory as the original.
export async function packChecked(bytes) {
  const res = pack(bytes);
  if (res.bytes === bytes) return res;
  const [a, b] = await Promise.all([memoryAfterStart(bytes), memoryAfterStart(res.bytes)]);
  // Independently of the rewrite's own code: what the runtime reads for
  // stacks and the GC is the same bytes.
  const differ = runtimeTablesDiffer(a, b);
  if (differ) throw new Error(`pack-data: packed module's ${differ}`);
  shortenNames(a); // the intended differences
  dropInlineTrees(a);
  dropLineTables(a);
  if (a.length !== b.length) throw new Error(`pack-data: memory size ${b.length}, want ${a.length}`);
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) throw new Error(`pack-data: packed module's memory differs at ${i}`);
  }
  return res;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node scripts/pack-data.mjs in.wasm out.wasm');
    process.exit(2);
  }
  const bytes = fs.readFileSync(input);
  const res = await packChecked(bytes);
  fs.writeFileSync(output, res.bytes);
  const segs = res.regions.reduce((a, r) => a + r.segments, 0);
  console.error(`   pack-data: ${segs} data segments in ${res.regions.length} strided run(s) -> one; function names ${res.freed} bytes shorter; line tables ${res.zeroed} bytes zeroed; inline trees of ${res.inlined?.trees ?? 0} functions and their names ${res.inlined?.zeroed ?? 0} bytes zeroed; ${res.sparse?.segments ?? 0} other segments -> ${res.sparse?.records ?? 0} records of a sparse stream (${res.sparse?.copies ?? 0} of them copies) (${res.sparse?.bytes ?? 0} bytes); ${bytes.length} -> ${res.bytes.length} bytes`);
}
