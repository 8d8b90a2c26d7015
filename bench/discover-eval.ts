/**
 * Offline evaluation of the Discover ranker (issue 6):
 *
 *   node --import tsx bench/discover-eval.ts [--data data/bench/S-sqlite] [--people 400] [--days 7]
 *
 * On a copy of a generated community (`npm run bench:data`), the likes every sampled person gave in
 * the last `--days` of the data are held out: deleted, with the notes' counters and hot scores put
 * back as if they had never happened. Then, "as of" the end of the data, each person's first
 * Discover page (20 notes, the real pipeline with its real rules and arrangement) is compared with
 * the notes they went on to like, as recall@20 and NDCG@20, against three baselines given the same
 * exclusions: newest first (chronological), most liked of all time, most liked in the window.
 * Prints a Markdown table and writes bench/results/discover-eval.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from '../server/db/sqlite-driver.js';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from '../server/db/schema/index.js';
import { DiscoverPipeline } from '../server/modules/feed/discover.pipeline.js';
import { Database } from '../server/db/database.js';
import { copyDueTopicScores, recomputeHotScore } from '../server/modules/notes/hot-score.js';
import { LearnerAids } from '../server/modules/translation/learner-aids.js';
import { GlossProvider } from '../server/modules/translation/providers/gloss.js';
import { DATA_END_MS } from './data/sizes.js';
import { Rng } from './data/random.js';

const K = 20;
const arg = (flag: string, fallback: string) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const dataDir = path.resolve(arg('--data', 'data/bench/S-sqlite'));
const sampleSize = Number(arg('--people', '400'));
const windowDays = Number(arg('--days', '7'));
const since = DATA_END_MS - windowDays * 86_400_000;

// A private copy: the held-out likes are deleted from it.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kuaan-eval-'));
const file = path.join(work, 'kuaan.db');
fs.copyFileSync(path.join(dataDir, 'kuaan.db'), file);
const raw = new SqliteDatabase(file);
raw.pragma('journal_mode = WAL');
raw.pragma('cache_size = -262144');
const dialect = new SqliteDialect({ database: raw });
const db = new Kysely<DB>({ dialect });

function log(line: string) {
  process.stderr.write(`[discover-eval] ${line}\n`);
}

/** People with at least three likes in the window, sampled deterministically. */
async function sample(): Promise<string[]> {
  const rows = await db
    .selectFrom('note_likes')
    .innerJoin('notes', 'notes.id', 'note_likes.note_id')
    .select(['note_likes.user_id'])
    .where('notes.created_at', '>=', since)
    .where('notes.visibility', '=', 'public')
    .groupBy('note_likes.user_id')
    .having((eb) => eb.fn.countAll(), '>=', 3)
    .execute();
  const ids = rows.map((r) => r.user_id).sort();
  const rng = new Rng(42);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.slice(0, sampleSize);
}

/** Deletes each person's likes of notes from the window; returns them as the ground truth. */
async function holdOut(people: string[]): Promise<Map<string, Set<string>>> {
  const truth = new Map<string, Set<string>>();
  const touched = new Map<string, number>();
  for (const userId of people) {
    const likes = await db
      .selectFrom('note_likes')
      .innerJoin('notes', 'notes.id', 'note_likes.note_id')
      .select('note_likes.note_id')
      .where('note_likes.user_id', '=', userId)
      .where('notes.created_at', '>=', since)
      .where('notes.visibility', '=', 'public')
      .execute();
    truth.set(userId, new Set(likes.map((l) => l.note_id)));
    for (const l of likes) touched.set(l.note_id, (touched.get(l.note_id) ?? 0) + 1);
    await db.deleteFrom('note_likes').where('user_id', '=', userId).where('note_id', 'in', likes.map((l) => l.note_id)).execute();
  }
  for (const [noteId, n] of touched) {
    await db.updateTable('notes').set((eb) => ({ like_count: eb('like_count', '-', n) })).where('id', '=', noteId).execute();
    await recomputeHotScore(db, noteId);
  }
  return truth;
}

/** Notes a baseline may not offer a person: their own and those they still like or collected. */
async function excluded(userId: string): Promise<Set<string>> {
  const [own, liked, collected] = await Promise.all([
    db.selectFrom('notes').select('id').where('author_id', '=', userId).execute(),
    db.selectFrom('note_likes').select('note_id as id').where('user_id', '=', userId).execute(),
    db.selectFrom('collects').select('note_id as id').where('user_id', '=', userId).execute(),
  ]);
  return new Set([...own, ...liked, ...collected].map((r) => r.id));
}

