import type { Suggestion, SuggestionQuery } from '../../../contract/corner.js';
import { LIMITS } from '../../../contract/limits.js';
import type { AppContext } from '../../context.js';
import { languagesOf } from '../accounts/accounts.repo.js';
import { userSummaries } from '../accounts/accounts.views.js';
import { blockedEitherWay } from '../social/relations.repo.js';
import { baseLang, type MatchPerson, rankCandidates } from './matching.js';
import * as repo from './partners.repo.js';
import { decodeAvailability } from './time-zone.js';

/** How many open profiles are ranked per request; the shortlist is the most recently updated. */
const SHORTLIST = 1000;

async function people(ctx: AppContext, ids: string[]): Promise<Map<string, MatchPerson & { region: string | null }>> {
  const db = ctx.database.db;
  const [rows, langs, interests] = await Promise.all([repo.peopleRows(db, ids), languagesOf(db, ids), repo.interestsOf(db, ids)]);
  const out = new Map<string, MatchPerson & { region: string | null }>();
  for (const r of rows) {
    out.set(r.id, {
      id: r.id,
      native: [],
      learning: new Map(),
      interests: [],
      timeZone: r.time_zone ?? 'UTC',
      availability: r.availability ? decodeAvailability(r.availability) : [],
      createdAt: Number(r.created_at),
      lastActiveAt: r.last_active_at === null ? null : Number(r.last_active_at),
      partnerCount: Number(r.partner_count ?? 0),
      region: r.region,
    });
  }
  for (const l of langs) {
    const p = out.get(l.user_id);
    if (!p) continue;
    if (l.kind === 'native') p.native.push(l.lang);
    else p.learning.set(l.lang, l.level ?? 1);
  }
  for (const i of interests) out.get(i.user_id)?.interests.push(i.tag);
  return out;
}

/**
 * Language partners for the viewer: people native in what the viewer learns, ranked (see
 * matching.ts), never anyone across a block, anyone the viewer reported, or an existing partner.
 */
export async function suggestionsView(ctx: AppContext, viewerId: string, query: SuggestionQuery): Promise<Suggestion[]> {
  const db = ctx.database.db;
  const me = (await people(ctx, [viewerId])).get(viewerId);
  if (!me) return [];
  let langs = [...me.learning.keys()];
  if (query.lang) langs = langs.filter((l) => baseLang(l) === baseLang(query.lang!));
  const [blocked, reported, linked] = await Promise.all([blockedEitherWay(db, viewerId), repo.reportedBy(db, viewerId), repo.linkedTo(db, viewerId)]);
  const ids = await repo.candidateIds(db, { langs, exclude: [viewerId, ...blocked, ...reported, ...linked], region: query.region, cap: SHORTLIST });
  const candidates = await people(ctx, ids);
  let ranked = rankCandidates(me, [...candidates.values()], ctx.clock.now());
  if (query.minLevel !== undefined || query.maxLevel !== undefined) {
    const lo = query.minLevel ?? 1;
    const hi = query.maxLevel ?? 5;
    ranked = ranked.filter((s) => s.reasons.learning.some((l) => l.level >= lo && l.level <= hi));
  }
  ranked = ranked.slice(0, query.limit ?? LIMITS.partners.suggestions);
  const users = await userSummaries(db, ranked.map((s) => s.id));
  return ranked.flatMap((s) => {
    const user = users.get(s.id);
    const person = candidates.get(s.id)!;
    return user ? [{ user, region: person.region, timeZone: person.timeZone, score: s.score, reasons: s.reasons }] : [];
  });
}
