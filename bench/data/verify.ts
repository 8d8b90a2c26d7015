/**
 * `node --import tsx bench/data/verify.ts <dir>`: checks that every denormalized counter in a
 * generated SQLite database equals the rows behind it, so benchmarks never run on impossible data.
 * Exits non-zero on any mismatch.
 */
import path from 'node:path';
import SqliteDatabase from '../../server/db/sqlite-driver.js';

/**
 * Content that moderation holds or removes leaves the counters (modules/moderation/effects.ts), and
 * write scenarios post near-duplicates that the spam check catches: count only what is shown.
 */
const SHOWN = "moderation_state not in ('held', 'removed')";

const CHECKS: Record<string, string> = {
  'notes.like_count': `select count(*) n from notes n where like_count != (select count(*) from note_likes l where l.note_id = n.id)`,
  'notes.collect_count': `select count(*) n from notes n where collect_count != (select count(*) from collects l where l.note_id = n.id)`,
  'notes.comment_count': `select count(*) n from notes n where comment_count != (select count(*) from comments l where l.note_id = n.id and ${SHOWN})`,
  'users.follower_count': `select count(*) n from users u where follower_count != (select count(*) from follows f where f.followee_id = u.id)`,
  'users.following_count': `select count(*) n from users u where following_count != (select count(*) from follows f where f.follower_id = u.id)`,
  'users.note_count': `select count(*) n from users u where note_count != (select count(*) from notes f where f.author_id = u.id and ${SHOWN})`,
  'users.likes_received_count': `select count(*) n from users u where likes_received_count != (select coalesce(sum(like_count), 0) from notes f where f.author_id = u.id)`,
  'hashtags.note_count': `select count(*) n from hashtags h where note_count != (select count(*) from note_hashtags x where x.hashtag_id = h.id)`,
  'hashtags.comment_count': `select count(*) n from hashtags h where comment_count != (select coalesce(sum(n.comment_count), 0) from note_hashtags x join notes n on n.id = x.note_id where x.hashtag_id = h.id)`,
  'boards.collect_count': `select count(*) n from boards b where collect_count != (select count(*) from collects c where c.board_id = b.id)`,
  'comments.reply_count': `select count(*) n from comments c where reply_count != (select count(*) from comments r where r.parent_id = c.id and ${SHOWN})`,
  // Every like by someone other than the author is counted in one of the note's like notifications
  // (to its author, grouped per note while unread, ADR 0014), and none is counted twice.
  'notifications of likes': `select count(*) n from notes n where (select count(*) from note_likes l where l.note_id = n.id and l.user_id != n.author_id)
    != (select coalesce(sum(x.actor_count), 0) from notifications x where x.note_id = n.id and x.kind = 'like')`,
  // Topic rows copy their note's hot score, except notes the topic-scores job has yet to copy (ADR 0015).
  'note_hashtags.hot_score': `select count(*) n from note_hashtags x join notes n on n.id = x.note_id
    where x.hot_score != n.hot_score and not exists (select 1 from topic_scores_due d where d.note_id = x.note_id)`,
  'foreign keys': `select count(*) n from pragma_foreign_key_check`,
};

const dir = process.argv[2] ?? path.resolve('data', 'bench', 'S-sqlite');
const db = new SqliteDatabase(path.join(dir, 'kuaan.db'), { readonly: true });
let bad = 0;
for (const [name, query] of Object.entries(CHECKS)) {
  const { n } = db.prepare(query).get() as { n: number };
  console.log(`${n === 0 ? 'ok  ' : 'FAIL'} ${name}${n ? ` (${n} rows wrong)` : ''}`);
  if (n) bad++;
}
db.close();
process.exit(bad ? 1 : 0);
