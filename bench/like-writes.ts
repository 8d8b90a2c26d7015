/**
 * `node --import tsx bench/like-writes.ts --size M [--likes 6000] [--batch 500]`
 *
 * What a like's writes cost SQLite itself, without HTTP, sessions or the event loop around them, and
 * which of them cost most. Applies likes to the generated SQLite database with the statements the
 * like path issues (bench/trace.ts lists them): the like row, the note's counter and hot score, the
 * mark that the topic index's copy of that score is behind (ADR 0015), the author's counter, and the
 * notification (one upsert into the author's unread group for the note, ADR 0014). Each pass ends with
 * the topic-scores job's work on the marks it left, priced per note. First one like per transaction, then batches sorted
 * by note (what write-behind would do), then batches with a part of the work left out, to price each
 * part (and then, untimed, that part, so the data stays consistent). Adds likes, with their counters and notifications, to the
 * database it runs on.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import SqliteDatabase from '../server/db/sqlite-driver.js';
import { defaultOut, readManifest } from './data/generate.js';
import { flagReader } from './args.js';

const argv = process.argv.slice(2);
const get = flagReader(argv);
const manifest = readManifest(get('--data') ?? defaultOut(get('--size') ?? 'S', 'sqlite'));
const total = Number(get('--likes') ?? 6000);
const batchSize = Number(get('--batch') ?? 500);
if (!(Number.isInteger(total) && total > 0 && Number.isInteger(batchSize) && batchSize > 0)) throw new Error('--likes and --batch take whole numbers above 0');

const db = new SqliteDatabase(path.join(manifest.dataDir, 'kuaan.db'));
// The server's pragmas (server/db/dialect.ts).
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('cache_size = -65536');

const likers = manifest.sessions.map((s) => s.userId);
// Notes a run uses up, in units of --likes: six lines of one note a like and two of ten a note, twice.
const MEASURES = 13;
// A note of its own for every like of the run, so no pair repeats (a repeated like writes nothing).
const notes = db
  .prepare("SELECT id, author_id FROM notes WHERE visibility = 'public' ORDER BY random() LIMIT ?")
  .all(total * MEASURES) as Array<{ id: string; author_id: string }>;
if (notes.length < total * MEASURES) throw new Error(`--likes ${total} needs ${total * MEASURES} public notes; the data has ${notes.length}`);
const statements = {
  like: db.prepare('INSERT INTO note_likes (note_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
  note: db.prepare('UPDATE notes SET like_count = like_count + ?, hot_score = hot_score + 0.000001 * ? WHERE id = ? RETURNING hot_score'),
  // The topic index's copy of the score: a mark in the transaction, copied by a job (hot-score.ts).
  topics: db.prepare('INSERT INTO topic_scores_due (note_id) VALUES (?) ON CONFLICT DO NOTHING'),
  takeDue: db.prepare('DELETE FROM topic_scores_due WHERE note_id IN (SELECT note_id FROM topic_scores_due LIMIT ?) RETURNING note_id'),
  author: db.prepare('UPDATE users SET likes_received_count = likes_received_count + ? WHERE id = ?'),
  // The notification: one upsert into the author's open group for the note (migration 0025, ADR 0014).
  notify: db.prepare(
    `INSERT INTO notifications (id, recipient_id, actor_id, kind, note_id, comment_id, created_at, actor_count, read_at)
     VALUES (?, ?, ?, 'like', ?, NULL, ?, 1, NULL)
     ON CONFLICT (recipient_id, kind, note_id) WHERE read_at IS NULL AND kind IN ('like', 'collect') DO UPDATE SET
       actor_id = CASE WHEN excluded.created_at >= notifications.created_at THEN excluded.actor_id ELSE notifications.actor_id END,
       created_at = CASE WHEN excluded.created_at >= notifications.created_at THEN excluded.created_at ELSE notifications.created_at END,
       actor_count = notifications.actor_count + CASE WHEN notifications.actor_id = excluded.actor_id THEN 0 ELSE 1 END`,
  ),
};
type Part = 'notification' | 'topics' | 'author' | 'note';
interface Like {
  note: { id: string; author_id: string };
  user: string;
}

let next = 0;
/**
 * The next n likes, by people in turn, each note taking `likesPerNote` of them in a row: 1 is a like on a
 * note no other like of the run touches (a new notification each), more is a note that is taking off
 * (its author's unread notification grows instead).
 */
