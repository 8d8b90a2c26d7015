import type { NoteCard } from '../../api/types.js';

/** Card height relative to its width: the cover's shape (kept between 3:4 tall and 4:3 wide) plus the caption. */
export function cardHeight(card: NoteCard): number {
  const caption = 0.42;
  if (!card.cover) return 0.9 + caption;
  const ratio = card.cover.height / Math.max(1, card.cover.width);
  return Math.min(4 / 3, Math.max(3 / 4, ratio)) + caption;
}

/**
 * Deals cards into columns, each to the currently shortest one. Earlier cards never move when
 * more arrive, so infinite scroll does not reshuffle what the reader has seen.
 */
export function distribute<T extends NoteCard>(cards: T[], columns: number): T[][] {
  const cols: T[][] = Array.from({ length: columns }, () => []);
  const heights = new Array<number>(columns).fill(0);
  for (const card of cards) {
    let shortest = 0;
    for (let i = 1; i < columns; i++) if (heights[i]! < heights[shortest]! - 0.01) shortest = i;
    cols[shortest]!.push(card);
    heights[shortest]! += cardHeight(card);
  }
  return cols;
}
