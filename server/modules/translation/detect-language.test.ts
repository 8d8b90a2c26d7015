import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LanguageDetector, normalizeLang } from './detect-language.js';
import { ScriptTable } from './dictionary/script-table.js';
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
    // Letters of none of the four counted scripts still count as letters.
    ['Привет, как дела? Я очень люблю острую еду', 'ru', false],
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

describe('script detection with the compact character table', () => {
  it('counts Simplified-only and Traditional-only characters, and shared ones as neither', async () => {
    const table = await ScriptTable.load();
    assert.deepEqual(table.scriptCounts('这里的火锅很好吃'), { simplified: 2, traditional: 0 }); // 这 锅
    assert.deepEqual(table.scriptCounts('這裡的火鍋很好吃'), { simplified: 0, traditional: 3 }); // 這 裡 鍋
    assert.deepEqual(table.scriptCounts('我们吃火锅，你們喝茶'), { simplified: 2, traditional: 1 }); // 们 锅 | 們
    assert.deepEqual(table.scriptCounts('hot pot 好吃 😀'), { simplified: 0, traditional: 0 });
    assert.equal(table.simplifyChars('臺灣的火鍋'), '台湾的火锅');
  });

  it('tells Simplified, Traditional and mixed text apart without loading the dictionary', async () => {
    const aids = new LearnerAids();
    const fresh = new LanguageDetector(aids);
    assert.deepEqual(await fresh.detect('这家店的火锅真的很好吃'), { lang: 'zh-Hans', mixed: false });
    assert.deepEqual(await fresh.detect('這家店的火鍋真的很好吃'), { lang: 'zh-Hant', mixed: false });
    assert.deepEqual(await fresh.detect('這家店的hot pot真的很好吃 so good'), { lang: 'zh-Hant', mixed: true });
    assert.deepEqual(await fresh.detect('今天和朋友们吃了hot pot太好吃了 so good'), { lang: 'zh-Hans', mixed: true });
    assert.equal(aids.dictionaryLoaded, false, 'the ~10 MB CC-CEDICT index stays on disk');
    await aids.segmenter();
    assert.equal(aids.dictionaryLoaded, false, 'search segmentation needs only the word list');
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
