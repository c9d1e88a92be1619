// ReplyGuard engine host: loads wasm/engine.wasm (a Go wasip1 reactor) and
// wraps its ABI (wasm/doc.go) in a small object. No chrome.* calls, so the
// same file runs in the service worker, an extension page, a content script
// and Node 20. Reply text only passes through memory: nothing is logged.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Compiles the module once and returns an engine with the default policy.
 * @param {BufferSource | WebAssembly.Module} wasmBytes contents of engine.wasm
 */
export async function loadEngine(wasmBytes) {
  const module = wasmBytes instanceof WebAssembly.Module ? wasmBytes : await WebAssembly.compile(wasmBytes);
  return new Engine(module, await instantiate(module));
}

class Engine {
  #module;
  #live; // {exports, wasi} of the running instance, or null after a trap
  #policy = null; // the last accepted policy, restored after a restart
  // The compact path's state, tied to the running instance: the module's
  // input buffer, views of its memory, and the strings it has sent, by number.
  #input = { ptr: 0, size: 0 };
  #u8 = null;
  #u32 = null;
  #strings = [];

  constructor(module, live) {
    this.#module = module;
    this.#live = live;
  }

  /**
   * Checks one reply. Spans in the result are UTF-16 code units of text.
   * @param {{text: string, comment?: string, platform?: string, recent?: string[], private?: boolean, id?: any}} request
   *   private: the reply goes in a private message (a DM), not a public comment
   * @returns {{findings: object[], comment: {kind: string, negative: boolean, topics: string[]}, fingerprint: string}}
   */
  check(request) {
    const res = this.#checkCompact(request) ?? this.#call('check', JSON.stringify(request));
    if (res.error !== undefined) throw new Error(`replyguard engine: ${res.error}`);
    return res;
  }

  /**
   * check() always through the JSON export (check, ABI 1), for tests and
   * benchmarks that compare the two paths.
   */
  checkJSON(request) {
    const res = this.#call('check', JSON.stringify(request));
    if (res.error !== undefined) throw new Error(`replyguard engine: ${res.error}`);
    return res;
  }

  /**
   * Replaces the active policy; a rejected policy leaves the previous one.
   * @param {string} jsonText the policy file's text
   * @returns {{ok: boolean, errors: {path: string, message: string}[], name?: string, version?: string}}
   */
  setPolicy(jsonText) {
    const res = this.#call('set_policy', jsonText);
    if (res.ok) this.#policy = jsonText;
    res.errors ??= [];
    return res;
  }

  /**
   * Verifies a signed policy bundle (core/bundle); the active policy is not
   * changed. Older modules without the export answer {ok: false}.
   * @param {{bundle: string, public_key: string, serial_in_force: number}} request
   * @returns {{ok: boolean, kind?: string, error?: string, serial?: number, key_id?: string, name?: string, version?: string, policy?: string}}
   */
  verifyBundle(request) {
    if (typeof this.#exports().verify_bundle !== 'function') return { ok: false, kind: 'format', error: 'format: this engine cannot verify signed policies (rebuild engine.wasm)' };
    return this.#call('verify_bundle', JSON.stringify(request));
  }

  /** @returns {{abi: number, go: string, policy: {name: string, version: string}}} */
  version() {
    return this.#call('version');
  }

  /** Buffers allocated in the module and not freed: 0 between calls. */
  liveBuffers() {
    return this.#exports().live_buffers();
  }

  /** Size of the module's linear memory in bytes. */
  memoryBytes() {
    return this.#exports().memory.buffer.byteLength;
  }

  #exports() {
    if (!this.#live) this.#restart();
    return this.#live.exports;
  }

  // A trap leaves the Go runtime in an unknown state: drop the instance and
  // start a fresh one (with the same policy) on the next call.
  #restart() {
    this.#live = instantiateSync(this.#module);
    this.#input = { ptr: 0, size: 0 };
    this.#strings = [];
    if (this.#policy !== null) this.#call('set_policy', this.#policy);
  }

  // #checkCompact runs a request through check_compact (ABI 2): reply and
  // comment are encoded straight into the module's input buffer, and the
  // result comes back as words and new strings, decoded here into the same
  // object check's JSON would give. Requests it cannot carry exactly (an id,
  // a value of the wrong type, an unknown platform, a malformed fingerprint)
  // return undefined and go as JSON, so their errors read the same.
  #checkCompact(req) {
    const args = compactArgs(req);
    if (args === undefined) return undefined;
    const { text, comment, platform, recent } = args;
    const ex = this.#exports();
    if (typeof ex.check_compact !== 'function') return undefined; // an ABI 1 module
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const size = 3 * (text.length + comment.length) + 16 * recent.length + 1;
    if (size > this.#input.size) {
      const ptr = size > MAX_INPUT ? 0 : this.#guard('input', () => ex.input(size));
      if (ptr === 0) return undefined; // too large: the JSON path explains
      this.#input = { ptr, size };
    }
    const u8 = this.#view(ex);
    const { ptr } = this.#input;
    const textBytes = encoder.encodeInto(text, u8.subarray(ptr, ptr + size)).written;
    const commentBytes = encoder.encodeInto(comment, u8.subarray(ptr + textBytes, ptr + size)).written;
    let at = ptr + textBytes + commentBytes;
    for (const fp of recent) {
      const hex = fp.padStart(16, '0');
      for (let i = 0; i < 16; i++) u8[at++] = hex.charCodeAt(i);
    }
    const header = this.#guard('check', () => ex.check_compact(textBytes, commentBytes, platform, recent.length, this.#strings.length)) >>> 2;
    this.#view(ex); // memory may have grown during the call
    return this.#decodeCompact(header);
  }

