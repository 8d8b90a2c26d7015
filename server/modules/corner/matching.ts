import type { MatchReasons } from '../../../contract/corner.js';
import { toUtcHours } from './time-zone.js';

/** What matching needs to know about one person. */
export interface MatchPerson {
  id: string;
  native: string[];
  /** Language → level 1–5. */
  learning: Map<string, number>;
  interests: string[];
  timeZone: string;
  availability: number[];
  createdAt: number;
  lastActiveAt: number | null;
  partnerCount: number;
}

export interface Scored {
  id: string;
  score: number;
  reasons: MatchReasons;
}

const DAY = 24 * 60 * 60 * 1000;
/** New people (younger than this, without partners yet) get a lift so they are not buried. */
export const NEWCOMER_DAYS = 14;

/** zh-Hans and zh-Hant are both Chinese to a learner; en-GB is English. */
export const baseLang = (tag: string) => tag.split('-')[0]!.toLowerCase();

/**
 * Scores one candidate for me. Complementary pairs (they speak what I learn AND learn what I speak)
 * come first by a wide margin; then shared interests, shared free hours, balanced levels, recent
 * activity, and a newcomer lift. Every point is explained by a reason the person can read.
 */
export function scoreCandidate(me: MatchPerson, them: MatchPerson, now: number): Scored | null {
  const myLearning = new Map([...me.learning].map(([lang, level]) => [baseLang(lang), level]));
  const myNative = new Set(me.native.map(baseLang));
  const speaksNatively = them.native.filter((l) => myLearning.has(baseLang(l)));
  if (!speaksNatively.length) return null;
  const learning = [...them.learning].filter(([l]) => myNative.has(baseLang(l))).map(([lang, level]) => ({ lang, level }));
  const mine = new Set(me.interests.map((i) => i.toLowerCase()));
  const sharedInterests = them.interests.filter((i) => mine.has(i.toLowerCase()));
  const myHours = toUtcHours(me.availability, me.timeZone, now);
  let overlapHours = 0;
  for (const h of toUtcHours(them.availability, them.timeZone, now)) if (myHours.has(h)) overlapHours++;
  const activeRecently = them.lastActiveAt !== null && now - them.lastActiveAt < 7 * DAY;
  const newcomer = now - them.createdAt < NEWCOMER_DAYS * DAY && them.partnerCount === 0;

  let score = 0;
  if (learning.length) {
    score += 40;
    // An exchange works best when both are about as far along in each other's language.
    const theirs = Math.max(...learning.map((l) => l.level));
    const myLevels = speaksNatively.map((l) => myLearning.get(baseLang(l)) ?? 1);
    score += Math.max(0, 10 - 3 * Math.abs(theirs - Math.max(...myLevels)));
  }
  score += Math.min(sharedInterests.length, 5) * 5;
  score += Math.min(overlapHours, 20);
  if (them.lastActiveAt !== null) score += now - them.lastActiveAt < DAY ? 10 : activeRecently ? 5 : 0;
  if (newcomer) score += 8;
  return { id: them.id, score, reasons: { speaksNatively, learning, sharedInterests, overlapHours, activeRecently, newcomer } };
}

/** Candidates ranked best first (ties by id, so the order is stable). */
export function rankCandidates(me: MatchPerson, candidates: MatchPerson[], now: number): Scored[] {
  return candidates
    .map((c) => scoreCandidate(me, c, now))
    .filter((s): s is Scored => s !== null)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
