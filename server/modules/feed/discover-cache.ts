import type { Executor } from '../../db/database.js';

/** A public note on Discover's first page, with what per-viewer filtering needs. */
export interface SkeletonRow {
  id: string;
  author_id: string;
  created_at: number;
  hot_score: number;
}

/** Rows kept beyond the page so a viewer's blocks rarely force a fresh query. */
const SLACK = 16;
/** Page sizes remembered at once (pageLimit allows 1–50; clients use one or two). */
const MAX_ENTRIES = 8;

/**
 * Discover's first page is the same for everyone but blocks and likedByMe, so its skeleton (public
 * note ids in hot order) is kept for a short TTL per app instance; each viewer's blocks are applied
 * and likedByMe hydrated per request. Staleness is bounded by the TTL (ADR 0004) and cut short by
 * note events in this process; hydration re-reads every note, so a note deleted or made non-public
 * meanwhile is dropped, never shown.
 */
export class DiscoverCache {
  private readonly entries = new Map<number, { at: number; rows: Promise<SkeletonRow[]> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The first `limit + 1 + SLACK` public notes by hot_score; one query per TTL per page size, shared by concurrent callers. */
  skeleton(db: Executor, limit: number): Promise<SkeletonRow[]> {
    const t = this.now();
    const hit = this.entries.get(limit);
    if (hit && t - hit.at < this.ttlMs) return hit.rows;
    const rows = db
      .selectFrom('notes')
      .select(['notes.id', 'notes.author_id', 'notes.created_at', 'notes.hot_score'])
      .where('notes.visibility', '=', 'public')
      .orderBy('notes.hot_score', 'desc')
      .orderBy('notes.id', 'desc')
      .limit(limit + 1 + SLACK)
      .execute();
    if (this.entries.size >= MAX_ENTRIES && !this.entries.has(limit)) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(limit, { at: t, rows });
    rows.catch(() => {
      if (this.entries.get(limit)?.rows === rows) this.entries.delete(limit);
    });
    return rows;
  }

  /** Forgets every skeleton (a note appeared, changed or went away in this process). */
  clear(): void {
    this.entries.clear();
  }
}
