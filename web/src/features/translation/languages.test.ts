import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guessLanguage, hasHan, languageOf, needsTranslation, otherScript } from './languages.js';

test('a Chinese note is offered to an English reader, not to a Chinese one', () => {
  assert.equal(needsTranslation({ lang: 'zh-Hans', mixed: false }, ['en']), true);
  assert.equal(needsTranslation({ lang: 'zh-Hans', mixed: false }, ['zh-Hant', 'en']), false);
  assert.equal(needsTranslation({ lang: 'en', mixed: false }, ['en-GB']), false);
  assert.equal(needsTranslation({ lang: 'ja', mixed: false }, ['en', 'zh-Hans']), true);
});

test('mixed texts are always offered; unknown languages never', () => {
  assert.equal(needsTranslation({ lang: 'zh-Hans', mixed: true }, ['zh-Hans', 'en']), true);
  assert.equal(needsTranslation({ lang: null, mixed: false }, ['en']), false);
});

test('before detection, the script decides', () => {
  assert.deepEqual(guessLanguage('火锅太好吃了'), { lang: 'zh', mixed: false });
  assert.deepEqual(guessLanguage('今天的hot pot太好吃了 so good'), { lang: 'zh', mixed: true });
  assert.deepEqual(guessLanguage('我买了iPhone'), { lang: 'zh', mixed: false });
  assert.deepEqual(guessLanguage('Great photo!'), { lang: null, mixed: false });
  assert.deepEqual(languageOf({ lang: 'en', mixed: false }, '火锅'), { lang: 'en', mixed: false });
  assert.deepEqual(languageOf({ lang: null, mixed: false }, '火锅'), { lang: 'zh', mixed: false });
});

test('Chinese text toggles to the other script', () => {
  assert.equal(hasHan('hot pot 火锅'), true);
  assert.equal(hasHan('hot pot'), false);
  assert.equal(otherScript('zh-Hant'), 'zh-Hans');
  assert.equal(otherScript('zh-Hans'), 'zh-Hant');
  assert.equal(otherScript(null), 'zh-Hant');
});