  // #view returns a byte view of the module's memory, renewed after growth.
  #view(ex) {
    if (this.#u8 === null || this.#u8.buffer !== ex.memory.buffer) {
      this.#u8 = new Uint8Array(ex.memory.buffer);
      this.#u32 = new Uint32Array(ex.memory.buffer);
    }
    return this.#u8;
  }

  #decodeCompact(header) {
    const u8 = this.#u8;
    const u32 = this.#u32;
    const flags = u32[header];
    let w = u32[header + 1] >>> 2;
    let s = u32[header + 3];
    const strings = this.#strings;
    if (flags & FLAG_RESET) strings.length = 0;
    const str = () => {
      const v = u32[w++];
      const tag = v & 3;
      if (tag === TAG_REF) return strings[v >>> 2];
      if (tag === TAG_ABSENT) return undefined;
      const t = decoder.decode(u8.subarray(s, s + (v >>> 2)));
      s += v >>> 2;
      if (tag === TAG_NEW) strings.push(t);
      return t;
    };
    if (flags & FLAG_ERROR) return { error: str() };
    const findings = [];
    for (let n = u32[w++]; n > 0; n--) {
      const rule = str();
      const category = str();
      const severity = str();
      const start = u32[w++];
      const end = u32[w++];
      const f = { rule, category, severity, start, end, message: str() };
      const suggestion = str();
      if (suggestion !== undefined) f.suggestion = suggestion;
      const edits = u32[w++];
      if (edits > 0) {
        f.edits = [];
        for (let e = 0; e < edits; e++) {
          const start = u32[w++];
          const end = u32[w++];
          f.edits.push({ start, end, new_text: str() });
        }
      }
      findings.push(f);
    }
    const kind = str();
    const negative = u32[w++] === 1;
    const topics = [];
    for (let n = u32[w++]; n > 0; n--) topics.push(str());
    const fingerprint = hex8(u32[w]) + hex8(u32[w + 1]);
    return { findings, comment: { kind, negative, topics }, fingerprint };
  }

  // #guard runs one export call; a trap drops the instance.
  #guard(name, fn) {
    try {
      return fn();
    } catch (err) {
      if (err instanceof WebAssembly.RuntimeError || err instanceof ProcExit) {
        const detail = this.#live.wasi.stderrTail();
        this.#live = null;
        throw new Error(`replyguard engine: ${name} crashed (${err.message})${detail ? `: ${detail}` : ''}`);
      }
      throw err;
    }
  }

  #call(name, input) {
    const ex = this.#exports();
    const packed = this.#guard(name, () => {
      if (input === undefined) return ex[name]();
      const bytes = encoder.encode(input);
      // Empty input goes as (0, 0): alloc(0) fails, the export reports it.
      const ptr = bytes.length === 0 ? 0 : ex.alloc(bytes.length);
      if (ptr === 0 && bytes.length > 0) throw new Error(`replyguard engine: cannot take ${bytes.length} bytes of input`);
      new Uint8Array(ex.memory.buffer, ptr, bytes.length).set(bytes);
      return ex[name](ptr, bytes.length); // consumes the input buffer
    });
    const ptr = Number(packed >> 32n);
    const len = Number(packed & 0xffffffffn);
    // Read only after the call: memory may have grown and replaced the buffer.
    const text = decoder.decode(new Uint8Array(ex.memory.buffer, ptr, len));
    ex.free(ptr);
    return JSON.parse(text);
  }
}