async function baseline(order: 'newest' | 'liked' | 'liked-window', skip: Set<string>): Promise<string[]> {
  let q = db.selectFrom('notes').select('id').where('visibility', '=', 'public').where('created_at', '<=', DATA_END_MS);
  if (order === 'liked-window') q = q.where('created_at', '>=', since);
  q = order === 'newest' ? q.orderBy('created_at', 'desc') : q.orderBy('like_count', 'desc');
  const rows = await q.orderBy('id', 'desc').limit(K + skip.size).execute();
  return rows
    .map((r) => r.id)
    .filter((id) => !skip.has(id))
    .slice(0, K);
}

function scores(list: string[], relevant: Set<string>): { recall: number; ndcg: number } {
  let dcg = 0;
  let hits = 0;
  list.slice(0, K).forEach((id, i) => {
    if (relevant.has(id)) {
      hits++;
      dcg += 1 / Math.log2(i + 2);
    }
  });
  const ideal = Math.min(relevant.size, K);
  let idcg = 0;
  for (let i = 0; i < ideal; i++) idcg += 1 / Math.log2(i + 2);
  return { recall: hits / ideal, ndcg: idcg ? dcg / idcg : 0 };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
/** Half-width of a 95 % normal interval of the mean. */
const ci = (xs: number[]) => {
  const m = mean(xs);
  const sd = Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
  return (1.96 * sd) / Math.sqrt(Math.max(1, xs.length));
};

async function run() {
  const started = Date.now();
  const people = await sample();
  log(`${people.length} people with ≥ 3 likes in the last ${windowDays} days`);
  const truth = await holdOut(people);
  log(`held out ${[...truth.values()].reduce((n, s) => n + s.size, 0)} likes`);
  // Topic pages and Discover's per-topic pools read the topic rows' copy of the scores: bring it up to
  // date now, as the server's topic-scores job would within a second (ADR 0015).
  const database = new Database({ kind: 'sqlite', dialect, describe: file });
  while ((await copyDueTopicScores(database, 2000)) > 0);

  const pipeline = new DiscoverPipeline(db, { provider: null, gloss: new GlossProvider(new LearnerAids()) }, () => DATA_END_MS);
  const methods = ['ranker', 'newest', 'liked', 'liked-window'] as const;
  const results = Object.fromEntries(methods.map((m) => [m, { recall: [] as number[], ndcg: [] as number[] }]));
  for (const userId of people) {
    const relevant = truth.get(userId)!;
    const locale = (await db.selectFrom('users').select('ui_locale').where('id', '=', userId).executeTakeFirst())?.ui_locale ?? 'en';
    const page = await pipeline.page({ viewerId: userId, locale, limit: K });
    const skip = await excluded(userId);
    const lists: Record<(typeof methods)[number], string[]> = {
      ranker: page.items.map((i) => i.id),
      newest: await baseline('newest', skip),
      liked: await baseline('liked', skip),
      'liked-window': await baseline('liked-window', skip),
    };
    for (const m of methods) {
      const s = scores(lists[m], relevant);
      results[m]!.recall.push(s.recall);
      results[m]!.ndcg.push(s.ndcg);
    }
  }
  const label: Record<string, string> = {
    ranker: 'Discover pipeline (first page)',
    newest: 'Chronological (newest first)',
    liked: 'Most liked (all time)',
    'liked-window': `Most liked (last ${windowDays} days)`,
  };
  const summary = Object.fromEntries(
    methods.map((m) => [
      m,
      {
        recall_at_20: mean(results[m]!.recall),
        recall_ci95: ci(results[m]!.recall),
        ndcg_at_20: mean(results[m]!.ndcg),
        ndcg_ci95: ci(results[m]!.ndcg),
      },
    ]),
  );
  const out = {
    data: path.relative(process.cwd(), dataDir),
    people: people.length,
    windowDays,
    heldOutLikes: [...truth.values()].reduce((n, s) => n + s.size, 0),
    seconds: (Date.now() - started) / 1000,
    methods: summary,
  };
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync('bench/results/discover-eval.json', `${JSON.stringify(out, null, 2)}\n`);
  const f = (x: number, c: number) => `${x.toFixed(4)} ± ${c.toFixed(4)}`;
  console.log('| method | recall@20 | NDCG@20 |\n| --- | --- | --- |');
  for (const m of methods) console.log(`| ${label[m]} | ${f(summary[m]!.recall_at_20, summary[m]!.recall_ci95)} | ${f(summary[m]!.ndcg_at_20, summary[m]!.ndcg_ci95)} |`);
  log(`done in ${out.seconds.toFixed(1)} s`);
}

run()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await db.destroy();
    fs.rmSync(work, { recursive: true, force: true });
  });
