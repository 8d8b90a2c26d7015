import { type Static, Type } from 'typebox';
import { LIMITS } from './limits.js';

/** A hashtag as it appears in a URL, with or without its leading #. */
export const TopicParams = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: LIMITS.hashtagChars * 4 + 1 }) },
  { additionalProperties: false },
);

export const HandleParams = Type.Object({ handle: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

export const TopicSort = Type.Union([Type.Literal('hot'), Type.Literal('new')]);
export type TopicSort = Static<typeof TopicSort>;

export const TopicNotesQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.page.max })),
    sort: Type.Optional(TopicSort),
  },
  { additionalProperties: false },
);
export type TopicNotesQuery = Static<typeof TopicNotesQuery>;
