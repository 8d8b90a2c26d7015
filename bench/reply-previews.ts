/**
 * `node --import tsx bench/reply-previews.ts --size M [--db postgres] [--repeat 20]`
 *
 * What a page of comment threads costs when its threads are long. A note's comment page shows 20
 * top-level comments with the first replies of each (`replyPreviews`); a comment under a note that
 * took off can gather thousands of replies, which the generated data does not have (at most 8). In a
 * transaction that is rolled back, this gives each of the 20 newest top-level comments of the most
 * commented note 0, 100, 1,000 and then 5,000 replies, and times the repository call the comment page
 * makes (median of --repeat). The database is left as it was.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { Database } from '../server/db/database.js';
import { postgresDialect, sqliteDialect } from '../server/db/dialect.js';
import { newId } from '../server/db/ids.js';
import { replyPreviews } from '../server/modules/comments/comments.read.repo.js';
import { REPLY_PREVIEW } from '../server/modules/comments/comments.views.js';
import { dbFlag, flagReader } from './args.js';
import { defaultOut, readManifest } from './data/generate.js';

const argv = process.argv.slice(2);
const get = flagReader(argv);
const kind = dbFlag(argv);
const manifest = readManifest(get('--data') ?? defaultOut(get('--size') ?? 'S', kind));
const repeat = Number(get('--repeat') ?? 20);
const LENGTHS = [0, 100, 1_000, 5_000];
const PAGE = 20;

const database = new Database(
  kind === 'postgres' ? await postgresDialect(manifest.databaseUrl!, () => {}, 1) : sqliteDialect(path.join(manifest.dataDir, 'kuaan.db')),
);
const viewer = manifest.sessions[0]!.userId;
const repliers = manifest.sessions.map((s) => s.userId);

class Rollback extends Error {}
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`${kind}, ${manifest.dataDir}: median ms of replyPreviews for a page of ${PAGE} threads over ${repeat} calls`);
console.log('| replies in each thread | ms |');
console.log('| ---: | ---: |');
try {
  await database.db.transaction().execute(async (db) => {
    const note = (
      await sql<{ note_id: string }>`select note_id from comments where parent_id is null group by note_id order by count(*) desc limit 1`.execute(db)
    ).rows[0]!.note_id;
    const tops = await db
      .selectFrom('comments')
      .select(['id', 'author_id', 'reply_count'])
      .where('note_id', '=', note)
      .where('parent_id', 'is', null)
      .orderBy('id', 'desc')
      .limit(PAGE)
      .execute();
    let have = 0;
    for (const length of LENGTHS) {
      // Longer threads: replies added after the ones already there, as time goes on.
      for (const top of tops) {
        const rows = Array.from({ length: length - have }, (_, i) => ({
          id: newId(),
          note_id: note,
          author_id: repliers[i % repliers.length]!,
          parent_id: top.id,
          reply_to_user_id: top.author_id,
          body: `reply ${i}`,
          facets: '[]',
          like_count: 0,
          reply_count: 0,
          created_at: Date.now(),
        }));
        for (let i = 0; i < rows.length; i += 500) await db.insertInto('comments').values(rows.slice(i, i + 500)).execute();
      }
      have = length;
      // As the comment page passes them: each thread with its stored reply counter (here, what was added too).
      const threads = tops.map((t) => ({ id: t.id, replyCount: Number(t.reply_count) + length }));
      const got = await replyPreviews(db, threads, viewer, REPLY_PREVIEW);
      if (length > 0 && got.length < Math.min(length, REPLY_PREVIEW) * threads.length) throw new Error(`${got.length} previews for ${threads.length} threads`);
      const times: number[] = [];
      for (let i = 0; i < repeat; i++) {
        const t = performance.now();
        await replyPreviews(db, threads, viewer, REPLY_PREVIEW);
        times.push(performance.now() - t);
      }
      console.log(`| ${length.toLocaleString('en')} | ${median(times).toFixed(2)} |`);
    }
    throw new Rollback();
  });
} catch (err) {
  if (!(err instanceof Rollback)) throw err;
}
await database.destroy();
