import { type Static, Type } from 'typebox';
import { Id, Timestamp, UserSummary } from './common.js';
import { LIMITS } from './limits.js';

/** A text in each UI language. */
export const Localized = Type.Object({ en: Type.String(), 'zh-Hans': Type.String(), 'zh-Hant': Type.String() });
export type Localized = Static<typeof Localized>;

export const RuleId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9_-]*$' });

/** A community rule: stable id, severity 1–5, text in three languages, regions where it applies (null: everywhere). */
export const Rule = Type.Object({
  id: RuleId,
  severity: Type.Integer({ minimum: 1, maximum: 5 }),
  title: Localized,
  body: Localized,
  regions: Type.Union([Type.Array(Type.String()), Type.Null()]),
});
export type Rule = Static<typeof Rule>;

export const RuleSet = Type.Object({ version: Type.Integer(), publishedAt: Timestamp, rules: Type.Array(Rule) });
export type RuleSet = Static<typeof RuleSet>;

export const RuleChange = Type.Object({
  version: Type.Integer(),
  publishedAt: Timestamp,
  added: Type.Array(Type.String()),
  changed: Type.Array(Type.String()),
  retired: Type.Array(Type.String()),
  note: Localized,
  /** Where the version came from: the operator's files at start, or the admin page (ADR 0011). */
  source: Type.Union([Type.Literal('file'), Type.Literal('admin')]),
});
export const RuleChangelog = Type.Object({ items: Type.Array(RuleChange) });
export type RuleChange = Static<typeof RuleChange>;

const text = (max: number) => Type.Object(
  { en: Type.String({ maxLength: max }), 'zh-Hans': Type.String({ maxLength: max }), 'zh-Hant': Type.String({ maxLength: max }) },
  { additionalProperties: false },
);

/**
 * A rule as an admin submits it. Strings are not required non-empty here so a blank one gets our own
 * message naming the rule and the language (rules_text_required).
 */
