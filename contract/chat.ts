import { type Static, Type } from 'typebox';
import { Cursor, FacetSchema, Id, Image, Timestamp, UserSummary } from './common.js';
import { LIMITS } from './limits.js';

/** Chat: conversations, messages, corrections, phrasebook, and the WebSocket frames. */

export const ConversationKind = Type.Union([Type.Literal('direct'), Type.Literal('group'), Type.Literal('room')]);
export const MessageKind = Type.Union([Type.Literal('text'), Type.Literal('image'), Type.Literal('sticker')]);
export const WhoMayMessage = Type.Union([Type.Literal('everyone'), Type.Literal('following'), Type.Literal('nobody')]);
export type WhoMayMessage = Static<typeof WhoMayMessage>;
/** A person named by handle, with or without the @ (the server finds them case-insensitively). */
export const HandleRef = Type.String({ minLength: 1, maxLength: 64, pattern: '^@?[A-Za-z0-9_.]+$' });
/** Large enough for any seq; seq 0 means "nothing seen yet". */
const Seq = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const ChatMessage = Type.Object({
  id: Id,
  conversationId: Id,
  seq: Type.Integer(),
  sender: UserSummary,
  kind: MessageKind,
  body: Type.String(),
  /** Stickers typed as [code] inside the text. */
  facets: Type.Array(FacetSchema),
  image: Type.Union([Image, Type.Null()]),
  sticker: Type.Union([Type.Object({ code: Type.String(), url: Type.String() }), Type.Null()]),
  clientId: Type.Union([Type.String(), Type.Null()]),
  corrections: Type.Integer(),
  /** moderation (issues 7, 8): labelled sensitive — clients blur it behind a reveal button. */
  sensitive: Type.Optional(Type.Boolean()),
  /**
   * moderation: held or removed. Other members get a placeholder (empty body, no image or sticker);
   * only its sender still sees the content, with this status.
   */
  moderation: Type.Optional(Type.Union([Type.Literal('held'), Type.Literal('removed')])),
  createdAt: Timestamp,
});
export type ChatMessage = Static<typeof ChatMessage>;

export const Conversation = Type.Object({
  id: Id,
  kind: ConversationKind,
  title: Type.String(),
  topic: Type.String(),
  /** The other people (up to 10) for direct and group conversations; empty for rooms. */
  members: Type.Array(UserSummary),
  memberCount: Type.Integer(),
  lastSeq: Type.Integer(),
  lastMessage: Type.Union([ChatMessage, Type.Null()]),
  pinned: Type.Union([ChatMessage, Type.Null()]),
  viewer: Type.Object({
    role: Type.Union([Type.Literal('owner'), Type.Literal('host'), Type.Literal('member'), Type.Null()]),
    /** 'request': someone new wrote to me; accept to move it to my inbox. null: not a member (rooms). */
    state: Type.Union([Type.Literal('active'), Type.Literal('request'), Type.Null()]),
    muted: Type.Boolean(),
    lastReadSeq: Type.Integer(),
    unread: Type.Integer(),
  }),
  /** How far each other member has read (read receipts); empty for rooms. */
  reads: Type.Array(Type.Object({ userId: Id, seq: Type.Integer() })),
});
export type Conversation = Static<typeof Conversation>;

export const ConversationList = Type.Object({ items: Type.Array(Conversation), nextCursor: Type.Union([Cursor, Type.Null()]) });

export const ConversationListQuery = Type.Object(
  {
    folder: Type.Optional(Type.Union([Type.Literal('inbox'), Type.Literal('requests')])),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.page.max })),
  },
  { additionalProperties: false },
);

export const CreateConversationBody = Type.Object(
  {
    /** One handle: a 1:1 (the existing one if there is one). Several: a group. */
    handles: Type.Array(HandleRef, { minItems: 1, maxItems: LIMITS.chat.groupMembers - 1 }),
    title: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const SendMessageBody = Type.Object(
  {
    text: Type.Optional(Type.String({ maxLength: LIMITS.chat.messageChars * 4 })),
    mediaId: Type.Optional(Id),
    stickerCode: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    /** The sender's id for this message: a retry with the same clientId returns the first one. */
    clientId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9a-zA-Z_-]+$' })),
  },
  { additionalProperties: false },
);
export type SendMessageBody = Static<typeof SendMessageBody>;

export const HistoryQuery = Type.Object(
  {
    /** Messages with seq greater than this (resume); ascending. */
    after: Type.Optional(Seq),
    /** Messages with seq lower than this (scrolling back); descending pages shown ascending. */
    before: Type.Optional(Seq),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.page.max })),
  },
  { additionalProperties: false },
);

export const MessagePage = Type.Object({ items: Type.Array(ChatMessage), hasMore: Type.Boolean() });

export const ReadBody = Type.Object({ seq: Seq }, { additionalProperties: false });
export const MuteBody = Type.Object({ muted: Type.Boolean() }, { additionalProperties: false });

