// Hosts the rule engine in the service worker. The module is compiled and
// instantiated once, lazily, on the first message that needs it; messages
// arriving meanwhile wait on the same promise, so none is dropped. A failed
// load is forgotten so the next message tries again.

export function createEngineHost({ compile, loadEngine, clock = () => performance.now() }) {
  let pending = null;
  const timings = { loadMs: null, loads: 0 };

  return {
    timings,

    get() {
      if (!pending) {
        const started = clock();
        pending = (async () => {
          const module = await compile();
          const engine = await loadEngine(module);
          timings.loadMs = clock() - started;
          timings.loads++;
          return engine;
        })();
        pending.catch(() => {
          pending = null;
        });
      }
      return pending;
    },

    // loaded reports whether the engine is ready without waiting for it.
    get loaded() {
      return timings.loadMs !== null && pending !== null;
    },
  };
}

// compileEngine compiles wasm/engine.wasm from the extension package. Streaming
// compilation starts while bytes arrive and lets Chromium reuse its code cache.
export async function compileEngine(url) {
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(fetch(url));
    } catch (err) {
      // A wrong MIME type makes streaming refuse; plain compile does not care.
      if (!(err instanceof TypeError)) throw err;
    }
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`engine: cannot read ${url}: HTTP ${res.status}`);
  return WebAssembly.compile(await res.arrayBuffer());
}
