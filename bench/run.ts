/**
 * `npm run bench -- --size M [--db postgres] [--scenario NAME[,NAME]] [--duration S] [--connections N] [--profile]`
 * `npm run bench:smoke` — a tiny generated community in a temp dir, 2 s per scenario; exits non-zero
 * if any scenario had an error (used by `npm test` to keep the harness working).
 *
 * Starts the real server on 127.0.0.1 against the generated database, waits until its startup work
 * is done, measures the ceiling (GET /api/ping, unauthenticated) right before the scenarios — and again,
 * for 3 s, right before each one, which is what that scenario's ratio divides by — then each scenario
 * with autocannon, and the sign-up surge. Writes bench/results/<date>-<size>-<db>.json and latest.json, then
 * regenerates docs/benchmarks.md (full runs only).
 */
import os from 'node:os';
import path from 'node:path';
import type { DbKind, Manifest } from './data/generate.js';
import { SIZES } from './data/sizes.js';
import { type LoadResult, probe, runLoad } from './load.js';
import { type Backlog, openBacklog } from './job-backlog.js';
import { prepareData } from './prepare-data.js';
import { writeReport } from './report.js';
import type { BenchResults, ScenarioResult } from './results-file.js';
import { writeResults } from './results-file.js';
import { SCENARIOS, type Scenario, SURGE_FEED, SURGE_SIGNUP_CONNECTIONS, signUps } from './scenarios.js';
import { ensureSearchIndex } from './search-index.js';
import { type RunningServer, startServer } from './server-process.js';
import { dbFlag, flagReader } from './args.js';

interface Args {
  smoke: boolean;
  size: string;
  db: DbKind;
  only: string[] | null;
  duration: number;
  connections: number | null;
  profile: boolean;
  dataDir: string | null;
  /** --server-env K=V (repeatable): experiments such as UV_THREADPOOL_SIZE=1 without editing code. */
  serverEnv: Record<string, string>;
}

function parseArgs(argv: string[]): Args {
  const get = flagReader(argv);
  const smoke = argv.includes('--smoke');
  const db = dbFlag(argv);
  const size = smoke ? 'smoke' : (get('--size') ?? 'S');
  if (!SIZES[size]) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const duration = Number(get('--duration') ?? (smoke ? 2 : 10));
  // Bounded by design: a benchmark that can run for hours by mistake is a denial of service.
  if (!(duration > 0 && duration <= 120)) throw new Error('--duration must be 1–120 seconds');
  const connections = get('--connections') ? Number(get('--connections')) : null;
  if (connections !== null && !(connections >= 1 && connections <= 256)) throw new Error('--connections must be 1–256');
  return {
    smoke,
    size,
    db,
    only: get('--scenario')?.split(',') ?? null,
    duration,
    connections,
    profile: argv.includes('--profile'),
    dataDir: get('--data') ?? null,
    serverEnv: Object.fromEntries(
      argv.flatMap((a, i) => (a === '--server-env' && argv[i + 1]?.includes('=') ? [argv[i + 1]!.split(/=(.*)/s).slice(0, 2)] : [])),
    ),
  };
}

const t0 = performance.now();
const log = (m: string) => console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const fmt = (r: Pick<ScenarioResult, 'rps' | 'p50_ms' | 'p99_ms' | 'errors'>) =>
  `${String(r.rps).padStart(6)} req/s  p50 ${r.p50_ms} ms  p99 ${r.p99_ms} ms  errors ${r.errors}`;

/** How long a write scenario's leftover jobs may take to drain before the next scenario starts anyway. */
const DRAIN_LIMIT_S = 120;

const PING = () => ({ method: 'GET', path: '/api/ping', headers: {} });

/**
 * A short ceiling measurement right before each scenario: other processes on a shared machine come
 * and go within a run, and the ratio only cancels that noise if both halves see the same machine.
 */
async function localCeiling(server: RunningServer, args: Args): Promise<number> {
  if (args.profile) return 0;
  const r = await runLoad({ url: server.url, connections: args.connections ?? 10, duration: args.smoke ? 1 : Math.min(3, args.duration), next: PING });
  return r.rps;
}

