import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, describe, it } from 'node:test';

const SCRIPT = path.resolve(import.meta.dirname, 'test/loaded-packages.ts');
/** Drivers only a cluster deployment uses; together ~40 MB of resident memory (docs/operations.md). */
const CLUSTER_ONLY = ['@aws-sdk/client-s3', 'ioredis', 'pg'];

async function packagesLoaded(env: Record<string, string>): Promise<string[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(env)], { timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

describe('what the embedded deployment loads', () => {
  const dirs: string[] = [];
  const dataDir = async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaan-footprint-'));
    dirs.push(dir);
    return dir;
  };
  after(() => Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true }))));

  it('a server on SQLite and disk media never imports the S3, Redis or PostgreSQL drivers', async () => {
    const loaded = await packagesLoaded({ DATA_DIR: await dataDir() });
    assert.ok(loaded.includes('better-sqlite3') && loaded.includes('fastify'), `the list is real: ${loaded.join(', ')}`);
    assert.deepEqual(
      CLUSTER_ONLY.filter((name) => loaded.includes(name)),
      [],
    );
  });

  it('a server configured for S3 media does import the S3 client (so the check above can see it)', async () => {
    // No request is made: the client is only constructed.
    const loaded = await packagesLoaded({ DATA_DIR: await dataDir(), MEDIA_STORE: 's3', S3_BUCKET: 'footprint', S3_ENDPOINT: 'http://127.0.0.1:9' });
    assert.ok(loaded.includes('@aws-sdk/client-s3'));
    assert.ok(!loaded.includes('ioredis') && !loaded.includes('pg'));
  });
});
