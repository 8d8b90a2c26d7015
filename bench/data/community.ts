/**
 * Writes one whole synthetic community through a BulkWriter, table by table, with every counter equal
 * to the rows written. Returns what the scenarios need to sign in and pick targets.
 */
import { createHash } from 'node:crypto';
import type { NotesTable, NotificationKind, UiLocale } from '../../server/db/schema/index.js';
import { commentFingerprint, noteFingerprint } from '../../server/modules/moderation/checks/simhash.js';
import { hotScore } from '../../server/modules/notes/hot-score.js';
import { drawFollows, drawPeople, identity, type Native, type People, AudiencePicker } from './people.js';
import { ALL_TAGS, commentText, drawNotes, noteLanguage, noteText, tagsOf, VISIBILITIES } from './notes.js';
import { BIOS_EN, BIOS_ZH, BOARD_NAMES, OTHER_LANGS, REGIONS_EN, REGIONS_ZH, TOPICS } from './phrases.js';
import { Rng, uuidv7At } from './random.js';
import { DATA_END_MS, DATA_SPAN_MS, REPLY_SHARE, SESSION_EXPIRES_MS, type SizeSpec } from './sizes.js';
import type { BulkWriter } from './writer.js';

export interface BenchSession {
  token: string;
  userId: string;
  handle: string;
}

export interface CommunitySummary {
  counts: Record<string, number>;
  sessions: BenchSession[];
  /** Handles for profile pages: the most followed first, then a random spread. */
  handles: string[];
  /** Public note ids for detail, like and comment scenarios. */
  noteIds: string[];
  /** Hashtag names by number of notes, most used first. */
  topics: string[];
  people: People;
  userIds: string[];
  userHandles: string[];
}

type Log = (message: string) => void;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function uiLocaleOf(native: Native): UiLocale {
  return native === 'en' ? 'en' : native;
}

