import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../../test/client.js';
import { signUpUser, signUpUsers } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { listen, openSocket } from '../../test/ws-client.js';

for (const kind of testDatabases()) {
  describe(`partner requests [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    it('accepting makes partners with a 1:1 in both inboxes', async () => {
      const [en, zh] = await signUpUsers(t, 2);
      const sent = await en!.post('/api/partners/requests', { handle: zh!.handle, message: 'Let’s swap English for 中文!' });
      assert.equal(sent.status, 201, sent.text);
      assert.equal((await en!.post('/api/partners/requests', { handle: zh!.handle })).status, 409, 'one at a time');
      const incoming = await zh!.get('/api/partners/requests');
      assert.deepEqual(incoming.body.items.map((r: { id: string }) => r.id), [sent.body.id]);
      assert.equal((await en!.post(`/api/partners/requests/${sent.body.id}/accept`)).status, 404, 'only the recipient answers');
      const accepted = await zh!.post(`/api/partners/requests/${sent.body.id}/accept`);
      assert.equal(accepted.body.status, 'accepted');
      assert.ok(accepted.body.conversationId);
      for (const who of [en!, zh!]) {
        const inbox = await who.get('/api/chat/conversations');
        assert.deepEqual(inbox.body.items.map((c: { id: string }) => c.id), [accepted.body.conversationId]);
      }
      assert.equal((await en!.get('/api/partners')).body.items[0].user.id, zh!.userId);
      assert.equal((await zh!.post(`/api/partners/requests/${sent.body.id}/decline`)).status, 409);
    });

    it('ignoring is silent; declining is an answer', async () => {
      const [a, b, c] = await signUpUsers(t, 3);
      const toB = await a!.post('/api/partners/requests', { handle: b!.handle });
      const toC = await a!.post('/api/partners/requests', { handle: c!.handle });
      await b!.post(`/api/partners/requests/${toB.body.id}/ignore`);
      await c!.post(`/api/partners/requests/${toC.body.id}/decline`);
      const outgoing = await a!.get('/api/partners/requests?box=outgoing');
      assert.deepEqual(outgoing.body.items.map((r: { status: string }) => r.status), ['pending']);
      assert.equal((await b!.get('/api/partners/requests')).body.items.length, 0);
    });

    it('at most 20 requests a day; not to oneself; not across a block', async () => {
      const sender = await signUpUser(t);
      const others = await signUpUsers(t, 21);
      const answers = [];
      for (const o of others) answers.push(await sender.post('/api/partners/requests', { handle: o.handle }));
      assert.deepEqual(answers.map((r) => r.status), [...Array(20).fill(201), 429]);
      assert.equal(answers[20]!.body.code, 'partner_request_limit');
      const [x, y] = await signUpUsers(t, 2);
      assert.equal((await x!.post('/api/partners/requests', { handle: x!.handle })).body.code, 'partner_request_self');
      await y!.post(`/api/users/${x!.handle}/block`);
      assert.equal((await x!.post('/api/partners/requests', { handle: y!.handle })).status, 404);
    });
  });

  describe(`corner rooms [${kind}]`, () => {
    let t: TestApp;
    let url: string;
    let host: Client;
    let guest: Client;
    let roomId: string;
    before(async () => {
      t = await startTestApp(kind);
      url = await listen(t);
      [host, guest] = await signUpUsers(t, 2) as [Client, Client];
      const room = await host.post('/api/corner/rooms', { title: 'English Corner', topic: 'Practise English together' });
      assert.equal(room.status, 201, room.text);
      roomId = room.body.id;
    });
    after(() => t.close());

    it('anyone can find and join a room, and talk live in it', async () => {
      const list = await guest.get('/api/corner/rooms');
      const listed = list.body.items.find((r: { id: string }) => r.id === roomId);
      assert.deepEqual([listed.title, listed.joined], ['English Corner', false]);
      assert.equal((await guest.get(`/api/chat/conversations/${roomId}/messages`)).status, 404, 'join first');
      assert.equal((await guest.get(`/api/chat/conversations/${roomId}`)).body.viewer.state, null, 'but the room can be looked at');
      assert.equal((await guest.post(`/api/corner/rooms/${roomId}/join`)).status, 200);
      const hostSocket = await openSocket(url, host.cookie);
      await guest.post(`/api/chat/conversations/${roomId}/messages`, { text: 'Hello everyone!' });
      assert.equal((await hostSocket.next((f) => f.type === 'message')).message.body, 'Hello everyone!');
      hostSocket.close();
    });

    it('hosts pin, silence and remove; members cannot', async () => {
      const said = await guest.post(`/api/chat/conversations/${roomId}/messages`, { text: 'Rules: be kind' });
      assert.equal((await guest.put(`/api/corner/rooms/${roomId}/pin`, { messageId: said.body.id })).body.code, 'room_host_only');
      assert.equal((await host.put(`/api/corner/rooms/${roomId}/pin`, { messageId: said.body.id })).status, 200);
      assert.equal((await guest.get(`/api/chat/conversations/${roomId}`)).body.pinned.id, said.body.id);

      assert.equal((await host.put(`/api/corner/rooms/${roomId}/members/${guest.userId}/silence`, { minutes: 10 })).status, 200);
      const silenced = await guest.post(`/api/chat/conversations/${roomId}/messages`, { text: 'can I talk?' });
      assert.equal(silenced.body.code, 'chat_silenced');
      await host.put(`/api/corner/rooms/${roomId}/members/${guest.userId}/silence`, { minutes: 0 });
      assert.equal((await guest.post(`/api/chat/conversations/${roomId}/messages`, { text: 'thanks' })).status, 201);

      assert.equal((await guest.delete(`/api/corner/rooms/${roomId}/members/${host.userId}`)).status, 403);
      assert.equal((await host.delete(`/api/corner/rooms/${roomId}/members/${guest.userId}`)).status, 200);
      assert.equal((await guest.post(`/api/chat/conversations/${roomId}/messages`, { text: 'back?' })).status, 404);
      assert.equal((await guest.post(`/api/corner/rooms/${roomId}/join`)).status, 403, 'removed stays out');
    });
  });
}
