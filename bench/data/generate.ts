/**
 * `npm run bench:data -- --size S|M|L [--db sqlite|postgres] [--out dir] [--database-url url] [--seed n]`
 *
 * Builds a deterministic synthetic community straight into a fresh database: the project's migrations
 * first, then batched multi-row inserts with the secondary indexes dropped and rebuilt at the end.
 * Writes beside it `manifest.json` (sessions and targets for bench/run.ts) and `interests.jsonl`
 * (each person's latent interests, for offline evaluation of ranking; never stored in the app schema).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import SqliteDatabase from '../../server/db/sqlite-driver.js';
import { SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { Database } from '../../server/db/database.js';
import { postgresDialect } from '../../server/db/dialect.js';
import { migrateToLatest } from '../../server/db/migrations/index.js';
import { hashPassword } from '../../server/modules/accounts/password.js';
import { type BenchSession, type CommunitySummary, writeCommunity } from './community.js';
import { dropPostgresIndexes, dropSqliteIndexes, restorePostgresIndexes, restoreSqliteIndexes } from './indexes.js';
import { TOPICS } from './phrases.js';
import { BENCH_PASSWORD, SIZES, type SizeSpec } from './sizes.js';
import { BULK_TABLES, PostgresBulkWriter, SqliteBulkWriter } from './writer.js';
import { dbFlag, flagReader } from '../args.js';

export type DbKind = 'sqlite' | 'postgres';

export interface GenerateOptions {
  size: SizeSpec;
  db: DbKind;
  /** Directory for the SQLite file (as DATA_DIR) and the manifest. */
  out: string;
  databaseUrl?: string;
  seed?: number;
  log?: (message: string) => void;
}

export interface Manifest {
  size: string;
  db: DbKind;
  seed: number;
  /** The server's DATA_DIR (SQLite) and DATABASE_URL (PostgreSQL). */
  dataDir: string;
  databaseUrl: string | null;
  password: string;
  counts: Record<string, number>;
  seconds: number;
  sessions: BenchSession[];
  handles: string[];
  noteIds: string[];
  topics: string[];
}

export const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432';

export function defaultOut(size: string, db: DbKind): string {
  return path.resolve('data', 'bench', `${size}-${db}`);
}

/** The manifest in `out`; a SQLite community is read where the manifest is, so a copied folder is self-contained. */
export function readManifest(out: string): Manifest {
  const m = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
  return m.db === 'sqlite' ? { ...m, dataDir: path.resolve(out) } : m;
}

/** Drops and recreates the benchmark database on the PostgreSQL server. */
async function recreatePostgres(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name) || !name.includes('bench')) {
    throw new Error(`refusing to recreate database "${name}": benchmark databases must be named like kuaan_bench_m`);
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

export async function generate(opts: GenerateOptions): Promise<Manifest> {
  const started = performance.now();
  const log = opts.log ?? ((m: string) => console.log(`[bench:data ${((performance.now() - started) / 1000).toFixed(1)}s] ${m}`));
  const seed = opts.seed ?? 20_250_101;
  fs.mkdirSync(opts.out, { recursive: true });
  // One argon2 hash for everybody: hashing 100k passwords would take an hour.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  let summary: CommunitySummary;
  let databaseUrl: string | null = null;

  if (opts.db === 'sqlite') {
    const file = path.join(opts.out, 'kuaan.db');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    const raw = new SqliteDatabase(file);
    raw.pragma('journal_mode = WAL');
    // Load-time only: a crash mid-load just means generating again.
    raw.pragma('synchronous = OFF');
    raw.pragma('foreign_keys = OFF');
    raw.pragma('cache_size = -1000000');
    raw.pragma('temp_store = MEMORY');
    const database = new Database({ kind: 'sqlite', dialect: new SqliteDialect({ database: raw }), describe: file });
    await migrateToLatest(database);
    const saved = dropSqliteIndexes(raw, BULK_TABLES);
    const writer = new SqliteBulkWriter(raw);
    summary = await writeCommunity(writer, opts.size, seed, passwordHash, log);
    await writer.finish();
    log(`${writer.rows()} rows inserted; rebuilding ${saved.length} indexes`);
    // Lets SQLite's external sorter use a second thread for the index builds.
    raw.pragma('threads = 2');
    restoreSqliteIndexes(raw, saved);
    log('analyzing');
    await sql`pragma analysis_limit = 1000`.execute(database.db);
    await sql`analyze`.execute(database.db);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    await database.destroy();
  } else {
    databaseUrl = opts.databaseUrl ?? `${DEFAULT_PG}/kuaan_bench_${opts.size.name.toLowerCase()}`;
    await recreatePostgres(databaseUrl);
    const database = new Database(await postgresDialect(databaseUrl, (err) => console.warn(`postgres: ${err.message}`), 2));
    await migrateToLatest(database);
    await database.destroy();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const saved = await dropPostgresIndexes(client, BULK_TABLES);
      const writer = await PostgresBulkWriter.open(client);
      summary = await writeCommunity(writer, opts.size, seed, passwordHash, log);
      await writer.finish();
      log(`${writer.rows()} rows inserted; rebuilding ${saved.length} indexes`);
      await restorePostgresIndexes(client, saved);
      log('vacuum analyze');
      await client.query('vacuum analyze');
    } finally {
      await client.end();
    }
  }

  writeInterests(opts.out, summary);
  const manifest: Manifest = {
    size: opts.size.name,
    db: opts.db,
    seed,
    dataDir: opts.out,
    databaseUrl,
    password: BENCH_PASSWORD,
    counts: summary.counts,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    sessions: summary.sessions,
    handles: summary.handles,
    noteIds: summary.noteIds,
    topics: summary.topics,
  };
  fs.writeFileSync(path.join(opts.out, 'manifest.json'), JSON.stringify(manifest));
  log(`done in ${manifest.seconds}s: ${JSON.stringify(manifest.counts)}`);
  return manifest;
}

/** One JSON line per person: the ground truth a ranking evaluation compares recommendations with. */
function writeInterests(out: string, s: CommunitySummary): void {
  const fd = fs.openSync(path.join(out, 'interests.jsonl'), 'w');
  try {
    fs.writeSync(fd, `${JSON.stringify({ topics: TOPICS.map((t) => ({ key: t.key, tags: t.tags })) })}\n`);
    let chunk = '';
    for (let u = 0; u < s.people.n; u++) {
      chunk += `${JSON.stringify({
        id: s.userIds[u],
        handle: s.userHandles[u],
        native: s.people.native[u],
        interests: [...s.people.interests[u]!].map((t) => TOPICS[t]!.key),
      })}\n`;
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

function parseArgs(argv: string[]): GenerateOptions {
  const get = flagReader(argv);
  const sizeName = get('--size') ?? 'S';
  const size = SIZES[sizeName];
  if (!size) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const db = dbFlag(argv);
  const seed = get('--seed');
  const url = get('--database-url');
  return {
    size,
    db,
    out: path.resolve(get('--out') ?? defaultOut(size.name, db)),
    ...(url ? { databaseUrl: url } : {}),
    ...(seed ? { seed: Number(seed) } : {}),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  generate(parseArgs(process.argv.slice(2))).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