export const RuleInput = Type.Object(
  {
    id: Type.String({ maxLength: 64 }),
    severity: Type.Integer({ minimum: 1, maximum: 5 }),
    title: text(LIMITS.rules.titleChars),
    body: text(LIMITS.rules.bodyChars),
    /** null: everywhere; otherwise two-letter region codes (checked by the service). */
    regions: Type.Union([Type.Array(Type.String({ maxLength: 8 }), { maxItems: LIMITS.rules.regions }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type RuleInput = Static<typeof RuleInput>;

/**
 * Publish a new version from the admin page: the whole rule set as it should be (a rule left out is
 * retired, a new id is added), the changelog note, and the version the edit started from (409 when
 * someone published since).
 */
export const PublishRulesBody = Type.Object(
  {
    basedOn: Type.Integer({ minimum: 0 }),
    note: text(LIMITS.rules.changelogChars),
    rules: Type.Array(RuleInput, { maxItems: LIMITS.rules.max }),
  },
  { additionalProperties: false },
);
export type PublishRulesBody = Static<typeof PublishRulesBody>;

export const SubjectKind = Type.Union([Type.Literal('note'), Type.Literal('comment'), Type.Literal('message'), Type.Literal('account')]);
export type SubjectKind = Static<typeof SubjectKind>;

export const ActionKind = Type.Union([
  Type.Literal('dismiss'),
  Type.Literal('label'),
  Type.Literal('limit'),
  Type.Literal('hold'),
  Type.Literal('remove'),
  Type.Literal('warn'),
  Type.Literal('suspend'),
  Type.Literal('ban'),
  Type.Literal('reverse'),
]);
export type ActionKind = Static<typeof ActionKind>;

/** What a decision rests on: a passage of text with UTF-16 offsets, or an image with a score. */
export const Evidence = Type.Union([
  Type.Object({
    type: Type.Literal('text'),
    /** Which text: title, body, bio, displayName, comment. */
    field: Type.String(),
    start: Type.Integer(),
    end: Type.Integer(),
    match: Type.String(),
    /** The passage around the match, with the match's offsets inside it. */
    excerpt: Type.String(),
    excerptStart: Type.Integer(),
    excerptEnd: Type.Integer(),
  }),
  Type.Object({ type: Type.Literal('image'), mediaId: Type.String(), label: Type.String(), score: Type.Number() }),
  Type.Object({ type: Type.Literal('signal'), name: Type.String(), value: Type.Number(), limit: Type.Number() }),
]);
export type Evidence = Static<typeof Evidence>;

export const CreateReportBody = Type.Object(
  {
    subjectKind: SubjectKind,
    subjectId: Id,
    ruleId: RuleId,
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type CreateReportBody = Static<typeof CreateReportBody>;

export const MyReport = Type.Object({
  id: Id,
  subjectKind: SubjectKind,
  subjectId: Id,
  ruleId: Type.String(),
  createdAt: Timestamp,
  /** open, actioned (with the action taken) or dismissed. */
  outcome: Type.Union([Type.Literal('open'), Type.Literal('actioned'), Type.Literal('dismissed')]),
  action: Type.Union([ActionKind, Type.Null()]),
});
export type MyReport = Static<typeof MyReport>;

export const ActionBody = Type.Object(
  {
    subjectKind: SubjectKind,
    subjectId: Id,
    action: Type.Union([
      Type.Literal('dismiss'),
      Type.Literal('label'),
      Type.Literal('limit'),
      Type.Literal('remove'),
      Type.Literal('warn'),
      Type.Literal('suspend'),
      Type.Literal('ban'),
    ]),
    /** Required: every decision names its rule. Optional in the schema so a missing one gets our own 400. */
    ruleId: Type.Optional(Type.String({ maxLength: 64 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    /** For suspend: how many days. */
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
    /** Passages the moderator marks as evidence (offsets into the subject's text). */
    evidence: Type.Optional(
      Type.Array(
        Type.Object({ field: Type.String({ maxLength: 32 }), start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
        { maxItems: 20 },
      ),
    ),
    /** Or words quoted from the subject's text: each is found and marked with its offsets. */
    quotes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type ActionBody = Static<typeof ActionBody>;

export const ModerationEvent = Type.Object({
  id: Id,
  subjectKind: SubjectKind,
  subjectId: Id,
  action: ActionKind,
  ruleId: Type.String(),
  ruleVersion: Type.Integer(),
  note: Type.String(),
  evidence: Type.Array(Evidence),
  confidence: Type.Union([Type.Number(), Type.Null()]),
  automated: Type.Boolean(),
  actor: Type.Union([UserSummary, Type.Null()]),
  until: Type.Union([Timestamp, Type.Null()]),
  reversesId: Type.Union([Id, Type.Null()]),
  createdAt: Timestamp,
});
export type ModerationEvent = Static<typeof ModerationEvent>;

export const QueueQuery = Type.Object(
  {
    lang: Type.Optional(Type.String({ maxLength: 16, pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const QueueItem = Type.Object({
  subjectKind: SubjectKind,
  subjectId: Id,
  subjectUser: Type.Union([UserSummary, Type.Null()]),
  severity: Type.Integer(),
  lang: Type.Union([Type.String(), Type.Null()]),
  state: Type.String(),
  reportCount: Type.Integer(),
  /** Rules named by reports and automated flags. */
  ruleIds: Type.Array(Type.String()),
  openedAt: Type.Union([Timestamp, Type.Null()]),
  /** The reported text (title + body, comment, or bio) for context. */
  text: Type.String(),
});
export type QueueItem = Static<typeof QueueItem>;

export const SubjectDetail = Type.Object({
  item: QueueItem,
  history: Type.Array(ModerationEvent),
  reports: Type.Array(Type.Object({ id: Id, ruleId: Type.String(), comment: Type.String(), createdAt: Timestamp })),
});
export type SubjectDetail = Static<typeof SubjectDetail>;

export const SubjectParams = Type.Object({ kind: SubjectKind, id: Id }, { additionalProperties: false });

/** A decision as the affected person reads it, in their language. */
export const Notice = Type.Object({
  id: Id,
  subjectKind: SubjectKind,
  subjectId: Id,
  action: ActionKind,
  rule: Type.Object({ id: Type.String(), title: Type.String(), body: Type.String() }),
  /** What the action does, in words. */
  effect: Type.String(),
  /** The subject's text (so highlighted evidence has its context). */
  evidence: Type.Array(Evidence),
  automated: Type.Boolean(),
  until: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  appeal: Type.Union([
    Type.Object({ id: Id, state: Type.Union([Type.Literal('open'), Type.Literal('upheld'), Type.Literal('reversed')]) }),
    Type.Null(),
  ]),
  /** Whether an appeal may still be filed (once, within the appeal window). */
  canAppeal: Type.Boolean(),
  appealDeadline: Type.Union([Timestamp, Type.Null()]),
});
export type Notice = Static<typeof Notice>;

export const AppealBody = Type.Object({ statement: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export const AppealDecisionBody = Type.Object(
  { decision: Type.Union([Type.Literal('uphold'), Type.Literal('reverse')]), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);

export const Appeal = Type.Object({
  id: Id,
  eventId: Id,
  appellant: Type.Union([UserSummary, Type.Null()]),
  statement: Type.String(),
  state: Type.Union([Type.Literal('open'), Type.Literal('upheld'), Type.Literal('reversed')]),
  decision: ModerationEvent,
  createdAt: Timestamp,
});
export type Appeal = Static<typeof Appeal>;

/** How a note is being distributed, for its author only. */
export const Distribution = Type.Object({
  state: Type.Union([Type.Literal('normal'), Type.Literal('labelled'), Type.Literal('limited'), Type.Literal('held'), Type.Literal('removed')]),
  ruleId: Type.Union([Type.String(), Type.Null()]),
  ruleTitle: Type.Union([Type.String(), Type.Null()]),
  noticeId: Type.Union([Id, Type.Null()]),
  /** Regions where a regional rule restricts it (empty: none). */
  restrictedRegions: Type.Array(Type.String()),
});
export type Distribution = Static<typeof Distribution>;

export const MonthFigures = Type.Object({
  month: Type.String(),
  actions: Type.Array(Type.Object({ ruleId: Type.String(), action: Type.String(), automated: Type.Integer(), human: Type.Integer() })),
  automated: Type.Integer(),
  human: Type.Integer(),
  reports: Type.Integer(),
  medianDecisionMs: Type.Union([Type.Number(), Type.Null()]),
  appeals: Type.Integer(),
  reversed: Type.Integer(),
  reversalRate: Type.Union([Type.Number(), Type.Null()]),
});
export const Transparency = Type.Object({ months: Type.Array(MonthFigures) });
export type Transparency = Static<typeof Transparency>;

export const SafetySettings = Type.Object({
  commentPolicy: Type.Union([Type.Literal('everyone'), Type.Literal('following'), Type.Literal('nobody')]),
  keywords: Type.Array(Type.String()),
  muted: Type.Array(UserSummary),
});
export type SafetySettings = Static<typeof SafetySettings>;

export const SafetyPatch = Type.Object(
  {
    commentPolicy: Type.Optional(Type.Union([Type.Literal('everyone'), Type.Literal('following'), Type.Literal('nobody')])),
    keywords: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type SafetyPatch = Static<typeof SafetyPatch>;

export const RoleBody = Type.Object(
  { role: Type.Union([Type.Literal('member'), Type.Literal('moderator'), Type.Literal('admin')]) },
  { additionalProperties: false },
);
