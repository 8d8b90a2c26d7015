import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { listen, openSocket } from '../../test/ws-client.js';
import { grantRole } from './roles.js';

/** Lets after-commit handlers and the jobs they enqueued (notices) finish. */
async function settle(t: TestApp) {
  await t.ctx.events.settle();
  await t.ctx.queue.drain();
  await t.ctx.events.settle();
}

async function moderator(t: TestApp, role: 'moderator' | 'admin' = 'moderator'): Promise<Client> {
  const c = await signUpUser(t);
  assert.equal(await grantRole(t.ctx.database.db, c.handle, role), true);
  return c;
}

// Chat messages as moderation subjects (issues 7 and 8): report, remove, notice, appeal, restore.
for (const kind of testDatabases()) {
  describe(`moderation of chat messages [${kind}]`, () => {
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
      for (const [a, b] of [[ana, bo], [bo, ana]] as const) assert.equal((await a.post(`/api/users/${b.handle}/follow`)).status, 200);
      conversationId = (await ana.post('/api/chat/conversations', { handles: [bo.handle] })).body.id;
    });
    after(() => t.close());

    const history = async (c: Client) => (await c.get(`/api/chat/conversations/${conversationId}/messages`)).body.items;

    it('a member reports a message under a rule; a moderator removes it; the other member sees a placeholder, the sender a notice; an appeal restores it', async () => {
      const sent = await ana.post(`/api/chat/conversations/${conversationId}/messages`, { text: 'buy cheap followers at my shop' });
      assert.equal(sent.status, 201, sent.text);
      const messageId = sent.body.id;
      const [modA, modB] = [await moderator(t), await moderator(t, 'admin')];

      // Not a member: the same 404 as a message that does not exist.
      const stranger = await outsider.post('/api/moderation/reports', { subjectKind: 'message', subjectId: messageId, ruleId: 'spam' });
      assert.equal(stranger.status, 404, stranger.text);
      const report = await bo.post('/api/moderation/reports', { subjectKind: 'message', subjectId: messageId, ruleId: 'spam', comment: 'ad' });
      assert.equal(report.status, 201, report.text);
      const item = (await modA.get('/api/moderation/queue')).body.items.find((q: { subjectId: string }) => q.subjectId === messageId);
      assert.ok(item, 'the reported message is in the queue');
      assert.equal(item.subjectKind, 'message');
      assert.deepEqual(item.ruleIds, ['spam']);
      assert.match((await modA.get(`/api/moderation/subjects/message/${messageId}`)).body.item.text, /cheap followers/);

      const removed = await modA.post('/api/moderation/actions', {
        subjectKind: 'message',
        subjectId: messageId,
        action: 'remove',
        ruleId: 'spam',
        note: 'advertising',
      });
      assert.equal(removed.status, 201, removed.text);
      await settle(t);

      const seen = (await history(bo)).find((m: { id: string }) => m.id === messageId);
      assert.deepEqual([seen.body, seen.moderation, seen.facets], ['', 'removed', []], 'a placeholder for the other member');
      const own = (await history(ana)).find((m: { id: string }) => m.id === messageId);
      assert.deepEqual([own.body, own.moderation], ['buy cheap followers at my shop', 'removed'], 'its sender still sees it, with its status');
      const inbox = (await bo.get('/api/chat/conversations')).body.items[0];
      assert.equal(inbox.lastMessage.body, '', 'the inbox preview does not leak it either');
      // The learning tools must not leak the body either.
      assert.equal((await bo.post(`/api/chat/messages/${messageId}/translation`, {})).status, 404);
      assert.equal((await bo.post('/api/chat/phrasebook', { messageId })).status, 404);
      // Nor does a resume.
      const socket = await openSocket(url, bo.cookie);
      socket.send({ type: 'resume', cursors: { [conversationId]: 0 } });
      await socket.next((f) => f.type === 'resumed');
      const replayed = socket.frames.find((f) => f.type === 'message' && f.message.id === messageId);
      assert.deepEqual([replayed?.message.body, replayed?.message.moderation], ['', 'removed']);
      socket.close();

      const notice = (await ana.get('/api/moderation/notices')).body.items[0];
      assert.deepEqual([notice.subjectKind, notice.subjectId, notice.action, notice.rule.id], ['message', messageId, 'remove', 'spam']);
      const mine = (await bo.get('/api/moderation/reports/mine')).body.items.find((x: { subjectId: string }) => x.subjectId === messageId);
      assert.deepEqual([mine.outcome, mine.action], ['actioned', 'remove']);

      const appeal = await ana.post(`/api/moderation/notices/${notice.id}/appeal`, { statement: 'It was a joke between friends.' });
      assert.equal(appeal.status, 201, appeal.text);
      const reversed = await modB.post(`/api/moderation/appeals/${appeal.body.id}/decide`, { decision: 'reverse', note: 'a joke' });
      assert.equal(reversed.status, 200, reversed.text);
      await settle(t);
      const back = (await history(bo)).find((m: { id: string }) => m.id === messageId);
      assert.equal(back.body, 'buy cheap followers at my shop', 'restored for everyone');
      assert.equal(back.moderation, undefined);
      assert.equal((await ana.get('/api/moderation/notices')).body.items[0].action, 'reverse');
    });

    it('a labelled message is flagged sensitive; note-only actions (limit) stay refused', async () => {
      const messageId = (await bo.post(`/api/chat/conversations/${conversationId}/messages`, { text: 'a gory photo story' })).body.id;
      const mod = await moderator(t);
      const label = await mod.post('/api/moderation/actions', { subjectKind: 'message', subjectId: messageId, action: 'label', ruleId: 'spam', note: 'gore' });
      assert.equal(label.status, 201, label.text);
      const seen = (await history(ana)).find((m: { id: string }) => m.id === messageId);
      assert.deepEqual([seen.body, seen.sensitive], ['a gory photo story', true]);
      const limit = await mod.post('/api/moderation/actions', { subjectKind: 'message', subjectId: messageId, action: 'limit', ruleId: 'spam', note: 'x' });
      assert.equal(limit.status, 400, 'limiting is for notes in feeds');
    });
  });
}
