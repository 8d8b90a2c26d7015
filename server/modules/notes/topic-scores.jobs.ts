import type { AppContext } from '../../context.js';
import { copyDueTopicScores } from './hot-score.js';

const JOB = 'notes.topic-scores';
const KEY = 'notes:topic-scores';
/** How far topic pages' hot order may trail likes, collects and comments. */
export const TOPIC_SCORES_EVERY_MS = 1000;
/** Notes copied per transaction; a backlog is worked off in runs of this many, one after another. */
const BATCH = 2000;

type Ctx = Pick<AppContext, 'queue' | 'database' | 'clock'>;

/**
 * The recurring job that copies moved hot scores onto topic rows (ADR 0015). One waiting job, keyed,
 * so whichever process runs the queue runs it once at a time. It runs again at once while it finds a
 * full batch, and otherwise after TOPIC_SCORES_EVERY_MS.
 */
export function registerTopicScoreJobs(ctx: Ctx): void {
  ctx.queue.register(JOB, async () => {
    let runAt = ctx.clock.now() + TOPIC_SCORES_EVERY_MS;
    try {
      if ((await copyDueTopicScores(ctx.database, BATCH)) === BATCH) runAt = ctx.clock.now();
    } finally {
      // A failed run is tried at the next interval: the waiting job supersedes this one's retries.
      await scheduleTopicScores(ctx, runAt);
    }
  });
}

/** Makes sure the recurring job is waiting (an earlier waiting one keeps the earlier time). */
export function scheduleTopicScores(ctx: Ctx, runAt?: number): Promise<void> {
  return ctx.queue.enqueue(ctx.database.db, JOB, {}, { key: KEY, runAt: runAt ?? ctx.clock.now() });
}
