// A write-through mirror of chrome.storage.local for the service worker:
// reads come from memory after the first load (a check must not wait on
// storage), writes go to storage at once, and read-modify-write updates of
// one key are serialized so two tabs reporting threads cannot lose an update.
// subscribe(fn) calls fn(keys) synchronously whenever the mirror changes
// (a write here, or another page's write seen through changed()), so caches
// built from the mirror can be dropped before anyone reads them again.

import { KEYS } from '../shared/keys.js';

// Keys that extension pages write directly; the worker writes all others.
export const EXTERNAL_KEYS = [KEYS.settings];

export function createStore(area) {
  let mirror = null;
  let loading = null;
  const queues = new Map();
  const listeners = new Set();

  function notify(keys) {
    if (!keys.length) return;
    for (const fn of listeners) {
      try {
        fn(keys);
      } catch (err) {
        console.warn('ReplyGuard: store listener:', err?.message ?? err);
      }
    }
  }

  async function load() {
    if (mirror) return mirror;
    loading ??= area.get(Object.values(KEYS)).then(
      (items) => {
        mirror = { ...items };
        return mirror;
      },
      (err) => {
        loading = null; // try again on the next read
        throw err;
      },
    );
    return loading;
  }

  return {
    load,

    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },

    async get(key) {
      return (await load())[key];
    },

    async set(items) {
      const m = await load();
      for (const [k, v] of Object.entries(items)) {
        if (v === undefined) delete m[k];
        else m[k] = v;
      }
      notify(Object.keys(items));
      const removed = Object.keys(items).filter((k) => items[k] === undefined);
      const kept = Object.fromEntries(Object.entries(items).filter(([, v]) => v !== undefined));
      if (removed.length) await area.remove(removed);
      if (Object.keys(kept).length) await area.set(kept);
    },

    // update runs fn(current) -> next for one key, one update at a time.
    update(key, fn) {
      const prev = queues.get(key) ?? Promise.resolve();
      const run = prev.catch(() => {}).then(async () => {
        const next = await fn((await load())[key]);
        await this.set({ [key]: next });
        return next;
      });
      queues.set(key, run);
      return run;
    },

    // changed applies chrome.storage.onChanged changes to the keys other
    // extension pages write (the popup's site toggles). Every other key is
    // written only here, and replaying our own late change events could
    // roll the mirror back.
    changed(changes) {
      // A change that lands while the first read is under way may or may
      // not be in what it returns: apply it once the mirror exists.
      if (!mirror) {
        loading?.then(() => this.changed(changes), () => {});
        return;
      }
      const keys = [];
      for (const [k, { newValue }] of Object.entries(changes)) {
        if (!EXTERNAL_KEYS.includes(k)) continue;
        if (newValue === undefined) delete mirror[k];
        else mirror[k] = newValue;
        keys.push(k);
      }
      notify(keys);
    },
  };
}
