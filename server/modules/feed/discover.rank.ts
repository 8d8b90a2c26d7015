import type { Reason } from '../../../contract/discover.js';
import type { CandidateRow } from './discover.repo.js';
import type { ViewerSignals } from './discover.signals.js';

/**
 * The pure half of Discover: score hydrated candidates for one reader, say why, and arrange them
 * into pages that keep authors, topics and the reader's language mix apart. No I/O here, so the
 * offline evaluation (bench/discover-eval.ts) runs exactly this code.
 */

/** Where a candidate came from; a note found by several sources carries them all. */
export type Source = 'following' | 'topic' | 'author' | 'trending' | 'newcomer';

export interface Candidate {
  row: CandidateRow;
  sources: Set<Source>;
  /** [hashtag id, name] of the note's topics. */
  tags: Array<[string, string]>;
  authorHandle: string;
  authorJoinedAt: number;
  /** How a reader who does not speak the note's language can read it; null when they speak it. */
  readVia: 'translation' | 'gloss' | null;
}

export interface Ranked {
  id: string;
  authorId: string;
  /** The first topic, for variety on a page. */
  topic: string | null;
  /** Every topic of the note ([id, name], shared with the candidate), so presentation can drop a topic hidden after ranking. */
  tags: ReadonlyArray<readonly [string, string]>;
  otherLanguage: boolean;
  /** From someone who joined recently and came in through the newcomer pool. */
  newcomer: boolean;
  score: number;
  reasons: Reason[];
}

export const RANKING = {
  /** Hours over which freshness halves roughly (exp decay constant). */
  freshnessHours: 48,
  /** Someone who joined this recently gets a fair start. */
  newcomerDays: 14,
  weights: { interest: 1, velocity: 0.15, freshness: 0.05, newcomer: 0.05, popularity: 0.8 },
  /** At most this many notes of one topic on a page (a soft rule: relaxed before a page goes short). */
  perTopicPerPage: 2,
  /** The page position (0-based) by which a newcomer's note is placed when there is one: a fair start. */
  newcomerSlot: 3,
} as const;

const HOUR = 3_600_000;

/** Likes, collects (×2) and comments (×3): what "most engaged" orders by, here and in discover.repo.ts. */
export function engagement(r: CandidateRow): number {
  return r.like_count + 2 * r.collect_count + 3 * r.comment_count;
}

/** Scores every candidate and records the reasons that actually contributed. Highest first. */
export function rank(candidates: Candidate[], signals: ViewerSignals, now: number): Ranked[] {
  const velocity = (c: Candidate) => Math.log1p(engagement(c.row) / (Math.max(0, now - c.row.created_at) / HOUR + 2));
  const maxVelocity = Math.max(1e-9, ...candidates.map(velocity));
  const maxPopularity = Math.max(1e-9, ...candidates.map((c) => engagement(c.row)));
  const w = RANKING.weights;
  const out: Ranked[] = [];
  for (const c of candidates) {
    const reasons: Reason[] = [];
    const ageHours = Math.max(0, now - c.row.created_at) / HOUR;
    const followed = signals.follows.has(c.row.author_id);
    if (followed) reasons.push({ kind: 'following', handle: c.authorHandle });

    // The strongest of the note's topics for this reader names the reason.
    let topicWeight = 0;
    let topicReason: Reason | null = null;
    for (const [id, name] of c.tags) {
      const t = signals.topics.get(id);
      if (t && t.weight > topicWeight) {
        topicWeight = t.weight;
        topicReason = { kind: t.declared ? 'interest' : 'engaged_topic', topic: name };
      }
    }
    if (topicReason) reasons.push(topicReason);
    const authorWeight = followed ? 1 : (signals.authors.get(c.row.author_id) ?? 0);
    if (!followed && authorWeight > 0) reasons.push({ kind: 'engaged_author', handle: c.authorHandle });
    const interest = Math.max(topicWeight, 0.8 * authorWeight);

    const newcomer = now - c.authorJoinedAt < RANKING.newcomerDays * 24 * HOUR;
    if (newcomer && c.sources.has('newcomer')) reasons.push({ kind: 'newcomer' });
    const vel = velocity(c) / maxVelocity;
    // Linear, not logarithmic: a note ten times as liked is about ten times as likely to be liked again.
    const popularity = engagement(c.row) / maxPopularity;
    if (c.sources.has('trending') && reasons.length === 0) reasons.push({ kind: 'trending' });
    if (c.readVia) reasons.push({ kind: 'other_language', lang: c.row.lang ?? undefined, via: c.readVia });

    // How good the note is for anyone, then how much more it suits this reader: interest multiplies
    // (a favourite topic makes a good note better, it does not make a poor one good).
    const quality = w.velocity * vel + w.popularity * popularity + w.freshness * Math.exp(-ageHours / RANKING.freshnessHours);
    const score = quality * (1 + w.interest * interest) + w.newcomer * (newcomer ? 1 - popularity : 0);
    out.push({
      id: c.row.id,
      authorId: c.row.author_id,
      topic: c.tags[0]?.[0] ?? null,
      tags: c.tags,
      otherLanguage: c.readVia !== null,
      newcomer: newcomer && c.sources.has('newcomer'),
      score,
      reasons,
    });
  }
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : -1));
}