// The compact ABI's constants (wasm/compact.go).
const FLAG_ERROR = 1;
const FLAG_RESET = 2;
const TAG_REF = 0;
const TAG_NEW = 1;
const TAG_ABSENT = 3;
const MAX_INPUT = 16 << 20;
const PRIVATE_BIT = 4; // in check_compact's platform word
const PLATFORM_CODES = new Map([
  [undefined, 0],
  [null, 0],
  ['', 0],
  ['facebook', 1],
  ['instagram', 2],
]);
const FINGERPRINT = /^[0-9a-fA-F]{1,16}$/;

// compactArgs returns the parts of a request check_compact carries exactly,
// or undefined for anything else: a plain object whose only keys are text (a
// string), comment (a string or null), platform (a known one or null),
// recent (fingerprints of 1-16 hex digits, or null) and private (a boolean
// or null).
function compactArgs(req) {
  if (req === null || typeof req !== 'object' || Object.getPrototypeOf(req) !== Object.prototype) return undefined;
  for (const key in req) {
    if (key !== 'text' && key !== 'comment' && key !== 'platform' && key !== 'recent' && key !== 'private') return undefined;
  }
  const { text, comment, platform, recent } = req;
  if (req.private != null && typeof req.private !== 'boolean') return undefined;
  if (typeof text !== 'string') return undefined;
  if (comment != null && typeof comment !== 'string') return undefined;
  const code = PLATFORM_CODES.get(platform);
  if (code === undefined) return undefined;
  if (recent != null) {
    if (!Array.isArray(recent)) return undefined;
    // An index loop, not every(): a hole must send the request as JSON too.
    for (let i = 0; i < recent.length; i++) {
      if (typeof recent[i] !== 'string' || !FINGERPRINT.test(recent[i])) return undefined;
    }
  }
  return { text, comment: comment ?? '', platform: req.private === true ? code | PRIVATE_BIT : code, recent: recent ?? [] };
}

// HEX2 formats bytes: a fingerprint's 16 digits by table cost a fifth of
// toString(16) and padStart in V8.
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(v) {
  return HEX2[v >>> 24] + HEX2[(v >>> 16) & 255] + HEX2[(v >>> 8) & 255] + HEX2[v & 255];
}

async function instantiate(module) {
  const wasi = new Wasi();
  const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.imports });
  return start(instance, wasi);
}

function instantiateSync(module) {
  const wasi = new Wasi();
  return start(new WebAssembly.Instance(module, { wasi_snapshot_preview1: wasi.imports }), wasi);
}

function start(instance, wasi) {
  wasi.memory = instance.exports.memory;
  instance.exports._initialize();
  return { exports: instance.exports, wasi };
}

class ProcExit extends Error {}

// The module's environment (ASCII only; wasm/doc.go): the Go runtime reads
// its GC settings at start. A wasm reactor has one thread and Go's scheduler
// runs only inside a call, so a concurrent collection's mark phase advances
// only by allocation assists and stays open across ~1,000 checks, each paying
// write barriers and assists (a third of a check's V8 instructions in
// bench-count). gcstoptheworld=1 runs each collection whole inside the call
// that triggers it (~3 MB live heap, a few ms, once per ~2,700 checks of
// 1,000 characters): ~1.9 M V8 instructions per such check instead of
// ~2.9 M, a lower worst-case check and ~19 MB of memory instead of ~28 MB.
// GOGC=200 and a 24 MiB limit as before. (runtime/debug.SetGCPercent would
// add 345 KB, and //go:debug does not take runtime settings.)
const ENVIRON = ['GOGC=200', 'GOMEMLIMIT=24MiB', 'GODEBUG=gcstoptheworld=1'];

// WASI preview-1 errno values the shim returns.
const SUCCESS = 0;
const EBADF = 8;

