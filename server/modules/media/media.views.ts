import type { Image } from '../../../contract/common.js';
import type { MediaTable, MediaVariant } from '../../db/schema/index.js';

/** Public URL of a stored blob; the media route serves it from whichever store is configured. */
export function mediaUrl(key: string): string {
  return `/media/${key}`;
}

/** A media row as the Image clients draw. */
export function imageDto(
  row: Pick<MediaTable, 'id' | 'width' | 'height' | 'blurhash' | 'color' | 'variants'>,
  alt = '',
): Image {
  const variants = JSON.parse(row.variants) as MediaVariant[];
  return {
    id: row.id,
    width: row.width,
    height: row.height,
    blurhash: row.blurhash,
    color: row.color,
    alt,
    variants: variants.map((v) => ({ url: mediaUrl(v.key), width: v.width, height: v.height })),
  };
}
