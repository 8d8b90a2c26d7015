import type { Executor } from '../../db/database.js';
import { Refreshing } from '../../infra/refreshing.js';
import * as repo from './discover.repo.js';
import { engagement, RANKING } from './discover.rank.js';

/** A candidate with what ranking needs besides its counters: its topics and its author. */
export interface HydratedRow extends repo.CandidateRow {
  tags: Array<[string, string]>;
  authorHandle: string;
  authorJoinedAt: number;
}

export const POOL_SIZES = {
  trending: 300,
  popularDays: 7,
  popular: 200,
  newcomerScan: 1000,
  newcomers: 60,
  perTopic: 15,
} as const;

const DAY = 86_400_000;
const MAX_TOPICS = 5_000;

/** Adds topics and authors to candidate rows in two queries; a row whose author is gone is dropped. */
export async function hydrateRows(db: Executor, rows: repo.CandidateRow[]): Promise<HydratedRow[]> {
  if (rows.length === 0) return [];
  const [tags, authors] = await Promise.all([
    repo.hashtagsOfNotes(
      db,
      rows.map((r) => r.id),
    ),
    repo.authorsOf(
      db,
      rows.map((r) => r.author_id),
    ),
  ]);
  const out: HydratedRow[] = [];
  for (const r of rows) {
    const author = authors.get(r.author_id);
    if (author) out.push({ ...r, tags: tags.get(r.id) ?? [], authorHandle: author.handle, authorJoinedAt: author.createdAt });
  }
  return out;
}

/**
 * Whether a note with no engagement yet could be among `pool`, the most engaged (ordered by
 * engagement, then newest): while the pool is short of its `size`, or ends in notes without engagement
 * (a new note sorts before those).
 */
export function newNoteCanJoin(pool: readonly repo.CandidateRow[], size: number): boolean {
  const last = pool[pool.length - 1];
  return pool.length < size || !last || engagement(last) === 0;
}

/**
 * Candidate lists that are the same for every reader — the trending pools, newcomers' notes, and
 * the hottest notes of each topic — fetched and hydrated once per TTL per app instance and shared,
 * refreshed in the background.
 * A reader's own sources (people they follow, authors they engaged with) are not cached here.
 */
export class CandidatePools {
  /** Hot now and newcomers' recent notes: a new note can be in either. */
  private readonly fresh = new Refreshing(() => this.loadFresh());
  /** Most engaged this week: a new note, with no engagement yet, rarely belongs. */
  private readonly popular = new Refreshing(() =>
    repo.popularPool(this.db, this.now() - POOL_SIZES.popularDays * DAY, POOL_SIZES.popular).then((r) => hydrateRows(this.db, r)),
  );
  private readonly topics = new Map<string, Refreshing<HydratedRow[]>>();

  constructor(
    private readonly db: Executor,
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {}

  /**
   * A note was posted in this process: the pools it can be in are read afresh by the next reader, so
   * it is on Discover at once — only those. Dropping every pool on every post cost the readers ~23 ms
   * a post at size M (bench/discover.md, "pools and posting"); this drops hot-and-newcomers (~5 ms to
   * read again), the topics of the note, and the week's most engaged only while a note without
   * engagement could still make that list.
   */
  async added(noteId: string): Promise<void> {
    this.fresh.drop();
    // A popular pool whose load failed is read again by the next reader anyway.
    const [popular, tags] = await Promise.all([this.popular.peek()?.catch(() => null), repo.hashtagsOfNotes(this.db, [noteId])]);
    if (popular && newNoteCanJoin(popular, POOL_SIZES.popular)) this.popular.drop();
    for (const [hashtagId] of tags.get(noteId) ?? []) this.topics.delete(hashtagId);
  }

  /** A note went away in this process: every pool is read afresh (deleted notes are also dropped at presentation). */
  removed(): void {
    this.fresh.drop();
    this.popular.drop();
    this.topics.clear();
  }

  /** Hot now, most engaged this week, and newcomers' recent notes. */
  async pools(): Promise<{ trending: HydratedRow[]; popular: HydratedRow[]; newcomers: HydratedRow[] }> {
    const now = this.now();
    const [fresh, popular] = await Promise.all([this.fresh.get(now, this.ttlMs), this.popular.get(now, this.ttlMs)]);
    return { ...fresh, popular };
  }

  /** The hottest notes of one topic. */
  topic(hashtagId: string): Promise<HydratedRow[]> {
    let entry = this.topics.get(hashtagId);
    if (!entry) {
      if (this.topics.size >= MAX_TOPICS) this.topics.delete(this.topics.keys().next().value!);
      entry = new Refreshing(() => repo.hotInTopic(this.db, hashtagId, POOL_SIZES.perTopic).then((r) => hydrateRows(this.db, r)));
      this.topics.set(hashtagId, entry);
    }
    return entry.get(this.now(), this.ttlMs);
  }

  private async loadFresh() {
    const [trending, newcomers] = await Promise.all([
      repo.hotPool(this.db, POOL_SIZES.trending).then((r) => hydrateRows(this.db, r)),
      repo
        .newcomerPool(this.db, this.now() - RANKING.newcomerDays * DAY, POOL_SIZES.newcomerScan, POOL_SIZES.newcomers)
        .then((r) => hydrateRows(this.db, r)),
    ]);
    return { trending, newcomers };
  }
}
