/**
 * `node --import tsx bench/deep-pages.ts --size M [--db postgres] [--repeat 20]`
 *
 * What a page costs deep into the longest lists of a generated community: the largest inbox, the
 * most-followed person's followers, the most active liker's likes, the largest topic by new and by
 * hot. Each list is read through the repository function its route calls, after a cursor taken at
 * depth 0, 1,000, 10,000 … rows (found here with OFFSET; the routes never use it). A keyset page
 * should cost the same at any depth; one that walks from the top grows with it.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { Database } from '../server/db/database.js';
import { postgresDialect, sqliteDialect } from '../server/db/dialect.js';
import { topicRows } from '../server/modules/feed/feed.repo.js';
import { notificationRows } from '../server/modules/notifications/notifications.repo.js';
import { followPage } from '../server/modules/social/graph.repo.js';
import { likeRows } from '../server/modules/social/note-pages.repo.js';
import { dbFlag, flagReader } from './args.js';
import { defaultOut, readManifest } from './data/generate.js';

const argv = process.argv.slice(2);
const get = flagReader(argv);
const kind = dbFlag(argv);
const manifest = readManifest(get('--data') ?? defaultOut(get('--size') ?? 'S', kind));
const repeat = Number(get('--repeat') ?? 20);
const DEPTHS = [0, 1_000, 5_000, 25_000, 90_000];
const LIMIT = 20;

const database = new Database(
  kind === 'postgres' ? await postgresDialect(manifest.databaseUrl!, () => {}, 1) : sqliteDialect(path.join(manifest.dataDir, 'kuaan.db')),
);
const db = database.db;

/** The id in `column` that holds the most rows of `table`. */
async function largest(table: string, column: string): Promise<{ id: string; rows: number }> {
  const r = await sql<{ id: string; n: number }>`select ${sql.ref(column)} as id, count(*) as n from ${sql.table(table)}
    group by ${sql.ref(column)} order by n desc limit 1`.execute(db);
  return { id: r.rows[0]!.id, rows: Number(r.rows[0]!.n) };
}

/** The (key, id) of the row `depth` rows into a list, in the list's own order; null past its end. */
async function keyAt(list: string, depth: number): Promise<[number, string] | null> {
  const r = await sql<{ k: number; id: string }>`${sql.raw(list)} limit 1 offset ${depth - 1}`.execute(db);
  const row = r.rows[0];
  return row ? [Number(row.k), row.id] : null;
}

interface List {
  name: string;
  rows: number;
  /** The list's (key, id) in page order, as SQL, to find a cursor at a depth. */
  order: string;
  page: (after: [number, string] | null) => Promise<unknown[]>;
}

const inbox = await largest('notifications', 'recipient_id');
const followed = await largest('follows', 'followee_id');
const liker = await largest('note_likes', 'user_id');
const topic = await largest('note_hashtags', 'hashtag_id');
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const lists: List[] = [
  {
    name: 'notifications of the largest inbox',
    rows: inbox.rows,
    order: `select created_at as k, id from notifications where recipient_id = ${q(inbox.id)} order by created_at desc, id desc`,
    page: (after) => notificationRows(db, inbox.id, after, LIMIT),
  },
  {
    name: 'followers of the most followed',
    rows: followed.rows,
    order: `select created_at as k, follower_id as id from follows where followee_id = ${q(followed.id)} order by created_at desc, follower_id desc`,
    page: (after) => followPage(db, 'followers', followed.id, manifest.sessions[0]!.userId, after, LIMIT),
  },
  {
    name: 'likes of the most active liker',
    rows: liker.rows,
    order: `select created_at as k, note_id as id from note_likes where user_id = ${q(liker.id)} order by created_at desc, note_id desc`,
    page: (after) => likeRows(db, liker.id, liker.id, after, LIMIT),
  },
  {
    name: 'largest topic, new',
    rows: topic.rows,
    order: `select created_at as k, note_id as id from note_hashtags where hashtag_id = ${q(topic.id)} order by created_at desc, note_id desc`,
    page: (after) => topicRows(db, topic.id, null, 'new', after, LIMIT),
  },
  {
    name: 'largest topic, hot',
    rows: topic.rows,
    order: `select hot_score as k, note_id as id from note_hashtags where hashtag_id = ${q(topic.id)} order by hot_score desc, note_id desc`,
    page: (after) => topicRows(db, topic.id, null, 'hot', after, LIMIT),
  },
];

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${kind}, ${manifest.dataDir}: median ms of a ${LIMIT}-row page over ${repeat} reads, after a cursor at each depth`);
console.log(`| list | rows | ${DEPTHS.map((d) => `depth ${d.toLocaleString('en')}`).join(' | ')} |`);
console.log(`| --- | ---: | ${DEPTHS.map(() => '---:').join(' | ')} |`);
for (const list of lists) {
  const cells: string[] = [];
  for (const depth of DEPTHS) {
    const after = depth === 0 ? null : await keyAt(list.order, depth);
    if (depth > 0 && !after) {
      cells.push('—');
      continue;
    }
    const got = await list.page(after); // warm, and check the page is really there
    if (got.length === 0) throw new Error(`${list.name}: an empty page at depth ${depth}`);
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const t = performance.now();
      await list.page(after);
      times.push(performance.now() - t);
    }
    cells.push(median(times).toFixed(2));
  }
  console.log(`| ${list.name} | ${list.rows.toLocaleString('en')} | ${cells.join(' | ')} |`);
}
await database.destroy();
