/**
 * `node --import tsx bench/trace.ts --size M [--scenario like] [--repeat 200] [--cache-statements]`
 *
 * Sends one scenario's requests through the real app in-process (buildApp + inject) against the
 * generated SQLite database, with a tracing driver: every statement's prepare and execution time,
 * summed per distinct SQL over `--repeat` requests. Shows which statement of a path costs what, and
 * how much of it is statement preparation (--cache-statements measures the app with a statement
 * cache, without changing server code). Write scenarios add rows to the database.
 */
import path from 'node:path';
import SqliteDatabase from '../server/db/sqlite-driver.js';
import { SqliteDialect } from 'kysely';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { createContext } from '../server/context.js';
import { Database } from '../server/db/database.js';
import { type DbKind, defaultOut, readManifest } from './data/generate.js';
import { SCENARIOS } from './scenarios.js';
import { flagReader } from './args.js';

interface Stat {
  prepares: number;
  prepareMs: number;
  runs: number;
  runMs: number;
}

const argv = process.argv.slice(2);
const get = flagReader(argv);
const manifest = readManifest(get('--data') ?? defaultOut(get('--size') ?? 'S', 'sqlite' satisfies DbKind));
const scenario = SCENARIOS.find((s) => s.name === (get('--scenario') ?? 'like'));
if (!scenario) throw new Error(`unknown scenario; one of ${SCENARIOS.map((s) => s.name).join(', ')}`);
const repeat = Number(get('--repeat') ?? 200);
// Experiment: reuse prepared statements by SQL text, as a statement cache in dialect.ts would.
const cacheStatements = argv.includes('--cache-statements');
const cache = new Map<string, unknown>();

const stats = new Map<string, Stat>();
const stat = (sql: string) => {
  let s = stats.get(sql);
  if (!s) {
    s = { prepares: 0, prepareMs: 0, runs: 0, runMs: 0 };
    stats.set(sql, s);
  }
  return s;
};

const raw = new SqliteDatabase(path.join(manifest.dataDir, 'kuaan.db'));
for (const p of ['journal_mode = WAL', 'synchronous = NORMAL', 'foreign_keys = ON', 'busy_timeout = 5000', 'cache_size = -65536']) {
  raw.pragma(p);
}
// The same driver the server uses, with prepare() and each statement's execution timed.
const traced = new Proxy(raw, {
  get(target, prop, receiver) {
    if (prop !== 'prepare') return Reflect.get(target, prop, receiver);
    return (sql: string) => {
      if (cacheStatements && cache.has(sql)) return cache.get(sql);
      const t = performance.now();
      const stmt = target.prepare(sql);
      const s = stat(sql);
      s.prepares++;
      s.prepareMs += performance.now() - t;
      const wrapped = new Proxy(stmt, {
        get(st, key, r) {
          const v = Reflect.get(st, key, r);
          if (typeof v !== 'function' || !['all', 'run', 'get', 'iterate'].includes(String(key))) return v;
          return (...args: unknown[]) => {
            const t0 = performance.now();
            try {
              return (v as (...a: unknown[]) => unknown).apply(st, args);
            } finally {
              // Looked up per call: a cached statement outlives the warm-up's cleared stats.
              const now = stat(sql);
              now.runs++;
              now.runMs += performance.now() - t0;
            }
          };
        },
      });
      if (cacheStatements) cache.set(sql, wrapped);
      return wrapped;
    };
  },
});

const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'warn', DATA_DIR: manifest.dataDir }), rateLimits: { signUpPerHour: 1e6, signInPerMinute: 1e6, writesPerMinute: 1e7 } };
// Built around the traced driver: every part of the context (the job queue, the rule book …) must
// share the one connection, or a second one holds SQLite's write lock against it.
const ctx = await createContext(config, { database: new Database({ kind: 'sqlite', dialect: new SqliteDialect({ database: traced }), describe: 'traced' }) });
const app = await buildApp(ctx);
const next = scenario.make(manifest, Date.now() % 1_000_000_000);
const send = async () => {
  const r = next();
  const res = await app.inject({
    method: (r.method ?? 'GET') as 'GET',
    url: r.path ?? '/',
    headers: r.headers ?? {},
    ...(r.body !== undefined ? { payload: r.body } : {}),
  });
  if (res.statusCode >= 300) throw new Error(`${r.path} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
};
for (let i = 0; i < 20; i++) await send(); // warm-up
stats.clear();
const t = performance.now();
for (let i = 0; i < repeat; i++) await send();
const wall = performance.now() - t;
const rows = [...stats].sort((a, b) => b[1].prepareMs + b[1].runMs - (a[1].prepareMs + a[1].runMs));
const sum = (f: (s: Stat) => number) => rows.reduce((a, [, s]) => a + f(s), 0);
console.log(
  `${scenario.name}: ${(wall / repeat).toFixed(3)} ms per request in-process; per request: ` +
    `${(sum((s) => s.runs) / repeat).toFixed(1)} statements, prepare ${(sum((s) => s.prepareMs) / repeat).toFixed(3)} ms, ` +
    `execute ${(sum((s) => s.runMs) / repeat).toFixed(3)} ms`,
);
for (const [sql, s] of rows) {
  console.log(
    `  ${(s.runs / repeat).toFixed(1)}×  prepare ${(s.prepareMs / repeat).toFixed(3)} ms  run ${(s.runMs / repeat).toFixed(3)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 230)}`,
  );
}
await app.close();
raw.close();
