/**
 * Title length as RedNote counts it: a CJK character (or any non-ASCII character, emoji included)
 * counts 1, an ASCII character ½. Counted per grapheme so a family emoji is one, not seven.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function titleUnits(title: string): number {
  let halfUnits = 0;
  for (const { segment } of segmenter.segment(title)) {
    halfUnits += segment.length === 1 && segment.charCodeAt(0) < 0x80 ? 1 : 2;
  }
  return halfUnits / 2;
}
