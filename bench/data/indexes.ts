/**
 * Secondary indexes are dropped before a bulk load and rebuilt after it: building an index from
 * sorted data once is far cheaper than updating it 10 million times. The definitions are read back
 * from the database the project's migrations just created, so names and columns stay exactly theirs.
 */
import type SqliteDatabase from '../../server/db/sqlite-driver.js';
import type pg from 'pg';

export interface SavedIndex {
  name: string;
  definition: string;
}

export function dropSqliteIndexes(raw: SqliteDatabase.Database, tables: readonly string[]): SavedIndex[] {
  const rows = raw
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables.map(() => '?').join(',')})`)
    .all(...tables) as Array<{ name: string; sql: string }>;
  for (const r of rows) raw.exec(`drop index "${r.name}"`);
  return rows.map((r) => ({ name: r.name, definition: r.sql }));
}

export function restoreSqliteIndexes(raw: SqliteDatabase.Database, saved: SavedIndex[]): void {
  for (const s of saved) raw.exec(s.definition);
}

/** Only plain indexes: those backing PRIMARY KEY / UNIQUE constraints stay (they guard the load). */
export async function dropPostgresIndexes(client: pg.ClientBase, tables: readonly string[]): Promise<SavedIndex[]> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables],
  );
  for (const r of rows) await client.query(`drop index "${r.indexname}"`);
  return rows.map((r) => ({ name: r.indexname, definition: r.indexdef }));
}

export async function restorePostgresIndexes(client: pg.ClientBase, saved: SavedIndex[]): Promise<void> {
  // Index builds are sorts: give them memory (session-local, gone when the connection closes).
  await client.query(`set maintenance_work_mem = '512MB'`);
  for (const s of saved) await client.query(s.definition);
}
