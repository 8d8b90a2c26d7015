import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { listen, openSocket } from '../../test/ws-client.js';

/**
 * A WebSocket client that does the handshake and then does nothing at all: it never answers pings
 * and (once paused) never reads. What a dead phone or a stalled reader looks like to the server.
 */
async function rawSocket(baseUrl: string, cookie: string): Promise<{ socket: net.Socket; closed: Promise<number> }> {
  const { port } = new URL(baseUrl);
  const socket = net.connect(Number(port), '127.0.0.1');
  let received = 0;
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(received)));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.write(
      [
        'GET /api/ws HTTP/1.1',
        `Host: 127.0.0.1:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        'Origin: http://localhost:3000',
        `Cookie: ${cookie}`,
        '',
        '',
      ].join('\r\n'),
    );
    socket.once('data', (chunk) => (chunk.toString('latin1').startsWith('HTTP/1.1 101') ? resolve() : reject(new Error(chunk.toString()))));
  });
  socket.on('data', (chunk) => {
    received += chunk.length;
  });
  return { socket, closed };
}

async function pair(t: TestApp): Promise<{ ana: Client; bo: Client; conversationId: string }> {
  const [ana, bo] = [await signUpUser(t), await signUpUser(t)];
  await ana.post(`/api/users/${bo.handle}/follow`);
  await bo.post(`/api/users/${ana.handle}/follow`);
  const conversationId = (await ana.post('/api/chat/conversations', { handles: [bo.handle] })).body.id;
  return { ana, bo, conversationId };
}

describe('chat gateway: heartbeat', () => {
  let t: TestApp;
  let url: string;
  before(async () => {
    // Short enough for a quick test, long enough that a busy CI machine still answers pings in time.
    t = await startTestApp('sqlite', { CHAT_HEARTBEAT_MS: '500' });
    url = await listen(t);
  });
  after(() => t.close());

  it('drops a socket that stops answering pings, and keeps one that answers', async () => {
    const { bo } = await pair(t);
    const dead = await rawSocket(url, bo.cookie!);
    const alive = await openSocket(url, bo.cookie);
    const started = Date.now();
    await dead.closed;
    assert.ok(Date.now() - started < 5000, 'dropped within a few heartbeats');
    await new Promise((r) => setTimeout(r, 1200));
    alive.send({ type: 'ping' });
    assert.equal((await alive.next((f) => f.type === 'pong')).type, 'pong', 'Node’s client answers pings and stays');
    alive.close();
  });
});

describe('chat gateway: bounded send buffers', () => {
  let t: TestApp;
  let url: string;
  before(async () => {
    t = await startTestApp('sqlite', { CHAT_SENDS_PER_WINDOW: '1000000' });
    url = await listen(t);
  });
  after(() => t.close());

  it('cuts off a client that does not read instead of holding its backlog; it resumes and misses nothing', async () => {
    const { ana, bo, conversationId } = await pair(t);
    const slow = await rawSocket(url, bo.cookie!);
    slow.socket.pause();
    // ~6 KB frames, ~15 MB in all: more than the kernel's socket buffers plus the server's 1 MB allowance.
    const text = '慢'.repeat(2000);
    const total = 2500;
    for (let i = 0; i < total; i++) {
      const res = await ana.post(`/api/chat/conversations/${conversationId}/messages`, { text });
      assert.equal(res.status, 201);
    }
    slow.socket.resume();
    const bytes = await Promise.race([slow.closed, new Promise<number>((r) => setTimeout(() => r(-1), 5000))]);
    assert.notEqual(bytes, -1, 'the server closed the stalled socket');
    assert.ok(bytes < total * 6000, `and did not send it everything (${bytes} bytes)`);
    // Reconnecting and resuming from the last seq it saw (say 100) brings the rest, up to the replay cap.
    const again = await openSocket(url, bo.cookie);
    again.send({ type: 'resume', cursors: { [conversationId]: total - 100 } });
    assert.equal((await again.next((f) => f.type === 'resumed', 10_000)).replayed, 100);
    again.close();
    assert.equal((await ana.get('/api/health')).status, 200);
  });
});

describe('chat gateway: shutdown', () => {
  it('tells connected clients to go away (1001) so they reconnect elsewhere and resume', async () => {
    const t = await startTestApp('sqlite');
    const url = await listen(t);
    const { bo } = await pair(t);
    const socket = await openSocket(url, bo.cookie);
    const closing = t.close();
    assert.equal((await socket.closed).code, 1001);
    await closing;
  });
});
