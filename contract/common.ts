import { type Static, type TSchema, Type } from 'typebox';
import { LIMITS } from './limits.js';

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9a-zA-Z_-]+$' });
export const Timestamp = Type.String({ format: 'date-time' });

/** Opaque keyset cursor; clients pass back what they were given. */
export const Cursor = Type.String({ maxLength: 512 });

export const PageQuery = Type.Object(
  {
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.page.max })),
  },
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuery>;

export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Cursor, Type.Null()]) });
}

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const ImageVariant = Type.Object({ url: Type.String(), width: Type.Integer(), height: Type.Integer() });

/** An image as clients draw it: the placeholder first (colour, blurhash), then the right-sized variant. */
export const Image = Type.Object({
  id: Id,
  width: Type.Integer(),
  height: Type.Integer(),
  blurhash: Type.String(),
  color: Type.String(),
  alt: Type.String(),
  /** Largest first. */
  variants: Type.Array(ImageVariant),
});
export type Image = Static<typeof Image>;

export const UserSummary = Type.Object({
  id: Id,
  handle: Type.String(),
  displayName: Type.String(),
  avatar: Type.Union([Image, Type.Null()]),
});
export type UserSummary = Static<typeof UserSummary>;

export const FacetSchema = Type.Union([
  Type.Object({ type: Type.Literal('hashtag'), start: Type.Integer(), end: Type.Integer(), tag: Type.String() }),
  Type.Object({
    type: Type.Literal('mention'),
    start: Type.Integer(),
    end: Type.Integer(),
    handle: Type.String(),
    userId: Type.String(),
  }),
  Type.Object({ type: Type.Literal('link'), start: Type.Integer(), end: Type.Integer(), url: Type.String() }),
  Type.Object({
    type: Type.Literal('sticker'),
    start: Type.Integer(),
    end: Type.Integer(),
    code: Type.String(),
    url: Type.String(),
  }),
]);

export const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  code: Type.String(),
  field: Type.Optional(Type.String()),
});

export const Ok = Type.Object({ ok: Type.Literal(true) });
