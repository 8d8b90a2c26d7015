import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp, testDatabases } from '../test/harness.js';

interface ForeignKey {
  table: string;
  columns: string[];
}

/** Every foreign key's child columns, and every index's leading columns (primary keys included), by table. */
async function sqliteSchema(t: TestApp): Promise<{ keys: ForeignKey[]; indexes: Map<string, string[][]> }> {
  const db = t.ctx.database.db;
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master
    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`.execute(db);
  const keys: ForeignKey[] = [];
  const indexes = new Map<string, string[][]>();
  for (const { name } of tables.rows) {
    const fks = await sql<{ id: number; from: string }>`SELECT id, "from" FROM pragma_foreign_key_list(${name}) ORDER BY id, seq`.execute(db);
    const byId = new Map<number, string[]>();
    for (const fk of fks.rows) byId.set(fk.id, [...(byId.get(fk.id) ?? []), fk.from]);
    for (const columns of byId.values()) keys.push({ table: name, columns });
    const list = await sql<{ name: string }>`SELECT name FROM pragma_index_list(${name})`.execute(db);
    const covered: string[][] = [];
    for (const index of list.rows) {
      covered.push((await sql<{ name: string }>`SELECT name FROM pragma_index_info(${index.name}) ORDER BY seqno`.execute(db)).rows.map((c) => c.name));
    }
    const pk = await sql<{ name: string; pk: number }>`SELECT name, pk FROM pragma_table_info(${name}) WHERE pk > 0 ORDER BY pk`.execute(db);
    covered.push(pk.rows.map((c) => c.name));
    indexes.set(name, covered);
  }
  return { keys, indexes };
}

async function postgresSchema(t: TestApp): Promise<{ keys: ForeignKey[]; indexes: Map<string, string[][]> }> {
  const db = t.ctx.database.db;
  const column = (rel: string, attnum: string) =>
    sql`(SELECT attname FROM pg_attribute WHERE attrelid = ${sql.raw(rel)} AND attnum = ${sql.raw(attnum)})`;
  const keys = await sql<{ table: string; columns: string[] }>`SELECT c.conrelid::regclass::text AS table,
      array(SELECT ${column('c.conrelid', 'k.attnum')} FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord) ORDER BY k.ord)::text[] AS columns
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = current_schema()`.execute(db);
  const rows = await sql<{ table: string; columns: string[] }>`SELECT i.indrelid::regclass::text AS table,
      array(SELECT ${column('i.indrelid', 'k.attnum')} FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord) ORDER BY k.ord)::text[] AS columns
    FROM pg_index i JOIN pg_class r ON r.oid = i.indrelid JOIN pg_namespace n ON n.oid = r.relnamespace
    WHERE n.nspname = current_schema()`.execute(db);
  const indexes = new Map<string, string[][]>();
  for (const r of rows.rows) indexes.set(r.table, [...(indexes.get(r.table) ?? []), r.columns]);
  return { keys: keys.rows, indexes };
}

/**
 * Deleting a parent row makes the database find its children; without an index on their foreign key
 * columns that is a scan of the whole child table (migration 0023). Every foreign key must lead some index.
 */
for (const kind of testDatabases()) {
  describe(`foreign keys (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    it('every foreign key has an index that starts with its columns', async () => {
      const { keys, indexes } = kind === 'sqlite' ? await sqliteSchema(t) : await postgresSchema(t);
      assert.ok(keys.length > 30, `found only ${keys.length} foreign keys`);
      const leads = (index: string[], columns: string[]) => columns.every((c) => index.slice(0, columns.length).includes(c));
      const unindexed = keys.filter((k) => !(indexes.get(k.table) ?? []).some((index) => leads(index, k.columns)));
      assert.deepEqual(
        unindexed.map((k) => `${k.table}(${k.columns.join(', ')})`),
        [],
      );
    });
  });
}
