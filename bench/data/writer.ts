/**
 * Bulk loading into the project's own tables. Rows are typed as the schema's table interfaces
 * (server/db/schema), so a column added or removed there breaks the generator at typecheck instead of
 * at load time. The SQL is plain multi-row INSERT: on SQLite one prepared statement per (table, batch
 * size), reused for every batch; on PostgreSQL one INSERT … SELECT FROM unnest(arrays) per batch, which
 * needs one parameter per column rather than per value.
 */
import type SqliteDatabase from '../../server/db/sqlite-driver.js';
import type pg from 'pg';
import type { DB } from '../../server/db/schema/index.js';

export type Table = keyof DB;
type Value = string | number | null;

/** Tables whose secondary indexes are dropped for the load and rebuilt after it (rebuilding sorts once). */
export const BULK_TABLES: readonly Table[] = [
  'users',
  'user_languages',
  'sessions',
  'notes',
  'hashtags',
  'note_hashtags',
  'follows',
  'note_likes',
  'boards',
  'collects',
  'comments',
  'notifications',
];

export interface BulkWriter {
  add<T extends Table>(table: T, row: DB[T]): Promise<void>;
  /** Flushes every buffer and commits. */
  finish(): Promise<void>;
  rows(): number;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

abstract class BufferedWriter implements BulkWriter {
  private readonly buffers = new Map<Table, Record<string, Value>[]>();
  private total = 0;
  constructor(protected readonly batch: number) {}

  async add<T extends Table>(table: T, row: DB[T]): Promise<void> {
    let buf = this.buffers.get(table);
    if (!buf) {
      buf = [];
      this.buffers.set(table, buf);
    }
    buf.push(row as unknown as Record<string, Value>);
    this.total++;
    if (buf.length >= this.batch) {
      this.buffers.set(table, []);
      await this.write(table, buf);
    }
  }

  async finish(): Promise<void> {
    for (const [table, buf] of this.buffers) {
      if (buf.length) await this.write(table, buf);
    }
    this.buffers.clear();
    await this.commit();
  }

  rows(): number {
    return this.total;
  }

  protected abstract write(table: Table, rows: Record<string, Value>[]): Promise<void>;
  protected abstract commit(): Promise<void>;
}

/** SQLite: one open transaction, committed every `commitEvery` rows so the WAL stays bounded. */
export class SqliteBulkWriter extends BufferedWriter {
  private readonly statements = new Map<string, SqliteDatabase.Statement>();
  private sinceCommit = 0;

  constructor(
    private readonly raw: SqliteDatabase.Database,
    batch = 500,
    private readonly commitEvery = 200_000,
  ) {
    super(batch);
    raw.exec('BEGIN');
  }

  protected async write(table: Table, rows: Record<string, Value>[]): Promise<void> {
    const columns = Object.keys(rows[0]!);
    const key = `${table}:${rows.length}`;
    let stmt = this.statements.get(key);
    if (!stmt) {
      const tuple = `(${columns.map(() => '?').join(',')})`;
      const sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(',')}) VALUES ${Array(rows.length).fill(tuple).join(',')}`;
      stmt = this.raw.prepare(sql);
      this.statements.set(key, stmt);
    }
    const params: Value[] = new Array(rows.length * columns.length);
    let i = 0;
    for (const row of rows) for (const c of columns) params[i++] = row[c] ?? null;
    stmt.run(params);
    this.sinceCommit += rows.length;
    if (this.sinceCommit >= this.commitEvery) {
      this.raw.exec('COMMIT; BEGIN');
      this.sinceCommit = 0;
    }
  }

  protected async commit(): Promise<void> {
    this.raw.exec('COMMIT');
  }
}

/**
 * PostgreSQL: batches go through unnest() of typed arrays on one dedicated connection. One batch is in
 * flight while the next is generated, so the generator's CPU and the server's work overlap.
 */
export class PostgresBulkWriter extends BufferedWriter {
  private inflight: Promise<unknown> = Promise.resolve();
  private sinceCommit = 0;

  constructor(
    private readonly client: pg.ClientBase,
    private readonly columnTypes: Map<string, Map<string, string>>,
    batch = 5000,
    private readonly commitEvery = 500_000,
  ) {
    super(batch);
  }

  static async open(client: pg.ClientBase, batch?: number): Promise<PostgresBulkWriter> {
    const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
      `select table_name, column_name, data_type from information_schema.columns where table_schema = current_schema()`,
    );
    const types = new Map<string, Map<string, string>>();
    for (const r of rows) {
      if (!types.has(r.table_name)) types.set(r.table_name, new Map());
      types.get(r.table_name)!.set(r.column_name, r.data_type);
    }
    // Foreign keys are enforced by triggers; the generator's rows are consistent by construction.
    await client.query(`set session_replication_role = replica`);
    await client.query('begin');
    return new PostgresBulkWriter(client, types, batch);
  }

  protected async write(table: Table, rows: Record<string, Value>[]): Promise<void> {
    const columns = Object.keys(rows[0]!);
    const types = this.columnTypes.get(table);
    if (!types) throw new Error(`table ${table} not found in the database`);
    const arrays = columns.map((c) => rows.map((r) => r[c] ?? null));
    const casts = columns.map((c, i) => `$${i + 1}::${types.get(c) ?? 'text'}[]`);
    const text = `insert into ${quote(table)} (${columns.map(quote).join(',')}) select * from unnest(${casts.join(',')})`;
    await this.inflight;
    this.inflight = this.client.query(text, arrays);
    this.sinceCommit += rows.length;
    if (this.sinceCommit >= this.commitEvery) {
      await this.inflight;
      await this.client.query('commit; begin');
      this.sinceCommit = 0;
    }
  }

  protected async commit(): Promise<void> {
    await this.inflight;
    await this.client.query('commit');
    await this.client.query('set session_replication_role = origin');
  }
}