export async function writeCommunity(w: BulkWriter, spec: SizeSpec, seed: number, passwordHash: string, log: Log): Promise<CommunitySummary> {
  const root = new Rng(seed);
  const people = drawPeople(spec.people, root.fork('people'));
  const follows = drawFollows(people, spec.followsPerPerson, root.fork('follows'));
  const notesStart = DATA_END_MS - DATA_SPAN_MS;
  const plan = drawNotes(people, spec.notes, spec.likesPerNote, notesStart, DATA_SPAN_MS, root.fork('notes'));
  log(`planned ${spec.people} people, ${follows.targets.length} follows, ${spec.notes} notes`);

  // Counters derived from the plan, before any row is written.
  const noteCount = new Uint32Array(people.n);
  const likesReceived = new Float64Array(people.n);
  const tagNotes = new Uint32Array(ALL_TAGS.length);
  const tagComments = new Float64Array(ALL_TAGS.length);
  const tagViews = new Float64Array(ALL_TAGS.length);
  for (let i = 0; i < plan.n; i++) {
    const a = plan.author[i]!;
    noteCount[a]!++;
    likesReceived[a]! += plan.likes[i]!;
    for (const t of tagsOf(plan, i)) {
      tagNotes[t]!++;
      tagComments[t]! += plan.comments[i]!;
      tagViews[t]! += plan.views[i]!;
    }
  }

  // People: created over the year before the first note, ids ascending with the index.
  const idRng = root.fork('user-ids');
  const nameRng = root.fork('names');
  const userIds: string[] = new Array(people.n);
  const userHandles: string[] = new Array(people.n);
  const usersStart = notesStart - DATA_SPAN_MS;
  const userStep = Math.max(1, Math.floor(DATA_SPAN_MS / people.n));
  for (let u = 0; u < people.n; u++) {
    const created = usersStart + u * userStep;
    const native = people.native[u]!;
    const { handle, displayName } = identity(u, native, nameRng);
    const id = uuidv7At(created, idRng);
    userIds[u] = id;
    userHandles[u] = handle;
    await w.add('users', {
      id,
      handle,
      handle_lower: handle.toLowerCase(),
      display_name: displayName,
      bio: nameRng.pick(native === 'en' ? BIOS_EN : BIOS_ZH),
      avatar_media_id: null,
      email: `${handle.toLowerCase()}@bench.kuaan.test`,
      phone: null,
      password_hash: passwordHash,
      region: nameRng.pick(native === 'en' ? REGIONS_EN : REGIONS_ZH),
      ui_locale: uiLocaleOf(native),
      role: 'member',
      follower_count: follows.followers[u]!,
      following_count: follows.offsets[u + 1]! - follows.offsets[u]!,
      note_count: noteCount[u]!,
      likes_received_count: likesReceived[u]!,
      contact_verified_at: created,
      onboarded_at: created,
      created_at: created,
      updated_at: created,
    });
    await w.add('user_languages', { user_id: id, lang: native, kind: 'native', level: null });
    const learning = native === 'en' ? (nameRng.chance(0.85) ? 'zh-Hans' : 'zh-Hant') : 'en';
    if (nameRng.chance(0.8)) await w.add('user_languages', { user_id: id, lang: learning, kind: 'learning', level: nameRng.range(1, 5) });
    if (nameRng.chance(0.15)) {
      await w.add('user_languages', { user_id: id, lang: nameRng.pick(OTHER_LANGS), kind: 'learning', level: nameRng.range(1, 3) });
    }
  }
  log('people written');

  // Sessions for people who follow enough accounts that their Following page is not trivially empty.
  const sessions: BenchSession[] = [];
  const sessRng = root.fork('sessions');
  for (let k = 0; k < people.n && sessions.length < spec.sessions; k++) {
    const u = people.byActivity[(k * 7919) % people.n]!;
    if (follows.offsets[u + 1]! - follows.offsets[u]! < 5 && k < people.n / 2) continue;
    const token = `bench${sessions.length}_${sessRng.hex(40)}`;
    sessions.push({ token, userId: userIds[u]!, handle: userHandles[u]! });
    await w.add('sessions', {
      id: uuidv7At(DATA_END_MS, sessRng),
      token_hash: sha256(token),
      user_id: userIds[u]!,
      user_agent: 'kuaan-bench',
      created_at: DATA_END_MS,
      last_seen_at: DATA_END_MS,
      expires_at: SESSION_EXPIRES_MS,
    });
  }

  const tagRng = root.fork('tags');
  const tagIds = ALL_TAGS.map(() => uuidv7At(usersStart, tagRng));
  for (let t = 0; t < ALL_TAGS.length; t++) {
    if (tagNotes[t] === 0) continue;
    await w.add('hashtags', {
      id: tagIds[t]!,
      name: ALL_TAGS[t]!,
      name_lower: ALL_TAGS[t]!.toLowerCase(),
      note_count: tagNotes[t]!,
      view_count: tagViews[t]!,
      comment_count: tagComments[t]!,
      created_at: usersStart,
    });
  }

  // Notifications as the server writes them for each like, collect, comment and follow below.
  const notices = new Notifications(w, root.fork('notifications'));
  const followRng = root.fork('follow-times');
  for (let u = 0; u < people.n; u++) {
    for (let e = follows.offsets[u]!; e < follows.offsets[u + 1]!; e++) {
      const row = { follower_id: userIds[u]!, followee_id: userIds[follows.targets[e]!]!, created_at: notesStart - followRng.int(DATA_SPAN_MS) };
      await w.add('follows', row);
      await notices.add(row.followee_id, row.follower_id, 'follow', null, null, row.created_at);
    }
  }
  log(`follows written (${follows.targets.length})`);

  // Notes with their hashtags, likes, collects (into boards) and comments.
  const textRng = root.fork('text');
  const likeRng = root.fork('likes');
  const commentRng = root.fork('comments');
  const audience = new AudiencePicker(people);
  const scratch = new Set<number>();
  const boards = new Map<string, { owner: number; name: string; count: number; created: number }>();
  let likeRows = 0;
  let collectRows = 0;
  let commentRows = 0;
  const publicNotes: number[] = [];
  for (let i = 0; i < plan.n; i++) {
    const id = plan.ids[i]!;
    const author = plan.author[i]!;
    const created = plan.createdAt[i]!;
    const tags = tagsOf(plan, i);
    const text = noteText(plan.topic[i]!, noteLanguage(people.native[author]!, textRng), tags, textRng);
    const likes = plan.likes[i]!;
    const collects = plan.collects[i]!;
    const comments = plan.comments[i]!;
    const row: NotesTable = {
      id,
      author_id: userIds[author]!,
      type: 'text',
      title: text.title,
      body: text.body,
      facets: text.facets,
      visibility: VISIBILITIES[plan.visibility[i]!]!,
      location_label: null,
      cover_media_id: null,
      like_count: likes,
      collect_count: collects,
      comment_count: comments,
      view_count: plan.views[i]!,
      hot_score: hotScore(likes, collects, comments, created),
      text_fingerprint: noteFingerprint(text.title, text.body),
      created_at: created,
      updated_at: created,
      // Migration 0007's language columns, filled as the server's detector would have.
      lang: text.lang,
      lang_mixed: text.mixed ? 1 : 0,
      lang_source: 'detected',
    };
    await w.add('notes', row);
    if (plan.visibility[i] === 0) publicNotes.push(i);
    for (const t of [...tags].sort((a, b) => (tagIds[a]! < tagIds[b]! ? -1 : 1))) {
      await w.add('note_hashtags', { note_id: id, hashtag_id: tagIds[t]!, created_at: created, hot_score: row.hot_score, recommendable: 1 });
    }
    const later = () => Math.min(DATA_END_MS, created + 1000 + likeRng.int(7 * 24 * 3600 * 1000));
    const liked: Action[] = [];
    for (const u of audience.distinct(likes, plan.topic[i]!, likeRng, scratch)) {
      const like = { note_id: id, user_id: userIds[u]!, created_at: later() };
      await w.add('note_likes', like);
      liked.push({ actorId: like.user_id, at: like.created_at });
    }
    await notices.group(row.author_id, 'like', id, liked);
    likeRows += likes;
    const collected: Action[] = [];
    for (const u of audience.distinct(collects, plan.topic[i]!, likeRng, scratch)) {
      let boardId: string | null = null;
      // About a third of collects go into a named board; a person has up to two boards.
      if (likeRng.chance(0.35)) {
        const k = u % 2;
        const bRng = new Rng((seed ^ Math.imul(u + 1, 0x9e3779b1) ^ (k * 0x85ebca6b)) >>> 0);
        boardId = uuidv7At(usersStart + u * userStep + 1 + k, bRng);
        const b = boards.get(boardId);
        if (b) b.count++;
        else boards.set(boardId, { owner: u, name: BOARD_NAMES[(u + k) % BOARD_NAMES.length]!, count: 1, created: usersStart + u * userStep + 1 + k });
      }
      const collect = { note_id: id, user_id: userIds[u]!, board_id: boardId, created_at: later() };
      await w.add('collects', collect);
      collected.push({ actorId: collect.user_id, at: collect.created_at });
    }
    await notices.group(row.author_id, 'collect', id, collected);
    collectRows += collects;
    await writeComments(w, notices, row, comments, plan.topic[i]!, people, userIds, audience, commentRng);
    commentRows += comments;
    if (i % 100_000 === 99_999) log(`notes ${i + 1}/${plan.n}`);
  }
  for (const [id, b] of boards) {
    await w.add('boards', { id, owner_id: userIds[b.owner]!, name: b.name, visibility: 'public', collect_count: b.count, created_at: b.created });
  }

  // Scenario targets, drawn deterministically.
  const pickRng = root.fork('targets');
  const noteIds: string[] = [];
  for (let k = 0; k < Math.min(5000, publicNotes.length); k++) noteIds.push(plan.ids[publicNotes[pickRng.int(publicNotes.length)]!]!);
  const handles: string[] = [];
  for (let k = 0; k < Math.min(50, people.n); k++) handles.push(userHandles[people.byPopularity[k]!]!);
  for (let k = 0; k < Math.min(2000, people.n); k++) handles.push(userHandles[pickRng.int(people.n)]!);
  const topics = ALL_TAGS.map((name, t) => ({ name, n: tagNotes[t]! }))
    .filter((t) => t.n > 0)
    .sort((a, b) => b.n - a.n)
    .map((t) => t.name);

  return {
    counts: {
      people: people.n,
      follows: follows.targets.length,
      notes: plan.n,
      likes: likeRows,
      collects: collectRows,
      boards: boards.size,
      comments: commentRows,
      notifications: notices.count,
      hashtags: topics.length,
      sessions: sessions.length,
      topics: TOPICS.length,
    },
    sessions,
    handles,
    noteIds,
    topics,
    people,
    userIds,
    userHandles,
  };
}

