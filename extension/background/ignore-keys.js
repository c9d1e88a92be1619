// Keys for the "ignore always" list. A phrase is stored only as
// HMAC-SHA-256(key, phrase): unlike a plain hash, a dictionary of names and
// dates cannot reverse it without the key. Each install makes its own key at
// install time; keys live in the extension's IndexedDB as non-extractable
// CryptoKeys (usable for signing only). A sealed copy of the raw key (AES-GCM
// under another non-extractable key) exists only so IT can carry the list to
// another browser in a passphrase-protected key file; the key never leaves in
// clear. Used by the service worker, the offscreen document and the options
// page (one origin, one database).

const DB_NAME = 'replyguard-keys';
const STORE = 'keys';
const OWN = 'own'; // the record naming this install's key id
export const KEY_FILE_FORMAT = 'replyguard-ignore-key';
const KDF_ITERATIONS = 310_000;

let dbPromise = null;
function db() {
  dbPromise ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      dbPromise = null;
      reject(req.error);
    };
  });
  return dbPromise;
}

async function tx(mode, fn) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const t = d.transaction(STORE, mode);
    const req = fn(t.objectStore(STORE));
    t.oncomplete = () => resolve(req?.result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error ?? new Error('key store: transaction aborted'));
  });
}

const getRecord = (id) => tx('readonly', (s) => s.get(id));
const putRecord = (rec) => tx('readwrite', (s) => s.put(rec));

function hex(bytes) {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}
const b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const unb64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

const importHmac = (raw) => crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);

let creating = null;

// ownKeyId returns this install's key id, making the key on first use (the
// worker calls it at install).
export async function ownKeyId() {
  const own = await getRecord(OWN);
  if (own) return own.keyId;
  creating ??= (async () => {
    const raw = crypto.getRandomValues(new Uint8Array(32));
    const keyId = hex(crypto.getRandomValues(new Uint8Array(8)));
    const seal = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, seal, raw);
    await putRecord({ id: keyId, hmac: await importHmac(raw), seal, iv, sealed });
    raw.fill(0);
    await putRecord({ id: OWN, keyId });
    return keyId;
  })().finally(() => {
    creating = null;
  });
  return creating;
}

// keyId -> CryptoKey; a miss is not remembered (the options page may import
// that key meanwhile).
const cache = new Map();

async function hmacKey(keyId) {
  if (!cache.has(keyId)) {
    const key = (await getRecord(keyId))?.hmac;
    if (!key) return null;
    cache.set(keyId, key);
  }
  return cache.get(keyId);
}

// knownKeyIds returns which of ids this browser holds a key for.
export async function knownKeyIds(ids) {
  const out = [];
  for (const id of ids) if (await hmacKey(id)) out.push(id);
  return out;
}

// phraseHash returns the hex HMAC of phrase under key keyId, or null when
// this browser does not hold that key.
export async function phraseHash(keyId, phrase) {
  const key = await hmacKey(keyId);
  if (!key) return null;
  return hex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(phrase)));
}

async function passphraseKey(passphrase, salt, usage) {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: KDF_ITERATIONS },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

// exportKeyFile seals this install's key under a passphrase for another
// browser: {format, version, key_id, salt, iv, sealed} (base64 fields).
export async function exportKeyFile(passphrase) {
  if (String(passphrase ?? '').length < 8) throw new Error('the passphrase must have at least 8 characters');
  const keyId = await ownKeyId();
  const rec = await getRecord(keyId);
  const raw = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: rec.iv }, rec.seal, rec.sealed));
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await passphraseKey(passphrase, salt, 'encrypt'), raw);
  raw.fill(0);
  return { format: KEY_FILE_FORMAT, version: 1, key_id: keyId, kdf: 'PBKDF2-SHA-256', iterations: KDF_ITERATIONS, salt: b64(salt), iv: b64(iv), sealed: b64(sealed) };
}

// importKeyFile adds another install's key (from exportKeyFile) so its
// exported ignore entries work here. Returns the key id.
export async function importKeyFile(text, passphrase) {
  let doc;
  try {
    doc = typeof text === 'string' ? JSON.parse(text) : text;
  } catch (err) {
    throw new Error(`the key file is not JSON: ${err.message}`);
  }
  if (doc?.format !== KEY_FILE_FORMAT || doc.version !== 1) throw new Error(`not a ReplyGuard key file (format must be "${KEY_FILE_FORMAT}")`);
  if (!/^[0-9a-f]{16}$/.test(String(doc.key_id))) throw new Error('key_id: must be 16 hex digits');
  if (doc.iterations !== KDF_ITERATIONS) throw new Error(`iterations: must be ${KDF_ITERATIONS}`);
  let raw;
  try {
    const key = await passphraseKey(String(passphrase ?? ''), unb64(doc.salt), 'decrypt');
    raw = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(doc.iv) }, key, unb64(doc.sealed)));
  } catch {
    throw new Error('the passphrase does not open this key file');
  }
  if (raw.length !== 32) throw new Error('sealed: not a 32-byte key');
  if (!(await getRecord(doc.key_id))) await putRecord({ id: doc.key_id, hmac: await importHmac(raw) });
  raw.fill(0);
  cache.delete(doc.key_id);
  return doc.key_id;
}
