import { Kysely, type Transaction } from 'kysely';
import type { DialectHandle, DialectKind } from './dialect.js';
import { GroupCommit } from './group-commit.js';
import type { DB } from './schema/index.js';
import type { WalCheckpointer } from './wal-checkpointer.js';

export type Executor = Kysely<DB> | Transaction<DB>;

/** A transaction plus the hooks that must run only once it has committed. */
export interface Txn {
  db: Kysely<DB>;
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
  /** SQLite only: concurrent transactions share one COMMIT (PostgreSQL has many connections). */
  readonly groupCommit: GroupCommit | null;
  /** SQLite files: the thread that copies the WAL back into the database (wal-checkpointer.ts). */
  readonly checkpointer: WalCheckpointer | null;

  constructor(handle: DialectHandle) {
    this.db = new Kysely<DB>({ dialect: handle.dialect });
    this.kind = handle.kind;
    this.describe = handle.describe;
    this.checkpointer = handle.checkpointer ?? null;
    this.groupCommit = handle.kind === 'sqlite' ? new GroupCommit(this.db, (err) => this.onHookError(err), this.checkpointer) : null;
  }

  /** Where after-commit hook failures are reported (the logger, once the app exists). */
  reportHookErrorsTo(fn: (err: unknown) => void): void {
    this.onHookError = fn;
  }

  /**
   * Runs fn in one transaction (all or nothing); its afterCommit hooks run in order after COMMIT,
   * before the returned promise resolves. On SQLite, concurrent calls share a COMMIT (group-commit.ts).
   */
  async transaction<T>(fn: (txn: Txn) => Promise<T>): Promise<T> {
    if (this.groupCommit) return this.groupCommit.run(fn);
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

  /**
   * A write that needs no transaction of its own (one statement, or reads then one statement): on
   * SQLite it joins the group commit, so it shares a COMMIT with whatever else is being written; on
   * PostgreSQL it runs as it is, without the round trips of BEGIN and COMMIT.
   */
  write<T>(fn: (db: Executor) => Promise<T>): Promise<T> {
    if (this.groupCommit) return this.groupCommit.run((txn) => fn(txn.db));
    return fn(this.db);
  }

  async destroy(): Promise<void> {
    // The thread closes its connection first, so that ours is the last and finishes the WAL.
    await this.checkpointer?.stop();
    await this.db.destroy();
  }
}
