import type { NoteCard, Topic } from '../../../contract/notes.js';
import type { Executor } from '../../db/database.js';
import { decodeCursor, pageLimit, paginate } from '../../db/pagination.js';
import { notFound } from '../../errors.js';
import { findUserByHandle } from '../accounts/accounts.repo.js';
import type { RegionGate } from '../moderation/region-gate.js';
import { noteCards } from '../notes/notes.views.js';
import { findHashtag } from '../notes/topics.repo.js';
import { isBlockedEitherWay, relationship } from '../social/relations.repo.js';
import { authorRows, type FeedRow, followingRows, topicRows } from './feed.repo.js';

export interface CardPage {
  items: NoteCard[];
  nextCursor: string | null;
}

interface PageInput {
  cursor?: string;
  limit?: number;
  /** moderation (issue 7): regional rules for the viewer's region (placeholders), if any. */
  gate?: RegionGate | null;
}

type Key = [number, string];

async function present(db: Executor, rows: FeedRow[], limit: number, viewerId: string | null, key: (r: FeedRow) => Key, gate?: RegionGate | null) {
  const page = paginate(rows, limit, key);
  return { items: await noteCards(db, page.rows.map((r) => r.id), viewerId, gate), nextCursor: page.nextCursor };
}

const byHot = (r: FeedRow): Key => [Number(r.hot_score), r.id];
const byNew = (r: FeedRow): Key => [Number(r.created_at), r.id];

/** Notes of the people the viewer follows, newest first. */
export async function followingPage(db: Executor, viewerId: string, input: PageInput): Promise<CardPage> {
  const limit = pageLimit(input.limit);
  const after = decodeCursor<Key>(input.cursor, ['number', 'string']);
  return present(db, await followingRows(db, viewerId, after, limit), limit, viewerId, byNew, input.gate);
}

/**
 * A profile's notes as the viewer may see them. Someone who blocked the viewer is not there (404);
 * someone the viewer blocked shows no notes until unblocked.
 */
export async function profileNotesPage(db: Executor, handle: string, viewerId: string | null, input: PageInput): Promise<CardPage> {
  const user = await findUserByHandle(db, handle.replace(/^@/, ''));
  if (!user) throw notFound('user');
  const limit = pageLimit(input.limit);
  const after = decodeCursor<Key>(input.cursor, ['number', 'string']);
  if (viewerId && viewerId !== user.id && (await isBlockedEitherWay(db, viewerId, user.id))) {
    if (!(await relationship(db, viewerId, user.id)).blocking) throw notFound('user');
    return { items: [], nextCursor: null };
  }
  return present(db, await authorRows(db, user.id, viewerId, after, limit), limit, viewerId, byNew, input.gate);
}

/** How a topic appears in URLs and text (`旅行`, `#Travel`, `#Travel#`) → its lower-cased key. */
export function topicKey(name: string): string {
  return name.normalize('NFC').trim().replace(/^#/, '').replace(/#$/, '').toLowerCase();
}

/** The topic page header; the caller counts the view with the returned hashtag id. */
export async function topicView(db: Executor, name: string): Promise<{ hashtagId: string; topic: Topic }> {
  const key = topicKey(name);
  const tag = key ? await findHashtag(db, key) : undefined;
  if (!tag) throw notFound('topic');
  return {
    hashtagId: tag.id,
    topic: {
      name: tag.name,
      noteCount: Number(tag.note_count),
      viewCount: Number(tag.view_count),
      commentCount: Number(tag.comment_count),
    },
  };
}

/** Visible notes with a hashtag, hottest or newest first. */
export async function topicNotesPage(
  db: Executor,
  name: string,
  viewerId: string | null,
  input: PageInput & { sort?: 'hot' | 'new' },
): Promise<CardPage> {
  const { hashtagId } = await topicView(db, name);
  const sort = input.sort ?? 'hot';
  const limit = pageLimit(input.limit);
  const after = decodeCursor<Key>(input.cursor, ['number', 'string']);
  const rows = await topicRows(db, hashtagId, viewerId, sort, after, limit);
  return present(db, rows, limit, viewerId, sort === 'hot' ? byHot : byNew, input.gate);
}
