import type { Facet } from '../../../../contract/facets.js';
import type { ModerationConfig } from '../../../config.js';
import type { Executor } from '../../../db/database.js';
import type { SubjectKind } from '../../../db/schema/index.js';
import { commentFingerprint, hamming, normalizeForHash, noteFingerprint, simhash } from './simhash.js';
import type { Finding } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/**
 * Bits two fingerprints may differ in and still be "the same post". 3 is the textbook value for long
 * web pages; posts are short, so one changed word moves more of the 3-grams. Unrelated texts differ
 * in ~32 ± 4 bits, so 6 stays far from chance.
 */
const NEAR = 6;
/** Shorter texts ("thanks!", "好看") repeat innocently. */
const MIN_CHARS = 20;
/** Reposting once is normal (fix a typo, try again); the third copy within a day is spam. */
const COPIES_BEFORE_FLAG = 2;

export interface SpamInput {
  kind: SubjectKind;
  id: string;
  userId: string;
  text: string;
  facets: Facet[];
  now: number;
}

/**
 * Spam signals: exact and near-duplicate posting (SimHash), link floods, mass mentions, and the
 * tighter limits for new accounts (rate and links during their first days) that replace a blanket
 * hold. Each signal is evidence with its value and the limit it crossed.
 */
export async function spamFindings(db: Executor, cfg: ModerationConfig, p: SpamInput): Promise<Finding[]> {
  const out: Finding[] = [];
  const signal = (name: string, value: number, limit: number, confidence: number) =>
    out.push({ check: 'spam', ruleId: 'spam', confidence, evidence: [{ type: 'signal', name, value, limit }] });

  if (normalizeForHash(p.text).length >= MIN_CHARS) {
    const hash = simhash(p.text);
    // Compared with the same person's EARLIER posts (ids are time-ordered) read from the content
    // itself, so checks running in parallel on several workers see the same history and only the
    // later copies are flagged. Their fingerprints are stored with them (migration 0027) and read
    // from the author index (0028); rows written before that are fingerprinted here.
    const earlier = await earlierFingerprints(db, p);
    const copies = earlier.filter((fingerprint) => hamming(fingerprint, hash) <= NEAR).length;
    if (copies >= COPIES_BEFORE_FLAG) signal('duplicates', copies, COPIES_BEFORE_FLAG - 1, 0.85);
  }

  const links = p.facets.filter((f) => f.type === 'link').length;
  const mentions = p.facets.filter((f) => f.type === 'mention').length;
  if (links > cfg.spam.maxLinks) signal('links', links, cfg.spam.maxLinks, 0.85);
  if (mentions > cfg.spam.maxMentions) signal('mentions', mentions, cfg.spam.maxMentions, 0.85);

  const user = await db.selectFrom('users').select('created_at').where('id', '=', p.userId).executeTakeFirst();
  if (user && p.now - Number(user.created_at) < cfg.newAccount.days * DAY_MS) {
    if (links > cfg.newAccount.links) signal('new_account_links', links, cfg.newAccount.links, 0.8);
    const table = p.kind === 'comment' ? 'comments' : 'notes';
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('author_id', '=', p.userId)
      .where('created_at', '>=', p.now - HOUR_MS)
      .executeTakeFirst();
    const posts = Number(row?.n ?? 0);
    if (posts > cfg.newAccount.postsPerHour) signal('new_account_rate', posts, cfg.newAccount.postsPerHour, 0.8);
  }
  // One finding for the rule, at the strongest signal's confidence, with every signal as evidence.
  if (out.length <= 1) return out;
  return [{ check: 'spam', ruleId: 'spam', confidence: Math.max(...out.map((f) => f.confidence)), evidence: out.flatMap((f) => f.evidence) }];
}

/** The fingerprints of the author's posts of the last day before this one, newest first, up to 200. */
export async function earlierFingerprints(db: Executor, p: Pick<SpamInput, 'kind' | 'id' | 'userId' | 'now'>): Promise<string[]> {
  const table = p.kind === 'comment' ? 'comments' : 'notes';
  // Every column here is in comments_author_created / notes_author_covering: no row is read.
  const rows = await db
    .selectFrom(table)
    .select(['id', 'text_fingerprint'])
    .where('author_id', '=', p.userId)
    .where('created_at', '>=', p.now - DAY_MS)
    .where('id', '<', p.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  const missing = rows.filter((r) => r.text_fingerprint === null).map((r) => r.id);
  if (missing.length === 0) return rows.map((r) => r.text_fingerprint!);
  const computed = new Map(
    p.kind === 'comment'
      ? (await db.selectFrom('comments').select(['id', 'body']).where('id', 'in', missing).execute()).map((r) => [r.id, commentFingerprint(r.body)])
      : (await db.selectFrom('notes').select(['id', 'title', 'body']).where('id', 'in', missing).execute()).map((r) => [
          r.id,
          noteFingerprint(r.title, r.body),
        ]),
  );
  // A row deleted between the two reads has no text left to compare.
  return rows.flatMap((r) => r.text_fingerprint ?? computed.get(r.id) ?? []);
}
