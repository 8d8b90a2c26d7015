/** The #hashtag or @mention being typed at the caret, if any. */
export interface TypedToken {
  kind: 'hashtag' | 'mention';
  /** Text after the # or @. */
  query: string;
  /** Where the token (including # or @) starts and ends in the text. */
  start: number;
  end: number;
}

const HASHTAG_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const MENTION_CHAR = /[A-Za-z0-9_.]/;

/** Finds the token that ends at the caret: "#旅" or "@ali" (a bare "#" or "@" suggests too). */
export function tokenAt(text: string, caret: number): TypedToken | null {
  let i = caret;
  while (i > 0) {
    const ch = text[i - 1]!;
    if (ch === '#' || ch === '@') break;
    if (!HASHTAG_CHAR.test(ch) && !MENTION_CHAR.test(ch)) return null;
    i--;
  }
  if (i === 0) return null;
  const sigil = text[i - 1]!;
  const query = text.slice(i, caret);
  const before = text[i - 2];
  if (sigil === '@') {
    // An email address is not a mention.
    if (before && /[\p{L}\p{N}_.]/u.test(before)) return null;
    if (![...query].every((c) => MENTION_CHAR.test(c))) return null;
    return { kind: 'mention', query, start: i - 1, end: caret };
  }
  if (![...query].every((c) => HASHTAG_CHAR.test(c))) return null;
  return { kind: 'hashtag', query, start: i - 1, end: caret };
}

/** Replaces the token with the chosen value and a trailing space; returns the text and the new caret. */
export function applySuggestion(text: string, token: TypedToken, value: string): { text: string; caret: number } {
  const sigil = token.kind === 'hashtag' ? '#' : '@';
  const insert = `${sigil}${value} `;
  return { text: text.slice(0, token.start) + insert + text.slice(token.end), caret: token.start + insert.length };
}
