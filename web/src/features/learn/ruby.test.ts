import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Token } from './learn.types.js';
import { clipToken, displayForm, isLookupWord, lookupForm, rubyPairs } from './ruby.js';

const hotpot: Token = {
  text: '火锅',
  start: 3,
  end: 5,
  kind: 'han',
  isWord: true,
  pinyin: 'huǒ guō',
  glosses: ['hot pot; hotpot'],
  simplified: '火锅',
  traditional: '火鍋',
};

test('a reading per character when the syllables line up, else one for the word', () => {
  assert.deepEqual(rubyPairs('火锅', 'huǒ guō'), [
    { base: '火', rt: 'huǒ' },
    { base: '锅', rt: 'guō' },
  ]);
  assert.deepEqual(rubyPairs('3D打印', 'dǎ yìn'), [{ base: '3D打印', rt: 'dǎyìn' }]);
  assert.deepEqual(rubyPairs('，', null), [{ base: '，', rt: null }]);
});

test('the script toggle uses the dictionary forms', () => {
  assert.equal(displayForm(hotpot, 'zh-Hant'), '火鍋');
  assert.equal(displayForm(hotpot, 'zh-Hans'), '火锅');
  assert.equal(displayForm(hotpot, null), '火锅');
  assert.equal(displayForm({ ...hotpot, traditional: null }, 'zh-Hant'), '火锅');
});

test('a token cut by a hashtag keeps the readings of its own characters', () => {
  const cut = clipToken(hotpot, 4, 10);
  assert.equal(cut.text, '锅');
  assert.equal(cut.pinyin, 'guō');
  assert.equal(cut.traditional, '鍋');
  assert.equal(clipToken(hotpot, 0, 10), hotpot);
});

test('word cards for Chinese words and for English words with Chinese glosses', () => {
  assert.equal(isLookupWord(hotpot), true);
  assert.equal(isLookupWord({ ...hotpot, kind: 'latin', text: 'Hot', glosses: [] }), false);
  assert.equal(isLookupWord({ ...hotpot, kind: 'latin', text: 'Hot', glosses: ['热'] }), true);
  assert.equal(lookupForm({ ...hotpot, kind: 'latin', text: 'Hot' }), 'hot');
  assert.equal(lookupForm({ ...hotpot, text: '火鍋', simplified: '火锅' }), '火锅');
});
