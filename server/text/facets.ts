import { type Facet, HASHTAG_PATTERN, LINK_PATTERN, MENTION_PATTERN } from '../../contract/facets.js';

export interface ParsedText {
  hashtags: Array<{ start: number; end: number; tag: string }>;
  mentions: Array<{ start: number; end: number; handle: string }>;
  links: Array<{ start: number; end: number; url: string }>;
}

/** Finds hashtags, @mentions and links in plain text. Handles are resolved to users by the caller. */
export function parseText(text: string): ParsedText {
  const hashtags: ParsedText['hashtags'] = [];
  for (const m of text.matchAll(HASHTAG_PATTERN)) {
    hashtags.push({ start: m.index, end: m.index + m[0].length, tag: m[1]! });
  }
  const mentions: ParsedText['mentions'] = [];
  for (const m of text.matchAll(MENTION_PATTERN)) {
    mentions.push({ start: m.index, end: m.index + m[0].length, handle: m[1]!.replace(/\.+$/, '') });
  }
  const links: ParsedText['links'] = [];
  for (const m of text.matchAll(LINK_PATTERN)) {
    const url = m[0].replace(/[.,;:!?)]+$/, '');
    links.push({ start: m.index, end: m.index + url.length, url });
  }
  return { hashtags, mentions, links };
}

/** Builds the stored facets once mentions are resolved; unknown handles stay plain text. */
export function buildFacets(parsed: ParsedText, userIdsByHandleLower: Map<string, string>): Facet[] {
  const facets: Facet[] = [];
  for (const h of parsed.hashtags) facets.push({ type: 'hashtag', ...h });
  for (const m of parsed.mentions) {
    const userId = userIdsByHandleLower.get(m.handle.toLowerCase());
    if (userId) facets.push({ type: 'mention', start: m.start, end: m.start + 1 + m.handle.length, handle: m.handle, userId });
  }
  for (const l of parsed.links) facets.push({ type: 'link', ...l });
  return facets.sort((a, b) => a.start - b.start);
}

/** Distinct hashtags by case-insensitive name, first spelling kept, in order of appearance. */
export function distinctTags(parsed: ParsedText): string[] {
  const seen = new Map<string, string>();
  for (const h of parsed.hashtags) if (!seen.has(h.tag.toLowerCase())) seen.set(h.tag.toLowerCase(), h.tag);
  return [...seen.values()];
}