async function measure(server: RunningServer, scenario: Scenario, manifest: Manifest, args: Args, runId: number, backlog: Backlog) {
  const next = scenario.make(manifest, runId);
  // One request first, outside the load: a missing or broken endpoint is reported with its answer.
  const first = await probe(server.url, next());
  if (first.status < 200 || first.status >= 300) {
    log(`FAIL ${scenario.name}: probe answered ${first.status} ${first.body}`);
  }
  const ceiling = await localCeiling(server, args);
  server.memory.reset();
  const cpuBefore = server.cpuSeconds();
  const r = await runLoad({ url: server.url, connections: args.connections ?? scenario.connections, duration: args.duration, next });
  const result = toResult(r, server, ceiling, server.cpuSeconds() - cpuBefore);
  if (scenario.kind !== 'write') return result;
  // The jobs the writes left (moderation checks, indexing) are worked off before the next scenario,
  // which would otherwise measure them; how many there were and how long that took is reported.
  const jobsAfter = await backlog.waiting();
  return { ...result, jobs_after: jobsAfter, drain_s: jobsAfter > 0 ? await backlog.drain(DRAIN_LIMIT_S) : 0 };
}

/** cpuSeconds: the server's CPU time during the load, when the load was one kind of request. */
function toResult(r: LoadResult, server: RunningServer, ceiling: number, cpuSeconds?: number): ScenarioResult {
  return {
    rps: r.rps,
    p50_ms: r.p50_ms,
    p99_ms: r.p99_ms,
    errors: r.errors,
    ratio: ceiling > 0 ? Math.round((r.rps / ceiling) * 1000) / 1000 : 0,
    ceiling_rps: ceiling,
    rss_mb: server.memory.maxMb(),
    // Server CPU per request: unlike req/s it hardly moves when other processes share the machine.
    ...(cpuSeconds !== undefined && r.requests > 0 ? { cpu_ms_per_req: Math.round((cpuSeconds * 1000 * 100) / r.requests) / 100 } : {}),
    requests: r.requests,
    statuses: r.statuses,
  };
}

