import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { Database } from './database.js';
import { sqliteDialect } from './dialect.js';
import type { DB } from './schema/index.js';

const insert = (db: Kysely<DB>, v: string) => sql`insert into items (v) values (${v})`.execute(db);
const values = async (db: Kysely<DB>) => (await sql<{ v: string }>`select v from items order by id`.execute(db)).rows.map((r) => r.v);

describe('SQLite group commit', () => {
  let dir: string;
  let database: Database;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuaan-group-commit-'));
    database = new Database(sqliteDialect(path.join(dir, 'test.db')));
    await sql`create table items (id integer primary key, v text not null unique)`.execute(database.db);
    // A deferred foreign key is checked at COMMIT, not at the member's RELEASE: a way to make COMMIT fail.
    await sql`create table links (id integer primary key, item_id integer references items (id) deferrable initially deferred)`.execute(
      database.db,
    );
  });
  after(async () => {
    await database.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('commits concurrent transactions together, each one whole', async () => {
    const before = { ...database.groupCommit!.stats };
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        database.transaction(async (txn) => {
          await insert(txn.db, `a${i}`);
          await insert(txn.db, `b${i}`);
        }),
      ),
    );
    const stats = database.groupCommit!.stats;
    assert.equal(stats.members - before.members, 20);
    assert.ok(stats.commits - before.commits < 20, `20 transactions took ${stats.commits - before.commits} commits`);
    const rows = await values(database.db);
    for (let i = 0; i < 20; i++) assert.ok(rows.includes(`a${i}`) && rows.includes(`b${i}`));
  });

  it('rolls back a failing member alone; the others in its batch commit', async () => {
    const results = await Promise.allSettled([
      database.transaction((txn) => insert(txn.db, 'ok1')),
      database.transaction(async (txn) => {
        await insert(txn.db, 'half-written');
        await insert(txn.db, 'ok1'); // duplicate: this member fails after one write
      }),
      database.transaction((txn) => insert(txn.db, 'ok2')),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    const rows = await values(database.db);
    assert.ok(rows.includes('ok1') && rows.includes('ok2'));
    assert.ok(!rows.includes('half-written'));
  });

  it('runs after-commit hooks in order, only for members that committed, before their promise resolves', async () => {
    const seen: string[] = [];
    const settled = await Promise.allSettled(
      ['h1', 'dup', 'h2'].map((v) =>
        database.transaction(async (txn) => {
          txn.afterCommit(() => {
            seen.push(`hook ${v}`);
          });
          await insert(txn.db, v === 'dup' ? 'ok1' : v);
          return v;
        }),
      ),
    );
    seen.push('resolved');
    assert.deepEqual(seen, ['hook h1', 'hook h2', 'resolved']);
    assert.equal(settled[1]!.status, 'rejected');
  });

  it('fails every member of a batch whose COMMIT fails, and runs none of their hooks', async () => {
    let hooks = 0;
    const results = await Promise.allSettled([
      database.transaction(async (txn) => {
        txn.afterCommit(() => void hooks++);
        await insert(txn.db, 'doomed-neighbour');
      }),
      database.transaction(async (txn) => {
        txn.afterCommit(() => void hooks++);
        await sql`insert into links (item_id) values (999999)`.execute(txn.db);
      }),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected'],
    );
    assert.match(String((results[0] as PromiseRejectedResult).reason), /FOREIGN KEY/);
    assert.equal(hooks, 0);
    assert.ok(!(await values(database.db)).includes('doomed-neighbour'));
    // The connection is usable again afterwards.
    await database.transaction((txn) => insert(txn.db, 'after-failure'));
    assert.ok((await values(database.db)).includes('after-failure'));
  });

  it('keeps plain reads from seeing a batch before it commits', async () => {
    let readDuring: string[] | null = null;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const writing = database.transaction(async (txn) => {
      await insert(txn.db, 'invisible-until-commit');
      // A read started now must wait for the connection, so it cannot see this row early.
      void values(database.db).then((rows) => {
        readDuring = rows;
      });
      await gate;
    });
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(readDuring, null, 'a plain read ran while the batch held the connection');
    release();
    await writing;
    await new Promise((r) => setTimeout(r, 0));
    assert.ok(readDuring!.includes('invisible-until-commit'));
  });

  it('joins single-statement writes to the batch (database.write)', async () => {
    const before = database.groupCommit!.stats.members;
    await Promise.all([database.write((db) => insert(db as Kysely<DB>, 'w1')), database.transaction((txn) => insert(txn.db, 'w2'))]);
    assert.equal(database.groupCommit!.stats.members - before, 2);
    const rows = await values(database.db);
    assert.ok(rows.includes('w1') && rows.includes('w2'));
  });
});
