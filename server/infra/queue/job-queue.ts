import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Database, Executor } from '../../db/database.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { newId } from '../../db/ids.js';
import { type ClaimFn, claimFor, type JobRow } from './claim.js';

export interface JobHandlerOptions {
  /** Tries before the job is marked dead (default 5). */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt (default 1 s), capped at an hour. */
  backoffMs?: number;
}

export interface BatchHandlerOptions extends JobHandlerOptions {
  /** Most jobs of this type claimed and handled together (default 50). */
  batchSize?: number;
}

export interface EnqueueOptions {
  /** Coalesces with a waiting job of the same key (the earlier run time wins). */
  key?: string;
  runAt?: number;
  maxAttempts?: number;
}

export interface QueueOptions {
  clock: { now(): number };
  onError: (err: unknown, job: { id: string; type: string } | null) => void;
  /** Worker loops started by start(); 0 leaves jobs to another process. */
  workers: number;
  /** Idle polling starts here and doubles up to maxPollMs while nothing is due. */
  pollMs: number;
  maxPollMs?: number;
  /** How long a claimed job is ours before another worker may take it over. */
  leaseMs?: number;
  /**
   * An idle worker woken by a new job waits this long before claiming (default 20 ms), so a burst of
   * posts is indexed as one batch in one transaction instead of one claim, run and delete each.
   */
  gatherMs?: number;
}

interface Registered {
  /** Handles the claimed jobs of one type; a single-job handler gets one at a time. */
  handler: (payloads: unknown[], jobs: JobRow[]) => Promise<void>;
  batchSize: number;
  maxAttempts: number;
  backoffMs: number;
}

const MAX_BACKOFF_MS = 60 * 60 * 1000;
const DEFAULT_GATHER_MS = 20;

interface Ran {
  ran: number;
  short: boolean;
}

/**
 * A durable job queue in the application database. Enqueue in a transaction (the job exists iff the
 * write committed) or after commit; in-process workers poll for due jobs, retry failures with
 * exponential back-off, and leave jobs that keep failing as `dead`.
 */
export class JobQueue {
  private readonly handlers = new Map<string, Registered>();
  private readonly claim: ClaimFn;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly loops: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();
  private running = false;
  private wakeTimer: NodeJS.Timeout | null = null;
  readonly workerId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

  constructor(
    private readonly database: Database,
    private readonly options: QueueOptions,
  ) {
    this.claim = claimFor(database.kind);
  }

  /** Declares how jobs of a type are run; only registered types are claimed by this process. */
  register<P>(type: string, handler: (payload: P, job: JobRow) => Promise<void>, options: JobHandlerOptions = {}): void {
    this.handlers.set(type, {
      handler: (payloads, jobs) => handler(payloads[0] as P, jobs[0]!),
      batchSize: 1,
      maxAttempts: options.maxAttempts ?? 5,
      backoffMs: options.backoffMs ?? 1000,
    });
  }

  /**
   * Declares a type whose due jobs are claimed and handled several at a time (one claim, one call,
   * one delete): for cheap, idempotent jobs such as indexing a note, where per-job overhead dominates.
   * When a batch fails, its jobs are retried one by one at once, so one bad job cannot hold back the rest.
   */
  registerBatch<P>(type: string, handler: (payloads: P[], jobs: JobRow[]) => Promise<void>, options: BatchHandlerOptions = {}): void {
    this.handlers.set(type, {
      handler: handler as Registered['handler'],
      batchSize: Math.max(1, options.batchSize ?? 50),
      maxAttempts: options.maxAttempts ?? 5,
      backoffMs: options.backoffMs ?? 1000,
    });
  }

