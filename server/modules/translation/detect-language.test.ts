import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LanguageDetector, normalizeLang } from './detect-language.js';
import { LearnerAids } from './learner-aids.js';

const detector = new LanguageDetector(new LearnerAids());

describe('language detection', () => {
  const cases: Array<[string, string | null, boolean]> = [
    ['I really like the hot pot place near my office', 'en', false],
    ['我想吃火锅，这里的火锅很好吃', 'zh-Hans', false],
    ['我想吃火鍋，這裡的火鍋很好吃', 'zh-Hant', false],
    ['今天的hot pot太好吃了 so good', 'zh-Hans', true],
    ['今天は火鍋を食べました。とても美味しかったです', 'ja', false],
    ['오늘 훠궈를 먹었어요. 정말 맛있었어요', 'ko', false],
    ['Hola, ¿cómo estás? Me encanta la comida picante', 'es', false],
    ['我买了iPhone', 'zh-Hans', false],
    ['😀😀 123', null, false],
  ];
  for (const [text, lang, mixed] of cases) {
    it(`${text} → ${lang}${mixed ? ' (mixed)' : ''}`, async () => {
      assert.deepEqual(await detector.detect(text), { lang, mixed });
    });
  }

  it('ignores links and mentions', async () => {
    assert.equal((await detector.detect('@someone_here 好吃 https://example.com/some/long/english/path')).lang, 'zh-Hans');
  });
});

describe('normalizeLang', () => {
  it('stores Chinese by script and other languages by their base tag', () => {
    assert.equal(normalizeLang('zh-TW'), 'zh-Hant');
    assert.equal(normalizeLang('zh-hk'), 'zh-Hant');
    assert.equal(normalizeLang('zh-Hant'), 'zh-Hant');
    assert.equal(normalizeLang('zh-CN'), 'zh-Hans');
    assert.equal(normalizeLang('zh'), 'zh-Hans');
    assert.equal(normalizeLang('en-US'), 'en');
    assert.equal(normalizeLang('not a tag'), null);
  });
});
