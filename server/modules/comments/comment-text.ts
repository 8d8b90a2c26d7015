import type { Facet } from '../../../contract/facets.js';
import { LIMITS } from '../../../contract/limits.js';
import type { Executor } from '../../db/database.js';
import { badRequest } from '../../errors.js';
import { cleanText } from '../../text/clean.js';
import { buildFacets, parseText } from '../../text/facets.js';
import { resolveMentions } from '../social/mentions.js';
import type { StickerCatalog } from '../stickers/stickers.catalog.js';
import { stickerFacets } from '../stickers/stickers.facets.js';

export interface CommentText {
  body: string;
  facets: Facet[];
  /** People mentioned, other than the author and anyone across a block, in order of appearance. */
  mentionedUserIds: string[];
}

/**
 * Cleans a comment body and finds its facets: @mentions resolved to people (unknown handles and
 * people across a block stay plain text), hashtags, links, and sticker codes such as [laugh].
 */
export async function commentText(db: Executor, authorId: string, raw: string, stickers: StickerCatalog): Promise<CommentText> {
  const body = cleanText(raw, { field: 'body', max: LIMITS.commentChars, multiline: true });
  const parsed = parseText(body);
  const handles = [...new Set(parsed.mentions.map((m) => m.handle.toLowerCase()))];
  if (handles.length > LIMITS.commentMentions) throw badRequest('too_many_mentions', { limit: LIMITS.commentMentions }, 'body');
  const byHandle = await resolveMentions(db, authorId, parsed);
  const textFacets = buildFacets(parsed, byHandle);
  // A bracket code inside a link stays part of the link.
  const overlaps = (s: Facet) => textFacets.some((f) => s.start < f.end && f.start < s.end);
  const facets = [...textFacets, ...stickerFacets(body, stickers).filter((s) => !overlaps(s))].sort((a, b) => a.start - b.start);
  const mentionedUserIds = [...new Set(facets.flatMap((f) => (f.type === 'mention' && f.userId !== authorId ? [f.userId] : [])))];
  return { body, facets, mentionedUserIds };
}
