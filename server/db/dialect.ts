/**
 * The ONE place where SQLite and PostgreSQL differ. Everything else is written once against Kysely.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from './sqlite-driver.js';
import { nameStatements } from './pg-named-statements.js';
import { StatementCache } from './statement-cache.js';
import { WalCheckpointer } from './wal-checkpointer.js';
import { type Dialect, PostgresDialect, SqliteDialect, type SqliteDatabase as KyselySqliteDatabase, type SqliteStatement } from 'kysely';

export type DialectKind = 'sqlite' | 'postgres';

export interface DialectHandle {
  kind: DialectKind;
  dialect: Dialect;
  /** Human-readable location for logs, without credentials. */
  describe: string;
  /** SQLite files written by this process: the thread that copies the WAL back (wal-checkpointer.ts). */
  checkpointer?: WalCheckpointer;
}

/** Opens the embedded SQLite file with the pragmas a small always-on server wants. */
export function sqliteDialect(
  file: string,
  { cacheMb = 64, readOnly = false, walRestartFrames }: { cacheMb?: number; readOnly?: boolean; walRestartFrames?: number } = {},
): DialectHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma(`cache_size = -${Math.round(cacheMb * 1024)}`);
  database.pragma('temp_store = MEMORY');
  // A connection that must only read (a Discover thread) fails loudly on any write.
  if (readOnly) database.pragma('query_only = ON');
  const checkpointer = file === ':memory:' || readOnly ? undefined : new WalCheckpointer(database, file, walRestartFrames);
  return { kind: 'sqlite', dialect: new SqliteDialect({ database: withStatementCache(database) }), describe: file, checkpointer };
}

/** Kysely's SQLite driver with each SQL text prepared once (statement-cache.ts). */
function withStatementCache(database: SqliteDatabase.Database): KyselySqliteDatabase {
  const cache = new StatementCache((sql) => database.prepare(sql) as unknown as SqliteStatement);
  return { close: () => database.close(), prepare: (sql) => cache.get(sql) };
}

/**
 * PostgreSQL's driver, imported on demand (the embedded deployment never loads it), with the type
 * parsers every query of the app relies on. Anything that opens its own pool gets the driver here.
 */
export async function loadPg(): Promise<typeof import('pg').default> {
  const { default: pg } = await import('pg');
  // int8 (COUNT(*), bigint timestamps) arrives from pg as a string by default; our values fit in a double.
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
  // numeric (e.g. SUM) likewise.
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number.parseFloat(v));
  return pg;
}

/** Opens a PostgreSQL pool. */
export async function postgresDialect(
  connectionString: string,
  onError: (err: Error) => void,
  poolSize = 10,
  { readOnly = false, namedStatements = false }: { readOnly?: boolean; namedStatements?: boolean } = {},
): Promise<DialectHandle> {
  const pg = await loadPg();
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    // A pool that must only read (a Discover thread): every transaction on it refuses writes.
    ...(readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  // An idle connection that the server drops (restart, failover, admin termination) emits 'error';
  // without a listener Node treats it as uncaught and the whole process dies. The pool replaces it.
  pool.on('error', onError);
  if (namedStatements) nameStatements(pool);
  const url = new URL(connectionString);
  return {
    kind: 'postgres',
    dialect: new PostgresDialect({ pool }),
    describe: `postgres://${url.host}${url.pathname}`,
  };
}

/** True when a driver error is a UNIQUE / PRIMARY KEY violation. */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** True when a driver error is a FOREIGN KEY violation (the referenced row is gone). */
export function isForeignKeyViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** Column type for the engagement score: a double on both. */
export function floatType(kind: DialectKind): 'real' | 'double precision' {
  return kind === 'sqlite' ? 'real' : 'double precision';
}
