import { type Static, Type } from 'typebox';
import { LanguageEntry } from './accounts.js';
import { HandleRef } from './chat.js';
import { Cursor, Id, Timestamp, UserSummary } from './common.js';
import { LIMITS } from './limits.js';

/** English Corner / 中文角: partner profiles, matching, partner requests, topic rooms. */

const HourOfWeek = Type.Integer({ minimum: 0, maximum: 167 });

export const PartnerProfile = Type.Object({
  open: Type.Boolean(),
  /** IANA name, e.g. Asia/Shanghai. */
  timeZone: Type.String(),
  /** Hours of the week the person is usually free, in their own time zone: 0 = Monday 00:00–01:00. */
  availability: Type.Array(HourOfWeek),
  languages: Type.Array(LanguageEntry),
  interests: Type.Array(Type.String()),
  region: Type.Union([Type.String(), Type.Null()]),
});
export type PartnerProfile = Static<typeof PartnerProfile>;

export const PartnerProfileBody = Type.Object(
  {
    open: Type.Optional(Type.Boolean()),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    availability: Type.Optional(Type.Array(HourOfWeek, { maxItems: 168 })),
    /** Shortcuts to the same fields of PATCH /api/me, so one form can save the whole partner profile. */
    languages: Type.Optional(Type.Array(LanguageEntry, { maxItems: LIMITS.languages.max })),
    interests: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: LIMITS.interests.max })),
  },
  { additionalProperties: false },
);
export type PartnerProfileBody = Static<typeof PartnerProfileBody>;

/** Why a person was suggested; the web renders it in the reader's language. */
export const MatchReasons = Type.Object({
  /** Their native languages that I am learning. */
  speaksNatively: Type.Array(Type.String()),
  /** Languages they are learning that I speak natively, with their level (1–5). */
  learning: Type.Array(Type.Object({ lang: Type.String(), level: Type.Integer() })),
  sharedInterests: Type.Array(Type.String()),
  /** Hours per week when both are usually free, across time zones. */
  overlapHours: Type.Integer(),
  activeRecently: Type.Boolean(),
  newcomer: Type.Boolean(),
});
export type MatchReasons = Static<typeof MatchReasons>;

export const Suggestion = Type.Object({
  user: UserSummary,
  region: Type.Union([Type.String(), Type.Null()]),
  timeZone: Type.String(),
  score: Type.Number(),
  reasons: MatchReasons,
});
export type Suggestion = Static<typeof Suggestion>;
export const SuggestionList = Type.Object({ items: Type.Array(Suggestion) });

export const SuggestionQuery = Type.Object(
  {
    /** Only people native in this language (one I am learning). */
    lang: Type.Optional(Type.String({ minLength: 2, maxLength: 35, pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' })),
    /** Their level in my native language, at least / at most. */
    minLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    maxLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    region: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.partners.suggestions })),
  },
  { additionalProperties: false },
);
export type SuggestionQuery = Static<typeof SuggestionQuery>;

export const PartnerRequestBody = Type.Object(
  {
    handle: HandleRef,
    message: Type.Optional(Type.String({ maxLength: LIMITS.partners.requestMessageChars * 4 })),
  },
  { additionalProperties: false },
);

export const PartnerRequest = Type.Object({
  id: Id,
  from: UserSummary,
  to: UserSummary,
  message: Type.String(),
  /** An ignored request still reads 'pending' to its sender. */
  status: Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('declined'), Type.Literal('ignored')]),
  createdAt: Timestamp,
  /** The 1:1 conversation, once accepted. */
  conversationId: Type.Union([Id, Type.Null()]),
});
export type PartnerRequest = Static<typeof PartnerRequest>;
export const PartnerRequestList = Type.Object({ items: Type.Array(PartnerRequest) });
export const RequestBoxQuery = Type.Object(
  { box: Type.Optional(Type.Union([Type.Literal('incoming'), Type.Literal('outgoing')])) },
  { additionalProperties: false },
);
export const RequestAnswerParams = Type.Object(
  { id: Id, answer: Type.Union([Type.Literal('accept'), Type.Literal('decline'), Type.Literal('ignore')]) },
  { additionalProperties: false },
);

export const Partner = Type.Object({ user: UserSummary, conversationId: Type.Union([Id, Type.Null()]), since: Timestamp });
export const PartnerList = Type.Object({ items: Type.Array(Partner) });

// ---- rooms ----
export const Room = Type.Object({
  id: Id,
  title: Type.String(),
  topic: Type.String(),
  memberCount: Type.Integer(),
  lastMessageAt: Type.Union([Timestamp, Type.Null()]),
  joined: Type.Boolean(),
  role: Type.Union([Type.Literal('owner'), Type.Literal('host'), Type.Literal('member'), Type.Null()]),
});
export type Room = Static<typeof Room>;
export const RoomList = Type.Object({ items: Type.Array(Room), nextCursor: Type.Union([Cursor, Type.Null()]) });
export const CreateRoomBody = Type.Object(
  { title: Type.String({ maxLength: 200 }), topic: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export const PinBody = Type.Object({ messageId: Type.Union([Id, Type.Null()]) }, { additionalProperties: false });
export const RoomMemberParams = Type.Object({ id: Id, userId: Id }, { additionalProperties: false });
export const SilenceBody = Type.Object({ minutes: Type.Integer({ minimum: 0, maximum: 7 * 24 * 60 }) }, { additionalProperties: false });
