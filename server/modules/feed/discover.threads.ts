/**
 * Discover ranked on threads beside the event loop (DISCOVER_THREADS, ADR 0007). A cold ranking costs
 * ~4 ms of CPU, nearly all of it reading and scoring, and on one event loop ten readers at once wait
 * behind each other's rankings; a thread per core takes them in parallel while the event loop keeps
 * HTTP, sessions and writes. Each thread has its own connection, pools, note facts and kept lists; a
 * reader always goes to the same thread, so their next pages come from the list that thread kept.
 */
import { Worker } from 'node:worker_threads';
import type { DiscoverPage } from '../../../contract/discover.js';
import type { Config } from '../../config.js';
import { AppError, type Params } from '../../errors.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { DiscoverPipeline, DiscoverRequest } from './discover.pipeline.js';
import { RUNNING_FROM_SOURCES } from '../../paths.js';

/** What the routes need of Discover, ranked on the event loop (DiscoverPipeline) or on threads. */
export type DiscoverRanker = Pick<DiscoverPipeline, 'page' | 'noteAdded' | 'noteRemoved' | 'forget' | 'forgetNote'>;

/** A page request as it crosses to a thread: the region gate without its function. */
type ThreadPageRequest = Omit<DiscoverRequest, 'region'> & { region: { region: string; mode: 'omit' } | null };

export type ThreadRequest = { id: number } & (
  | { op: 'page'; req: ThreadPageRequest }
  | { op: 'noteAdded'; noteId: string }
  | { op: 'noteRemoved' }
  | { op: 'forget'; viewerId: string }
  | { op: 'forgetNote'; noteId: string }
  | { op: 'close' }
);

interface ThreadError {
  message: string;
  stack?: string | undefined;
  /** An expected failure (a bad cursor) that becomes the same 4xx it would on the event loop. */
  app?: { status: number; code: MessageKey; params: Params; field?: string | undefined };
}

export type ThreadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ThreadError } | { warn: string };

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>;
}

/** Connections each thread may hold on PostgreSQL (the event loop's pool has 10). */
const THREAD_POOL_SIZE = 4;
const CLOSE_WAIT_MS = 2000;

export class DiscoverThreads implements DiscoverRanker {
  private readonly threads: Array<Thread | null>;
  private nextId = 1;

  constructor(
    private readonly config: Config,
    count: number,
    private readonly warn: (details: object, message: string) => void,
  ) {
    this.threads = Array.from({ length: count }, () => null);
  }

  page(req: DiscoverRequest): Promise<DiscoverPage> {
    const { region, ...rest } = req;
    if (region && region.mode !== 'omit') throw new Error('Discover threads only omit regionally restricted notes');
    const reader = req.viewerId ?? `anon:${req.locale}`;
    const thread = this.thread(hash(reader) % this.threads.length);
    return this.call(thread, { op: 'page', req: { ...rest, region: region ? { region: region.region, mode: 'omit' } : null } }) as Promise<DiscoverPage>;
  }

  /** Starts every thread now, so the first readers after a start do not wait for one to load. */
  start(): void {
    for (let slot = 0; slot < this.threads.length; slot++) this.thread(slot);
  }

  /** Resolves once every running thread has dropped the pools the note can be in. */
  async noteAdded(noteId: string): Promise<void> {
    await Promise.all(this.running().map((t) => this.call(t, { op: 'noteAdded', noteId })));
  }

  // A thread not started yet has nothing to forget; messages arrive in order, before later pages.
  noteRemoved(): void {
    this.tell({ op: 'noteRemoved' });
  }

  forget(viewerId: string): void {
    this.tell({ op: 'forget', viewerId });
  }

  forgetNote(noteId: string): void {
    this.tell({ op: 'forgetNote', noteId });
  }

  /** Closes each thread's connection, then stops it. */
  async close(): Promise<void> {
    await Promise.all(
      this.running().map(async (t) => {
        const closed = this.call(t, { op: 'close' }).catch(() => undefined);
        await Promise.race([closed, new Promise((r) => setTimeout(r, CLOSE_WAIT_MS).unref())]);
        await t.worker.terminate();
      }),
    );
    this.threads.fill(null);
  }

  private running(): Thread[] {
    return this.threads.filter((t): t is Thread => t !== null);
  }

  private tell(request: DistributiveOmit<ThreadRequest, 'id'>): void {
    for (const t of this.running()) {
      this.call(t, request).catch((err) => this.warn({ err }, 'discover thread failed to apply a change'));
    }
  }

  private call(thread: Thread, request: DistributiveOmit<ThreadRequest, 'id'>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ ...request, id });
    });
  }

  /** The thread at this slot, started on first use and again after it died. */
  private thread(slot: number): Thread {
    const existing = this.threads[slot];
    if (existing) return existing;
    // From the TypeScript sources (tests, an edited checkout) the thread loads them through tsx as well.
    const worker = new Worker(new URL(`./discover.worker.${RUNNING_FROM_SOURCES ? 'ts' : 'js'}`, import.meta.url), {
      workerData: { config: this.config, poolSize: THREAD_POOL_SIZE, threads: this.threads.length },
      execArgv: RUNNING_FROM_SOURCES ? ['--import', import.meta.resolve('tsx')] : [],
    });
    worker.unref();
    const thread: Thread = { worker, pending: new Map() };
    worker.on('message', (reply: ThreadReply) => {
      if ('warn' in reply) return this.warn({ slot }, reply.warn);
      const waiting = thread.pending.get(reply.id);
      if (!waiting) return;
      thread.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(toError(reply.error));
    });
    const died = (err: Error) => {
      if (this.threads[slot] === thread) this.threads[slot] = null;
      for (const waiting of thread.pending.values()) waiting.reject(err);
      thread.pending.clear();
    };
    worker.on('error', (err: Error) => {
      this.warn({ err, slot }, 'discover thread failed');
      died(err);
    });
    worker.on('exit', (code) => died(new Error(`discover thread exited (code ${code})`)));
    this.threads[slot] = thread;
    return thread;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function toError(error: ThreadError): Error {
  if (error.app) return new AppError(error.app.status, error.app.code, error.app.params, error.app.field);
  const err = new Error(error.message);
  if (error.stack) err.stack = error.stack;
  return err;
}

/** FNV-1a: spreads readers over the threads, the same reader always to the same one. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