const DAY_MS = 24 * 3600 * 1000;
/** Notifications older than this are read; the last days' are waiting, as in a living community. */
const READ_BEFORE_MS = DATA_END_MS - 3 * DAY_MS;

/** One person's like or collect of a note. */
interface Action {
  actorId: string;
  at: number;
}

/**
 * Notifications as notifications.subscribers.ts writes them, never to oneself: one per comment,
 * reply and follow (the pairs here never repeat, so the day's collapsing of follows never applies),
 * and a note's likes (or collects) gathered into one per day its author read them, the waiting ones
 * into one unread group (ADR 0014).
 */
class Notifications {
  count = 0;
  constructor(
    private readonly w: BulkWriter,
    private readonly rng: Rng,
  ) {}

  async add(recipientId: string, actorId: string, kind: NotificationKind, noteId: string | null, commentId: string | null, at: number): Promise<void> {
    if (recipientId === actorId) return;
    await this.write(recipientId, actorId, kind, noteId, commentId, at, at, 1);
  }

  async group(recipientId: string, kind: 'like' | 'collect', noteId: string, actions: Action[]): Promise<void> {
    const days = new Map<number, Action[]>();
    for (const a of actions) {
      if (a.actorId === recipientId) continue;
      // The author reads once a day: each day's actions are one group, the unread days' one more.
      const day = a.at < READ_BEFORE_MS ? Math.floor(a.at / DAY_MS) : Number.POSITIVE_INFINITY;
      const list = days.get(day);
      if (list) list.push(a);
      else days.set(day, [a]);
    }
    for (const list of days.values()) {
      list.sort((a, b) => a.at - b.at);
      const first = list[0]!;
      const last = list[list.length - 1]!;
      await this.write(recipientId, last.actorId, kind, noteId, null, first.at, last.at, list.length);
    }
  }

