import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LIMITS } from '../../../contract/limits.js';
import { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { createTextNote } from '../../test/note-factory.js';

for (const kind of testDatabases()) {
  describe(`learner aids API [${kind}]`, () => {
    let t: TestApp;
    let visitor: Client;
    before(async () => {
      t = await startTestApp(kind);
      visitor = new Client(t);
    });
    after(() => t.close());

    it('cuts text into tokens with pinyin and glosses for ruby and word cards', async () => {
      const res = await visitor.post('/api/learn/segment', { text: '我在小红书上看到银行旁边的火锅店' });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.lang, 'zh-Hans');
      const bank = res.body.tokens.find((tok: { text: string }) => tok.text === '银行');
      assert.deepEqual(
        { pinyin: bank.pinyin, glosses: bank.glosses, simplified: bank.simplified, traditional: bank.traditional, isWord: bank.isWord },
        { pinyin: 'yín háng', glosses: ['bank'], simplified: '银行', traditional: '銀行', isWord: true },
      );
      assert.ok(res.body.tokens.some((tok: { text: string }) => tok.text === '小红书'));
      const query = await visitor.get(`/api/learn/segment?text=${encodeURIComponent('今天的hot pot太好吃了 so good')}`);
      assert.equal(query.status, 200);
      assert.equal(query.body.mixed, true);
      assert.ok(query.body.tokens.find((tok: { text: string }) => tok.text === 'pot').glosses.includes('锅'));
    });

    it('refuses text over the limit and unknown fields', async () => {
      const long = await visitor.post('/api/learn/segment', { text: '好'.repeat(LIMITS.translation.segmentChars + 1) });
      assert.equal(long.status, 400);
      assert.equal(long.body.code, 'validation_failed');
      assert.equal((await visitor.post('/api/learn/segment', { text: 'x', extra: true })).status, 400);
    });

    it('opens a word card in both directions and 404s on unknown words', async () => {
      const card = await visitor.get(`/api/learn/word/${encodeURIComponent('行')}`);
      assert.equal(card.status, 200);
      assert.equal(card.body.direction, 'zh-en');
      assert.ok(card.body.entries.some((e: { pinyin: string }) => e.pinyin === 'xíng'));
      const trad = await visitor.get(`/api/learn/word/${encodeURIComponent('銀行')}`);
      assert.equal(trad.body.entries[0].simplified, '银行');
      const english = await visitor.get('/api/learn/word/hotpot');
      assert.equal(english.body.direction, 'en-zh');
      assert.equal(english.body.entries[0].simplified, '火锅');
      const missing = await visitor.get(`/api/learn/word/${encodeURIComponent('qqxqz')}`, { locale: 'zh-Hant' });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.detail, '詞典裡沒有「qqxqz」。');
    });

    it('converts Simplified ⇄ Traditional', async () => {
      const res = await visitor.post('/api/learn/convert', { text: '这里的头发', to: 'zh-Hant' });
      assert.deepEqual(res.body, { text: '這裡的頭髮', to: 'zh-Hant' });
      assert.equal((await visitor.post('/api/learn/convert', { text: 'x', to: 'ja' })).status, 400);
    });

    it('reads a visible note as tokens without re-sending its text', async () => {
      const author = await signUpUser(t);
      const note = await createTextNote(author, { title: '重要', body: '重新开始' });
      const res = await visitor.get(`/api/notes/${note.id}/reading`);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.title[0].pinyin, 'zhòng yào');
      assert.equal(res.body.body[0].pinyin, 'chóng xīn');
    });
  });
}
