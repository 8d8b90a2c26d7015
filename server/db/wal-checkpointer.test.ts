import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import { Database } from './database.js';
import { sqliteDialect } from './dialect.js';

/** 4,096 frames (16 MB) before a rewind, so that a test can write past it a few times in a second or two. */
const RESTART_FRAMES = 4096;
const PAGE = 4096;

const walSize = (file: string) => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
const autocheckpoint = async (database: Database) =>
  (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(database.db)).rows[0]!.wal_autocheckpoint;

describe('WAL checkpoints on their own thread', () => {
  let dir: string;
  let file: string;
  let database: Database;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuaan-wal-'));
    file = path.join(dir, 'test.db');
    database = new Database(sqliteDialect(file, { walRestartFrames: RESTART_FRAMES }));
    await sql`create table items (id integer primary key, body blob not null)`.execute(database.db);
  });
  afterEach(async () => {
    await database.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Rows of about a page each from more writers than a commit batch takes (64), each starting its
   * next transaction as soon as the last one committed: the next batch is always waiting to begin,
   * as under real load, so the WAL is never found fully copied by chance.
   */
  async function writeSteadily(rows = 12_000, writers = 100): Promise<number> {
    let left = rows;
    const writer = async () => {
      while (left-- > 0) {
        await database.transaction(async (txn) => {
          await sql`insert into items (body) values (randomblob(${PAGE - 200}))`.execute(txn.db);
        });
      }
    };
    await Promise.all(Array.from({ length: writers }, writer));
    return rows;
  }

  it('leaves the writer checkpointing only as a backstop, and rewinds the WAL under steady writing', async () => {
    assert.equal(await autocheckpoint(database), 2 * RESTART_FRAMES, "the writer's own checkpoints wait for twice the rewind size");
    let largest = 0;
    const sampler = setInterval(() => {
      largest = Math.max(largest, walSize(file));
    }, 1);
    const written = await writeSteadily();
    clearInterval(sampler);
    const stats = database.checkpointer!.stats;
    assert.ok(stats.catchUps >= 1, 'the thread asked for at least one rewind');
    assert.ok(stats.complete >= 1, 'at least one catch-up copied the whole log');
    // Without rewinds the file would hold every page written (~48 MB); the writer's backstop alone
    // lets it reach twice the rewind size (32 MB) before its own checkpoint rewinds it.
    assert.ok(largest < 1.5 * RESTART_FRAMES * PAGE, `the WAL reached ${largest} bytes (${JSON.stringify(stats)})`);
    const { n } = (await sql<{ n: number }>`select count(*) as n from items`.execute(database.db)).rows[0]!;
    assert.equal(n, written);
  });

  it('closes with the WAL folded into the database file', async () => {
    const written = await writeSteadily(200);
    await database.destroy();
    assert.equal(walSize(file), 0, 'the last connection to close checkpointed and removed the WAL');
    database = new Database(sqliteDialect(file));
    const { n } = (await sql<{ n: number }>`select count(*) as n from items`.execute(database.db)).rows[0]!;
    assert.equal(n, written);
  });

  it("falls back to SQLite's own checkpoints, with a warning, when the thread dies", async () => {
    const warned = once(process, 'warning');
    // @ts-expect-error the thread is private; a test ends it as a crash would
    await database.checkpointer!.worker.terminate();
    const [warning] = (await warned) as [Error];
    assert.equal(warning.name, 'KuaanWarning');
    assert.match(warning.message, /WAL checkpoint thread stopped/);
    assert.equal(await autocheckpoint(database), 1000);
    await writeSteadily(200);
    assert.equal(database.checkpointer!.catchUpDue(), false, 'writers no longer wait for the thread');
  });

  it('keeps a process alive while it stops, so that closing the database is awaited to the end', async () => {
    // The thread is unreferenced; a script whose last act is closing the database once exited in the
    // middle of it ("unsettled top-level await", exit code 13).
    const script = [
      `const { Database } = await import(${JSON.stringify(new URL('./database.ts', import.meta.url).href)});`,
      `const { sqliteDialect } = await import(${JSON.stringify(new URL('./dialect.ts', import.meta.url).href)});`,
      `await new Database(sqliteDialect(${JSON.stringify(path.join(dir, 'script.db'))})).destroy();`,
      `console.log('closed');`,
    ].join('\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { timeout: 60_000 });
    assert.equal(stdout.trim(), 'closed');
  });

  it('is not started for a database in memory or a read-only connection', async () => {
    for (const handle of [sqliteDialect(':memory:'), sqliteDialect(file, { readOnly: true })]) {
      assert.equal(handle.checkpointer, undefined, handle.describe);
      await new Database(handle).destroy();
    }
  });
});
