/**
 * SQLite's WAL checkpoints on a thread of their own (ADR 0016).
 *
 * By default the connection that commits copies the WAL back into the database file every 1,000
 * pages, inside that COMMIT: on the event loop, with two fsyncs. Under the comment load at size M
 * that was a fifth of what the server could do (bench/write-path.md, "Checkpoints off the event
 * loop"). Here a worker thread copies the pages every 50 ms on its own connection, and the event loop
 * only appends to the WAL.
 *
 * One thing the thread cannot do: start the WAL over. SQLite rewinds the log when a write transaction
 * begins while every frame has been copied, which under steady writing never happens by itself (each
 * batch begins before the thread has copied the last one), so the file would grow without end. When
 * the log is long (256 MB) the thread says so; once the write batches in flight have committed, new
 * ones wait for one catch-up pass, and the first BEGIN after it finds the log fully copied and
 * rewinds it. Reads go on meanwhile: a pause in writing every few seconds under full load, none at
 * all when idle.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from './sqlite-driver.js';

/** How often the thread copies: often enough that a catch-up has little left to copy. */
const INTERVAL_MS = 50;
/**
 * Frames (4 KiB pages) the WAL may reach before the thread asks for a rewind: 256 MB. A catch-up
 * pauses writing for the time of one pass and its fsyncs, 5–60 ms on this disk: under the like load
 * p99 was 58 ms with a rewind every 16 MB, 41 ms every 64 MB, 8–19 ms every 256 MB (bench/write-path.md).
 */
const RESTART_FRAMES = 65_536;
/** SQLite's own default, put back if the thread dies. */
const DEFAULT_FRAMES = 1000;
/** A write batch never waits longer than this for the thread's catch-up. */
const CATCH_UP_TIMEOUT_MS = 100;

type Reply = { type: 'restart' } | { type: 'caughtUp'; id: number; complete: boolean } | { type: 'failed'; message: string };

export class WalCheckpointer {
  private worker: Worker | null;
  private restartWanted = false;
  private nextId = 0;
  private readonly waiting = new Map<number, () => void>();
  /** Catch-ups asked for, and how many of them left the whole log copied (so the WAL could rewind). */
  readonly stats = { catchUps: 0, complete: 0 };

  /** restartFrames: smaller in tests, which cannot write 256 MB. */
  constructor(
    private readonly database: SqliteDatabase.Database,
    file: string,
    restartFrames = RESTART_FRAMES,
  ) {
    // If the thread is alive but stuck, the writer still checkpoints by itself past twice the size.
    database.pragma(`wal_autocheckpoint = ${2 * restartFrames}`);
    // A WAL that grew past the rewind size (a long read held it) is cut back when it next starts over.
    database.pragma(`journal_size_limit = ${restartFrames * 4096}`);
    // execArgv: [] keeps tsx (which the tests load) out of the thread.
    const worker = new Worker(new URL('./wal-checkpoint.worker.mjs', import.meta.url), {
      execArgv: [],
      workerData: { file, intervalMs: INTERVAL_MS, restartFrames },
    });
    worker.unref();
    worker.on('message', (reply: Reply) => this.receive(reply));
    worker.on('error', (err: Error) => this.fallBack(err.message));
    worker.on('exit', (code) => this.fallBack(`it exited with code ${code}`));
    this.worker = worker;
  }

  /** True when the thread has asked for a rewind (and is alive to do the catch-up). */
  catchUpDue(): boolean {
    return this.restartWanted && this.worker !== null;
  }

  /**
   * One pass of the thread, started once no write batch is in flight and awaited before the next
   * BEGIN, which then finds the whole log copied and starts it over (group-commit.ts).
   */
  catchUp(): Promise<void> {
    const worker = this.worker;
    this.restartWanted = false;
    if (!worker) return Promise.resolve();
    this.stats.catchUps++;
    const id = this.nextId++;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve();
      };
      const timer = setTimeout(done, CATCH_UP_TIMEOUT_MS);
      this.waiting.set(id, done);
      worker.postMessage({ type: 'catchUp', id });
    });
  }

  /** Stops the thread (it closes its connection first); the database's own close then finishes the WAL. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    this.releaseWaiting();
    const exited = once(worker, 'exit');
    // Unreferenced so that it never keeps a process alive; while we wait for it, it must.
    worker.ref();
    worker.postMessage({ type: 'stop' });
    await exited;
  }

  private receive(reply: Reply): void {
    if (reply.type === 'restart') {
      this.restartWanted = true;
    } else if (reply.type === 'caughtUp') {
      if (reply.complete) this.stats.complete++;
      this.waiting.get(reply.id)?.();
    } else {
      this.fallBack(reply.message);
    }
  }

  /** The thread is gone: the writer checkpoints by itself again, as SQLite does by default. */
  private fallBack(reason: string): void {
    if (!this.worker) return;
    this.worker = null;
    this.releaseWaiting();
    if (this.database.open) this.database.pragma(`wal_autocheckpoint = ${DEFAULT_FRAMES}`);
    process.emitWarning(`the WAL checkpoint thread stopped (${reason}); checkpoints run on the event loop again`, 'KuaanWarning');
  }

  private releaseWaiting(): void {
    for (const done of [...this.waiting.values()]) done();
  }
}
