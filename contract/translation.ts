import { type Static, Type } from 'typebox';
import { Id } from './common.js';
import { LIMITS } from './limits.js';

/** A BCP 47 tag as clients send it; the server canonicalizes (zh-TW → zh-Hant, en-US → en). */
export const LanguageTag = Type.String({ minLength: 2, maxLength: 35, pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' });
export const ChineseScript = Type.Union([Type.Literal('zh-Hans'), Type.Literal('zh-Hant')]);

export const ProviderName = Type.Union([
  Type.Literal('deepl'),
  Type.Literal('libretranslate'),
  Type.Literal('openai'),
  Type.Literal('gloss'),
  /** Simplified ⇄ Traditional conversion: same language, different script. */
  Type.Literal('opencc'),
  /** Nothing to do: the text is already in the target language. */
  Type.Literal('none'),
]);
export type ProviderName = Static<typeof ProviderName>;

/**
 * What the reader is shown. `gloss` must be labelled as a word-by-word gloss, not a translation;
 * `original` means no tool could help (e.g. Japanese with only the offline gloss).
 */
export const TranslationKind = Type.Union([
  Type.Literal('translation'),
  Type.Literal('gloss'),
  Type.Literal('conversion'),
  Type.Literal('original'),
]);

const translationMeta = {
  sourceLang: Type.Union([Type.String(), Type.Null()]),
  targetLang: Type.String(),
  provider: ProviderName,
  kind: TranslationKind,
  /** True when the configured provider failed and the gloss stands in. */
  fallback: Type.Boolean(),
  /** A sentence in the viewer's language to show beside the text (gloss label, fallback notice), or null. */
  notice: Type.Union([Type.String(), Type.Null()]),
  noticeCode: Type.Union([Type.String(), Type.Null()]),
};

export const TranslateBody = Type.Object(
  { target: Type.Optional(LanguageTag) },
  { additionalProperties: false },
);
export type TranslateBody = Static<typeof TranslateBody>;

export const NoteTranslation = Type.Object({ noteId: Id, title: Type.String(), body: Type.String(), ...translationMeta });
export type NoteTranslation = Static<typeof NoteTranslation>;

export const CommentTranslation = Type.Object({ commentId: Id, body: Type.String(), ...translationMeta });
export type CommentTranslation = Static<typeof CommentTranslation>;

export const TranslateCommentsBody = Type.Object(
  {
    commentIds: Type.Array(Id, { minItems: 1, maxItems: LIMITS.translation.commentBatch }),
    target: Type.Optional(LanguageTag),
  },
  { additionalProperties: false },
);
export type TranslateCommentsBody = Static<typeof TranslateCommentsBody>;

export const CommentTranslations = Type.Object({ items: Type.Array(CommentTranslation) });

export const ContentLanguage = Type.Object({
  lang: Type.Union([Type.String(), Type.Null()]),
  mixed: Type.Boolean(),
  /** Who set it: the detector, or the author correcting it; null before detection has run. */
  source: Type.Union([Type.Literal('detected'), Type.Literal('author'), Type.Null()]),
});
export type ContentLanguage = Static<typeof ContentLanguage>;

export const SetLanguageBody = Type.Object(
  { lang: LanguageTag, mixed: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type SetLanguageBody = Static<typeof SetLanguageBody>;

export const Token = Type.Object({
  text: Type.String(),
  /** UTF-16 offsets into the text. */
  start: Type.Integer(),
  end: Type.Integer(),
  kind: Type.Union([Type.Literal('han'), Type.Literal('latin'), Type.Literal('other')]),
  isWord: Type.Boolean(),
  /** Tone-marked, syllables separated by spaces ("yín háng"), read in context. */
  pinyin: Type.Union([Type.String(), Type.Null()]),
  /** Chinese word: English senses. English word: Chinese words. */
  glosses: Type.Array(Type.String()),
  simplified: Type.Union([Type.String(), Type.Null()]),
  traditional: Type.Union([Type.String(), Type.Null()]),
});
export type Token = Static<typeof Token>;

export const SegmentBody = Type.Object(
  { text: Type.String({ maxLength: LIMITS.translation.segmentChars }) },
  { additionalProperties: false },
);
export const SegmentQuery = SegmentBody;
export const Segmentation = Type.Object({ lang: Type.Union([Type.String(), Type.Null()]), mixed: Type.Boolean(), tokens: Type.Array(Token) });
export type Segmentation = Static<typeof Segmentation>;

/** Title and body of a note cut into tokens, for pinyin over a note without re-sending its text. */
export const NoteReading = Type.Object({ noteId: Id, title: Type.Array(Token), body: Type.Array(Token) });

export const WordParams = Type.Object(
  { word: Type.String({ minLength: 1, maxLength: LIMITS.translation.wordChars }) },
  { additionalProperties: false },
);
export const DictionaryEntry = Type.Object({
  simplified: Type.String(),
  traditional: Type.String(),
  pinyin: Type.String(),
  pinyinNumbered: Type.String(),
  senses: Type.Array(Type.String()),
});
export const WordCard = Type.Object({
  word: Type.String(),
  /** zh-en: the word is Chinese; en-zh: English, and the entries are Chinese words for it. */
  direction: Type.Union([Type.Literal('zh-en'), Type.Literal('en-zh')]),
  entries: Type.Array(DictionaryEntry),
});
export type WordCard = Static<typeof WordCard>;

export const ConvertBody = Type.Object(
  { text: Type.String({ maxLength: LIMITS.translation.textChars }), to: ChineseScript },
  { additionalProperties: false },
);
export const Converted = Type.Object({ text: Type.String(), to: ChineseScript });

export const TranslationSettings = Type.Object({
  autoTranslate: Type.Boolean(),
  /** Languages the person reads; text in these is never auto-translated. */
  readLanguages: Type.Array(Type.String()),
});
export type TranslationSettings = Static<typeof TranslationSettings>;

export const UpdateTranslationSettingsBody = Type.Object(
  {
    autoTranslate: Type.Optional(Type.Boolean()),
    readLanguages: Type.Optional(Type.Array(LanguageTag, { maxItems: LIMITS.languages.max })),
  },
  { additionalProperties: false },
);
export type UpdateTranslationSettingsBody = Static<typeof UpdateTranslationSettingsBody>;
