import type { TestApp } from '../../test/harness.js';
import { scheduleUserSweep } from './search.jobs.js';

/**
 * Waits until the search index has caught up: after-commit events have enqueued their jobs, the user
 * sweep has been made due now (as its timer would soon), and the queue has run everything due.
 */
export async function searchSettled(t: TestApp): Promise<void> {
  await t.ctx.events.settle();
  await scheduleUserSweep(t.ctx, 0);
  await t.ctx.queue.drain();
}
