/**
 * The ONE place where SQLite and PostgreSQL differ. Everything else is written once against Kysely.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { type Dialect, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';

export type DialectKind = 'sqlite' | 'postgres';

export interface DialectHandle {
  kind: DialectKind;
  dialect: Dialect;
  /** Human-readable location for logs, without credentials. */
  describe: string;
}

// int8 (COUNT(*), bigint timestamps) arrives from pg as a string by default; our values fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
// numeric (e.g. SUM) likewise.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number.parseFloat(v));

/** Opens the embedded SQLite file with the pragmas a small always-on server wants. */
export function sqliteDialect(file: string): DialectHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('cache_size = -65536');
  database.pragma('temp_store = MEMORY');
  return { kind: 'sqlite', dialect: new SqliteDialect({ database }), describe: file };
}

export function postgresDialect(
  connectionString: string,
  onError: (err: Error) => void,
  poolSize = 10,
): DialectHandle {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle connection that the server drops (restart, failover, admin termination) emits 'error';
  // without a listener Node treats it as uncaught and the whole process dies. The pool replaces it.
  pool.on('error', onError);
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
