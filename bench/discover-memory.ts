/**
 * `node --expose-gc --import tsx bench/discover-memory.ts [--size M] [--readers 1000]`
 *
 * What Discover's per-reader ranked lists hold in memory: ranks a first page for `--readers` distinct
 * generated people through the real pipeline (DiscoverPipeline, what GET /api/discover calls), then
 * collects garbage and reports the heap the lists keep, per reader, and the time per cold ranking.
 */
import path from 'node:path';
import { Database } from '../server/db/database.js';
import { sqliteDialect } from '../server/db/dialect.js';
import { DiscoverPipeline } from '../server/modules/feed/discover.pipeline.js';
import { Translator } from '../server/modules/translation/translator.js';
import { loadConfig } from '../server/config.js';
import { defaultOut, readManifest } from './data/generate.js';
import { flagReader } from './args.js';

const argv = process.argv.slice(2);
const get = flagReader(argv);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const manifest = readManifest(get('--data') ?? defaultOut(get('--size') ?? 'M', 'sqlite'));
const readers = Number(get('--readers') ?? 1000);
if (!Number.isInteger(readers) || readers < 1) throw new Error('--readers takes a whole number of readers, 1 or more');
const database = new Database(sqliteDialect(path.join(manifest.dataDir, 'kuaan.db')));
const config = loadConfig({ ...process.env, DATA_DIR: manifest.dataDir });
const pipeline = new DiscoverPipeline(database.db, new Translator(config.translation), Date.now);
const ids = (await database.db.selectFrom('users').select('id').orderBy('id').limit(readers + 50).execute()).map((r) => r.id);

// Warm: the shared pools and note facts, so what remains is the lists.
for (const id of ids.slice(readers)) await pipeline.page({ viewerId: id, locale: 'en' });
gc();
const before = process.memoryUsage().heapUsed;
const t = performance.now();
let items = 0;
for (const id of ids.slice(0, readers)) items += (await pipeline.page({ viewerId: id, locale: 'en' })).items.length;
const ms = (performance.now() - t) / readers;
gc();
const after = process.memoryUsage().heapUsed;
console.log(
  `${readers} readers: ${(items / readers).toFixed(1)} items a page, ${ms.toFixed(2)} ms a cold ranking, ` +
    `lists hold ${((after - before) / 1048576).toFixed(1)} MB (${((after - before) / readers / 1024).toFixed(0)} KB a reader); heap ${(after / 1048576).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
);
await database.destroy();
