/**
 * Rich text is stored as plain text plus facets: ranges (UTF-16 offsets, end exclusive) that mark a
 * hashtag, a mention or a link. Clients render from these; text is never HTML.
 */
export type Facet =
  | { type: 'hashtag'; start: number; end: number; tag: string }
  | { type: 'mention'; start: number; end: number; handle: string; userId: string }
  | { type: 'link'; start: number; end: number; url: string }
  /** A sticker written as a bracket code such as [laugh] or [笑哭]; url is the image to draw instead. */
  | { type: 'sticker'; start: number; end: number; code: string; url: string };

/** Letters (any script), digits, marks, _ and emoji may form a hashtag. */
export const HASHTAG_PATTERN = /#([\p{L}\p{N}\p{M}_\p{Extended_Pictographic}]{1,32})#?/gu;
export const MENTION_PATTERN = /(?<![\p{L}\p{N}_.])@([A-Za-z0-9_.]{3,24})/gu;
/** A bracket code such as [laugh] or [笑哭]; only codes of a known sticker become facets. */
export const STICKER_PATTERN = /\[([\p{L}\p{N}_-]{1,16})\]/gu;
export const LINK_PATTERN = /\bhttps?:\/\/[^\s<>"'，。！？、）】]+/gu;

/** Splits text into runs for rendering: plain strings and faceted ranges, in order. */
export function segmentsOf(text: string, facets: Facet[]): Array<{ text: string; facet?: Facet }> {
  const sorted = [...facets].filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end).sort((a, b) => a.start - b.start);
  const out: Array<{ text: string; facet?: Facet }> = [];
  let at = 0;
  for (const facet of sorted) {
    if (facet.start < at) continue;
    if (facet.start > at) out.push({ text: text.slice(at, facet.start) });
    out.push({ text: text.slice(facet.start, facet.end), facet });
    at = facet.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
