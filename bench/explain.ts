/**
 * `node --import tsx bench/explain.ts [--size M] [--db sqlite|postgres] [--page discover|search|…]`
 *
 * Runs each page's real view function (the code the routes call) once against a generated database,
 * captures every SQL statement it issues with its time, and prints the plan of each: EXPLAIN QUERY
 * PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL. The first thing to read when a scenario misses.
 */
import path from 'node:path';
import SqliteDatabase from '../server/db/sqlite-driver.js';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import { loadPg } from '../server/db/dialect.js';
import type { DB } from '../server/db/schema/index.js';
import { profileView } from '../server/modules/accounts/accounts.views.js';
import { DiscoverPipeline } from '../server/modules/feed/discover.pipeline.js';
import { GlossProvider } from '../server/modules/translation/providers/gloss.js';
import { LearnerAids } from '../server/modules/translation/learner-aids.js';
import { followingPage, profileNotesPage, topicNotesPage, topicView } from '../server/modules/feed/feed.views.js';
import { noteView } from '../server/modules/notes/notes.views.js';
import { createSearchIndex } from '../server/infra/search/create-search-index.js';
import { SearchText } from '../server/modules/search/search.text.js';
import { type SearchDeps, searchNotes, typeahead } from '../server/modules/search/search.views.js';
import { defaultOut, readManifest } from './data/generate.js';
import { dbFlag, flagReader } from './args.js';

interface Captured {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}

const argv = process.argv.slice(2);
const get = flagReader(argv);
const size = get('--size') ?? 'S';
const kind = dbFlag(argv);
const only = get('--page');
const manifest = readManifest(get('--data') ?? defaultOut(size, kind));

let captured: Captured[] = [];
const log = (e: LogEvent) => {
  captured.push({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis });
};

let raw: SqliteDatabase.Database | null = null;
let pool: pg.Pool | null = null;
let db: Kysely<DB>;
if (kind === 'sqlite') {
  raw = new SqliteDatabase(path.join(manifest.dataDir, 'kuaan.db'));
  raw.pragma('cache_size = -65536');
  db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }), log });
} else {
  pool = new (await loadPg()).Pool({ connectionString: manifest.databaseUrl!, max: 2 });
  db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
}

const viewer = manifest.sessions[0]!.userId;
const aids = new LearnerAids();
const searchDeps: SearchDeps = { db, index: createSearchIndex(kind), text: new SearchText(aids), aids, now: Date.now };
const pages: Record<string, () => Promise<unknown>> = {
  discover: () => new DiscoverPipeline(db, { provider: null, gloss: new GlossProvider(new LearnerAids()) }, Date.now).page({ viewerId: viewer, locale: 'en' }),
  following: () => followingPage(db, viewer, {}),
  'note-detail': () => noteView(db, manifest.noteIds[0]!, viewer),
  topic: () => topicView(db, manifest.topics[0]!),
  'topic-notes': () => topicNotesPage(db, manifest.topics[0]!, viewer, {}),
  profile: () => profileView(db, manifest.handles[0]!, viewer),
  'profile-notes': () => profileNotesPage(db, manifest.handles[0]!, viewer, {}),
  search: () => searchNotes(searchDeps, viewer, { q: '火锅 food' }),
  // The second keystroke: a two-letter prefix, the typeahead's most expensive query.
  typeahead: () => typeahead(searchDeps, viewer, 'co'),
};

async function plan(q: Captured): Promise<string> {
  if (raw) {
    const rows = raw.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as Array<{
      id: number;
      parent: number;
      detail: string;
    }>;
    // Indent by nesting, as the sqlite3 shell does: which step a TEMP B-TREE belongs to matters.
    const depth = new Map<number, number>([[0, 0]]);
    return rows
      .map((r) => {
        const d = (depth.get(r.parent) ?? 0) + 1;
        depth.set(r.id, d);
        return `${'  '.repeat(d + 1)}${r.detail}`;
      })
      .join('\n');
  }
  const res = await pool!.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${q.sql}`, q.parameters as unknown[]);
  return res.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n');
}

for (const [name, run] of Object.entries(pages)) {
  if (only && only !== name) continue;
  await run(); // warm the cache, as a server under load would be
  captured = [];
  const t = performance.now();
  await run();
  const total = performance.now() - t;
  console.log(`\n== ${name}: ${captured.length} queries, ${total.toFixed(1)} ms`);
  for (const q of captured) {
    console.log(`  [${q.ms.toFixed(2)} ms] ${q.sql.slice(0, 400)}`);
    console.log(await plan(q));
  }
}
await db.destroy();