/** The feed's p99 alone, then the same feed load while sign-ups (argon2id) storm in parallel. */
async function surge(server: RunningServer, manifest: Manifest, args: Args, runId: number): Promise<ScenarioResult> {
  const feed = SCENARIOS.find((s) => s.name === SURGE_FEED)!;
  const connections = args.connections ?? feed.connections;
  const ceiling = await localCeiling(server, args);
  const alone = await runLoad({ url: server.url, connections, duration: args.duration, next: feed.make(manifest, runId) });
  server.memory.reset();
  const signUpNext = signUps(manifest, runId);
  const first = await probe(server.url, signUpNext());
  if (first.status < 200 || first.status >= 300) log(`FAIL surge sign-up probe answered ${first.status} ${first.body}`);
  const [during, storm] = await Promise.all([
    runLoad({ url: server.url, connections, duration: args.duration, next: feed.make(manifest, runId + 1) }),
    runLoad({ url: server.url, connections: SURGE_SIGNUP_CONNECTIONS, duration: args.duration, next: signUpNext }),
  ]);
  const result = toResult(during, server, ceiling);
  const codes = (r: LoadResult) => Object.entries(r.statuses).map(([k, v]) => `${k}×${v}`).join(' ');
  log(`surge statuses: feed alone [${codes(alone)}], feed during [${codes(during)}], sign-ups [${codes(storm)}]`);
  return {
    ...result,
    errors: during.errors + storm.errors + alone.errors,
    p99_alone_ms: alone.p99_ms,
    p99_ratio: alone.p99_ms > 0 ? Math.round((during.p99_ms / alone.p99_ms) * 100) / 100 : 0,
    signup_rps: storm.rps,
    signup_errors: storm.errors,
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const { manifest, cleanup } = await prepareData(args, log);
  if (!args.only || args.only.some((name) => name === 'search' || name === 'typeahead')) await ensureSearchIndex(manifest, args.smoke ? () => {} : log);
  // Profiles are large and machine-specific: they go beside the generated data, which git ignores.
  const profileDir = path.resolve('data', 'bench', 'profiles');
  const server = await startServer({
    dataDir: manifest.dataDir,
    databaseUrl: manifest.databaseUrl,
    nodeArgs: args.profile ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [],
    env: args.serverEnv,
    log: args.smoke ? undefined : log,
  });
  log(`server ${server.url} (pid ${server.pid}) on ${args.db}, size ${manifest.size}: ${JSON.stringify(manifest.counts)}`);
  const settled = await server.settle(args.smoke ? 30 : 900);
  if (settled > 4) log(`server was busy with startup work for ${settled} s (e.g. search indexing); measuring from now`);
  const runId = Date.now() % 1_000_000_000;
  const loadBefore = os.loadavg();
  const scenarios: Record<string, ScenarioResult> = {};
  let failed = false;
  let ceiling = { rps: 0, p50_ms: 0, p99_ms: 0 };
  const backlog = await openBacklog(manifest);
  try {
    // Warm the JIT, then the ceiling: the same server and stack, no session, no database.
    // A profiled run skips it, so the profile shows the scenario alone (ratios are then 0).
    if (!args.profile) {
      if (!args.smoke) await runLoad({ url: server.url, connections: 10, duration: 1, next: PING });
      const c = await runLoad({ url: server.url, connections: args.connections ?? 10, duration: args.duration, next: PING });
      ceiling = { rps: c.rps, p50_ms: c.p50_ms, p99_ms: c.p99_ms };
      log(`ceiling      ${fmt({ ...c })}`);
      if (c.errors) failed = true;
    }

    const selected = SCENARIOS.filter((s) => !args.only || args.only.includes(s.name));
    for (const scenario of selected) {
      try {
        const r = await measure(server, scenario, manifest, args, runId, backlog);
        scenarios[scenario.name] = r;
        const status = Object.entries(r.statuses ?? {}).map(([k, v]) => `${k}×${v}`).join(' ');
        const jobs = r.jobs_after !== undefined ? `  jobs left ${r.jobs_after}, drained in ${r.drain_s} s` : '';
        log(`${scenario.name.padEnd(14)} ${fmt(r)}  ratio ${r.ratio} of ${r.ceiling_rps}  cpu ${r.cpu_ms_per_req} ms/req  rss ${r.rss_mb} MB  [${status}]${jobs}`);
        if (r.errors > 0 || r.requests === 0) {
          failed = true;
          log(`FAIL ${scenario.name}: ${r.errors} errors`);
        }
      } catch (err) {
        failed = true;
        log(`FAIL ${scenario.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (!args.only || args.only.includes('surge')) {
      const r = await surge(server, manifest, args, runId);
      scenarios.surge = r;
      log(`surge          feed p99 alone ${r.p99_alone_ms} ms, during sign-ups ${r.p99_ms} ms (×${r.p99_ratio}); sign-ups ${r.signup_rps}/s, errors ${r.errors}`);
      if (r.errors > 0) {
        failed = true;
        log('FAIL surge: errors');
      }
    }
  } finally {
    const tail = server.stderrTail();
    await backlog.close();
    await server.stop();
    cleanup();
    if (failed && tail.length) log(`server stderr (last lines):\n${tail.slice(-10).join('\n')}`);
  }

  // Smoke, single-scenario and experiment runs print only: they must not replace a full record.
  if (!args.smoke && !args.only && Object.keys(args.serverEnv).length === 0) {
    const results: BenchResults = {
      ceiling,
      scenarios,
      date: new Date().toISOString(),
      size: manifest.size,
      db: args.db,
      duration_s: args.duration,
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model ?? 'unknown',
        memory_gb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        load_before: loadBefore.map((l) => Math.round(l * 100) / 100),
      },
      server_code: server.code,
      data: manifest.counts,
    };
    const file = writeResults(results);
    log(`results: ${file}`);
    log(`report: ${writeReport()}`);
  }
  log(`${failed ? 'FAILED' : 'ok'} in ${Math.round((Date.now() - started) / 1000)} s`);
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
