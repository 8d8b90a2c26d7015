import { badRequest } from '../errors.js';
import { LIMITS } from '../../contract/limits.js';

/**
 * Keyset pagination: a cursor is the sort key of the last row served (e.g. [createdAt, id]),
 * base64url-encoded JSON. The next page starts strictly after it. Never OFFSET.
 *
 * The query compares row values, `eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(at, id))`, never
 * `created_at < ? OR (created_at = ? AND id < ?)`: both engines seek an index on (…, created_at, id)
 * straight to a row value, while SQLite answers the OR from the top of the range, walking every row
 * served before (a page 20,000 deep into the largest inbox at size M: bench/route-sweep.md).
 */
export type CursorKey = Array<string | number>;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor whose parts have the given types; a 400 for anything else. */
export function decodeCursor<T extends CursorKey>(cursor: string | undefined, shape: Array<'string' | 'number'>): T | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === shape.length &&
      value.every((v, i) => typeof v === shape[i] && (typeof v !== 'number' || Number.isFinite(v)))
    ) {
      return value as T;
    }
  } catch {
    // fall through to the 400
  }
  throw badRequest('validation_failed', { field: 'cursor', problem: 'not a cursor this endpoint gave out' }, 'cursor');
}

export function pageLimit(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? LIMITS.page.default, 1), LIMITS.page.max);
}

/** Given limit+1 fetched rows, the page and the cursor of its last row (null when there is no more). */
export function paginate<R>(rows: R[], limit: number, keyOf: (row: R) => CursorKey): { rows: R[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: encodeCursor(keyOf(page[page.length - 1]!)) };
}
