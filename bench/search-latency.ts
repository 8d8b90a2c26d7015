/**
 * `node --import tsx bench/search-latency.ts [--size M] [--db sqlite|postgres] [--data dir] [--runs N] [--q "火锅 food"] [--recent-tier N] [--recent-enough N] [--typeahead]`
 *
 * The search scenario's queries run in process through the real view function (`searchNotes`, what
 * GET /api/search/notes calls), one at a time, signed in as the bench sessions in turn: p50 / p95 / p99
 * of the whole call, and of each phase measured apart (building the query, the engine's match plus the
 * visibility join, cards, stored terms, highlights). No HTTP and no concurrency, so the figures move
 * much less with the load others put on a shared machine than the autocannon scenario does.
 * The index must exist (run the search scenario once, or `kuaan reindex`). `--recent-tier 0` queries the
 * full index alone, as before the recent tier (a smaller N only reads less of the tier's table); `--recent-enough 2000` takes a window from the tier
 * only when it holds a full one, as before the fourth pass (bench/search.md).
 * `--typeahead` times `typeahead()` instead (GET /api/search/typeahead, what the header search box and
 * the composer's @/# completion ask on each pause in typing): the first 2 to 6 characters of generated
 * handles and topic names, one figure per prefix length.
 */
import path from 'node:path';
import { Database } from '../server/db/database.js';
import { postgresDialect, sqliteDialect } from '../server/db/dialect.js';
import { createSearchIndex } from '../server/infra/search/create-search-index.js';
import { noteCards } from '../server/modules/notes/notes.views.js';
import { highlight, matchedVia, needlesOf } from '../server/modules/search/search.match.js';
import { buildQuery, QueryCache } from '../server/modules/search/search.query.js';
import * as repo from '../server/modules/search/search.repo.js';
import { SearchText } from '../server/modules/search/search.text.js';
import { searchNotes, typeahead } from '../server/modules/search/search.views.js';
import { LearnerAids } from '../server/modules/translation/learner-aids.js';
import { defaultOut, readManifest } from './data/generate.js';
import { searchQueries } from './scenarios.js';
import { dbFlag, flagReader } from './args.js';

const argv = process.argv.slice(2);
const get = flagReader(argv);
const kind = dbFlag(argv);
const manifest = readManifest(get('--data') ?? defaultOut(get('--size') ?? 'M', kind));
const runs = Number(get('--runs') ?? 200);
const queries = get('--q') ? [get('--q')!] : searchQueries();

const database = new Database(
  kind === 'sqlite' ? sqliteDialect(path.join(manifest.dataDir, 'kuaan.db')) : await postgresDialect(manifest.databaseUrl!, (e) => console.warn(e.message), 2),
);
const aids = new LearnerAids();
const text = new SearchText(aids);
const deps = { db: database.db, index: createSearchIndex(kind, indexOptions()), text, aids, now: Date.now, queries: new QueryCache() };
function indexOptions() {
  const tier = get('--recent-tier');
  const enough = get('--recent-enough');
  return { ...(tier === undefined ? {} : { recentTier: Number(tier) }), ...(enough === undefined ? {} : { recentEnough: Number(enough) }) };
}
const viewers = manifest.sessions.map((s) => s.userId);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const line = (label: string, xs: number[]) =>
  console.log(`${label.padEnd(14)} p50 ${pct(xs, 50).toFixed(1).padStart(6)}  p95 ${pct(xs, 95).toFixed(1).padStart(6)}  p99 ${pct(xs, 99).toFixed(1).padStart(6)} ms`);

if (argv.includes('--typeahead')) {
  await typeaheadLatency();
  await database.destroy();
  process.exit(0);
}

/** typeahead() per prefix length, over prefixes of handles (their letters) and of topic names. */
async function typeaheadLatency(): Promise<void> {
  const words = [...manifest.handles.slice(0, 40).map((h) => h.replace(/[^a-z]/g, '')), ...manifest.topics.slice(0, 40)];
  console.log(`typeahead ${manifest.size}-${kind}: ${words.length} handles and topics, ${runs} calls per prefix length, in process`);
  for (const w of words.slice(0, 5)) await typeahead(deps, viewers[0]!, w.slice(0, 2));
  for (let length = 2; length <= 6; length++) {
    const prefixes = words.map((w) => [...w].slice(0, length).join('')).filter((p) => [...p].length === length);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await typeahead(deps, viewers[i % viewers.length]!, prefixes[i % prefixes.length]!);
      times.push(performance.now() - t);
    }
    line(`  ${length} chars`, times);
  }
}

// Warm: the dictionary, jieba, the statement cache and the database's pages for every query.
for (const q of queries) await searchNotes(deps, viewers[0]!, { q });

const total: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  await searchNotes(deps, viewers[i % viewers.length]!, { q: queries[i % queries.length]! });
  total.push(performance.now() - t);
}

// The same steps one by one (as searchNotes does them), to see where the time goes.
const phases: Record<string, number[]> = { query: [], match: [], cards: [], stored: [], highlight: [] };
const simplify = (await aids.dictionary()).simplifyChars.bind(await aids.dictionary());
for (let i = 0; i < runs; i++) {
  const viewerId = viewers[i % viewers.length]!;
  let t = performance.now();
  const built = (await buildQuery(text, aids, queries[i % queries.length]!, { prefix: 'last', translate: true }))!;
  phases.query!.push(performance.now() - t);
  t = performance.now();
  const rows = await repo.noteMatches(database.db, deps.index, built, { viewerId, sort: 'score', after: null, limit: 20 });
  phases.match!.push(performance.now() - t);
  const ids = rows.slice(0, 20).map((r) => r.id);
  t = performance.now();
  const cards = await noteCards(database.db, ids, viewerId);
  phases.cards!.push(performance.now() - t);
  t = performance.now();
  const stored = await repo.storedFields(database.db, 'note', ids);
  phases.stored!.push(performance.now() - t);
  t = performance.now();
  const needles = needlesOf(built);
  for (const c of cards) {
    const doc = stored.get(c.id);
    if (doc) matchedVia(built, doc);
    highlight(c.title, needles, simplify);
    highlight(c.excerpt, needles, simplify);
  }
  phases.highlight!.push(performance.now() - t);
}

console.log(`search-latency ${manifest.size}-${kind}: ${queries.length} queries, ${runs} runs each part, in process`);
line('searchNotes', total);
for (const [name, xs] of Object.entries(phases)) line(`  ${name}`, xs);
await database.destroy();