/**
 * Orders ranked notes into pages of `pageSize`: no author twice on a page, at most
 * `perTopicPerPage` notes of one topic (relaxed before a page would go short), and notes in other
 * languages spread through each page at `otherShare` percent (0 leaves them out entirely). When one
 * side runs out the other fills the page, so a reader is never shown less than there is. A
 * newcomer's note, when there is one, takes a place near the top of every page. A page
 * ends early when only authors already on it remain (in a small community, pages can be short).
 */
export function arrange(ranked: Ranked[], pageSize: number, otherShare: number): Ranked[][] {
  const pages = new PageArranger(ranked, pageSize, otherShare);
  const out: Ranked[][] = [];
  for (let page = pages.next(); page; page = pages.next()) out.push(page);
  return out;
}

/** What arranging needs of a ranked note; pages keep whatever else the caller stored with it. */
export type Arrangeable = Pick<Ranked, 'authorId' | 'topic' | 'otherLanguage' | 'newcomer'>;

/**
 * `arrange`, one page at a time: a reader reads the first page or two of a list of ~600, so
 * arranging the rest up front was wasted work on every cold ranking. Pages come out exactly as
 * `arrange` would make them, in order. With `maxPages`, each language's queue keeps only the notes
 * that many pages can use (its share of them), so a list kept for paging stays small.
 */
export class PageArranger<T extends Arrangeable = Ranked> {
  private readonly mine: T[];
  private readonly other: T[];

  constructor(
    ranked: T[],
    private readonly pageSize: number,
    private readonly otherShare: number,
    maxPages = Number.POSITIVE_INFINITY,
  ) {
    const room = pageSize * maxPages;
    this.mine = ranked.filter((r) => !r.otherLanguage).slice(0, room);
    this.other = otherShare > 0 ? ranked.filter((r) => r.otherLanguage).slice(0, Math.ceil((room * otherShare) / 100)) : [];
  }

  /** Whether another page remains. */
  get more(): boolean {
    return this.mine.length > 0 || this.other.length > 0;
  }

  /** The next page, or null when every note has been placed. */
  next(): T[] | null {
    const { mine, other, pageSize, otherShare } = this;
    if (!this.more) return null;
    const page: T[] = [];
    const authors = new Set<string>();
    const topics = new Map<string, number>();
    let takenOther = 0;
    while (page.length < pageSize && (mine.length || other.length)) {
      // Other-language notes are due when the page is behind its share at this slot.
      const due = takenOther < Math.floor(((page.length + 1) * otherShare) / 100);
      const order = due ? [other, mine] : [mine, other];
      const newcomerDue = page.length === RANKING.newcomerSlot && !page.some((r) => r.newcomer);
      const pick =
        (newcomerDue ? takeFitting(order, authors, topics, false, true) : null) ??
        takeFitting(order, authors, topics, true) ??
        takeFitting(order, authors, topics, false);
      // Only authors already on this page remain: they start the next page (the first pick always fits).
      if (!pick) break;
      if (pick.otherLanguage) takenOther++;
      authors.add(pick.authorId);
      if (pick.topic) topics.set(pick.topic, (topics.get(pick.topic) ?? 0) + 1);
      page.push(pick);
    }
    return page;
  }
}

function takeFitting<T extends Arrangeable>(
  queues: T[][],
  authors: Set<string>,
  topics: Map<string, number>,
  strictTopics: boolean,
  newcomersOnly = false,
): T | null {
  for (const q of queues) {
    const i = q.findIndex(
      (r) =>
        (!newcomersOnly || r.newcomer) &&
        !authors.has(r.authorId) &&
        (!strictTopics || !r.topic || (topics.get(r.topic) ?? 0) < RANKING.perTopicPerPage),
    );
    if (i >= 0) return q.splice(i, 1)[0]!;
  }
  return null;
}
