import { type Facet, STICKER_PATTERN } from '../../../contract/facets.js';
import type { StickerCatalog } from './stickers.catalog.js';

/** Bracket codes of known stickers as facets; unknown codes such as [citation needed] stay plain text. */
export function stickerFacets(text: string, catalog: StickerCatalog): Facet[] {
  const out: Facet[] = [];
  for (const m of text.matchAll(STICKER_PATTERN)) {
    const hit = catalog.byCode.get(m[1]!.toLowerCase());
    if (hit) out.push({ type: 'sticker', start: m.index, end: m.index + m[0].length, code: hit.code, url: hit.url });
  }
  return out;
}
