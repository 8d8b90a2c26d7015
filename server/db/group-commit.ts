import { type Kysely, sql } from 'kysely';
import type { Txn } from './database.js';
import type { DB } from './schema/index.js';
import type { WalCheckpointer } from './wal-checkpointer.js';

type Hook = () => void | Promise<void>;

/** A batch closes to newcomers at this many members or this age, so one batch cannot starve readers. */
const MAX_MEMBERS = 64;
const MAX_OPEN_MS = 10;

interface Member {
  hooks: Hook[];
  settle: () => void;
  fail: (err: unknown) => void;
}

interface Batch {
  /** The connection, once BEGIN IMMEDIATE has taken SQLite's write lock; held until the batch ends. */
  conn: Promise<Kysely<DB>>;
  /** Releases the connection (after COMMIT or ROLLBACK). */
  release: () => void;
  /** Members run one after another on that connection: each waits for the one before. */
  tail: Promise<void>;
  joined: number;
  /** Members whose function has not finished yet: the batch commits when this falls to zero. */
  running: number;
  /** Members whose function succeeded: they wait for the COMMIT. */
  succeeded: Member[];
  openedAt: number;
  /** No new members once set (full, old, or committing). */
  closed: boolean;
  committing: boolean;
}

/**
 * Group commit for SQLite (ADR 0012). SQLite commits one transaction at a time on one connection, and
 * each COMMIT writes every page the transaction dirtied to the WAL. Transactions that arrive while a
 * batch is open run one after another inside it, each in a SAVEPOINT (a failure rolls back that
 * member alone), and the batch commits once no member is running and the event loop has had a turn
 * to let newly arrived requests join. Every caller's promise resolves, and its after-commit hooks run,
 * only after the COMMIT that made its writes durable; if that COMMIT fails, every member fails.
 *
 * Isolation is unchanged: the batch holds the connection, so plain reads wait for the COMMIT exactly
 * as they waited for a single transaction before, and never see a member's writes early.
 */
export class GroupCommit {
  private open: Batch | null = null;
  /** Resolves once the batch started last has committed (or failed) and let go of the connection. */
  private lastReleased: Promise<void> = Promise.resolve();
  /** While set, new batches wait for the checkpoint thread's catch-up before their BEGIN. */
  private gate: Promise<void> | null = null;
  /** Batches committed and members in them, for benchmarks and tests. */
  readonly stats = { commits: 0, members: 0 };

  constructor(
    private readonly db: Kysely<DB>,
    private readonly onHookError: (err: unknown) => void,
    private readonly checkpointer: WalCheckpointer | null = null,
  ) {}

  run<T>(fn: (txn: Txn) => Promise<T>): Promise<T> {
    const batch = this.joinable() ?? this.startBatch();
    if (++batch.joined >= MAX_MEMBERS) batch.closed = true;
    batch.running++;
    return new Promise<T>((resolve, reject) => {
      let value: T;
      const member: Member = { hooks: [], settle: () => resolve(value), fail: reject };
      batch.tail = batch.tail.then(async () => {
        try {
          const conn = await batch.conn;
          // One name for every member: members never overlap, and a fixed SQL text keeps its
          // compiled statement in the cache (dialect.ts).
          await sql`savepoint member`.execute(conn);
          try {
            value = await fn({ db: conn, afterCommit: (h) => member.hooks.push(h) });
            await sql`release member`.execute(conn);
            batch.succeeded.push(member);
          } catch (err) {
            await sql`rollback to member`.execute(conn);
            await sql`release member`.execute(conn);
            reject(err);
          }
        } catch (err) {
          // The batch could not begin, or a savepoint command failed: this member fails.
          reject(err);
        } finally {
          batch.running--;
          if (batch.running === 0) setImmediate(() => void this.maybeCommit(batch));
        }
      });
    });
  }

  private ended(batch: Batch): void {
    batch.release();
  }

  private joinable(): Batch | null {
    const b = this.open;
    if (!b || b.closed) return null;
    if (Date.now() - b.openedAt > MAX_OPEN_MS) {
      b.closed = true;
      return null;
    }
    return b;
  }

  private startBatch(): Batch {
    let release = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    const previousReleased = this.lastReleased;
    this.lastReleased = released;
    const conn = new Promise<Kysely<DB>>((resolve, reject) => {
      const begin = () =>
        this.db
          .connection()
          .execute(async (c) => {
            // IMMEDIATE takes the write lock now, waiting (busy_timeout) if another process (a
            // `kuaan` command) holds it; a deferred BEGIN that read first would fail at its first
            // write with SQLITE_BUSY instead of waiting.
            await sql`begin immediate`.execute(c);
            resolve(c);
            await released;
          })
          .catch(reject);
      // When the WAL is long, writing pauses (reading does not): once the batch before has
      // committed, the checkpoint thread copies the whole log, and this BEGIN finds it copied and
      // starts it over (wal-checkpointer.ts). Batches started meanwhile queue behind, in order.
      if (!this.gate && this.checkpointer?.catchUpDue()) {
        const checkpointer = this.checkpointer;
        this.gate = previousReleased
          .then(() => checkpointer.catchUp())
          .finally(() => {
            this.gate = null;
          });
      }
      if (this.gate) void this.gate.then(begin);
      else begin();
    });
    const batch: Batch = {
      conn,
      release,
      tail: Promise.resolve(),
      joined: 0,
      running: 0,
      succeeded: [],
      openedAt: Date.now(),
      closed: false,
      committing: false,
    };
    // A batch that could not begin settles its members through the tail: each one rejects.
    conn.catch(() => {});
    this.open = batch;
    return batch;
  }

  private async maybeCommit(batch: Batch): Promise<void> {
    // Someone joined during the event-loop turn we waited: the last of them commits.
    if (batch.running > 0 || batch.committing) return;
    batch.committing = true;
    batch.closed = true;
    if (this.open === batch) this.open = null;
    let conn: Kysely<DB>;
    try {
      conn = await batch.conn;
    } catch {
      this.ended(batch); // never began: its members were rejected already
      return;
    }
    try {
      await sql`commit`.execute(conn);
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => {});
      this.ended(batch);
      for (const m of batch.succeeded) m.fail(err);
      return;
    }
    this.ended(batch);
    this.stats.commits++;
    this.stats.members += batch.succeeded.length;
    for (const m of batch.succeeded) {
      for (const hook of m.hooks) {
        try {
          await hook();
        } catch (err) {
          this.onHookError(err);
        }
      }
      m.settle();
    }
  }
}
