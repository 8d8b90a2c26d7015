import { type Static, Type } from 'typebox';
import { Cursor, Page, UserSummary } from './common.js';
import { LIMITS } from './limits.js';
import { NoteCard, NoteType, Topic } from './notes.js';

/** What someone typed. Anything is accepted (it is only ever treated as text); long input is cut. */
export const SearchText = Type.String({ maxLength: LIMITS.search.queryMaxChars });

export const SearchSort = Type.Union([
  Type.Literal('relevance'),
  Type.Literal('likes'),
  Type.Literal('newest'),
  Type.Literal('comments'),
  Type.Literal('collects'),
]);
export type SearchSort = Static<typeof SearchSort>;

export const SearchTime = Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('half_year')]);
export type SearchTime = Static<typeof SearchTime>;

export const SearchNotesQuery = Type.Object(
  {
    q: Type.Optional(SearchText),
    sort: Type.Optional(SearchSort),
    type: Type.Optional(NoteType),
    time: Type.Optional(SearchTime),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.page.max })),
  },
  { additionalProperties: false },
);
export type SearchNotesQuery = Static<typeof SearchNotesQuery>;

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(SearchText),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.page.max })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const TypeaheadQuery = Type.Object({ q: Type.Optional(SearchText) }, { additionalProperties: false });

/**
 * How a result matched: by its own words, by a pinyin reading of a name (xhs → 小红书), or only
 * through a dictionary translation of the query (hot pot → 火锅). The web labels `translation`.
 */
export const MatchedVia = Type.Union([Type.Literal('text'), Type.Literal('pinyin'), Type.Literal('translation')]);
export type MatchedVia = Static<typeof MatchedVia>;

/** A span to highlight, in UTF-16 offsets into the field it belongs to. */
export const HighlightRange = Type.Object({ start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }) });
export type HighlightRange = Static<typeof HighlightRange>;
const Ranges = Type.Array(HighlightRange);

export const NoteHit = Type.Object({
  note: NoteCard,
  matchedVia: MatchedVia,
  highlights: Type.Object({ title: Ranges, excerpt: Ranges }),
});
export type NoteHit = Static<typeof NoteHit>;
export const NoteHitPage = Page(NoteHit);
export type NoteHitPage = Static<typeof NoteHitPage>;

export const UserHit = Type.Object({
  user: UserSummary,
  bio: Type.String(),
  followerCount: Type.Integer(),
  noteCount: Type.Integer(),
  matchedVia: MatchedVia,
  highlights: Type.Object({ handle: Ranges, displayName: Ranges, bio: Ranges }),
});
export type UserHit = Static<typeof UserHit>;
export const UserHitPage = Page(UserHit);
export type UserHitPage = Static<typeof UserHitPage>;

export const TopicHit = Type.Object({
  topic: Topic,
  matchedVia: MatchedVia,
  highlights: Type.Object({ name: Ranges }),
});
export type TopicHit = Static<typeof TopicHit>;
export const TopicHitPage = Page(TopicHit);
export type TopicHitPage = Static<typeof TopicHitPage>;

export const Typeahead = Type.Object({ users: Type.Array(UserHit), topics: Type.Array(TopicHit) });
export type Typeahead = Static<typeof Typeahead>;

export const TrendingTopic = Type.Object({
  name: Type.String(),
  noteCount: Type.Integer(),
  viewCount: Type.Integer(),
  commentCount: Type.Integer(),
  /** Public notes that used the topic in the trending window. */
  recentNotes: Type.Integer(),
});
export type TrendingTopic = Static<typeof TrendingTopic>;
export const TrendingTopics = Type.Object({ items: Type.Array(TrendingTopic) });
export type TrendingTopics = Static<typeof TrendingTopics>;
