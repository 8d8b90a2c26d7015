import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { localeOf } from '../../plugins/locale.js';
import { regionOf } from '../../plugins/region.js';

/**
 * What a list needs to apply regional rules to its cards (ADR 0011): the viewer's region, whether a
 * restricted note becomes a placeholder naming the rule or is left out, and rule titles in the
 * viewer's language. Built once per request; null when there is no region (nothing changes then).
 */
export interface RegionGate {
  region: string;
  /** 'placeholder' where a person looks for something specific; 'omit' in recommendations. */
  mode: 'placeholder' | 'omit';
  ruleTitle(ruleId: string): string;
}

/** The columns of a notes row the check reads (already in every batch select of notes). */
export interface RegionalColumns {
  author_id: string;
  region_rule_id?: string | null | undefined;
  restricted_regions?: string | null | undefined;
}

/**
 * The regional rule restricting this note for this viewer, or null. Authors always see their own
 * notes; without a region nothing is restricted. No query: the columns are on the row.
 */
export function restrictingRule(note: RegionalColumns, viewerId: string | null, region: string | null): string | null {
  if (!region || !note.region_rule_id || note.author_id === viewerId) return null;
  return (JSON.parse(note.restricted_regions ?? '[]') as string[]).includes(region) ? note.region_rule_id : null;
}

/** The gate for this request, or null when the operator set no region header or none came. */
export async function regionGate(ctx: AppContext, request: FastifyRequest, mode: RegionGate['mode']): Promise<RegionGate | null> {
  const region = regionOf(request, ctx.config.moderation.regionHeader);
  if (!region) return null;
  // The rules are cached per node (RULES_TTL_MS), so this is usually no query at all.
  const rules = await ctx.rules.current();
  const locale = localeOf(request);
  return { region, mode, ruleTitle: (id) => rules.title(id, locale) };
}
