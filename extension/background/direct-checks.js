// Keeps the offscreen document able to answer content scripts' checks itself
// (see offscreen-host.js): whenever the check context is dropped (a stored
// key it depends on changed, IT's settings changed) or the policy changes,
// the document is put on hold at once, so the worker answers checks with
// fresh state, and gets the new context once the engine holds the policy in
// force and the context is rebuilt. With the in-worker engine host this does
// nothing and the worker answers every check.

export function createDirectChecks({ host, policy, checkContext }) {
  if (typeof host?.serve !== 'function') {
    return { serving: false, sync: async () => {}, ensure: async () => {}, settled: async () => {} };
  }
  let running = null;
  let again = false;

  // attempt hands over a context that nothing has changed under since it
  // was built; a change while building means building again.
  async function attempt() {
    for (let i = 0; i < 5; i++) {
      const gen = host.generation;
      const building = checkContext.get();
      const [, ctx] = await Promise.all([policy.engine(), building]);
      if (host.generation === gen && checkContext.get() === building) {
        host.serve(ctx);
        return;
      }
    }
  }

  function sync() {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await attempt();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  checkContext.onInvalidate(() => {
    host.hold();
    sync().catch(() => {}); // the next worker-answered check tries again
  });

  return {
    get serving() {
      return host.serving;
    },
    sync,
    // ensure starts handing over if the document is not serving yet.
    ensure() {
      if (running) return running;
      return host.serving || host.handingOver ? Promise.resolve() : sync();
    },
    // settled resolves once any hand-over under way has finished (or failed).
    settled() {
      return running ? running.catch(() => {}) : Promise.resolve();
    },
  };
}
