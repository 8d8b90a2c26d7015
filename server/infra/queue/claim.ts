/**
 * Claiming due jobs is the one place the queue differs between databases. Both flip up to `limit`
 * rows from `queued` (or `running` with an expired lease) to `running` in a single UPDATE; PostgreSQL adds
 * FOR UPDATE SKIP LOCKED so concurrent workers on many nodes pass over each other's rows instead of
 * waiting on them, while SQLite serializes writers on the whole file anyway.
 */
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DialectKind } from '../../db/dialect.js';
import type { JobsTable } from '../../db/schema/index.js';

export type JobRow = Selectable<JobsTable>;

export interface ClaimInput {
  types: string[];
  workerId: string;
  now: number;
  leaseMs: number;
  /** Most rows to claim at once (default 1); a batch handler takes several of one type. */
  limit?: number;
}

export type ClaimFn = (db: Executor, input: ClaimInput) => Promise<JobRow[]>;

function claimWith(lockRows: boolean): ClaimFn {
  return async (db, { types, workerId, now, leaseMs, limit = 1 }) => {
    if (types.length === 0 || limit < 1) return [];
    const rows = await db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        attempts: eb('attempts', '+', 1),
        locked_by: workerId,
        locked_until: now + leaseMs,
        updated_at: now,
      }))
      .where('id', 'in', (eb) => {
        let next = eb
          .selectFrom('jobs')
          .select('id')
          .where('type', 'in', types)
          .where((w) =>
            w.or([
              w.and([w('state', '=', 'queued'), w('run_at', '<=', now)]),
              w.and([w('state', '=', 'running'), w('locked_until', '<', now)]),
            ]),
          )
          .orderBy('run_at')
          .orderBy('id')
          .limit(limit);
        if (lockRows) next = next.forUpdate().skipLocked();
        return next;
      })
      .returningAll()
      .execute();
    // RETURNING gives no order; run them oldest first, as they were chosen.
    return rows.sort((a, b) => Number(a.run_at) - Number(b.run_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };
}

/** The claim statement for the given database. */
export function claimFor(kind: DialectKind): ClaimFn {
  return claimWith(kind === 'postgres');
}
