import { Kysely, type Transaction } from 'kysely';
import type { DialectHandle, DialectKind } from './dialect.js';
import type { DB } from './schema/index.js';

export type Executor = Kysely<DB> | Transaction<DB>;

/** A transaction plus the hooks that must run only once it has committed. */
export interface Txn {
  db: Transaction<DB>;
  /** Runs fn after a successful commit (events, jobs, cache invalidation); never on rollback. */
  afterCommit(fn: () => void | Promise<void>): void;
}

type Hook = () => void | Promise<void>;

/**
 * The database handle passed through the app. Writes that span tables go through transaction(),
 * so nothing half-written remains and side effects fire only after commit.
 */
export class Database {
  readonly db: Kysely<DB>;
  readonly kind: DialectKind;
  readonly describe: string;
  private onHookError: (err: unknown) => void = () => {};

  constructor(handle: DialectHandle) {
    this.db = new Kysely<DB>({ dialect: handle.dialect });
    this.kind = handle.kind;
    this.describe = handle.describe;
  }

  /** Where after-commit hook failures are reported (the logger, once the app exists). */
  reportHookErrorsTo(fn: (err: unknown) => void): void {
    this.onHookError = fn;
  }

  /** Runs fn in one transaction; its afterCommit hooks run in order after COMMIT. */
  async transaction<T>(fn: (txn: Txn) => Promise<T>): Promise<T> {
    const hooks: Hook[] = [];
    const result = await this.db.transaction().execute((trx) => fn({ db: trx, afterCommit: (h) => hooks.push(h) }));
    for (const hook of hooks) {
      try {
        await hook();
      } catch (err) {
        this.onHookError(err);
      }
    }
    return result;
  }

  async destroy(): Promise<void> {
    await this.db.destroy();
  }
}
