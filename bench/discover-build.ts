/**
 * The cost of ranking one reader's Discover from scratch (a first page with no reusable list), in
 * process, one reader after another — the part of the Discover scenario that caching hides:
 *
 *   node --import tsx bench/discover-build.ts [--data data/bench/M-sqlite] [--readers 300]
 *
 * Uses the app's own database layer (prepared-statement cache, pool) on generated data, with the
 * clock at the data's end so every candidate source has notes. Prints p50 / p95 / p99 in ms, and the
 * process's CPU time per build (user + system), which other work on a shared machine barely moves.
 */
import path from 'node:path';
import { Database } from '../server/db/database.js';
import { postgresDialect, sqliteDialect } from '../server/db/dialect.js';
import { DiscoverPipeline } from '../server/modules/feed/discover.pipeline.js';
import { LearnerAids } from '../server/modules/translation/learner-aids.js';
import { GlossProvider } from '../server/modules/translation/providers/gloss.js';
import { readManifest } from './data/generate.js';
import { DATA_END_MS } from './data/sizes.js';

const arg = (flag: string, fallback: string) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const manifest = readManifest(path.resolve(arg('--data', 'data/bench/M-sqlite')));
const readers = Number(arg('--readers', '300'));
const database = new Database(
  manifest.databaseUrl
    ? await postgresDialect(manifest.databaseUrl, (err) => console.error(err))
    : sqliteDialect(path.join(manifest.dataDir, 'kuaan.db')),
);
const gloss = { provider: null, gloss: new GlossProvider(new LearnerAids()) };

async function run() {
  // Warm the shared pools and the JIT on a few readers first; every measured reader is new.
  const warm = new DiscoverPipeline(database.db, gloss, () => DATA_END_MS);
  for (const s of manifest.sessions.slice(0, 20)) await warm.page({ viewerId: s.userId, locale: 'en' });
  const pipeline = new DiscoverPipeline(database.db, gloss, () => DATA_END_MS);
  await pipeline.page({ viewerId: manifest.sessions[0]!.userId, locale: 'en' });
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (const s of manifest.sessions.slice(20, 20 + readers)) {
    const t = performance.now();
    await pipeline.page({ viewerId: s.userId, locale: 'en' });
    times.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
  console.log(`${manifest.size} ${manifest.databaseUrl ? 'postgres' : 'sqlite'}: ${times.length} cold Discover builds, p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms; cpu ${((used.user + used.system) / 1000 / times.length).toFixed(2)} ms/build; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB after (lists and caches kept)`);
}

run()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => database.destroy());
