/**
 * `kuaan worker`: the durable job queue's workers in a process of their own, so indexing (jieba,
 * opencc, FTS writes) never shares an event loop with requests. Web nodes then run with
 * JOBS_WORKERS=0; they still enqueue, and this process claims (SKIP LOCKED on PostgreSQL, so several
 * workers on several machines pass over each other's jobs).
 */
import type { Config } from './config.js';
import { type AppContext, createContext } from './context.js';
import { migrateToLatest } from './db/migrations/index.js';
import { registerTopicScoreJobs } from './modules/notes/topic-scores.jobs.js';
import { registerSearchJobs, scheduleUserSweep, searchIndexer } from './modules/search/search.jobs.js';
import { registerVideoJobs } from './modules/video/video.jobs.js';
// moderation (issue 7)
import { registerModerationJobs } from './modules/moderation/checks.jobs.js';

export interface RunningWorker {
  ctx: AppContext;
  /** Lets the jobs in hand finish, then closes the database. */
  stop(): Promise<void>;
}

/** Every queue processor a worker runs; the server registers the same ones through its modules. */
export function registerJobProcessors(ctx: AppContext): void {
  registerSearchJobs(ctx, searchIndexer(ctx));
  // topic pages' copy of each note's hot score (ADR 0015)
  registerTopicScoreJobs(ctx);
  // video notes (issue 9): transcodes run here, away from request handling, when workers are split out
  registerVideoJobs(ctx);
  // moderation (issue 7): automated checks (text, spam, images) and the notices their decisions send
  registerModerationJobs(ctx);
}

/** Migrates, registers the job processors and starts polling (at least one loop, whatever JOBS_WORKERS says). */
export async function startWorker(config: Config): Promise<RunningWorker> {
  const ctx = await createContext({ ...config, jobs: { ...config.jobs, workers: Math.max(1, config.jobs.workers) } });
  await migrateToLatest(ctx.database);
  registerJobProcessors(ctx);
  await scheduleUserSweep(ctx, 0);
  ctx.queue.start();
  return { ctx, stop: () => ctx.close() };
}
