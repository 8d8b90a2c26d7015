import type { Facet } from '../../../contract/facets.js';
import { LIMITS } from '../../../contract/limits.js';
import { titleUnits } from '../../../contract/title-units.js';
import type { Executor } from '../../db/database.js';
import { badRequest } from '../../errors.js';
import { cleanText } from '../../text/clean.js';
import { buildFacets, distinctTags, parseText } from '../../text/facets.js';
import { resolveMentions } from '../social/mentions.js';

/** A cleaned title: single line, at most LIMITS.noteTitleUnits RedNote units. */
export function cleanTitle(raw: string): string {
  // Code points are only a transport bound here; the unit count below is the real rule.
  const title = cleanText(raw, { field: 'title', max: LIMITS.noteTitleUnits * 4, allowEmpty: true });
  const units = titleUnits(title);
  if (units > LIMITS.noteTitleUnits) throw badRequest('title_too_long', { units, limit: LIMITS.noteTitleUnits }, 'title');
  return title;
}

export function cleanBody(raw: string): string {
  return cleanText(raw, { field: 'body', max: LIMITS.noteBodyChars, multiline: true, allowEmpty: true });
}

export function cleanLocation(raw: string | null): string | null {
  if (raw === null) return null;
  const label = cleanText(raw, { field: 'locationLabel', max: LIMITS.locationLabel.max, allowEmpty: true });
  return label === '' ? null : label;
}

export function cleanAlt(raw: string | undefined, index: number): string {
  return cleanText(raw ?? '', { field: `images.${index}.alt`, max: LIMITS.altText.max, allowEmpty: true });
}

export interface BodyFacets {
  facets: Facet[];
  /** Distinct hashtags in order of appearance, first spelling kept. */
  tags: string[];
  /** Users mentioned, other than the author, in order of appearance. */
  mentionedUserIds: string[];
}

/**
 * Parses hashtags and @mentions out of a cleaned body and resolves mentions to existing users.
 * Unknown handles, the author's own handle and people across a block stay plain text.
 */
export async function bodyFacets(db: Executor, authorId: string, body: string): Promise<BodyFacets> {
  const parsed = parseText(body);
  const tags = distinctTags(parsed);
  if (tags.length > LIMITS.noteHashtags) throw badRequest('too_many_hashtags', { limit: LIMITS.noteHashtags }, 'body');
  const handles = [...new Set(parsed.mentions.map((m) => m.handle.toLowerCase()))];
  if (handles.length > LIMITS.noteMentions) throw badRequest('too_many_mentions', { limit: LIMITS.noteMentions }, 'body');

  const byHandle = await resolveMentions(db, authorId, parsed);
  const facets = buildFacets(parsed, byHandle);
  const mentionedUserIds = [
    ...new Set(facets.flatMap((f) => (f.type === 'mention' && f.userId !== authorId ? [f.userId] : []))),
  ];
  return { facets, tags, mentionedUserIds };
}

/** Hashtag names of a stored facet list, distinct case-insensitively, in order. */
export function tagsOfFacets(facets: Facet[]): string[] {
  const seen = new Map<string, string>();
  for (const f of facets) if (f.type === 'hashtag' && !seen.has(f.tag.toLowerCase())) seen.set(f.tag.toLowerCase(), f.tag);
  return [...seen.values()];
}
