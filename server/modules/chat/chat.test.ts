import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { LIMITS } from '../../../contract/limits.js';
import type { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { uploadImage } from '../../test/media-factory.js';
import { listen, openSocket } from '../../test/ws-client.js';

async function befriend(a: Client, b: Client) {
  assert.equal((await a.post(`/api/users/${b.handle}/follow`)).status, 200);
  assert.equal((await b.post(`/api/users/${a.handle}/follow`)).status, 200);
}

async function startChat(a: Client, b: Client): Promise<string> {
  const res = await a.post('/api/chat/conversations', { handles: [b.handle] });
  assert.equal(res.status, 200, res.text);
  return res.body.id;
}

for (const kind of testDatabases()) {
  describe(`chat: delivery, order, resume, receipts [${kind}]`, () => {
    let t: TestApp;
    let url: string;
    let ana: Client;
    let bo: Client;
    let outsider: Client;
    let conversationId: string;
    before(async () => {
      t = await startTestApp(kind);
      url = await listen(t);
      [ana, bo, outsider] = [await signUpUser(t), await signUpUser(t), await signUpUser(t)];
      await befriend(ana, bo);
      conversationId = await startChat(ana, bo);
    });
    after(() => t.close());

    it('opens the same 1:1 twice, in the inbox of both', async () => {
      assert.equal(await startChat(bo, ana), conversationId);
      const list = await bo.get('/api/chat/conversations');
      assert.deepEqual(list.body.items.map((c: { id: string }) => c.id), [conversationId]);
      assert.equal(list.body.items[0].members[0].handle, ana.handle);
    });

    it('delivers messages live, in order, with increasing seq, over HTTP and the socket', async () => {
      const boSocket = await openSocket(url, bo.cookie);
      const anaSocket = await openSocket(url, ana.cookie);
      const texts = ['one', 'two', 'three', 'four', 'five'];
      for (const [i, text] of texts.entries()) {
        if (i % 2 === 0) {
          assert.equal((await ana.post(`/api/chat/conversations/${conversationId}/messages`, { text })).status, 201);
        } else {
          anaSocket.send({ type: 'send', conversationId, text, clientId: `c${i}` });
          const ack = await anaSocket.next((f) => f.type === 'ack' && f.clientId === `c${i}`);
          assert.equal(ack.message.body, text);
        }
      }
      const got = [];
      for (let i = 0; i < texts.length; i++) got.push(await boSocket.next((f) => f.type === 'message'));
      assert.deepEqual(got.map((f) => f.message.body), texts);
      const seqs = got.map((f) => f.message.seq);
      assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
      assert.equal(new Set(seqs).size, seqs.length);
      assert.equal(got[0]!.message.sender.handle, ana.handle);

      // Unread counts, then a read receipt that reaches the sender live.
      const before = await bo.get(`/api/chat/conversations/${conversationId}`);
      assert.equal(before.body.viewer.unread, 5);
      assert.deepEqual((await bo.get('/api/chat/unread')).body, { unread: 5, requests: 0 });
      boSocket.send({ type: 'read', conversationId, seq: seqs[4] });
      const receipt = await anaSocket.next((f) => f.type === 'read');
      assert.deepEqual([receipt.userId, receipt.seq], [bo.userId, seqs[4]]);
      assert.equal((await bo.get(`/api/chat/conversations/${conversationId}`)).body.viewer.unread, 0);
      assert.deepEqual((await bo.get('/api/chat/unread')).body, { unread: 0, requests: 0 });
      const seen = await ana.get(`/api/chat/conversations/${conversationId}`);
      assert.deepEqual(seen.body.reads, [{ userId: bo.userId, seq: seqs[4] }]);

      // Typing is relayed, never stored.
      anaSocket.send({ type: 'typing', conversationId });
      assert.equal((await boSocket.next((f) => f.type === 'typing')).userId, ana.userId);
      boSocket.close();
      anaSocket.close();
    });

    it('a retried send with the same clientId is stored once', async () => {
      const a = await ana.post(`/api/chat/conversations/${conversationId}/messages`, { text: 'once', clientId: 'retry-1' });
      const b = await ana.post(`/api/chat/conversations/${conversationId}/messages`, { text: 'once', clientId: 'retry-1' });
      assert.equal(a.body.id, b.body.id);
    });

    it('replays exactly what a socket missed when it resumes', async () => {
      const history = await bo.get(`/api/chat/conversations/${conversationId}/messages`);
      const lastSeen = history.body.items.at(-1).seq;
      const missed = ['while', 'you', 'were', 'away'];
      for (const text of missed) await ana.post(`/api/chat/conversations/${conversationId}/messages`, { text });
      const socket = await openSocket(url, bo.cookie);
      socket.send({ type: 'resume', cursors: { [conversationId]: lastSeen, 'not-my-conversation': 0 } });
      const done = await socket.next((f) => f.type === 'resumed');
      assert.equal(done.replayed, missed.length);
      const replayed = socket.frames.filter((f) => f.type === 'message').map((f) => f.message.body);
      assert.deepEqual(replayed, missed);
      // And the same over HTTP: everything after a seq, ascending.
      const after = await bo.get(`/api/chat/conversations/${conversationId}/messages?after=${lastSeen}`);
      assert.deepEqual(after.body.items.map((m: { body: string }) => m.body), missed);
      socket.close();
    });

    it('nobody outside a conversation can read it, post in it or learn it exists (404)', async () => {
      const messageId = (await ana.get(`/api/chat/conversations/${conversationId}/messages`)).body.items[0].id;
      for (const res of [
        await outsider.get(`/api/chat/conversations/${conversationId}`),
        await outsider.get(`/api/chat/conversations/${conversationId}/messages`),
        await outsider.post(`/api/chat/conversations/${conversationId}/messages`, { text: 'let me in' }),
        await outsider.post(`/api/chat/conversations/${conversationId}/read`, { seq: 1 }),
        await outsider.post(`/api/chat/messages/${messageId}/translation`, {}),
        await outsider.post(`/api/chat/messages/${messageId}/corrections`, { corrected: 'x' }),
        await outsider.post('/api/chat/phrasebook', { messageId }),
      ]) {
        assert.equal(res.status, 404, res.text);
      }
      const socket = await openSocket(url, outsider.cookie);
      socket.send({ type: 'send', conversationId, text: 'sneaky' });
      assert.equal((await socket.next((f) => f.type === 'error')).code, 'not_found');
      socket.send({ type: 'resume', cursors: { [conversationId]: 0 } });
      assert.equal((await socket.next((f) => f.type === 'resumed')).replayed, 0);
      socket.close();
    });

    it('sends images through the media pipeline (one’s own uploads only) and stickers from the catalog', async () => {
      const image = await uploadImage(ana);
      const sent = await ana.post(`/api/chat/conversations/${conversationId}/messages`, { mediaId: image.id, text: 'our lunch' });
      assert.equal(sent.status, 201, sent.text);
      assert.equal(sent.body.kind, 'image');
      assert.equal(sent.body.image.id, image.id);
      assert.ok(sent.body.image.variants.length > 0);
      assert.equal((await bo.post(`/api/chat/conversations/${conversationId}/messages`, { mediaId: image.id })).body.code, 'media_not_yours');
      const catalog = (await bo.get('/api/stickers')).body;
      const code = catalog.packs[0].stickers[0].code;
      const sticker = await bo.post(`/api/chat/conversations/${conversationId}/messages`, { stickerCode: code });
      assert.equal(sticker.status, 201, sticker.text);
      assert.deepEqual([sticker.body.kind, sticker.body.sticker.code], ['sticker', code]);
    });

    it('refuses oversized and empty messages and a foreign sticker', async () => {
      const long = await ana.post(`/api/chat/conversations/${conversationId}/messages`, { text: 'x'.repeat(2001) });
      assert.equal(long.status, 400);
      assert.equal(long.body.code, 'text_too_long');
      assert.equal((await ana.post(`/api/chat/conversations/${conversationId}/messages`, { text: '   ' })).body.code, 'text_empty');
      assert.equal((await ana.post(`/api/chat/conversations/${conversationId}/messages`, { stickerCode: 'nope-nope' })).body.code, 'sticker_unknown');
      assert.equal((await ana.post(`/api/chat/conversations/${conversationId}/messages`, { mediaId: 'not-a-media' })).body.code, 'media_not_yours');
    });

    it('closes a socket that sends a malformed frame, and carries on', async () => {
      for (const bad of ['not json', '{"type":"explode"}', '{"type":"send","conversationId":1}', '[]']) {
        const socket = await openSocket(url, ana.cookie);
        socket.send(bad);
        const closed = await socket.closed;
        assert.equal(closed.code, 1007, bad);
      }
      const big = await openSocket(url, ana.cookie);
      big.send({ type: 'send', conversationId, text: 'y'.repeat(20_000) });
      assert.equal((await big.closed).code, 1009);
      const fine = await openSocket(url, ana.cookie);
      fine.send({ type: 'ping' });
      assert.equal((await fine.next((f) => f.type === 'pong')).type, 'pong');
      fine.close();
      assert.equal((await ana.get('/api/health')).status, 200);
    });

    it('refuses a socket without a session or from another origin', async () => {
      await assert.rejects(openSocket(url, null));
      await assert.rejects(openSocket(url, ana.cookie, 'https://evil.example'));
    });
  });

  describe(`chat: requests folder, blocks, settings [${kind}]`, () => {
    let t: TestApp;
    let url: string;
    let host: Client;
    let stranger: Client;
    let friend: Client;
    before(async () => {
      t = await startTestApp(kind);
      url = await listen(t);
      [host, stranger, friend] = [await signUpUser(t), await signUpUser(t), await signUpUser(t)];
      await befriend(host, friend);
    });
    after(() => t.close());

    it('puts a stranger in the requests folder until accepted (or replied to)', async () => {
      const id = await startChat(stranger, host);
      await stranger.post(`/api/chat/conversations/${id}/messages`, { text: 'hi, can we practise?' });
      assert.equal((await host.get('/api/chat/conversations')).body.items.length, 0);
      const requests = await host.get('/api/chat/conversations?folder=requests');
      assert.deepEqual(requests.body.items.map((c: { id: string }) => c.id), [id]);
      assert.equal(requests.body.items[0].viewer.state, 'request');
      assert.equal(requests.body.items[0].viewer.unread, 1);
      assert.equal((await host.post(`/api/chat/conversations/${id}/accept`)).body.viewer.state, 'active');
      assert.deepEqual((await host.get('/api/chat/conversations')).body.items.map((c: { id: string }) => c.id), [id]);
    });

    it('a block stops delivery both ways', async () => {
      const id = await startChat(friend, host);
      const socket = await openSocket(url, host.cookie);
      assert.equal((await host.post(`/api/users/${friend.handle}/block`)).status, 200);
      const refused = await friend.post(`/api/chat/conversations/${id}/messages`, { text: 'hello?' });
      assert.equal(refused.status, 403);
      assert.equal((await host.post(`/api/chat/conversations/${id}/messages`, { text: 'bye' })).status, 403);
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(socket.frames.filter((f) => f.type === 'message').length, 0);
      assert.equal((await friend.post('/api/chat/conversations', { handles: [host.handle, stranger.handle] })).status, 403);
      await host.delete(`/api/users/${friend.handle}/block`);
      socket.close();
    });

    it('in a group, a block hides each from the other (live and in history); the rest still hear both', async () => {
      const [a, b, c] = [await signUpUser(t), await signUpUser(t), await signUpUser(t)];
      await befriend(a, b);
      await befriend(a, c);
      const group = await a.post('/api/chat/conversations', { handles: [b.handle, c.handle], title: 'Trio' });
      const id = group.body.id;
      await b.post(`/api/users/${c.handle}/block`);
      const [bSocket, aSocket] = [await openSocket(url, b.cookie), await openSocket(url, a.cookie)];
      await c.post(`/api/chat/conversations/${id}/messages`, { text: 'from c' });
      await a.post(`/api/chat/conversations/${id}/messages`, { text: 'from a' });
      assert.equal((await bSocket.next((f) => f.type === 'message')).message.body, 'from a', 'c’s message never reached b');
      assert.equal((await aSocket.next((f) => f.type === 'message')).message.body, 'from c');
      const bHistory = await b.get(`/api/chat/conversations/${id}/messages`);
      assert.deepEqual(bHistory.body.items.map((m: { body: string }) => m.body), ['from a']);
      const cHistory = await c.get(`/api/chat/conversations/${id}/messages`);
      assert.ok(!cHistory.body.items.some((m: { sender: { id: string } }) => m.sender.id === b.userId));
      bSocket.close();
      aSocket.close();
    });

    it('"who may message me" refuses new conversations', async () => {
      const other = await signUpUser(t);
      assert.equal((await host.put('/api/chat/settings', { whoMayMessage: 'nobody' })).status, 200);
      const refused = await other.post('/api/chat/conversations', { handles: [host.handle] });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.code, 'chat_not_accepting');
      await host.put('/api/chat/settings', { whoMayMessage: 'following' });
      assert.equal((await other.post('/api/chat/conversations', { handles: [host.handle] })).status, 403);
      await host.post(`/api/users/${other.handle}/follow`);
      assert.equal((await other.post('/api/chat/conversations', { handles: [host.handle] })).status, 200);
      await host.put('/api/chat/settings', { whoMayMessage: 'everyone' });
    });

    it('a banned account cannot send (moderation decides who may post)', async () => {
      const [a, b] = [await signUpUser(t), await signUpUser(t)];
      await befriend(a, b);
      const id = await startChat(a, b);
      await t.ctx.database.db.updateTable('users').set({ moderation_state: 'banned' }).where('id', '=', a.userId).execute();
      const res = await a.post(`/api/chat/conversations/${id}/messages`, { text: 'spam spam' });
      assert.equal(res.status, 403);
      assert.equal(res.body.code, 'account_banned');
    });

    it('mutes a conversation, leaves a group', async () => {
      const group = await host.post('/api/chat/conversations', { handles: [friend.handle, stranger.handle], title: 'Study group' });
      assert.equal(group.status, 200, group.text);
      assert.equal(group.body.kind, 'group');
      assert.equal(group.body.memberCount, 3);
      const muted = await friend.put(`/api/chat/conversations/${group.body.id}/mute`, { muted: true });
      assert.equal(muted.body.viewer.muted, true);
      assert.equal((await friend.post(`/api/chat/conversations/${group.body.id}/leave`)).status, 200);
      assert.equal((await friend.get(`/api/chat/conversations/${group.body.id}`)).status, 404);
    });
  });

  describe(`chat: floods [${kind}]`, () => {
    /**
     * The send budget counts in fixed windows of wall-clock time: a burst that straddles a window's
     * end is two half-bursts, neither over the limit (a CI run sent its first message 8 ms before
     * one ended). Each burst starts with at least 3 s of its window left.
     */
    const awayFromWindowEnd = async () => {
      const windowMs = LIMITS.chat.sendWindowSeconds * 1000;
      const left = windowMs - (Date.now() % windowMs);
      if (left < 3000) await sleep(left + 20);
    };

    let t: TestApp;
    let url: string;
    before(async () => {
      t = await startTestApp(kind, { CHAT_SENDS_PER_WINDOW: '5' });
      url = await listen(t);
    });
    after(() => t.close());

    it('answers a flood with 429 over HTTP and an error frame over the socket', async () => {
      const [a, b] = [await signUpUser(t), await signUpUser(t)];
      await befriend(a, b);
      const id = await startChat(a, b);
      const statuses = [];
      await awayFromWindowEnd();
      for (let i = 0; i < 7; i++) statuses.push((await a.post(`/api/chat/conversations/${id}/messages`, { text: `m${i}` })).status);
      assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429]);
      const socket = await openSocket(url, b.cookie);
      await awayFromWindowEnd();
      for (let i = 0; i < 6; i++) socket.send({ type: 'send', conversationId: id, text: `s${i}`, clientId: `s${i}` });
      const err = await socket.next((f) => f.type === 'error');
      assert.equal(err.code, 'rate_limited');
      assert.equal(err.clientId, 's5');
      socket.close();
    });
  });
}
