import type { Executor } from '../../db/database.js';
import * as repo from './discover.repo.js';
import { RANKING } from './discover.rank.js';

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

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

/**
 * Candidate lists that are the same for every reader — the trending pools, newcomers' notes, and
 * the hottest notes of each topic — fetched and hydrated once per TTL per app instance and shared.
 * A reader's own sources (people they follow, authors they engaged with) are not cached here.
 */
export class CandidatePools {
  private shared: Entry<{ trending: HydratedRow[]; popular: HydratedRow[]; newcomers: HydratedRow[] }> | null = null;
  private readonly topics = new Map<string, Entry<HydratedRow[]>>();

  constructor(
    private readonly db: Executor,
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {}

  /** Forgets everything (a note appeared or went away in this process). */
  invalidate(): void {
    this.shared = null;
    this.topics.clear();
  }

  /** Hot now, most engaged this week, and newcomers' recent notes. */
  pools() {
    const now = this.now();
    if (!this.shared || now - this.shared.at > this.ttlMs) {
      const value = Promise.all([
        repo.hotPool(this.db, POOL_SIZES.trending).then((r) => hydrateRows(this.db, r)),
        repo.popularPool(this.db, now - POOL_SIZES.popularDays * DAY, POOL_SIZES.popular).then((r) => hydrateRows(this.db, r)),
        repo
          .newcomerPool(this.db, now - RANKING.newcomerDays * DAY, POOL_SIZES.newcomerScan, POOL_SIZES.newcomers)
          .then((r) => hydrateRows(this.db, r)),
      ]).then(([trending, popular, newcomers]) => ({ trending, popular, newcomers }));
      const entry = { at: now, value };
      this.shared = entry;
      value.catch(() => {
        if (this.shared === entry) this.shared = null; // a failed fetch is not kept: the next reader tries again
      });
    }
    return this.shared.value;
  }

  /** The hottest notes of one topic. */
  topic(hashtagId: string): Promise<HydratedRow[]> {
    const now = this.now();
    const hit = this.topics.get(hashtagId);
    if (hit && now - hit.at <= this.ttlMs) return hit.value;
    if (this.topics.size >= MAX_TOPICS) this.topics.delete(this.topics.keys().next().value!);
    const value = repo.hotInTopic(this.db, hashtagId, POOL_SIZES.perTopic).then((r) => hydrateRows(this.db, r));
    const entry = { at: now, value };
    this.topics.delete(hashtagId); // re-inserted last: the Map's order is the eviction order
    this.topics.set(hashtagId, entry);
    value.catch(() => {
      if (this.topics.get(hashtagId) === entry) this.topics.delete(hashtagId);
    });
    return value;
  }
}
