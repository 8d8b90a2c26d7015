import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { openSocket } from '../../test/ws-client.js';

// Two real server processes on different ports, one PostgreSQL database and one Redis: what a
// cluster behind a load balancer looks like. Runs where both are available (CI sets both).
const redisUrl = process.env.TEST_REDIS_URL;
const databaseUrl = process.env.TEST_DATABASE_URL;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ORIGIN = 'http://localhost:3000';

interface Node {
  url: string;
  child: ChildProcess;
}

function startNode(env: Record<string, string>): Promise<Node> {
  const child = spawn(process.execPath, ['bin/kuaan.mjs', 'serve'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`node did not start: ${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${m[1]}`, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('exit', (code) => reject(new Error(`node exited with ${code}: ${out}`)));
  });
}

/** A person signed up on one node; the cookie works on every node (sessions are in the database). */
async function signUp(node: Node, handle: string): Promise<{ handle: string; cookie: string; id: string }> {
  const res = await fetch(`${node.url}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ handle, email: `${handle}@example.com`, password: 'correct horse battery' }),
  });
  const text = await res.text();
  assert.equal(res.status, 201, text);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kuaan_session='))!.split(';')[0]!;
  return { handle, cookie, id: (JSON.parse(text) as { id: string }).id };
}

async function call(node: Node, cookie: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`${node.url}${url}`, {
    method,
    headers: { cookie, origin: ORIGIN, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('chat across two server processes (Redis pub/sub)', { skip: !(redisUrl && databaseUrl) && 'TEST_REDIS_URL and TEST_DATABASE_URL not set' }, () => {
  const dbName = `kuaan_t_${randomBytes(6).toString('hex')}`;
  const nodes: Node[] = [];
  let dataDir: string;

  before(async () => {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(databaseUrl!);
    url.pathname = `/${dbName}`;
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaan-2nodes-'));
    const env = {
      DATABASE_URL: url.toString(),
      REDIS_URL: redisUrl!,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      PUBLIC_URL: ORIGIN,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_SIGNUP_PER_HOUR: '100000',
      RATE_LIMIT_WRITES_PER_MINUTE: '100000',
      JOBS_WORKERS: '0',
    };
    // One after the other: the first applies the migrations, the second finds them done.
    nodes.push(await startNode(env));
    nodes.push(await startNode(env));
  });

  after(async () => {
    for (const node of nodes) {
      node.child.kill('SIGTERM');
      await new Promise((r) => node.child.once('exit', r));
    }
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('a message sent through one node reaches a socket connected to the other', async () => {
    const [one, two] = nodes as [Node, Node];
    const suffix = randomBytes(3).toString('hex');
    const ana = await signUp(one, `ana_${suffix}`);
    const bo = await signUp(two, `bo_${suffix}`);
    const conversation = await call(one, ana.cookie, 'POST', '/api/chat/conversations', { handles: [bo.handle] });
    assert.equal(conversation.status, 200);
    const conversationId = conversation.body.id as string;

    const boOnTwo = await openSocket(two.url, bo.cookie, ORIGIN);
    const anaOnOne = await openSocket(one.url, ana.cookie, ORIGIN);
    const sent = await call(one, ana.cookie, 'POST', `/api/chat/conversations/${conversationId}/messages`, { text: 'hello from node one' });
    assert.equal(sent.status, 201);
    const got = await boOnTwo.next((f) => f.type === 'message');
    assert.equal(got.message.body, 'hello from node one');
    assert.equal(got.message.seq, 1);

    // And back: a socket send on node two reaches the socket on node one.
    boOnTwo.send({ type: 'send', conversationId, text: '你好，来自二号节点', clientId: 'back-1' });
    const back = await anaOnOne.next((f) => f.type === 'message' && f.message.sender.id === bo.id);
    assert.equal(back.message.body, '你好，来自二号节点');
    assert.equal(back.message.seq, 2);
    boOnTwo.close();
    anaOnOne.close();
  });
});