function draw(n: number, likesPerNote: number): Like[] {
  const first = next;
  next += Math.ceil(n / likesPerNote);
  return Array.from({ length: n }, (_, i) => ({ note: notes[first + Math.floor(i / likesPerNote)]!, user: likers[(first + i) % likers.length]! }));
}

/**
 * One transaction's likes: rows first, then one counter update per note and per author, leaving out
 * the parts in `without`. Returns the likes whose rows it added (a pair liked before adds nothing).
 * `rowsDone` is for completing an earlier apply on the likes it returned: their rows are there.
 */
function apply(likes: Like[], without: ReadonlySet<Part>, rowsDone = false): Like[] {
  const now = Date.now();
  const perNote = new Map<string, number>();
  const perAuthor = new Map<string, number>();
  const added: Like[] = [];
  for (const like of likes) {
    const { note, user } = like;
    if (!rowsDone && statements.like.run(note.id, user, now).changes === 0) continue;
    added.push(like);
    perNote.set(note.id, (perNote.get(note.id) ?? 0) + 1);
    perAuthor.set(note.author_id, (perAuthor.get(note.author_id) ?? 0) + 1);
    if (without.has('notification') || note.author_id === user) continue;
    statements.notify.run(randomUUID(), note.author_id, user, note.id, now);
  }
  for (const [id, n] of perNote) {
    if (without.has('note') && without.has('topics')) break;
    if (!without.has('note')) statements.note.get(n, n, id);
    if (!without.has('topics')) statements.topics.run(id);
  }
  if (!without.has('author')) for (const [id, n] of perAuthor) statements.author.run(n, id);
  return added;
}

const PARTS: readonly Part[] = ['notification', 'topics', 'author', 'note'];

function measure(label: string, size: number, without: Part[] = [], likesPerNote = 1): void {
  const likes = draw(total, likesPerNote);
  if (size > 1) likes.sort((a, b) => (a.note.id < b.note.id ? -1 : 1));
  const skip = new Set(without);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const added: Like[] = [];
  for (let i = 0; i < likes.length; i += size) added.push(...db.transaction(() => apply(likes.slice(i, i + size), skip))());
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  // Untimed: the parts left out, so the counters and notifications stay true to the rows (verify.ts).
  if (skip.size) db.transaction(() => apply(added, new Set(PARTS.filter((p) => !skip.has(p))), true))();
  console.log(`${label.padEnd(52)} ${((used.user + used.system) / 1000 / total).toFixed(3)} ms CPU, ${(wall / total).toFixed(3)} ms wall a like`);
}

/** The topic-scores job's work (copyDueTopicScores, batches of 2,000): every marked note's score onto its topic rows. */
function copyDue(): { notes: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  let notes = 0;
  for (;;) {
    const ids = db.transaction(() => {
      const taken = (statements.takeDue.all(2000) as Array<{ note_id: string }>).map((r) => r.note_id);
      if (taken.length === 0) return taken;
      db.prepare(
        `UPDATE note_hashtags SET hot_score = coalesce((SELECT notes.hot_score FROM notes WHERE notes.id = note_hashtags.note_id), hot_score)
         WHERE note_id IN (${taken.map(() => '?').join(', ')})`,
      ).run(...taken);
      return taken;
    })();
    if (ids.length === 0) break;
    notes += ids.length;
  }
  const used = process.cpuUsage(cpu);
  return { notes, cpuMs: (used.user + used.system) / 1000 };
}

copyDue(); // marks a server left behind are not this run's
console.log(`${manifest.size} sqlite: ${total} likes a line, random public notes, ${likers.length} people`);
// Twice over: the first pass warms SQLite's cache and the OS's.
for (let pass = 1; pass <= 2; pass++) {
  measure('one like a transaction', 1);
  measure('  ten people in a row to each note', 1, [], 10);
  measure('  the same without the notification', 1, ['notification'], 10);
  measure(`batches of ${batchSize}, sorted by note`, batchSize);
  measure(`  the same without the notification`, batchSize, ['notification']);
  measure(`  the same without the topic mark`, batchSize, ['topics']);
  measure(`  without both`, batchSize, ['notification', 'topics']);
  measure(`  the like row alone`, batchSize, ['notification', 'topics', 'author', 'note']);
  const job = copyDue();
  console.log(`${'the job copying the marked notes\' scores'.padEnd(52)} ${(job.cpuMs / job.notes).toFixed(3)} ms CPU a note (${job.notes} notes)`);
}
db.close();