  /** Adds a job; pass the transaction to make it part of the write, or the db after commit. */
  async enqueue(db: Executor, type: string, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
    const now = this.options.clock.now();
    const runAt = options.runAt ?? now;
    const row = {
      id: newId(),
      type,
      payload: JSON.stringify(payload ?? null),
      dedupe_key: options.key ?? null,
      state: 'queued' as const,
      attempts: 0,
      max_attempts: options.maxAttempts ?? this.handlers.get(type)?.maxAttempts ?? 5,
      run_at: runAt,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: now,
      updated_at: now,
    };
    if (options.key === undefined) {
      await db.insertInto('jobs').values(row).execute();
    } else {
      await db
        .insertInto('jobs')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('dedupe_key')
            .where(sql<boolean>`state = 'queued'`)
            .doUpdateSet({ run_at: sql`CASE WHEN excluded.run_at < jobs.run_at THEN excluded.run_at ELSE jobs.run_at END` }),
        )
        .execute();
    }
    if (runAt <= now) this.wake(this.options.gatherMs ?? DEFAULT_GATHER_MS);
  }

  /** Starts the worker loops (no-op when already running or configured with no workers). */
  start(): void {
    if (this.running || this.options.workers <= 0) return;
    this.running = true;
    for (let i = 0; i < this.options.workers; i++) this.loops.push(this.loop());
  }

  /** Stops claiming and waits for the jobs in hand to finish. Waiting jobs stay for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    this.wake();
    await Promise.allSettled(this.loops.splice(0));
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Runs every due job (and those they enqueue for now) until none is left; for tests and the CLI.
   * Returns how many ran. Throws when jobs keep coming past the timeout.
   */
  async drain(timeoutMs = 30_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let ran = 0;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`queue did not drain within ${timeoutMs} ms`);
      const others = [...this.inFlight];
      const { ran: n } = await this.runDue('drain');
      if (n > 0) {
        ran += n;
        continue;
      }
      // Nothing due for us; jobs other loops hold may still enqueue more, so look again after them.
      if (others.length > 0 || this.inFlight.size > 0) {
        await Promise.allSettled([...others, ...this.inFlight]);
        continue;
      }
      return ran;
    }
  }

  /** Claims and runs the next due job (with its batch, for a batch type); false when none was due. */
  async runNext(worker = 'main'): Promise<boolean> {
    return (await this.runDue(worker)).ran > 0;
  }

  /** Claims and runs the next due job or batch: how many jobs ran, and whether a batch came back short. */
  private async runDue(worker: string): Promise<Ran> {
    // Tracked from the claim on, so drain() also waits for a job another loop is just claiming.
    const attempt = this.claimAndRun(worker);
    this.inFlight.add(attempt);
    try {
      return await attempt;
    } finally {
      this.inFlight.delete(attempt);
    }
  }

  private async claimAndRun(worker: string): Promise<Ran> {
    const workerId = `${this.workerId}/${worker}`;
    const input = { workerId, now: this.options.clock.now(), leaseMs: this.options.leaseMs ?? 5 * 60 * 1000 };
    // The oldest due job of any type first, so no type starves; then more of its type, if it batches.
    // database.write: on SQLite a claim shares a COMMIT with the app's other writes (ADR 0012).
    const [first] = await this.database.write((db) => this.claim(db, { ...input, types: [...this.handlers.keys()] }));
    if (!first) return { ran: 0, short: false };
    const batchSize = this.handlers.get(first.type)?.batchSize ?? 1;
    const more = batchSize > 1 ? await this.database.write((db) => this.claim(db, { ...input, types: [first.type], limit: batchSize - 1 })) : [];
    const jobs = [first, ...more];
    await this.execute(jobs);
    // A batch type that came back short has (for now) nothing more waiting.
    return { ran: jobs.length, short: batchSize > 1 && jobs.length < batchSize };
  }

  /**
   * Keeps a long job (a video transcode) ours past the lease: pushes locked_until forward. False when
   * the job is no longer ours (the lease lapsed and another worker took it): the caller should stop.
   */
  async extendLease(job: Pick<JobRow, 'id' | 'locked_by'>): Promise<boolean> {
    const until = this.options.clock.now() + (this.options.leaseMs ?? 5 * 60 * 1000);
    const r = await this.database.db
      .updateTable('jobs')
      .set({ locked_until: until })
      .where('id', '=', job.id)
      .where('locked_by', '=', job.locked_by)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** How long a claimed job stays ours without extendLease. */
  get leaseMs(): number {
    return this.options.leaseMs ?? 5 * 60 * 1000;
  }

  /** Jobs that ran out of attempts, newest first (for operators and tests). */
  async deadJobs(limit = 100): Promise<JobRow[]> {
    return this.database.db.selectFrom('jobs').selectAll().where('state', '=', 'dead').orderBy('updated_at', 'desc').limit(limit).execute();
  }

  private async execute(jobs: JobRow[]): Promise<void> {
    const registered = this.handlers.get(jobs[0]!.type);
    try {
      if (!registered) throw new Error(`no handler for job type ${jobs[0]!.type}`);
      await registered.handler(
        jobs.map((j) => JSON.parse(j.payload)),
        jobs,
      );
    } catch (err) {
      if (jobs.length === 1 || !registered) {
        for (const job of jobs) await this.failed(job, registered, err);
        return;
      }
      // Which job broke the batch? Each alone; the good ones finish now, the bad one retries later.
      for (const job of jobs) await this.execute([job]);
      return;
    }
    await this.finished(jobs);
  }

  private async finished(jobs: JobRow[]): Promise<void> {
    const workerId = jobs[0]!.locked_by;
    await this.database.write((db) =>
      db
        .deleteFrom('jobs')
        .where(
          'id',
          'in',
          jobs.map((j) => j.id),
        )
        .where('locked_by', '=', workerId)
        .execute(),
    );
  }

  private async failed(job: JobRow, registered: Registered | undefined, err: unknown): Promise<void> {
    const db = this.database.db;
    this.options.onError(err, { id: job.id, type: job.type });
    const now = this.options.clock.now();
    const attempts = Number(job.attempts);
    const dead = attempts >= Number(job.max_attempts);
    const delay = Math.min((registered?.backoffMs ?? 1000) * 2 ** (attempts - 1), MAX_BACKOFF_MS);
    const message = (err instanceof Error ? (err.stack ?? err.message) : String(err)).slice(0, 2000);
    const retry = db
      .updateTable('jobs')
      .set({ state: dead ? 'dead' : 'queued', run_at: dead ? job.run_at : now + delay, locked_by: null, locked_until: null, last_error: message, updated_at: now })
      .where('id', '=', job.id)
      .where('locked_by', '=', job.locked_by);
    try {
      await retry.execute();
    } catch (updateErr) {
      // A newer job with the same key is already waiting: it supersedes this retry.
      if (!isUniqueViolation(updateErr)) throw updateErr;
      await db.deleteFrom('jobs').where('id', '=', job.id).execute();
    }
  }

  private async loop(): Promise<void> {
    const max = this.options.maxPollMs ?? Math.max(this.options.pollMs * 16, this.options.pollMs);
    let idle = this.options.pollMs;
    while (this.running) {
      let ran: Ran = { ran: 0, short: false };
      try {
        ran = await this.runDue('loop');
      } catch (err) {
        this.options.onError(err, null);
      }
      if (ran.ran > 0) {
        idle = this.options.pollMs;
        // On SQLite every query resolves without touching the event loop's I/O phase; without this
        // yield a long run of jobs (a sweep, a backlog) would starve the requests waiting behind it.
        // A short batch means the backlog is gone: let the next few posts gather into one batch
        // rather than claiming each as it arrives.
        if (ran.short) await this.sleep(this.options.gatherMs ?? DEFAULT_GATHER_MS);
        else await yieldToEventLoop();
        continue;
      }
      await this.sleep(idle);
      idle = Math.min(idle * 2, max);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  private wake(afterMs = 0): void {
    if (afterMs <= 0) {
      for (const w of [...this.wakers]) w();
      return;
    }
    if (this.wakeTimer || this.wakers.size === 0) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      this.wake();
    }, afterMs);
  }
}
