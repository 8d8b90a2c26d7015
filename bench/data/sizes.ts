/** The benchmark community sizes (issue 4). Proportions are shared; only the scale changes. */
export interface SizeSpec {
  name: string;
  people: number;
  notes: number;
  /** Mean likes per note (log-normal, heavy-tailed). */
  likesPerNote: number;
  /** Mean accounts each person follows (log-normal). */
  followsPerPerson: number;
  /** People with a pre-created session the scenarios sign in as. */
  sessions: number;
}

export const SIZES: Record<string, SizeSpec> = {
  smoke: { name: 'smoke', people: 200, notes: 1_000, likesPerNote: 4, followsPerPerson: 12, sessions: 50 },
  S: { name: 'S', people: 10_000, notes: 100_000, likesPerNote: 10, followsPerPerson: 20, sessions: 1_000 },
  M: { name: 'M', people: 100_000, notes: 1_000_000, likesPerNote: 10, followsPerPerson: 25, sessions: 2_000 },
  L: { name: 'L', people: 1_000_000, notes: 10_000_000, likesPerNote: 5, followsPerPerson: 30, sessions: 5_000 },
};

/** Mean collects and comments per like: RedNote-like apps see roughly one collect per five likes. */
export const COLLECTS_PER_LIKE = 0.2;
export const COMMENTS_PER_LIKE = 0.15;
/** Share of comments that are replies to another comment (two levels only). */
export const REPLY_SHARE = 0.25;

/** The one password every generated person shares (hashed once, reused for every row). */
export const BENCH_PASSWORD = 'kuaan-bench-password';

/** Data time window: fixed, so the same seed gives byte-identical rows on any day. */
export const DATA_END_MS = Date.UTC(2026, 9, 1);
export const DATA_SPAN_MS = 365 * 24 * 3600 * 1000;
/** Pre-created sessions expire far in the future so an old generated database still signs in. */
export const SESSION_EXPIRES_MS = Date.UTC(2099, 0, 1);
