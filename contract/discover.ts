import { type Static, Type } from 'typebox';
import { Cursor, Id, Page } from './common.js';
import { LIMITS } from './limits.js';
import { NoteCard } from './notes.js';

export const DiscoverMode = Type.Union([Type.Literal('for_you'), Type.Literal('chronological')]);
export type DiscoverMode = Static<typeof DiscoverMode>;

export const DiscoverQuery = Type.Object(
  {
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.page.max })),
    /** Overrides the saved mode for this request (the web's "Latest" tab). */
    mode: Type.Optional(DiscoverMode),
  },
  { additionalProperties: false },
);
export type DiscoverQuery = Static<typeof DiscoverQuery>;

export const ReasonKind = Type.Union([
  Type.Literal('following'),
  Type.Literal('engaged_topic'),
  Type.Literal('interest'),
  Type.Literal('engaged_author'),
  Type.Literal('trending'),
  Type.Literal('other_language'),
  Type.Literal('newcomer'),
  Type.Literal('latest'),
]);
export type ReasonKind = Static<typeof ReasonKind>;

/**
 * One real reason the pipeline had for showing a note, in data: clients word it in the reader's
 * language. `handle` names the author (following, engaged_author); `topic` the hashtag
 * (engaged_topic, interest); `lang` and `via` the note's language and how the reader can read it.
 */
export const Reason = Type.Object({
  kind: ReasonKind,
  handle: Type.Optional(Type.String()),
  topic: Type.Optional(Type.String()),
  lang: Type.Optional(Type.String()),
  via: Type.Optional(Type.Union([Type.Literal('translation'), Type.Literal('gloss')])),
});
export type Reason = Static<typeof Reason>;

export const DiscoverItem = Type.Object({ ...NoteCard.properties, reasons: Type.Array(Reason) });
export type DiscoverItem = Static<typeof DiscoverItem>;

export const DiscoverPage = Type.Object({ ...Page(DiscoverItem).properties, mode: DiscoverMode });
export type DiscoverPage = Static<typeof DiscoverPage>;

export const FeedPreferences = Type.Object({
  /** Percent (0–100) of Discover that may be in languages the reader does not speak. */
  otherLanguageShare: Type.Integer({ minimum: 0, maximum: 100 }),
  mode: DiscoverMode,
});
export type FeedPreferences = Static<typeof FeedPreferences>;

export const UpdateFeedPreferencesBody = Type.Object(
  {
    otherLanguageShare: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    mode: Type.Optional(DiscoverMode),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateFeedPreferencesBody = Static<typeof UpdateFeedPreferencesBody>;

/** "Not interested": in one note, or in a topic (by name, with or without #). */
export const NotInterestedBody = Type.Union([
  Type.Object({ noteId: Id }, { additionalProperties: false }),
  Type.Object({ topic: Type.String({ minLength: 1, maxLength: LIMITS.hashtagChars * 4 + 1 }) }, { additionalProperties: false }),
]);
export type NotInterestedBody = Static<typeof NotInterestedBody>;

export const NotInterestedItem = Type.Object({
  kind: Type.Union([Type.Literal('note'), Type.Literal('topic')]),
  /** The note id, or the topic's name. */
  target: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export const NotInterestedList = Type.Object({ items: Type.Array(NotInterestedItem) });
export type NotInterestedList = Static<typeof NotInterestedList>;
