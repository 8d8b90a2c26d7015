import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { listen, openSocket } from '../../test/ws-client.js';

for (const kind of testDatabases()) {
  describe(`learning in chat: translation, pinyin, corrections, phrasebook [${kind}]`, () => {
    let t: TestApp;
    let url: string;
    let sam: Client;
    let mei: Client;
    let conversationId: string;
    const say = async (who: Client, text: string) => {
      const res = await who.post(`/api/chat/conversations/${conversationId}/messages`, { text });
      assert.equal(res.status, 201, res.text);
      return res.body.id as string;
    };
    before(async () => {
      t = await startTestApp(kind);
      url = await listen(t);
      [sam, mei] = [await signUpUser(t), await signUpUser(t, { uiLocale: 'zh-Hans' })];
      await sam.post(`/api/users/${mei.handle}/follow`);
      await mei.post(`/api/users/${sam.handle}/follow`);
      conversationId = (await sam.post('/api/chat/conversations', { handles: [mei.handle] })).body.id;
    });
    after(() => t.close());

    it('translates a message inline (the offline gloss, labelled as such)', async () => {
      const id = await say(mei, '我喜欢火锅');
      const res = await sam.post(`/api/chat/messages/${id}/translation`, { target: 'en' });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.sourceLang, 'zh-Hans');
      assert.equal(res.body.kind, 'gloss');
      assert.match(res.body.text, /hot ?pot/i);
      assert.ok(res.body.notice);
    });

    it('reads a Chinese message with pinyin', async () => {
      const id = await say(mei, '你好');
      const res = await sam.get(`/api/chat/messages/${id}/reading`);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.tokens.map((tk: { pinyin?: string }) => tk.pinyin).filter(Boolean).join(' '), 'nǐ hǎo');
    });

    it('a correction is stored, diffed word by word, and reaches the author live', async () => {
      const id = await say(sam, 'Yesterday I goed to the market with my friend');
      const samSocket = await openSocket(url, sam.cookie);
      const res = await mei.post(`/api/chat/messages/${id}/corrections`, {
        corrected: 'Yesterday I went to the market with my friends',
        note: 'go → went (past tense)',
      });
      assert.equal(res.status, 201, res.text);
      const ops = res.body.diff.filter((p: { op: string }) => p.op !== 'equal');
      assert.deepEqual(ops, [
        { op: 'delete', text: 'goed' },
        { op: 'insert', text: 'went' },
        { op: 'delete', text: 'friend' },
        { op: 'insert', text: 'friends' },
      ]);
      assert.equal(
        res.body.diff.map((p: { op: string; text: string }) => (p.op === 'insert' ? '' : p.text)).join(''),
        'Yesterday I goed to the market with my friend',
        'equal + deleted parts give back the original',
      );
      const live = await samSocket.next((f) => f.type === 'correction');
      assert.equal(live.correction.author.handle, mei.handle);
      assert.equal(live.correction.note, 'go → went (past tense)');
      const listed = await sam.get(`/api/chat/messages/${id}/corrections`);
      assert.equal(listed.body.items.length, 1);
      const history = await sam.get(`/api/chat/conversations/${conversationId}/messages?after=0`);
      assert.equal(history.body.items.find((m: { id: string }) => m.id === id).corrections, 1);
      samSocket.close();
    });

    it('diffs Chinese by words, not letters or the whole sentence', async () => {
      const id = await say(mei, '我昨天去了商店买东西');
      const res = await sam.post(`/api/chat/messages/${id}/corrections`, { corrected: '我昨天去了超市买东西' });
      assert.equal(res.status, 201, res.text);
      const changed = res.body.diff.filter((p: { op: string }) => p.op !== 'equal');
      assert.deepEqual(changed, [
        { op: 'delete', text: '商店' },
        { op: 'insert', text: '超市' },
      ]);
    });

    it('refuses correcting one’s own message, a no-op correction and an oversized one', async () => {
      const id = await say(sam, 'I am fine');
      assert.equal((await sam.post(`/api/chat/messages/${id}/corrections`, { corrected: 'I am fine!' })).body.code, 'correction_own');
      assert.equal((await mei.post(`/api/chat/messages/${id}/corrections`, { corrected: 'I am fine' })).body.code, 'correction_same');
      assert.equal((await mei.post(`/api/chat/messages/${id}/corrections`, { corrected: 'x'.repeat(2001) })).body.code, 'text_too_long');
    });

    it('saves phrases from messages to a personal phrasebook', async () => {
      const id = await say(mei, '加油！');
      const saved = await sam.post('/api/chat/phrasebook', { messageId: id, translation: 'Go for it!' });
      assert.equal(saved.status, 201, saved.text);
      assert.equal(saved.body.text, '加油！');
      await sam.post('/api/chat/phrasebook', { text: '慢慢来', note: 'take your time' });
      const list = await sam.get('/api/chat/phrasebook');
      assert.deepEqual(list.body.items.map((p: { text: string }) => p.text), ['慢慢来', '加油！']);
      assert.equal((await mei.get('/api/chat/phrasebook')).body.items.length, 0, 'personal');
      assert.equal((await mei.delete(`/api/chat/phrasebook/${saved.body.id}`)).status, 404);
      assert.equal((await sam.delete(`/api/chat/phrasebook/${saved.body.id}`)).status, 200);
    });
  });
}
