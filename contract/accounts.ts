import { type Static, Type } from 'typebox';
import { Id, Image, Timestamp } from './common.js';
import { LIMITS } from './limits.js';
import { UI_LOCALES } from './locales.js';

const Locale = Type.Union([Type.Literal(UI_LOCALES[0]), Type.Literal(UI_LOCALES[1]), Type.Literal(UI_LOCALES[2])]);
const Password = Type.String({ minLength: 1, maxLength: LIMITS.password.max });
const LanguageTag = Type.String({ minLength: 2, maxLength: 35 });

export const LanguageEntry = Type.Object(
  {
    lang: LanguageTag,
    kind: Type.Union([Type.Literal('native'), Type.Literal('learning')]),
    level: Type.Optional(
      Type.Union([Type.Integer({ minimum: LIMITS.languageLevel.min, maximum: LIMITS.languageLevel.max }), Type.Null()]),
    ),
  },
  { additionalProperties: false },
);
export type LanguageEntry = Static<typeof LanguageEntry>;

export const SignUpBody = Type.Object(
  {
    email: Type.Optional(Type.String({ maxLength: LIMITS.email.max })),
    /** A phone number; with `country` (ISO 3166 alpha-2) when it has no +country code. */
    phone: Type.Optional(Type.String({ maxLength: 32 })),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    password: Password,
    handle: Type.String({ maxLength: 64 }),
    displayName: Type.Optional(Type.String({ maxLength: 200 })),
    uiLocale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export type SignUpBody = Static<typeof SignUpBody>;

export const SignInBody = Type.Object(
  {
    /** Email, phone number (E.164 or with country) or handle. */
    login: Type.String({ minLength: 1, maxLength: LIMITS.email.max }),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    password: Password,
  },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);

export const VerifyBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 12 }) }, { additionalProperties: false });

export const Counts = Type.Object({
  followers: Type.Integer(),
  following: Type.Integer(),
  notes: Type.Integer(),
  likesReceived: Type.Integer(),
});

export const Me = Type.Object({
  id: Id,
  handle: Type.String(),
  displayName: Type.String(),
  bio: Type.String(),
  avatar: Type.Union([Image, Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  contactVerified: Type.Boolean(),
  region: Type.Union([Type.String(), Type.Null()]),
  uiLocale: Locale,
  role: Type.String(),
  languages: Type.Array(LanguageEntry),
  interests: Type.Array(Type.String()),
  onboarded: Type.Boolean(),
  counts: Counts,
  createdAt: Timestamp,
});
export type Me = Static<typeof Me>;

export const Profile = Type.Object({
  id: Id,
  handle: Type.String(),
  displayName: Type.String(),
  bio: Type.String(),
  avatar: Type.Union([Image, Type.Null()]),
  region: Type.Union([Type.String(), Type.Null()]),
  languages: Type.Array(LanguageEntry),
  interests: Type.Array(Type.String()),
  counts: Counts,
  createdAt: Timestamp,
  viewer: Type.Object({
    isMe: Type.Boolean(),
    following: Type.Boolean(),
    followedBy: Type.Boolean(),
    blocking: Type.Boolean(),
  }),
});
export type Profile = Static<typeof Profile>;

export const UpdateMeBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ maxLength: 200 })),
    bio: Type.Optional(Type.String({ maxLength: 2000 })),
    avatarMediaId: Type.Optional(Type.Union([Id, Type.Null()])),
    region: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Z]{2}$' }), Type.Null()])),
    uiLocale: Type.Optional(Locale),
    languages: Type.Optional(Type.Array(LanguageEntry, { maxItems: LIMITS.languages.max })),
    interests: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: LIMITS.interests.max })),
    onboarded: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false },
);
export type UpdateMeBody = Static<typeof UpdateMeBody>;

export const SessionInfo = Type.Object({
  id: Id,
  userAgent: Type.String(),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  current: Type.Boolean(),
});