export const ChatSettings = Type.Object({ whoMayMessage: WhoMayMessage });
export type ChatSettings = Static<typeof ChatSettings>;
export const ChatSettingsBody = Type.Object({ whoMayMessage: WhoMayMessage }, { additionalProperties: false });

export const CorrectionBody = Type.Object(
  {
    corrected: Type.String({ maxLength: LIMITS.chat.messageChars * 4 }),
    note: Type.Optional(Type.String({ maxLength: LIMITS.chat.correctionNoteChars * 4 })),
  },
  { additionalProperties: false },
);

/** One piece of a word diff: unchanged, deleted from the original, or inserted by the correction. */
export const DiffPart = Type.Object({
  op: Type.Union([Type.Literal('equal'), Type.Literal('delete'), Type.Literal('insert')]),
  text: Type.String(),
});
export type DiffPart = Static<typeof DiffPart>;

export const Correction = Type.Object({
  id: Id,
  messageId: Id,
  conversationId: Id,
  author: UserSummary,
  original: Type.String(),
  corrected: Type.String(),
  note: Type.String(),
  diff: Type.Array(DiffPart),
  createdAt: Timestamp,
});
export type Correction = Static<typeof Correction>;
export const CorrectionList = Type.Object({ items: Type.Array(Correction) });

export const PhraseBody = Type.Object(
  {
    text: Type.Optional(Type.String({ maxLength: LIMITS.chat.messageChars * 4 })),
    messageId: Type.Optional(Id),
    translation: Type.Optional(Type.String({ maxLength: LIMITS.chat.messageChars * 4 })),
    note: Type.Optional(Type.String({ maxLength: LIMITS.chat.correctionNoteChars * 4 })),
  },
  { additionalProperties: false },
);
export const Phrase = Type.Object({
  id: Id,
  text: Type.String(),
  translation: Type.String(),
  note: Type.String(),
  sourceMessageId: Type.Union([Id, Type.Null()]),
  createdAt: Timestamp,
});
export type Phrase = Static<typeof Phrase>;
export const PhrasePage = Type.Object({ items: Type.Array(Phrase), nextCursor: Type.Union([Cursor, Type.Null()]) });

// ---- WebSocket frames (JSON text frames on /api/ws) ----

/** Client → server. Anything else closes the socket with 1007 (invalid frame). */
export const ClientFrame = Type.Union([
  /** On (re)connect: the last seq seen per conversation; the server replays what came after. */
  Type.Object(
    {
      type: Type.Literal('resume'),
      cursors: Type.Record(Type.String({ maxLength: 64 }), Seq, { maxProperties: 200 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('send'),
      conversationId: Id,
      text: Type.Optional(Type.String({ maxLength: LIMITS.chat.messageChars * 4 })),
      mediaId: Type.Optional(Id),
      stickerCode: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
      clientId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9a-zA-Z_-]+$' })),
    },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('typing'), conversationId: Id }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('read'), conversationId: Id, seq: Seq }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('ping') }, { additionalProperties: false }),
]);
export type ClientFrame = Static<typeof ClientFrame>;

/** Server → client. */
export type ServerFrame =
  | { type: 'ready'; userId: string }
  | { type: 'message'; message: ChatMessage }
  | { type: 'ack'; clientId: string | null; message: ChatMessage }
  | { type: 'resumed'; replayed: number }
  | { type: 'typing'; conversationId: string; userId: string }
  | { type: 'read'; conversationId: string; userId: string; seq: number }
  | { type: 'correction'; correction: Correction }
  | { type: 'pinned'; conversationId: string; message: ChatMessage | null }
  | { type: 'member'; conversationId: string; userId: string; change: 'joined' | 'left' | 'removed' | 'silenced' }
  | { type: 'error'; code: string; message: string; clientId?: string | null }
  | { type: 'pong' };

/** WebSocket close codes the server uses. */
export const WS_CLOSE = {
  /** Not signed in or a foreign Origin. */
  unauthorized: 4401,
  /** Not JSON, or not a frame this protocol knows. */
  invalidFrame: 1007,
  /** The frame was larger than LIMITS.chat.frameBytes. */
  tooBig: 1009,
  /** The client did not read fast enough; reconnect and resume. */
  tooSlow: 4408,
  /** The server is shutting down; reconnect (to another node) and resume. */
  goingAway: 1001,
} as const;

// ---- learning aids on a message ----
export const MessageTranslation = Type.Object({
  messageId: Id,
  text: Type.String(),
  sourceLang: Type.Union([Type.String(), Type.Null()]),
  targetLang: Type.String(),
  provider: Type.String(),
  kind: Type.Union([Type.Literal('translation'), Type.Literal('gloss'), Type.Literal('conversion'), Type.Literal('original')]),
  fallback: Type.Boolean(),
  notice: Type.Union([Type.String(), Type.Null()]),
  noticeCode: Type.Union([Type.String(), Type.Null()]),
});
export type MessageTranslation = Static<typeof MessageTranslation>;