  /** A row whose id dates from `openedAt` (the server's is made when the group opens) and whose time is `at`, the latest person's. */
  private async write(
    recipientId: string,
    actorId: string,
    kind: NotificationKind,
    noteId: string | null,
    commentId: string | null,
    openedAt: number,
    at: number,
    actorCount: number,
  ): Promise<void> {
    this.count++;
    await this.w.add('notifications', {
      id: uuidv7At(openedAt, this.rng),
      recipient_id: recipientId,
      actor_id: actorId,
      kind,
      note_id: noteId,
      comment_id: commentId,
      created_at: at,
      actor_count: actorCount,
      read_at: at < READ_BEFORE_MS ? at + 3600 * 1000 : null,
    });
  }
}

/** A note's comments: top-level ones and replies to them, with reply counts known before writing. */
async function writeComments(
  w: BulkWriter,
  notices: Notifications,
  note: Pick<NotesTable, 'id' | 'author_id' | 'created_at'>,
  count: number,
  topic: number,
  people: People,
  userIds: string[],
  audience: AudiencePicker,
  rng: Rng,
): Promise<void> {
  if (count === 0) return;
  const rows: Array<{ id: string; author: number; parent: number; created: number; replies: number }> = [];
  const top: number[] = [];
  let at = note.created_at;
  for (let c = 0; c < count; c++) {
    at += 1000 + rng.int(6 * 3600 * 1000);
    const parent = c > 0 && rng.chance(REPLY_SHARE) ? top[rng.int(top.length)]! : -1;
    if (parent >= 0) rows[parent]!.replies++;
    else top.push(c);
    rows.push({ id: uuidv7At(at, rng), author: audience.pick(topic, rng), parent, created: at, replies: 0 });
  }
  for (const r of rows) {
    const parent = r.parent >= 0 ? rows[r.parent]! : null;
    const native = people.native[r.author]!;
    const body = commentText(native, rng);
    await w.add('comments', {
      id: r.id,
      note_id: note.id,
      author_id: userIds[r.author]!,
      parent_id: parent ? parent.id : null,
      reply_to_user_id: parent ? userIds[parent.author]! : null,
      body,
      facets: '[]',
      like_count: 0,
      reply_count: r.replies,
      text_fingerprint: commentFingerprint(body),
      created_at: r.created,
      lang: native === 'en' ? 'en' : 'zh-Hans',
      lang_mixed: 0,
      lang_source: 'detected',
    });
    // A reply notifies the person replied to; a top-level comment, the note's author.
    const recipient = parent ? userIds[parent.author]! : note.author_id;
    await notices.add(recipient, userIds[r.author]!, parent ? 'reply' : 'comment', note.id, r.id, r.created);
  }
}
