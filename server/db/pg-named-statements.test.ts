import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { freshPostgresDatabase, testDatabases } from '../test/harness.js';
import { Database } from './database.js';
import { postgresDialect } from './dialect.js';
import { nameStatements } from './pg-named-statements.js';

// PostgreSQL only: SQLite keeps its compiled statements in dialect.ts's own cache.
for (const kind of testDatabases().filter((k) => k === 'postgres')) {
  describe(`named statements (${kind})`, () => {
    let fresh: Awaited<ReturnType<typeof freshPostgresDatabase>>;
    before(async () => {
      fresh = await freshPostgresDatabase();
    });
    after(async () => fresh.drop());

    /** One connection, so what it prepared can be read back on it. */
    const open = async (namedStatements: boolean) => new Database(await postgresDialect(fresh.url, () => {}, 1, { namedStatements }));
    const run = (database: Database, text: string, values: unknown[] = []) =>
      database.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, values));
    const prepared = async (database: Database, text: string) =>
      Number((await run(database, 'select count(*)::int as n from pg_prepared_statements where statement = $1', [text])).rows[0]!.n);

    it('prepares a statement on its third use, once, and only when switched on', async () => {
      const text = 'select $1::int + 1 as n';
      for (const namedStatements of [true, false]) {
        const database = await open(namedStatements);
        try {
          assert.equal(await prepared(database, text), 0);
          for (let i = 0; i < 6; i++) assert.equal((await run(database, text, [i])).rows[0]!.n, i + 1);
          assert.equal(await prepared(database, text), namedStatements ? 1 : 0);
        } finally {
          await database.destroy();
        }
      }
    });

    it('names no more texts than its limit, and forgets counts past its other limit', async () => {
      /** What one connection of a pool with these limits prepared after running `texts` in order. */
      const preparedAfter = async (limits: { maxNames: number; maxCounted: number }, texts: string[]) => {
        const pool = new pg.Pool({ connectionString: fresh.url, max: 1 });
        nameStatements(pool, limits);
        const client = await pool.connect();
        try {
          for (const text of texts) await client.query(text, [1]);
          const rows = await client.query<{ statement: string }>('select statement from pg_prepared_statements order by statement');
          return rows.rows.map((r) => r.statement);
        } finally {
          client.release();
          await pool.end();
        }
      };
      const a = 'select $1::int as a';
      const b = 'select $1::int as b';
      // One name allowed: the first text used three times takes it, the second stays unnamed.
      assert.deepEqual(await preparedAfter({ maxNames: 1, maxCounted: 100 }, [a, a, a, b, b, b, b]), [a]);
      // One text counted at a time: alternating texts never reach three uses; a run of three does.
      assert.deepEqual(await preparedAfter({ maxNames: 100, maxCounted: 1 }, [a, b, a, b, a, b]), []);
      assert.deepEqual(await preparedAfter({ maxNames: 100, maxCounted: 1 }, [a, b, a, b, a, b, b, b]), [b]);
    });

    it('prepares a statement again after a migration changed what it returns', async () => {
      const database = await open(true);
      try {
        await run(database, 'create table plans (a int)');
        await run(database, 'insert into plans values (1)');
        const text = 'select * from plans where a = $1';
        for (let i = 0; i < 4; i++) assert.deepEqual((await run(database, text, [1])).rows, [{ a: 1 }]);
        // Another node's migration: the prepared plan of `select *` no longer fits the table.
        await run(database, 'alter table plans add column b int default 2');
        await assert.rejects(run(database, text, [1]), (err: { code?: string }) => err.code === '0A000');
        assert.deepEqual((await run(database, text, [1])).rows, [{ a: 1, b: 2 }]);
        assert.deepEqual((await run(database, text, [1])).rows, [{ a: 1, b: 2 }]);
      } finally {
        await database.destroy();
      }
    });
  });
}
