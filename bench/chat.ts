/**
 * `node --import tsx bench/chat.ts [--sockets 1000] [--people 1000] [--rate 100] [--seconds 20]`
 *
 * Issue 8's real-time claims, against the real server in a child process (embedded SQLite, in-process bus):
 *   - memory per idle socket: the server's RSS before and after opening N authenticated sockets;
 *   - 1:1 delivery latency with N sockets connected: pairs of people exchange messages over their
 *     sockets; latency is from just before the sender's `send` frame to the recipient's `message` frame;
 *   - room fan-out: one message to a room of up to 500 people, delivered to all their sockets.
 * Prints one JSON object; bench/chat.md records the numbers.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server-process.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SOCKETS = arg('sockets', 1000);
const SECONDS = arg('seconds', 20);
const PEOPLE = arg('people', SOCKETS);
/** 1:1 messages per second across all pairs. */
const RATE = arg('rate', 100);

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: at(100) };
}

const rssKb = (pid: number) => fs.readFile(`/proc/${pid}/status`, 'utf8').then((s) => Number(/VmRSS:\s+(\d+) kB/.exec(s)![1]));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaan-bench-chat-'));
  const server = await startServer({ dataDir, databaseUrl: null, env: { CHAT_SENDS_PER_WINDOW: '1000000', JOBS_WORKERS: '0' } });
  const origin = server.url;
  const api = async (cookie: string | null, method: string, url: string, body?: unknown) => {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: { origin, ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text}`);
    return { body: text ? JSON.parse(text) : null, cookie: res.headers.getSetCookie().find((c) => c.startsWith('kuaan_session='))?.split(';')[0] ?? null };
  };
  try {
    const people: Array<{ handle: string; cookie: string; id: string }> = [];
    for (let i = 0; i < PEOPLE; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, PEOPLE - i) }, async (_, j) => {
          const handle = `bench_${i + j}_${Date.now().toString(36)}`;
          const r = await api(null, 'POST', '/api/auth/sign-up', { handle, email: `${handle}@example.com`, password: 'correct horse battery' });
          return { handle, cookie: r.cookie!, id: r.body.id as string };
        }),
      );
      people.push(...batch);
    }
    // 1:1 pairs (0,1), (2,3) … and one room with everyone.
    const pairs: Array<{ a: number; b: number; conversationId: string }> = [];
    for (let i = 0; i + 1 < PEOPLE; i += 2) {
      const c = await api(people[i]!.cookie, 'POST', '/api/chat/conversations', { handles: [people[i + 1]!.handle] });
      pairs.push({ a: i, b: i + 1, conversationId: c.body.id });
    }
    const room = await api(people[0]!.cookie, 'POST', '/api/corner/rooms', { title: 'Bench Corner' });
    // Rooms hold up to 500 people (LIMITS.chat.roomMembers).
    for (const p of people.slice(1, 500)) await api(p.cookie, 'POST', `/api/corner/rooms/${room.body.id}/join`);

    await server.settle(10);
    const before = await rssKb(server.pid);
    const latencies: number[] = [];
    const roomLatencies: number[] = [];
    const sockets: WebSocket[][] = people.map(() => []);
    const wsUrl = `${server.url.replace('http', 'ws')}/api/ws`;
    for (let i = 0; i < SOCKETS; i++) {
      const who = i % PEOPLE;
      const ws = new WebSocket(wsUrl, { headers: { cookie: people[who]!.cookie, origin } } as unknown as string[]);
      ws.addEventListener('message', (e) => {
        const frame = JSON.parse(String(e.data));
        if (frame.type !== 'message') return;
        const sentAt = Number(/^t=(\d+\.\d+)/.exec(frame.message.body)?.[1]);
        if (!sentAt) return;
        (frame.message.conversationId === room.body.id ? roomLatencies : latencies).push(performance.now() - sentAt);
      });
      await new Promise<void>((resolve, reject) => {
        ws.addEventListener('open', () => resolve());
        ws.addEventListener('error', () => reject(new Error('socket failed')));
      });
      sockets[who]!.push(ws);
    }
    await sleep(3000);
    const after = await rssKb(server.pid);

    // 1:1: pairs take turns, RATE messages a second in all, alternating direction.
    const end = Date.now() + SECONDS * 1000;
    let sent = 0;
    const started = Date.now();
    while (Date.now() < end) {
      const pair = pairs[sent % pairs.length]!;
      const from = Math.floor(sent / pairs.length) % 2 === 0 ? pair.a : pair.b;
      sockets[from]![0]!.send(JSON.stringify({ type: 'send', conversationId: pair.conversationId, text: `t=${performance.now().toFixed(3)}` }));
      sent++;
      // Paced against the clock, so timer granularity does not change the rate.
      const due = started + (sent * 1000) / RATE;
      if (due > Date.now()) await sleep(due - Date.now());
    }
    await sleep(2000);
    // Room fan-out: 20 messages, each to every socket.
    for (let i = 0; i < 20; i++) {
      sockets[0]![0]!.send(JSON.stringify({ type: 'send', conversationId: room.body.id, text: `t=${performance.now().toFixed(3)}` }));
      await sleep(500);
    }
    await sleep(2000);
    const result = {
      sockets: SOCKETS,
      people: PEOPLE,
      rssBeforeMb: Math.round(before / 1024),
      rssAfterMb: Math.round(after / 1024),
      kbPerIdleSocket: Math.round(((after - before) / SOCKETS) * 10) / 10,
      direct: { messagesSent: sent, perSecond: RATE, deliveries_ms: percentiles(latencies) },
      room: { messages: 20, members: Math.min(PEOPLE, 500), deliveries_ms: percentiles(roomLatencies) },
      node: process.version,
      cpus: os.cpus().length,
    };
    console.log(JSON.stringify(result, null, 2));
    for (const list of sockets) for (const ws of list) ws.close();
  } finally {
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
