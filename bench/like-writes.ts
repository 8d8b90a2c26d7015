/**
 * `node --import tsx bench/like-writes.ts --size M [--likes 6000] [--batch 500]`
 *
 * What a like's writes cost SQLite itself, without HTTP, sessions or the event loop around them, and
 * which of them cost most. Applies likes to the generated SQLite database with the statements the
 * like path issues (bench/trace.ts lists them): the like row, the note's counter and hot score, the
 * topic index's copy of that score, the author's counter, and the notification with its
 * de-duplication read. First one like per transaction, then batches sorted by note (what write-behind
 * would do), then batches with a part of the work left out, to price each part. Adds likes (and moves
 * the counters with them) to the database it runs on.
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
const MEASURES = 12;
// A note of its own for every like of the run, so no pair repeats (a repeated like writes nothing).
const notes = db
  .prepare("SELECT id, author_id FROM notes WHERE visibility = 'public' ORDER BY random() LIMIT ?")
  .all(total * MEASURES) as Array<{ id: string; author_id: string }>;
if (notes.length < total * MEASURES) throw new Error(`--likes ${total} needs ${total * MEASURES} public notes; the data has ${notes.length}`);
const statements = {
  like: db.prepare('INSERT INTO note_likes (note_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
  note: db.prepare('UPDATE notes SET like_count = like_count + ?, hot_score = hot_score + 0.000001 * ? WHERE id = ? RETURNING hot_score'),
  topics: db.prepare('UPDATE note_hashtags SET hot_score = ? WHERE note_id = ?'),
  author: db.prepare('UPDATE users SET likes_received_count = likes_received_count + ? WHERE id = ?'),
  notified: db.prepare(
    "SELECT id FROM notifications WHERE actor_id = ? AND recipient_id = ? AND kind = 'like' AND created_at >= ? AND note_id = ? AND comment_id IS NULL",
  ),
  notify: db.prepare(
    "INSERT INTO notifications (id, recipient_id, actor_id, kind, note_id, comment_id, created_at, read_at) VALUES (?, ?, ?, 'like', ?, NULL, ?, NULL)",
  ),
};
type Part = 'notification' | 'topics' | 'author' | 'note';
interface Like {
  note: { id: string; author_id: string };
  user: string;
}

let next = 0;
/** The next n likes, each on a note no other like of the run touches, by people in turn. */
function draw(n: number): Like[] {
  return Array.from({ length: n }, () => {
    const k = next++;
    return { note: notes[k]!, user: likers[k % likers.length]! };
  });
}

/** One transaction's likes: rows first, then one counter update per note and per author. */
function apply(likes: Like[], without: ReadonlySet<Part>): void {
  const now = Date.now();
  const perNote = new Map<string, number>();
  const perAuthor = new Map<string, number>();
  for (const { note, user } of likes) {
    if (statements.like.run(note.id, user, now).changes === 0) continue;
    perNote.set(note.id, (perNote.get(note.id) ?? 0) + 1);
    perAuthor.set(note.author_id, (perAuthor.get(note.author_id) ?? 0) + 1);
    if (without.has('notification') || note.author_id === user) continue;
    if (!statements.notified.get(user, note.author_id, now - 86_400_000, note.id)) statements.notify.run(randomUUID(), note.author_id, user, note.id, now);
  }
  if (!without.has('note')) {
    for (const [id, n] of perNote) {
      const { hot_score } = statements.note.get(n, n, id) as { hot_score: number };
      if (!without.has('topics')) statements.topics.run(hot_score, id);
    }
  }
  if (!without.has('author')) for (const [id, n] of perAuthor) statements.author.run(n, id);
}

function measure(label: string, size: number, without: Part[] = []): void {
  const likes = draw(total);
  if (size > 1) likes.sort((a, b) => (a.note.id < b.note.id ? -1 : 1));
  const skip = new Set(without);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < likes.length; i += size) db.transaction(() => apply(likes.slice(i, i + size), skip))();
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  console.log(`${label.padEnd(52)} ${((used.user + used.system) / 1000 / total).toFixed(3)} ms CPU, ${(wall / total).toFixed(3)} ms wall a like`);
}

console.log(`${manifest.size} sqlite: ${total} likes a line, random public notes, ${likers.length} people`);
// Twice over: the first pass warms SQLite's cache and the OS's.
for (let pass = 1; pass <= 2; pass++) {
  measure('one like a transaction', 1);
  measure(`batches of ${batchSize}, sorted by note`, batchSize);
  measure(`  the same without the notification`, batchSize, ['notification']);
  measure(`  the same without the topic copy of the score`, batchSize, ['topics']);
  measure(`  without both`, batchSize, ['notification', 'topics']);
  measure(`  the like row alone`, batchSize, ['notification', 'topics', 'author', 'note']);
}
db.close();
