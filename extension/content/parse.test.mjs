import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { cleanLink, idsFromHref, localeTable, matchPrefix, nameFromLabel, ownerFromLabel, platformFromParam, privateFromParam, relativeAge } from './parse.js';

const SITES = JSON.parse(fs.readFileSync(new URL('./sites.json', import.meta.url)));
const L = (lang) => localeTable(SITES.locales, lang);
const H = 3_600_000;
const M = 60_000;
const D = 24 * H;

test('every locale the issue names has comment, reply and composer labels', () => {
  for (const lang of ['en', 'es', 'fr', 'pt', 'de', 'vi', 'id', 'nb', 'sk']) {
    const t = SITES.locales[lang];
    for (const key of ['comment', 'reply', 'commentAs', 'writeComment', 'replyTo', 'message', 'units']) assert.ok(t?.[key], `${lang}.${key}`);
  }
});

test('relative times: short and long forms, per language, with their uncertainty', () => {
  const cases = [
    ['en', '2h', 2 * H, H],
    ['en', '25m', 25 * M, M],
    ['en', '1 d', D, D],
    ['en', '3w', 21 * D, 7 * D],
    ['en', '25 minutes ago', 25 * M, M],
    ['en', 'about an hour ago', H, H],
    ['en', 'Just now', 0, M],
    ['es', 'hace 3 h', 3 * H, H],
    ['fr', '2 j', 2 * D, D],
    ['de', '5 Std.', 5 * H, H],
    ['vi', '4 giờ', 4 * H, H],
    ['id', '2 h', 2 * D, D], // hari, not hours
    ['id', '3 j', 3 * H, H],
    ['nb', 'for én dag siden', D, D],
    ['nb', '5 t', 5 * H, H],
    ['sk', '6 h', 6 * H, H],
    ['nb-NO', '2 u', 14 * D, 7 * D],
  ];
  for (const [lang, text, ms, spanMs] of cases) assert.deepEqual(relativeAge(text, L(lang)), { ms, spanMs }, `${lang} ${text}`);
  assert.equal(relativeAge('Like', L('en')), null);
  assert.equal(relativeAge('', L('en')), null);
});

test('label prefixes match case-insensitively and with either ellipsis', () => {
  assert.equal(matchPrefix('COMMENT BY Janet', L('en').comment), 'Comment by ');
  assert.equal(matchPrefix('Write a comment...', L('en').writeComment), 'Write a comment');
  assert.equal(matchPrefix('komentar oleh Budi 2 j', L('id').comment), 'Komentar oleh ');
  assert.equal(matchPrefix('Message', L('en').commentAs), null);
});

test('names from labels: comment, reply, translated, with the time cut off', () => {
  assert.equal(nameFromLabel('Comment by Janet Rivera 25 minutes ago', L('en')), 'Janet Rivera');
  assert.equal(nameFromLabel('Comment by Janet Rivera 5h', L('en')), 'Janet Rivera');
  assert.equal(nameFromLabel("Reply by Bright Smiles Dental to Marcus Lee's comment 9h", L('en')), 'Bright Smiles Dental');
  assert.equal(nameFromLabel('Kommentar fra Ola Nordmann for én dag siden', L('nb')), 'Ola Nordmann');
  assert.equal(nameFromLabel('Svar fra Smil Tannklinikk på Ola Nordmann sin kommentar', L('nb')), 'Smil Tannklinikk');
  assert.equal(nameFromLabel('Komentár od: Jana Nováková 2 h', L('sk')), 'Jana Nováková');
  assert.equal(nameFromLabel('Post by Bright Smiles', L('en')), '');
  assert.equal(ownerFromLabel("Bright Smiles Dental's post", L('en')), 'Bright Smiles Dental');
  assert.equal(ownerFromLabel('Publicación de Sonrisas Dental', L('es')), 'Sonrisas Dental');
  assert.equal(ownerFromLabel('Photo', L('en')), '');
});

test('ids from links: plain, reply, base64, Instagram; tracking stripped from the link', () => {
  assert.deepEqual(idsFromHref('/x/posts/1?comment_id=123&__cft__[0]=AZ'), { id: '123', parent: null, post: null });
  assert.deepEqual(idsFromHref('/x/posts/1?comment_id=123&reply_comment_id=456'), { id: '456', parent: '123', post: null });
  const b64 = btoa('comment:111_222');
  assert.deepEqual(idsFromHref(`/permalink.php?story_fbid=1&comment_id=${b64}`), { id: '222', parent: null, post: '111' });
  assert.deepEqual(idsFromHref('/p/Cabc/c/17900/'), { id: '17900', parent: null, post: 'Cabc' });
  assert.equal(idsFromHref('/janet.rivera'), null);
  assert.equal(
    cleanLink('/x/posts/1?comment_id=123&__cft__[0]=AZ&__tn__=R#frag', 'https://www.facebook.com/'),
    'https://www.facebook.com/x/posts/1?comment_id=123',
  );
  assert.equal(platformFromParam('IG_MESSAGE', { IG_: 'instagram', FB_: 'facebook' }), 'instagram');
  assert.equal(platformFromParam('FB_PAGE_POST', { IG_: 'instagram', FB_: 'facebook' }), 'facebook');
});

test("Business Suite's message threads are private messages, its comment threads are not", () => {
  const { privateParam } = SITES.adapters.find((a) => a.id === 'facebook-business');
  assert.equal(privateParam.name, 'thread_type');
  for (const t of ['FB_MESSAGE', 'IG_MESSAGE']) assert.equal(privateFromParam(t, privateParam.suffixes), true, t);
  for (const t of ['FB_PAGE_POST', 'IG_COMMENT', '', null, undefined, 'MESSAGE_FB']) assert.equal(privateFromParam(t, privateParam.suffixes), false, String(t));
  // Only Business Suite needs a parameter: elsewhere the composer's kind says.
  assert.deepEqual(SITES.adapters.filter((a) => a.privateParam).map((a) => a.id), ['facebook-business']);
});
