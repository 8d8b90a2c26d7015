import type { AppContext } from '../../context.js';
import { addViewCounts } from './topics.repo.js';

/**
 * Note and topic views, counted in memory and written in one batched UPDATE per table every
 * config.viewFlushMs and when the app closes — a popular note is read far more often than the
 * database should be written. A crash loses at most one interval of views, which is acceptable
 * for a number shown as "1.2万 views".
 */
export class ViewCounter {
  private notes = new Map<string, number>();
  private topics = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: Pick<AppContext, 'database' | 'log'>) {}

  /** Counts a view of a note; the author's own views are not counted. */
  noteViewed(noteId: string, authorId: string, viewerId: string | null): void {
    if (viewerId === authorId) return;
    this.notes.set(noteId, (this.notes.get(noteId) ?? 0) + 1);
  }

  topicViewed(hashtagId: string): void {
    this.topics.set(hashtagId, (this.topics.get(hashtagId) ?? 0) + 1);
  }

  /** Views counted but not yet written. */
  pending(): { notes: number; topics: number } {
    let notes = 0;
    let topics = 0;
    for (const n of this.notes.values()) notes += n;
    for (const n of this.topics.values()) topics += n;
    return { notes, topics };
  }

  /** Writes everything buffered so far; flushes never overlap, and a failed write is kept for the next one. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeOnce());
    return this.flushing;
  }

  private async writeOnce(): Promise<void> {
    const notes = this.notes;
    const topics = this.topics;
    if (notes.size === 0 && topics.size === 0) return;
    this.notes = new Map();
    this.topics = new Map();
    const db = this.ctx.database.db;
    try {
      if (notes.size) await addViewCounts(db, 'notes', notes);
    } catch (err) {
      this.restore(this.notes, notes);
      this.ctx.log.error({ err }, 'writing note views failed; will retry');
    }
    try {
      if (topics.size) await addViewCounts(db, 'hashtags', topics);
    } catch (err) {
      this.restore(this.topics, topics);
      this.ctx.log.error({ err }, 'writing topic views failed; will retry');
    }
  }

  private restore(into: Map<string, number>, from: Map<string, number>): void {
    for (const [id, n] of from) into.set(id, (into.get(id) ?? 0) + n);
  }

  /** Starts the periodic flush; the timer never keeps the process alive by itself. */
  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** A view counter on the context's database (not yet started). */
export function createViewCounter(ctx: Pick<AppContext, 'database' | 'log'>): ViewCounter {
  return new ViewCounter(ctx);
}
