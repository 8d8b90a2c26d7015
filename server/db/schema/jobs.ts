export type JobState = 'queued' | 'running' | 'dead';

export interface JobsTable {
  id: string;
  type: string;
  /** JSON. */
  payload: string;
  /** Unique among queued jobs: enqueueing the same key again coalesces. */
  dedupe_key: string | null;
  state: JobState;
  attempts: number;
  max_attempts: number;
  run_at: number;
  locked_by: string | null;
  /** The lease of a running job; past it, another worker may claim the job again. */
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}