// Wasi is the minimal WASI preview 1 the Go runtime imports: no arguments,
// no environment, no files or preopens; clocks and randomness come from the
// platform. stdout is dropped and the tail of stderr is kept only to explain
// a crash (the Go runtime prints its fatal errors there).
// Hand-written rather than @bjorn3/browser_wasi_shim: measured in Node 20,
// instantiation (~5.5 ms) and per-check times are the same either way (a
// check makes ~0.4 WASI calls, all clock_time_get), and this keeps engine.js
// one dependency-free file that every extension context can import.
class Wasi {
  memory = null;
  #stderr = '';

  stderrTail() {
    return this.#stderr.trim().slice(-500);
  }

  get imports() {
    const view = () => new DataView(this.memory.buffer);
    const bytes = (ptr, len) => new Uint8Array(this.memory.buffer, ptr, len);
    const zeroPair = (a, b) => {
      const v = view();
      v.setUint32(a, 0, true);
      v.setUint32(b, 0, true);
      return SUCCESS;
    };
    return {
      args_sizes_get: zeroPair,
      args_get: () => SUCCESS,
      environ_sizes_get: (count, size) => {
        const v = view();
        v.setUint32(count, ENVIRON.length, true);
        v.setUint32(size, ENVIRON.reduce((n, e) => n + e.length + 1, 0), true);
        return SUCCESS;
      },
      environ_get: (ptrs, buf) => {
        const v = view();
        ENVIRON.forEach((e, i) => {
          v.setUint32(ptrs + 4 * i, buf, true);
          encoder.encodeInto(`${e}\0`, bytes(buf, e.length + 1));
          buf += e.length + 1;
        });
        return SUCCESS;
      },
      clock_time_get: (id, _precision, out) => {
        // 0 is the realtime clock; the others count from an arbitrary start.
        const ms = id === 0 ? Date.now() : performance.now();
        view().setBigUint64(out, BigInt(Math.round(ms * 1e6)), true);
        return SUCCESS;
      },
      random_get: (ptr, len) => {
        for (let off = 0; off < len; off += 65536) {
          crypto.getRandomValues(bytes(ptr + off, Math.min(65536, len - off)));
        }
        return SUCCESS;
      },
      fd_write: (fd, iovs, iovsLen, nwritten) => {
        const v = view();
        let n = 0;
        for (let i = 0; i < iovsLen; i++) {
          const ptr = v.getUint32(iovs + i * 8, true);
          const len = v.getUint32(iovs + i * 8 + 4, true);
          if (fd === 2) this.#stderr = (this.#stderr + decoder.decode(bytes(ptr, len))).slice(-2000);
          n += len;
        }
        v.setUint32(nwritten, n, true);
        return fd === 1 || fd === 2 ? SUCCESS : EBADF;
      },
      fd_read: (fd, _iovs, _iovsLen, nread) => {
        view().setUint32(nread, 0, true); // stdin is empty
        return fd === 0 ? SUCCESS : EBADF;
      },
      fd_close: () => SUCCESS,
      fd_fdstat_get: (fd, out) => {
        if (fd > 2) return EBADF;
        const v = view();
        v.setUint8(out, 2); // character device
        v.setUint16(out + 2, 0, true); // flags
        v.setBigUint64(out + 8, 0xffffffffffffffffn, true); // rights
        v.setBigUint64(out + 16, 0xffffffffffffffffn, true);
        return SUCCESS;
      },
      fd_fdstat_set_flags: (fd) => (fd > 2 ? EBADF : SUCCESS),
      fd_prestat_get: () => EBADF, // no preopened directories
      fd_prestat_dir_name: () => EBADF,
      poll_oneoff: (input, output, count, nevents) => {
        // Go polls only to sleep. Report every subscription as ready at once:
        // the runtime rechecks its timers, so an early wake-up is harmless.
        const v = view();
        for (let i = 0; i < count; i++) {
          const sub = input + i * 48;
          const ev = output + i * 32;
          v.setBigUint64(ev, v.getBigUint64(sub, true), true); // userdata
          v.setUint16(ev + 8, 0, true); // error
          v.setUint8(ev + 10, v.getUint8(sub + 8)); // type
          v.setBigUint64(ev + 16, 0n, true);
          v.setUint16(ev + 24, 0, true);
        }
        v.setUint32(nevents, count, true);
        return SUCCESS;
      },
      sched_yield: () => SUCCESS,
      proc_exit: (code) => {
        throw new ProcExit(`exit code ${code}`);
      },
    };
  }
}
