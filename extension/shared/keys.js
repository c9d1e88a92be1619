// Names and bounds of what ReplyGuard keeps in chrome.storage.local. Only
// hashes, times, topic tags, fingerprints, settings and the policy are ever
// stored here: never reply or comment text.
export const KEYS = {
  // {sites: {facebook: bool, instagram: bool}}: the staff member's choices.
  settings: 'settings',
  // The last good policy loaded on this computer (file or URL), or absent.
  localPolicy: 'localPolicy',
  // The last good policy pushed by IT (managed inline policy or policy_url).
  managedPolicy: 'managedPolicy',
  // The last attempt to load or refresh a policy: {at, source, ok, errors?}.
  policyStatus: 'policyStatus',
  // The policy server this computer follows, as set on the options page:
  // {url, org, readToken, publicKey, refreshMinutes} (IT's managed settings win).
  policyServer: 'policyServer',
  // The last good signed policy from that server: {text, name, version,
  // serial, keyId, etag, source: 'server', url, loadedAt}.
  serverPolicy: 'serverPolicy',
  // The last fetch from the server: {at, ok, unchanged?, reason?, name, serial}.
  serverStatus: 'serverStatus',
  // "Ignore always" entries: [{rule, category, severity, message, keyId,
  // phraseHash (HMAC-SHA-256 under key keyId, see
  // background/ignore-keys.js), reason, by, addedAt, expiresAt}].
  ignored: 'ignored',
  // {name}: the name staff last gave when ignoring always (filled in next time).
  staff: 'staff',
  // Fingerprints of recently sent replies: [{fingerprint, at}].
  recent: 'recent',
  // Patient comments seen: {[sha256(platform + ":" + comment id)]: {site,
  // seen, posted?, spanMs?, answered?, handled?, topics, page?}} where page
  // is a hash of the Page the comment was on.
  threads: 'threads',
  // When ReplyGuard last read each Page's threads: {[sha256(page)]: at}.
  pageScans: 'pageScans',
  // The Page staff act as, learned from the sites until Page names are
  // configured: {facebook?: {name, at}, instagram?: {name, at},
  // business?: {assetId, at}}. The practice's own public name, never a patient's.
  identity: 'identity',
};

// In chrome.storage.session (memory only, gone when the browser closes):
// links to waiting comments, {[record id]: url}, so the popup can open the
// comment itself without the comment's address ever being written to disk.
export const SESSION_KEYS = { links: 'threadLinks' };

export const SITES = ['facebook', 'instagram'];

export const LIMITS = {
  recentReplies: 50,
  recentMaxAgeMs: 30 * 24 * 3600_000,
  ignored: 500,
  threads: 2000,
  // Answered comments are kept for this week's recurring topics only.
  answeredMaxAgeMs: 8 * 24 * 3600_000,
  unansweredMaxAgeMs: 30 * 24 * 3600_000,
  policyBytes: 512 * 1024,
  // How often the policy server is asked, unless IT or the options page say otherwise.
  serverRefreshMinutes: 30,
  messageChars: 200,
};

export const CATEGORIES = ['phi', 'canned', 'length', 'manners', 'conduct', 'routing'];

// siteKey maps what a content script calls its site ("facebook", "business",
// "instagram", or a host name) to the key used in settings; null if unknown.
export function siteKey(site) {
  const s = String(site ?? '').toLowerCase();
  if (s === 'instagram' || s === 'instagram.com' || s.endsWith('.instagram.com')) return 'instagram';
  if (s === 'facebook' || s === 'business' || s === 'messenger' || s === 'facebook.com' || s.endsWith('.facebook.com')) return 'facebook';
  return null;
}
