/** The results file shape (issue 4) and where results live. */
import fs from 'node:fs';
import path from 'node:path';

export interface ScenarioResult {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  /** rps divided by ceiling_rps. */
  ratio: number;
  /** GET /api/ping (no session) req/s measured for 3 s right before this scenario. */
  ceiling_rps?: number;
  rss_mb: number;
  /** Server CPU time (user + system) per request during the scenario. */
  cpu_ms_per_req?: number;
  /** Write scenarios: jobs due but not yet done when the load stopped, and seconds until none were. */
  jobs_after?: number;
  drain_s?: number;
  requests?: number;
  statuses?: Record<string, number>;
  /** Surge only: the feed's p99 without the sign-up storm, and during / without. */
  p99_alone_ms?: number;
  p99_ratio?: number;
  signup_rps?: number;
  signup_errors?: number;
}

export interface BenchResults {
  ceiling: { rps: number; p50_ms: number; p99_ms: number };
  scenarios: Record<string, ScenarioResult>;
  date: string;
  size: string;
  db: 'sqlite' | 'postgres';
  duration_s: number;
  machine: { cpus: number; model: string; memory_gb: number; node: string; load_before: number[] };
  /** What the server ran (ADR 0018); absent in results from before the build existed (tsx). */
  server_code?: string;
  data: Record<string, number>;
}

export const RESULTS_DIR = path.resolve(import.meta.dirname, 'results');

export function writeResults(r: BenchResults): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${r.date.slice(0, 10)}-${r.size}-${r.db}.json`);
  const text = `${JSON.stringify(r, null, 2)}\n`;
  fs.writeFileSync(file, text);
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), text);
  return file;
}

/** The newest result per size and database, from every results file present: M (the targets' size) first. */
export function readAllResults(): BenchResults[] {
  if (!fs.existsSync(RESULTS_DIR)) return [];
  const newest = new Map<string, BenchResults>();
  for (const f of fs.readdirSync(RESULTS_DIR)) {
    if (!f.endsWith('.json')) continue;
    let r: BenchResults;
    try {
      r = JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, f), 'utf8')) as BenchResults;
    } catch {
      continue;
    }
    if (!r.scenarios || !r.ceiling || !r.size) continue;
    const key = `${r.size}-${r.db}`;
    const have = newest.get(key);
    if (!have || have.date < r.date) newest.set(key, r);
  }
  const order = (r: BenchResults) => `${'MLS'.indexOf(r.size[0] ?? 'S')}${r.db === 'sqlite' ? 0 : 1}`;
  return [...newest.values()].sort((a, b) => order(a).localeCompare(order(b)));
}
